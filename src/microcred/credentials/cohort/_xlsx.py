"""The rows of an XLSX workbook's first sheet as text, for :mod:`.reading`.

openpyxl in read-only mode: the sheet's XML is parsed as it is walked (through
defusedxml, which openpyxl uses when it is installed), never loaded whole; imported on
the first workbook, so that reading a CSV loads none of it. Formulas are read as their
text (``=SUM(A1)``), not their last computed value: a formula in a learner list is
refused, not trusted.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Generator
from typing import BinaryIO

from ..errors import CohortError
from .messages import NO_SHEET, NOT_SPREADSHEET, TOO_LARGE


def check_archive(handle: BinaryIO, *, max_unzipped: int) -> None:
    """Refuse a ZIP that is no archive, or that would unpack to more than
    ``max_unzipped`` bytes (a "zip bomb"), before openpyxl opens it."""
    try:
        with zipfile.ZipFile(handle) as archive:
            unzipped = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise CohortError(NOT_SPREADSHEET(detail=exc)) from None
    if unzipped > max_unzipped:
        raise CohortError(TOO_LARGE(limit=max_unzipped))


def sheet_rows(handle: BinaryIO) -> Generator[tuple[int, list[str]], None, None]:
    """(row number, cells as text) for each row of the first sheet, from row 1; an
    empty row is an empty list."""
    import openpyxl  # only for workbooks

    try:
        workbook = openpyxl.load_workbook(handle, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged workbook
        raise CohortError(NOT_SPREADSHEET(detail=type(exc).__name__)) from None
    try:
        if not workbook.worksheets:
            raise CohortError(NO_SHEET())
        sheet = workbook.worksheets[0]
        # the stored dimensions may be wrong (some writers omit them): read what is there
        sheet.reset_dimensions()
        number = 0
        rows = sheet.iter_rows(values_only=True)
        while True:
            try:
                values = next(rows, None)
            except Exception as exc:  # a damaged sheet, found as it is read
                raise CohortError(NOT_SPREADSHEET(detail=type(exc).__name__)) from None
            if values is None:
                return
            number += 1
            yield number, [_text(value) for value in values]
    finally:
        workbook.close()


def _text(value: object) -> str:
    """A cell's value as the text a CSV would hold: dates ISO, whole numbers without a
    decimal point."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):  # a date cell: Excel stores dates as date-times
        return value.date().isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)
