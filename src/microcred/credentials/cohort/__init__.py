"""Learner lists — a cohort's CSV or XLSX file — read row by row into awards, with the
same rules wherever a list is read (``microcred build --csv``, the platform's bulk
issuance)::

    from microcred.credentials.cohort import open_cohort, awards_from_rows, RowProblem

    cohort = open_cohort(data, filename="cohort.csv")     # CohortError: unusable file
    for item in awards_from_rows(spec, cohort.rows(), today=today):
        if isinstance(item, RowProblem):
            print(item.line, [r.text("pl") for r in item.reasons])
        else:
            print(item.line, item.award.learner.full_name)

:mod:`.reading` opens a list and streams its rows (formats, encodings, columns);
:mod:`.rows` turns a row into the standard's ``Award`` (every rule, every reason) and
finds duplicate learners; :mod:`.cells` neutralises formulas in what is exported;
:mod:`.messages` says every reason in English and Polish.
"""

from __future__ import annotations

__all__ = [
    "COLUMNS",
    "EXTRA_PREFIX",
    "MAX_BYTES",
    "MAX_ROWS",
    "Cohort",
    "CohortAward",
    "CohortRow",
    "DuplicateFinder",
    "RowProblem",
    "award_from_row",
    "awards_from_rows",
    "open_cohort",
    "read_cohort",
    "safe_cell",
    "safe_row",
]

from .cells import safe_cell, safe_row
from .reading import (
    COLUMNS,
    EXTRA_PREFIX,
    MAX_BYTES,
    MAX_ROWS,
    Cohort,
    CohortRow,
    RowProblem,
    open_cohort,
    read_cohort,
)
from .rows import CohortAward, DuplicateFinder, award_from_row, awards_from_rows
