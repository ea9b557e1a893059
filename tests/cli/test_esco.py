"""``microcred esco load``: a real (cut) export into a fresh data folder, each file and
its rows printed; a wrong folder refused with exit status 2 and the file named."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ..platform.esco.conftest import POLISH, write_cut

MICROCRED = str(Path(sys.executable).parent / "microcred")


@pytest.fixture
def cut(shared: Path, tmp_path: Path) -> Path:
    """The first rows of the real export (``../shared/esco``), in its layout."""
    return write_cut(shared / "esco", tmp_path / "esco", skills=100, occupations=50)


def _run(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    ours = ("DJANGO_SETTINGS_MODULE", "MICROCRED_DATA_DIR", "MICROCRED_DATABASE_URL")
    env = {k: v for k, v in os.environ.items() if k not in ours}
    command = [MICROCRED, "esco", "load", *args, "--data", str(data)]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=300,
                          check=False)  # fmt: skip


def test_the_command_loads_an_export_and_reports_each_file(cut: Path, tmp_path: Path) -> None:
    done = _run(str(cut / "v1.1.1"), "--pl", str(cut / POLISH), data=tmp_path / "data")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["skills_en.csv", "100", "rows"]
    assert any(line.split()[:1] == ["occupations_pl.csv"] for line in lines)
    assert "ESCO 1.1.1: 100 skills" in done.stdout
    assert (tmp_path / "data" / "microcred.sqlite3").is_file()


def test_a_wrong_folder_exits_2_naming_the_missing_file(cut: Path, tmp_path: Path) -> None:
    done = _run(str(cut / POLISH), data=tmp_path / "data")
    assert done.returncode == 2
    assert "skills_en.csv is missing" in done.stderr
