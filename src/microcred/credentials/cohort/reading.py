"""Learner lists as rows: a cohort's CSV or XLSX file opened, its header checked, its
rows streamed — the same rules for ``microcred build --csv`` and the platform's bulk
issuance (issue 13)::

    name;email;date_of_birth;issued_on;grade;evidence_url;extra:group
    Anna Kowalska;anna@example.org;1990-04-02;2025-06-20;zaliczone;https://ex.org/a;A1

:func:`open_cohort` reads nothing but the header (and, for a CSV, checks the encoding in
one pass over the bytes); :meth:`Cohort.rows` then yields one :class:`CohortRow` per
non-blank row, or a :class:`RowProblem` for a row that cannot be read as one, each with
the line it starts on (a quoted cell may span lines) or, in a workbook, its row number.
Rows are never all held at once: a 100,000-row list is read in flat memory. A file that
cannot be read as a learner list at all raises
:class:`~microcred.credentials.errors.CohortError` with the reason (EN + PL).

**CSV**: UTF-8 with or without a byte-order mark, else Windows-1250 (what Polish Excel
saves as "CSV"), or UTF-16 with its byte-order mark (Excel's "Unicode text"); separated
by ``,``, ``;`` or tab, the one the header line holds most of; RFC 4180 quoting.
**XLSX**: the first sheet, its first row the header (openpyxl, read-only); dates as date
cells or ISO text, numbers as their text (``12345``, ``4.5``), formulas as their text
(``=…``, refused by :func:`~.rows.award_from_row`).

**Columns** (case, spaces and hyphens ignored: ``E-mail`` is ``email``): ``name`` (or
``given_name`` and ``family_name``), ``email``, ``date_of_birth``, ``student_id``,
``national_id`` (``PL:90040212345``), ``learner_id`` (a DID or URI), ``issued_on``,
``grade``, ``evidence_url`` (an ``https://`` address), ``narrative`` (text); and any
number of **extra fields**, one per column named ``extra:<name>`` (``extra:group``): kept,
by that name, in :attr:`CohortRow.extra`. Any other column is refused (with the nearest
known name as a hint): a typo never silently drops data.
"""

from __future__ import annotations

__all__ = [
    "ALIASES",
    "COLUMNS",
    "EXTRA_NAME_MAX",
    "EXTRA_PREFIX",
    "MAX_BYTES",
    "MAX_ROWS",
    "Cohort",
    "CohortRow",
    "RowProblem",
    "open_cohort",
    "read_cohort",
]

import codecs
import csv
import difflib
import io
import itertools
import re
from collections.abc import Generator, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import BinaryIO, Literal

from ...standard.messages import Reason
from ..errors import CohortError
from . import _xlsx
from .messages import (
    BAD_EXTRA_COLUMN,
    CSV_SYNTAX,
    EMPTY,
    NO_NAME_COLUMN,
    NOT_SPREADSHEET,
    NOT_TEXT,
    OLD_EXCEL,
    REPEATED_COLUMN,
    TOO_LARGE,
    TOO_MANY_CELLS,
    TOO_MANY_ROWS,
    UNKNOWN_COLUMN,
)

#: the largest file read (a 100,000-learner list with narratives fits)
MAX_BYTES = 64 * 1024 * 1024
#: the most learners (non-blank rows) one list may hold
MAX_ROWS = 100_000
#: the columns a learner list may have, besides extra fields
COLUMNS = ("name", "given_name", "family_name", "email", "date_of_birth", "student_id",
           "national_id", "learner_id", "issued_on", "grade", "evidence_url",
           "narrative")  # fmt: skip
#: other spellings of a column, after case, spaces and hyphens are folded
ALIASES: Mapping[str, str] = {"e_mail": "email", "full_name": "name", "evidence": "evidence_url"}
#: a column named ``extra:<name>`` is the learner's extra field ``<name>``
EXTRA_PREFIX = "extra:"
EXTRA_NAME_MAX = 100

_CHUNK = 256 * 1024  # the encoding check reads this much at a time
_ZIP = b"PK\x03\x04"
_OLE = bytes.fromhex("d0cf11e0a1b11ae1")  # Excel 97-2003 (.xls) and other OLE files


@dataclass(frozen=True)
class CohortRow:
    """One learner's row: the ``line`` it starts on (a workbook's row number), its
    ``cells`` by column name (:data:`COLUMNS`; only the non-empty ones, stripped) and its
    ``extra`` fields by name (``extra:group`` → ``group``)."""

    line: int
    cells: Mapping[str, str]
    extra: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class RowProblem:
    """A row that is no learner: its ``line`` and every reason (EN + PL)."""

    line: int
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class _Column:
    name: str  # a name of COLUMNS, or an extra field's name
    extra: bool


class Cohort:
    """A learner list whose header has been read and checked: its ``kind`` (``csv`` or
    ``xlsx``), its ``columns`` (standard names, extra fields as ``extra:<name>``), and for
    a CSV its ``encoding`` and ``delimiter``. :meth:`rows` streams the rows, from the
    start each time it is called (one pass at a time: each reads the same file)."""

    def __init__(self, source: BinaryIO, kind: Literal["csv", "xlsx"], max_rows: int) -> None:
        self._source, self.kind, self._max_rows = source, kind, max_rows
        self.encoding: str | None = _encoding(source) if kind == "csv" else None
        self.delimiter: str | None = None
        rows = self._raw_rows()
        try:
            first = next(rows, None)
            if first is None or not any(cell.strip() for cell in first[1]):
                raise CohortError(EMPTY())
            self._columns = _header(first[1])
        except BaseException:
            rows.close()
            raise
        # the first rows() goes on from here: a workbook is not opened twice
        self._after_header: Generator[tuple[int, list[str]], None, None] | None = rows
        self.columns = tuple(
            f"{EXTRA_PREFIX}{c.name}" if c.extra else c.name for c in self._columns
        )

    def rows(self) -> Iterator[CohortRow | RowProblem]:
        """Each non-blank row after the header, in order: a :class:`CohortRow`, or a
        :class:`RowProblem` for a row with more cells than the header has columns. Raises
        :class:`~microcred.credentials.errors.CohortError` where the file stops being
        readable (a CSV quote never closed, a damaged workbook) or holds more than the
        row limit — after the rows before it were yielded."""
        raw, self._after_header = self._after_header, None
        if raw is None:
            raw = self._raw_rows()
            next(raw, None)  # the header, checked when the list was opened
        count = 0
        for line, cells in raw:
            if not any(cell.strip() for cell in cells):
                continue
            count += 1
            if count > self._max_rows:
                raw.close()
                raise CohortError(TOO_MANY_ROWS(limit=self._max_rows))
            yield _row(line, cells, self._columns)

    __iter__ = rows

    def _raw_rows(self) -> Generator[tuple[int, list[str]], None, None]:
        self._source.seek(0)
        if self.kind == "xlsx":
            return _xlsx.sheet_rows(self._source)
        return self._csv_rows()

    def _csv_rows(self) -> Generator[tuple[int, list[str]], None, None]:
        """(the line a record starts on, its cells) for every record of the CSV."""
        assert self.encoding is not None  # noqa: S101 - set for every CSV
        text = io.TextIOWrapper(self._source, encoding=self.encoding, newline="")
        try:
            first = text.readline()
            if self.delimiter is None:
                self.delimiter = max(",;\t", key=first.count)  # a tie: the comma
            reader = csv.reader(itertools.chain([first], text), delimiter=self.delimiter,
                                strict=True)  # fmt: skip
            line = 0
            try:
                for cells in reader:
                    start, line = line + 1, reader.line_num
                    yield start, cells
            except csv.Error as exc:
                raise CohortError(CSV_SYNTAX(line=reader.line_num, detail=exc)) from None
        finally:
            if not self._source.closed:  # (closed already: a pass left unfinished till now)
                text.detach()  # the caller's file stays open


def open_cohort(
    source: bytes | BinaryIO,
    *,
    filename: str | None = None,
    max_bytes: int = MAX_BYTES,
    max_rows: int = MAX_ROWS,
) -> Cohort:
    """The learner list in ``source`` (its bytes, or a seekable binary file: an upload,
    an open file), its header checked. A workbook is known by its content (a ZIP) or its
    ``filename`` (``.xlsx``, ``.xlsm``; ``.xls`` is refused with advice), anything else is
    read as CSV. Raises :class:`~microcred.credentials.errors.CohortError`: larger than
    ``max_bytes``, not text, not a workbook, no header, an unknown or repeated column, no
    name column."""
    handle: BinaryIO = io.BytesIO(source) if isinstance(source, bytes | bytearray) else source
    if not handle.seekable():
        raise TypeError("open_cohort needs bytes or a seekable binary file")
    handle.seek(0, io.SEEK_END)
    if handle.tell() > max_bytes:
        raise CohortError(TOO_LARGE(limit=max_bytes))
    handle.seek(0)
    head = handle.read(8)
    suffix = (filename or "").rsplit(".", 1)[-1].lower() if "." in (filename or "") else ""
    if head.startswith(_OLE) or suffix == "xls":
        raise CohortError(OLD_EXCEL())
    if head.startswith(_ZIP):
        _xlsx.check_archive(handle, max_unzipped=4 * max_bytes)
        return Cohort(handle, "xlsx", max_rows)
    if suffix in ("xlsx", "xlsm"):
        raise CohortError(NOT_SPREADSHEET(detail="no ZIP archive"))
    return Cohort(handle, "csv", max_rows)


def read_cohort(
    source: bytes | BinaryIO,
    *,
    filename: str | None = None,
    max_bytes: int = MAX_BYTES,
    max_rows: int = MAX_ROWS,
) -> Iterator[CohortRow | RowProblem]:
    """:func:`open_cohort`'s rows: the header is checked now (an unusable file raises
    here), the rows are read as they are asked for."""
    return open_cohort(source, filename=filename, max_bytes=max_bytes,
                       max_rows=max_rows).rows()  # fmt: skip


def _encoding(handle: BinaryIO) -> str:
    """The encoding a CSV's bytes are in: read once, in chunks, never held whole. Valid
    UTF-8 is UTF-8 (any text in Windows-1250 with a letter beyond ASCII is not); a
    byte-order mark says UTF-8 or UTF-16; else Windows-1250, when the bytes are."""
    handle.seek(0)
    head = handle.read(4)
    if head.startswith(codecs.BOM_UTF8):
        candidates: Sequence[str] = ("utf-8-sig",)
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ("utf-16",)
    else:
        candidates = ("utf-8", "cp1250")
    for encoding in candidates:
        if _decodes(handle, encoding):
            return encoding
    raise CohortError(NOT_TEXT())


def _decodes(handle: BinaryIO, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)()
    handle.seek(0)
    try:
        while chunk := handle.read(_CHUNK):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _header(cells: Sequence[str]) -> tuple[_Column, ...]:
    """The columns a header row names (trailing empty cells ignored); raises
    :class:`CohortError` for an unknown or repeated column, or no name column."""
    names = [cell.strip() for cell in cells]
    while names and not names[-1]:
        names.pop()
    columns: list[_Column] = []
    for cell in names:
        if cell[: len(EXTRA_PREFIX)].lower() == EXTRA_PREFIX:
            name = cell[len(EXTRA_PREFIX) :].strip()
            if not name or len(name) > EXTRA_NAME_MAX:
                raise CohortError(BAD_EXTRA_COLUMN(column=cell, limit=EXTRA_NAME_MAX))
            column = _Column(name, extra=True)
        else:
            folded = re.sub(r"[\s-]+", "_", cell.lower())
            folded = ALIASES.get(folded, folded)
            if folded not in COLUMNS:
                close = difflib.get_close_matches(folded, COLUMNS, n=1)
                hint = f" ({close[0]}?)" if close else ""
                raise CohortError(UNKNOWN_COLUMN(column=cell, hint=hint))
            column = _Column(folded, extra=False)
        if column in columns:
            said = f"{EXTRA_PREFIX}{column.name}" if column.extra else column.name
            raise CohortError(REPEATED_COLUMN(column=said))
        columns.append(column)
    named = {c.name for c in columns if not c.extra}
    if "name" not in named and not {"given_name", "family_name"} <= named:
        raise CohortError(NO_NAME_COLUMN())
    return tuple(columns)


def _row(line: int, cells: Sequence[str], columns: Sequence[_Column]) -> CohortRow | RowProblem:
    used = len(cells)
    while used > len(columns) and not cells[used - 1].strip():
        used -= 1  # empty cells past the header's columns: a trailing separator
    if used > len(columns):
        return RowProblem(line, (TOO_MANY_CELLS(cells=used, columns=len(columns)),))
    standard: dict[str, str] = {}
    extra: dict[str, str] = {}
    for column, cell in zip(columns, cells, strict=False):
        if value := cell.strip():
            (extra if column.extra else standard)[column.name] = value
    return CohortRow(line, standard, extra)
