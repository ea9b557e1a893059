"""Reliability of bulk issuance, as the issue asks it, with real processes: a worker
killed with SIGKILL in the middle of a 2,000-row batch and started again — then two
workers, one of them killed — and every row ends issued exactly once or failed with a
reason; issued + failed = rows; no status entry used twice; one outbox e-mail per award,
and every e-mail sent (the same Message-ID when one is sent again).

The platform runs as a registrar runs it: ``microcred demo --no-serve`` sets up a data
directory, ``microcred issue --enqueue`` queues the batch, ``microcred worker`` processes
work it; on the PostgreSQL run (``MICROCRED_DATABASE_URL`` set) each test gets a database
of its own on that cluster, so the workers claim chunks with ``SKIP LOCKED``."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import closing
from email import message_from_bytes
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[3]
MICROCRED = str(Path(sys.executable).parent / "microcred")
ROWS = 2000


def _cohort(path: Path, rows: int = ROWS) -> None:
    lines = ["name;email;date_of_birth;student_id"]
    lines += [f"Uczeń {i} Żółć;u{i}@example.org;1990-01-0{1 + i % 9};S{i}" for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="cp1250")


@pytest.fixture
def platform(tmp_path: Path) -> Iterator[dict[str, Any]]:
    """A fresh demo data directory (and, on the PostgreSQL run, a database of its own):
    the environment for ``microcred`` and a way to query its database."""
    ours = ("DJANGO_SETTINGS_MODULE", "MICROCRED_DATA_DIR", "MICROCRED_DATABASE_URL")
    env = {k: v for k, v in os.environ.items() if k not in ours}
    env |= {
        "MICROCRED_DATA_DIR": str(tmp_path / "data"),
        "MICROCRED_BATCH_LEASE_SECONDS": "3",
        "MICROCRED_EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
    }
    cluster = os.environ.get("MICROCRED_DATABASE_URL", "")
    name = f"crash_{uuid.uuid4().hex[:12]}"
    if cluster:
        import psycopg

        with psycopg.connect(cluster, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        env["MICROCRED_DATABASE_URL"] = cluster.rsplit("/", 1)[0] + "/" + name
    done = subprocess.run([MICROCRED, "demo", "--no-serve", "--esco", str(tmp_path / "none")],
                          env=env, cwd=ROOT, capture_output=True, text=True, timeout=300,
                          check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr

    def query(sql: str) -> list[tuple[Any, ...]]:
        if cluster:
            import psycopg

            with psycopg.connect(env["MICROCRED_DATABASE_URL"]) as connection:
                return list(connection.execute(sql).fetchall())  # type: ignore[arg-type]
        with closing(sqlite3.connect(tmp_path / "data" / "microcred.sqlite3")) as connection:
            return connection.execute(sql).fetchall()

    yield {"env": env, "query": query, "mail": tmp_path / "data" / "mail"}
    if cluster:
        import psycopg

        with psycopg.connect(cluster, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _run(platform: dict[str, Any], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([MICROCRED, *args], env=platform["env"], cwd=ROOT,
                          capture_output=True, text=True, timeout=300, check=False)  # fmt: skip


def _worker(platform: dict[str, Any]) -> subprocess.Popen[bytes]:
    quiet = subprocess.DEVNULL
    return subprocess.Popen([MICROCRED, "worker", "--interval", "0.1"], env=platform["env"],
                            cwd=ROOT, stdout=quiet, stderr=quiet)  # fmt: skip


def _show(platform: dict[str, Any], batch: str) -> dict[str, Any]:
    shown = _run(platform, "batch", "show", batch, "--json")
    assert shown.returncode == 0, shown.stderr
    result: dict[str, Any] = json.loads(shown.stdout)
    return result


def _wait(platform: dict[str, Any], batch: str, until: Any, seconds: float) -> dict[str, Any]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if until(shown := _show(platform, batch)):
            return shown
        time.sleep(0.3)
    raise AssertionError(f"batch {batch} not there in {seconds} s: {_show(platform, batch)}")


def _queue(platform: dict[str, Any], tmp_path: Path) -> str:
    _cohort(tmp_path / "cohort.csv")
    queued = _run(platform, "issue", "--design", "1", "--csv", str(tmp_path / "cohort.csv"),
                  "--enqueue", "--json", "--idempotency-key", "crash-test")  # fmt: skip
    assert queued.returncode == 0, queued.stderr
    batch: str = json.loads(queued.stdout)["batch"]
    return batch


def _kill(worker: subprocess.Popen[bytes]) -> None:
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=10)


def _stop(worker: subprocess.Popen[bytes]) -> None:
    worker.send_signal(signal.SIGTERM)
    try:
        worker.wait(timeout=60)
    except subprocess.TimeoutExpired:
        _kill(worker)


def _check(platform: dict[str, Any], batch: str) -> None:
    """Exactly once, and nothing lost: what the issue's crash test asks."""
    shown = _show(platform, batch)
    assert shown["done"] is True
    assert (shown["rows"], shown["issued"] + shown["failed"]) == (ROWS, ROWS)
    assert shown["failed"] == 0  # every row is a good learner
    query = platform["query"]
    assert query("SELECT COUNT(*) FROM issuance_award")[0][0] >= ROWS
    # a UUID as SQLite keeps it (32 hex digits), which PostgreSQL reads as a uuid too
    rows = query("SELECT COUNT(*), COUNT(DISTINCT award_id) FROM issuance_batchrow "  # noqa: S608
                 f"WHERE batch_id = '{uuid.UUID(batch).hex}'")  # fmt: skip
    assert rows[0] == (ROWS, ROWS)  # each row, its own award
    entries = query("SELECT status_list_id, status_index, COUNT(*) FROM issuance_award "
                    "GROUP BY status_list_id, status_index HAVING COUNT(*) > 1")  # fmt: skip
    assert entries == []  # no status entry used twice
    learners = query(
        "SELECT email, COUNT(*) FROM issuance_award "
        "WHERE email LIKE 'u%@example.org' GROUP BY email HAVING COUNT(*) > 1"
    )
    assert learners == []  # no learner issued twice
    outbox = query("SELECT COUNT(*), COUNT(DISTINCT award_id), COUNT(DISTINCT message_id) "
                   "FROM issuance_outboxmessage")  # fmt: skip
    awards = query("SELECT COUNT(*) FROM issuance_award")[0][0]
    assert outbox[0] == (awards, awards, awards)  # one e-mail per award, never two
    unsent = query("SELECT COUNT(*) FROM issuance_outboxmessage WHERE state <> 'sent'")
    assert unsent[0][0] == 0
    sent = [message_from_bytes(part.encode()) for path in platform["mail"].glob("*.log")
            for part in path.read_text().split("-" * 79 + "\n") if part.strip()]  # fmt: skip
    ids = {m["Message-ID"] for m in sent}
    wanted = {row[0] for row in query("SELECT message_id FROM issuance_outboxmessage")}
    assert ids == wanted  # every e-mail sent; a resent one kept its Message-ID


def test_a_worker_killed_mid_batch_and_started_again_issues_each_row_once(platform, tmp_path):
    batch = _queue(platform, tmp_path)
    worker = _worker(platform)
    _wait(platform, batch, lambda s: s["issued"] >= 400, 240)
    _kill(worker)  # SIGKILL mid-chunk: its chunk's lease stays held, its task RUNNING
    midway = _show(platform, batch)
    assert not midway["done"]
    worker = _worker(platform)
    try:
        _wait(platform, batch, lambda s: s["done"], 300)
        _wait_mail(platform)
    finally:
        _stop(worker)
    _check(platform, batch)


def test_two_workers_one_killed_finish_the_batch_once(platform, tmp_path):
    batch = _queue(platform, tmp_path)
    first, second = _worker(platform), _worker(platform)
    try:
        _wait(platform, batch, lambda s: s["issued"] >= 400, 240)
        _kill(first)
        _wait(platform, batch, lambda s: s["done"], 300)
        _wait_mail(platform)
    finally:
        _stop(second)
        if first.poll() is None:
            _kill(first)
    _check(platform, batch)


def _wait_mail(platform: dict[str, Any]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        unsent = platform["query"]("SELECT COUNT(*) FROM issuance_outboxmessage "
                                   "WHERE state <> 'sent'")  # fmt: skip
        if unsent[0][0] == 0:
            return
        time.sleep(0.5)
    raise AssertionError("e-mails left unsent")
