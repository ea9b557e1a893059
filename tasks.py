"""The two set-up commands: ``python3 tasks.py run`` and ``python3 tasks.py test``.

Standard library only, so that a fresh machine with nothing but Python 3.11 and git can
run it. It creates ``.venv/``, installs the project with every extra of
``pyproject.toml``, the development tools and the web platform's dependencies (again only
when ``pyproject.toml`` changed), then runs the platform or the whole test suite.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import venv
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / "python"
STAMP = VENV / ".stamp-install"
#: what the two commands install: the project with every extra of pyproject.toml
#: (``pip install microcred`` alone is the library and the CLI, without Django)
PROJECT = ".[dev,platform,celery]"


def _sh(*args: str | Path, check: bool = True, env: dict[str, str] | None = None) -> int:
    print("+", " ".join(str(a) for a in args), flush=True)
    return subprocess.run([str(a) for a in args], cwd=ROOT, check=check, env=env).returncode


def ensure_venv() -> None:
    """Create the virtual environment and install the project if it is missing or stale."""
    if sys.version_info < (3, 11):  # noqa: UP036 - tasks.py may run on an old Python
        sys.exit(f"microcred needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    if not PY.exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    _sh(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    _sh(PY, "-m", "pip", "install", "--quiet", "-e", PROJECT)
    STAMP.write_text(wanted)


def newest_allowed() -> int:
    """Guard: the suite runs against the newest versions ``pyproject.toml`` allows.

    A fresh clone installs the newest allowed releases, so a new release of a dependency
    (PyYAML 6.0.4 once) can break CI while an older virtual environment stays green.
    pip is asked, without installing, what an eager upgrade would change: locally those
    packages are upgraded; under ``CI=true`` any such package fails the run.
    """
    report = VENV / ".upgrade-report.json"
    done = subprocess.run(
        [str(PY), "-m", "pip", "install", "--dry-run", "--quiet", "--upgrade",
         "--upgrade-strategy", "eager", "--report", str(report), "-e", PROJECT],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode:
        print(f"could not ask pip for the newest allowed versions:\n{done.stderr[-2000:]}")
        return 1 if _ci() else 0
    wanted = json.loads(report.read_text())["install"]
    stale = {
        item["metadata"]["name"]: item["metadata"]["version"]
        for item in wanted
        if item["metadata"]["name"].lower() != "microcred"
    }
    if not stale:
        print("dependencies: the newest versions pyproject.toml allows", flush=True)
        return 0
    listed = ", ".join(f"{name} {version}" for name, version in sorted(stale.items()))
    if _ci():
        print(f"dependencies older than the newest allowed: {listed}", flush=True)
        return 1
    print(f"upgrading to the newest allowed versions: {listed}", flush=True)
    return _sh(PY, "-m", "pip", "install", "--quiet", "--upgrade", "--upgrade-strategy",
               "eager", "-e", PROJECT, check=False)  # fmt: skip


def _ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def run() -> int:
    """Run the platform with its demo data (``microcred demo``; extra arguments are passed
    on: ``python3 tasks.py run --port 8080``)."""
    ensure_venv()
    return _sh(BIN / "microcred", "demo", *sys.argv[2:], check=False)


def find_shared() -> Path | None:
    """The read-only ``shared/`` data the tests read (vectors, ESCO).

    Looked for in ``$MICROCRED_SHARED``, next to this checkout (``../shared``), and next
    to the repository this one was cloned from (a CI-style fresh clone in a temporary
    folder keeps its origin's path).
    """
    candidates = [os.environ.get("MICROCRED_SHARED"), str(ROOT.parent / "shared")]
    origin = subprocess.run(
        ["git", "config", "--get", "remote.origin.url"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    ).stdout.strip()  # fmt: skip
    if origin and "://" not in origin and not origin.startswith("git@"):
        candidates.append(str(Path(origin).resolve().parent / "shared"))
    for candidate in candidates:
        if candidate and (Path(candidate) / "vectors").is_dir():
            return Path(candidate)
    return None


def test() -> int:
    """Run every check CI runs: lint, format, types, the whole test suite."""
    ensure_venv()
    shared = find_shared()
    if shared:
        os.environ["MICROCRED_SHARED"] = str(shared)
        print(f"shared data: {shared}", flush=True)
    else:
        print("shared data not found: tests that need it will fail under CI", flush=True)
    if code := newest_allowed():
        return code
    if shutil.which("npm"):
        # The JS reference stack (npm @digitalbazaar/vc ...) for the interoperability
        # tests and the benchmark; pinned by bench/js/package-lock.json.
        _sh("npm", "ci", "--prefix", "bench/js", "--no-audit", "--no-fund", "--loglevel=error")
        # axe-core, which the browser tests inject into pages (tests/browser/)
        _sh("npm", "ci", "--prefix", "tests/browser", "--no-audit", "--no-fund", "--loglevel=error")
    steps: list[tuple[str | Path, ...]] = [
        (BIN / "ruff", "check", "."),
        (BIN / "ruff", "format", "--check", "."),
        (BIN / "mypy",),
        (PY, "-m", "pytest", "-q", *sys.argv[2:]),
    ]
    for step in steps:
        code = _sh(*step, check=False)
        if code:
            return code
    return postgres_tests()


def _postgres_bin() -> Path | None:
    """The newest PostgreSQL server programs Debian installed (``/usr/lib/postgresql/N``)."""
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    return found[-1].parent if found else None


class ClusterError(Exception):
    """The throw-away PostgreSQL cluster could not be made or started."""


class PostgresMissingError(ClusterError):
    """PostgreSQL's server programs are not installed."""


@contextlib.contextmanager
def postgres_cluster(*, quiet: bool = False) -> Iterator[str]:
    """A throw-away PostgreSQL cluster in a temporary folder, on a free local port, made
    for speed rather than safety (no fsync): yields the URL of its ``postgres`` database,
    then stops and removes it. ``tasks.py test`` runs the platform's tests on it and
    ``bench/registry.py`` its benchmark. :class:`PostgresMissingError` when PostgreSQL is not
    installed, :class:`ClusterError` when the cluster does not start."""
    bindir = _postgres_bin()
    if bindir is None:
        raise PostgresMissingError("PostgreSQL not installed (apt-get install postgresql)")
    workdir = Path(tempfile.mkdtemp(prefix="microcred-pg-"))
    # initdb and pg_ctl refuse to run as root: the cluster is then the postgres user's
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if prefix:
        shutil.chown(workdir, "postgres", "postgres")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    data, log = workdir / "data", workdir / "log"
    options = (f"-p {port} -k {workdir} -c listen_addresses=127.0.0.1 -c fsync=off "
               "-c synchronous_commit=off -c full_page_writes=off")  # fmt: skip

    def run(*args: str | Path) -> int:
        if quiet:
            command = [str(a) for a in args]
            return subprocess.run(command, check=False, capture_output=True).returncode
        return _sh(*args, check=False)

    try:
        if run(*prefix, bindir / "initdb", "-D", data, "-U", "postgres", "-A", "trust",
               "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"):  # fmt: skip
            raise ClusterError("PostgreSQL: initdb failed")
        if run(*prefix, bindir / "pg_ctl", "-D", data, "-l", log, "-w", "-o", options, "start"):
            shown = log.read_text(errors="replace") if log.exists() and not quiet else ""
            raise ClusterError(f"PostgreSQL: the cluster did not start\n{shown}".strip())
        try:
            yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
        finally:  # only a cluster that started is stopped
            run(*prefix, bindir / "pg_ctl", "-D", data, "-m", "fast", "stop")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def postgres_tests() -> int:
    """The platform's tests again, on a throw-away PostgreSQL cluster (SQLite is the
    default database; PostgreSQL is what production runs). Under ``CI=true`` a missing
    PostgreSQL fails the run; elsewhere it is skipped with a note."""
    if _postgres_bin() is None:
        print("PostgreSQL not installed (apt-get install postgresql): its run is skipped",
              flush=True)  # fmt: skip
        return 1 if _ci() else 0
    try:
        with postgres_cluster() as url:
            env = {**os.environ, "MICROCRED_DATABASE_URL": url}
            print(f"the platform's tests on PostgreSQL ({url})", flush=True)
            return _sh(PY, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/platform",
                       check=False, env=env)  # fmt: skip
    except ClusterError as error:
        print(error, flush=True)
        return 1


def main() -> int:
    commands = {"run": run, "test": test}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print("usage: python3 tasks.py run | test [pytest args...]", file=sys.stderr)
        return 2
    return commands[sys.argv[1]]()


if __name__ == "__main__":
    sys.exit(main())
