"""The layer rule: standard → credentials → platform → interfaces, never upwards.

The library layers also import nothing that only the ``platform`` extra installs (Django
and its companions), so that ``pip install microcred`` is enough for them.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "microcred"

#: what only the ``platform`` extra installs, as import-name prefixes: Django and every
#: ``django_*`` app, django-ninja, psycopg, python-stdnum, the registry's stemmers (and Celery,
#: the option for scale)
PLATFORM_ONLY = ("django", "ninja", "psycopg", "stdnum", "celery", "pystempel", "snowballstemmer")

FORBIDDEN = {
    "standard": ("microcred.credentials", "microcred.platform", "microcred.cli", *PLATFORM_ONLY),
    "credentials": ("microcred.platform", "microcred.cli", *PLATFORM_ONLY),
    "platform": ("microcred.cli",),
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(path.relative_to(SRC.parent).with_suffix("").parts[:-1])
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                found.add(".".join([*base, node.module] if node.module else base))
            elif node.module:
                found.add(node.module)
    return found


def _forbidden(name: str, prefixes: tuple[str, ...]) -> bool:
    return name.startswith(prefixes)


def _offenders(layer: str) -> list[str]:
    return [
        f"{path.relative_to(SRC)} imports {name}"
        for path in sorted((SRC / layer).rglob("*.py"))
        for name in sorted(_imports(path))
        if _forbidden(name, FORBIDDEN[layer])
    ]


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_only_layers_below(layer: str) -> None:
    assert (SRC / layer / "__init__.py").is_file()
    offenders = _offenders(layer)
    assert not offenders, "\n".join(offenders)


@pytest.mark.parametrize(
    ("layer", "module"),
    [
        ("platform", "microcred.cli"),
        ("platform", "microcred.cli.verify"),
        ("credentials", "django.db"),
        ("credentials", "ninja"),
        ("credentials", "django_tasks"),
        ("standard", "stdnum.pl.nip"),
        ("standard", "microcred.credentials.issue"),
    ],
)
def test_the_rule_names_what_each_layer_may_not_import(layer: str, module: str) -> None:
    assert _forbidden(module, FORBIDDEN[layer])


def test_the_platform_may_use_the_library_layers() -> None:
    for module in ("microcred.standard.compliance", "microcred.credentials.issue", "django"):
        assert not _forbidden(module, FORBIDDEN["platform"])


def test_the_check_sees_relative_imports() -> None:
    """Guard against a checker that can never fail: it must resolve `from ..x import`."""
    found = _imports(SRC / "standard" / "compliance" / "annex_i.py")
    assert "microcred.standard.elements" in found
