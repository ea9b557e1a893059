"""Is it a micro-credential? ``check(spec) -> ComplianceReport``.

For every Annex I element the report says present / weak / missing (or at-award for
the learner and the date, which each award adds), with reasons in Polish and English
(:mod:`.annex_i`); for each Annex II principle, what the design evidences
(:mod:`.annex_ii`); and the verdict (:mod:`.verdict`).

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

from ..elements import Award, MicroCredentialSpec
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
from .verdict import decide


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
    verdict, reasons = decide(elements)
    return ComplianceReport(verdict, elements, check_principles(spec), reasons)
