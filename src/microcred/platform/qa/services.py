"""Writes of the qa app: a QA officer's review of a submitted design version."""

from __future__ import annotations

__all__ = ["design_review"]

from datetime import datetime

from django.db import transaction

from ..accounts.models import Membership, Role, User
from ..catalog.listing import listings_refresh
from ..catalog.models import DesignStatus, DesignVersion
from ..core.errors import ConflictError, InvalidInputError, PermissionDeniedError
from . import messages as m
from .models import DesignReview, ReviewDecision

_AFTER = {
    ReviewDecision.APPROVE: DesignStatus.APPROVED,
    ReviewDecision.REQUEST_CHANGES: DesignStatus.CHANGES_REQUESTED,
    ReviewDecision.REJECT: DesignStatus.REJECTED,
}


@transaction.atomic
def design_review(*, officer: User, version: DesignVersion, decision: ReviewDecision,
                  reason: str, now: datetime) -> DesignReview:  # fmt: skip
    """Decide on a submitted version: approving publishes it in the registry (only while
    its provider is verified); any other decision needs a reason."""
    membership = (Membership.objects.filter(user=officer, role=Role.QA_OFFICER)
                  .select_related("organisation").first())  # fmt: skip
    if membership is None:
        raise PermissionDeniedError(m.NOT_QA_OFFICER)
    decision, reason = ReviewDecision(decision), reason.strip()
    if decision != ReviewDecision.APPROVE and not reason:
        raise InvalidInputError(m.REVIEW_NEEDS_REASON, extra={"fields": {"reason": ["required"]}})
    version = (DesignVersion.objects.select_for_update().select_related("design__provider")
               .get(pk=version.pk))  # fmt: skip
    if version.status != DesignStatus.SUBMITTED:
        raise ConflictError(m.NOT_SUBMITTED, status=DesignStatus(version.status).label)
    provider = version.design.provider
    if decision == ReviewDecision.APPROVE and not provider.verified:
        raise ConflictError(m.PROVIDER_NOT_VERIFIED, provider=provider.legal_name)
    version.status = _AFTER[decision]
    version.save(update_fields=["status"])
    if decision == ReviewDecision.APPROVE:
        listings_refresh(design_id=version.design_id)  # now in the registry
    return DesignReview.objects.create(version=version, officer=officer,
                                       qa_body=membership.organisation, decision=decision,
                                       reason=reason, decided_at=now)  # fmt: skip
