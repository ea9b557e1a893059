"""The ESCO reads over the whole real export: type-ahead ranking in both languages,
diacritics ignored, the Polish fallback, lookups by URI, a collection as a subquery,
and the search's speed."""

from __future__ import annotations

import statistics
import time

import pytest

from microcred.platform.esco.models import Collection, Skill
from microcred.platform.esco.selectors import (
    dataset_loaded,
    occupations_needing,
    skill_by_uri,
    skill_search,
    skill_uris_in,
    skills_by_uris,
)
from microcred.platform.esco.services import LoadReport

pytestmark = pytest.mark.django_db
PYTHON = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"


def labels(query: str, lang: str, limit: int = 10) -> list[str]:
    return [s.label(lang)[0] for s in skill_search(query, lang=lang, limit=limit)]


def test_a_preferred_label_starting_with_the_query_comes_first(full_esco: LoadReport) -> None:
    assert labels("python", "en")[0] == "Python (computer programming)"
    found = labels("manage", "en", limit=20)
    assert all(label.lower().startswith("manage") for label in found)
    assert [len(label) for label in found] == sorted(
        len(label) for label in found
    )  # shortest first


def test_prefix_matches_rank_before_matches_inside(full_esco: LoadReport) -> None:
    found = skill_search("data an", lang="en", limit=20)
    ranks = [s.rank for s in found]  # type: ignore[attr-defined]
    assert ranks == sorted(ranks)
    assert found[0].label_en.lower().startswith("data an")
    assert any(" data an" in s.label_en.lower() for s in found[1:])


def test_polish_without_diacritics_finds_polish_labels(full_esco: LoadReport) -> None:
    found = labels("zarzadzanie projektami", "pl")
    assert found, "no Polish match"
    assert all("zarządzanie projektami" in label.lower() for label in found[:3])
    assert labels("ZARZĄDZANIE projektami", "pl") == found


def test_the_polish_page_ranks_its_own_label_first(full_esco: LoadReport) -> None:
    assert labels("python", "pl")[0] == "Python (programowanie komputerowe)"
    first = skill_search("komunik", lang="pl")[0]
    assert first.label("pl")[1] == "pl"
    assert first.key_pl.startswith("komunik")


def test_an_alternative_label_finds_its_skill(full_esco: LoadReport) -> None:
    # "coordinate duties of musical staff" is only an alternative label of this skill
    found = skill_search("coordinate duties of musical staff", lang="en")
    assert [s.label_en for s in found] == ["manage musical staff"]


def test_a_skill_without_a_polish_label_is_found_and_shown_in_english(
    full_esco: LoadReport,
) -> None:
    found = skill_search("manage musical staff", lang="pl")
    assert found[0].label("pl") == ("manage musical staff", "en")


def test_a_query_without_letters_finds_nothing(full_esco: LoadReport) -> None:
    assert skill_search("  ", lang="en") == []
    assert skill_search("%_", lang="en") == []  # LIKE's wildcards are literal


def test_the_limit_is_kept(full_esco: LoadReport) -> None:
    assert len(skill_search("a", lang="en", limit=5)) == 5
    assert len(skill_search("a", lang="en", limit=10_000)) == 50


def test_lookups_by_uri(full_esco: LoadReport) -> None:
    skill = skill_by_uri(PYTHON)
    assert skill is not None
    assert skill.label_en == "Python (computer programming)"
    assert skill_by_uri("http://data.europa.eu/esco/skill/nothing") is None
    unknown = "http://data.europa.eu/esco/skill/00000000-0000-0000-0000-000000000000"
    assert list(skills_by_uris([PYTHON, unknown, PYTHON])) == [PYTHON]


def test_a_collection_is_a_subquery(full_esco: LoadReport) -> None:
    assert skill_uris_in(Collection.GREEN).count() == 570
    assert Skill.objects.filter(uri__in=skill_uris_in("transversal")).count() == 96
    assert PYTHON in set(skill_uris_in("digital"))
    with pytest.raises(ValueError, match="blue"):
        skill_uris_in("blue")


def test_the_occupations_that_need_a_skill(full_esco: LoadReport) -> None:
    skill = skill_by_uri(PYTHON)
    assert skill is not None
    found = occupations_needing(skill, lang="pl", limit=3)
    assert found["essential"][0] == 5
    assert found["optional"][0] == 45
    shown = [r.occupation.label("pl")[0] for r in found["optional"][1]]
    assert len(shown) == 3
    assert shown == sorted(shown)


def test_the_dataset_is_recorded(full_esco: LoadReport) -> None:
    dataset = dataset_loaded()
    assert dataset is not None
    assert dataset.pk == full_esco.dataset.pk


def test_type_ahead_is_fast_enough(full_esco: LoadReport) -> None:
    """Every prefix a person types of a few words, in both languages: the median search
    well under the picker's 300 ms pause."""
    words = ["python", "zarzadzanie", "manage", "komunikacja", "teamwork", "analiza danych",
             "green energy", "jezyk angielski"]  # fmt: skip
    times = []
    for word in words:
        for end in range(1, len(word) + 1):
            started = time.perf_counter()
            skill_search(word[:end], lang="pl" if end % 2 else "en")
            times.append(time.perf_counter() - started)
    median = statistics.median(times)
    print(f"\nESCO search: median {median * 1000:.1f} ms over {len(times)} queries")
    assert median < 0.1
