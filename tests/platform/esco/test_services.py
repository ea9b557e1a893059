"""esco_load: the real export whole (counts, Polish labels, collections, time), the same
rows on a second load, and nothing written when a folder is wrong."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from microcred.platform.core.errors import InvalidInputError
from microcred.platform.esco import messages as m
from microcred.platform.esco.models import Dataset, Occupation, OccupationSkill, Skill
from microcred.platform.esco.services import LoadReport, esco_load

from ..conftest import NOW
from .conftest import ENGLISH, POLISH, RELATIONS

pytestmark = pytest.mark.django_db


def test_the_whole_export_loads_in_seconds(full_esco: LoadReport) -> None:
    dataset = full_esco.dataset
    assert (Skill.objects.count(), Occupation.objects.count(), OccupationSkill.objects.count()) == (
        13_896, 3_007, 123_855,
    )  # fmt: skip
    assert (dataset.skills, dataset.occupations, dataset.relations) == (13_896, 3_007, 123_855)
    assert (dataset.skills_pl, dataset.occupations_pl) == (2235, 3004)
    assert Skill.objects.exclude(label_pl="").count() == 2235
    assert Skill.objects.filter(in_green=True).count() == 570
    assert Skill.objects.filter(in_digital=True, in_digcomp=True).exists()
    assert dataset.version == "1.1.1"
    assert full_esco.unknown_occupations == 1
    assert dataset.seconds < 30, "the demo starts in 30 s, ESCO included"
    print(f"\nESCO loaded in {dataset.seconds:.2f} s")


def test_a_concept_keeps_its_uri_and_both_languages(full_esco: LoadReport) -> None:
    skill = Skill.objects.get(
        uri="http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"
    )
    assert str(skill.pk) == "ccd0a1d9-afda-43d9-b901-96344886e14d"
    assert skill.label("en") == ("Python (computer programming)", "en")
    assert skill.label("pl") == ("Python (programowanie komputerowe)", "pl")
    assert [c.value for c in skill.collections] == ["digital"]
    untranslated = Skill.objects.filter(label_pl="").first()
    assert untranslated is not None
    assert untranslated.label("pl") == (untranslated.label_en, "en")  # the fallback says so


def _snapshot() -> tuple[Any, ...]:
    relations = sorted(OccupationSkill.objects.values_list(
        "occupation_id", "skill_id", "relation_type", "skill_type"))  # fmt: skip
    return (list(Skill.objects.order_by("pk").values()),
            list(Occupation.objects.order_by("pk").values()), relations)  # fmt: skip


def test_a_second_load_gives_the_same_rows(cut: Path) -> None:
    first = esco_load(directory=cut / "v1.1.1", pl=cut / POLISH, now=NOW)
    before = _snapshot()
    assert len(before[0]) == 400
    assert any(row["label_pl"] for row in before[0])
    assert any(not row["label_pl"] for row in before[0])
    second = esco_load(directory=cut / "v1.1.1", pl=cut / POLISH, now=NOW)
    assert _snapshot() == before
    assert second.dataset.fingerprint == first.dataset.fingerprint
    assert [(f.name, f.rows) for f in second.files] == [(f.name, f.rows) for f in first.files]


def _counts() -> tuple[int, ...]:
    return (Skill.objects.count(), Occupation.objects.count(), OccupationSkill.objects.count(),
            Dataset.objects.count())  # fmt: skip


@pytest.mark.parametrize("breakage", ["missing", "header", "row"])
def test_a_broken_export_writes_nothing(cut: Path, tmp_path: Path, breakage: str) -> None:
    esco_load(directory=cut / "v1.1.1", now=NOW)
    before, snapshot = _counts(), _snapshot()
    relations = cut / RELATIONS / "occupationSkillRelations.csv"
    if breakage == "missing":
        (cut / ENGLISH / "occupations_en.csv").unlink()
    elif breakage == "header":
        relations.write_text(relations.read_text().replace("relationType", "type", 1))
    else:  # the last relation's skill is cut off
        relations.write_text(relations.read_text().rstrip("\n").rsplit(",", 1)[0] + "\n")
    with pytest.raises(InvalidInputError) as caught:
        esco_load(directory=cut / "v1.1.1", now=NOW)
    expected = {"missing": m.FILE_MISSING, "header": m.BAD_HEADER, "row": m.BAD_ROW}[breakage]
    assert caught.value.code == expected.code
    assert _counts() == before
    assert _snapshot() == snapshot


def test_the_report_lists_each_file_and_its_rows(cut: Path) -> None:
    report = esco_load(directory=cut / "v1.1.1", pl=cut / POLISH, now=NOW)
    lines = report.lines()
    assert lines[0].split() == ["skills_en.csv", "400", "rows"]
    assert any(line.split()[0] == "occupations_pl.csv" for line in lines)
    assert lines[-1].startswith("ESCO 1.1.1: 400 skills")
