"""The issuance app's background tasks, on Django's Tasks API (the ``django-tasks``
backport; the database backend of ``django-tasks-db`` by default, see ``TASKS`` in the
settings).

One task per chunk of a batch (``issue_chunk``): two workers share a batch. A task only
says "look at this chunk": what is done is recorded in the app's own tables
(:mod:`.batch_work`), so a task run twice does nothing twice, and a task lost with its
worker — the database backend leaves a task whose worker was killed ``RUNNING`` for
ever, and nothing runs it again — is made good by :func:`chunks_requeue`, which every
``microcred worker`` runs every few seconds: a chunk that can be claimed and has no task
on the queue since it was last claimed gets a new one.
"""

from __future__ import annotations

__all__ = ["chunk_tasks_enqueue", "chunks_requeue", "issue_chunk"]

from collections.abc import Iterable
from datetime import datetime, timedelta

from django.db.models import F, Q
from django.utils import timezone
from django_tasks import task

from .batch_work import chunk_claim, chunk_run
from .models import BatchChunk, ChunkState

#: a chunk queued this long ago and never claimed is queued again (its task was lost)
LOST_AFTER = timedelta(minutes=30)


@task()
def issue_chunk(chunk_id: int) -> bool:
    """Issue the chunk ``chunk_id`` if it can be claimed (not done, not held by a live
    worker); whether this run did it."""
    claim = chunk_claim(now=timezone.now(), chunk_id=chunk_id)
    if claim is None:
        return False
    chunk_run(claim)
    return True


def chunk_tasks_enqueue(chunk_ids: Iterable[int]) -> None:
    """One ``issue_chunk`` task per chunk on the configured queue."""
    for chunk_id in chunk_ids:
        issue_chunk.enqueue(chunk_id)


def chunks_requeue(*, now: datetime) -> int:
    """Queue again every chunk a worker can claim but no task will: claimed since it was
    last queued (its worker died, or its try failed), never queued (an ``microcred
    issue`` run stopped halfway), or queued long ago (the task was lost). How many."""
    claimable = Q(state=ChunkState.PENDING) & (
        Q(lease_until__isnull=True) | Q(lease_until__lt=now))  # fmt: skip
    stale = (
        Q(queued_at__isnull=True) | Q(queued_at__lt=F("claimed_at"))
        | Q(queued_at__lt=now - LOST_AFTER)
    )  # fmt: skip
    chunks = BatchChunk.objects.filter(claimable, stale, batch__started_at__isnull=False)
    ids = list(chunks.values_list("pk", flat=True)[:1000])
    for chunk_id in ids:  # stamped once queued: a broker that is down leaves it to the next round
        issue_chunk.enqueue(chunk_id)
        BatchChunk.objects.filter(pk=chunk_id).update(queued_at=now)
    return len(ids)
