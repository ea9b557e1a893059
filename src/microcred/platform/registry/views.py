"""The registry's public pages: the search, and a micro-credential's page with every EU
element and its provider's verified status."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone, translation

from ..catalog.selectors import compliance_of
from .selectors import published, published_version


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")[:200]
    return render(
        request, "registry/search.html", {"query": query, "versions": published(query)[:100]}
    )


def page(request: HttpRequest, version_id: int) -> HttpResponse:
    version = published_version(version_id)
    lang = translation.get_language() or "pl"
    report = compliance_of(version, timezone.now())
    elements = [{"label": r.element.short_label(lang), "status": str(r.status),
                 "status_label": r.status.label(lang),
                 "reasons": [x.text(lang) for x in r.reasons]}
                for r in report.elements if str(r.status) != "not-applicable"]  # fmt: skip
    return render(request, "registry/page.html", {
        "version": version, "provider": version.design.provider, "title": version.title(lang),
        "verdict": report.verdict.label(lang), "verdict_code": str(report.verdict),
        "elements": elements,
    })  # fmt: skip
