"""The README runs as written: its ``python`` blocks and every command of its ``sh``
blocks, in README order, in one temporary folder, offline; and every benchmark command
that README.md and bench/README.md show exists and answers ``--help``.

A command line is read as a shell reads it (quotes, ``\\`` continuations, ``# comments``,
``*`` globs, ``> FILE``) and run in-process by the ``microcred`` click group. It must
exit 0, or what its comment says (``# … exit 1``; ``exit 0/1/2``: any of those), and never
with a usage error or a traceback. A renamed command or option, a file one step promises
and the next cannot read, a changed exit status: each fails this test, naming the README
line.

Files the README names but no README command makes are made first, by
:data:`PLACEHOLDERS`; ``*.json`` in the batch ``sign`` is what ``build --csv`` wrote
(:data:`SUBSTITUTES`); ``examples/`` is the repository's own. Commands that cannot run
here (the network, the test suite itself) are skipped by :data:`SKIPPED`, each with its
reason, and show as skipped tests.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from microcred.cli import cli

from .conftest import EXAMPLES, ROOT

README = ROOT / "README.md"
BENCH_README = ROOT / "bench" / "README.md"
SHELLS = ("sh", "bash", "shell", "console")
#: the steps a reader of the README goes through: the test fails if one is no longer shown
JOURNEY = ("keys", "build", "sign", "bake", "render", "verify", "status-list", "seal-certificate")


@dataclass(frozen=True)
class Command:
    """One command line of a README ``sh`` block."""

    source: str  # "README.md:57"
    text: str  # as written, continuations joined, without its comment
    argv: list[str]
    comment: str

    @property
    def expected(self) -> frozenset[int]:
        """0, or the exit statuses its comment names (``exit 1``, ``exit 0/1/2``)."""
        found = re.search(r"\bexit ((?:\d/)*\d)\b", self.comment)
        return frozenset(int(c) for c in found.group(1).split("/")) if found else frozenset({0})

    def __str__(self) -> str:
        return f"{self.source}: {self.text}"


def _blocks(path: Path) -> list[tuple[str, int, list[str]]]:
    """The fenced code blocks of a Markdown file: language, first line number, lines."""
    blocks, lang, start, lines = [], None, 0, []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        fence = re.match(r"^\s*```\s*([\w+-]*)", line)
        if fence and lang is None:
            lang, start, lines = fence.group(1).lower(), number + 1, []
        elif fence:
            blocks.append((lang, start, lines))
            lang = None
        elif lang is not None:
            lines.append(line)
    return blocks


def _without_comment(line: str) -> tuple[str, str]:
    """``command  # comment`` → (command, comment), as a shell ends a line at an unquoted
    ``#`` that starts a word."""
    quote = None
    for i, char in enumerate(line):
        if quote:
            quote = None if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "#" and (i == 0 or line[i - 1].isspace()):
            return line[:i].strip(), line[i + 1 :].strip()
    return line.strip(), ""


def _commands(path: Path, lines: list[str], start: int) -> list[Command]:
    commands: list[Command] = []
    pending, first = "", start
    for number, line in enumerate(lines, start):
        if not pending:
            first = number
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1] + " "
            continue
        text, comment = _without_comment(pending + line)
        pending = ""
        if text:
            source = f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}:{first}"
            commands.append(Command(source, text, shlex.split(text), comment))
    return commands


@dataclass(frozen=True)
class PythonBlock:
    """A README ``python`` block."""

    source: str  # "README.md:23"
    code: str  # padded with blank lines, so that a traceback names README lines

    def run(self, path: Path) -> None:
        try:
            exec(compile(self.code, str(path), "exec"), {"__name__": "__readme__"})  # noqa: S102
        except Exception as exc:
            raise AssertionError(f"the python block at {self.source} raised {exc!r}") from exc


def readme_steps(path: Path = README) -> list[Command | PythonBlock]:
    """Each command of the ``sh`` blocks and each ``python`` block of ``path``, in order."""
    steps: list[Command | PythonBlock] = []
    for lang, start, lines in _blocks(path):
        if lang in SHELLS:
            steps += _commands(path, lines, start)
        elif lang in ("python", "py"):
            name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
            steps.append(PythonBlock(f"{name}:{start}", "\n" * (start - 1) + "\n".join(lines)))
    return steps


def _is_bench(argv: list[str]) -> bool:
    return len(argv) > 1 and argv[1].startswith("bench/") and argv[0] in (".venv/bin/python",
                                                                           "python", "python3",
                                                                           "node")  # fmt: skip


#: what the README shows but this test does not run: a test (a predicate) and the reason
SKIPPED: list[tuple[Callable[[list[str]], bool], str]] = [
    (lambda argv: argv[:1] in (["python3"], ["python"]) and argv[1:3] == ["tasks.py", "test"],
     "sets up .venv and runs the whole suite, this test included: CI runs it (.ci/run)"),
    (lambda argv: argv[:1] in (["python3"], ["python"]) and argv[1:3] == ["tasks.py", "run"],
     "serves the platform until stopped: tests/platform/test_demo.py runs `microcred demo "
     "--no-serve` in a fresh directory"),
    (lambda argv: any(a.split("=")[0] in ("--tsa", "--network") for a in argv),
     "needs the network (a time-stamping authority, did:web documents, status lists)"),
    (_is_bench, "a benchmark (minutes): test_bench_commands_answer_help runs it with --help"),
    (lambda argv: argv[:1] == [".venv/bin/microcred"] and argv[1:2] in (["issue"], ["worker"],
                                                                        ["batch"]),
     "bulk issuance on the platform's database (and a worker runs until stopped): "
     "tests/platform/issuance/test_crash.py runs `issue`, `worker` and `batch show` on a "
     "fresh demo directory"),
]  # fmt: skip


def _skip_reason(command: Command) -> str | None:
    return next((reason for test, reason in SKIPPED if test(command.argv)), None)


# --- files the README names and does not make ------------------------------------------

Run = Callable[[list[str]], bytes]


def _design(folder: Path, run: Run) -> None:
    shutil.copyfile(EXAMPLES / "python-basics.yaml", folder / "design.yaml")


def _learners(folder: Path, run: Run) -> None:
    (folder / "learners.csv").write_text(
        "name,email,date_of_birth\n"
        "Anna Kowalska,anna@example.org,1990-04-02\n"
        "Jan Nowak,jan.nowak@example.org,1988-11-30\n",
        encoding="utf-8",
    )


def _badge(folder: Path, run: Run) -> None:
    import png  # type: ignore[import-untyped]  # pypng, what baking uses

    png.from_array([[29, 53, 87, 255] * 8] * 8, "RGBA").save(str(folder / "badge.png"))


def _edc(folder: Path, run: Run) -> None:
    """The EDC of the README's learner, of design.yaml (whose awarding body the test
    e-seal certificate names)."""
    if not (folder / "design.yaml").exists():
        _design(folder, run)
    edc = run(["build", "--design", "design.yaml", "--format", "edc", "--name", "Anna Kowalska",
               "--email", "anna@example.org", "--date-of-birth", "1990-04-02"])  # fmt: skip
    (folder / "edc.json").write_bytes(edc)


def _status_list(folder: Path, run: Run) -> None:
    """A status list of its own issuer (the credential it is checked with has no entry)."""
    run(["keys", "generate", "--out", "status-key.json"])
    run(["status-list", "create", "--key", "status-key.json", "--url",
         "https://uni.example/status/7", "--out", "status.json"])  # fmt: skip


PLACEHOLDERS: dict[str, Callable[[Path, Run], None]] = {
    "design.yaml": _design,  # "a design": the example the README builds from
    "learners.csv": _learners,
    "badge.png": _badge,
    "edc.json": _edc,  # what `build --format edc` prints
    "status.json": _status_list,
}
#: a README word → what this test passes instead
SUBSTITUTES = {"*.json": "unsigned/*.json"}  # the batch: what `build --csv` wrote


def _arguments(argv: list[str], folder: Path) -> tuple[list[str], str | None]:
    """The arguments a shell would pass (globs expanded, substitutes used) and the file
    that ``> FILE`` sends standard output to."""
    arguments, out = [], None
    words = iter(argv)
    for word in words:
        if word == ">":
            out = next(words)
            continue
        if word.startswith(">") or word in ("|", "&&", "||", ";", "<", "2>"):
            pytest.fail(f"shell syntax this test does not run: {word!r} in {argv}")
        word = SUBSTITUTES.get(word, word)
        matches = (
            sorted(str(m.relative_to(folder)) for m in folder.glob(word)) if "*" in word else []
        )
        arguments += matches or [word]
    return arguments, out


# --- the journey -------------------------------------------------------------------------


def _run(argv: list[str], *, source: str = "(placeholder)") -> tuple[int, bytes, str]:
    result = CliRunner().invoke(cli, argv, env={"MICROCRED_VERIFICATION_BASE": None})
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{source}: microcred {shlex.join(argv)} raised") from result.exception
    return result.exit_code, result.stdout_bytes, result.stderr


def test_the_readme_runs_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "examples").symlink_to(ROOT / "examples", target_is_directory=True)

    def placeholder(argv: list[str]) -> bytes:
        code, out, err = _run(argv)
        assert code == 0, f"making a placeholder: microcred {shlex.join(argv)}: {err}"
        return out

    ran: list[str] = []
    for step in readme_steps():
        if isinstance(step, PythonBlock):
            step.run(README)
            continue
        if _skip_reason(step):
            continue
        if step.argv[0] != "microcred":
            pytest.fail(
                f"{step}: this test does not know how to run {step.argv[0]!r}: teach "
                "tests/test_readme.py, or add it to SKIPPED with the reason"
            )
        arguments, out = _arguments(step.argv[1:], tmp_path)
        for word in arguments:
            name = word.rpartition("=")[2]  # --status-list URL=FILE
            if name in PLACEHOLDERS and not (tmp_path / name).exists():
                PLACEHOLDERS[name](tmp_path, placeholder)
        code, stdout, stderr = _run(arguments, source=step.source)
        report = (
            f"{step}\n  exit {code}, expected {sorted(step.expected)}\n"
            f"  stderr: {stderr.strip()}\n  stdout: {stdout.decode(errors='replace')[:2000]}"
        )
        assert code in step.expected, report
        assert "Try 'microcred" not in stderr, report  # a usage error
        if out is not None:
            (tmp_path / out).write_bytes(stdout)
        ran.append(arguments[0])
    assert set(JOURNEY) <= set(ran), f"the README no longer shows {set(JOURNEY) - set(ran)}"


def _skipped() -> list[Command]:
    return [s for s in readme_steps() if isinstance(s, Command) and _skip_reason(s)]


@pytest.mark.parametrize("command", _skipped(), ids=lambda c: c.source)
def test_readme_commands_that_cannot_run_here(command: Command) -> None:
    """Listed, so that a test run shows what the README test does not do, and why."""
    pytest.skip(f"{command.text}: {_skip_reason(command)}")


def test_the_parser_reads_a_shell_line_as_a_shell_does(tmp_path: Path) -> None:
    lines = [
        'microcred build --name "Anna  #1" \\',
        "    --out x.json   # note; exit 0/1",
        "# a comment line",
        "microcred verify a#b.json  # revoked: exit 1",
    ]
    first, second = _commands(README, lines, 10)
    assert first.argv == ["microcred", "build", "--name", "Anna  #1", "--out", "x.json"]
    assert (first.source, first.expected) == ("README.md:10", {0, 1})
    assert second.argv == ["microcred", "verify", "a#b.json"]
    assert (second.source, second.expected) == ("README.md:13", {1})
    (tmp_path / "unsigned").mkdir()
    (tmp_path / "unsigned" / "b.json").touch()
    (tmp_path / "unsigned" / "a.json").touch()
    assert _arguments(["sign", "*.json", ">", "o.json"], tmp_path) == (
        ["sign", "unsigned/a.json", "unsigned/b.json"],
        "o.json",
    )


# --- benchmarks --------------------------------------------------------------------------


def _bench_scripts() -> list[tuple[str, str]]:
    """(program, script) of every benchmark command README.md and bench/README.md show."""
    found: dict[str, tuple[str, str]] = {}
    for path in (README, BENCH_README):
        for lang, start, lines in _blocks(path):
            if lang in SHELLS:
                for command in _commands(path, lines, start):
                    if _is_bench(command.argv):
                        program = "node" if command.argv[0] == "node" else "python"
                        found.setdefault(command.argv[1], (program, command.argv[1]))
    return sorted(found.values())


def test_the_readmes_show_benchmarks() -> None:
    scripts = {script for _, script in _bench_scripts()}
    assert {"bench/credentials.py", "bench/compliance.py", "bench/edc.py"} <= scripts


@pytest.mark.parametrize(("program", "script"), _bench_scripts(), ids=lambda v: v)
def test_bench_commands_answer_help(program: str, script: str) -> None:
    """Each benchmark command exists and answers ``--help`` (a node script: is valid
    JavaScript; tests/interop runs them)."""
    path = ROOT / script
    assert path.is_file(), f"{script} is shown but does not exist"
    if program == "node":
        node = shutil.which("node")
        if node is None:
            pytest.skip("node is not installed")
        done = subprocess.run([node, "--check", str(path)], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return
    done = subprocess.run([sys.executable, str(path), "--help"], capture_output=True,
                          text=True, timeout=120, cwd=ROOT)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "usage:" in done.stdout.lower()
