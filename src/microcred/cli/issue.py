"""``microcred issue``, ``microcred worker`` and ``microcred batch show|export``: bulk
issuance from the command line, against the platform's configured database (the demo's,
``var/demo``, unless ``MICROCRED_DATA_DIR`` or ``--data`` names another). Needs the
``platform`` extra (Django).

``issue --design ID --csv FILE`` reads the learner list, keeps it as a batch of the
design's published version and issues it in this process with a progress bar (rows a
running ``microcred worker`` takes are shared); ``--enqueue`` only records the batch and
puts it on the queue for the workers. The same ``--idempotency-key`` again issues
nothing new. E-mails to learners are sent by ``microcred worker``.

Exit status: 0 every row issued (or, with ``--enqueue``, the batch queued); 1 some rows
failed (each listed with its line and reason); 2 unusable input (no such design, a file
that is no learner list, a key used for another file).
"""

from __future__ import annotations

__all__ = ["batch_group", "issue_command", "worker_command"]

import json
import signal
import sys
import time
from pathlib import Path
from types import FrameType
from typing import Any

import click

from ._common import EXIT_BAD_INPUT, fail, platform_setup, read_limited

EXIT_SOME_FAILED = 1
_DATA = click.option(
    "--data",
    "data_dir",
    default="var/demo",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The platform's data directory (when MICROCRED_DATA_DIR does not name one).",
)


def _platform(command: str, data_dir: Path) -> None:
    platform_setup(command, data_dir, default=True)


def _issuer(version: Any, email: str | None) -> Any:
    """The person the batch is issued by: ``email``, else the provider's first
    administrator."""
    from ..platform.accounts.models import Role, User

    organisation = version.design.provider.organisation_id
    people = User.objects.filter(memberships__organisation_id=organisation)
    if email:
        found = people.filter(email__iexact=email).first()
        if found is None:
            fail(f"{email} is not one of the provider's people")
        return found
    found = people.filter(memberships__role=Role.PROVIDER_ADMIN).order_by("pk").first()
    if found is None:
        fail("the provider has no administrator: give --as EMAIL")
    return found


@click.command("issue")
@click.option(
    "--design",
    "design_id",
    type=int,
    required=True,
    help="The design (its number on the platform) whose published version is issued.",
)
@click.option(
    "--csv",
    "csv_path",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The learner list: CSV (UTF-8, Windows-1250 or UTF-16; , ; or tab) or XLSX.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the outcome as JSON.")
@click.option(
    "--idempotency-key",
    default="",
    help="Names this upload: the same key again issues nothing new.",
)
@click.option(
    "--enqueue",
    is_flag=True,
    help="Only record the batch and queue it: `microcred worker` issues it.",
)
@click.option(
    "--as",
    "as_email",
    default=None,
    help="Issue as this person of the provider [default: its first administrator].",
)
@_DATA
def issue_command(design_id: int, csv_path: Path, as_json: bool, idempotency_key: str,
                  enqueue: bool, as_email: str | None, data_dir: Path) -> None:  # fmt: skip
    """Issue the micro-credential of design DESIGN to every learner of a list."""
    _platform("issue", data_dir)
    from django.utils import timezone

    from ..credentials.cohort import MAX_BYTES
    from ..platform.core.errors import PlatformError
    from ..platform.issuance.batches import batch_create, batch_start
    from ..platform.issuance.selectors import listed_version

    version = listed_version(design_id)
    if version is None:
        fail(f"design {design_id} has no version in the registry (none approved, or no "
             "such design)")  # fmt: skip
    user = _issuer(version, as_email)
    try:
        data = read_limited(csv_path, MAX_BYTES)
    except OSError as exc:
        fail(f"{csv_path}: {exc.strerror}")
    try:
        batch, _ = batch_create(user=user, version=version, data=data, filename=csv_path.name,
                                now=timezone.now(), idempotency_key=idempotency_key)  # fmt: skip
        if batch.started_at is None and batch.batch_rows.filter(state="pending").exists():
            batch = batch_start(user=user, batch=batch, now=timezone.now(), enqueue=enqueue)
    except PlatformError as exc:
        fail(exc.text("en"))
    if enqueue:
        click.echo(json.dumps({"batch": str(batch.pk)}) if as_json else
                   f"batch {batch.pk} queued: `microcred worker` issues it")  # fmt: skip
        return
    _run(batch)
    _report(batch, as_json)


def _run(batch: Any) -> None:
    """Issue ``batch``'s chunks here, with a progress bar, until every row is done
    (chunks other workers hold are waited for; a dead one's lease runs out)."""
    from ..platform.issuance.batch_work import work
    from ..platform.issuance.batches import batch_summary

    summary = batch_summary(batch)
    with click.progressbar(length=summary.rows, label=f"batch {batch.pk}",
                           file=sys.stderr, show_pos=True) as bar:  # fmt: skip
        done = summary.issued + summary.failed
        bar.update(done)

        def tick() -> None:
            nonlocal done
            now = batch_summary(batch)
            bar.update(now.issued + now.failed - done)
            done = now.issued + now.failed

        while not batch_summary(batch).done:
            work(batch_id=str(batch.pk), until_idle=True, deliver=False, progress=tick)
            tick()
            if not batch_summary(batch).done:
                time.sleep(1)


def _report(batch: Any, as_json: bool) -> None:
    from ..platform.issuance.batches import batch_summary
    from ..platform.issuance.models import BatchRow, RowState

    summary = batch_summary(batch)
    failed = [{"line": line, "reason": " | ".join(r.get("en", "") for r in reasons)}
              for line, reasons in BatchRow.objects.filter(batch=batch, state=RowState.FAILED)
              .order_by("line").values_list("line", "reasons")]  # fmt: skip
    if as_json:
        click.echo(json.dumps({"batch": str(batch.pk), "rows": summary.rows,
                               "issued": summary.issued, "failed": failed,
                               "pending": summary.pending}, ensure_ascii=False))  # fmt: skip
    else:
        click.echo(f"batch {batch.pk}: {summary.rows} rows, {summary.issued} issued, "
                   f"{len(failed)} failed")  # fmt: skip
        for item in failed:
            click.echo(f"  line {item['line']}: {item['reason']}")
        if failed:
            click.echo(f"error report: microcred batch export {batch.pk} --out FILE.csv")
    if failed or summary.pending:
        raise SystemExit(EXIT_SOME_FAILED)


@click.command("worker")
@click.option("--burst", is_flag=True, help="Stop when no work is left (else run until stopped).")
@click.option(
    "--interval",
    default=1.0,
    show_default=True,
    type=click.FloatRange(0.05, 60),
    help="Seconds between looks at the queue when idle.",
)
@_DATA
def worker_command(burst: bool, interval: float, data_dir: Path) -> None:
    """Run one worker: queued batch chunks and e-mails to learners (SIGTERM: finish the
    current chunk, then stop)."""
    _platform("worker", data_dir)
    from ..platform.issuance.worker import Worker

    worker = Worker(interval=interval)

    def stop(signum: int, frame: FrameType | None) -> None:
        if not worker.running:
            raise SystemExit(EXIT_SOME_FAILED)  # a second signal: stop now
        worker.running = False

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    click.echo(f"worker {worker.worker_id} started", err=True)
    worker.run(burst=burst)


@click.group("batch")
def batch_group() -> None:
    """Bulk batches: where one stands, its report."""


def _batch(batch_id: str) -> Any:
    from django.core.exceptions import ValidationError

    from ..platform.issuance.models import Batch

    try:
        found = Batch.objects.filter(pk=batch_id).first()
    except ValidationError:
        found = None
    if found is None:
        fail(f"no batch {batch_id}")
    return found


@batch_group.command("show")
@click.argument("batch_id")
@click.option("--json", "as_json", is_flag=True, help="Print it as JSON.")
@_DATA
def batch_show(batch_id: str, as_json: bool, data_dir: Path) -> None:
    """How many rows of batch BATCH_ID are issued, failed and pending."""
    _platform("batch", data_dir)
    from ..platform.issuance.batches import batch_summary

    summary = batch_summary(_batch(batch_id))
    if as_json:
        click.echo(json.dumps(summary.as_json()))
        return
    click.echo(f"batch {batch_id}: {summary.rows} rows, {summary.issued} issued, "
               f"{summary.failed} failed, {summary.pending} pending"
               f"{' (done)' if summary.done else ''}")  # fmt: skip


@batch_group.command("export")
@click.argument("batch_id")
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The CSV file to write (one line per row).",
)
@click.option("--failed-only", is_flag=True, help="Only the rows that failed (the error report).")
@click.option("--force", is_flag=True, help="Overwrite OUT if it exists.")
@_DATA
def batch_export(batch_id: str, out: Path, failed_only: bool, force: bool,
                 data_dir: Path) -> None:  # fmt: skip
    """Write batch BATCH_ID's rows to a CSV: line, learner, outcome, reason, credential,
    claim link, revocation and suspension list and index."""
    _platform("batch", data_dir)
    from ..platform.issuance.batches import batch_report

    if out.exists() and not force:
        click.echo(f"error: {out} exists (give --force to overwrite it)", err=True)
        raise SystemExit(EXIT_BAD_INPUT)
    batch = _batch(batch_id)
    try:
        with out.open("w", encoding="utf-8", newline="") as handle:
            for chunk in batch_report(batch, failed_only=failed_only):
                handle.write(chunk)
    except OSError as exc:
        fail(f"cannot write {out}: {exc.strerror}")
    click.echo(f"{out}: batch {batch_id}")
