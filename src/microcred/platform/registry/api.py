"""``GET /api/v1/registry/designs``: the published micro-credentials, public (no key or
login), searched, filtered, sorted and paged with the page's parameters (``forms.py``):
each result's id, titles, provider, EQF level, ECTS and public page's URL, with the total
count and the page. A parameter out of range is a 422 naming the field."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from ninja import Query, Router, Schema

from ..core.errors import InvalidInputError
from ..core.language import current_language
from . import messages as m
from .forms import SearchForm
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
    sort: str = ""
    page: str = ""


@router.get("/designs", response=SearchOut, auth=None)
def designs(request: HttpRequest, filters: Query[SearchIn]) -> SearchOut:
    form = SearchForm(request.GET)
    if not form.is_valid():
        fields = {name: list(errors) for name, errors in form.errors.items()}
        raise InvalidInputError(m.SEARCH_INVALID, fields=", ".join(fields),
                                extra={"fields": fields})  # fmt: skip
    found = registry_search(form.params(), lang=current_language())
    results = [PublishedOut(
        id=v.pk, title_pl=v.title_pl, title_en=v.title_en,
        provider=v.design.provider.legal_name, eqf_level=v.facets.eqf_level,
        ects=float(v.facets.ects) if v.facets.ects is not None else None,
        url=settings.PUBLIC_URL + reverse("registry:page", args=[v.pk]),
    ) for v in found.versions]  # fmt: skip
    return SearchOut(count=found.total, page=found.page, pages=found.pages,
                     page_size=found.page_size, results=results)  # fmt: skip
