"""``microcred build``: the unsigned credential of one learner, or of every row of a CSV
file, from a design file — offline. Then ``sign``, ``bake``, ``render``, ``verify``::

    microcred keys generate --out issuer-key.json
    microcred build --design python-basics.yaml --key issuer-key.json \\
        --name "Anna Kowalska" --email anna@example.org --date-of-birth 1990-04-02 \\
        --grade zaliczone > unsigned.json
    microcred sign --key issuer-key.json unsigned.json > signed.json
    microcred build --design python-basics.yaml --key issuer-key.json \\
        --csv learners.csv --out-dir unsigned/          # one file per row

Open Badges 3.0 by default, a European Digital Credential with ``--format edc``. The
issuer is ``--key``'s did:key or ``--issuer``'s DID; with neither it is
:data:`PLACEHOLDER_ISSUER`, which ``microcred sign --key`` replaces.

The CSV (UTF-8, a header row, comma, semicolon or tab) has a column ``name`` (or
``given_name`` and ``family_name``) and any of ``email``, ``date_of_birth``,
``student_id``, ``national_id`` (``PL:90040212345``), ``learner_id`` (a DID),
``issued_on`` (``YYYY-MM-DD``, default today, UTC) and ``grade``. A row is refused, with
its line and the reason, for a missing name, a bad e-mail or date, a date of issue in
the future, a grade not on the design's scale, a cell that a spreadsheet would run as a
formula (``=``, ``+``, ``-``, ``@``), a learner already on an earlier row, or a lack of
what the design promises each award records; the other rows are built, each into
``<line>-<name>.json``. Exit status: 0 all built, 1 some rows refused, 2 unreadable
input (or, for one learner, a refused value).
"""

from __future__ import annotations

__all__ = ["PLACEHOLDER_ISSUER", "build_command"]

import csv
import datetime as dt
import difflib
import io
import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click
from pydantic import ValidationError

from ..credentials._json import file_text
from ..credentials.issue import build
from ..credentials.ob3.build import ACHIEVEMENT_TYPES
from ..standard import designfile
from ..standard.compliance import Verdict, check
from ..standard.compliance.report import Message, Reason
from ..standard.designfile import validation_reason
from ..standard.elements import Award, Learner, MicroCredentialSpec, award_grade
from ..standard.errors import GradeError, MicrocredError
from ..standard.vocab import IdentityAttribute
from ._common import (
    EXIT_BAD_INPUT,
    EXIT_NEGATIVE,
    EXIT_OK,
    LANG_OPTION,
    fail,
    read_design,
    read_limited,
    say_error,
)
from .keys import load_key

# The issuer of a credential built without --key or --issuer: `sign --key` sets the real
# one (the key's did:key, or --issuer). A URI, so that the unsigned document is valid.
PLACEHOLDER_ISSUER = "urn:microcred:issuer-to-be-set-by-sign"
_CSV_MAX_BYTES = 16 * 1024 * 1024
_COLUMNS = ("name", "given_name", "family_name", "email", "date_of_birth", "student_id",
            "national_id", "learner_id", "issued_on", "grade")  # fmt: skip
_ALIASES = {"e_mail": "email", "full_name": "name"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# what to give for each identity attribute a design promises: (option, CSV column)
_GIVE = {
    IdentityAttribute.EMAIL: ("--email", "email"),
    IdentityAttribute.DATE_OF_BIRTH: ("--date-of-birth", "date_of_birth"),
    IdentityAttribute.NATIONAL_ID: ("--national-id", "national_id"),
    IdentityAttribute.STUDENT_ID: ("--student-id", "student_id"),
    IdentityAttribute.IDENTIFIER: ("--learner-id", "learner_id"),
}


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
DUPLICATE = Message(
    "duplicate_learner",
    "the same learner as line {line} (same {what})",
    "ta sama osoba co w wierszu {line} (zgadza się: {what_pl})",
)
TOO_MANY_CELLS = Message(
    "too_many_cells",
    "{cells} cells, but the header has {columns} columns",
    "komórek w wierszu: {cells}, a kolumn w nagłówku: {columns}",
)
VERDICT_NOTE = Message(
    "verdict_note",
    "note: {design} is a {verdict}{how}",
    "uwaga: {design} to {verdict_pl}{how_pl}",
)
SUMMARY = Message(
    "summary",
    "{built} credentials built into {out_dir}; {refused} rows refused",
    "zbudowano poświadczeń: {built} w {out_dir}; odrzucono wierszy: {refused}",
)
# input that cannot be read at all (exit 2)
UNREADABLE = Message("unreadable", "{path}: {detail}", "{path}: {detail_pl}")
NOT_UTF8 = Message("not_utf8", "not UTF-8 text", "to nie jest tekst UTF-8")
TOO_LARGE = Message(
    "too_large", "larger than {limit} bytes", "plik jest za duży (limit w bajtach: {limit})"
)
CANNOT_READ = Message("cannot_read", "cannot read", "nie można odczytać")
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
CSV_SYNTAX = Message("csv_syntax", "line {line}: {detail}", "wiersz {line}: {detail}")
# a value of the command line (exit 2)
NO_AWARDING_BODY = Message(
    "no_awarding_body",
    "an EDC needs an awarding body: the design names none",
    "EDC wymaga organu przyznającego: projekt nie podaje żadnego",
)
OUT_DIR = Message(
    "out_dir_unwritable",
    "cannot write {out_dir}: {detail}",
    "nie można zapisać {out_dir}: {detail}",
)
BAD_ISSUER = Message(
    "bad_issuer",
    "--issuer {issuer!r} is not a DID or URL",
    "`--issuer` {issuer!r} to nie jest DID ani adres URL",
)
# what the command says besides the reasons
ISSUED_AS = Message(
    "issued_as", "; issued as achievementType {kind}", "; wydawane jako achievementType {kind}"
)


class _RefusedError(Exception):
    """One learner's data cannot become a credential: the reasons, EN + PL.

    Private control flow of this command, not a ``MicrocredError``: each refused row is
    printed with its line and the good rows go on (exit 1)."""

    def __init__(self, *reasons: Reason) -> None:
        self.reasons = reasons
        super().__init__("; ".join(r.en for r in reasons))


class _UnreadableError(Exception):
    """Input that cannot be read at all: exit 2.

    Private control flow of this command, not a ``MicrocredError``: caught by the
    command, which prints the reason (EN + PL) and exits 2."""

    def __init__(self, path: object, detail: Reason) -> None:
        self.reason = UNREADABLE(path=path, detail=detail.en, detail_pl=detail.pl)
        super().__init__(self.reason.en)


@dataclass(frozen=True)
class _Run:
    """What every credential of one run shares."""

    spec: MicroCredentialSpec
    doc_format: str
    issuer: str | None
    today: dt.date
    from_csv: bool


def _date(field: str, value: str) -> dt.date:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise _RefusedError(BAD_DATE(field=field, value=value))


def _learner(row: dict[str, str]) -> dict[str, Any]:
    given, family = row.get("given_name", ""), row.get("family_name", "")
    if not (given or family):
        name = " ".join(row.get("name", "").split())
        if not name:
            raise _RefusedError(NO_NAME())
        given, _, family = name.rpartition(" ")
    if not given or not family:
        raise _RefusedError(ONE_NAME(name=given or family))
    learner: dict[str, Any] = {"given_name": given, "family_name": family}
    for field, key in (("email", "email"), ("student_id", "student_id"), ("learner_id", "id")):
        if row.get(field):
            learner[key] = row[field]
    if row.get("date_of_birth"):
        learner["date_of_birth"] = _date("date_of_birth", row["date_of_birth"])
    if value := row.get("national_id"):
        country, sep, number = value.partition(":")
        if not sep or not number.strip():
            raise _RefusedError(BAD_NATIONAL_ID(value=value))
        learner["national_id"] = {"country": country.strip().upper(), "value": number.strip()}
    return learner


def _validation_reasons(exc: ValidationError, row: dict[str, str]) -> list[Reason]:
    reasons = []
    for error in exc.errors():
        field = ".".join(str(p) for p in error["loc"] if not str(p).startswith("function-"))
        if field == "email":
            reasons.append(BAD_EMAIL(value=row.get("email", "")))
        elif field.startswith("national_id"):
            reasons.append(BAD_NATIONAL_ID(value=row.get("national_id", "")))
        else:
            said = validation_reason(error)
            reasons.append(BAD_VALUE(field=field or "learner", detail=said.en, detail_pl=said.pl))
    return reasons


def _award(row: dict[str, str], run: _Run) -> Award:
    """The award of one learner (a CSV row, or the command line); raises
    :class:`_RefusedError` with every reason found."""
    formulas = [
        (f, v.lstrip(" ")[0]) for f, v in row.items() if v.lstrip(" ").startswith(_FORMULA_START)
    ]
    if formulas:  # nothing else is read from a row that carries formulas
        raise _RefusedError(*[FORMULA(field=f, start=start) for f, start in formulas])
    spec, reasons = run.spec, list[Reason]()
    issued_on, grade, learner = run.today, None, None
    try:
        if row.get("issued_on"):
            issued_on = _date("issued_on", row["issued_on"])
        if issued_on > run.today:
            raise _RefusedError(
                FUTURE_DATE(date=issued_on.isoformat(), today=run.today.isoformat())
            )
    except _RefusedError as exc:
        reasons += exc.reasons
    try:
        grade = award_grade(spec, row["grade"]) if row.get("grade") else None
    except GradeError as exc:  # the standard's rule, in its own words
        reasons.append(exc.said)
    try:
        learner = Learner.model_validate(_learner(row))
    except _RefusedError as exc:
        reasons += exc.reasons
    except ValidationError as exc:
        reasons += _validation_reasons(exc, row)
    if learner is not None and (
        missing := [a for a in spec.learner_identification if a not in learner.attributes]
    ):
        give = ", ".join(_GIVE[a][1 if run.from_csv else 0] for a in missing)
        what = [", ".join(a.label(lang) for a in missing) for lang in ("en", "pl")]
        reasons.append(PROMISED(what=what[0], what_pl=what[1], give=give))
    if reasons:
        raise _RefusedError(*reasons)
    return Award(spec=spec, learner=learner, issued_on=issued_on, grade=grade)


def _identities(learner: Learner) -> list[tuple[IdentityAttribute, str]]:
    """What makes two rows the same learner: any shared identifier, else the name (and
    the date of birth, when given)."""
    found = [
        (IdentityAttribute.EMAIL, (learner.email or "").casefold()),
        (IdentityAttribute.STUDENT_ID, learner.student_id or ""),
        (IdentityAttribute.IDENTIFIER, learner.id or ""),
        (IdentityAttribute.NATIONAL_ID,
         f"{learner.national_id.country}:{learner.national_id.value}"
         if learner.national_id else ""),
    ]  # fmt: skip
    if identifiers := [(a, v) for a, v in found if v]:
        return identifiers
    name = " ".join(learner.full_name.split()).casefold()
    return [(IdentityAttribute.FULL_NAME, f"{name}|{learner.date_of_birth or ''}")]


def _credential(award: Award, run: _Run) -> dict[str, Any]:
    """The unsigned credential, as :func:`~microcred.credentials.issue.issue` builds it
    (validity from the design's ``validity_months``, ``achievementType`` from its
    verdict)."""
    issuer = run.issuer or (PLACEHOLDER_ISSUER if run.doc_format == "ob3" else None)
    try:
        return build(award, kind=run.doc_format, issuer_id=issuer)
    except MicrocredError as exc:
        raise _RefusedError(exc.said) from None


def _slug(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name.replace("ł", "l").replace("Ł", "L"))
    ascii_name = folded.encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")[:60] or "learner"


def _csv_rows(path: Path) -> Iterator[tuple[int, dict[str, str] | _RefusedError]]:
    """(line, row) for every non-blank row of a CSV file, or (line, why it is refused);
    raises :class:`_UnreadableError` for a file that cannot be read as a learner list."""
    try:
        data = read_limited(path, _CSV_MAX_BYTES)
    except OSError as exc:
        why = exc.strerror  # the system's words, not translated
        detail = Reason(CANNOT_READ.code, why, why) if why else CANNOT_READ()
        raise _UnreadableError(path, detail) from None
    if len(data) > _CSV_MAX_BYTES:
        raise _UnreadableError(path, TOO_LARGE(limit=_CSV_MAX_BYTES))
    try:
        text = data.decode("utf-8-sig")  # Excel writes a byte-order mark
    except UnicodeDecodeError:
        raise _UnreadableError(path, NOT_UTF8()) from None
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader, None)
        if not header or not any(cell.strip() for cell in header):
            raise _UnreadableError(path, EMPTY())
        columns = _columns(path, header)
        line = reader.line_num
        for cells in reader:
            start, line = line + 1, reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) > len(columns):
                yield start, _RefusedError(TOO_MANY_CELLS(cells=len(cells), columns=len(columns)))
                continue
            yield start, {c: v.strip() for c, v in zip(columns, cells, strict=False) if v.strip()}
    except csv.Error as exc:
        raise _UnreadableError(path, CSV_SYNTAX(line=reader.line_num, detail=exc)) from None


def _columns(path: Path, header: list[str]) -> list[str]:
    columns = []
    for cell in header:
        column = re.sub(r"[\s-]+", "_", cell.strip().lower())
        column = _ALIASES.get(column, column)
        if column not in _COLUMNS:
            close = difflib.get_close_matches(column, _COLUMNS, n=1)
            hint = f" ({close[0]}?)" if close else ""
            raise _UnreadableError(path, UNKNOWN_COLUMN(column=cell.strip(), hint=hint))
        if column in columns:
            raise _UnreadableError(path, REPEATED_COLUMN(column=column))
        columns.append(column)
    if "name" not in columns and not {"given_name", "family_name"} <= set(columns):
        raise _UnreadableError(path, NO_NAME_COLUMN())
    return columns


def _issuer(key_file: Path | None, issuer: str | None, lang: str) -> str | None:
    if key_file is not None and issuer is not None:
        raise click.UsageError("give --key or --issuer, not both")
    if key_file is not None:
        return load_key(key_file).did_key
    if issuer is not None and not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:\S+", issuer):
        fail(BAD_ISSUER(issuer=issuer), lang=lang)
    return issuer


def _note_verdict(design: Path, run: _Run, lang: str) -> None:
    """Say so when the design is not a micro-credential: it is still built, as what it is."""
    verdict = check(run.spec).verdict
    if verdict is Verdict.MICRO_CREDENTIAL:
        return
    kind = ACHIEVEMENT_TYPES[verdict] if run.doc_format == "ob3" else None
    note = VERDICT_NOTE(
        design=design, verdict=verdict.label("en"), verdict_pl=verdict.label("pl"),
        how=ISSUED_AS.text("en", kind=kind) if kind else "",
        how_pl=ISSUED_AS.text("pl", kind=kind) if kind else "",
    )  # fmt: skip
    click.echo(note.text(lang), err=True)


def _build_csv(csv_path: Path, out_dir: Path, run: _Run, lang: str) -> int:
    """Every row into ``out_dir``; the exit status."""
    built = refused = 0
    seen: dict[tuple[IdentityAttribute, str], int] = {}
    try:
        rows = list(_csv_rows(csv_path))
    except _UnreadableError as exc:
        fail(exc.reason, lang=lang)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        fail(OUT_DIR(out_dir=out_dir, detail=exc.strerror or exc), lang=lang)
    for line, row in rows:
        try:
            if isinstance(row, _RefusedError):
                raise row
            award = _award(row, run)
            assert award.learner is not None  # noqa: S101 - _award always sets one
            identities = _identities(award.learner)
            for attribute, value in identities:
                if (attribute, value) in seen:
                    raise _RefusedError(
                        DUPLICATE(line=seen[attribute, value], what=attribute.label("en"),
                                  what_pl=attribute.label("pl"))
                    )  # fmt: skip
            credential = _credential(award, run)
        except _RefusedError as exc:
            refused += 1
            for reason in exc.reasons:
                say_error(f"{csv_path}:{line}", reason, lang=lang)
            continue
        for identity in identities:
            seen.setdefault(identity, line)
        path = out_dir / f"{line:04d}-{_slug(award.learner.full_name)}.json"
        try:
            path.write_text(file_text(credential), encoding="utf-8")
        except OSError as exc:
            fail(OUT_DIR(out_dir=path, detail=exc.strerror or exc), lang=lang)
        click.echo(str(path))
        built += 1
    summary = SUMMARY(built=built, out_dir=out_dir, refused=refused)
    click.echo(summary.text(lang), err=True)
    return EXIT_NEGATIVE if refused else EXIT_OK


@click.command("build")
@click.option("--design", "design_file", required=True, type=click.Path(path_type=Path),
              help="Design file (YAML or JSON).")  # fmt: skip
@click.option("--name", help='The learner\'s full name: "Anna Kowalska".')
@click.option("--email", help="The learner's e-mail address.")
@click.option("--date-of-birth", help="The learner's date of birth (YYYY-MM-DD).")
@click.option("--student-id", help="The learner's student or learner number.")
@click.option("--national-id", help="National ID with its country: PL:90040212345.")
@click.option("--learner-id", help="The learner's persistent identifier (a DID).")
@click.option("--issued-on", help="Date of issue (YYYY-MM-DD; default today, UTC).")
@click.option("--grade", help="Grade achieved: a grade of the design's grading_scale.")
@click.option("--csv", "csv_file", type=click.Path(path_type=Path),
              help="Build one credential per row of this CSV file (needs --out-dir).")  # fmt: skip
@click.option("--out-dir", type=click.Path(path_type=Path),
              help="Where --csv writes the credentials: <line>-<name>.json.")  # fmt: skip
@click.option("--key", "key_file", type=click.Path(path_type=Path),
              help="Issuer: this key file's did:key (as `sign --key` will set).")  # fmt: skip
@click.option("--issuer", help="Issuer DID or URL (e.g. did:web:uni.example).")
@click.option("--format", "doc_format", type=click.Choice(["ob3", "edc"]), default="ob3",
              show_default=True, help="Open Badges 3.0, or Europass EDC.")  # fmt: skip
@LANG_OPTION
def build_command(
    design_file: Path, name: str | None, email: str | None, date_of_birth: str | None,
    student_id: str | None, national_id: str | None, learner_id: str | None,
    issued_on: str | None, grade: str | None, csv_file: Path | None, out_dir: Path | None,
    key_file: Path | None, issuer: str | None, doc_format: str, lang: str,
) -> None:  # fmt: skip
    """Build the unsigned credential of a learner (or of each CSV row) from a design."""
    learner_options = {
        "name": name, "email": email, "date_of_birth": date_of_birth, "student_id": student_id,
        "national_id": national_id, "learner_id": learner_id, "issued_on": issued_on,
        "grade": grade,
    }  # fmt: skip
    if csv_file is not None:
        given = [f"--{k.replace('_', '-')}" for k, v in learner_options.items() if v is not None]
        if given:
            raise click.UsageError(f"--csv takes the learners from the file, not {given[0]}")
        if out_dir is None:
            raise click.UsageError("--csv needs --out-dir")
    elif name is None:
        raise click.UsageError("give --name (one learner) or --csv (a list)")
    elif out_dir is not None:
        raise click.UsageError("--out-dir goes with --csv")
    spec = read_design(design_file, lang, designfile.loads)
    if doc_format == "edc" and not spec.awarding_bodies:
        fail(NO_AWARDING_BODY(), lang=lang)
    run = _Run(spec, doc_format, _issuer(key_file, issuer, lang),
               dt.datetime.now(dt.UTC).date(), from_csv=csv_file is not None)  # fmt: skip
    _note_verdict(design_file, run, lang)
    if csv_file is not None:
        assert out_dir is not None  # noqa: S101 - checked above
        sys.exit(_build_csv(csv_file, out_dir, run, lang))
    row = {k: v.strip() for k, v in learner_options.items() if v is not None and v.strip()}
    try:
        credential = _credential(_award(row, run), run)
    except _RefusedError as exc:
        for reason in exc.reasons:
            say_error(reason, lang=lang)
        sys.exit(EXIT_BAD_INPUT)
    click.echo(file_text(credential), nl=False)
