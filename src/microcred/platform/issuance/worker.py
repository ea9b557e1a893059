"""One background worker of the platform (``microcred worker``): the queued tasks of
the configured Tasks backend, the chunks whose task was lost, and the e-mails due.

Each round it queues again the chunks no task will take (:func:`.tasks.chunks_requeue`:
a worker killed mid-chunk leaves its task ``RUNNING`` in the database backend for ever),
runs the ready tasks (django-tasks-db's own worker loop, in its "batch" mode: until none
is ready), and sends the due e-mails of the outbox (:func:`.delivery.outbox_deliver`).
With another backend (Celery: its own workers run the tasks) it only requeues and sends.
"""

from __future__ import annotations

__all__ = ["Worker"]

import gc
import logging
import os
import socket
import time

from django.conf import settings
from django.db import DatabaseError, close_old_connections
from django.utils import timezone

from .delivery import outbox_deliver
from .tasks import chunks_requeue

logger = logging.getLogger(__name__)

#: seconds between two looks for lost chunks
_REQUEUE_EVERY = 5.0
_DATABASE_BACKEND = "django_tasks_db.DatabaseBackend"


class Worker:
    """A worker's loop; ``running`` set to false stops it after the current task."""

    def __init__(self, *, interval: float = 1.0) -> None:
        self.interval = interval
        self.running = True
        self.worker_id = f"{socket.gethostname()}-{os.getpid()}"[:64]

    def _tasks(self) -> int:
        """Run the ready tasks until none is left; how many ran."""
        if settings.TASKS["default"]["BACKEND"] != _DATABASE_BACKEND:
            return 0
        # django-tasks-db's worker loop, as its `db_worker --batch` command runs it (the
        # class lives in the command's module; its signal handling is ours, not set here)
        from django_tasks_db.management.commands.db_worker import Worker as DbWorker

        runner = DbWorker(queue_names=["*"], interval=0, batch=True, backend_name="default",
                          startup_delay=False, max_tasks=1, worker_id=self.worker_id,
                          excluded_queue_names=[])  # fmt: skip
        ran = 0
        while self.running:
            runner._run_tasks = 0
            runner.run()
            if not runner._run_tasks:
                break
            ran += 1
        return ran

    def run(self, *, burst: bool = False) -> None:
        """Work until stopped (``burst``: until nothing is left to do)."""
        # What start-up made (Django, the library's contexts and shapes) lives as long as
        # the worker: moved out of the collector's reach, so that each full collection —
        # frequent, with a credential's many small objects — walks only the work's own
        gc.collect()
        gc.freeze()
        requeued_at = 0.0
        while self.running:
            close_old_connections()
            try:
                did = 0
                if time.monotonic() - requeued_at >= _REQUEUE_EVERY or burst:
                    did += chunks_requeue(now=timezone.now())
                    requeued_at = time.monotonic()
                did += self._tasks()
                if self.running:
                    did += outbox_deliver(now=timezone.now())
            except DatabaseError:  # a database gone for a while (or locked past the
                # busy timeout): the work is in the tables, the next round goes on
                logger.exception("worker %s: database error; trying again", self.worker_id)
                did = 0
                close_old_connections()
                time.sleep(max(self.interval, 1.0))
                continue
            if not did:
                if burst:
                    return
                time.sleep(self.interval)
