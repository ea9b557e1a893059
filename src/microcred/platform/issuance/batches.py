"""Bulk batches: a cohort's learner list uploaded, previewed, started, reported.

``batch_create`` reads the whole file once (:mod:`microcred.credentials.cohort`: CSV in
UTF-8, Windows-1250 or UTF-16, ``,`` ``;`` or tab; XLSX) and keeps one row per learner,
keyed ``(batch, line)``: a good row pending, a malformed one failed with its line and
every reason (and the platform's own rules on top of the list's: no date of issue before
the version's approval, no learner who already holds the micro-credential). Nothing is
issued until ``batch_start``, which splits the pending rows into chunks for the workers
(:mod:`.batch_work`) and puts one task per chunk on the queue (:mod:`.tasks`). The same
idempotency key again returns the batch it made: the same file uploaded twice with one
key issues nothing new. ``batch_summary`` counts where the rows stand; ``batch_report``
writes them out (formula-safe CSV).
"""

from __future__ import annotations

__all__ = [
    "CHUNK_ROWS",
    "PREVIEW_ROWS",
    "BatchSummary",
    "batch_create",
    "batch_discard",
    "batch_report",
    "batch_start",
    "batch_summary",
]

import csv
import datetime as dt
import hashlib
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import Count

from ...credentials.cohort import (
    CohortAward,
    RowProblem,
    awards_from_rows,
    open_cohort,
    safe_row,
)
from ...credentials.errors import CohortError
from ...standard.messages import Reason
from ..accounts.models import User
from ..catalog.models import DesignVersion, VersionFacets
from ..catalog.selectors import spec_of
from ..core.errors import ConflictError, InvalidInputError, PermissionDeniedError
from ..providers.models import Provider
from . import messages as m
from .batch_rows import awarded_emails, reasons_json
from .models import (
    Batch,
    BatchChunk,
    BatchRow,
    RowState,
)
from .services import may_issue

_Item = CohortAward | RowProblem
#: rows a worker issues in one transaction (its lease covers them)
CHUNK_ROWS = 500
#: rows the preview shows
PREVIEW_ROWS = 10
#: rows written to the database at a time while a list is read
_WRITE_ROWS = 1000


def _cells(item: CohortAward) -> dict[str, str]:
    return {**item.row.cells, **{f"extra:{k}": v for k, v in item.row.extra.items()}}


def _rows(version: DesignVersion, data: bytes, filename: str,
          today: dt.date) -> Iterator[BatchRow]:  # fmt: skip
    """Every row of the list as an unsaved :class:`BatchRow` (its ``chunk`` numbered
    among the good rows); raises :class:`InvalidInputError` for a file that cannot be
    read as a learner list at all."""
    try:
        cohort = open_cohort(data, filename=filename)
    except CohortError as exc:
        raise InvalidInputError(m.BATCH_UNREADABLE, detail=exc.text("en"),
                                detail_pl=exc.text("pl")) from exc  # fmt: skip
    spec = spec_of(version)
    approved = version.approved_at.astimezone(dt.UTC).date() if version.approved_at else None
    awarded = awarded_emails(version)
    good = 0
    for item in _unless_unreadable(awards_from_rows(spec, cohort.rows(), today=today)):
        if isinstance(item, RowProblem):
            yield BatchRow(line=item.line, chunk=0, state=RowState.FAILED,
                           reasons=reasons_json(*item.reasons))  # fmt: skip
            continue
        problems: list[Reason] = []
        issued_on = item.award.issued_on or today
        if approved is not None and issued_on < approved:
            problems.append(m.BEFORE_APPROVAL(date=issued_on.isoformat(),
                                              approved=approved.isoformat()))  # fmt: skip
        email = (item.award.learner.email or "") if item.award.learner else ""
        if email and (held := awarded.get(email.lower())):
            problems.append(m.ALREADY_AWARDED(email=email, credential=held))
        if problems:
            yield BatchRow(line=item.line, chunk=0, cells=_cells(item), state=RowState.FAILED,
                           reasons=reasons_json(*problems))  # fmt: skip
            continue
        yield BatchRow(line=item.line, chunk=good // CHUNK_ROWS, cells=_cells(item))
        good += 1


def _unless_unreadable(items: Iterator[_Item]) -> Iterator[_Item]:
    """``items``, or :class:`InvalidInputError` when the file turns out unreadable further
    on (a quote never closed, a sheet damaged past its first rows, too many rows):
    the upload is refused whole, with the reason, and nothing is kept."""
    try:
        yield from items
    except CohortError as exc:
        raise InvalidInputError(m.BATCH_UNREADABLE, detail=exc.text("en"),
                                detail_pl=exc.text("pl")) from exc  # fmt: skip


def _listed(user: User, version: DesignVersion) -> Provider:
    provider = Provider.objects.get(pk=version.design.provider_id)
    if not may_issue(user, provider.organisation_id):
        raise PermissionDeniedError(m.NOT_ISSUER)
    if not VersionFacets.objects.filter(version=version, listed__in=[True]).exists():
        raise ConflictError(m.NOT_PUBLISHED, number=version.number)
    return provider


def batch_create(*, user: User, version: DesignVersion, data: bytes, filename: str,
                 now: datetime, idempotency_key: str = "") -> tuple[Batch, bool]:  # fmt: skip
    """The batch of the learner list ``data`` (the file ``filename``), read and kept row
    by row, not started; and whether it is new. With an ``idempotency_key`` already used
    for the same file, the batch it made (``False``); for another file, a conflict."""
    provider = _listed(user, version)
    digest = hashlib.sha256(data).hexdigest()
    key = idempotency_key.strip()
    if key and (found := _by_key(provider, key, digest)):
        return found, False
    today = now.astimezone(dt.UTC).date()
    try:
        with transaction.atomic():
            batch = Batch.objects.create(provider=provider, version=version, created_by=user,
                                         filename=filename[:255], digest=digest,
                                         idempotency_key=key, today=today,
                                         created_at=now)  # fmt: skip
            count = _write_rows(batch, _rows(version, data, filename, today))
            if not count:
                raise InvalidInputError(m.BATCH_EMPTY)
            Batch.objects.filter(pk=batch.pk).update(rows=count)
            batch.rows = count
    except IntegrityError:  # the same key at the same moment: the other upload's batch
        if key and (found := _by_key(provider, key, digest)):
            return found, False
        raise
    return batch, True


def _by_key(provider: Provider, key: str, digest: str) -> Batch | None:
    found = Batch.objects.filter(provider=provider, idempotency_key=key).first()
    if found is not None and found.digest != digest:
        raise ConflictError(m.BATCH_KEY_REUSED, key=key, batch=str(found.pk))
    return found


def _write_rows(batch: Batch, rows: Iterator[BatchRow]) -> int:
    """Save ``rows`` a thousand at a time (the list is never held whole); their count."""
    count, pending = 0, []
    for row in rows:
        row.batch = batch
        pending.append(row)
        if len(pending) == _WRITE_ROWS:
            BatchRow.objects.bulk_create(pending)
            count, pending = count + len(pending), []
    BatchRow.objects.bulk_create(pending)
    return count + len(pending)


@transaction.atomic
def batch_start(*, user: User, batch: Batch, now: datetime, enqueue: bool = True) -> Batch:
    """Start issuing ``batch``: its chunks made for the workers and (``enqueue``) one
    task each put on the queue once this commits. Started once."""
    locked = Batch.objects.select_for_update(no_key=True, of=("self",)).select_related(
        "version").get(pk=batch.pk)  # fmt: skip
    _listed(user, locked.version)
    if locked.started_at is not None:
        raise ConflictError(m.BATCH_STARTED, date=locked.started_at.date().isoformat())
    numbers = sorted(set(BatchRow.objects.filter(batch=locked, state=RowState.PENDING)
                         .values_list("chunk", flat=True)))  # fmt: skip
    if not numbers:
        raise ConflictError(m.BATCH_NOTHING_TO_ISSUE)
    chunks = BatchChunk.objects.bulk_create(
        [BatchChunk(batch=locked, number=n, queued_at=now if enqueue else None) for n in numbers]
    )
    locked.started_at = now
    locked.save(update_fields=["started_at"])
    if enqueue:
        from .tasks import chunk_tasks_enqueue

        ids = [chunk.pk for chunk in chunks]
        transaction.on_commit(lambda: chunk_tasks_enqueue(ids))
    return locked


@transaction.atomic
def batch_discard(*, user: User, batch: Batch) -> None:
    """Delete ``batch`` before it is started (a list uploaded by mistake): its rows go
    with it. A started batch stays (its awards are issued)."""
    locked = Batch.objects.select_for_update(no_key=True, of=("self",)).select_related(
        "provider").get(pk=batch.pk)  # fmt: skip
    if not may_issue(user, locked.provider.organisation_id):
        raise PermissionDeniedError(m.NOT_ISSUER)
    if locked.started_at is not None:
        raise ConflictError(m.BATCH_STARTED, date=locked.started_at.date().isoformat())
    locked.delete()


@dataclass(frozen=True)
class BatchSummary:
    """Where a batch's rows stand."""

    batch: Batch
    rows: int
    issued: int
    failed: int
    pending: int

    @property
    def done(self) -> bool:
        """Whether every row is issued or failed (a batch not started has pending rows,
        unless none of its rows could be issued)."""
        return self.pending == 0

    @property
    def percent(self) -> int:
        """The share of rows issued or failed, in whole per cent (floor: 100 only when done)."""
        return (self.issued + self.failed) * 100 // self.rows if self.rows else 100

    def as_json(self) -> dict[str, object]:
        return {"batch": str(self.batch.pk), "rows": self.rows, "issued": self.issued,
                "failed": self.failed, "pending": self.pending, "done": self.done}  # fmt: skip


def batch_summary(batch: Batch) -> BatchSummary:
    """How many of ``batch``'s rows are issued, failed and pending (one query)."""
    counts = dict(BatchRow.objects.filter(batch=batch).values_list("state")
                  .annotate(n=Count("pk")).values_list("state", "n"))  # fmt: skip
    issued, failed = counts.get(RowState.ISSUED, 0), counts.get(RowState.FAILED, 0)
    pending = counts.get(RowState.PENDING, 0)
    return BatchSummary(batch, issued + failed + pending, issued, failed, pending)


#: the columns of a batch's report, one line per row
REPORT_COLUMNS = ("line", "learner", "email", "outcome", "reason", "credential_id",
                  "credential_url", "claim_url", "revocation_list", "revocation_index",
                  "suspension_list", "suspension_index")  # fmt: skip


def batch_report(batch: Batch, *, lang: str = "en", failed_only: bool = False) -> Iterator[str]:
    """The CSV lines of ``batch``'s report (``failed_only``: the error report), every cell
    neutralised against formula injection; streamed, a thousand rows per query."""
    from .delivery import claim_url

    out = io.StringIO()
    out.write("\ufeff")  # a byte-order mark: Excel then reads the Polish names as UTF-8
    writer = csv.writer(out)
    writer.writerow(REPORT_COLUMNS)
    # the awards' credentials (~37 KB each) are not what a report shows: left unread
    rows = (BatchRow.objects.filter(batch=batch).select_related("award__status_list__twin")
            .defer("award__ob3", "award__edc", "award__status_list__credential",
                   "award__status_list__taken", "award__status_list__twin__credential",
                   "award__status_list__twin__taken"))  # fmt: skip
    if failed_only:
        rows = rows.filter(state=RowState.FAILED)
    for row in rows.order_by("line").iterator(chunk_size=_WRITE_ROWS):
        cells = row.cells or {}
        name = cells.get("name") or " ".join(
            v for v in (cells.get("given_name"), cells.get("family_name")) if v)  # fmt: skip
        award = row.award
        status = award.status_list if award else None
        twin = status.twin if status else None
        writer.writerow(safe_row([
            row.line, name, cells.get("email", ""), row.state,
            " | ".join(r.get(lang, r.get("en", "")) for r in row.reasons),
            award.credential_id if award else "",
            award.url if award else "", claim_url(award) if award else "",
            status.url if status else "", award.status_index if award else "",
            twin.url if twin else "", award.status_index if award and twin else "",
        ]))  # fmt: skip
        yield out.getvalue()
        out.seek(0)
        out.truncate()
    if out.getvalue():
        yield out.getvalue()
