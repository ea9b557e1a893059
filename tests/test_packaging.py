"""What ``pip install microcred`` brings, and what the README's two commands install.

The library and the command line need no Django: the web platform's dependencies are the
``platform`` extra, and ``tasks.py`` (the README's ``run`` and ``test``) installs every
extra, so that a fresh clone has all it runs.
"""

from __future__ import annotations

import ast
import itertools
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]

#: distributions of the web platform (and of its background workers) by name prefix
PLATFORM_ONLY = ("django", "ninja", "celery", "psycopg", "redis", "gunicorn", "granian")


def _name(requirement: str) -> str:
    """The distribution a PEP 508 requirement names, normalized (PEP 503)."""
    match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
    assert match, requirement
    return re.sub(r"[-_.]+", "-", match.group(1)).lower()


def test_a_plain_install_pulls_no_django() -> None:
    names = [_name(requirement) for requirement in PROJECT["dependencies"]]
    assert names  # the parse found the base dependencies
    offenders = [n for n in names if n.startswith(PLATFORM_ONLY)]
    assert not offenders, f"platform dependencies in the base install: {offenders}"


def test_the_platform_extra_holds_django_lts_and_its_companions() -> None:
    platform = {_name(r): r for r in PROJECT["optional-dependencies"]["platform"]}
    wanted = {"django", "django-ninja", "django-tasks", "django-tasks-db", "psycopg"}
    assert wanted <= set(platform)
    # Django 5.2 LTS: Django 6 needs Python 3.12, and the project supports 3.11
    assert re.search(r">=\s*5\.2\b", platform["django"])
    assert re.search(r"<\s*5\.3\b", platform["django"])


TASKS = ast.parse((ROOT / "tasks.py").read_text(encoding="utf-8"))


def _tasks_project_spec() -> str:
    """``PROJECT`` in tasks.py: what ``pip install -e`` is given."""
    for node in TASKS.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "PROJECT" for t in node.targets
        ):
            assert isinstance(node.value, ast.Constant)
            assert isinstance(node.value.value, str)
            return node.value.value
    raise AssertionError("tasks.py defines no PROJECT")


def test_the_two_commands_install_every_extra() -> None:
    """``run`` and ``test`` (and the newest-versions guard) install the same thing:
    the project with every extra pyproject.toml defines."""
    spec = _tasks_project_spec()
    match = re.fullmatch(r"\.\[([a-z0-9_,-]+)\]", spec)
    assert match, spec
    assert set(match.group(1).split(",")) == set(PROJECT["optional-dependencies"])
    installs = []  # what follows each "-e" in tasks.py's commands
    for node in ast.walk(TASKS):
        items = node.args if isinstance(node, ast.Call) else getattr(node, "elts", [])
        for flag, target in itertools.pairwise(items):
            if isinstance(flag, ast.Constant) and flag.value == "-e":
                installs.append(ast.unparse(target))
    assert installs == ["PROJECT"] * 3  # set-up, the newest-versions guard, its upgrade
