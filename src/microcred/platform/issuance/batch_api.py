"""The bulk-issuance endpoints, over the same services as the pages:

- ``POST /api/v1/batches`` — upload a learner list (``multipart/form-data``: ``file``,
  ``version_id``, optional ``idempotency_key`` — or the ``Idempotency-Key`` header — and
  ``start``): 201 with the preview (rows, the first ones, every refused row with its
  line and reasons), or 200 with the batch the same key already made;
- ``POST /api/v1/batches/{id}/start`` — issue it (202: the workers do it);
- ``GET /api/v1/batches/{id}`` — where it stands: ``rows``, ``issued``, ``failed``,
  ``pending``, ``done`` (what ``microcred batch show --json`` prints), with links to its
  results and error report (CSV);
- ``GET /api/v1/batches/{id}/rows?state=&page=`` — its rows, in pages: line, outcome,
  reasons, the award.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile

from ...credentials.cohort import MAX_BYTES
from ..core.errors import InvalidInputError
from . import messages as m
from .batches import PREVIEW_ROWS, batch_create, batch_start, batch_summary
from .models import Batch, BatchRow, RowState
from .selectors import batch_for, issuable_version

router = Router(tags=["issuance"])

#: rows per page of ``…/rows``
PAGE_SIZE = 500
#: refused rows in an upload's answer
REFUSED_SHOWN = 1000


class ReasonOut(Schema):
    code: str
    en: str
    pl: str


class RowOut(Schema):
    line: int
    state: str
    cells: dict[str, str]
    reasons: list[ReasonOut]
    award_id: UUID | None
    credential_id: str | None


class BatchOut(Schema):
    batch: UUID
    version_id: int
    filename: str
    rows: int
    issued: int
    failed: int
    pending: int
    done: bool
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    links: dict[str, str]


class PreviewOut(BatchOut):
    #: the first rows that will be issued
    first: list[RowOut]
    #: the rows that will not, by line (the first thousand: ``…/rows?state=failed`` and
    #: the error report have them all)
    refused: list[RowOut]
    refused_count: int


class RowPageOut(Schema):
    count: int
    page: int
    pages: int
    results: list[RowOut]


def _row(row: BatchRow) -> RowOut:
    award = row.award
    return RowOut(line=row.line, state=row.state, cells=row.cells,
                  reasons=[ReasonOut(**r) for r in row.reasons],
                  award_id=award.pk if award else None,
                  credential_id=award.credential_id if award else None)  # fmt: skip


def _out(batch: Batch) -> BatchOut:
    summary = batch_summary(batch)
    links = {name: settings.PUBLIC_URL + reverse(route, args=[batch.pk]) for name, route in (
        ("page", "issuance:batch"), ("results", "issuance:batch_results"),
        ("errors", "issuance:batch_errors"))}  # fmt: skip
    return BatchOut(batch=batch.pk, version_id=batch.version_id, filename=batch.filename,
                    rows=summary.rows, issued=summary.issued, failed=summary.failed,
                    pending=summary.pending, done=summary.done, created_at=batch.created_at,
                    started_at=batch.started_at, finished_at=batch.finished_at,
                    links=links)  # fmt: skip


def _rows(batch: Batch) -> QuerySet[BatchRow]:
    """The batch's rows with their awards, the credentials left unread (~37 KB each)."""
    return (BatchRow.objects.filter(batch=batch).select_related("award").order_by("line")
            .defer("award__ob3", "award__edc"))  # fmt: skip


def _preview(batch: Batch) -> PreviewOut:
    rows = _rows(batch)
    refused = rows.filter(state=RowState.FAILED)
    return PreviewOut(**_out(batch).dict(),
                      first=[_row(r) for r in rows.exclude(state=RowState.FAILED)[:PREVIEW_ROWS]],
                      refused=[_row(r) for r in refused[:REFUSED_SHOWN]],
                      refused_count=refused.count())  # fmt: skip


@router.post("", response={200: PreviewOut, 201: PreviewOut})
def upload(
    request: HttpRequest, version_id: Form[int], file: File[UploadedFile],
    idempotency_key: Form[str] = "", start: Form[bool] = False,
) -> Status[PreviewOut]:  # fmt: skip
    version = issuable_version(request.user, version_id)
    if file.size is not None and file.size > MAX_BYTES:
        raise InvalidInputError(m.BATCH_UNREADABLE, detail=f"larger than {MAX_BYTES} bytes",
                                detail_pl=f"większy niż {MAX_BYTES} bajtów")  # fmt: skip
    key = idempotency_key or request.headers.get("Idempotency-Key", "")
    batch, created = batch_create(user=request.user, version=version,  # type: ignore[arg-type]
                                  data=file.read(), filename=file.name or "upload",
                                  now=timezone.now(), idempotency_key=key)  # fmt: skip
    if start and batch.started_at is None and batch_summary(batch).pending:
        batch = batch_start(user=request.user, batch=batch, now=timezone.now())  # type: ignore[arg-type]
    return Status(201 if created else 200, _preview(batch))


@router.post("/{batch_id}/start", response={202: BatchOut})
def start(request: HttpRequest, batch_id: UUID) -> Status[BatchOut]:
    found = batch_for(request.user, batch_id)
    started = batch_start(user=request.user, batch=found, now=timezone.now())  # type: ignore[arg-type]
    return Status(202, _out(started))


@router.get("/{batch_id}", response=BatchOut)
def batch(request: HttpRequest, batch_id: UUID) -> BatchOut:
    return _out(batch_for(request.user, batch_id))


@router.get("/{batch_id}/rows", response=RowPageOut)
def rows(request: HttpRequest, batch_id: UUID, state: str = "", page: int = 1) -> RowPageOut:
    found = batch_for(request.user, batch_id)
    chosen = _rows(found)
    if state:
        chosen = chosen.filter(state=state)
    listed = Paginator(chosen, PAGE_SIZE).get_page(page)
    return RowPageOut(count=listed.paginator.count, page=listed.number,
                      pages=listed.paginator.num_pages,
                      results=[_row(r) for r in listed.object_list])  # fmt: skip
