"""The verdict: micro-credential, participation badge, or incomplete.

- ``participation-badge`` — no learning outcomes, or every statement describes an
  activity; or a design that *says* its outcomes are not assessed (``methods: [none]``,
  attendance only). The Recommendation's definition (§5a) needs learning outcomes
  assessed against transparent standards.
- ``incomplete`` — a mandatory Annex I element is missing or weak; an assessment that
  is simply not stated is such a missing element (a postgraduate course whose
  description leaves it out is not thereby a badge: it must say how it assesses).
- ``micro-credential`` — every mandatory element present, none weak.
"""

from __future__ import annotations

__all__ = ["decide"]

from ..annexes import AnnexIElement
from . import messages as m
from .report import ElementResult, ElementStatus, Reason, Verdict


def decide(elements: tuple[ElementResult, ...]) -> tuple[Verdict, tuple[Reason, ...]]:
    """The verdict from the Annex I results, with the reasons for it."""
    by_element = {r.element: r for r in elements}
    outcomes = by_element[AnnexIElement.LEARNING_OUTCOMES]
    assessment = by_element[AnnexIElement.ASSESSMENT]
    badge: list[Reason] = []
    if outcomes.status is ElementStatus.MISSING:
        badge.append(m.VERDICT_NO_OUTCOMES())
    elif any(r.code == m.OUTCOMES_ALL_ACTIVITIES.code for r in outcomes.reasons):
        badge.append(m.VERDICT_ONLY_ACTIVITIES())
    if any(r.code == m.ASSESSMENT_NONE.code for r in assessment.reasons):
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
