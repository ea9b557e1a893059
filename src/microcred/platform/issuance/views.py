"""The issuance pages: issue one award, a provider's awards, an award with its
credentials (its provider's people and its learner), the learner's own awards, and the
published status lists (public). Thin: parse, call one service or selector, render."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.views.decorators.http import require_POST, require_safe

from ..catalog.models import VersionFacets
from ..catalog.selectors import spec_of
from ..core.errors import PlatformError
from ..core.forms import show_field_errors
from ..core.language import current_language
from .documents import award_badge, award_pdf
from .forms import AwardForm, CorrectionForm
from .selectors import (
    OWN_ROLES,
    award_for,
    awards_of_learner,
    awards_of_provider,
    issuable_version,
    issuing_provider,
)
from .services import (
    REASON_LIMIT,
    award_correct,
    award_issue,
    award_revoke,
    award_suspend,
    may_issue,
)
from .status_lists import published_status_list

#: how long a cache may keep a status list before asking again (its ETag answers cheaply)
STATUS_MAX_AGE = 300


@login_required
def issue_one(request: HttpRequest, version_id: int) -> HttpResponse:
    version = issuable_version(request.user, version_id)
    form = AwardForm(request.POST or None)
    error: PlatformError | None = None
    if request.method == "POST" and form.is_valid():
        try:
            award = award_issue(user=request.user, version=version,  # type: ignore[arg-type]
                                request=form.request(), now=timezone.now())  # fmt: skip
        except PlatformError as exc:
            if exc.status == 403:
                raise
            error = exc
            show_field_errors(form, exc)
        else:
            return redirect("issuance:award", award_id=award.pk)
    lang = current_language()
    listed = VersionFacets.objects.filter(version=version, listed__in=[True]).exists()
    promised = [a.label(lang) for a in spec_of(version).learner_identification]
    return render(request, "issuance/issue.html", {
        "version": version, "title": version.title(lang), "form": form, "listed": listed,
        "promised": promised,
        "provider": version.design.provider, "message": error.text(lang) if error else None,
        "may_issue": may_issue(request.user, version.design.provider.organisation_id),  # type: ignore[arg-type]
    }, status=error.status if error else 200)  # fmt: skip


@login_required
def provider_awards(request: HttpRequest, provider_id: int) -> HttpResponse:
    provider = issuing_provider(request.user, provider_id)
    page = Paginator(awards_of_provider(provider), 50).get_page(request.GET.get("page"))
    return render(request, "issuance/provider_awards.html", {
        "provider": provider, "page": page, "lang": current_language()})  # fmt: skip


@login_required
def award(request: HttpRequest, award_id: UUID) -> HttpResponse:
    return _award_page(request, award_for(request.user, award_id))


@login_required
@require_POST
def revoke(request: HttpRequest, award_id: UUID) -> HttpResponse:
    found = award_for(request.user, award_id)
    try:
        award_revoke(user=request.user, award=found,  # type: ignore[arg-type]
                     reason=request.POST.get("reason", ""), now=timezone.now())  # fmt: skip
    except PlatformError as exc:
        if exc.status == 403:
            raise
        return _award_page(request, found, error=exc)
    return redirect("issuance:award", award_id=found.pk)


@login_required
@require_POST
def suspend(request: HttpRequest, award_id: UUID, lift: bool = False) -> HttpResponse:
    """Suspend the award, or (``lift``) reinstate it; the award's page either way."""
    found = award_for(request.user, award_id)
    try:
        award_suspend(user=request.user, award=found,  # type: ignore[arg-type]
                      reason=request.POST.get("reason", ""), now=timezone.now(),
                      suspend=not lift)  # fmt: skip
    except PlatformError as exc:
        if exc.status == 403:
            raise
        return _award_page(request, found, error=exc)
    return redirect("issuance:award", award_id=found.pk)


@login_required
@require_POST
def correct(request: HttpRequest, award_id: UUID) -> HttpResponse:
    """The corrected award issued and the old one revoked ("replaced"), or the award's
    page with the correction form and its errors under their fields."""
    found = award_for(request.user, award_id)
    form = CorrectionForm(request.POST)
    if form.is_valid():
        try:
            new = award_correct(user=request.user, award=found,  # type: ignore[arg-type]
                                request=form.request(), reason=form.cleaned_data["reason"],
                                now=timezone.now())  # fmt: skip
        except PlatformError as exc:
            if exc.status == 403:
                raise
            show_field_errors(form, exc)
            return _award_page(request, found, error=exc, correction=form)
        return redirect("issuance:award", award_id=new.pk)
    return _award_page(request, found, correction=form, status=422)


def _award_page(
    request: HttpRequest, found: Any, error: PlatformError | None = None,
    correction: CorrectionForm | None = None, status: int = 200,
) -> HttpResponse:  # fmt: skip
    lang = current_language()
    staff = found.provider.organisation.memberships.filter(user=request.user.pk,
                                                           role__in=OWN_ROLES).exists()  # fmt: skip
    return render(request, "issuance/award.html", {
        "award": found, "title": found.version.title(lang), "lang": lang, "staff": staff,
        "learner": found.email.casefold() == request.user.email.casefold(),  # type: ignore[union-attr]
        "events": found.events.select_related("actor") if staff else [],
        "may_revoke": staff and found.state != "revoked" and may_issue(
            request.user, found.provider.organisation_id),  # type: ignore[arg-type]
        "reason_limit": REASON_LIMIT, "message": error.text(lang) if error else None,
        "reason_errors": error.extra.get("fields", {}).get("reason", [])
        if error and correction is None else [],
        "correction": correction or CorrectionForm(initial=CorrectionForm.initial_of(found)),
        "correcting": correction is not None,
    }, status=error.status if error else status)  # fmt: skip


_DOWNLOADS = {"ob3": ("application/json", "ob3.json"), "edc": ("application/json", "edc.json")}


@login_required
def download(request: HttpRequest, award_id: UUID, fmt: str) -> HttpResponse:
    found = award_for(request.user, award_id)
    media_type, suffix = _DOWNLOADS[fmt]
    response = HttpResponse(getattr(found, fmt), content_type=media_type)
    response["Content-Disposition"] = f'attachment; filename="{found.pk}-{suffix}"'
    return response


@login_required
def certificate(request: HttpRequest, award_id: UUID) -> HttpResponse:
    found = award_for(request.user, award_id)
    lang = request.GET.get("lang") or current_language()
    response = HttpResponse(award_pdf(found, lang), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{found.pk}.pdf"'
    return response


@login_required
def badge(request: HttpRequest, award_id: UUID) -> HttpResponse:
    found = award_for(request.user, award_id)
    image, media_type = award_badge(found, current_language())
    suffix = "svg" if "svg" in media_type else "png"
    response = HttpResponse(image, content_type=media_type)
    response["Content-Disposition"] = f'attachment; filename="{found.pk}.{suffix}"'
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return response


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    return render(request, "issuance/mine.html", {
        "awards": awards_of_learner(request.user), "lang": current_language()})  # fmt: skip


@require_safe
def status_list(request: HttpRequest, list_id: UUID) -> HttpResponse:
    """A published status list: no login, cached, answered 304 while it is unchanged
    (``If-None-Match`` and ``If-Modified-Since`` as RFC 9110 reads them: Django's
    conditional-request code, lists, weak tags and ``*`` included); HEAD too."""
    record = published_status_list(str(list_id))
    etag = f'"{record.pk}-{record.sequence}"'
    modified = int(record.updated_at.timestamp())
    response = get_conditional_response(request, etag=etag, last_modified=modified)
    if response is None:
        response = HttpResponse(record.credential, content_type="application/vc")
    response["ETag"] = etag
    response["Last-Modified"] = http_date(modified)
    response["Cache-Control"] = f"public, max-age={STATUS_MAX_AGE}"
    response["Access-Control-Allow-Origin"] = "*"
    return response
