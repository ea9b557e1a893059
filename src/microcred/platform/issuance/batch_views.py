"""The bulk-issuance pages: upload a learner list, see the preview (its first rows, and
every row that cannot be issued with its line and reason), start it, follow its progress
(an HTMX fragment polled each second while rows are pending; without JavaScript the page
refreshes itself), download its results and its error report (CSV, formula-safe).
Thin: parse, call one service or selector, render."""

from __future__ import annotations

import uuid
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from ...credentials.cohort import MAX_BYTES
from ..core.errors import PlatformError
from ..core.language import current_language
from .batches import (
    PREVIEW_ROWS,
    batch_create,
    batch_discard,
    batch_report,
    batch_start,
    batch_summary,
)
from .models import BatchRow, RowState
from .selectors import batch_for, batches_of_provider, issuable_version, issuing_provider
from .services import may_issue

#: failed rows listed on the page (all of them are in the error report)
FAILED_SHOWN = 200
_NO_FILE = _("Choose the learner list to upload (CSV or XLSX).")
_TOO_LARGE = _("The file is larger than the platform reads.")


@login_required
def upload(request: HttpRequest, version_id: int) -> HttpResponse:
    version = issuable_version(request.user, version_id)
    error: str | None = None
    lang = current_language()
    if request.method == "POST":
        sent = request.FILES.get("file")
        if sent is None:
            error = str(_NO_FILE)
        elif sent.size is not None and sent.size > MAX_BYTES:
            error = str(_TOO_LARGE)
        else:
            try:
                batch, _ = batch_create(
                    user=request.user, version=version,  # type: ignore[arg-type]
                    data=sent.read(), filename=sent.name or "upload", now=timezone.now(),
                    idempotency_key=request.POST.get("idempotency_key", ""))  # fmt: skip
            except PlatformError as exc:
                if exc.status == 403:
                    raise
                error = exc.text(lang)
            else:
                return redirect("issuance:batch", batch_id=batch.pk)
    return render(request, "issuance/batch_upload.html", {
        "version": version, "title": version.title(lang), "provider": version.design.provider,
        "message": error, "key": uuid.uuid4().hex, "max_mb": MAX_BYTES // (1024 * 1024),
        "may_issue": may_issue(request.user, version.design.provider.organisation_id),  # type: ignore[arg-type]
    }, status=422 if error else 200)  # fmt: skip


def _context(request: HttpRequest, batch_id: UUID) -> dict[str, object]:
    found = batch_for(request.user, batch_id)
    lang = current_language()
    failed = BatchRow.objects.filter(batch=found, state=RowState.FAILED).order_by("line")
    return {
        "batch": found, "summary": batch_summary(found), "lang": lang,
        "title": found.version.title(lang),
        "preview": BatchRow.objects.filter(batch=found).exclude(state=RowState.FAILED)
        .order_by("line")[:PREVIEW_ROWS],
        "failed": [(row.line, " ".join(r.get(lang, r.get("en", "")) for r in row.reasons))
                   for row in failed[:FAILED_SHOWN]],
        "failed_more": max(0, failed.count() - FAILED_SHOWN),
    }  # fmt: skip


@login_required
def batch(request: HttpRequest, batch_id: UUID) -> HttpResponse:
    return render(request, "issuance/batch.html", _context(request, batch_id))


@login_required
def progress(request: HttpRequest, batch_id: UUID) -> HttpResponse:
    """The progress fragment HTMX swaps in (``286`` when done: HTMX stops polling)."""
    context = _context(request, batch_id)
    done = context["summary"].done  # type: ignore[attr-defined]
    status = 286 if done and request.headers.get("HX-Request") else 200
    return render(request, "issuance/_batch_progress.html", context, status=status)


@login_required
@require_POST
def start(request: HttpRequest, batch_id: UUID) -> HttpResponse:
    found = batch_for(request.user, batch_id)
    try:
        batch_start(user=request.user, batch=found, now=timezone.now())  # type: ignore[arg-type]
    except PlatformError as exc:
        if exc.status == 403:
            raise
        context = _context(request, batch_id) | {"message": exc.text(current_language())}
        return render(request, "issuance/batch.html", context, status=exc.status)
    return redirect("issuance:batch", batch_id=found.pk)


@login_required
@require_POST
def discard(request: HttpRequest, batch_id: UUID) -> HttpResponse:
    found = batch_for(request.user, batch_id)
    try:
        version_id = found.version_id
        batch_discard(user=request.user, batch=found)  # type: ignore[arg-type]
    except PlatformError as exc:
        if exc.status == 403:
            raise
        context = _context(request, batch_id) | {"message": exc.text(current_language())}
        return render(request, "issuance/batch.html", context, status=exc.status)
    return redirect("issuance:upload", version_id=version_id)


@login_required
def report(request: HttpRequest, batch_id: UUID, kind: str) -> StreamingHttpResponse:
    found = batch_for(request.user, batch_id)
    lines = batch_report(found, lang=current_language(), failed_only=kind == "errors")
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="batch-{found.pk}-{kind}.csv"'
    return response


@login_required
def provider_batches(request: HttpRequest, provider_id: int) -> HttpResponse:
    provider = issuing_provider(request.user, provider_id)
    page = Paginator(batches_of_provider(provider), 50).get_page(request.GET.get("page"))
    return render(request, "issuance/provider_batches.html", {
        "provider": provider, "page": page, "lang": current_language(),
        "rows": [(b, batch_summary(b)) for b in page]})  # fmt: skip
