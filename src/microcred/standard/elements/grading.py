"""A design's grading scale, and the rule that an award's grade is on it (Annex I,
optional element "grade achieved").

A design may state, next to the free-text ``grading`` scheme, the grades it awards,
**lowest first** (the order of Open Badges 3.0 ``ResultDescription.allowedValue``)::

    grading: {pl: zaliczone / niezaliczone, en: pass / fail}
    grading_scale:
      - {name: {pl: niezaliczone, en: fail}, passing: false}
      - {name: {pl: zaliczone, en: pass}}

    grading: {pl: "2,0–5,0", en: "2.0–5.0 (Polish scale)"}
    grading_scale:
      - {code: "3.0", name: {pl: dostateczny, en: satisfactory}}
      - {code: "4.0", name: {pl: dobry, en: good}}
      - {code: "5.0", name: {pl: bardzo dobry, en: very good}}

A grade given at issuance is matched — ignoring case, repeated spaces and a decimal
comma — against each grade's ``code`` and every translation of its ``name``; the award
then records the scale's own name in every language (:func:`award_grade`). A grade
that is not on the scale, a failing one (``passing: false``: no micro-credential is
awarded for it) and one whose translations name different grades are refused with
:class:`~microcred.standard.errors.GradeError` (English and Polish). A design without a
scale takes any grade, as before. :func:`grade_problem` says the same without raising,
for the compliance check of someone else's award.
"""

from __future__ import annotations

__all__ = [
    "GRADE_AMBIGUOUS",
    "GRADE_EMPTY",
    "GRADE_FAILING",
    "GRADE_NOT_ON_SCALE",
    "SCALE_GRADE_NAMED_TWICE",
    "SCALE_WITHOUT_PASSING_GRADE",
    "GradeValue",
    "award_grade",
    "check_scale",
    "grade_problem",
]

from typing import Annotated, Protocol

from pydantic import Field

from ..errors import GradeError
from ..messages import Message
from ._base import Element
from .text import LocalizedText


class _Graded(Protocol):
    """What the grade rules read of a design (a ``MicroCredentialSpec``): its scale and
    its primary language. A protocol, so that this module, which ``spec`` imports for
    the scale, does not import ``spec`` back."""

    @property
    def grading_scale(self) -> list[GradeValue]: ...

    @property
    def primary_language(self) -> str: ...


#: a grade that is none of the scale's grades
GRADE_NOT_ON_SCALE = Message(
    "grade_not_on_scale",
    "grade {given} is not on the design's grading scale; allowed: {allowed_en}",
    "ocena {given} nie należy do skali ocen projektu; dozwolone: {allowed_pl}",
)
#: a failing grade of the scale: no credential is awarded for it
GRADE_FAILING = Message(
    "grade_failing",
    "grade {shown_en} is a failing grade on the design's scale: no micro-credential is "
    "awarded for it",
    "ocena {shown_pl} jest w skali projektu oceną negatywną: za nią nie wydaje się "
    "mikropoświadczenia",
)
#: the translations of one grade name different grades of the scale
GRADE_AMBIGUOUS = Message(
    "grade_ambiguous",
    "the translations of grade {given} name different grades of the scale: {grades_en}",
    "tłumaczenia oceny {given} wskazują różne oceny skali: {grades_pl}",
)
#: an empty grade
GRADE_EMPTY = Message("grade_empty", "the grade is empty", "ocena jest pusta")
#: a design's scale in which one text (a code or a translation) names two grades
SCALE_GRADE_NAMED_TWICE = Message(
    "scale_grade_named_twice",
    "{key} names two grades of the scale",
    "{key} oznacza w skali dwie różne oceny",
)
#: a design's scale with only failing grades
SCALE_WITHOUT_PASSING_GRADE = Message(
    "scale_without_passing_grade",
    "the scale has no passing grade",
    "skala nie ma żadnej oceny pozytywnej",
)


def _key(text: str) -> str:
    """How grades are compared: case, spacing and the decimal separator do not count."""
    return " ".join(text.replace(",", ".").split()).casefold()


class GradeValue(Element):
    """One grade of a design's grading scale."""

    name: LocalizedText
    code: Annotated[
        str | None,
        Field(min_length=1, max_length=50, description='A short form issuers may type: "4.5".'),
    ] = None
    passing: bool = Field(
        default=True, description="false: a failing grade, for which nothing is awarded."
    )

    @property
    def keys(self) -> frozenset[str]:
        """Every text that names this grade (code and translations), as compared."""
        texts = [text for _, text in self.name.items()]
        return frozenset(_key(t) for t in [*texts, *([self.code] if self.code else [])])

    def label(self, lang: str = "en") -> str:
        """The grade as a person reads it: ``very good (5.0)``."""
        name = self.name.get(lang)
        return f"{name} ({self.code})" if self.code and _key(self.code) != _key(name) else name


def check_scale(scale: list[GradeValue]) -> list[GradeValue]:
    """Refuse a scale in which one text names two grades, or with no passing grade
    (raises ``ValueError``, which the design file reports with its line)."""
    seen: dict[str, int] = {}
    for index, grade in enumerate(scale):
        for key in grade.keys:
            if key in seen and seen[key] != index:
                raise ValueError(SCALE_GRADE_NAMED_TWICE(key=repr(key)))
            seen[key] = index
    if scale and not any(grade.passing for grade in scale):
        raise ValueError(SCALE_WITHOUT_PASSING_GRADE())
    return scale


def _allowed(scale: list[GradeValue], lang: str) -> str:
    return ", ".join(grade.label(lang) for grade in scale if grade.passing)


def _not_on_scale(spec: _Graded, given: str) -> GradeError:
    return GradeError(GRADE_NOT_ON_SCALE(
        given=repr(given), allowed_en=_allowed(spec.grading_scale, "en"),
        allowed_pl=_allowed(spec.grading_scale, "pl")))  # fmt: skip


def _failing(grade: GradeValue, given: str) -> GradeError:
    def shown(lang: str) -> str:
        name = grade.name.get(lang)
        return repr(given) if _key(name) == _key(given) else f"{given!r} ({name})"

    return GradeError(GRADE_FAILING(shown_en=shown("en"), shown_pl=shown("pl")))


def _find(scale: list[GradeValue], text: str) -> GradeValue | None:
    key = _key(text)
    return next((grade for grade in scale if key in grade.keys), None)


def grade_problem(spec: _Graded, grade: LocalizedText) -> GradeError | None:
    """Why ``grade`` may not be recorded on an award of ``spec`` (``None``: it may).

    Every translation of the grade must name the same passing grade of the scale; a
    design without ``grading_scale`` takes any grade.
    """
    scale = spec.grading_scale
    if not scale:
        return None
    found: list[GradeValue] = []
    for _, text in grade.items():
        match = _find(scale, text)
        if match is None:
            return _not_on_scale(spec, text)
        if match not in found:
            found.append(match)
    if len(found) > 1:
        shown = " / ".join(text for _, text in grade.items())
        return GradeError(GRADE_AMBIGUOUS(
            given=repr(shown), grades_en=", ".join(g.label("en") for g in found),
            grades_pl=", ".join(g.label("pl") for g in found)))  # fmt: skip
    if not found[0].passing:
        return _failing(found[0], grade.get(spec.primary_language))
    return None


def award_grade(spec: _Graded, given: str | LocalizedText) -> LocalizedText:
    """The grade to record on an award of ``spec`` for what the issuer gave.

    With a ``grading_scale``: the scale's own name of the grade, in every language
    (``"5,0"``, ``"Very good"`` and ``"bardzo dobry"`` all give ``{pl: bardzo dobry,
    en: very good}``); raises :class:`GradeError` for a grade not on the scale or a
    failing one. Without a scale: the text as given, in the design's first language.
    """
    if isinstance(given, LocalizedText):
        if problem := grade_problem(spec, given):
            raise problem
        match = _find(spec.grading_scale, given.get(spec.primary_language))
        return match.name if match else given
    text = " ".join(given.split())
    if not text:
        raise GradeError(GRADE_EMPTY())
    if not spec.grading_scale:
        return LocalizedText.model_validate({spec.primary_language: text})
    match = _find(spec.grading_scale, text)
    if match is None:
        raise _not_on_scale(spec, text)
    if not match.passing:
        raise _failing(match, text)
    return match.name
