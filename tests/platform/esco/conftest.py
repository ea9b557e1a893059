"""Fixtures of the ESCO tests: the real ESCO export in ``../shared/esco`` (skipped
without it, failing under CI like every test of the shared data), loaded once for the
package; and :func:`write_cut`, a small cut of the real files (their first rows, as
published) written to a temporary folder for the tests that load again and again."""

from __future__ import annotations

import csv
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from microcred.platform.esco.models import Dataset, Occupation, OccupationSkill, Skill
from microcred.platform.esco.services import LoadReport, esco_load

from ..conftest import NOW

ENGLISH, RELATIONS, POLISH = "v1.1.1/en", "v1.1.1/relations", "v1.2.1/pl"


@pytest.fixture(scope="session")
def esco_root(shared: Path) -> Path:
    """``../shared/esco``: ESCO v1.1.1 in English with its relations, v1.2.1's Polish
    package (see its README)."""
    root = shared / "esco"
    if not (root / ENGLISH / "skills_en.csv").is_file():
        message = f"the ESCO export is not in {root}"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message)
        pytest.skip(message)
    return root


@pytest.fixture(scope="package")
def full_esco(
    django_db_setup: None, django_db_blocker: Any, esco_root: Path
) -> Iterator[LoadReport]:
    """The whole real export loaded once for this package's tests (a load takes
    seconds); emptied again after them."""
    with django_db_blocker.unblock():
        report = esco_load(directory=esco_root / "v1.1.1", pl=esco_root / POLISH, now=NOW)
    yield report
    with django_db_blocker.unblock():
        for model in (OccupationSkill, Skill, Occupation, Dataset):
            model.objects.all().delete()


@pytest.fixture(scope="session")
def cut_template(esco_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """:func:`write_cut` of the real export, written once."""
    return write_cut(esco_root, tmp_path_factory.mktemp("esco-cut") / "esco")


@pytest.fixture
def cut(cut_template: Path, tmp_path: Path) -> Path:
    """A copy of :func:`cut_template` of the test's own, to change."""
    return Path(shutil.copytree(cut_template, tmp_path / "esco"))


def _rows(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        return header, list(reader)


def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def write_cut(root: Path, target: Path, *, skills: int = 400, occupations: int = 300,
              also: frozenset[str] = frozenset()) -> Path:  # fmt: skip
    """The first ``skills`` skills (and those whose URI is in ``also``) and ``occupations``
    occupations of the real export,
    the relations between them and the collection and Polish rows of those concepts,
    each row as published, under ``target`` in the export's layout (``target/v1.1.1/en``,
    ``…/relations``, ``target/v1.2.1/pl``). Returns ``target``."""
    header, rows = _rows(root / ENGLISH / "skills_en.csv")
    at_uri = header.index("conceptUri")
    kept_skills = rows[:skills] + [r for r in rows[skills:] if r[at_uri] in also]
    _write(target / ENGLISH / "skills_en.csv", header, kept_skills)
    skill_uris = {row[header.index("conceptUri")] for row in kept_skills}
    header, rows = _rows(root / ENGLISH / "occupations_en.csv")
    kept_occupations = rows[:occupations]
    _write(target / ENGLISH / "occupations_en.csv", header, kept_occupations)
    occupation_uris = {row[header.index("conceptUri")] for row in kept_occupations}
    header, rows = _rows(root / RELATIONS / "occupationSkillRelations.csv")
    at_o, at_s = header.index("occupationUri"), header.index("skillUri")
    _write(target / RELATIONS / "occupationSkillRelations.csv", header,
           [r for r in rows if r[at_o] in occupation_uris and r[at_s] in skill_uris])  # fmt: skip
    for folder, known in ((ENGLISH, skill_uris), (POLISH, skill_uris | occupation_uris)):
        for path in sorted((root / folder).glob("*Collection_*.csv")) + sorted(
            (root / folder).glob("occupations_pl.csv")
        ):
            if "Occupations" in path.name:
                continue
            header, rows = _rows(path)
            at = header.index("conceptUri")
            _write(target / folder / path.name, header, [r for r in rows if r[at] in known])
    return target
