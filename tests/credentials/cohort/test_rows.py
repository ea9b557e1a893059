"""A learner list's rows as awards: each rule with its reason and line, every reason of
a row at once, and duplicate learners named with the earlier line."""

from __future__ import annotations

import datetime as dt

import pytest

from microcred.credentials.cohort import (
    CohortAward,
    CohortRow,
    DuplicateFinder,
    RowProblem,
    award_from_row,
    awards_from_rows,
    read_cohort,
)
from microcred.credentials.cohort import messages as m
from microcred.credentials.errors import RowError
from microcred.standard import designfile
from microcred.standard.elements import Learner, MicroCredentialSpec
from microcred.standard.elements.grading import GRADE_NOT_ON_SCALE
from microcred.standard.vocab import IdentityAttribute

from ...conftest import EXAMPLES

TODAY = dt.date(2025, 6, 30)
# python-basics: pass/fail scale; records the name, date of birth and e-mail
SPEC = designfile.loads((EXAMPLES / "python-basics.yaml").read_bytes())
ANNA = {"name": "Anna Kowalska", "email": "anna@example.org", "date_of_birth": "1990-04-02"}
NAME_ONLY = SPEC.model_copy(update={"learner_identification": [IdentityAttribute.FULL_NAME]})


def _reasons(cells: dict[str, str], spec: MicroCredentialSpec = SPEC, **extra: str) -> list[str]:
    with pytest.raises(RowError) as caught:
        award_from_row(spec, CohortRow(2, cells, extra), today=TODAY)
    assert caught.value.code == caught.value.reasons[0].code
    return [reason.code for reason in caught.value.reasons]


def test_a_good_row_is_the_standards_award() -> None:
    row = CohortRow(2, ANNA | {"issued_on": "2025-06-20", "grade": "zaliczone",
                               "student_id": "S-1", "national_id": "pl: 90040212345"})  # fmt: skip
    award = award_from_row(SPEC, row, today=TODAY)
    assert award.learner is not None
    assert (award.learner.given_name, award.learner.family_name) == ("Anna", "Kowalska")
    assert award.learner.national_id is not None
    assert (award.learner.national_id.country, award.learner.national_id.value) == (
        "PL", "90040212345")  # fmt: skip
    assert award.issued_on == dt.date(2025, 6, 20)
    assert award.grade is not None
    assert award.grade.model_dump(exclude_none=True) == {"pl": "zaliczone", "en": "pass"}


def test_the_date_of_issue_is_today_when_the_row_gives_none() -> None:
    assert award_from_row(SPEC, ANNA, today=TODAY).issued_on == TODAY


def test_given_and_family_name_columns() -> None:
    cells = {"given_name": "Maria", "family_name": "de la Cruz", "email": "m@example.org",
             "date_of_birth": "1990-01-01"}  # fmt: skip
    learner = award_from_row(SPEC, cells, today=TODAY).learner
    assert learner is not None
    assert (learner.given_name, learner.family_name) == ("Maria", "de la Cruz")


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"name": ""}, m.NO_NAME.code),
        ({"name": "Anna"}, m.ONE_NAME.code),
        ({"email": "anna@"}, m.BAD_EMAIL.code),
        ({"date_of_birth": "02.04.1990"}, m.BAD_DATE.code),
        ({"date_of_birth": "1990-02-30"}, m.BAD_DATE.code),
        ({"issued_on": "2025-07-01"}, m.FUTURE_DATE.code),
        ({"issued_on": "yesterday"}, m.BAD_DATE.code),
        ({"grade": "very good"}, GRADE_NOT_ON_SCALE.code),
        ({"national_id": "90040212345"}, m.BAD_NATIONAL_ID.code),
        ({"learner_id": "not a uri"}, m.BAD_VALUE.code),
        ({"evidence_url": "http://example.org/e"}, m.BAD_EVIDENCE_URL.code),
        ({"evidence_url": "https:///no-host"}, m.BAD_EVIDENCE_URL.code),
        ({"evidence_url": "https://example.org/a b"}, m.BAD_EVIDENCE_URL.code),
        ({"narrative": "x" * 10_001}, m.TOO_LONG.code),
        ({"date_of_birth": ""}, m.PROMISED.code),
    ],
    ids=["no-name", "one-name", "email", "dob-format", "dob-no-such-day", "future",
         "issued-on", "grade", "national-id", "learner-id", "evidence-http",
         "evidence-no-host", "evidence-space", "narrative-long", "promised"],
)  # fmt: skip
def test_each_rule_refuses_a_row(change: dict[str, str], code: str) -> None:
    cells = {k: v for k, v in (ANNA | change).items() if v}
    assert _reasons(cells) == [code]


def test_the_reasons_say_what_and_in_polish() -> None:
    with pytest.raises(RowError) as caught:
        award_from_row(SPEC, ANNA | {"issued_on": "2025-07-01"}, today=TODAY)
    future = m.FUTURE_DATE(date="2025-07-01", today="2025-06-30")
    assert caught.value.reasons == (future,)
    assert caught.value.text("pl") == future.pl
    with pytest.raises(RowError) as caught:
        award_from_row(SPEC, {"name": "Anna Kowalska"}, today=TODAY)
    missing = (IdentityAttribute.DATE_OF_BIRTH, IdentityAttribute.EMAIL)
    assert caught.value.reasons == (
        m.PROMISED(what=", ".join(a.label("en") for a in missing),
                   what_pl=", ".join(a.label("pl") for a in missing),
                   give="date_of_birth, email"),
    )  # fmt: skip


def test_every_reason_of_a_row_is_given_at_once() -> None:
    cells = {"name": "Anna", "email": "anna@", "issued_on": "2999-01-01", "grade": "very good",
             "evidence_url": "ftp://x"}  # fmt: skip
    assert _reasons(cells) == [m.FUTURE_DATE.code, GRADE_NOT_ON_SCALE.code, m.ONE_NAME.code,
                               m.BAD_EVIDENCE_URL.code]  # fmt: skip


@pytest.mark.parametrize("start", ["=", "+", "-", "@", " =", "\t", "\r"])
def test_a_cell_a_spreadsheet_would_run_refuses_the_row_alone(start: str) -> None:
    cells = ANNA | {"name": f'{start}HYPERLINK("https://evil.example") Kowalski',
                    "grade": "very good"}  # fmt: skip
    with pytest.raises(RowError) as caught:
        award_from_row(SPEC, cells, today=TODAY)
    assert caught.value.reasons == (m.FORMULA(field="name", start=start.strip(" ")),)


def test_a_formula_in_an_extra_field_or_any_column() -> None:
    assert _reasons(ANNA | {"email": "@SUM(A1)"}, group="=1+1") == [m.FORMULA.code] * 2
    with pytest.raises(RowError) as caught:
        award_from_row(SPEC, CohortRow(2, ANNA, {"group": "-2"}), today=TODAY)
    assert caught.value.reasons == (m.FORMULA(field="extra:group", start="-"),)


def test_an_extra_field_too_long() -> None:
    assert _reasons(ANNA, group="x" * 1001) == [m.TOO_LONG.code]
    award_from_row(SPEC, CohortRow(2, ANNA, {"group": "x" * 1000}), today=TODAY)


def test_what_to_give_is_named_by_the_caller() -> None:
    options = {IdentityAttribute.DATE_OF_BIRTH: "--date-of-birth"}
    with pytest.raises(RowError) as caught:
        award_from_row(SPEC, {"name": "A B", "email": "a@example.org"}, today=TODAY,
                       give=options)  # fmt: skip
    assert caught.value.reasons[0].en.endswith("give --date-of-birth")


LIST = """\
name;email;date_of_birth;issued_on;grade;evidence_url;narrative;extra:group
Anna Kowalska;anna@example.org;1990-04-02;2025-06-20;zaliczone;https://ex.org/a;"Wrote
a parser";A1
Jan Nowak;jan@;1991-01-01;2025-06-20;pass;;;
;x@example.org;1990-01-01;;;;;
Piotr Wiśniewski;piotr@example.org;1989-02-03;2999-01-01;;;;
Ewa Zając;ewa@example.org;1992-02-02;2025-06-20;very good;;;
=HYPERLINK("http://evil.example") Kowalski;k@example.org;1990-01-01;;;;;
Anna K.;ANNA@example.org;1990-04-02;;;;;
Marek Brak;marek@example.org;;;;;;
Zofia Nowak;zofia@example.org;1990-01-01;;;;;;;x
Łukasz Żółć;lukasz@example.org;1990-05-05;2025-06-21;pass;;;B2
"""


def test_a_list_gives_each_good_row_and_each_bad_rows_line_and_reasons() -> None:
    items = list(awards_from_rows(SPEC, read_cohort(LIST.encode("cp1250")), today=TODAY))
    problems = {i.line: [r.code for r in i.reasons] for i in items if isinstance(i, RowProblem)}
    assert problems == {
        4: [m.BAD_EMAIL.code],
        5: [m.NO_NAME.code],
        6: [m.FUTURE_DATE.code],
        7: [GRADE_NOT_ON_SCALE.code],
        8: [m.FORMULA.code],
        9: [m.DUPLICATE.code],
        10: [m.PROMISED.code],
        11: [m.TOO_MANY_CELLS.code],
    }
    good = [i for i in items if isinstance(i, CohortAward)]
    assert [i.line for i in good] == [2, 12]
    anna, lukasz = good
    assert (anna.evidence_url, anna.narrative, dict(anna.extra)) == (
        "https://ex.org/a", "Wrote\na parser", {"group": "A1"})  # fmt: skip
    assert lukasz.award.learner is not None
    assert lukasz.award.learner.full_name == "Łukasz Żółć"
    assert (lukasz.evidence_url, lukasz.narrative) == (None, None)
    duplicate = next(i for i in items if i.line == 9)
    assert isinstance(duplicate, RowProblem)
    assert duplicate.reasons == (
        m.DUPLICATE(line=2, what="e-mail address", what_pl="adres e-mail"),
    )


def _learner(**fields: object) -> Learner:
    return Learner.model_validate({"given_name": "Anna", "family_name": "Kowalska"} | fields)


@pytest.mark.parametrize(
    ("first", "second", "what"),
    [
        ({"email": "Anna@Example.org"}, {"email": "anna@example.org"},
         IdentityAttribute.EMAIL),
        ({"student_id": "S1", "email": "a@example.org"}, {"student_id": "S1"},
         IdentityAttribute.STUDENT_ID),
        ({"national_id": {"country": "PL", "value": "9004"}},
         {"national_id": {"country": "PL", "value": "9004"}, "given_name": "Ann"},
         IdentityAttribute.NATIONAL_ID),
        ({"date_of_birth": "1990-04-02"},
         {"date_of_birth": "1990-04-02", "family_name": "KOWALSKA "},
         IdentityAttribute.FULL_NAME),
    ],
    ids=["email-case", "student-id", "national-id", "name-and-birth"],
)  # fmt: skip
def test_a_duplicate_names_the_earlier_line(
    first: dict[str, object], second: dict[str, object], what: IdentityAttribute
) -> None:
    finder = DuplicateFinder()
    assert finder.see(3, _learner(**first)) is None
    reason = finder.see(8, _learner(**second))
    assert reason == m.DUPLICATE(line=3, what=what.label("en"), what_pl=what.label("pl"))


def test_not_the_same_learner() -> None:
    finder = DuplicateFinder()
    assert finder.see(2, _learner(date_of_birth="1990-04-02")) is None
    assert finder.see(3, _learner(date_of_birth="1991-04-02")) is None  # a namesake
    assert finder.see(4, _learner(email="a@example.org")) is None  # an identifier: not by name
    assert finder.see(5, _learner(email="b@example.org")) is None
    assert len(finder) == 4


def test_a_duplicate_is_not_remembered_in_place_of_the_first() -> None:
    finder = DuplicateFinder()
    assert finder.see(2, _learner(email="a@example.org")) is None
    assert finder.see(5, _learner(email="a@example.org", student_id="S9")) is not None
    # the refused row's student ID was not kept: a later row with it is no duplicate
    assert finder.see(7, _learner(student_id="S9")) is None


def test_a_finder_shared_across_lists() -> None:
    finder = DuplicateFinder()
    rows = [CohortRow(2, {"name": "A B", "email": "a@example.org"})]
    assert isinstance(next(awards_from_rows(NAME_ONLY, rows, today=TODAY, duplicates=finder)),
                      CohortAward)  # fmt: skip
    again = next(awards_from_rows(NAME_ONLY, rows, today=TODAY, duplicates=finder))
    assert isinstance(again, RowProblem)
    assert again.reasons[0].code == m.DUPLICATE.code


def test_each_reason_names_its_column_for_a_form() -> None:
    cells = {"given_name": "Anna", "family_name": "Kowalska", "email": "anna@",
             "date_of_birth": "1990-04-02", "issued_on": "2999-01-01", "grade": "very good",
             "learner_id": "not a uri", "evidence_url": "http://x"}  # fmt: skip
    with pytest.raises(RowError) as caught:
        award_from_row(SPEC, cells, today=TODAY)
    by_field = {field: [r.code for r in reasons] for field, reasons in
                caught.value.by_field().items()}  # fmt: skip
    assert by_field == {
        "issued_on": [m.FUTURE_DATE.code],
        "grade": [GRADE_NOT_ON_SCALE.code],
        "email": [m.BAD_EMAIL.code],
        "learner_id": [m.BAD_VALUE.code],
        "evidence_url": [m.BAD_EVIDENCE_URL.code],
    }
    with pytest.raises(RowError) as caught:
        award_from_row(SPEC, {"name": "Anna", "date_of_birth": "1990"}, today=TODAY)
    assert caught.value.fields == ("name",)  # the name first: nothing else about the learner
    with pytest.raises(RowError) as caught:
        award_from_row(SPEC, {"name": "A B", "email": "a@example.org"}, today=TODAY)
    assert caught.value.fields == ("date_of_birth",)
    with pytest.raises(RowError) as caught:
        award_from_row(SPEC, {"name": "A B"}, today=TODAY)
    assert caught.value.fields == (None,)  # two promised columns missing: one reason
    with pytest.raises(RowError) as caught:
        award_from_row(SPEC, CohortRow(2, {"name": "=A B"}, {"g": "@x"}), today=TODAY)
    assert caught.value.fields == ("name", "extra:g")


def test_a_row_error_needs_a_reason_and_a_field_for_each() -> None:
    with pytest.raises(TypeError):
        RowError()
    with pytest.raises(TypeError):
        RowError(m.NO_NAME(), fields=["name", "email"])
    assert RowError(m.NO_NAME()).fields == (None,)
