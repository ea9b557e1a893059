"""One check per Annex I element: present, weak, missing, at-award or not-applicable,
with the reasons. Each ``check_<element>`` takes the spec (and the award, when checking
one) and returns an :class:`ElementResult`.
"""

from __future__ import annotations

__all__ = ["check_elements", "spec_results"]

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from ..annexes import AnnexIElement as E
from ..caching import cached
from ..elements import Award, MicroCredentialSpec, grade_problem
from ..vocab.identity import IdentityAttribute
from ..vocab.languages import Language
from ..vocab.learning import AssessmentMethod
from ..vocab.pathways import IntegrationOption
from ..vocab.quality import QualityAssuranceType
from . import messages as m
from .outcome_rules import MAX_REMEMBERED, OutcomeFinding, assess_statement
from .report import ElementResult, ElementStatus, Reason, Severity

S = ElementStatus
_TITLE_MIN_CHARS = 4
_ECTS_HOURS = (Decimal(20), Decimal(36))  # 25–30 h per credit, with some tolerance
_ECTS_LARGE = Decimal(60)


def _result(element: E, reasons: list[Reason], *, missing: bool = False) -> ElementResult:
    """Status from the reasons: missing, weak if any reason is weak, else present."""
    if missing:  # "not given", unless a reason says more precisely what is missing
        return ElementResult(element, S.MISSING, tuple(reasons) or (m.ELEMENT_MISSING(),))
    weak = any(r.severity is Severity.WEAK for r in reasons)
    return ElementResult(element, S.WEAK if weak else S.PRESENT, tuple(reasons))


def _optional_absent(element: E) -> ElementResult:
    return ElementResult(element, S.NOT_APPLICABLE, (m.OPTIONAL_NOT_GIVEN(),))


def _join(items: list[str]) -> str:
    return ", ".join(items)


def check_learner(spec: MicroCredentialSpec, award: Award | None) -> ElementResult:
    if award is not None:
        if award.learner is None:
            return _result(E.LEARNER, [], missing=True)
        attrs = award.learner.attributes
    else:
        if not spec.learner_identification:
            return _result(E.LEARNER, [m.LEARNER_NOT_DECLARED()], missing=True)
        attrs = set(spec.learner_identification)
    ordered = [a for a in IdentityAttribute if a in attrs]
    reasons = [
        m.LEARNER_AT_AWARD(
            attrs=_join([a.label("en") for a in ordered]),
            attrs_pl=_join([a.label("pl") for a in ordered]),
        )
    ]
    promised = [a for a in IdentityAttribute if a in spec.learner_identification]
    lacking = [a for a in promised if a not in attrs]
    if award is not None and lacking:
        reasons.append(
            m.LEARNER_PROMISED_MISSING(
                attrs=_join([a.label("en") for a in lacking]),
                attrs_pl=_join([a.label("pl") for a in lacking]),
            )
        )
    if IdentityAttribute.FULL_NAME not in attrs:
        reasons.append(m.LEARNER_NO_NAME())
    elif len(attrs) == 1:
        reasons.append(m.LEARNER_NAME_ONLY())
    result = _result(E.LEARNER, reasons)
    if award is None and result.status is S.PRESENT:
        return ElementResult(E.LEARNER, S.AT_AWARD, result.reasons)
    return result


def check_title(spec: MicroCredentialSpec, award: Award | None) -> ElementResult:
    if spec.title is None:
        return _result(E.TITLE, [], missing=True)
    title = spec.title.get()
    what = m.ELEMENT_PRESENT(what=spec.title.get("en"), what_pl=spec.title.get("pl"))
    reasons = [what]
    if len(title) < _TITLE_MIN_CHARS:
        reasons.append(m.TITLE_TOO_SHORT(title=title))
    if len(spec.title.languages) == 1:  # English, and the provider's own language
        only = spec.title.languages[0]
        if only is Language.EN:
            reasons.append(m.TITLE_ENGLISH_ONLY())
        else:
            reasons.append(m.TITLE_ONE_LANGUAGE(lang=only.label("en"), lang_pl=only.label("pl")))
    return _result(E.TITLE, reasons)


def check_country(spec: MicroCredentialSpec, award: Award | None) -> ElementResult:
    if not spec.awarding_bodies:
        return _result(E.COUNTRY, [], missing=True)
    places_en, places_pl = [], []
    for body in spec.awarding_bodies:
        region = f" ({body.region})" if body.region else ""
        places_en.append(body.country.label("en") + region)
        places_pl.append(body.country.label("pl") + region)
    return _result(E.COUNTRY, [m.ELEMENT_PRESENT(what=_join(places_en), what_pl=_join(places_pl))])


def check_awarding_body(spec: MicroCredentialSpec, award: Award | None) -> ElementResult:
    if not spec.awarding_bodies:
        return _result(E.AWARDING_BODY, [], missing=True)
    names_en = [b.name.get("en") for b in spec.awarding_bodies]
    names_pl = [b.name.get("pl") for b in spec.awarding_bodies]
    reasons = [m.ELEMENT_PRESENT(what=_join(names_en), what_pl=_join(names_pl))]
    reasons += [
        m.AWARDING_BODY_NO_LEGAL_ID(name=b.name.get("en"), name_pl=b.name.get("pl"))
        for b in spec.awarding_bodies
        if b.legal_identifier is None
    ]
    return _result(E.AWARDING_BODY, reasons)


def make_check_date(
    now: dt.datetime,
) -> Callable[[MicroCredentialSpec, Award | None], ElementResult]:
    def check_date(spec: MicroCredentialSpec, award: Award | None) -> ElementResult:
        if award is None:
            return ElementResult(E.DATE_OF_ISSUE, S.AT_AWARD, (m.DATE_AT_AWARD(),))
        if award.issued_on is None:
            return _result(E.DATE_OF_ISSUE, [], missing=True)
        date = award.issued_on.isoformat()
        reasons = [m.ELEMENT_PRESENT(what=date, what_pl=date)]
        if award.issued_on > now.date():
            reasons.append(m.DATE_IN_FUTURE(date=date))
        return _result(E.DATE_OF_ISSUE, reasons)

    return check_date


def _assess(text: str, lang: str) -> tuple[OutcomeFinding, ...]:
    """The rules are a pure function of the statement; credentials of one design repeat
    the same statements, so verifying a batch analyses each statement once. A statement
    longer than :data:`~.outcome_rules.MAX_REMEMBERED` characters is not kept in the
    cache: the cache would keep it alive."""
    if len(text) > MAX_REMEMBERED:
        return tuple(assess_statement(text, lang))
    return _assess_remembered(text, lang)


@cached(maxsize=8192)
def _assess_remembered(text: str, lang: str) -> tuple[OutcomeFinding, ...]:
    return tuple(assess_statement(text, lang))


def check_outcomes(spec: MicroCredentialSpec, award: Award | None) -> ElementResult:
    outcomes = spec.learning_outcomes
    if not outcomes:
        return _result(E.LEARNING_OUTCOMES, [], missing=True)
    reasons = [m.OUTCOMES_COUNT(n=len(outcomes))]
    activities = 0
    seen: dict[str, int] = {}
    for n, outcome in enumerate(outcomes, start=1):
        is_activity = False
        for lang, text in outcome.statement.items():
            for finding in _assess(text, str(lang)):
                short = text if len(text) <= 80 else text[:77] + "..."
                message = finding.message
                if message in (m.OUTCOME_NO_VERB, m.OUTCOME_TOO_SHORT) and outcome.esco_skills:
                    # A competence label aligned to ESCO ("Developing digital content"),
                    # as Europass credentials write outcomes: advice, not a weakness.
                    message = m.OUTCOME_ESCO_LABEL
                reasons.append(message(n=n, lang=str(lang), text=short, **finding.detail))
                is_activity |= finding.message is m.OUTCOME_ACTIVITY
        activities += is_activity
        key = outcome.statement.get().casefold()
        if key in seen:
            reasons.append(m.OUTCOME_DUPLICATE(n=n, first=seen[key]))
        seen.setdefault(key, n)
    if activities == len(outcomes):
        reasons.append(m.OUTCOMES_ALL_ACTIVITIES())
    aligned = sum(1 for o in outcomes if o.esco_skills)
    if aligned:
        reasons.append(m.OUTCOMES_ESCO(n=aligned))
    return _result(E.LEARNING_OUTCOMES, reasons)


def _fmt(value: Decimal) -> str:
    return format(value.normalize(), "f")


def check_workload(spec: MicroCredentialSpec, award: Award | None) -> ElementResult:
    workload = spec.workload
    if workload is None:
        return _result(E.WORKLOAD, [], missing=True)
    reasons: list[Reason] = []
    if workload.ects is not None:
        reasons.append(m.WORKLOAD_ECTS(ects=_fmt(workload.ects)))
        if workload.ects > _ECTS_LARGE:
            reasons.append(m.WORKLOAD_LARGE(ects=_fmt(workload.ects)))
    if workload.hours is not None:
        reasons.append(m.WORKLOAD_HOURS(hours=_fmt(workload.hours)))
    if workload.ects is None and workload.hours is None:
        reasons.append(m.WORKLOAD_NO_AMOUNT())
    elif workload.ects is None:
        reasons.append(m.WORKLOAD_HOURS_ONLY())
    elif workload.hours is not None:
        ratio = workload.hours / workload.ects
        low, high = _ECTS_HOURS
        if not low <= ratio <= high:
            reasons.append(
                m.WORKLOAD_INCONSISTENT(
                    hours=_fmt(workload.hours), ects=_fmt(workload.ects), ratio=f"{ratio:.1f}"
                )
            )
    return _result(E.WORKLOAD, reasons)


def check_level(spec: MicroCredentialSpec, award: Award | None) -> ElementResult:
    if not spec.levels:
        return ElementResult(E.LEVEL, S.NOT_APPLICABLE, (m.LEVEL_NOT_CLAIMED(),))
    reasons: list[Reason] = []
    for level in spec.levels:
        concept = level.concept
        if concept is None:
            reasons.append(m.LEVEL_NO_FRAMEWORK(value=level.value))
        else:
            reasons.append(m.LEVEL_CLAIMED(level=concept.label("en"), level_pl=concept.label("pl")))
    eqf = {level.eqf for level in spec.levels if level.eqf is not None}
    if len(eqf) > 1:
        concepts = [level.concept for level in spec.levels if level.concept]
        reasons.append(
            m.LEVEL_INCONSISTENT(
                levels=_join([c.label("en") for c in concepts]),
                levels_pl=_join([c.label("pl") for c in concepts]),
            )
        )
    return _result(E.LEVEL, reasons)


def check_assessment(spec: MicroCredentialSpec, award: Award | None) -> ElementResult:
    assessment = spec.assessment
    if assessment is None:  # unstated is missing, not "no assessment" (that is methods: [none])
        return _result(E.ASSESSMENT, [m.ASSESSMENT_UNSTATED()], missing=True)
    methods = assessment.methods
    reasons = [
        m.ASSESSMENT_METHODS(
            methods=_join([x.label("en") for x in methods]),
            methods_pl=_join([x.label("pl") for x in methods]),
        )
    ]
    if all(x is AssessmentMethod.NONE for x in methods):
        reasons.append(m.ASSESSMENT_NONE())
        return ElementResult(E.ASSESSMENT, S.MISSING, tuple(reasons))
    if AssessmentMethod.NONE in methods:
        reasons.append(m.ASSESSMENT_NONE_MIXED())
    if all(x is AssessmentMethod.OTHER for x in methods) and assessment.description is None:
        reasons.append(m.ASSESSMENT_OTHER_ONLY())
    if not any(x.independent for x in methods):
        reasons.append(m.ASSESSMENT_SELF_ONLY())
    if assessment.criteria is None:
        reasons.append(m.ASSESSMENT_NO_CRITERIA())
    return _result(E.ASSESSMENT, reasons)


def check_participation(spec: MicroCredentialSpec, award: Award | None) -> ElementResult:
    form = spec.form_of_participation
    if form is None:
        return _result(E.PARTICIPATION, [], missing=True)
    return _result(
        E.PARTICIPATION, [m.ELEMENT_PRESENT(what=form.label("en"), what_pl=form.label("pl"))]
    )


def check_quality_assurance(spec: MicroCredentialSpec, award: Award | None) -> ElementResult:
    qa = spec.quality_assurance
    if qa is None:
        return _result(E.QUALITY_ASSURANCE, [], missing=True)
    reasons = [
        m.QA_TYPES(
            types=_join([t.label("en") for t in qa.types]),
            types_pl=_join([t.label("pl") for t in qa.types]),
        )
    ]
    if all(t is QualityAssuranceType.INTERNAL for t in qa.types):
        reasons.append(m.QA_INTERNAL_ONLY())
    return _result(E.QUALITY_ASSURANCE, reasons)


def check_prerequisites(spec: MicroCredentialSpec, award: Award | None) -> ElementResult:
    if spec.prerequisites is None:
        return _optional_absent(E.PREREQUISITES)
    text = spec.prerequisites
    return _result(
        E.PREREQUISITES, [m.ELEMENT_PRESENT(what=text.get("en"), what_pl=text.get("pl"))]
    )


def check_supervision(spec: MicroCredentialSpec, award: Award | None) -> ElementResult:
    level = spec.supervision
    if level is None:
        return _optional_absent(E.SUPERVISION)
    return _result(
        E.SUPERVISION, [m.ELEMENT_PRESENT(what=level.label("en"), what_pl=level.label("pl"))]
    )


def _grading_scheme(spec: MicroCredentialSpec) -> dict[str, str] | None:
    """The grading scheme in words: the design's text, else its scale's grades."""
    if spec.grading is not None:
        return {"scheme": spec.grading.get("en"), "scheme_pl": spec.grading.get("pl")}
    if spec.grading_scale:
        return {
            "scheme": " / ".join(g.label("en") for g in spec.grading_scale),
            "scheme_pl": " / ".join(g.label("pl") for g in spec.grading_scale),
        }
    return None


def check_grade(spec: MicroCredentialSpec, award: Award | None) -> ElementResult:
    if award is not None and award.grade is not None:
        grade = award.grade
        reasons = [m.ELEMENT_PRESENT(what=grade.get("en"), what_pl=grade.get("pl"))]
        if problem := grade_problem(spec, grade):
            detail, detail_pl = problem.text("en"), problem.text("pl")
            reasons.append(m.GRADE_OFF_SCALE(detail=detail, detail_pl=detail_pl))
        return _result(E.GRADE, reasons)
    scheme = _grading_scheme(spec)
    if scheme is None:
        return _optional_absent(E.GRADE)
    if award is None:
        return ElementResult(E.GRADE, S.AT_AWARD, (m.GRADE_AT_AWARD(**scheme),))
    return ElementResult(E.GRADE, S.WEAK, (m.GRADE_NOT_RECORDED(**scheme),))


def check_integration(spec: MicroCredentialSpec, award: Award | None) -> ElementResult:
    integration = spec.integration
    if integration is None:
        return _optional_absent(E.INTEGRATION)
    option = integration.option
    reasons = [m.ELEMENT_PRESENT(what=option.label("en"), what_pl=option.label("pl"))]
    reasons += [
        m.ELEMENT_PRESENT(what=t.get("en"), what_pl=t.get("pl")) for t in integration.towards
    ]
    if option is not IntegrationOption.STAND_ALONE and not integration.towards:
        reasons.append(
            m.INTEGRATION_NO_TARGET(option=option.label("en"), option_pl=option.label("pl"))
        )
    return _result(E.INTEGRATION, reasons)


def check_further_information(spec: MicroCredentialSpec, award: Award | None) -> ElementResult:
    info = spec.further_information
    if info is None:
        return _optional_absent(E.FURTHER_INFORMATION)
    en = " ".join(x for x in (info.text.get("en") if info.text else None, info.url) if x)
    pl = " ".join(x for x in (info.text.get("pl") if info.text else None, info.url) if x)
    return _result(E.FURTHER_INFORMATION, [m.ELEMENT_PRESENT(what=en, what_pl=pl)])


_Check = Callable[[MicroCredentialSpec, "Award | None"], ElementResult]
_DATE = None  # the date of issue's place: its check is made for the moment of checking
#: every Annex I element's check, in the order Annex I lists them
_CHECKS: tuple[_Check | None, ...] = (
    check_learner,
    check_title,
    check_country,
    check_awarding_body,
    _DATE,
    check_outcomes,
    check_workload,
    check_level,
    check_assessment,
    check_participation,
    check_quality_assurance,
    check_prerequisites,
    check_supervision,
    check_grade,
    check_integration,
    check_further_information,
)
#: the checks that read the award (the learner, the grade; the date is apart)
_OF_THE_AWARD: frozenset[_Check] = frozenset({check_learner, check_grade})


def spec_results(spec: MicroCredentialSpec) -> tuple[ElementResult | None, ...]:
    """The results of the elements that depend on the specification alone, in Annex I's
    order (``None`` where the award decides: learner, date, grade), so that a caller
    checking many awards of one design computes them once."""
    return tuple(
        None if check is _DATE or check in _OF_THE_AWARD else check(spec, None) for check in _CHECKS
    )


def check_elements(
    spec: MicroCredentialSpec, award: Award | None, now: dt.datetime,
    of_spec: tuple[ElementResult | None, ...] | None = None,
) -> tuple[ElementResult, ...]:  # fmt: skip
    """Every Annex I element's result, in the order Annex I lists them; ``of_spec`` is
    :func:`spec_results` of ``spec`` when the caller has it."""
    known = of_spec if of_spec is not None else spec_results(spec)
    check_date = make_check_date(now)
    return tuple(
        found if found is not None else (check or check_date)(spec, award)
        for check, found in zip(_CHECKS, known, strict=True)
    )
