"""What the subcommands share (``cli._common``): one way to say an error and give up,
in the command's language, with exit status 2."""

from __future__ import annotations

from pathlib import Path

import click
from click.testing import CliRunner

from microcred.cli import cli
from microcred.cli._common import EXIT_BAD_INPUT, fail, say_error
from microcred.credentials.errors import StatusError
from microcred.credentials.messages import INDEX_OUTSIDE_LIST
from microcred.credentials.status import StatusList


def _failing(*parts: object, lang: str) -> tuple[int, str, str]:
    @click.command()
    def command() -> None:
        fail(*parts, lang=lang)

    result = CliRunner().invoke(command, [], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _status_error() -> StatusError:
    try:
        StatusList().get(-1)
    except StatusError as exc:
        return exc
    raise AssertionError("no error")


def test_an_error_is_said_in_the_commands_language_and_exits_2() -> None:
    error = _status_error()
    assert error.code == INDEX_OUTSIDE_LIST.code
    assert _failing("list.json", error, lang="en") == (
        EXIT_BAD_INPUT, "", f"error: list.json: {error.message}\n"
    )  # fmt: skip
    assert _failing("list.json", error, lang="pl") == (
        EXIT_BAD_INPUT, "", f"błąd: list.json: {error.text('pl')}\n"
    )  # fmt: skip
    reason = INDEX_OUTSIDE_LIST(index=9, last=7)
    assert _failing(reason, lang="pl")[2] == f"błąd: {reason.pl}\n"
    assert _failing(Path("a.json"), "too large", lang="pl")[2] == "błąd: a.json: too large\n"


def test_say_error_goes_on() -> None:
    @click.command()
    def command() -> None:
        say_error("one", lang="en")
        say_error(INDEX_OUTSIDE_LIST(index=9, last=7), lang="pl")

    result = CliRunner().invoke(command, [], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == "error: one"
    assert result.stderr.splitlines()[1].startswith("błąd: ")


def test_verify_says_an_unreadable_file_in_its_language(tmp_path: Path) -> None:
    missing = tmp_path / "missing.json"
    result = CliRunner().invoke(cli, ["verify", "--lang", "pl", str(missing)])
    assert result.exit_code == EXIT_BAD_INPUT
    assert result.stderr.startswith(f"błąd: {missing}: ")
