"""qa.selectors: the checklist's evidence from the standard's report, a design's history,
open requests for changes, and the statistics per provider on a known set of reviews
(counts, the median days from submission to decision with an odd and an even number of
decisions, the principles most often not met)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from microcred.platform.accounts.models import User
from microcred.platform.catalog.models import DesignVersion
from microcred.platform.catalog.selectors import compliance_of
from microcred.platform.providers.models import Provider
from microcred.platform.qa.models import ReviewDecision
from microcred.platform.qa.selectors import (
    change_requests_of,
    checklist_of,
    design_history,
    provider_stats,
    stats_for_qa_body,
)
from microcred.platform.qa.services import ChecklistEntry, design_review
from microcred.standard.annexes import AnnexIIPrinciple as P
from microcred.standard.compliance import elements_bearing_on

from ..conftest import NOW
from .helpers import NOT_MET, all_met, submitted

pytestmark = pytest.mark.django_db


def day(n: float) -> object:
    return NOW + timedelta(days=n)


def decide(officer: User, version: DesignVersion, decision: ReviewDecision, at: float,
           *unmet: P) -> None:  # fmt: skip
    checklist: dict[str, ChecklistEntry] = (
        all_met() if decision == ReviewDecision.APPROVE else {str(p): NOT_MET for p in unmet}
    )
    design_review(officer=officer, version=version, decision=decision, now=day(at),  # type: ignore[arg-type]
                  reason="" if decision == ReviewDecision.APPROVE else "see the checklist",
                  checklist=checklist)  # fmt: skip


@pytest.fixture
def known(provider_a: Provider, provider_b: Provider, qa_officer: User) -> None:
    """A: 3 designs, 4 versions (changes, then approval; a rejection; one awaiting);
    B: 1 design, 2 versions (changes, then approval)."""
    a1 = submitted(provider_a, qa_officer, at=day(0))
    decide(qa_officer, a1, ReviewDecision.REQUEST_CHANGES, 2, P.VALID_ASSESSMENT,
           P.LEARNER_CENTRED)  # fmt: skip
    a1b = submitted(provider_a, qa_officer, at=day(3), design=a1.design)
    decide(qa_officer, a1b, ReviewDecision.APPROVE, 4)
    a2 = submitted(provider_a, qa_officer, at=day(0))
    decide(qa_officer, a2, ReviewDecision.REJECT, 10, P.VALID_ASSESSMENT, P.RELEVANCE)
    submitted(provider_a, qa_officer, at=day(5))
    b1 = submitted(provider_b, qa_officer, at=day(0))
    decide(qa_officer, b1, ReviewDecision.REQUEST_CHANGES, 3, P.QUALITY)
    b1b = submitted(provider_b, qa_officer, at=day(4), design=b1.design)
    decide(qa_officer, b1b, ReviewDecision.APPROVE, 8)


@pytest.mark.usefixtures("known")
def test_statistics_per_provider(provider_a: Provider, provider_b: Provider,
                                 qa_officer: User) -> None:  # fmt: skip
    stats = {s.provider.pk: s for s in stats_for_qa_body(qa_officer)}
    a, b = stats[provider_a.pk], stats[provider_b.pk]
    assert (a.designs_submitted, a.versions_submitted, a.approved, a.changes_requested,
            a.rejected, a.awaiting, a.decided) == (3, 4, 1, 1, 1, 1, 3)  # fmt: skip
    assert a.median_days == 2.0  # decisions after 2, 1 and 10 days
    assert a.unmet == [(P.VALID_ASSESSMENT, 2), (P.LEARNER_CENTRED, 1), (P.RELEVANCE, 1)]
    assert (b.designs_submitted, b.versions_submitted, b.approved, b.changes_requested,
            b.rejected, b.awaiting) == (1, 2, 1, 1, 0, 0)  # fmt: skip
    assert b.median_days == 3.5  # decisions after 3 and 4 days
    assert b.unmet == [(P.QUALITY, 1)]


@pytest.mark.usefixtures("known")
def test_statistics_of_one_provider_alone(provider_b: Provider) -> None:
    (only,) = provider_stats(Provider.objects.filter(pk=provider_b.pk))
    assert (only.provider, only.median_days, only.approved) == (provider_b, 3.5, 1)


def test_no_decision_no_median(provider_a: Provider, qa_officer: User) -> None:
    submitted(provider_a, qa_officer)
    (only,) = stats_for_qa_body(qa_officer)
    assert (only.versions_submitted, only.awaiting, only.median_days, only.unmet) == (
        1, 1, None, [])  # fmt: skip


def test_history_and_open_requests(provider_a: Provider, qa_officer: User) -> None:
    first = submitted(provider_a, qa_officer, at=day(0))
    decide(qa_officer, first, ReviewDecision.REQUEST_CHANGES, 1, P.GUIDANCE)
    (request,) = change_requests_of(provider_a)
    assert request.version == first
    assert [a.answer for a in request.answers.all() if a.principle == "guidance"] == ["not_met"]
    second = submitted(provider_a, qa_officer, at=day(2), design=first.design)
    assert change_requests_of(provider_a) == []  # a new version answers the request
    design, versions = design_history(qa_officer, first.design_id)
    assert design == first.design
    assert [v.pk for v in versions] == [second.pk, first.pk]
    assert [len(v.reviews.all()) for v in versions] == [0, 1]


def test_the_checklist_carries_the_standards_evidence(provider_a: Provider,
                                                      qa_officer: User) -> None:  # fmt: skip
    version = submitted(provider_a, qa_officer)
    report = compliance_of(version, NOW)
    rows = checklist_of(report, "pl")
    assert [r.principle for r in rows] == list(P)
    for row in rows:
        result = report.principle(row.principle)
        assert row.evidence == str(result.status)
        assert row.reasons == [x.text("pl") for x in result.reasons]
        assert [e["element"] for e in row.elements] == [
            str(e) for e in elements_bearing_on(row.principle)
        ]
        for element in row.elements:
            assert element["status"] == str(report.element(str(element["element"])).status)
    assert rows[0].label == "Jakość"
