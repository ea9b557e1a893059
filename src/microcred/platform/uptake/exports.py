"""The uptake figures as CSV, for the QA body's and the Commission's spreadsheets.

One row per category of each breakdown: ``dimension, key, label, awards`` (the keys are
the machines' — ISCED-F codes, EQF levels, provider types, age bands, ``2026-03`` — the
labels in the page's language), after a row with the year and the totals. UTF-8 with a
byte-order mark and commas, as the registry's export (:mod:`..registry.exports` says
why); every cell through :func:`microcred.credentials.cohort.safe_row`, so that no cell
is a formula a spreadsheet would run.
"""

from __future__ import annotations

__all__ = ["CSV_COLUMNS", "csv_lines", "csv_response"]

import csv
from collections.abc import Iterator

from django.http import HttpResponse

from ...credentials.cohort import safe_row
from .selectors import Uptake

CSV_COLUMNS = ("dimension", "key", "label", "awards")


class _Line:
    """A file-like object that hands back what ``csv.writer`` writes."""

    def write(self, value: str) -> str:
        return value


def csv_lines(uptake: Uptake) -> Iterator[str]:
    """The CSV of ``uptake``, a line at a time (the byte-order mark first)."""
    writer = csv.writer(_Line(), lineterminator="\r\n")
    yield "\ufeff" + writer.writerow(CSV_COLUMNS)
    year = "" if uptake.year is None else str(uptake.year)
    for key, value in (("awards", uptake.total), ("revoked", uptake.revoked),
                       ("providers", uptake.providers), ("learners", uptake.learners)):  # fmt: skip
        yield writer.writerow(safe_row(("total", key, year, value)))
    for dimension, tallies in uptake.breakdowns():
        for tally in tallies:
            yield writer.writerow(safe_row((dimension, tally.key, tally.label, tally.count)))


def csv_response(uptake: Uptake) -> HttpResponse:
    """``uptake`` as a CSV file to save (a few dozen lines: not streamed)."""
    response = HttpResponse("".join(csv_lines(uptake)), content_type="text/csv; charset=utf-8")
    name = f"microcred-uptake-{uptake.year or 'all'}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
