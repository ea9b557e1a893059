"""Benchmark: how long ``microcred demo`` takes before a person can use the platform
(``python bench/demo_start.py [--runs R]``; issue 12's target: under 30 s on a fresh clone,
after the install).

Each run starts ``microcred demo --port P --data DIR`` in a fresh, empty data folder (the
database migrated, the demo's people, providers and designs made, ESCO loaded when
``../shared/esco`` exists) and polls ``/health`` until it answers 200: that wall time is
the start. A second start on the same folder (the demo is idempotent: nothing to add) is
timed the same way. Prints the median (min–max) of ``--runs`` runs (default 3) of each.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 30.0
LIMIT = 300.0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _microcred() -> str:
    beside = Path(sys.executable).with_name("microcred")
    found = str(beside) if beside.exists() else shutil.which("microcred")
    if found is None:
        sys.exit("the microcred command is not installed (pip install -e .)")
    return found


def start(data: Path) -> float:
    """Seconds from ``microcred demo`` to the first 200 from ``/health``."""
    port = _free_port()
    began = time.perf_counter()
    server = subprocess.Popen(  # noqa: S603 - our own command
        [_microcred(), "demo", "--port", str(port), "--data", str(data)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while time.perf_counter() - began < LIMIT:
            if server.poll() is not None:
                sys.exit(f"microcred demo stopped with {server.returncode} before answering")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as r:
                    if r.status == 200:
                        return time.perf_counter() - began
            except OSError:
                time.sleep(0.05)
        sys.exit(f"no answer from /health within {LIMIT:.0f} s")
    finally:
        server.terminate()
        server.wait(timeout=30)


def _line(label: str, times: list[float]) -> str:
    verdict = "meets" if statistics.median(times) < TARGET else "MISSES"
    return (
        f"{label:<38} median {statistics.median(times):6.2f} s "
        f"({min(times):.2f}–{max(times):.2f}), {verdict} the {TARGET:.0f} s target"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    esco = (ROOT.parent / "shared" / "esco").is_dir()
    print(f"microcred demo, {runs} runs each; ESCO {'loaded' if esco else 'absent'}")
    first, again = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="mc-demo-") as folder:
            first.append(start(Path(folder) / "demo"))
            again.append(start(Path(folder) / "demo"))
    print(_line("first start (empty data folder)", first))
    print(_line("second start (data already there)", again))


if __name__ == "__main__":
    main()
