"""The ``microcred`` command: one module per group of subcommands.

- ``check``, ``schema`` (:mod:`.check`) — designs against the EU Recommendation;
- ``keys generate|show`` (:mod:`.keys`) — signing keys;
- ``build`` (:mod:`.build`) — the unsigned credential of a learner (or a CSV list) from a design;
- ``sign`` (:mod:`.sign`) and ``verify`` (:mod:`.verify`) — credentials;
- ``seal-certificate`` (:mod:`.seal_certificate`) — a test e-seal certificate;
- ``status-list create|set|show`` (:mod:`.status_list`) — revocation and suspension;
- ``bake``, ``extract`` (:mod:`.bake`) — credentials inside PNG/SVG badges (``extract``
  also reads a PDF certificate's);
- ``render`` (:mod:`.render`) — a printable PDF certificate with the credentials attached;
- ``demo`` (:mod:`.demo`) — the web platform with demo data on localhost;
- ``esco load`` (:mod:`.esco`) — the EU's ESCO classification into the platform.
- ``backup``, ``restore`` (:mod:`.backup`) — the platform's database and files in one archive.
- ``issue``, ``worker``, ``batch show|export`` (:mod:`.issue`) — bulk issuance on the platform.

A subcommand's module is imported only when that subcommand runs (:class:`_LazyGroup`),
so ``microcred verify`` does not load what ``build``, ``render`` or ``sign`` need.

Exit status everywhere: 0 success, 1 a negative answer (not a micro-credential, not
verified), 2 bad usage or unreadable input.
"""

from __future__ import annotations

__all__ = ["cli", "main"]

import importlib
import os
import sys
from typing import Any

import click

from ._common import EXIT_BAD_INPUT

#: every subcommand: its name → the module (in this package) and the object that is it
COMMANDS = {
    "backup": ("backup", "backup_command"),
    "bake": ("bake", "bake_command"),
    "batch": ("issue", "batch_group"),
    "build": ("build", "build_command"),
    "check": ("check", "check_command"),
    "demo": ("demo", "demo_command"),
    "esco": ("esco", "esco_group"),
    "extract": ("bake", "extract_command"),
    "issue": ("issue", "issue_command"),
    "keys": ("keys", "keys_group"),
    "render": ("render", "render_command"),
    "restore": ("backup", "restore_command"),
    "schema": ("check", "schema_command"),
    "seal-certificate": ("seal_certificate", "seal_certificate_command"),
    "sign": ("sign", "sign_command"),
    "status-list": ("status_list", "status_list_group"),
    "verify": ("verify", "verify_command"),
    "worker": ("issue", "worker_command"),
}


class _LazyGroup(click.Group):
    """A group that imports a subcommand's module when the subcommand is asked for.

    Click's documented pattern for lazily loading subcommands ("Complex Applications",
    https://click.palletsprojects.com/en/stable/complex/#lazily-loading-subcommands):
    ``list_commands`` names them all without importing anything, ``get_command`` imports
    one. ``microcred --help`` still lists every command with its short help, and so
    imports them all; a subcommand run imports only its own module.
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return super().get_command(ctx, cmd_name)
        module, attribute = COMMANDS[cmd_name]
        command: Any = getattr(importlib.import_module(f"{__name__}.{module}"), attribute)
        if not isinstance(command, click.Command):
            raise TypeError(f"{module}.{attribute} is not a click command")
        return command


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="microcred")
def cli() -> None:
    """microcred: EU micro-credentials, from design to verified credential."""


def main() -> None:
    """Entry point of the ``microcred`` console script.

    An exception nobody expected is still reported in one line (exit 2), never as a
    traceback; ``MICROCRED_DEBUG=1`` shows the traceback for a bug report.
    """
    try:
        cli(prog_name="microcred", standalone_mode=True)
    except Exception as exc:  # the last line of defence of a CLI
        if os.environ.get("MICROCRED_DEBUG"):
            raise
        click.echo(f"microcred: internal error: {type(exc).__name__}: {exc}", err=True)
        sys.exit(EXIT_BAD_INPUT)
