"""What the platform benchmarks share (``bench/registry.py``, ``bench/issuance.py``):
the two databases a benchmark runs on, each in a fresh worker process — SQLite (a file in
a temporary folder, or one kept in a folder) and PostgreSQL (``tasks.py``'s throw-away
cluster, or a database the caller keeps); a benchmark gives ``run_worker(env)``, which
starts its worker with that environment and returns its exit status — and how a request
is timed and its times printed (:func:`timed`, :func:`line`)."""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
Worker = Callable[[dict[str, str]], int]


def on_sqlite(run_worker: Worker, keep: str | None = None) -> int:
    """The worker on SQLite: in ``keep`` (made if missing, used again next time), else in
    a temporary folder."""
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        return run_worker(_env(keep))
    with tempfile.TemporaryDirectory(prefix="microcred-bench-") as data:
        return run_worker(_env(data))


def on_postgresql(run_worker: Worker, database_url: str | None = None) -> int:
    """The worker on PostgreSQL: ``database_url`` when given, else a throw-away cluster
    (skipped, saying so, when PostgreSQL is not installed)."""
    if database_url:
        with tempfile.TemporaryDirectory(prefix="microcred-bench-") as files:
            return run_worker(_env(files, database_url))
    # the throw-away cluster of ``tasks.py test``: tasks.py sits at the repository's
    # root, outside the package, and is imported from there (one copy of that code)
    sys.path.insert(0, str(ROOT))
    from tasks import ClusterError, PostgresMissingError, postgres_cluster

    try:
        with (
            postgres_cluster(quiet=True) as url,
            tempfile.TemporaryDirectory(prefix="microcred-bench-") as files,
        ):
            return run_worker(_env(files, url))
    except PostgresMissingError as error:
        print(f"postgresql: skipped — {error}")
        return 0
    except ClusterError as error:
        print(f"postgresql: {error}")
        return 1


def on_each(only: str | None, run_worker: Worker, *, keep: str | None = None,
            database_url: str | None = None) -> int:  # fmt: skip
    """The worker on SQLite then PostgreSQL (or the ``only`` one); the worst status."""
    codes = []
    if only in (None, "sqlite"):
        codes.append(on_sqlite(run_worker, keep))
    if only in (None, "postgresql"):
        codes.append(on_postgresql(run_worker, database_url))
    return max(codes)


def _env(data_dir: str, database_url: str | None = None) -> dict[str, str]:
    env = {**os.environ, "MICROCRED_DATA_DIR": data_dir}
    env.pop("MICROCRED_DATABASE_URL", None)
    if database_url:
        env["MICROCRED_DATABASE_URL"] = database_url
    return env


def timed(call: Callable[[], object], rounds: int) -> list[float]:
    """Milliseconds each of ``rounds`` calls took."""
    spent = []
    for _ in range(rounds):
        began = time.perf_counter()
        call()
        spent.append((time.perf_counter() - began) * 1000)
    return spent


def line(label: str, ms: list[float], target: float | None) -> str:
    """One printed row: the median, the 95th percentile and whether it meets ``target``."""
    p95 = statistics.quantiles(ms, n=20)[-1] if len(ms) > 1 else ms[0]
    mark = "" if target is None else ("  ok" if p95 < target else f"  ABOVE {target:.0f} ms")
    return f"  {label:<34} median {statistics.median(ms):7.1f} ms   p95 {p95:7.1f} ms{mark}"
