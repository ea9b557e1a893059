"""Benchmark: Europass EDCs — build + e-seal per second, e-seal verification and the
full ``verify()`` report per second, one core (``python bench/edc.py [N] [ROUNDS]``).
The full report's SHACL step remembers conforming graph shapes (all N credentials share
one), so the uncached pySHACL rate is printed too, on 20 of them.

Targets (issue 5): sealing and verifying an EDC ≥ 500 per second per core; a PDF
certificate rendered in ≤ 250 ms (median) — this command ends by running
``bench/render.py`` so that all three are printed by one command.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from microcred.credentials.edc import shacl, to_edc
from microcred.credentials.jades import seal, self_signed_seal_certificate, verify_seal
from microcred.credentials.verify import verify
from microcred.standard import designfile
from microcred.standard.elements import Award

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "designs"
EU_SAMPLE = (
    Path(os.environ.get("MICROCRED_SHARED", ROOT.parent / "shared"))
    / "vectors/edc-examples/Sample-MC-Annex1-signed.jsonld"
)


def _awards(n: int) -> list[Award]:
    spec = designfile.loads((EXAMPLES / "python-basics.yaml").read_bytes()).model_dump()
    return [
        Award.model_validate(
            {
                "spec": spec,
                "issued_on": "2025-06-20",
                "learner": {
                    "given_name": f"Anna{i}",
                    "family_name": "Kowalska",
                    "email": f"anna{i}@example.org",
                },
            }
        )
        for i in range(n)
    ]


def _rate(func: Callable[[Any], Any], items: list[Any], rounds: int) -> list[float]:
    func(items[0])  # warm-up: caches, lazy imports
    rates = []
    for _ in range(rounds):
        start = time.perf_counter()
        for item in items:
            func(item)
        rates.append(len(items) / (time.perf_counter() - start))
    return rates


def main() -> int:
    parser = argparse.ArgumentParser(
        description="Europass EDCs built, e-sealed and verified per second; then bench/render.py."
    )
    parser.add_argument("n", nargs="?", type=int, default=200, help="EDCs (default 200)")
    parser.add_argument("rounds", nargs="?", type=int, default=5, help="rounds (default 5)")
    arguments = parser.parse_args()
    n, rounds = arguments.n, arguments.rounds
    credentials = self_signed_seal_certificate("Politechnika Nadwiślańska", "PL")
    awards = _awards(n)

    def build_and_seal(award: Award) -> dict[str, Any]:
        return seal(to_edc(award), key=credentials.key, certificates=credentials.certificates)

    sealed = [build_and_seal(a) for a in awards]
    edcs = [to_edc(a) for a in awards]
    print(f"{n} EDCs from python-basics.yaml, P-256 e-seal (self-signed test certificate), "
          f"median (min–max) over {rounds} rounds")  # fmt: skip
    jobs: list[tuple[str, Callable[[Any], Any], list[Any]]] = [
        ("build EDC (to_edc)", to_edc, awards),
        (
            "seal (JAdES)",
            lambda e: seal(e, key=credentials.key, certificates=credentials.certificates),
            edcs,
        ),
        ("build + seal", build_and_seal, awards),
        ("verify e-seal (verify_seal)", verify_seal, sealed),
        ("verify() full report (+SHACL)", verify, sealed),
        # the same without the per-shape SHACL cache: pySHACL on every credential
        (
            "  SHACL uncached (pySHACL each)",
            lambda e: shacl.validate(e, use_cache=False),
            edcs[:20],
        ),
    ]
    if EU_SAMPLE.is_file():  # the EU's own seal: RS256, RFC 3161 time-stamp, OCSP
        then = dt.datetime(2023, 10, 1, tzinfo=dt.UTC)  # inside its certificates' validity
        eu = [EU_SAMPLE.read_bytes()] * n
        jobs.append(("verify EU sample (sigTst, OCSP)",
                     lambda data: verify_seal(data, now=then), eu))  # fmt: skip
    for name, func, items in jobs:
        rates = _rate(func, items, rounds)
        print(
            f"  {name:<32} {statistics.median(rates):8.0f}/s  ({min(rates):.0f}–{max(rates):.0f})"
        )
    print(flush=True)
    render = Path(__file__).resolve().parent / "render.py"
    return subprocess.run([sys.executable, str(render), "--n", "20"], check=False).returncode  # noqa: S603


if __name__ == "__main__":
    sys.exit(main())
