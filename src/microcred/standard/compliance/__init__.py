"""Is it a micro-credential? ``check(spec) -> ComplianceReport``.

For every Annex I element the report says present / weak / missing (or at-award for
the learner and the date, which each award adds), with reasons in Polish and English
(:mod:`.annex_i`); for each Annex II principle, what the design evidences
(:mod:`.annex_ii`, which also names the elements that bear on each principle:
:func:`elements_bearing_on`); and the verdict (:mod:`.verdict`).

``check`` also takes an :class:`~microcred.standard.elements.Award`, and then checks
the learner's identification, the date of issue and the grade too.
"""

from __future__ import annotations

__all__ = [
    "BEARING_ELEMENTS",
    "ComplianceReport",
    "ElementResult",
    "ElementStatus",
    "Evidence",
    "PrincipleResult",
    "Reason",
    "Verdict",
    "check",
    "elements_bearing_on",
]

import datetime as dt

from ..caching import BoundedCache
from ..elements import Award, MicroCredentialSpec
from .annex_i import check_elements, spec_results
from .annex_ii import BEARING_ELEMENTS, check_principles, elements_bearing_on
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
    # the entry holds its spec, so no other living object can have that id
    _, of_spec, principles = _BY_SPEC.get_or_compute(id(spec), lambda: _of_spec(spec))
    elements = check_elements(spec, award, now, of_spec)
    verdict, reasons = decide(elements)
    return ComplianceReport(verdict, elements, principles, reasons)


_OfSpec = tuple[MicroCredentialSpec, tuple[ElementResult | None, ...], tuple[PrincipleResult, ...]]
#: what the check finds in a specification alone, for the specifications lately checked,
#: by identity (each entry holds its specification, so no other object can take its id):
#: ``ob3.read`` shares one specification among the credentials of a design, and verifying
#: a batch checks each design's elements and principles once. Specifications are frozen.
_BY_SPEC: BoundedCache[int, _OfSpec] = BoundedCache(256)


def _of_spec(spec: MicroCredentialSpec) -> _OfSpec:
    return spec, spec_results(spec), check_principles(spec)
