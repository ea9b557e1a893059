"""qa.services: a QA officer's review of a submitted design — only submitted versions,
only by QA officers, a reason for anything but approval, publication only for a verified
provider; each failure writing nothing."""

from __future__ import annotations

import pytest

from microcred.platform.accounts.models import User
from microcred.platform.catalog.models import DesignStatus, DesignVersion
from microcred.platform.catalog.services import design_import, design_version_submit
from microcred.platform.core.errors import ConflictError, InvalidInputError, PermissionDeniedError
from microcred.platform.providers.models import Decision, Provider
from microcred.platform.providers.services import provider_decide
from microcred.platform.qa import messages as m
from microcred.platform.qa.models import DesignReview, ReviewDecision
from microcred.platform.qa.services import design_review

from ...conftest import EXAMPLES
from ..conftest import NOW, admin_of

pytestmark = pytest.mark.django_db


def submitted(provider: Provider, officer: User) -> DesignVersion:
    provider_decide(officer=officer, provider=provider, decision=Decision.APPROVE, reason="",
                    now=NOW)  # fmt: skip
    provider.refresh_from_db()
    version = design_import(
        user=admin_of(provider),
        provider=provider,
        now=NOW,
        text=(EXAMPLES / "python-basics.yaml").read_text(encoding="utf-8"),
    )
    return design_version_submit(user=admin_of(provider), version=version, now=NOW)


def test_approval_publishes(provider_a: Provider, qa_officer: User) -> None:
    version = submitted(provider_a, qa_officer)
    review = design_review(officer=qa_officer, version=version, decision=ReviewDecision.APPROVE,
                           reason="", now=NOW)  # fmt: skip
    version.refresh_from_db()
    assert version.status == DesignStatus.APPROVED
    assert review.qa_body.kind == "qa_body"


def test_the_rules_of_a_review(provider_a: Provider, qa_officer: User) -> None:
    version = submitted(provider_a, qa_officer)
    with pytest.raises(PermissionDeniedError):
        design_review(officer=admin_of(provider_a), version=version,
                      decision=ReviewDecision.APPROVE, reason="", now=NOW)  # fmt: skip
    with pytest.raises(InvalidInputError) as raised:
        design_review(officer=qa_officer, version=version, decision=ReviewDecision.REJECT,
                      reason=" ", now=NOW)  # fmt: skip
    assert raised.value.code == m.REVIEW_NEEDS_REASON.code
    provider_decide(officer=qa_officer, provider=provider_a, decision=Decision.SUSPEND,
                    reason="audit", now=NOW)  # fmt: skip
    with pytest.raises(ConflictError) as suspended:
        design_review(officer=qa_officer, version=version, decision=ReviewDecision.APPROVE,
                      reason="", now=NOW)  # fmt: skip
    assert suspended.value.code == m.PROVIDER_NOT_VERIFIED.code
    assert not DesignReview.objects.exists()
    design_review(officer=qa_officer, version=version, decision=ReviewDecision.REQUEST_CHANGES,
                  reason="add assessment criteria", now=NOW)  # fmt: skip
    with pytest.raises(ConflictError) as again:
        design_review(officer=qa_officer, version=version, decision=ReviewDecision.APPROVE,
                      reason="", now=NOW)  # fmt: skip
    assert again.value.code == m.NOT_SUBMITTED.code
