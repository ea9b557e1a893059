"""The ``microcred`` command: one module per group of subcommands.

- ``check``, ``schema`` (:mod:`.check`) — designs against the EU Recommendation;
- ``keys generate|show`` (:mod:`.keys`) — signing keys;
- ``build`` (:mod:`.build`) — the unsigned credential of a learner (or a CSV list) from a design;
- ``sign`` (:mod:`.sign`) and ``verify`` (:mod:`.verify`) — credentials;
- ``seal-certificate`` (:mod:`.seal_certificate`) — a test e-seal certificate;
- ``status-list create|set|show`` (:mod:`.status_list`) — revocation and suspension;
- ``bake``, ``extract`` (:mod:`.bake`) — credentials inside PNG/SVG badges;
- ``render`` (:mod:`.render`) — a printable PDF certificate with the credentials attached.

Exit status everywhere: 0 success, 1 a negative answer (not a micro-credential, not
verified), 2 bad usage or unreadable input.
"""

from __future__ import annotations

__all__ = ["cli", "main"]

import os
import sys

import click

from ._common import EXIT_BAD_INPUT
from .bake import bake_command, extract_command
from .build import build_command
from .check import check_command, schema_command
from .keys import keys_group
from .render import render_command
from .seal_certificate import seal_certificate_command
from .sign import sign_command
from .status_list import status_list_group
from .verify import verify_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="microcred")
def cli() -> None:
    """microcred: EU micro-credentials, from design to verified credential."""


cli.add_command(check_command)
cli.add_command(schema_command)
cli.add_command(keys_group)
cli.add_command(build_command)
cli.add_command(sign_command)
cli.add_command(seal_certificate_command)
cli.add_command(status_list_group)
cli.add_command(verify_command)
cli.add_command(bake_command)
cli.add_command(extract_command)
cli.add_command(render_command)


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
