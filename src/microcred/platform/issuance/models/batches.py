"""Bulk batches: a cohort's learner list, one row per learner, issued in chunks.

The database is the record of the work, never the queue: each row is keyed
``(batch, line)`` and says where it stands (pending, issued with its award, failed with
its reasons); a :class:`BatchChunk` is the unit a worker claims, with a lease that
expires, so that a chunk whose worker died is claimed again by the next one. A row's
status entry is reserved on the row before its credentials are signed (the credential
carries it), so a chunk done again after a crash signs with the same entries; the award,
the row's outcome and the learner's e-mail are written in one transaction with the
chunk's end, under its lease — a chunk is done once, whatever the number of workers.
"""

from __future__ import annotations

import uuid
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ...catalog.models import DesignVersion
from ...providers.models import Provider
from .awards import Award, StatusList


class Batch(models.Model):
    """One uploaded learner list, issued under one design version."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    provider = models.ForeignKey(Provider, on_delete=models.PROTECT, related_name="batches")
    version = models.ForeignKey(DesignVersion, on_delete=models.PROTECT, related_name="batches")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="batches")  # fmt: skip
    filename = models.CharField(_("file"), max_length=255)
    #: SHA-256 of the file as uploaded
    digest = models.CharField(max_length=64)
    #: the uploader's key for "this upload": the same key again issues nothing new
    idempotency_key = models.CharField(max_length=200, blank=True)
    #: the date of issue of a row that gives none (the UTC day of the upload)
    today = models.DateField()
    #: every row read: learners and refused rows
    rows = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(_("uploaded"))
    #: when issuing began (``None``: read and previewed, not started)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    #: when its last row was issued or failed
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["-created_at", "pk"]
        constraints: ClassVar[list[Any]] = [
            models.UniqueConstraint(fields=["provider", "idempotency_key"],
                                    condition=~Q(idempotency_key=""),
                                    name="one_batch_per_idempotency_key"),
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.filename} ({self.rows})"


class RowState(models.TextChoices):
    PENDING = "pending", _("Pending")
    ISSUED = "issued", _("Issued")
    FAILED = "failed", _("Failed")


class BatchRow(models.Model):
    """One row of a batch: the learner's cells as read, and its outcome."""

    batch = models.ForeignKey(Batch, on_delete=models.CASCADE, related_name="batch_rows")
    #: the line of the file it starts on (a workbook's row number)
    line = models.PositiveIntegerField()
    chunk = models.PositiveIntegerField()
    #: the row's cells by column name (extra fields as ``extra:<name>``)
    cells = models.JSONField(default=dict)
    state = models.CharField(max_length=10, choices=RowState.choices, default=RowState.PENDING)
    #: why it failed: ``[{"code", "en", "pl"}]``
    reasons = models.JSONField(default=list)
    award = models.OneToOneField(Award, on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="batch_row")  # fmt: skip
    #: the status entry reserved for its credential (kept across a retry)
    status_list = models.ForeignKey(StatusList, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+")  # fmt: skip
    status_index = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        # by the batch's id, not the batch (whose own ordering would join it into every
        # query, and into every row lock a worker takes)
        ordering: ClassVar[list[str]] = ["batch_id", "line"]
        constraints: ClassVar[list[Any]] = [
            models.UniqueConstraint(fields=["batch", "line"], name="one_row_per_line"),
            models.UniqueConstraint(fields=["status_list", "status_index"],
                                    name="one_row_per_status_entry"),
        ]  # fmt: skip
        indexes: ClassVar[list[Any]] = [
            models.Index(fields=["batch", "chunk", "state"], name="batch_row_chunk"),
            models.Index(fields=["batch", "state"], name="batch_row_state"),
        ]

    def __str__(self) -> str:
        return f"{self.batch_id}:{self.line} {self.state}"


class ChunkState(models.TextChoices):
    PENDING = "pending", _("Pending")
    DONE = "done", _("Done")


class BatchChunk(models.Model):
    """A run of a batch's rows that one worker issues at a time, under a lease."""

    batch = models.ForeignKey(Batch, on_delete=models.CASCADE, related_name="chunks")
    number = models.PositiveIntegerField()
    state = models.CharField(max_length=10, choices=ChunkState.choices,
                             default=ChunkState.PENDING)  # fmt: skip
    #: who holds it, until when (a lease that expires: a dead worker's chunk is taken again)
    lease_token = models.CharField(max_length=64, blank=True)
    lease_until = models.DateTimeField(null=True, blank=True)
    #: when it was last claimed
    claimed_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    #: seconds its last run spent reading, reserving status entries, signing and recording
    timings = models.JSONField(default=dict, blank=True)
    #: when a task was last put on the queue for it (a chunk claimable and not queued for a
    #: while — its worker died, or the task was lost — is queued again)
    queued_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["batch_id", "number"]
        constraints: ClassVar[list[Any]] = [
            models.UniqueConstraint(fields=["batch", "number"], name="one_chunk_per_number"),
        ]
        indexes: ClassVar[list[Any]] = [
            models.Index(fields=["state", "lease_until"], name="chunk_claimable"),
        ]

    def __str__(self) -> str:
        return f"{self.batch_id}#{self.number} {self.state}"
