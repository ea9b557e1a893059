"""Every reason a learner list (a cohort: CSV or XLSX) is refused, whole or row by row,
in English and Polish.

The file as a whole (:class:`~microcred.credentials.errors.CohortError`: it cannot be read
as a learner list) and each row (a :class:`~.reading.RowProblem`, or the
:class:`~microcred.credentials.errors.RowError` of :func:`~.rows.award_from_row`) are said
with these. Tests import the constants and compare codes, never wording. A grade off the
design's scale is said by the standard (``award_grade``'s ``GradeError``), not here.
"""

from __future__ import annotations

from ...standard.messages import Message

# __all__ (every message constant) is computed at the end of the module.

# --- the file as a whole (CohortError) ----------------------------------------------------
NOT_TEXT = Message(
    "not_text",
    "neither UTF-8 nor Windows-1250 text (save the file as CSV UTF-8, or as XLSX)",
    "to nie jest tekst UTF-8 ani Windows-1250 (zapisz plik jako CSV UTF-8 albo XLSX)",
)
TOO_LARGE = Message(
    "too_large", "larger than {limit} bytes", "plik jest za duży (limit w bajtach: {limit})"
)
TOO_MANY_ROWS = Message(
    "too_many_rows",
    "more than {limit} learners: split the list",
    "więcej osób niż {limit}: podziel listę",
)
EMPTY = Message("no_header", "no header row", "brak wiersza nagłówka")
NO_NAME_COLUMN = Message(
    "no_name_column",
    "the header needs a column name (or given_name and family_name)",
    "nagłówek musi mieć kolumnę `name` (albo `given_name` i `family_name`)",
)
UNKNOWN_COLUMN = Message(
    "unknown_column", "unknown column {column!r}{hint}", "nieznana kolumna {column!r}{hint}"
)
REPEATED_COLUMN = Message(
    "repeated_column", "column {column!r} appears twice", "kolumna {column!r} występuje dwa razy"
)
BAD_EXTRA_COLUMN = Message(
    "bad_extra_column",
    "column {column!r}: an extra field needs a name after `extra:` (at most {limit} characters)",
    "kolumna {column!r}: dodatkowe pole wymaga nazwy po `extra:` (najwyżej {limit} znaków)",
)
CSV_SYNTAX = Message("csv_syntax", "line {line}: {detail}", "wiersz {line}: {detail}")
NOT_SPREADSHEET = Message(
    "not_spreadsheet",
    "not an XLSX workbook ({detail})",
    "to nie jest skoroszyt XLSX ({detail})",
)
OLD_EXCEL = Message(
    "old_excel",
    "an Excel 97-2003 workbook (.xls): save it as .xlsx or as CSV UTF-8",
    "skoroszyt programu Excel 97-2003 (.xls): zapisz go jako .xlsx albo CSV UTF-8",
)
NO_SHEET = Message("no_sheet", "the workbook has no sheet", "skoroszyt nie ma żadnego arkusza")

# --- one row as read (RowProblem) ----------------------------------------------------------
TOO_MANY_CELLS = Message(
    "too_many_cells",
    "{cells} cells, but the header has {columns} columns",
    "komórek w wierszu: {cells}, a kolumn w nagłówku: {columns}",
)

# --- one row as a learner's award (RowError) -----------------------------------------------
NO_NAME = Message("no_name", "no name given", "nie podano imienia i nazwiska")
ONE_NAME = Message(
    "one_name",
    "give the given name and the family name ({name!r})",
    "podaj imię i nazwisko ({name!r})",
)
FORMULA = Message(
    "formula_cell",
    "{field} starts with {start!r}: a spreadsheet would run it as a formula",
    "{field} zaczyna się od {start!r}: arkusz kalkulacyjny wykona to jako formułę",
)
BAD_DATE = Message(
    "bad_date",
    "{field} {value!r} is not a date (YYYY-MM-DD)",
    "{field} {value!r} to nie jest data (RRRR-MM-DD)",
)
FUTURE_DATE = Message(
    "date_in_future",
    "date of issue {date} is in the future (today is {today}, UTC)",
    "data wydania {date} jest w przyszłości (dziś jest {today}, UTC)",
)
BAD_EMAIL = Message(
    "bad_email", "{value!r} is not an e-mail address", "{value!r} to nie jest adres e-mail"
)
BAD_NATIONAL_ID = Message(
    "bad_national_id",
    "national_id {value!r}: write the country and the number, e.g. PL:90040212345",
    "national_id {value!r}: podaj kraj i numer, np. PL:90040212345",
)
BAD_VALUE = Message(
    "bad_value", "{field}: {detail}", "{field}: nieprawidłowa wartość ({detail_pl})"
)
PROMISED = Message(
    "learner_promised_missing",
    "the design records the {what} on each award: give {give}",
    "projekt zapisuje na każdym poświadczeniu: {what_pl}; podaj {give}",
)
BAD_EVIDENCE_URL = Message(
    "bad_evidence_url",
    "evidence_url {value!r} is not an https:// address",
    "evidence_url {value!r} to nie jest adres https://",
)
TOO_LONG = Message(
    "too_long",
    "{field} is longer than {limit} characters",
    "{field} ma więcej znaków niż {limit}",
)
DUPLICATE = Message(
    "duplicate_learner",
    "the same learner as line {line} (same {what})",
    "ta sama osoba co w wierszu {line} (zgadza się: {what_pl})",
)

__all__ = sorted(name for name, value in dict(globals()).items() if isinstance(value, Message))
