"""``GET /api/v1/registry/designs``: the published micro-credentials, public (no key or
login), searched, filtered, sorted and paged with the page's parameters (``forms.py``):
each result's id, titles, provider, EQF level, ECTS and public page's URL, with the total
count and the page. A parameter out of range is a 422 naming the field. Each published
design's exports (``/designs/{id}/achievement``, ``/designs/{id}/elm``), the listing as CSV
(``/designs.csv``, the same parameters) and a provider's public profile
(``/providers/{slug}``)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.urls import reverse
from ninja import Query, Router, Schema

from ..core.language import current_language
from .exports import csv_response, design_jsonld, page_url
from .forms import SearchForm
from .profiles import provider_profile
from .selectors import registry_search

router = Router(tags=["registry"])


class PublishedOut(Schema):
    id: int
    title_pl: str
    title_en: str
    provider: str
    eqf_level: int | None
    ects: float | None
    url: str


class SearchOut(Schema):
    count: int
    page: int
    pages: int
    page_size: int
    results: list[PublishedOut]


class SearchIn(Schema):
    """Every parameter is read as text and checked by the page's form, so that both
    refuse the same values with the same messages."""

    q: str = ""
    eqf: list[str] = []
    ects_min: str = ""
    ects_max: str = ""
    isced: str = ""
    participation: str = ""
    language: str = ""
    country: str = ""
    provider: str = ""
    esco: str = ""
    collection: str = ""
    sort: str = ""
    page: str = ""


@router.get("/designs", response=SearchOut, auth=None)
def designs(request: HttpRequest, filters: Query[SearchIn]) -> SearchOut:
    found = registry_search(SearchForm(request.GET).checked_params(), lang=current_language())
    results = [PublishedOut(
        id=v.pk, title_pl=v.title_pl, title_en=v.title_en,
        provider=v.design.provider.legal_name, eqf_level=v.facets.eqf_level,
        ects=float(v.facets.ects) if v.facets.ects is not None else None,
        url=page_url(v),
    ) for v in found.versions]  # fmt: skip
    return SearchOut(count=found.total, page=found.page, pages=found.pages,
                     page_size=found.page_size, results=results)  # fmt: skip


# --- machine-readable exports and providers' public profiles (registry/exports.py,
# registry/profiles.py) ---


def _content(media_type: str, what: str) -> dict[str, Any]:
    """OpenAPI's word for a response that is a document, not a schema'd JSON object."""
    return {"responses": {200: {"description": what, "content": {media_type: {}}},
                          404: {"description": "no such published design"}}}  # fmt: skip


@router.get("/designs/{version_id}/achievement", auth=None,
            summary="A published design as an Open Badges 3.0 Achievement (JSON-LD)",
            openapi_extra=_content("application/ld+json", "OB 3.0 Achievement"))  # fmt: skip
def design_achievement(request: HttpRequest, version_id: int) -> HttpResponse:
    return design_jsonld(version_id, "achievement")


@router.get("/designs/{version_id}/elm", auth=None,
            summary="A published design as an ELM learning opportunity (JSON-LD)",
            openapi_extra=_content("application/ld+json", "ELM LearningOpportunity"))  # fmt: skip
def design_elm(request: HttpRequest, version_id: int) -> HttpResponse:
    return design_jsonld(version_id, "elm")


@router.get("/designs.csv", auth=None,
            summary="The published designs as CSV, filtered as the search is",
            openapi_extra=_content("text/csv", "one row per published design"))  # fmt: skip
def designs_csv(request: HttpRequest) -> StreamingHttpResponse:
    return csv_response(request.GET)


class KeyOut(Schema):
    method: str
    algorithm: str
    valid_from: datetime
    valid_until: datetime | None


class ProfileDesignOut(Schema):
    id: int
    title_pl: str
    title_en: str
    url: str
    achievement: str
    learning_opportunity: str


class ProviderProfileOut(Schema):
    slug: str
    legal_name: str
    provider_type: str
    country: str
    website: str
    identifier_scheme: str
    identifier: str
    status: str
    verified_since: datetime | None
    verified_by: str
    suspended_since: datetime | None
    reverify_by: date | None
    did: str
    did_document: str
    keys: list[KeyOut]
    trust_list: str
    url: str
    designs: list[ProfileDesignOut]


@router.get("/providers/{slug}", response=ProviderProfileOut, auth=None,
            summary="A verified (or suspended) provider's public profile")  # fmt: skip
def provider_profile_api(request: HttpRequest, slug: str) -> ProviderProfileOut:
    profile = provider_profile(slug)
    provider = profile.provider
    base = settings.PUBLIC_URL
    return ProviderProfileOut(
        slug=provider.slug, legal_name=provider.legal_name,
        provider_type=provider.provider_type, country=provider.country,
        website=provider.website, identifier_scheme=provider.identifier_scheme,
        identifier=provider.identifier,
        status="verified" if profile.verified else "suspended",
        verified_since=profile.verified_since, verified_by=profile.verified_by,
        suspended_since=profile.suspended_since, reverify_by=profile.reverify_by,
        did=provider.did, did_document=base + reverse("providers:did_json", args=[provider.slug]),
        keys=[KeyOut(method=k.method, algorithm=k.algorithm, valid_from=k.valid_from,
                     valid_until=k.valid_until) for k in profile.keys],
        trust_list=base + reverse("trust_list"),
        url=base + reverse("registry:provider", args=[provider.slug]),
        designs=[ProfileDesignOut(
            id=v.pk, title_pl=v.title_pl, title_en=v.title_en, url=page_url(v),
            achievement=base + reverse("registry:achievement", args=[v.pk]),
            learning_opportunity=base + reverse("registry:elm", args=[v.pk]),
        ) for v in profile.designs],
    )  # fmt: skip
