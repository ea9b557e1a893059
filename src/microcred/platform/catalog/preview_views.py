"""A version's previews (OB 3.0 JSON, EDC JSON-LD, PDF, made for a sample learner by
:mod:`.previews`) and its design's badge image (shown, uploaded, removed). Thin: the
documents are the library's, the checks of an image :mod:`.badges`'."""

from __future__ import annotations

import json
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from ..core.errors import PlatformError
from ..core.language import current_language
from .badges import MAX_BADGE_BYTES
from .forms import BadgeForm
from .models import DesignVersion
from .previews import preview_document, preview_pdf
from .selectors import badge_of, design_for, design_version_for
from .services import design_badge_clear, design_badge_set
from .views import _render_version

_KINDS = {"ob3": ("application/json", "json"), "edc": ("application/ld+json", "jsonld")}


def _name(version: DesignVersion, suffix: str) -> str:
    return f"preview-design-{version.design_id}-v{version.number}-{suffix}"


def _failed(request: HttpRequest, version: DesignVersion, exc: PlatformError) -> HttpResponse:
    if exc.status in (403, 404):
        raise exc
    return _render_version(request, version, exc.text(current_language()), exc.status)


@login_required
def document(request: HttpRequest, version_id: int, kind: str) -> HttpResponse:
    version = design_version_for(request.user, version_id)
    media_type, extension = _KINDS[kind]
    try:
        built: dict[str, Any] = preview_document(version, kind, timezone.now())
    except PlatformError as exc:
        return _failed(request, version, exc)
    response = HttpResponse(json.dumps(built, ensure_ascii=False, indent=2),
                            content_type=f"{media_type}; charset=utf-8")  # fmt: skip
    response["Content-Disposition"] = f'inline; filename="{_name(version, kind)}.{extension}"'
    return response


@login_required
def pdf(request: HttpRequest, version_id: int) -> HttpResponse:
    version = design_version_for(request.user, version_id)
    try:
        rendered = preview_pdf(version, current_language(), timezone.now())
    except PlatformError as exc:
        return _failed(request, version, exc)
    response = HttpResponse(rendered, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{_name(version, "certificate")}.pdf"'
    return response


@login_required
def badge(request: HttpRequest, design_id: int) -> HttpResponse:
    image, media_type = badge_of(design_for(request.user, design_id), current_language())
    response = HttpResponse(image, content_type=media_type)
    # An SVG opened on its own runs nothing, loads nothing.
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def badge_upload(request: HttpRequest, version_id: int) -> HttpResponse:
    version = design_version_for(request.user, version_id)
    try:
        if request.POST.get("action") == "clear":
            design_badge_clear(user=request.user, design=version.design,  # type: ignore[arg-type]
                               now=timezone.now())  # fmt: skip
        else:
            form = BadgeForm(request.POST, request.FILES)
            if not form.is_valid():
                return _render_version(request, version, str(_("Choose a PNG or SVG file.")),
                                       422)  # fmt: skip
            data = form.cleaned_data["image"].read(MAX_BADGE_BYTES + 1)
            design_badge_set(user=request.user, design=version.design,  # type: ignore[arg-type]
                             data=bytes(data), now=timezone.now())  # fmt: skip
    except PlatformError as exc:
        return _failed(request, version, exc)
    return redirect("catalog:version", version_id=version.pk)
