"""The compliance report: per Annex I element and per Annex II principle, a status and
reasons in Polish and English, and the verdict.

JSON form (``ComplianceReport.to_dict(lang="en")``)::

    {"verdict": "micro-credential",
     "elements": [{"element": "workload", "mandatory": true, "status": "present",
                   "reasons": [{"code": "workload_hours_only", "message": "..."}]}, ...],
     "principles": [{"principle": "quality", "number": 1, "status": "partial",
                     "reasons": [...]}, ...]}
"""

from __future__ import annotations

__all__ = [
    "ComplianceReport",
    "ElementResult",
    "ElementStatus",
    "Evidence",
    "Message",
    "PrincipleResult",
    "Reason",
    "Severity",
    "Verdict",
]

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from ..annexes import AnnexIElement, AnnexIIPrinciple
from ..messages import Message, Reason, Severity


class Verdict(StrEnum):
    """What the checked design or award is."""

    MICRO_CREDENTIAL = "micro-credential"
    PARTICIPATION_BADGE = "participation-badge"
    INCOMPLETE = "incomplete"

    def label(self, lang: str = "en") -> str:
        """The verdict in words, in ``pl`` or ``en``."""
        return _VERDICT_LABELS[self].text(lang)


# the verdict in words
_VERDICT_LABELS: dict[Verdict, Message] = {
    Verdict.MICRO_CREDENTIAL: Message("micro-credential", "micro-credential", "mikropoświadczenie"),
    Verdict.PARTICIPATION_BADGE: Message(
        "participation-badge",
        "participation badge (not a micro-credential)",
        "odznaka za udział (nie mikropoświadczenie)",
    ),
    Verdict.INCOMPLETE: Message(
        "incomplete", "incomplete micro-credential", "niekompletne mikropoświadczenie"
    ),
}


class ElementStatus(StrEnum):
    """How an Annex I element is present."""

    PRESENT = "present"
    WEAK = "weak"
    MISSING = "missing"
    AT_AWARD = "at-award"  # belongs to each award (learner, date); checked on awards
    NOT_APPLICABLE = "not-applicable"  # optional or "where relevant", and not given

    def label(self, lang: str = "en") -> str:
        """The status in words, in ``pl`` or ``en``."""
        return _STATUS_LABELS[self].text(lang)


# an element's status in words
_STATUS_LABELS: dict[ElementStatus, Message] = {
    ElementStatus.PRESENT: Message("present", "present", "jest"),
    ElementStatus.WEAK: Message("weak", "weak", "słaby"),
    ElementStatus.MISSING: Message("missing", "missing", "brak"),
    ElementStatus.AT_AWARD: Message("at-award", "given at award", "podawany przy wydaniu"),
    ElementStatus.NOT_APPLICABLE: Message("not-applicable", "not applicable", "nie dotyczy"),
}


class Evidence(StrEnum):
    """How well the design evidences an Annex II principle."""

    EVIDENCED = "evidenced"
    PARTIAL = "partial"
    NOT_EVIDENCED = "not-evidenced"
    BY_PLATFORM = "by-platform"  # the issuing platform provides it, not the design


@dataclass(frozen=True)
class ElementResult:
    """The check of one Annex I element."""

    element: AnnexIElement
    status: ElementStatus
    reasons: tuple[Reason, ...] = ()

    @property
    def mandatory(self) -> bool:
        """Whether Annex I lists the element as mandatory."""
        return self.element.mandatory


@dataclass(frozen=True)
class PrincipleResult:
    """What the design evidences of one Annex II principle."""

    principle: AnnexIIPrinciple
    status: Evidence
    reasons: tuple[Reason, ...] = ()


@dataclass(frozen=True)
class ComplianceReport:
    """The result of :func:`microcred.standard.compliance.check`."""

    verdict: Verdict
    elements: tuple[ElementResult, ...]
    principles: tuple[PrincipleResult, ...]
    verdict_reasons: tuple[Reason, ...] = field(default=())

    def element(self, element: AnnexIElement | str) -> ElementResult:
        """The result for one element (by member or key)."""
        wanted = AnnexIElement(element)
        return next(r for r in self.elements if r.element is wanted)

    def principle(self, principle: AnnexIIPrinciple | str) -> PrincipleResult:
        """The result for one principle (by member or key)."""
        wanted = AnnexIIPrinciple(principle)
        return next(r for r in self.principles if r.principle is wanted)

    @property
    def is_micro_credential(self) -> bool:
        """True when the verdict is ``micro-credential``."""
        return self.verdict is Verdict.MICRO_CREDENTIAL

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """A JSON-ready dict with every text in ``lang``."""

        def reasons(items: tuple[Reason, ...]) -> list[dict[str, str]]:
            return [
                {"code": r.code, "severity": str(r.severity), "message": r.text(lang)}
                for r in items
            ]

        return {
            "verdict": str(self.verdict),
            "verdict_label": self.verdict.label(lang),
            "verdict_reasons": reasons(self.verdict_reasons),
            "elements": [
                {
                    "element": str(r.element),
                    "label": r.element.label(lang),
                    "short_label": r.element.short_label(lang),
                    "mandatory": r.mandatory,
                    "status": str(r.status),
                    "reasons": reasons(r.reasons),
                }
                for r in self.elements
            ],
            "principles": [
                {
                    "principle": str(r.principle),
                    "number": r.principle.number,
                    "label": r.principle.label(lang),
                    "status": str(r.status),
                    "reasons": reasons(r.reasons),
                }
                for r in self.principles
            ],
        }
