"""The registry's search: full text that copes with Polish inflection and missing
diacritics and with English stems, each filter, each sort, pages — and nothing
unpublished ever listed. The same tests run on SQLite and on PostgreSQL (tasks.py)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test import Client

from microcred.platform.catalog.search_index import FTS_TABLE
from microcred.platform.esco.services import esco_load
from microcred.platform.providers.models import Provider
from microcred.platform.registry import selectors
from microcred.platform.registry.selectors import SearchParams, published, registry_search

from ..conftest import NOW
from ..esco.conftest import write_cut
from .conftest import Catalogue

pytestmark = pytest.mark.django_db
PYTHON_SKILL = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"


def found(catalogue: Catalogue, lang: str = "pl", **params: Any) -> list[str]:
    """The names of the published designs a search lists, in its order."""
    names = {v.pk: k for k, v in (catalogue.published | catalogue.hidden).items()}
    page = registry_search(SearchParams(**params), lang=lang)
    return [names[v.pk] for v in page.versions]


#: (query, the design it must find first)
FULL_TEXT = [
    ("kształcenie", "teachers"),  # the title's own form
    ("kształcenia", "teachers"),  # genitive finds the nominative
    ("ksztalcenie", "teachers"),  # no diacritics
    ("KSZTALCENIA", "teachers"),  # neither diacritics nor the case
    ("nauczyciel", "teachers"),  # singular finds the plural's genitive
    ("programming", "teachers"),  # English stem: "programmer"
    ("programmers", "teachers"),
    ("audytu energetycznego", "energy-audit-basics"),
    ("audyt", "energy-audit-basics"),
    ("energy audit", "energy-audit-basics"),
    ("maszynowego", "machine-learning-university"),  # "Uczenie maszynowe"
    ("zarzadzanie projektami", "agile-project-management"),
    ("pyth", "python-basics"),  # a prefix, typed so far
    ("welding", "foreign"),
    ("Schweissakademie", "foreign"),  # the awarding body's name, ß folded
]  # fmt: skip


def test_full_text_copes_with_inflection_diacritics_and_english_stems(
    catalogue: Catalogue,
) -> None:
    for query, expected in FULL_TEXT:
        listed = found(catalogue, q=query)
        assert listed[:1] == [expected], (query, listed)  # found, and the title's match first
        assert not set(listed) & set(catalogue.hidden), query


def test_every_word_must_match_and_nonsense_finds_nothing(catalogue: Catalogue) -> None:
    assert found(catalogue, q="kształcenia energii") == []
    assert found(catalogue, q="zzzqqq") == []
    assert found(catalogue, q="energia superseded") == []
    # punctuation only is no query: everything, by title
    assert len(found(catalogue, q="?!")) == len(catalogue.published)


def test_nothing_unpublished_is_listed(catalogue: Catalogue) -> None:
    listed = set(found(catalogue))
    assert listed == set(catalogue.published)
    for query in ("energia", "energy", "Python", "welding", "superseded"):
        assert not set(found(catalogue, q=query)) & set(catalogue.hidden)
    assert published().count() == len(catalogue.published)


#: (filters, the designs they keep)
FILTERS: list[tuple[dict[str, Any], set[str]]] = [
    ({"eqf": (4,)}, {"python-basics"}),
    ({"eqf": (5, 6)}, {"agile-project-management", "energy-audit-basics",
                       "machine-learning-university", "foreign"}),
    ({"ects_min": Decimal("4")}, {"agile-project-management", "machine-learning-university",
                                  "teachers"}),
    ({"ects_max": Decimal("3")}, {"python-basics", "energy-audit-basics", "foreign"}),
    ({"ects_min": Decimal("3"), "ects_max": Decimal("5")},
     {"agile-project-management", "energy-audit-basics", "machine-learning-university"}),
    ({"isced": "06"}, {"python-basics", "machine-learning-university", "foreign"}),  # broad
    ({"isced": "061"}, {"python-basics", "machine-learning-university", "foreign"}),
    ({"isced": "011"}, {"teachers"}),
    ({"participation": "blended"}, {"agile-project-management", "energy-audit-basics",
                                    "teachers"}),
    ({"language": "de"}, {"teachers"}),
    ({"language": "en"}, {"agile-project-management", "energy-audit-basics",
                          "machine-learning-university", "teachers"}),
    ({"country": "DE"}, {"foreign"}),
    ({"esco": PYTHON_SKILL}, {"python-basics", "teachers", "foreign"}),
    ({"q": "energia", "eqf": (5,)}, {"energy-audit-basics"}),
    ({"q": "python", "country": "PL"}, {"python-basics", "teachers"}),
]  # fmt: skip


def test_each_filter(catalogue: Catalogue) -> None:
    for params, expected in FILTERS:
        assert set(found(catalogue, **params)) == expected, params


def test_the_provider_filter_takes_its_number_or_slug(catalogue: Catalogue) -> None:
    provider = catalogue.published["python-basics"].design.provider
    assert selectors.provider_by_key(str(provider.pk)) == provider.pk
    assert selectors.provider_by_key(provider.slug) == provider.pk
    assert selectors.provider_by_key(provider.slug.upper()) == provider.pk
    suspended = catalogue.hidden["suspended"].design.provider
    assert selectors.provider_by_key(suspended.slug) is None
    assert set(found(catalogue, provider_id=provider.pk)) == set(catalogue.published) - {"foreign"}
    assert found(catalogue, provider_id=suspended.pk) == []


def test_sorts(catalogue: Catalogue) -> None:
    by_title = found(catalogue, sort="title")
    titles = [catalogue.published[n].title("pl") for n in by_title]
    assert titles == sorted(titles)
    english = [catalogue.published[n].title("en") for n in found(catalogue, lang="en")]
    assert english == sorted(english)
    ects = [catalogue.published[n].facets.ects for n in found(catalogue, sort="ects")]
    assert ects == sorted(ects)  # type: ignore[type-var]
    levels = [catalogue.published[n].facets.eqf_level for n in found(catalogue, sort="eqf")]
    assert levels == sorted(levels)  # type: ignore[type-var]
    newest = found(catalogue, sort="newest")
    assert newest[0] == "foreign"  # the last version made
    assert found(catalogue, q="energia", sort="title")[0] == "energy-audit-basics"


def test_pages(catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(selectors, "PAGE_SIZE", 4)
    first = registry_search(SearchParams(page=1), lang="pl")
    second = registry_search(SearchParams(page=2), lang="pl")
    beyond = registry_search(SearchParams(page=9), lang="pl")
    assert first.total == second.total == beyond.total == len(catalogue.published)
    assert len(first.versions) == 4
    assert len(second.versions) == len(catalogue.published) - 4
    assert not {v.pk for v in first.versions} & {v.pk for v in second.versions}
    assert beyond.versions == []


def test_pages_of_a_full_text_search(catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch) -> None:
    """With words, a page and the count come from one statement (window functions); a
    page past the last one still counts every match."""
    everything = found(catalogue, q="uniwersytet")  # provider A's name: each of its designs
    assert set(everything) == set(catalogue.published) - {"foreign"}  # (a German provider's)
    monkeypatch.setattr(selectors, "PAGE_SIZE", 4)
    pages = [registry_search(SearchParams(q="uniwersytet", page=n), lang="pl") for n in (1, 2, 9)]
    assert {page.total for page in pages} == {len(everything)}
    names = {v.pk: k for k, v in catalogue.published.items()}
    assert [names[v.pk] for page in pages for v in page.versions] == everything  # in order
    assert pages[2].versions == []


def test_the_full_text_index_follows_every_write(catalogue: Catalogue) -> None:
    """The FTS5 triggers exist after every migration (a migration that rebuilds the
    version table on SQLite would drop them), and a deleted version leaves the index."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                           "AND tbl_name = 'catalog_versiontext'")  # fmt: skip
            triggers = {row[0] for row in cursor.fetchall()}
            assert triggers == {f"{FTS_TABLE}_{w}" for w in ("insert", "delete", "update")}
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) "  # noqa: S608
                           "VALUES ('integrity-check', 1)")  # fmt: skip
    draft = catalogue.hidden["draft"]
    draft.delete()
    catalogue.published["foreign"].design.delete()
    assert "foreign" not in found(catalogue, q="welding")


def test_the_collection_filter_follows_the_real_esco_collections(
    catalogue: Catalogue, shared: Path, tmp_path: Path
) -> None:
    """Python (computer programming) is in ESCO's digital collection, not in the green or
    transversal ones: the designs aligned to it are the digital ones."""
    root = shared / "esco"
    if not (root / "v1.1.1" / "en" / "skills_en.csv").is_file():
        pytest.skip(f"the ESCO export is not in {root}")
    cut = write_cut(root, tmp_path / "esco", skills=50, occupations=10,
                    also=frozenset({PYTHON_SKILL}))  # fmt: skip
    esco_load(directory=cut / "v1.1.1", pl=cut / "v1.2.1" / "pl", now=NOW)
    assert set(found(catalogue, collection="digital")) == {"python-basics", "teachers",
                                                            "foreign"}  # fmt: skip
    assert found(catalogue, collection="green") == []
    response = Client().get("/api/v1/registry/designs?collection=purple")
    assert response.status_code == 422
    assert "collection" in response.json()["extra"]["fields"]


def test_a_provider_renamed_is_found_under_its_new_name(
    catalogue: Catalogue, provider_a: Provider
) -> None:
    """The provider's legal name is in its versions' searched text (catalog/facets.py):
    a rename makes it again, and the full-text index follows."""
    own = set(catalogue.published) - {"foreign"}  # (a German provider's)
    assert set(found(catalogue, q="Testowy")) == own  # its old name
    assert found(catalogue, q="Zielonogórska") == []
    provider_a.legal_name = "Akademia Zielonogórska"
    provider_a.save()
    renamed = found(catalogue, q="zielonogorska")
    assert set(renamed) == own
    # the design files still name the awarding body as it was when they were approved
    # (a version never changes): the old name finds them by their own text
    assert set(found(catalogue, q="Testowy")) == own
    # a save that leaves the name alone does not touch the texts
    provider_a.website = "https://example.org/new"
    provider_a.save(update_fields=["website"])
    provider_a.save()
    assert set(found(catalogue, q="Zielonogórska akademia")) == own
