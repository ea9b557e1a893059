"""The demo's ESCO: loaded from ``../shared/esco`` when the folder is there, not loaded
again when the same export is, and a sentence saying how to load it when it is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from microcred.platform.demo import demo_esco
from microcred.platform.esco.models import Dataset, Skill
from microcred.platform.esco.services import LoadReport

from ..conftest import NOW

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
