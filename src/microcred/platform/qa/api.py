"""The QA body's REST endpoints, over the same services and selectors as the pages:

- ``GET /api/v1/qa/queue`` — the versions awaiting a decision (QA body);
- ``GET /api/v1/qa/versions/{id}/checklist`` — the Annex II checklist with the evidence
  pre-filled from the version's compliance report (QA body);
- ``POST /api/v1/qa/versions/{id}/reviews`` — a decision with its checklist (QA officer);
- ``GET /api/v1/qa/designs/{id}/history`` — every version and review of a design (QA body,
  the provider's own people; anyone else 404);
- ``GET /api/v1/qa/stats`` — the statistics per provider (QA body);
- ``GET /api/v1/qa/providers/{id}/dashboard`` — a provider's reviews, open requests for
  changes, statistics and learners' feedback (its own people, the QA body; anyone else
  404);
- ``POST /api/v1/qa/awards/{id}/feedback`` — the learner's rating and comment on an award
  (its learner, once).
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Schema, Status
from pydantic import Field

from ..core.language import current_language
from ..issuance.selectors import award_for
from ..providers.selectors import provider_for
from .feedback import FeedbackSummary, feedback_give, feedback_summary
from .models import DesignReview, ReviewDecision
from .selectors import (
    ProviderStats,
    change_requests_of,
    design_history,
    provider_stats,
    review_queue,
    reviewable_version,
    reviews_of_provider,
    stats_for_qa_body,
    version_checklist,
)
from .services import COMMENT_LIMIT, ChecklistEntry, design_review

router = Router(tags=["qa"])


class QueueItemOut(Schema):
    id: int
    design_id: int
    number: int
    title_pl: str
    title_en: str
    provider: str
    submitted_at: datetime | None


class ElementOut(Schema):
    element: str
    label: str
    status: str
    status_label: str
    mandatory: bool
    reasons: list[str]


class PrincipleOut(Schema):
    principle: str
    number: int
    label: str
    evidence: str
    reasons: list[str]
    elements: list[ElementOut]


class ChecklistOut(Schema):
    version_id: int
    status: str
    principles: list[PrincipleOut]


class AnswerOut(Schema):
    principle: str
    answer: str
    comment: str


class ReviewOut(Schema):
    id: int
    version_id: int
    version_number: int
    decision: str
    reason: str
    officer: str
    qa_body: str
    decided_at: datetime
    checklist: list[AnswerOut]


class ReviewIn(Schema):
    decision: ReviewDecision
    reason: str = Field("", max_length=COMMENT_LIMIT)
    checklist: dict[str, ChecklistEntry] = Field(default_factory=dict)


class VersionHistoryOut(Schema):
    id: int
    number: int
    status: str
    submitted_at: datetime | None
    reviews: list[ReviewOut]


class HistoryOut(Schema):
    design_id: int
    provider: str
    versions: list[VersionHistoryOut]


class UnmetOut(Schema):
    principle: str
    times: int


class StatsOut(Schema):
    provider_id: int
    provider: str
    designs_submitted: int
    versions_submitted: int
    approved: int
    changes_requested: int
    rejected: int
    awaiting: int
    median_days_to_decision: float | None
    most_unmet: list[UnmetOut]


class VersionFeedbackOut(Schema):
    version_id: int
    number: int
    title_pl: str
    title_en: str
    count: int
    average: float


class CommentOut(Schema):
    rating: int
    comment: str
    version_id: int
    given_at: datetime


class FeedbackOut(Schema):
    count: int
    average: float | None
    #: how many learners gave each rating, "5" to "1"
    distribution: dict[str, int]
    versions: list[VersionFeedbackOut]
    recent: list[CommentOut]


class DashboardOut(Schema):
    stats: StatsOut
    open_change_requests: list[ReviewOut]
    reviews: list[ReviewOut]
    feedback: FeedbackOut


class FeedbackIn(Schema):
    rating: int
    comment: str = ""


class GivenOut(Schema):
    award_id: UUID
    rating: int
    comment: str
    given_at: datetime


def _feedback(summary: FeedbackSummary) -> FeedbackOut:
    return FeedbackOut(
        count=summary.count, average=summary.average,
        distribution={str(r): n for r, n in summary.distribution},
        versions=[VersionFeedbackOut(**vars(v)) for v in summary.versions],
        recent=[CommentOut(rating=c.rating, comment=c.comment, version_id=c.award.version_id,
                           given_at=c.given_at) for c in summary.recent],
    )  # fmt: skip


def _review(review: DesignReview) -> ReviewOut:
    return ReviewOut(
        id=review.pk, version_id=review.version_id, version_number=review.version.number,
        decision=review.decision, reason=review.reason, officer=str(review.officer),
        qa_body=review.qa_body.name, decided_at=review.decided_at,
        checklist=[AnswerOut(principle=a.principle, answer=a.answer, comment=a.comment)
                   for a in review.answers.all()],
    )  # fmt: skip


def _stats(stats: ProviderStats) -> StatsOut:
    return StatsOut(
        provider_id=stats.provider.pk, provider=stats.provider.legal_name,
        designs_submitted=stats.designs_submitted, versions_submitted=stats.versions_submitted,
        approved=stats.approved, changes_requested=stats.changes_requested,
        rejected=stats.rejected, awaiting=stats.awaiting,
        median_days_to_decision=stats.median_days,
        most_unmet=[UnmetOut(principle=str(p), times=n) for p, n in stats.unmet],
    )  # fmt: skip


@router.get("/queue", response=list[QueueItemOut])
def queue(request: HttpRequest) -> list[QueueItemOut]:
    return [QueueItemOut(id=v.pk, design_id=v.design_id, number=v.number, title_pl=v.title_pl,
                         title_en=v.title_en, provider=v.design.provider.legal_name,
                         submitted_at=v.submitted_at)
            for v in review_queue(request.user)]  # fmt: skip


@router.get("/versions/{version_id}/checklist", response=ChecklistOut)
def checklist(request: HttpRequest, version_id: int) -> ChecklistOut:
    version = reviewable_version(request.user, version_id)
    rows = version_checklist(version, current_language(), timezone.now())
    return ChecklistOut(version_id=version.pk, status=version.status, principles=[
        PrincipleOut(principle=r.key, number=r.number, label=r.label, evidence=r.evidence,
                     reasons=r.reasons,
                     elements=[ElementOut(**e) for e in r.elements])  # type: ignore[arg-type]
        for r in rows
    ])  # fmt: skip


@router.post("/versions/{version_id}/reviews", response={201: ReviewOut})
def review(request: HttpRequest, version_id: int, payload: ReviewIn) -> Status[ReviewOut]:
    version = reviewable_version(request.user, version_id)
    made = design_review(officer=request.user, version=version,  # type: ignore[arg-type]
                         decision=payload.decision, reason=payload.reason,
                         checklist=payload.checklist, now=timezone.now())  # fmt: skip
    return Status(201, _review(made))


@router.get("/designs/{design_id}/history", response=HistoryOut)
def history(request: HttpRequest, design_id: int) -> HistoryOut:
    design, versions = design_history(request.user, design_id)
    return HistoryOut(design_id=design.pk, provider=design.provider.legal_name, versions=[
        VersionHistoryOut(id=v.pk, number=v.number, status=v.status,
                          submitted_at=v.submitted_at,
                          reviews=[_review(r) for r in v.reviews.all()])
        for v in versions
    ])  # fmt: skip


@router.get("/stats", response=list[StatsOut])
def stats(request: HttpRequest) -> list[StatsOut]:
    return [_stats(s) for s in stats_for_qa_body(request.user)]


@router.get("/providers/{provider_id}/dashboard", response=DashboardOut)
def dashboard(request: HttpRequest, provider_id: int) -> DashboardOut:
    provider = provider_for(request.user, provider_id)
    (own,) = provider_stats(type(provider).objects.filter(pk=provider.pk))
    return DashboardOut(
        stats=_stats(own),
        open_change_requests=[_review(r) for r in change_requests_of(provider)],
        reviews=[_review(r) for r in reviews_of_provider(provider)[:100]],
        feedback=_feedback(feedback_summary(provider)),
    )


@router.post("/awards/{award_id}/feedback", response={201: GivenOut})
def give_feedback(request: HttpRequest, award_id: UUID, payload: FeedbackIn) -> Status[GivenOut]:
    award = award_for(request.user, award_id)
    given = feedback_give(user=request.user, award=award, rating=payload.rating,
                          comment=payload.comment, now=timezone.now())  # fmt: skip
    return Status(
        201,
        GivenOut(
            award_id=award.pk, rating=given.rating, comment=given.comment, given_at=given.given_at
        ),
    )
