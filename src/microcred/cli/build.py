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

The list (``--csv``: a CSV file, or an XLSX workbook — its first sheet) is read by
:mod:`microcred.credentials.cohort`, with the platform's rules: a CSV in UTF-8 (with or
without a byte-order mark), Windows-1250 or UTF-16, separated by commas, semicolons or
tabs. A header row names a column ``name`` (or ``given_name`` and ``family_name``) and
any of ``email``, ``date_of_birth``, ``student_id``, ``national_id``
(``PL:90040212345``), ``learner_id`` (a DID), ``issued_on`` (``YYYY-MM-DD`` or a date
cell, default today, UTC), ``grade``, ``evidence_url``, ``narrative`` and ``extra:<name>``
fields (checked, not written into the credential). A row is refused, with its line and
the reason, for a missing name, a bad e-mail or date, a date of issue in the future, a
grade not on the design's scale, a cell that a spreadsheet would run as a formula
(``=``, ``+``, ``-``, ``@``), a learner already on an earlier row, or a lack of what the
design promises each award records; the other rows are built, each into
``<line>-<name>.json``. Exit status: 0 all built, 1 some rows refused, 2 unreadable
input (or, for one learner, a refused value).
"""

from __future__ import annotations

__all__ = ["PLACEHOLDER_ISSUER", "build_command"]

import datetime as dt
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from ..credentials._json import file_text
from ..credentials.cohort import (
    MAX_BYTES,
    CohortAward,
    RowProblem,
    award_from_row,
    awards_from_rows,
    open_cohort,
)
from ..credentials.cohort.messages import (  # noqa: F401 - the list-level reasons, re-exported
    CSV_SYNTAX,
    EMPTY,
    NO_NAME_COLUMN,
    NOT_TEXT,
    REPEATED_COLUMN,
    TOO_LARGE,
    UNKNOWN_COLUMN,
)
from ..credentials.errors import CohortError, RowError
from ..credentials.issue import build
from ..credentials.ob3.build import ACHIEVEMENT_TYPES
from ..standard import designfile
from ..standard.compliance import Verdict, check
from ..standard.compliance.report import Message, Reason
from ..standard.elements import Award, MicroCredentialSpec
from ..standard.errors import MicrocredError
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
# what to give, on the command line, for each identity attribute a design promises
_OPTION_OF = {
    IdentityAttribute.EMAIL: "--email",
    IdentityAttribute.DATE_OF_BIRTH: "--date-of-birth",
    IdentityAttribute.NATIONAL_ID: "--national-id",
    IdentityAttribute.STUDENT_ID: "--student-id",
    IdentityAttribute.IDENTIFIER: "--learner-id",
}

# The reasons a row is refused, and a file unreadable, are the learner-list reader's
# (credentials.cohort.messages, imported above); these are the command's own.
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
CANNOT_READ = Message("cannot_read", "cannot read", "nie można odczytać")
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


def _credential(award: Award, run: _Run) -> dict[str, Any]:
    """The unsigned credential, as :func:`~microcred.credentials.issue.issue` builds it
    (validity from the design's ``validity_months``, ``achievementType`` from its
    verdict)."""
    issuer = run.issuer or (PLACEHOLDER_ISSUER if run.doc_format == "ob3" else None)
    try:
        return build(award, kind=run.doc_format, issuer_id=issuer)
    except MicrocredError as exc:
        raise RowError(exc.said) from None


def _slug(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name.replace("ł", "l").replace("Ł", "L"))
    ascii_name = folded.encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")[:60] or "learner"


def _list_rows(path: Path, run: _Run) -> list[CohortAward | RowProblem]:
    """Every non-blank row of a learner list (CSV or XLSX) as an award or a problem,
    each with its line; raises :class:`_UnreadableError` for a file that cannot be read
    as a learner list. The whole list is read before anything is written (a file that
    turns out unreadable half-way leaves nothing behind), so it is held: this command
    takes files up to the reader's ``MAX_BYTES``."""
    try:
        data = read_limited(path, MAX_BYTES)
    except OSError as exc:
        why = exc.strerror  # the system's words, not translated
        detail = Reason(CANNOT_READ.code, why, why) if why else CANNOT_READ()
        raise _UnreadableError(path, detail) from None
    try:
        cohort = open_cohort(data, filename=path.name)
        return list(awards_from_rows(run.spec, cohort.rows(), today=run.today))
    except CohortError as exc:
        raise _UnreadableError(path, exc.said) from None


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
    try:
        rows = _list_rows(csv_path, run)
    except _UnreadableError as exc:
        fail(exc.reason, lang=lang)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        fail(OUT_DIR(out_dir=out_dir, detail=exc.strerror or exc), lang=lang)
    for item in rows:
        try:
            if isinstance(item, RowProblem):
                raise RowError(*item.reasons)
            credential = _credential(item.award, run)
        except RowError as exc:
            refused += 1
            for reason in exc.reasons:
                say_error(f"{csv_path}:{item.line}", reason, lang=lang)
            continue
        assert item.award.learner is not None  # noqa: S101 - award_from_row always sets one
        path = out_dir / f"{item.line:04d}-{_slug(item.award.learner.full_name)}.json"
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
              help="One credential per row of a CSV or XLSX file (needs --out-dir).")  # fmt: skip
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
    run = _Run(spec, doc_format, _issuer(key_file, issuer, lang), dt.datetime.now(dt.UTC).date())
    _note_verdict(design_file, run, lang)
    if csv_file is not None:
        assert out_dir is not None  # noqa: S101 - checked above
        sys.exit(_build_csv(csv_file, out_dir, run, lang))
    row = {k: v.strip() for k, v in learner_options.items() if v is not None and v.strip()}
    try:
        award = award_from_row(run.spec, row, today=run.today, give=_OPTION_OF)
        credential = _credential(award, run)
    except RowError as exc:
        for reason in exc.reasons:
            say_error(reason, lang=lang)
        sys.exit(EXIT_BAD_INPUT)
    click.echo(file_text(credential), nl=False)
