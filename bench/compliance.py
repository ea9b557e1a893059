"""Benchmark: how fast designs are read and checked (``python bench/compliance.py``).

Prints the median (and min/max) of designs per second for reading (YAML → model) and
for checking (model → report), over every example design, repeated.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from microcred.standard import designfile
from microcred.standard.compliance import check

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "designs"


def _rate(func: object, items: list, rounds: int) -> list[float]:
    rates = []
    for _ in range(rounds):
        start = time.perf_counter()
        for item in items:
            func(item)  # type: ignore[operator]
        rates.append(len(items) / (time.perf_counter() - start))
    return rates


def main() -> int:
    parser = argparse.ArgumentParser(
        description="Designs read and checked per second, over every example design."
    )
    parser.add_argument("rounds", nargs="?", type=int, default=7, help="rounds (default 7)")
    rounds = parser.parse_args().rounds
    texts = [p.read_bytes() for p in sorted(EXAMPLES.glob("*.yaml"))] * 20
    specs = [designfile.loads(t) for t in texts]
    for name, func, items in (
        ("read design (YAML -> model)", designfile.loads, texts),
        ("check design (model -> report)", check, specs),
    ):
        rates = _rate(func, items, rounds)
        print(
            f"{name:<32} median {statistics.median(rates):8.0f}/s"
            f"  (min {min(rates):.0f}, max {max(rates):.0f}, {rounds} rounds of {len(items)})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
