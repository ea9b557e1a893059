"""The learner's claim link (from their e-mail): their award and its credentials, with
no account. The link is a bearer secret (:mod:`.delivery`), so its pages are private:
never cached by shared caches, never indexed, no referrer sent on."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from ..core.language import current_language
from .delivery import award_from_claim
from .documents import award_badge, award_pdf
from .models import Award

_FILES = {"ob3.json": "application/json", "edc.json": "application/json"}


def _claimed(token: str) -> Award:
    found = award_from_claim(token)
    if found is None:
        raise Http404
    return found


def _private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


@require_safe
def claim(request: HttpRequest, token: str) -> HttpResponse:
    found = _claimed(token)
    lang = current_language()
    return _private(render(request, "issuance/claim.html", {
        "award": found, "token": token, "title": found.version.title(lang), "lang": lang,
    }))  # fmt: skip


@require_safe
def claim_file(request: HttpRequest, token: str, name: str) -> HttpResponse:
    found = _claimed(token)
    if name in _FILES:
        response = HttpResponse(getattr(found, name.removesuffix(".json")),
                                content_type=_FILES[name])  # fmt: skip
        response["Content-Disposition"] = f'attachment; filename="{found.pk}-{name}"'
    elif name == "certificate.pdf":
        lang = request.GET.get("lang") or current_language()
        response = HttpResponse(award_pdf(found, lang), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{found.pk}.pdf"'
    elif name == "badge":
        image, media_type = award_badge(found, current_language())
        suffix = "svg" if "svg" in media_type else "png"
        response = HttpResponse(image, content_type=media_type)
        response["Content-Disposition"] = f'attachment; filename="{found.pk}.{suffix}"'
        response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    else:
        raise Http404
    return _private(response)
