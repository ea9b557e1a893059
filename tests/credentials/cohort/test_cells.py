"""Cells a spreadsheet would run, neutralised in what is exported."""

from __future__ import annotations

import csv
import io

import pytest

from microcred.credentials.cohort import safe_cell, safe_row
from microcred.credentials.cohort.cells import formula_start


@pytest.mark.parametrize(
    ("value", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+48 600 000 000", "'+48 600 000 000"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("  =1", "'  =1"),
        ('=HYPERLINK("https://evil.example","x")', '\'=HYPERLINK("https://evil.example","x")'),
        ("Anna Kowalska", "Anna Kowalska"),
        ("a=b", "a=b"),
        ("", ""),
        (None, ""),
        (42, "42"),
        (-1, "'-1"),
    ],
)
def test_safe_cell(value: object, safe: str) -> None:
    assert safe_cell(value) == safe
    assert formula_start(safe) is None


def test_a_safe_row_through_the_csv_writer() -> None:
    out = io.StringIO()
    csv.writer(out).writerow(safe_row([3, "=cmd|' /C calc'!A0", "Łukasz Żółć", None]))
    assert out.getvalue() == "3,'=cmd|' /C calc'!A0,Łukasz Żółć,\r\n"
    assert [formula_start(c) for c in next(csv.reader(io.StringIO(out.getvalue())))] == [None] * 4
