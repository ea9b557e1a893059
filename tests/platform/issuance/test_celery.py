"""Celery + Redis, the documented option for scale, smoke-tested with real processes: a
Redis server on a free port, a Celery worker (``celery -A microcred.platform.config.
celery worker``), a batch queued by ``microcred issue --enqueue`` through the Tasks API's
Celery backend, issued by the Celery worker; and one ``microcred worker`` for the
platform's own rounds (the e-mails). Redis is installed by ``.ci/run``; elsewhere the test
is skipped without it (and fails under ``CI=true``)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .test_crash import _cohort, _run, _show, _stop, _wait, platform  # noqa: F401

ROOT = Path(__file__).resolve().parents[3]
CELERY = str(Path(sys.executable).parent / "celery")


@pytest.fixture
def redis_url(tmp_path: Path):
    server = shutil.which("redis-server")
    if server is None:
        if os.environ.get("CI"):
            pytest.fail("redis-server is not installed (.ci/run installs it)")
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([server, "--bind", "127.0.0.1", "--port", str(port), "--save", "",
                                "--appendonly", "no", "--dir", str(tmp_path)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.1)
    yield f"redis://127.0.0.1:{port}/0"
    process.terminate()
    process.wait(timeout=20)


def test_a_batch_issued_by_celery_workers(platform, redis_url, tmp_path):  # noqa: F811
    platform["env"] |= {
        "MICROCRED_TASKS_BACKEND": "microcred.platform.core.celery_tasks.CeleryBackend",
        "MICROCRED_CELERY_BROKER_URL": redis_url,
    }
    rows = 600
    _cohort(tmp_path / "cohort.csv", rows)
    queued = _run(platform, "issue", "--design", "1", "--csv", str(tmp_path / "cohort.csv"),
                  "--enqueue", "--json")  # fmt: skip
    assert queued.returncode == 0, queued.stderr
    batch = queued.stdout.split('"batch": "')[1].split('"')[0]
    quiet = subprocess.DEVNULL
    command = [CELERY, "-A", "microcred.platform.config.celery", "worker", "--concurrency",
               "2", "--pool", "prefork", "--loglevel", "WARNING"]  # fmt: skip
    celery = subprocess.Popen(command, env=platform["env"], cwd=ROOT, stdout=quiet, stderr=quiet)
    rounds = subprocess.Popen([str(Path(sys.executable).parent / "microcred"), "worker",
                               "--interval", "0.2"], env=platform["env"], cwd=ROOT,
                              stdout=quiet, stderr=quiet)  # fmt: skip
    try:
        shown = _wait(platform, batch, lambda s: s["done"], 240)
    finally:
        _stop(celery)
        _stop(rounds)
    assert (shown["rows"], shown["issued"], shown["failed"]) == (rows, rows, 0)
    tasks = platform["query"]("SELECT COUNT(*) FROM django_tasks_database_dbtaskresult")
    assert tasks[0][0] == 0  # the database queue was not used: Celery ran every chunk
