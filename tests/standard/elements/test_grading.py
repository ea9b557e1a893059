"""A design's grading scale: what a design file may state, and the rule that an award's
grade is on it (``award_grade`` refuses, ``grade_problem`` reports)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from microcred.standard import designfile
from microcred.standard.elements import (
    LocalizedText,
    MicroCredentialSpec,
    award_grade,
    grade_problem,
    validity_end,
)
from microcred.standard.errors import DesignError, GradeError, MicrocredError

from ...conftest import EXAMPLES

PASS_FAIL = [
    {"name": {"pl": "niezaliczone", "en": "fail"}, "passing": False},
    {"name": {"pl": "zaliczone", "en": "pass"}},
]
POLISH = [
    {"code": "2.0", "name": {"pl": "niedostateczny", "en": "fail"}, "passing": False},
    {"code": "3.0", "name": {"pl": "dostateczny", "en": "satisfactory"}},
    {"code": "4.5", "name": {"pl": "dobry plus", "en": "good plus"}},
    {"code": "5.0", "name": {"pl": "bardzo dobry", "en": "very good"}},
]


def _spec(scale: list[dict[str, Any]], **fields: Any) -> MicroCredentialSpec:
    return MicroCredentialSpec.model_validate({"grading_scale": scale, **fields})


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("zaliczone", {"pl": "zaliczone", "en": "pass"}),
        ("PASS", {"pl": "zaliczone", "en": "pass"}),
        ("  pass ", {"pl": "zaliczone", "en": "pass"}),
    ],
)
def test_a_grade_on_the_scale_is_recorded_in_every_language(
    given: str, expected: dict[str, str]
) -> None:
    assert award_grade(_spec(PASS_FAIL), given).model_dump() == expected


@pytest.mark.parametrize("given", ["4,5", "4.5", "Dobry  Plus", "good plus"])
def test_a_code_or_a_name_picks_the_grade(given: str) -> None:
    grade = award_grade(_spec(POLISH), given)
    assert grade.model_dump() == {"pl": "dobry plus", "en": "good plus"}


def test_very_good_on_a_pass_fail_scale_is_refused_in_english_and_polish() -> None:
    with pytest.raises(GradeError) as caught:
        award_grade(_spec(PASS_FAIL), "very good")
    error = caught.value
    assert isinstance(error, MicrocredError)
    assert error.code == "grade_not_on_scale"
    assert error.message == (
        "grade 'very good' is not on the design's grading scale; allowed: pass"
    )
    assert error.text("pl") == (
        "ocena 'very good' nie należy do skali ocen projektu; dozwolone: zaliczone"
    )


def test_a_failing_grade_is_refused() -> None:
    with pytest.raises(GradeError) as caught:
        award_grade(_spec(POLISH), "2,0")
    assert caught.value.code == "grade_failing"
    assert "failing grade" in caught.value.message
    assert "niedostateczny" in caught.value.text("pl")


def test_without_a_scale_any_grade_is_taken_in_the_designs_first_language() -> None:
    spec = MicroCredentialSpec.model_validate({"languages": ["pl", "en"]})
    assert award_grade(spec, "celujący").model_dump() == {"pl": "celujący"}
    assert grade_problem(spec, LocalizedText.model_validate({"en": "anything"})) is None


def test_an_empty_grade_is_refused() -> None:
    with pytest.raises(GradeError):
        award_grade(_spec(PASS_FAIL), "   ")


@pytest.mark.parametrize(
    ("grade", "code"),
    [
        ({"pl": "zaliczone", "en": "pass"}, None),
        ({"en": "Pass"}, None),
        ({"pl": "zaliczone", "de": "bestanden"}, "grade_not_on_scale"),
        ({"pl": "zaliczone", "en": "fail"}, "grade_ambiguous"),
        ({"en": "fail"}, "grade_failing"),
    ],
)
def test_an_awards_multilingual_grade_is_checked_in_every_language(
    grade: dict[str, str], code: str | None
) -> None:
    problem = grade_problem(_spec(PASS_FAIL), LocalizedText.model_validate(grade))
    assert (problem.code if problem else None) == code


@pytest.mark.parametrize(
    ("scale", "error"),
    [
        ([{"name": {"en": "pass"}}, {"name": {"en": "PASS"}}], "'pass' names two grades"),
        ([{"code": "5", "name": {"en": "a"}}, {"name": {"en": "5"}}], "'5' names two grades"),
        ([{"name": {"en": "fail"}, "passing": False}], "no passing grade"),
        ([{"name": "pass"}], "per language"),
        ([{"name": {"en": "pass"}, "score": 5}], "unknown field"),
    ],
    ids=["same-name", "code-is-a-name", "no-passing", "plain-text-name", "typo"],
)
def test_a_scale_that_cannot_decide_is_refused_with_its_line(
    scale: list[dict[str, Any]], error: str
) -> None:
    text = "title: {en: Test}\ngrading_scale:\n" + "".join(f"  - {s}\n" for s in scale)
    with pytest.raises(DesignError) as caught:
        designfile.loads(text.replace("'", '"'))
    (problem,) = caught.value.problems
    assert problem.field.startswith("grading_scale")
    assert problem.line is not None
    assert problem.line >= 2
    assert error in problem.message


@pytest.mark.parametrize("name", ["python-basics.yaml", "machine-learning-university.yaml"])
def test_the_examples_state_their_scale_and_write_it_back(name: str) -> None:
    spec = designfile.loads((EXAMPLES / name).read_bytes())
    assert spec.grading_scale
    assert spec.grading_scale[0].passing is False
    assert designfile.loads(designfile.dumps(spec)) == spec


@pytest.mark.parametrize(
    ("issued_on", "months", "until"),
    [
        (dt.date(2025, 6, 20), 60, dt.date(2030, 6, 20)),
        (dt.date(2025, 1, 31), 1, dt.date(2025, 2, 28)),
        (dt.date(2024, 2, 29), 12, dt.date(2025, 2, 28)),
        (dt.date(2025, 11, 30), 3, dt.date(2026, 2, 28)),
        (dt.date(2025, 6, 20), None, None),
    ],
)
def test_validity_end_counts_months(
    issued_on: dt.date, months: int | None, until: dt.date | None
) -> None:
    spec = MicroCredentialSpec.model_validate({"validity_months": months})
    assert validity_end(spec, issued_on) == until
