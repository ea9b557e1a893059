"""qa.services.design_review: a QA officer's decision on a submitted design with its
Annex II checklist — the rules of each decision, and every failure writing nothing (no
review, no checklist answer, the version unchanged)."""

from __future__ import annotations

from typing import Any

import pytest

from microcred.platform.accounts.models import User
from microcred.platform.catalog.models import DesignStatus, DesignVersion
from microcred.platform.core.errors import (
    ConflictError,
    InvalidInputError,
    PermissionDeniedError,
    PlatformError,
)
from microcred.platform.providers.models import Decision, Provider
from microcred.platform.providers.services import provider_decide
from microcred.platform.qa import messages as m
from microcred.platform.qa.models import Answer, ChecklistAnswer, DesignReview, ReviewDecision
from microcred.platform.qa.services import COMMENT_LIMIT, ChecklistEntry, design_review
from microcred.standard.annexes import AnnexIIPrinciple

from ..conftest import NOW, admin_of
from .helpers import NOT_MET, all_met, submitted

pytestmark = pytest.mark.django_db

APPROVE, CHANGES, REJECT = (ReviewDecision.APPROVE, ReviewDecision.REQUEST_CHANGES,
                            ReviewDecision.REJECT)  # fmt: skip


def refused(error: type[PlatformError], version: DesignVersion, **kwargs: Any) -> PlatformError:
    """Call design_review, expect ``error``, and check that nothing was written."""
    with pytest.raises(error) as raised:
        design_review(version=version, now=NOW, **kwargs)
    assert not DesignReview.objects.exists()
    assert not ChecklistAnswer.objects.exists()
    version.refresh_from_db()
    assert version.status == DesignStatus.SUBMITTED
    return raised.value


def test_approval_publishes_and_keeps_the_checklist(provider_a: Provider,
                                                    qa_officer: User) -> None:  # fmt: skip
    version = submitted(provider_a, qa_officer)
    portability = ChecklistEntry(answer=Answer.NOT_APPLICABLE, comment="  issued elsewhere ")
    review = design_review(officer=qa_officer, version=version, decision=APPROVE, reason="",
                           checklist=all_met(portability=portability), now=NOW)  # fmt: skip
    version.refresh_from_db()
    assert version.status == DesignStatus.APPROVED
    assert review.qa_body.kind == "qa_body"
    answers = list(review.answers.values_list("principle", "answer", "comment"))
    assert [a[0] for a in answers] == [str(p) for p in AnnexIIPrinciple]
    assert answers[6] == ("portability", "not_applicable", "issued elsewhere")


def test_a_request_for_changes_keeps_unanswered_principles(provider_a: Provider,
                                                           qa_officer: User) -> None:  # fmt: skip
    version = submitted(provider_a, qa_officer)
    review = design_review(officer=qa_officer, version=version, decision=CHANGES,
                           reason="assessment criteria", now=NOW,
                           checklist={"valid-assessment": NOT_MET})  # fmt: skip
    version.refresh_from_db()
    assert version.status == DesignStatus.CHANGES_REQUESTED
    answers = dict(review.answers.values_list("principle", "answer"))
    assert answers["valid-assessment"] == Answer.NOT_MET
    assert answers["quality"] == ""
    assert len(answers) == 10


def test_a_comment_alone_is_enough_to_reject(provider_a: Provider, qa_officer: User) -> None:
    version = submitted(provider_a, qa_officer)
    design_review(officer=qa_officer, version=version, decision=REJECT, reason="out of scope",
                  checklist={"relevance": ChecklistEntry(comment="no labour-market need")},
                  now=NOW)  # fmt: skip
    version.refresh_from_db()
    assert version.status == DesignStatus.REJECTED


def test_only_a_qa_officer_decides(provider_a: Provider, qa_officer: User) -> None:
    version = submitted(provider_a, qa_officer)
    refused(PermissionDeniedError, version, officer=admin_of(provider_a), decision=APPROVE,
            reason="", checklist=all_met())  # fmt: skip


@pytest.mark.parametrize(("checklist", "field", "code"), [
    pytest.param({}, "checklist.quality", m.PRINCIPLE_UNANSWERED, id="empty"),
    pytest.param(all_met(authentic=ChecklistEntry()), "checklist.authentic",
                 m.PRINCIPLE_UNANSWERED, id="one-unanswered"),
    pytest.param(all_met(relevance=NOT_MET), "checklist.relevance", m.APPROVAL_WITH_UNMET,
                 id="one-not-met"),
    pytest.param(all_met(guidance=ChecklistEntry(answer=Answer.NOT_APPLICABLE, comment=" ")),
                 "checklist.guidance", m.NOT_APPLICABLE_NEEDS_COMMENT, id="n/a-without-why"),
    pytest.param(all_met() | {"beauty": ChecklistEntry(answer=Answer.MET)}, "checklist",
                 m.UNKNOWN_PRINCIPLE, id="unknown-principle"),
    pytest.param(all_met(quality=ChecklistEntry(answer=Answer.MET,
                                                comment="x" * (COMMENT_LIMIT + 1))),
                 "checklist.quality", m.TOO_LONG, id="comment-too-long"),
])  # fmt: skip
def test_approval_needs_every_principle_met(provider_a: Provider, qa_officer: User,
                                            checklist: dict[str, ChecklistEntry], field: str,
                                            code: Any) -> None:  # fmt: skip
    version = submitted(provider_a, qa_officer)
    error = refused(InvalidInputError, version, officer=qa_officer, decision=APPROVE,
                    reason="", checklist=checklist)  # fmt: skip
    assert code.code in error.extra["fields"][field]


def test_an_empty_approval_names_all_ten(provider_a: Provider, qa_officer: User) -> None:
    version = submitted(provider_a, qa_officer)
    error = refused(InvalidInputError, version, officer=qa_officer, decision=APPROVE,
                    reason="", checklist={})  # fmt: skip
    assert error.code == m.REVIEW_INVALID.code
    assert len(error.extra["fields"]) == 10
    assert "10" in error.text("en")


@pytest.mark.parametrize("decision", [CHANGES, REJECT])
def test_changes_and_rejection_need_a_reason_and_a_finding(
    provider_a: Provider, qa_officer: User, decision: ReviewDecision
) -> None:
    version = submitted(provider_a, qa_officer)
    no_reason = refused(InvalidInputError, version, officer=qa_officer, decision=decision,
                        reason="  ", checklist={"quality": NOT_MET})  # fmt: skip
    assert no_reason.code == m.REVIEW_NEEDS_REASON.code
    assert no_reason.extra["fields"] == {"reason": [m.REVIEW_NEEDS_REASON.code]}
    silent = {str(p): ChecklistEntry(answer=Answer.MET) for p in AnnexIIPrinciple}
    no_finding = refused(InvalidInputError, version, officer=qa_officer, decision=decision,
                         reason="weak", checklist=silent)  # fmt: skip
    assert no_finding.code == m.REVIEW_NEEDS_FINDING.code
    assert no_finding.extra["fields"] == {"checklist": [m.REVIEW_NEEDS_FINDING.code]}


def test_a_suspended_providers_design_is_not_approved(provider_a: Provider,
                                                      qa_officer: User) -> None:  # fmt: skip
    version = submitted(provider_a, qa_officer)
    provider_decide(officer=qa_officer, provider=provider_a, decision=Decision.SUSPEND,
                    reason="audit", now=NOW)  # fmt: skip
    error = refused(ConflictError, version, officer=qa_officer, decision=APPROVE, reason="",
                    checklist=all_met())  # fmt: skip
    assert error.code == m.PROVIDER_NOT_VERIFIED.code


def test_a_decision_closes_the_review(provider_a: Provider, qa_officer: User) -> None:
    version = submitted(provider_a, qa_officer)
    review = design_review(officer=qa_officer, version=version, decision=CHANGES,
                           reason="add assessment criteria", now=NOW,
                           checklist={"valid-assessment": NOT_MET})  # fmt: skip
    with pytest.raises(ConflictError) as again:
        design_review(officer=qa_officer, version=version, decision=APPROVE, reason="",
                      checklist=all_met(), now=NOW)  # fmt: skip
    assert again.value.code == m.NOT_SUBMITTED.code
    assert DesignReview.objects.count() == 1
    assert ChecklistAnswer.objects.count() == 10
    assert review.answers.filter(answer=Answer.NOT_MET).count() == 1


def test_history_is_never_edited(provider_a: Provider, qa_officer: User) -> None:
    version = submitted(provider_a, qa_officer)
    review = design_review(officer=qa_officer, version=version, decision=APPROVE, reason="",
                           checklist=all_met(), now=NOW)  # fmt: skip
    review.reason = "rewritten"
    with pytest.raises(TypeError):
        review.save()
    answer = review.answers.first()
    assert answer is not None
    answer.answer = Answer.NOT_MET
    with pytest.raises(TypeError):
        answer.save()
    assert DesignReview.objects.get().reason == ""
    assert not ChecklistAnswer.objects.filter(answer=Answer.NOT_MET).exists()
