"""What the builders share about awards: a grade the design's scale does not allow is
refused by every builder (OB 3.0, EDC, the PDF certificate), as ``build`` and
``issue()`` refuse it, while an Award may hold one (the compliance check reports it)."""

from __future__ import annotations

import pytest

from microcred.credentials.edc import to_edc
from microcred.credentials.ob3 import to_ob3
from microcred.credentials.render import render_pdf
from microcred.standard.compliance import check
from microcred.standard.compliance import messages as m
from microcred.standard.elements.grading import GRADE_NOT_ON_SCALE
from microcred.standard.errors import GradeError

from ..conftest import best_grade, example_award

OFF_SCALE = {"pl": "celujący", "en": "excellent"}  # python-basics grades pass / fail


def test_an_award_may_hold_a_grade_off_the_scale_and_the_check_says_so() -> None:
    award = example_award(grade=OFF_SCALE)
    grade = next(r for r in check(award).elements if r.element.value == "grade")
    assert m.GRADE_OFF_SCALE.code in [reason.code for reason in grade.reasons]


@pytest.mark.parametrize(
    "build",
    [
        lambda award: to_ob3(award, issuer_id="did:example:issuer"),
        lambda award: to_edc(award, issuer_id="did:example:issuer"),
        lambda award: render_pdf(award, credentials={}, verification_url="https://example.org/v/1"),
    ],
    ids=["ob3", "edc", "pdf"],
)
def test_every_builder_refuses_a_grade_off_the_scale(build: object) -> None:
    assert callable(build)
    with pytest.raises(GradeError) as refused:
        build(example_award(grade=OFF_SCALE))
    assert refused.value.code == GRADE_NOT_ON_SCALE.code
    assert "celujący" in refused.value.text("pl")
    assert build(example_award(grade=best_grade()))  # a grade of the scale is written
