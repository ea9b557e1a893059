"""Spreadsheet formulas in cells, both ways: a cell read from a learner list that a
spreadsheet would run (refused, :func:`formula_start`), and a cell written to a file a
person opens in one (neutralised, :func:`safe_cell`).

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, in some
programs, one that starts with a tab or a carriage return before those) as a formula —
``=HYPERLINK("https://evil.example", "click")`` — the "CSV injection" of OWASP. Exports
prefix such a cell with an apostrophe, which spreadsheets show as text and do not print::

    >>> safe_cell("=1+1")
    "'=1+1"
    >>> safe_cell("Anna Kowalska")
    'Anna Kowalska'
"""

from __future__ import annotations

__all__ = ["FORMULA_START", "formula_start", "safe_cell", "safe_row"]

from collections.abc import Iterable

#: what a cell a spreadsheet would run as a formula starts with
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def formula_start(value: str) -> str | None:
    """The character a spreadsheet would start running ``value`` with as a formula
    (leading spaces skipped, as spreadsheets do), or ``None``."""
    text = value.lstrip(" ")
    return text[0] if text.startswith(FORMULA_START) else None


def safe_cell(value: object) -> str:
    """``value`` as the text of a cell a spreadsheet shows and never runs: ``None`` is
    empty, a text that starts like a formula (:data:`FORMULA_START`, after spaces) gets a
    leading ``'``. Every cell the platform exports (error reports, results) goes through
    this."""
    text = "" if value is None else str(value)
    return "'" + text if formula_start(text) else text


def safe_row(values: Iterable[object]) -> list[str]:
    """:func:`safe_cell` of each value: one row for ``csv.writer``."""
    return [safe_cell(v) for v in values]
