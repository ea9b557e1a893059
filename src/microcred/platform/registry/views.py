"""The registry's public pages: the search (full text, filters, sort, pages), and a
micro-credential's page with every EU element and its provider's verified status, its
machine-readable exports, and the providers' public profiles."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from ...standard.caching import BoundedCache
from ..catalog.models import DesignVersion
from ..catalog.selectors import compliance_of, report_context, superseded_version
from ..core.errors import NotFoundError
from ..core.language import current_language
from .exports import csv_response, design_jsonld
from .forms import SearchForm
from .profiles import country_label, provider_profile
from .selectors import published_version, registry_search


def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    filtered = any(v for k, v in request.GET.items() if k not in ("sort", "page"))
    # the filters stay folded (a phone shows the results first) unless one is in use
    narrowed = any(v for k, v in request.GET.items() if k not in ("q", "sort", "page"))
    if not form.is_valid():  # the form shows each field's error; nothing is searched
        context = {"form": form, "results": None, "filtered": filtered, "narrowed": narrowed}
        return render(request, "registry/search.html", context, status=422)
    results = registry_search(form.params(), lang=current_language())
    return render(request, "registry/search.html", {
        "form": form, "results": results, "active": form.active(), "filtered": filtered,
        "narrowed": narrowed,
    })  # fmt: skip


#: a version's report as its public page shows it, by (version, language, day): a version
#: never changes, so its report changes only with the rules (a new process) or the date
_REPORTS: BoundedCache[tuple[int, str, dt.date], dict[str, Any]] = BoundedCache(maxsize=4096)


def _report(version: DesignVersion, lang: str) -> dict[str, Any]:
    now = timezone.now()

    def compute() -> dict[str, Any]:
        return report_context(compliance_of(version, now), lang, applicable_only=True)

    return _REPORTS.get_or_compute((version.pk, lang, now.date()), compute)


def page(request: HttpRequest, version_id: int) -> HttpResponse:
    """A published version's page; an older approved version's, marked as superseded by
    the current one, with a link to it (404 for any other)."""
    current = None
    try:
        version = published_version(version_id)
    except NotFoundError:
        version, current = superseded_version(version_id)
    lang = current_language()
    return render(request, "registry/page.html", {
        "version": version, "provider": version.design.provider, "title": version.title(lang),
        "current": current, **_report(version, lang),
    })  # fmt: skip


# --- machine-readable exports and providers' public profiles (registry/exports.py,
# registry/profiles.py) ---


def achievement_jsonld(request: HttpRequest, version_id: int) -> HttpResponse:
    """The published design as an Open Badges 3.0 Achievement (JSON-LD)."""
    return design_jsonld(version_id, "achievement")


def elm_jsonld(request: HttpRequest, version_id: int) -> HttpResponse:
    """The published design as an ELM learning opportunity with its qualification."""
    return design_jsonld(version_id, "elm")


def export_csv(request: HttpRequest) -> StreamingHttpResponse:
    """The registry's listing as CSV, filtered as the search page is."""
    return csv_response(request.GET)


def provider(request: HttpRequest, slug: str) -> HttpResponse:
    """A verified (or suspended) provider's public profile."""
    profile = provider_profile(slug)
    return render(request, "registry/provider.html", {
        "profile": profile, "designs": profile.designs[:200],
        "country": country_label(profile.provider.country, current_language()),
        "trust_list_url": reverse("trust_list"),
    })  # fmt: skip
