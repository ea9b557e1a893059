"""The registry's public pages: the search (full text, filters, sort, pages), and a
micro-credential's page with every EU element and its provider's verified status."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from ..catalog.selectors import compliance_of, report_rows
from ..core.language import current_language
from .forms import SearchForm
from .selectors import published_version, registry_search


def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    if not form.is_valid():  # the form shows each field's error; nothing is searched
        return render(request, "registry/search.html", {"form": form, "results": None},
                      status=422)  # fmt: skip
    results = registry_search(form.params(), lang=current_language())
    return render(request, "registry/search.html", {
        "form": form, "results": results, "active": form.active(),
        "filtered": any(v for k, v in request.GET.items() if k not in ("sort", "page")),
    })  # fmt: skip


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
