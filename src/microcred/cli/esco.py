"""``microcred esco load DIR [--pl DIR]``: the EU's official ESCO CSV export into the
platform's database (the one ``microcred demo`` uses unless ``MICROCRED_DATA_DIR`` or
``MICROCRED_DATABASE_URL`` says otherwise). DIR is the folder of the English
classification and the relations (``v1.1.1/`` holding ``en/`` and ``relations/``, or both
packages unzipped into one folder); ``--pl`` the Polish package's folder. Each file and
its rows are printed. Needs the ``platform`` extra (Django).
"""

from __future__ import annotations

__all__ = ["esco_group"]

from pathlib import Path

import click

from ._common import fail, platform_setup


@click.group("esco")
def esco_group() -> None:
    """The ESCO classification (skills, occupations) in the platform."""


@esco_group.command("load")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--pl", "pl_dir", default=None, type=click.Path(file_okay=False, path_type=Path),
              help="The folder of the Polish ESCO package (labels for part of ESCO).")  # fmt: skip
@click.option(
    "--data",
    "data_dir",
    default="var/demo",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The platform's data folder (its SQLite database), unless MICROCRED_DATA_DIR is set.",
)
def load_command(directory: Path, pl_dir: Path | None, data_dir: Path) -> None:
    """Load the ESCO CSV export in DIRECTORY, replacing the ESCO data loaded before."""
    platform_setup("esco", data_dir, default=True)
    from django.core.management import call_command
    from django.utils import timezone

    from ..platform.core.errors import PlatformError
    from ..platform.esco.services import esco_load

    call_command("migrate", verbosity=0, interactive=False)
    try:
        report = esco_load(directory=directory, pl=pl_dir, now=timezone.now())
    except PlatformError as error:
        fail(error.text("en"))
    for line in report.lines():
        click.echo(line)
