"""``microcred demo``: the platform with demo data on localhost.

It makes (or brings up to date) an SQLite database in ``--data`` (``var/demo``), creates
the demo's people and organisations through the platform's services (a second run adds
nothing), prints the logins and serves the platform until Ctrl+C, with a background worker
(``microcred worker``: bulk batches and the learners' e-mails, printed on the console).
``--no-serve`` stops after the data. Needs the ``platform`` extra (Django).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click

from ._common import platform_setup


@click.command("demo")
@click.option(
    "--port",
    default=8000,
    show_default=True,
    type=click.IntRange(1, 65535),
    help="The port on 127.0.0.1 to serve on.",
)
@click.option(
    "--data",
    "data_dir",
    default="var/demo",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Where the demo keeps its database and secret key.",
)
@click.option(
    "--designs",
    "designs_dir",
    default="examples/designs",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Design files to publish in the demo's registry (skipped when absent).",
)
@click.option(
    "--esco",
    "esco_dir",
    default=None,
    type=click.Path(file_okay=False, path_type=Path),
    help="ESCO exports kept by version (v1.1.1/en, v1.1.1/relations, v1.2.1/pl) to load "
    "[default: $MICROCRED_SHARED/esco, else ../shared/esco]; skipped when absent.",
)
@click.option("--no-serve", is_flag=True, help="Set up the data, print the logins, and stop.")
def demo_command(
    port: int, data_dir: Path, designs_dir: Path, esco_dir: Path | None, no_serve: bool
) -> None:
    """Run the platform with demo data on http://127.0.0.1:PORT/."""
    platform_setup("demo", data_dir, default=True)
    from django.core.management import call_command
    from django.utils import timezone

    from ..platform.demo import DEMO_PASSWORD, demo_awards, demo_designs, demo_esco, demo_seed

    call_command("migrate", verbosity=0, interactive=False)
    logins = demo_seed(now=timezone.now())
    files = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(designs_dir.glob("*.yaml"))]
    published = demo_designs(files, now=timezone.now()) if files else 0
    awarded = demo_awards(now=timezone.now()) if published else 0
    shared = Path(os.environ.get("MICROCRED_SHARED", "../shared"))
    esco = demo_esco(esco_dir or shared / "esco", now=timezone.now())
    click.echo(
        f"microcred demo — data in {os.environ['MICROCRED_DATA_DIR']}; "
        f"{published} micro-credentials in the registry, {awarded} awarded"
    )
    click.echo(esco)
    click.echo(f"logins (password for each: {DEMO_PASSWORD}):")
    for login in logins:
        click.echo(f"  {login.email:<34} {login.role}")
    if no_serve:
        return
    click.echo(f"serving on http://127.0.0.1:{port}/ (Ctrl+C to stop), with a background "
               "worker (bulk batches, e-mails to learners: printed here)")  # fmt: skip
    # the worker of the database queue, as `microcred worker` runs it, beside the server:
    # a batch started in the browser is issued without a second command
    worker = subprocess.Popen([sys.executable, "-c", "from microcred.cli import main; main()",
                               "worker"], env=os.environ.copy())  # fmt: skip
    try:
        call_command("runserver", f"127.0.0.1:{port}", use_reloader=False,
                     insecure_serving=True)  # fmt: skip
    finally:
        worker.terminate()
        worker.wait(timeout=30)
