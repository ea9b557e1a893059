"""The registry's public pages: the search, a micro-credential's page with every EU
element and its provider's verified status, its machine-readable exports, and the
providers' public profiles."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from ..catalog.selectors import compliance_of, report_rows
from ..core.language import current_language
from .exports import (
    achievement_document,
    csv_response,
    jsonld_response,
    learning_opportunity_document,
)
from .profiles import country_label, provider_profile
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


# --- machine-readable exports and providers' public profiles (registry/exports.py,
# registry/profiles.py) ---


def achievement_jsonld(request: HttpRequest, version_id: int) -> HttpResponse:
    """The published design as an Open Badges 3.0 Achievement (JSON-LD)."""
    version = published_version(version_id)
    return jsonld_response(achievement_document(version),
                           f"microcred-{version.pk}-achievement.jsonld")  # fmt: skip


def elm_jsonld(request: HttpRequest, version_id: int) -> HttpResponse:
    """The published design as an ELM learning opportunity with its qualification."""
    version = published_version(version_id)
    return jsonld_response(learning_opportunity_document(version),
                           f"microcred-{version.pk}-learning-opportunity.jsonld")  # fmt: skip


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
