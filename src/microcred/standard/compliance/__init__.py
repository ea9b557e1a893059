"""Is it a micro-credential? ``check(spec) -> ComplianceReport``.

For every Annex I element the report says present / weak / missing (or at-award for
the learner and the date, which each award adds), with reasons in Polish and English;
for each Annex II principle, what the design evidences; and the verdict:

- ``participation-badge`` — no learning outcomes (or only activities), or no assessment;
- ``incomplete`` — assessed outcomes, but a mandatory element missing or weak;
- ``micro-credential`` — every mandatory element present, outcomes assessed.

``check`` also takes an :class:`~microcred.standard.elements.Award`, and then checks
the learner's identification, the date of issue and the grade too.
"""

from __future__ import annotations

__all__ = [
    "ComplianceReport",
    "ElementResult",
    "ElementStatus",
    "Evidence",
    "PrincipleResult",
    "Reason",
    "Verdict",
    "check",
]

import datetime as dt

from ..annexes import AnnexIElement
from ..elements import Award, MicroCredentialSpec
from . import messages as m
from .annex_i import check_elements
from .annex_ii import check_principles
from .report import (
    ComplianceReport,
    ElementResult,
    ElementStatus,
    Evidence,
    PrincipleResult,
    Reason,
    Verdict,
)


def check(
    subject: MicroCredentialSpec | Award, *, now: dt.datetime | None = None
) -> ComplianceReport:
    """Check a design (or an award) against Annex I and Annex II.

    ``now`` (default: the current UTC time) decides whether a date of issue lies in the
    future. Never raises on a valid model: everything it finds goes into the report.
    """
    now = now or dt.datetime.now(dt.UTC)
    award = subject if isinstance(subject, Award) else None
    spec = award.spec if award else subject
    assert isinstance(spec, MicroCredentialSpec)  # noqa: S101 - narrows the union for mypy
    elements = check_elements(spec, award, now)
    verdict, reasons = _verdict(elements)
    return ComplianceReport(verdict, elements, check_principles(spec), reasons)


def _verdict(elements: tuple[ElementResult, ...]) -> tuple[Verdict, tuple[Reason, ...]]:
    by_element = {r.element: r for r in elements}
    outcomes = by_element[AnnexIElement.LEARNING_OUTCOMES]
    assessment = by_element[AnnexIElement.ASSESSMENT]
    badge: list[Reason] = []
    only_activities = any(r.code == m.OUTCOMES_ALL_ACTIVITIES.code for r in outcomes.reasons)
    if outcomes.status is ElementStatus.MISSING or only_activities:
        badge.append(m.VERDICT_NO_OUTCOMES())
    if assessment.status is ElementStatus.MISSING:
        badge.append(m.VERDICT_NO_ASSESSMENT())
    if badge:
        return Verdict.PARTICIPATION_BADGE, tuple(badge)
    lacking = [
        r.element
        for r in elements
        if r.mandatory and r.status in (ElementStatus.MISSING, ElementStatus.WEAK)
    ]
    if lacking:
        reason = m.VERDICT_INCOMPLETE(
            elements=", ".join(e.short_label("en") for e in lacking),
            elements_pl=", ".join(e.short_label("pl") for e in lacking),
        )
        return Verdict.INCOMPLETE, (reason,)
    return Verdict.MICRO_CREDENTIAL, (m.VERDICT_OK(),)
