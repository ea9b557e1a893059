"""The registry's search page and API: the same parameters, the page's form with its
active filters, count and pages, a field error on the page and a 422 in the API for a
bad value (never a 500), and the API's contract: id, titles, provider, EQF, ECTS, URL."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from microcred.platform.accounts.models import User
from microcred.platform.core.errors import InvalidInputError
from microcred.platform.providers.models import Decision
from microcred.platform.providers.services import provider_decide
from microcred.platform.registry import messages as m
from microcred.platform.registry import selectors

from ..conftest import NOW
from .conftest import Catalogue

pytestmark = pytest.mark.django_db
API = "/api/v1/registry/designs"
BAD = [
    ({"eqf": "9"}, "eqf"),
    ({"eqf": "four"}, "eqf"),
    ({"ects_min": "-1"}, "ects_min"),
    ({"ects_min": "lots"}, "ects_min"),
    ({"ects_min": "5", "ects_max": "2"}, "ects_max"),
    ({"isced": "999"}, "isced"),
    ({"participation": "by-post"}, "participation"),
    ({"language": "xx"}, "language"),
    ({"country": "Poland"}, "country"),
    ({"provider": "nip-0000000000"}, "provider"),
    ({"esco": "http://example.org/skill/1"}, "esco"),
    ({"sort": "price"}, "sort"),
    ({"page": "0"}, "page"),
    ({"page": "two"}, "page"),
    ({"q": "x" * 201}, "q"),
]


def test_the_api_lists_what_the_search_finds_with_count_and_pages(
    catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(selectors, "PAGE_SIZE", 2)
    first = Client().get(API, {"sort": "eqf"}).json()
    assert first["count"] == len(catalogue.published)
    assert (first["page"], first["page_size"]) == (1, 2)
    assert first["pages"] == -(-len(catalogue.published) // 2)
    item = first["results"][0]
    assert set(item) == {"id", "title_pl", "title_en", "provider", "eqf_level", "ects", "url"}
    assert item["eqf_level"] == 4
    assert item["url"].endswith(f"/registry/{item['id']}/")
    python = catalogue.published["python-basics"]
    assert item == {"id": python.pk, "title_pl": python.title_pl, "title_en": python.title_en,
                    "provider": python.design.provider.legal_name, "eqf_level": 4, "ects": 2.0,
                    "url": item["url"]}  # fmt: skip
    found = Client().get(API, {"q": "ksztalcenia", "eqf": ["7", "6"], "language": "en"}).json()
    assert [r["id"] for r in found["results"]] == [catalogue.published["teachers"].pk]


def test_bad_parameters_are_a_422_naming_the_field_in_the_api(catalogue: Catalogue) -> None:
    for params, field in BAD:
        response = Client().get(API, params, HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 422, params
        body = response.json()
        assert body["code"] == m.SEARCH_INVALID.code
        assert list(body["extra"]["fields"]) == [field], params
    polish = Client().get(API, {"provider": "nip-1"}, HTTP_ACCEPT_LANGUAGE="pl").json()
    assert polish["extra"]["fields"]["provider"] == [m.NO_SUCH_PROVIDER().text("pl")]
    assert InvalidInputError.status == 422


def test_the_page_shows_filters_count_and_pages(
    catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(selectors, "PAGE_SIZE", 2)
    page = Client().get("/registry/", {"q": "python", "page": "1"}, HTTP_ACCEPT_LANGUAGE="en")
    html = page.content.decode()
    assert page.status_code == 200
    assert "3 micro-credentials found" in html  # python-basics, teachers, foreign
    assert "Words to search for: python" in html
    assert 'rel="next"' in html
    assert "page=2" in html
    assert "q=python" in html
    assert '<label for="id_language">Language</label>' in html
    polish = Client().get("/registry/", {"eqf": "4"}, HTTP_ACCEPT_LANGUAGE="pl").content.decode()
    assert "Znaleziono 1 mikropoświadczenie" in polish
    assert f"/registry/{catalogue.published['python-basics'].pk}/" in polish
    for name in catalogue.hidden:
        assert f"/registry/{catalogue.hidden[name].pk}/" not in html + polish


def test_a_bad_value_is_a_field_error_on_the_page(catalogue: Catalogue) -> None:
    for params, field in BAD:
        page = Client().get("/registry/", params, HTTP_ACCEPT_LANGUAGE="en")
        assert page.status_code == 422, params
        html = page.content.decode()
        assert f'id="{field}-errors"' in html, params
        assert 'aria-invalid="true"' in html or field in ("eqf", "page"), params
    page = Client().get("/registry/", {"ects_min": "5", "ects_max": "2"}, HTTP_ACCEPT_LANGUAGE="pl")
    assert m.ECTS_RANGE().text("pl") in page.content.decode()


def test_the_public_page_of_a_listed_version_only(catalogue: Catalogue) -> None:
    shown = Client().get(f"/registry/{catalogue.published['teachers'].pk}/",
                         HTTP_ACCEPT_LANGUAGE="pl")  # fmt: skip
    assert shown.status_code == 200
    assert "Kształcenie nauczycieli programowania" in shown.content.decode()
    for name, version in catalogue.hidden.items():
        if name != "superseded":  # its page says so (the next test)
            assert Client().get(f"/registry/{version.pk}/").status_code == 404, name


def test_a_superseded_version_s_page_says_so_and_links_to_the_current_one(
    catalogue: Catalogue, qa_officer: User
) -> None:
    """A registrar's link to an approved version a later one replaced still works: the
    page shows that version, marked superseded, and links to the current one (canonical
    too; not indexed; its exports stay the current version's). Gone with the design's
    listing: a suspended provider's superseded versions have no page."""
    old, current = catalogue.hidden["superseded"], catalogue.published["foreign"]
    assert (old.design_id, old.number, current.number) == (current.design_id, 1, 2)
    for lang, said in (("en", "Superseded by version 2."), ("pl", "Zastąpiona przez wersję 2.")):
        page = Client().get(f"/registry/{old.pk}/", HTTP_ACCEPT_LANGUAGE=lang)
        assert page.status_code == 200
        html = page.content.decode()
        assert said in html
        assert f'<a href="/registry/{current.pk}/">' in html
        assert f'<link rel="canonical" href="/registry/{current.pk}/">' in html
        assert '<meta name="robots" content="noindex">' in html
        assert f"/registry/{old.pk}/achievement.jsonld" not in html
    current_page = Client().get(f"/registry/{current.pk}/").content.decode()
    assert "Superseded" not in current_page
    assert Client().get(f"/registry/{old.pk}/achievement.jsonld").status_code == 404
    provider_decide(officer=qa_officer, provider=old.design.provider, decision=Decision.SUSPEND,
                    reason="audit", now=NOW)  # fmt: skip
    for version in (old, current):
        assert Client().get(f"/registry/{version.pk}/").status_code == 404


def test_a_page_of_results_takes_a_fixed_number_of_queries(
    catalogue: Catalogue, django_assert_max_num_queries: Any
) -> None:
    """Twenty results or one: no query per result (the provider's profile link, its
    EQF level and ECTS come with the page's one read of its versions)."""
    with django_assert_max_num_queries(12):
        response = Client().get("/registry/")
    assert response.status_code == 200
    assert response.content.decode().count("/registry/providers/") >= len(catalogue.published)
