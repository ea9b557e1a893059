"""A Django Tasks backend that hands each task to Celery (``config/celery.py`` runs it).

Written here because the Tasks API backport has no Celery backend and
``django-tasks-celery`` is not on the package index this project installs from; it is the
few lines the Tasks API asks of a backend: ``enqueue`` sends the task's import path and
its JSON arguments as one Celery message. Results are not kept (``supports_get_result``
is false): the platform records its work in its own tables.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django_tasks.backends.base import BaseTaskBackend
from django_tasks.base import Task, TaskResult, TaskResultStatus
from django_tasks.signals import task_enqueued
from django_tasks.utils import get_random_id


class CeleryBackend(BaseTaskBackend):
    """Enqueue on Celery (its broker: ``CELERY_BROKER_URL``)."""

    def enqueue(self, task: Task[Any, Any], args: Any, kwargs: Any) -> TaskResult[Any]:
        self.validate_task(task)
        from ..config.celery import app

        result: TaskResult[Any] = TaskResult(
            task=task, id=get_random_id(), status=TaskResultStatus.READY,
            enqueued_at=timezone.now(), started_at=None, last_attempted_at=None,
            finished_at=None, args=list(args), kwargs=dict(kwargs), backend=self.alias,
            errors=[], worker_ids=[],
        )  # fmt: skip
        app.send_task("microcred.run_task", args=[task.module_path, list(args), dict(kwargs)],
                      task_id=result.id)  # fmt: skip
        task_enqueued.send(type(self), task_result=result)
        return result
