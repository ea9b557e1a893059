"""Benchmark: start-up, what a person waits for before any work (``python bench/startup.py``).

Each command runs as a fresh process, ``--runs`` times (default 9, at least 7), the
commands taking turns so that they all see the same machine load; it prints the median
(min–max) wall time of each, and the median CPU time (user + system) of the process,
which a busy machine disturbs less:

- ``python -c "pass"`` — the interpreter alone, the floor under everything else;
- ``python -c "import microcred.credentials.verify"`` — what a web worker pays at boot
  (target < 0.5 s);
- ``microcred verify one.json`` — one signed Open Badges 3.0 credential, cold
  (target < 1 s);
- ``microcred --help`` — every command listed, none of them loaded.

It then names the heavy packages (WeasyPrint, pySHACL, rdflib, pypdf, …) that
``import microcred.credentials.verify`` loads: none should be there, they are imported
when a document needs them.

Python's bytecode cache is on, as in an installed package (pip compiles it at install):
the processes keep it in a private folder (``PYTHONPYCACHEPREFIX``), filled by one
uncounted warm-up run, whatever ``PYTHONDONTWRITEBYTECODE`` says. ``--src DIR`` measures
the package in another checkout's ``src`` (say, an earlier commit's, from ``git archive``),
with the same interpreter and libraries; the command is then run as
``python -c "from microcred.cli import main; main()"``.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DESIGN = ROOT / "examples" / "designs" / "python-basics.yaml"
HEAVY = ("weasyprint", "pyshacl", "rdflib", "pypdf", "jinja2", "segno", "asn1crypto",
         "jsonschema", "pydantic", "pyld", "morfeusz2")  # fmt: skip
TARGETS = {"import microcred.credentials.verify": 0.5, "microcred verify one.json": 1.0}


def _microcred() -> str:
    beside = Path(sys.executable).with_name("microcred")
    found = str(beside) if beside.exists() else shutil.which("microcred")
    if found is None:
        sys.exit("the microcred command is not installed (pip install -e .)")
    return found


def _cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """(wall, CPU) seconds of one fresh process."""
    cpu, start = _cpu(), time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, check=False)  # noqa: S603
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} exited {done.returncode}: {done.stderr.decode()[-500:]}")
    return elapsed, _cpu() - cpu


def _credential(folder: Path, microcred: list[str], env: dict[str, str]) -> None:
    """K.json and one.json: a key and one signed credential, made with the CLI itself."""
    steps = {
        "K.json.txt": ["keys", "generate", "--out", "K.json"],
        "unsigned.json": ["build", "--design", str(DESIGN), "--name", "Anna Kowalska",
                          "--email", "anna@example.org", "--date-of-birth", "1990-04-02",
                          "--key", "K.json"],
        "one.json": ["sign", "--key", "K.json", "unsigned.json"],
    }  # fmt: skip
    for out, arguments in steps.items():
        done = subprocess.run(  # noqa: S603 - fixed arguments
            [*microcred, *arguments], cwd=folder, env=env, capture_output=True, check=True
        )
        (folder / out).write_bytes(done.stdout)


def _heavy_modules(folder: Path, env: dict[str, str]) -> list[str]:
    probe = (
        "import sys, microcred.credentials.verify\n"
        f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    done = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "-c", probe], cwd=folder, env=env, capture_output=True, check=True,
        text=True,
    )  # fmt: skip
    return done.stdout.split()


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="fresh processes per command (≥ 7)")
    parser.add_argument("--src", type=Path, help="measure the microcred package in DIR instead")
    args = parser.parse_args()
    runs = max(args.runs, 7)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
        if args.src:
            env["PYTHONPATH"] = str(args.src.resolve())
            microcred = [sys.executable, "-c", "from microcred.cli import main; main()"]
        else:
            microcred = [_microcred()]
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "import microcred.credentials.verify": [
                sys.executable, "-c", "import microcred.credentials.verify"],
            "microcred verify one.json": [*microcred, "verify", "one.json"],
            "microcred --help": [*microcred, "--help"],
        }  # fmt: skip
        _credential(folder, microcred, env)
        for command in commands.values():  # fills the bytecode and disk caches: not counted
            _run(command, folder, env)
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, command in commands.items():
                times[name].append(_run(command, folder, env))
        heavy = _heavy_modules(folder, env)
    print(f"start-up of a fresh process, median (min–max) of {runs} runs: wall, and CPU time")
    for name, values in times.items():
        wall = [w for w, _ in values]
        median = statistics.median(wall)
        cpu = statistics.median(c for _, c in values)
        line = f"  {name:<38}{median:5.2f} s ({min(wall):.2f}–{max(wall):.2f})  cpu {cpu:5.2f} s"
        if name in TARGETS:
            target = TARGETS[name]
            line += f"   target < {target:g} s {'met' if median < target else 'MISSED'}"
        print(line)
    print(
        "heavy packages loaded by import microcred.credentials.verify: "
        + (", ".join(heavy) if heavy else "none")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
