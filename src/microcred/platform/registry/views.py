"""The registry's public pages: the search, and a micro-credential's page with every EU
element and its provider's verified status."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from ..catalog.selectors import compliance_of, report_rows
from ..core.language import current_language
from .selectors import published, published_version


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")[:200]
    return render(
        request, "registry/search.html", {"query": query, "versions": published(query)[:100]}
    )


def page(request: HttpRequest, version_id: int) -> HttpResponse:
    version = published_version(version_id)
    lang = current_language()
    report = compliance_of(version, timezone.now())
    elements = report_rows(report, lang, applicable_only=True)
    return render(request, "registry/page.html", {
        "version": version, "provider": version.design.provider, "title": version.title(lang),
        "verdict": report.verdict.label(lang), "verdict_code": str(report.verdict),
        "elements": elements,
    })  # fmt: skip
