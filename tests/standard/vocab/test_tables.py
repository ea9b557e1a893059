"""The vocabularies' contents against the EU authority tables and the Recommendation."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from microcred.standard.annexes import AnnexIElement, AnnexIIPrinciple
from microcred.standard.vocab import (
    AssessmentMethod,
    Country,
    EqfLevel,
    FormOfParticipation,
    Framework,
    IscedField,
    Language,
    PrkLevel,
    QfEheaCycle,
    SupervisionLevel,
)

EU_27 = set(
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split()
)
EU_LANGUAGES = set(
    "bg cs da de el en es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv".split()
)


def test_countries_cover_the_eu_and_the_eea() -> None:
    assert {str(c) for c in Country if c.in_eu} == EU_27
    assert {str(c) for c in Country if c.in_eea} == EU_27 | {"IS", "LI", "NO"}
    assert Country.PL.uri == "http://publications.europa.eu/resource/authority/country/POL"
    for country in Country:
        assert re.fullmatch(r".*/country/[A-Z]{3}", country.uri)


def test_languages_are_the_24_official_eu_languages() -> None:
    assert {str(lang) for lang in Language} == EU_LANGUAGES
    assert Language.PL.uri == "http://publications.europa.eu/resource/authority/language/POL"
    assert Language.PL.label("pl") == "polski"


def test_eqf_and_prk_have_eight_levels_and_prk_maps_to_eqf() -> None:
    assert [str(level) for level in EqfLevel] == [str(n) for n in range(1, 9)]
    assert EqfLevel("6").uri == "http://data.europa.eu/snb/eqf/6"
    assert [p.eqf for p in PrkLevel] == list(EqfLevel)


def test_qf_ehea_cycles_map_to_eqf_5_to_8() -> None:
    assert [c.eqf for c in QfEheaCycle] == [EqfLevel(str(n)) for n in (5, 6, 7, 8)]
    assert set(Framework.keys()) == {"eqf", "qf-ehea", "prk"}


def test_isced_f_has_the_11_broad_and_29_narrow_fields() -> None:
    broad = [f for f in IscedField if f.is_broad]
    narrow = [f for f in IscedField if not f.is_broad]
    assert len(broad) == 11
    assert len(narrow) == 29
    assert all(f.broad in broad for f in narrow)
    assert IscedField("061").uri == "http://data.europa.eu/snb/isced-f/061"


def test_form_of_participation_and_supervision_follow_annex_i() -> None:
    assert FormOfParticipation.keys() == ["online", "onsite", "blended"]
    assert FormOfParticipation.ONSITE.uri.endswith("/learning-assessment/9191af2ed9")
    annex_i = {"unsupervised-no-id", "supervised-no-id", "supervised-online-id",
               "supervised-onsite-id"}  # fmt: skip
    assert annex_i <= set(SupervisionLevel.keys())
    assert {s.value for s in SupervisionLevel if s.verifies_identity} == {
        "unsupervised-id",
        "supervised-online-id",
        "supervised-onsite-id",
    }


def test_concepts_outside_europass_match_a_europass_concept() -> None:
    """Online and onsite supervision with ID share one Europass concept; assessment
    methods point at the Europass assessment-type table."""
    online, onsite = SupervisionLevel.SUPERVISED_ONLINE_ID, SupervisionLevel.SUPERVISED_ONSITE_ID
    assert online.match == onsite.match
    assert online.match is not None
    assert online.match.endswith("/supervision-verification/70be69aaf9")
    assert AssessmentMethod.WRITTEN_TEST.match == "http://data.europa.eu/snb/assessment/6e6cb2cc78"
    assert AssessmentMethod.NONE.match == "http://data.europa.eu/snb/assessment/7331eb4762"
    assert AssessmentMethod.SELF_ASSESSMENT.match is None
    assert PrkLevel.L6.uri == "http://data.europa.eu/snb/qdr/c_cb086da3"


def test_annex_i_has_eleven_mandatory_and_five_optional_elements() -> None:
    assert sum(e.mandatory for e in AnnexIElement) == 11
    assert sum(not e.mandatory for e in AnnexIElement) == 5
    assert [p.number for p in AnnexIIPrinciple] == list(range(1, 11))


def _edc_concepts(shared: Path) -> dict[str, str]:
    """Every (concept URI -> English label) in the EU's EDC samples."""
    found: dict[str, str] = {}

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("id"), str) and "prefLabel" in node:
                label = node["prefLabel"]
                found[node["id"]] = label.get("en") if isinstance(label, dict) else str(label)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in sorted((shared / "vectors" / "edc-examples").glob("*-unsigned.jsonld")):
        walk(json.loads(path.read_text(encoding="utf-8")))
    return found


@pytest.mark.parametrize(
    ("vocabulary", "pattern"),
    [
        (EqfLevel, "/snb/eqf/"),
        (IscedField, "/snb/isced-f/0"),
        (FormOfParticipation, "/snb/learning-assessment/"),
        (SupervisionLevel, "/snb/supervision-verification/"),
        (Country, "/authority/country/"),
        (Language, "/authority/language/"),
    ],
    ids=lambda v: v.__name__ if isinstance(v, type) else v,
)
def test_concepts_in_the_eu_samples_are_ours(shared: Path, vocabulary: type, pattern: str) -> None:
    """Every concept of this table that the EU's own EDC samples use resolves here,
    except codes deeper than our table (ISCED-F detailed fields like 0688)."""
    used = {
        uri: label
        for uri, label in _edc_concepts(shared).items()
        if pattern in uri and not uri.endswith("/25831c2")
    }
    assert used, f"the samples use no {vocabulary.__name__} concept"
    resolved = 0
    for uri in used:
        if vocabulary is IscedField and len(uri.rsplit("/", 1)[1]) > 3:
            continue
        vocabulary.from_uri(uri)
        resolved += 1
    assert resolved
