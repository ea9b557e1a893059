"""Benchmark: microcred vs the JS reference stack on signed OB 3.0 micro-credentials.

``python bench/credentials.py [--n N] [--rounds R]`` builds N Open Badges 3.0
micro-credentials from ``examples/designs/python-basics.yaml`` (one learner each, one
Ed25519 key), then, in the same run, measures:

- signs/s and verifies/s (``eddsa-rdfc-2022``) of microcred (``sign``, ``verify_proof``
  and the full ``verify()`` report) and of the JS reference (``@digitalbazaar/vc`` 7
  ``issue`` / ``verifyCredential`` with ``@digitalbazaar/eddsa-rdfc-2022-cryptosuite``)
  on the SAME credentials, and their ratio;
- canonicalization alone (RDFC-1.0 N-Quads): microcred's ``rdfc.canonicalize``
  (pyoxigraph JSON-LD + pyld's RDFC-1.0), pyld alone (``jsonld.normalize``), the JS
  reference (``jsonld.toRDF`` + ``rdf-canonize``);
- how long ``verify()`` takes to reject hostile documents of about 256 KiB;
- the batch CLI: ``microcred sign --out-dir`` and ``microcred verify`` over 600 files
  (``--cli-files``), each a fresh process, wall time with and without its start-up (the
  same command on one file), in one process (``--jobs 1``) and on every usable CPU (the
  default ``--jobs``), against the in-process rates (one core) of the same run.

Each implementation runs in one single-threaded process (per-core numbers); the node
worker (``bench/js/bench.mjs``) and this process take turns round by round, so both see
the same machine load. Medians, with min and max, over the rounds after one warm-up
round. It also checks that both sides produce the same signatures and N-Quads. It installs
the JS packages (``npm ci`` in ``bench/js``) when they are missing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import json
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pyld import jsonld

from microcred.cli._parallel import usable_cpus
from microcred.credentials.data_integrity import sign, verify_proof
from microcred.credentials.dids import Resolver
from microcred.credentials.jsonld import contexts, rdfc
from microcred.credentials.keys import KeyPair
from microcred.credentials.ob3 import to_ob3
from microcred.credentials.verify import verify
from microcred.standard import designfile
from microcred.standard.elements import Award

ROOT = Path(__file__).resolve().parent.parent
JS = ROOT / "bench" / "js"
DESIGN = ROOT / "examples" / "designs" / "python-basics.yaml"
CREATED = dt.datetime(2025, 6, 20, tzinfo=dt.UTC)
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
JS_PACKAGES = (
    "@digitalbazaar/vc",
    "@digitalbazaar/data-integrity",
    "@digitalbazaar/eddsa-rdfc-2022-cryptosuite",
    "jsonld",
    "rdf-canonize",
)
HOSTILE_TIMEOUT = 30.0


# --- the JS side ---------------------------------------------------------------------------
def ensure_js_packages() -> str:
    """Path of ``node``; runs ``npm ci`` in bench/js when node_modules is missing or stale."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        sys.exit("bench/credentials.py needs node (>= 18) and npm on PATH for the JS reference")
    installed = JS / "node_modules" / ".package-lock.json"  # npm's record of what it installed
    lock = JS / "package-lock.json"
    if not installed.exists() or installed.stat().st_mtime < lock.stat().st_mtime:
        print("installing the JS reference packages: npm ci (bench/js)", flush=True)
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=JS, check=True)  # noqa: S603
    return node


def js_version(package: str) -> str:
    data = json.loads((JS / "node_modules" / package / "package.json").read_text())
    return str(data["version"])


class JsWorker:
    """``node bench/js/bench.mjs``: one command in, one JSON answer out."""

    def __init__(self, node: str, folder: Path) -> None:
        self.process = subprocess.Popen(  # noqa: S603
            [node, str(JS / "bench.mjs"), "--key", str(folder / "key.json"),
             "--unsigned", str(folder / "unsigned.jsonl"),
             "--signed", str(folder / "signed.jsonl"),
             "--created", CREATED.strftime("%Y-%m-%dT%H:%M:%SZ"),
             "--now", NOW.strftime("%Y-%m-%dT%H:%M:%SZ")],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip

    def ask(self, op: str) -> dict[str, Any]:
        if self.process.stdin is None or self.process.stdout is None:
            raise RuntimeError("the node worker has no pipes")
        self.process.stdin.write(json.dumps({"op": op}) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"the node worker stopped (exit {self.process.wait()})")
        answer: dict[str, Any] = json.loads(line)
        if "error" in answer:
            raise RuntimeError(f"the node worker failed on {op}: {answer['error']}")
        return answer

    def close(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        self.process.wait(timeout=30)


# --- the credentials -----------------------------------------------------------------------
def build_credentials(key: KeyPair, n: int) -> list[dict[str, Any]]:
    """N unsigned OB 3.0 micro-credentials of python-basics.yaml, one learner each."""
    spec = designfile.loads(DESIGN.read_bytes()).model_dump()
    credentials = []
    for i in range(n):
        award = Award.model_validate(
            {
                "spec": spec,
                "learner": {
                    "given_name": "Anna Maria",
                    "family_name": f"Kowalska-{i}",
                    "email": f"anna.kowalska.{i}@example.org",
                    "date_of_birth": "1990-04-02",
                    "student_id": f"{100000 + i}",
                },
                "issued_on": "2025-06-20",
                "valid_until": "2030-06-20",
                "grade": {"pl": "zaliczone", "en": "pass"},  # on the design's scale
            }
        )
        credentials.append(to_ob3(award, issuer_id=key.did_key))
    return credentials


def _fill(document: dict[str, Any], make: Callable[[int], Any], target: int) -> list[Any]:
    """As many ``make(i)`` items as take ``document`` to about ``target`` bytes of JSON."""
    room = target - len(json.dumps(document).encode())
    each = len(json.dumps(make(0)).encode()) + 2
    return [make(i) for i in range(max(1, room // each))]


def hostile_documents(signed: dict[str, Any], target: int = 256 * 1024) -> dict[str, bytes]:
    """Documents of about 256 KiB that ``verify()`` must reject quickly."""
    tampered = {**json.loads(json.dumps(signed)), "name": "tampered"}
    subject = tampered["credentialSubject"]
    distinct = _fill(
        tampered,
        lambda i: {"type": ["Evidence"], "name": f"e{i:05}", "narrative": "y" * 40},
        target,
    )
    alike = _fill(tampered, lambda i: {"type": ["Evidence"], "name": "e", "narrative": "y" * 40},
                  target)  # fmt: skip
    undefined = _fill(tampered, lambda i: {"alsoNotATerm": "z" * 60}, target)
    # RDFC-1.0 "poison graph": a clique of blank nodes that all look alike, which makes
    # an unguarded canonicalizer's work grow factorially (RDFC-1.0 §4.4, §7.2)
    clique = 8
    poison = {
        **tampered,
        "@context": [*signed["@context"],
                     {"knows": {"@id": "https://example.org/knows", "@type": "@id"}}],
        "evidence": [
            {"id": f"_:b{i}", "type": ["Evidence"],
             "knows": [f"_:b{j}" for j in range(clique) if j != i]}
            for i in range(clique)
        ],
    }  # fmt: skip
    padding = target - len(json.dumps(poison).encode()) - len(', "description": ""')
    documents = {
        f"{len(distinct):,} distinct evidence nodes, tampered": {**tampered, "evidence": distinct},
        f"{len(alike):,} identical evidence nodes, tampered": {**tampered, "evidence": alike},
        f"{len(undefined):,} undefined terms (JSON-LD safe mode)": {
            **tampered, "credentialSubject": {**subject, "notATerm": undefined}},
        f"blank-node clique of {clique} (poison graph), padded": {
            **poison, "description": "x" * max(0, padding)},
    }  # fmt: skip
    return {name: json.dumps(document).encode() for name, document in documents.items()}


# --- timing --------------------------------------------------------------------------------
def _seconds(func: Callable[[Any], Any], items: list[Any]) -> float:
    start = time.perf_counter()
    for item in items:
        func(item)
    return time.perf_counter() - start


class _TimedOut(BaseException):
    """Raised by the alarm; a BaseException so that ``verify``'s own handler lets it by."""


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    if not hasattr(signal, "setitimer"):
        yield
        return

    def alarm(signum: int, frame: Any) -> None:
        raise _TimedOut

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _stats(rates: list[float]) -> str:
    return f"{statistics.median(rates):6.0f}/s ({min(rates):.0f}–{max(rates):.0f})"


def _ratio(ours: list[float], theirs: list[float]) -> str:
    return f"{statistics.median(ours) / statistics.median(theirs):.2f}×"


def _node_version(node: str) -> str:
    result = subprocess.run([node, "--version"], capture_output=True, text=True, check=False)  # noqa: S603
    return result.stdout.strip()


def measure(
    worker: JsWorker, ours: dict[str, tuple[Callable[[Any], Any], list[Any]]], rounds: int
) -> tuple[dict[str, list[float]], int]:
    """Rates per operation, JS and microcred taking turns; and how many JS verified."""
    rates: dict[str, list[float]] = {name: [] for name in ours}
    rates |= {"js-sign": [], "js-verify": [], "js-canonize": []}
    js_verified = sys.maxsize
    for round_ in range(rounds + 1):  # round 0 warms both sides up
        for op in ("sign", "verify", "canonize"):
            answer = worker.ask(op)
            if op == "verify":
                js_verified = min(js_verified, answer["verified"])
            if round_:
                rates[f"js-{op}"].append(answer["count"] / answer["seconds"])
        for name, (func, items) in ours.items():
            seconds = _seconds(func, items)
            if round_:
                rates[name].append(len(items) / seconds)
    return rates, js_verified


def time_hostile(signed: dict[str, Any], resolver: Resolver) -> list[str]:
    """One line per hostile document: size, median time of three ``verify()``, outcome."""
    lines = []
    for name, data in hostile_documents(signed).items():
        times, outcome = [], ""
        try:
            for _ in range(3):
                with _time_limit(HOSTILE_TIMEOUT):
                    start = time.perf_counter()
                    report = verify(data, now=NOW, resolver=resolver)
                    times.append(time.perf_counter() - start)
            failed = [c for c in report.checks if c.status.value == "fail"]
            outcome = "rejected: " if not report.verified else "ACCEPTED"
            outcome += ", ".join(f"{c.name} {c.code}" for c in failed)
            took = f"{statistics.median(times) * 1000:6.0f} ms"
        except _TimedOut:
            took, outcome = f"> {HOSTILE_TIMEOUT:.0f} s", "gave up (still running)"
        lines.append(f"  {name:<50}{len(data) / 1024:4.0f} KiB {took:>9}  {outcome}")
    return lines


def _cli_seconds(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)  # noqa: S603
    return time.perf_counter() - start


def time_cli(key_file: Path, unsigned: list[dict[str, Any]], folder: Path,
             rounds: int = 5) -> dict[tuple[str, int], tuple[float, float]]:  # fmt: skip
    """Files/s of ``microcred sign --out-dir`` and ``microcred verify`` over every file
    (fresh processes, median of ``rounds``), in one process (``--jobs 1``) and on every
    usable CPU (the default): (with start-up, without: the one-file run's time
    subtracted)."""
    cli = [str(Path(sys.executable).with_name("microcred"))]  # the installed command
    inputs = folder / "cli-unsigned"
    inputs.mkdir()
    files = []
    for i, document in enumerate(unsigned):
        files.append(inputs / f"c{i:04}.json")
        files[-1].write_text(json.dumps(document, indent=2, ensure_ascii=False))
    signed = folder / "cli-signed"
    sign_args = [*cli, "sign", "--key", str(key_file), "--out-dir", str(signed)]
    verify_args = [*cli, "verify", "--now", NOW.strftime("%Y-%m-%dT%H:%M:%SZ")]
    rates = {}
    for jobs in sorted({1, usable_cpus()}):
        for name, args, paths in (
            ("sign", [*sign_args, "--jobs", str(jobs)], [str(f) for f in files]),
            ("verify", [*verify_args, "--jobs", str(jobs)], [str(signed / f.name) for f in files]),
        ):
            one, every = [], []
            for _ in range(rounds):
                one.append(_cli_seconds([*args, paths[0]]))
                every.append(_cli_seconds([*args, *paths]))
            whole, single = statistics.median(every), statistics.median(one)
            warm = (len(paths) - 1) / max(whole - single, 1e-9)
            rates[(name, jobs)] = (len(paths) / whole, warm)
    return rates


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100, help="credentials per round (100)")
    parser.add_argument("--rounds", type=int, default=7, help="measured rounds (7)")
    parser.add_argument("--cli-files", type=int, default=600,
                        help="files for the batch CLI runs (600; 0: skip them)")  # fmt: skip
    args = parser.parse_args()
    n, rounds = max(1, args.n), max(1, args.rounds)

    node = ensure_js_packages()
    key = KeyPair.generate()
    resolver = Resolver()
    unsigned = build_credentials(key, n)
    signed = [sign(c, key, created=CREATED) for c in unsigned]
    pyld_items = unsigned[: max(1, n // 5)]  # pyld alone is slow: a fifth of the batch
    pyld_options = {"algorithm": "URDNA2015", "format": "application/n-quads",
                    "documentLoader": contexts.pyld_loader}  # fmt: skip

    versions = ", ".join(f"{p} {js_version(p)}" for p in JS_PACKAGES)
    size = len(json.dumps(unsigned[0]).encode())
    print(f"JS reference: {versions}")
    print(f"node {_node_version(node)}, Python {platform.python_version()}, {platform.machine()}")
    print(
        f"{n} OB 3.0 micro-credentials from {DESIGN.name} ({size / 1024:.1f} KiB each, "
        f"one learner each), one Ed25519 key, eddsa-rdfc-2022"
    )
    print(f"median (min–max) over {rounds} rounds after a warm-up round; one single-threaded "
          "process per implementation, taking turns\n", flush=True)  # fmt: skip

    def check_proof(document: dict[str, Any]) -> None:
        if not verify_proof(document, resolver=resolver).verified:
            raise RuntimeError("microcred did not verify its own credential")

    def check_full(document: dict[str, Any]) -> None:
        if not verify(document, now=NOW, resolver=resolver).verified:
            raise RuntimeError("microcred's verify() rejected its own credential")

    ours: dict[str, tuple[Callable[[Any], Any], list[Any]]] = {
        "sign": (lambda c: sign(c, key, created=CREATED), unsigned),
        "verify": (check_proof, signed),
        "verify-full": (check_full, signed),
        "canonize": (rdfc.canonicalize, unsigned),
        "pyld": (lambda c: jsonld.normalize(c, pyld_options), pyld_items),
    }
    with tempfile.TemporaryDirectory(prefix="microcred-bench-") as tmp:
        folder = Path(tmp)
        (folder / "key.json").write_text(json.dumps(
            {"publicKeyMultibase": key.public_multibase,
             "secretKeyMultibase": key.secret_multibase}))  # fmt: skip
        (folder / "unsigned.jsonl").write_text("".join(json.dumps(c) + "\n" for c in unsigned))
        (folder / "signed.jsonl").write_text("".join(json.dumps(c) + "\n" for c in signed))
        worker = JsWorker(node, folder)
        try:
            rates, js_verified = measure(worker, ours, rounds)
            results = worker.ask("results")
            js_errors = worker.ask("verify").get("errors", [])
        finally:
            worker.close()
        cli_rates = {}
        if args.cli_files > 0:
            many = build_credentials(key, args.cli_files)
            cli_rates = time_cli(folder / "key.json", many, folder)

    print(f"{'':32}{'microcred':>24}{'JS reference':>24}{'microcred/JS':>14}")
    for label, mine, theirs in (
        ("sign", "sign", "js-sign"),
        ("verify (verify_proof)", "verify", "js-verify"),
        ("verify() full report", "verify-full", "js-verify"),
        ("canonicalize (RDFC-1.0)", "canonize", "js-canonize"),
    ):
        print(f"{label:<32}{_stats(rates[mine]):>24}{_stats(rates[theirs]):>24}"
              f"{_ratio(rates[mine], rates[theirs]):>14}")  # fmt: skip
    print(
        f"{'canonicalize, pyld alone':<32}{_stats(rates['pyld']):>24}"
        f"   (microcred's rdfc.canonicalize is {_ratio(rates['canonize'], rates['pyld'])})"
    )
    print("JS verify = vc.verifyCredential (proof, purpose, controller document, dates);")
    print("verify() adds the OB 3.0 JSON Schema, issuer binding and the EU elements.\n")

    def proof_value(document: dict[str, Any]) -> Any:
        proof = document["proof"]  # OB 3.0: a one-element array (its JSON Schema wants one)
        return (proof[0] if isinstance(proof, list) else proof)["proofValue"]

    same = sum(
        ours_ == proof_value(theirs)
        for ours_, theirs in zip(results["proofValues"], signed, strict=True)
    )
    nquads = {
        "microcred": rdfc.canonicalize(unsigned[0]),
        "pyld": jsonld.normalize(unsigned[0], pyld_options),
        "JS": results["nquads"],
    }
    identical = len(set(nquads.values())) == 1
    print("cross-checks")
    print(f"  same proofValue from both (same key, same created): {same}/{n}")
    print(f"  microcred's credentials the JS reference verified: {js_verified}/{n}"
          + (f" ({'; '.join(js_errors)})" if js_errors else ""))  # fmt: skip
    print(
        f"  canonical N-Quads identical (microcred, pyld, JS): {'yes' if identical else 'NO'}"
        f" ({nquads['microcred'].count(chr(10))} quads)"
    )
    if not identical:
        diff = difflib.unified_diff(nquads["JS"].splitlines(), nquads["microcred"].splitlines(),
                                    "JS", "microcred", lineterm="")  # fmt: skip
        print("\n".join(f"    {line}" for line in diff))

    if cli_rates:
        print(f"\nbatch CLI over {args.cli_files} files (fresh processes, median of 5; "
              "target: within 1.5× of in-process, one core)")  # fmt: skip
        print(f"{'':40}{'in-process':>12}{'CLI':>10}{'CLI w/o start-up':>18}"
              f"{'in-process/CLI':>16}")  # fmt: skip
        for (name, jobs), (whole, warm) in sorted(cli_rates.items()):
            command = "microcred sign --out-dir" if name == "sign" else "microcred verify"
            label = f"{command} --jobs {jobs}"
            inner = statistics.median(rates["sign" if name == "sign" else "verify-full"])
            print(f"{label:<40}{inner:>10.0f}/s{whole:>8.0f}/s{warm:>16.0f}/s"
                  f"{inner / whole:>9.2f}× ({inner / warm:.2f}×)")  # fmt: skip
        print(f"  --jobs {usable_cpus()} is the default here (the usable CPUs; workers "
              "forked after the first file); in-process is one core")  # fmt: skip

    print("\nhostile documents, verify() median of 3 (target: rejected in < 1 s)")
    print("\n".join(time_hostile(signed[0], resolver)))
    return 0 if same == n and js_verified == n and identical else 1


if __name__ == "__main__":
    sys.exit(main())
