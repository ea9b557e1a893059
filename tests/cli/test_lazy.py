"""The ``microcred`` group: every command listed, and each loaded only when it runs
(structural: a fresh interpreter, what it imported is looked at, not how long it took)."""

from __future__ import annotations

import subprocess
import sys

import click
from click.testing import CliRunner

from microcred.cli import COMMANDS, cli

MODULES = sorted({f"microcred.cli.{module}" for module, _ in COMMANDS.values()})


def test_help_lists_every_command() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.output.split("Commands:\n")[1].splitlines()]
    assert listed == sorted(COMMANDS)


def test_each_name_is_its_command() -> None:
    context = click.Context(cli)
    for name in COMMANDS:
        command = cli.get_command(context, name)
        assert command is not None
        assert command.name == name
    assert cli.get_command(context, "no-such-command") is None


def test_verify_loads_only_its_own_module() -> None:
    probe = (
        "import contextlib, io, sys\n"
        "from microcred.cli import cli\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        "    cli(['verify', '--help'], prog_name='microcred')\n"
        f"print(' '.join(m for m in {[*MODULES, 'weasyprint']!r} if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.split() == ["microcred.cli.verify"]
