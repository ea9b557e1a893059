"""A learner list's rows as awards: every rule a row must pass, and the duplicates of a
list (the same learner twice), for ``microcred build --csv`` and the platform's bulk
issuance alike::

    cohort = open_cohort(data, filename="cohort.xlsx")
    for item in awards_from_rows(spec, cohort.rows(), today=today):
        if isinstance(item, RowProblem):
            report(item.line, item.reasons)       # every reason, EN + PL
        else:
            issue(item.award)                     # item.evidence_url, item.extra...

A row is refused (:class:`~microcred.credentials.errors.RowError`, every reason found)
for a cell a spreadsheet would run as a formula (then nothing else is read from it), a
missing name, a bad e-mail, date or national ID, a date of issue in the future, a grade
the design's scale does not have (the standard's ``award_grade``), an evidence URL that
is not ``https://``, a narrative or extra field too long, or a lack of what the design
promises each award records (``spec.learner_identification``); and, in a list, for a
learner already on an earlier line (:class:`DuplicateFinder`).
"""

from __future__ import annotations

__all__ = [
    "COLUMN_OF",
    "EXTRA_MAX",
    "NARRATIVE_MAX",
    "URL_MAX",
    "CohortAward",
    "DuplicateFinder",
    "award_from_row",
    "awards_from_rows",
]

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from pydantic import ValidationError

from ...standard.designfile import validation_reason
from ...standard.elements import Award, Learner, MicroCredentialSpec, award_grade
from ...standard.errors import GradeError
from ...standard.messages import Reason
from ...standard.vocab import IdentityAttribute
from ..errors import RowError
from .cells import formula_start
from .messages import (
    BAD_DATE,
    BAD_EMAIL,
    BAD_EVIDENCE_URL,
    BAD_NATIONAL_ID,
    BAD_VALUE,
    DUPLICATE,
    FORMULA,
    FUTURE_DATE,
    NO_NAME,
    ONE_NAME,
    PROMISED,
    TOO_LONG,
)
from .reading import CohortRow, RowProblem

#: the column that gives each identity attribute a design may promise
COLUMN_OF: Mapping[IdentityAttribute, str] = {
    IdentityAttribute.EMAIL: "email",
    IdentityAttribute.DATE_OF_BIRTH: "date_of_birth",
    IdentityAttribute.NATIONAL_ID: "national_id",
    IdentityAttribute.STUDENT_ID: "student_id",
    IdentityAttribute.IDENTIFIER: "learner_id",
}
# the column of each field of the standard's Learner
_COLUMN_OF_FIELD = {"given_name": "given_name", "family_name": "family_name", "email": "email",
                    "date_of_birth": "date_of_birth", "national_id": "national_id",
                    "student_id": "student_id", "id": "learner_id"}  # fmt: skip
NARRATIVE_MAX = 10_000
EXTRA_MAX = 1_000
URL_MAX = 2_000


@dataclass(frozen=True)
class CohortAward:
    """A row that passed every rule: its ``line``, the standard's ``award``, and the
    ``row`` it came from (its evidence URL, narrative and extra fields)."""

    line: int
    award: Award
    row: CohortRow

    @property
    def evidence_url(self) -> str | None:
        """The row's ``evidence_url`` (checked: ``https://``), if any."""
        return self.row.cells.get("evidence_url")

    @property
    def narrative(self) -> str | None:
        """The row's ``narrative``, if any."""
        return self.row.cells.get("narrative")

    @property
    def extra(self) -> Mapping[str, str]:
        """The row's extra fields, by name."""
        return self.row.extra


def award_from_row(
    spec: MicroCredentialSpec,
    row: CohortRow | Mapping[str, str],
    *,
    today: dt.date,
    give: Mapping[IdentityAttribute, str] = COLUMN_OF,
) -> Award:
    """The award of the learner in ``row`` (a :class:`CohortRow`, or cells by column
    name), issued on its ``issued_on`` or ``today`` (UTC, the caller's clock). Raises
    :class:`~microcred.credentials.errors.RowError` with every reason found; ``give``
    names what to give for a promised attribute that is missing (the column, by
    default; a command line names its options)."""
    cells = row.cells if isinstance(row, CohortRow) else row
    extra = row.extra if isinstance(row, CohortRow) else {}
    labelled = [*cells.items(), *((f"extra:{k}", v) for k, v in extra.items())]
    formulas = [(f, start) for f, v in labelled if (start := formula_start(v))]
    if formulas:  # nothing else is read from a row that carries formulas
        raise RowError(*[FORMULA(field=f, start=start) for f, start in formulas],
                       fields=[f for f, _ in formulas])  # fmt: skip
    found: list[tuple[str | None, Reason]] = []
    issued_on, grade, learner = today, None, None
    try:
        if cells.get("issued_on"):
            issued_on = _date("issued_on", cells["issued_on"])
        if issued_on > today:
            found.append(("issued_on", FUTURE_DATE(date=issued_on.isoformat(),
                                                   today=today.isoformat())))  # fmt: skip
    except RowError as exc:
        found += exc.located
    try:
        grade = award_grade(spec, cells["grade"]) if cells.get("grade") else None
    except GradeError as exc:  # the standard's rule, in its own words
        found.append(("grade", exc.said))
    try:
        learner = Learner.model_validate(_learner(cells))
    except RowError as exc:
        found += exc.located
    except ValidationError as exc:
        found += _validation_reasons(exc, cells)
    found += _extras(cells, extra)
    if learner is not None and (
        missing := [a for a in spec.learner_identification if a not in learner.attributes]
    ):
        what = [", ".join(a.label(lang) for a in missing) for lang in ("en", "pl")]
        promised = PROMISED(what=what[0], what_pl=what[1],
                            give=", ".join(give[a] for a in missing))  # fmt: skip
        found.append((COLUMN_OF[missing[0]] if len(missing) == 1 else None, promised))
    if found:
        raise RowError(*[reason for _, reason in found], fields=[f for f, _ in found])
    return Award(spec=spec, learner=learner, issued_on=issued_on, grade=grade)


def awards_from_rows(
    spec: MicroCredentialSpec,
    rows: Iterable[CohortRow | RowProblem],
    *,
    today: dt.date,
    duplicates: DuplicateFinder | None = None,
) -> Iterator[CohortAward | RowProblem]:
    """Each row as a :class:`CohortAward`, or a :class:`RowProblem` with every reason
    (a problem of reading passes through; a learner seen on an earlier good row is a
    problem naming that line). Streams: holds only what finds duplicates."""
    finder = duplicates if duplicates is not None else DuplicateFinder()
    for row in rows:
        if isinstance(row, RowProblem):
            yield row
            continue
        try:
            award = award_from_row(spec, row, today=today)
        except RowError as exc:
            yield RowProblem(row.line, exc.reasons)
            continue
        assert award.learner is not None  # noqa: S101 - award_from_row always sets one
        if (duplicate := finder.see(row.line, award.learner)) is not None:
            yield RowProblem(row.line, (duplicate,))
            continue
        yield CohortAward(row.line, award, row)


class DuplicateFinder:
    """The learners of a list seen so far, to find one on two lines: the same e-mail
    (case ignored), student ID, learner ID or national ID, else — for a learner with
    none of these — the same name and date of birth.

    Each identity is kept as a 64-bit digest with its line (a false match between two
    of 100,000 learners: odds about one in 10⁹), not as the text of the row: about a
    hundred bytes an identifier (100,000 learners with an e-mail and a student ID: some
    20 MB, the one part of reading a list that grows with it)."""

    def __init__(self) -> None:
        self._seen: dict[int, int] = {}

    def see(self, line: int, learner: Learner) -> Reason | None:
        """Why ``learner`` is the same as one on an earlier line (that line, what
        matches), or ``None`` after remembering them as on ``line``."""
        keys = [(attribute, _digest(attribute, value)) for attribute, value in _identities(learner)]
        for attribute, key in keys:
            if (earlier := self._seen.get(key)) is not None:
                return DUPLICATE(line=earlier, what=attribute.label("en"),
                                 what_pl=attribute.label("pl"))  # fmt: skip
        for _, key in keys:
            self._seen.setdefault(key, line)
        return None

    def __len__(self) -> int:
        return len(self._seen)


def _digest(attribute: IdentityAttribute, value: str) -> int:
    data = f"{attribute.value}\x00{value}".encode()
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big")


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


def _date(field: str, value: str) -> dt.date:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise RowError(BAD_DATE(field=field, value=value), fields=[field])


def _learner(cells: Mapping[str, str]) -> dict[str, Any]:
    given, family = cells.get("given_name", ""), cells.get("family_name", "")
    if not (given or family):
        name = " ".join(cells.get("name", "").split())
        if not name:
            raise RowError(NO_NAME(), fields=["name"])
        given, _, family = name.rpartition(" ")
    if not given or not family:
        field = ("family_name" if given else "given_name") if "name" not in cells else "name"
        raise RowError(ONE_NAME(name=given or family), fields=[field])
    learner: dict[str, Any] = {"given_name": given, "family_name": family}
    for column, key in (("email", "email"), ("student_id", "student_id"), ("learner_id", "id")):
        if cells.get(column):
            learner[key] = cells[column]
    if cells.get("date_of_birth"):
        learner["date_of_birth"] = _date("date_of_birth", cells["date_of_birth"])
    if value := cells.get("national_id"):
        country, sep, number = value.partition(":")
        if not sep or not number.strip():
            raise RowError(BAD_NATIONAL_ID(value=value), fields=["national_id"])
        learner["national_id"] = {"country": country.strip().upper(), "value": number.strip()}
    return learner


def _validation_reasons(
    exc: ValidationError, cells: Mapping[str, str]
) -> list[tuple[str | None, Reason]]:
    found: list[tuple[str | None, Reason]] = []
    for error in exc.errors():
        field = ".".join(str(p) for p in error["loc"] if not str(p).startswith("function-"))
        column = _COLUMN_OF_FIELD.get(field.split(".")[0])
        if column in ("given_name", "family_name") and "name" in cells:
            column = "name"
        if field == "email":
            found.append(("email", BAD_EMAIL(value=cells.get("email", ""))))
        elif field.startswith("national_id"):
            found.append(("national_id", BAD_NATIONAL_ID(value=cells.get("national_id", ""))))
        else:
            said = validation_reason(error)
            reason = BAD_VALUE(field=field or "learner", detail=said.en, detail_pl=said.pl)
            found.append((column, reason))
    return found


def _extras(cells: Mapping[str, str], extra: Mapping[str, str]) -> list[tuple[str, Reason]]:
    """What is wrong with the cells the standard's award does not hold: the evidence URL,
    the narrative, the extra fields."""
    found: list[tuple[str, Reason]] = []
    if url := cells.get("evidence_url"):
        parts = urlsplit(url) if len(url) <= URL_MAX and not re.search(r"\s", url) else None
        if parts is None or parts.scheme.lower() != "https" or not parts.hostname:
            found.append(("evidence_url", BAD_EVIDENCE_URL(value=url)))
    if len(cells.get("narrative", "")) > NARRATIVE_MAX:
        found.append(("narrative", TOO_LONG(field="narrative", limit=NARRATIVE_MAX)))
    found += [
        (f"extra:{name}", TOO_LONG(field=f"extra:{name}", limit=EXTRA_MAX))
        for name, value in extra.items()
        if len(value) > EXTRA_MAX
    ]
    return found
