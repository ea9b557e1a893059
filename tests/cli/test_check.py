"""The `microcred` command: output, exit codes, and bad input without tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from microcred.cli import cli
from microcred.cli._common import IS_A_DIRECTORY, NO_SUCH_FILE
from microcred.cli.check import (
    _EVIDENCE_WORDS,
    _STATUS_WORDS,
    ELEMENTS_HEADING,
    PRINCIPLES_HEADING,
    VERDICT,
)
from microcred.standard.compliance import ElementStatus, Evidence, Verdict
from microcred.standard.designfile import design_schema
from microcred.standard.designfile import messages as design_messages

from ..conftest import EXAMPLES, ROOT

GOOD = EXAMPLES / "python-basics.yaml"
BADGE = EXAMPLES / "cybersecurity-webinar.yaml"


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_micro_credential_exits_0_with_a_table() -> None:
    code, out, _ = _run("check", "--lang", "en", str(GOOD))
    assert code == 0
    assert "Verdict: micro-credential" in out
    assert "Learning outcomes" in out
    assert "10. Information and guidance" in out


def test_polish_report() -> None:
    code, out, _ = _run("check", "--lang", "pl", str(BADGE))
    assert code == 1
    assert f"{VERDICT.pl}: {Verdict.PARTICIPATION_BADGE.label('pl')}" in out
    assert "efekt 1 (pl) opisuje udział" in out


def test_the_polish_table_has_no_english_words() -> None:
    """The headings and the status and evidence words of the table are Polish."""
    _, out, _ = _run("check", "--lang", "pl", str(GOOD), str(BADGE))
    assert ELEMENTS_HEADING.pl in out
    assert PRINCIPLES_HEADING.pl in out
    words = [*_STATUS_WORDS.values(), *_EVIDENCE_WORDS.values()]
    assert [w.code for w in words if f" {w.pl} " in out]
    assert [w.en for w in words if len(w.en) > 4 and f" {w.en} " in out] == []


def test_every_status_and_evidence_has_its_words() -> None:
    assert set(_STATUS_WORDS) == set(ElementStatus)
    assert set(_EVIDENCE_WORDS) == set(Evidence)


def test_json_lines_one_per_file() -> None:
    code, out, _ = _run("check", "--json", "--lang", "en", str(GOOD), str(BADGE))
    assert code == 1
    first, second = (json.loads(line) for line in out.splitlines())
    assert (first["file"], first["verdict"]) == (str(GOOD), "micro-credential")
    assert (second["file"], second["verdict"]) == (str(BADGE), "participation-badge")
    assert len(first["elements"]) == 16
    assert len(first["principles"]) == 10


def test_bad_file_exits_2_but_good_files_are_still_checked(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: {en: T}\nform_of_participation: hybrid\n", encoding="utf-8")
    code, out, err = _run("check", "--lang", "en", str(GOOD), str(bad), str(tmp_path / "none.yaml"))
    assert code == 2
    assert "Verdict: micro-credential" in out
    assert f"{bad}:2:24: form_of_participation: unknown value 'hybrid'" in err
    assert f"{tmp_path / 'none.yaml'}: cannot read the file: no such file" in err


def test_bad_file_as_json(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("workload:\n  ects: lots\n", encoding="utf-8")
    code, out, _ = _run("check", "--json", str(bad))
    assert code == 2
    error = json.loads(out)["error"]
    assert error["code"] == "invalid_design"
    assert error["problems"] == [
        {
            "code": "wrong_type",
            "field": "workload.ects",
            "line": 2,
            "column": 9,
            "message": "expected a number, got 'lots'",
        }
    ]


def test_device_files_are_not_read(tmp_path: Path) -> None:
    code, _, err = _run("check", "/dev/zero")
    assert code == 2
    assert "not a regular file" in err


def test_errors_in_polish(tmp_path: Path) -> None:
    bad = tmp_path / "zly.yaml"
    bad.write_text("title: {pl: Kurs}\nlearning_outcome: []\n", encoding="utf-8")
    code, _, err = _run("check", "--lang", "pl", str(bad), str(tmp_path / "brak.yaml"))
    assert code == 2
    assert f"błąd: {bad}:2:1: learning_outcome: nieznane pole; czy chodziło o" in err
    assert design_messages.FILE_UNREADABLE.text("pl", reason_pl=NO_SUCH_FILE.pl) in err


def test_directory_is_reported(tmp_path: Path) -> None:
    code, _, err = _run("check", str(tmp_path))
    assert code == 2
    assert IS_A_DIRECTORY.en in err


def test_usage_error_exits_2() -> None:
    assert CliRunner().invoke(cli, ["check"]).exit_code == 2
    assert CliRunner().invoke(cli, ["check", "--lang", "de", str(GOOD)]).exit_code == 2


def test_schema_command_matches_the_committed_schema() -> None:
    committed = json.loads((ROOT / "docs" / "design.schema.json").read_text(encoding="utf-8"))
    assert committed == design_schema(), "run: microcred schema > docs/design.schema.json"
    code, out, _ = _run("schema")
    assert code == 0
    assert json.loads(out)["title"] == "microcred micro-credential design"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"title: [\n", "not valid YAML/JSON"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not UTF-8 text"),
        (b"learning_outcomes: {a: 1}\n", "expected a list"),
    ],
    ids=["syntax", "binary", "wrong-type"],
)
def test_installed_command_never_prints_a_traceback(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "design.yaml"
    path.write_bytes(content)
    script = Path(sys.executable).parent / "microcred"
    result = subprocess.run(
        [str(script), "check", str(path)], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 2
    assert expected in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
