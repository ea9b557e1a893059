"""The demo's ESCO: loaded from ``../shared/esco`` when the folder is there, not loaded
again when the same export is, and a sentence saying how to load it when it is not."""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from microcred.platform.demo import demo_esco
from microcred.platform.esco import export
from microcred.platform.esco.models import Dataset, Skill
from microcred.platform.esco.services import LoadReport

from ..conftest import NOW
from .conftest import ENGLISH

pytestmark = pytest.mark.django_db


def test_the_same_export_is_not_loaded_again(full_esco: LoadReport, esco_root: Path) -> None:
    said = demo_esco(esco_root, now=NOW)
    assert list(Dataset.objects.values_list("pk", flat=True)) == [full_esco.dataset.pk]
    assert said.startswith("ESCO 1.1.1: 13896 skills (2235 with a Polish label), 3007 occupations")


def test_a_changed_export_is_loaded(cut: Path) -> None:
    said = demo_esco(cut, now=NOW)
    assert Skill.objects.count() == 400
    assert said.startswith("ESCO 1.1.1: 400 skills")
    assert demo_esco(cut, now=NOW) == said
    assert Dataset.objects.filter(skills=400).count() == 1


def test_without_an_export_the_demo_says_how_to_load_one(tmp_path: Path) -> None:
    Dataset.objects.all().delete()  # (rolled back after the test)
    said = demo_esco(tmp_path / "nothing", now=NOW)
    assert "microcred esco load DIR [--pl DIR]" in said
    assert not Dataset.objects.exists()


def test_a_load_hashes_each_file_once(cut: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo fingerprints the export to decide whether to load it again, and the
    load records that fingerprint: each file's contents are hashed once, not once more by
    the reader (hashlib's sha256 counted, by the data it is given)."""
    demo_esco(cut, now=NOW)
    skills = cut / ENGLISH / "skills_en.csv"
    skills.write_bytes(skills.read_bytes() + b"\n")  # other bytes, the same rows
    hashed: Counter[bytes] = Counter()
    sha256 = hashlib.sha256

    def counted(data: bytes = b"") -> Any:
        hashed[hashlib.md5(data).digest()] += 1  # noqa: S324 - a key, not a security use
        return sha256(data)

    monkeypatch.setattr(export.hashlib, "sha256", counted)
    demo_esco(cut, now=NOW)
    monkeypatch.undo()
    assert Dataset.objects.filter(skills=400).count() == 2  # loaded again
    assert Dataset.objects.latest("pk").fingerprint == export.export_fingerprint(
        *export.find_export(cut)  # type: ignore[misc]
    )
    # a file's contents may stand in two files of the cut (two short collections)
    copies = Counter(hashlib.md5(p.read_bytes()).digest() for p in cut.rglob("*.csv"))  # noqa: S324
    assert hashed[hashlib.md5(skills.read_bytes()).digest()] == 1  # noqa: S324
    assert all(hashed[key] <= copies[key] for key in copies), (hashed, copies)
