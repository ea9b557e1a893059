"""Celery, the documented option for background work at scale (``MICROCRED_TASKS_BACKEND=
microcred.platform.core.celery_tasks.CeleryBackend`` with Redis as the broker): the one
Celery task that runs any of the platform's Tasks-API tasks, and the settings that make
a hard-killed worker's task come back.

Run a worker with ``celery -A microcred.platform.config.celery worker`` (as many as the
machines have cores), plus one ``microcred worker`` for the platform's own rounds (lost
chunks queued again, e-mails sent). Celery redelivers a task whose worker died only with
late acknowledgement, ``task_reject_on_worker_lost`` and a broker visibility timeout
longer than the longest task (a chunk of a batch takes seconds; an hour is kept): it is
at-least-once, and the chunk's lease in the database makes running one twice harmless.
"""

from __future__ import annotations

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "microcred.platform.config.settings")

import django
from celery import Celery

django.setup()

from django.conf import settings  # noqa: E402
from django.utils.module_loading import import_string  # noqa: E402

app = Celery("microcred")
app.conf.update(
    broker_url=settings.CELERY_BROKER_URL,
    task_acks_late=True,
    task_reject_on_worker_lost=True,
    worker_prefetch_multiplier=1,
    broker_transport_options={"visibility_timeout": 3600},
    task_serializer="json",
    accept_content=["json"],
    task_ignore_result=True,
    broker_connection_retry_on_startup=True,
)


@app.task(name="microcred.run_task")  # type: ignore[untyped-decorator] # celery ships no types
def run_task(module_path: str, args: list[object], kwargs: dict[str, object]) -> None:
    """Run the Tasks-API task at ``module_path`` (``microcred.platform.issuance.tasks.
    issue_chunk``) with its arguments, as the database backend's worker would."""
    if not module_path.startswith("microcred.platform."):  # a message names only our tasks
        raise ValueError(f"not a task of the platform: {module_path!r}")
    task = import_string(module_path)
    task.call(*args, **kwargs)
