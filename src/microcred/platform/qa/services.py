"""Writes of the qa app: a QA officer's review of a submitted design version — the
decision and its Annex II checklist, written together or not at all.

The rules of a decision (the Recommendation's Annex II: a micro-credential is designed
and issued according to all ten principles):

- **approve** — every principle has a finding and none is *not met*; *not applicable*
  says why in its comment (the Recommendation applies every principle to every
  micro-credential, so an exception is explained); only while the provider is verified;
- **request changes** / **reject** — a reason, and at least one principle *not met* or
  commented (the provider is told what to change);
- each decision closes the version's review: the version leaves the queue, and the review
  and its checklist are history, never edited.
"""

from __future__ import annotations

__all__ = ["COMMENT_LIMIT", "ChecklistEntry", "design_review"]

from collections.abc import Mapping
from datetime import datetime

from django.db import transaction
from pydantic import BaseModel, ConfigDict

from ...standard.annexes import AnnexIIPrinciple
from ...standard.messages import Message
from ..accounts.models import Membership, Role, User
from ..catalog.listing import listings_refresh
from ..catalog.models import DesignStatus, DesignVersion
from ..core.errors import ConflictError, InvalidInputError, PermissionDeniedError
from . import messages as m
from .models import Answer, ChecklistAnswer, DesignReview, ReviewDecision

#: the longest comment or reason kept
COMMENT_LIMIT = 4000

_AFTER = {
    ReviewDecision.APPROVE: DesignStatus.APPROVED,
    ReviewDecision.REQUEST_CHANGES: DesignStatus.CHANGES_REQUESTED,
    ReviewDecision.REJECT: DesignStatus.REJECTED,
}


class ChecklistEntry(BaseModel):
    """The officer's finding on one principle (``None``: not answered) and a comment."""

    model_config = ConfigDict(frozen=True)

    answer: Answer | None = None
    comment: str = ""


def _problems(decision: ReviewDecision, reason: str,
              checklist: Mapping[str, ChecklistEntry]) -> dict[str, list[Message]]:  # fmt: skip
    """Every broken rule, by field: ``reason``, ``checklist`` or ``checklist.<principle>``."""
    found: dict[str, list[Message]] = {}

    def add(field: str, message: Message) -> None:
        found.setdefault(field, []).append(message)

    keys = {str(p) for p in AnnexIIPrinciple}
    for key in checklist:
        if key not in keys:
            add("checklist", m.UNKNOWN_PRINCIPLE)
    if len(reason) > COMMENT_LIMIT:
        add("reason", m.TOO_LONG)
    entries = {p: checklist.get(str(p), ChecklistEntry()) for p in AnnexIIPrinciple}
    for principle, entry in entries.items():
        field = f"checklist.{principle}"
        if len(entry.comment) > COMMENT_LIMIT:
            add(field, m.TOO_LONG)
        if entry.answer == Answer.NOT_APPLICABLE and not entry.comment.strip():
            add(field, m.NOT_APPLICABLE_NEEDS_COMMENT)
        if decision == ReviewDecision.APPROVE:
            if entry.answer is None:
                add(field, m.PRINCIPLE_UNANSWERED)
            elif entry.answer == Answer.NOT_MET:
                add(field, m.APPROVAL_WITH_UNMET)
    if decision != ReviewDecision.APPROVE:
        if not reason:
            add("reason", m.REVIEW_NEEDS_REASON)
        if not any(e.answer == Answer.NOT_MET or e.comment.strip() for e in entries.values()):
            add("checklist", m.REVIEW_NEEDS_FINDING)
    return found


def _limit(message: Message) -> dict[str, object]:
    return {"limit": COMMENT_LIMIT} if message is m.TOO_LONG else {}


@transaction.atomic
def design_review(*, officer: User, version: DesignVersion, decision: ReviewDecision,
                  reason: str, checklist: Mapping[str, ChecklistEntry],
                  now: datetime) -> DesignReview:  # fmt: skip
    """Decide on a submitted version with the Annex II checklist (``checklist`` maps a
    principle's key to the officer's entry; a principle left out is unanswered).
    Approving publishes the version in the registry. Raises before writing anything:
    :class:`PermissionDeniedError` (not a QA officer), :class:`InvalidInputError` (a rule
    above broken; ``extra["fields"]`` maps each field to its message codes),
    :class:`ConflictError` (the version is not awaiting review; approval of an unverified
    provider's design)."""
    membership = (Membership.objects.filter(user=officer, role=Role.QA_OFFICER)
                  .select_related("organisation").first())  # fmt: skip
    if membership is None:
        raise PermissionDeniedError(m.NOT_QA_OFFICER)
    decision, reason = ReviewDecision(decision), reason.strip()
    problems = _problems(decision, reason, checklist)
    if problems:
        first = next(iter(problems.values()))[0]
        count = sum(len(v) for v in problems.values())
        message, params = (first, _limit(first)) if count == 1 else (m.REVIEW_INVALID,
                                                                      {"count": count})  # fmt: skip
        raise InvalidInputError(message, extra={"fields": {
            field: [x.code for x in messages] for field, messages in problems.items()
        }}, **params)  # fmt: skip
    version = (DesignVersion.objects.select_for_update().select_related("design__provider")
               .get(pk=version.pk))  # fmt: skip
    if version.status != DesignStatus.SUBMITTED:
        raise ConflictError(m.NOT_SUBMITTED, status=DesignStatus(version.status).label)
    provider = version.design.provider
    if decision == ReviewDecision.APPROVE and not provider.verified:
        raise ConflictError(m.PROVIDER_NOT_VERIFIED, provider=provider.legal_name)
    version.status = _AFTER[decision]
    version.approved_at = now if decision == ReviewDecision.APPROVE else None
    version.save(update_fields=["status", "approved_at"])
    if decision == ReviewDecision.APPROVE:
        listings_refresh(design_id=version.design_id)  # now in the registry
    review = DesignReview.objects.create(version=version, officer=officer,
                                         qa_body=membership.organisation, decision=decision,
                                         reason=reason, decided_at=now)  # fmt: skip
    ChecklistAnswer.objects.bulk_create(
        ChecklistAnswer(review=review, principle=str(p),
                        answer=(entry := checklist.get(str(p), ChecklistEntry())).answer or "",
                        comment=entry.comment.strip())
        for p in AnnexIIPrinciple
    )  # fmt: skip
    return review
