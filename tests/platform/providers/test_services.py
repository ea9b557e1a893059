"""providers.services: registration and the QA body's decisions, each failure writing
nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.conf import settings

from microcred.platform.accounts.models import Membership, Organisation, Role
from microcred.platform.core.errors import ConflictError, InvalidInputError, PermissionDeniedError
from microcred.platform.providers import messages as m
from microcred.platform.providers.models import (
    Decision,
    Provider,
    ProviderDecision,
    ProviderStatus,
)
from microcred.platform.providers.services import provider_decide, provider_register

from ..conftest import NOW, admin_of, person, registration

pytestmark = pytest.mark.django_db


def test_registering_makes_a_pending_provider_administered_by_its_registrant() -> None:
    user = person("anna@example.org")
    provider = provider_register(user=user, registration=registration(), now=NOW)
    assert provider.status == ProviderStatus.PENDING
    assert provider.identifier == "7770001111"
    assert not provider.verified
    assert provider.organisation.kind == "provider"
    assert Membership.objects.filter(user=user, organisation=provider.organisation,
                                     role=Role.PROVIDER_ADMIN).exists()  # fmt: skip


def test_an_identifier_is_registered_once(provider_a: Provider) -> None:
    with pytest.raises(ConflictError) as raised:
        provider_register(
            user=person("other@example.org"),
            registration=registration(identifier="7770001111"),
            now=NOW,
        )
    assert raised.value.code == m.IDENTIFIER_TAKEN.code
    assert Provider.objects.count() == 1
    assert Organisation.objects.count() == 1


def test_a_bad_identifier_writes_nothing() -> None:
    with pytest.raises(InvalidInputError):
        provider_register(
            user=person("anna@example.org"),
            registration=registration(identifier="7770001112"),
            now=NOW,
        )
    assert not Provider.objects.exists()
    assert not Organisation.objects.exists()
    assert not Membership.objects.exists()


def test_approval_verifies_until_the_reverification_date(qa_officer, provider_a) -> None:  # type: ignore[no-untyped-def]
    made = provider_decide(officer=qa_officer, provider=provider_a, decision=Decision.APPROVE,
                           reason="", now=NOW)  # fmt: skip
    provider_a.refresh_from_db()
    assert provider_a.verified
    assert provider_a.verified_at == NOW
    assert (
        provider_a.reverify_by
        == (NOW + timedelta(days=settings.PROVIDER_REVERIFICATION_DAYS)).date()
    )
    assert (made.status_before, made.status_after) == ("pending", "approved")
    assert made.qa_body.kind == "qa_body"


@pytest.mark.parametrize("decision", [Decision.REQUEST_CHANGES, Decision.REJECT])
def test_any_other_decision_needs_a_reason(qa_officer, provider_a, decision) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInputError) as raised:
        provider_decide(officer=qa_officer, provider=provider_a, decision=decision, reason=" ",
                        now=NOW)  # fmt: skip
    assert raised.value.code == m.DECISION_NEEDS_REASON.code
    provider_a.refresh_from_db()
    assert provider_a.status == ProviderStatus.PENDING
    assert not ProviderDecision.objects.exists()


def test_only_a_qa_officer_decides(provider_a, provider_b) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDeniedError) as raised:
        provider_decide(officer=admin_of(provider_b), provider=provider_a,
                        decision=Decision.APPROVE, reason="", now=NOW)  # fmt: skip
    assert raised.value.code == m.NOT_QA_OFFICER.code
    provider_a.refresh_from_db()
    assert provider_a.status == ProviderStatus.PENDING


def test_the_decisions_follow_the_provider_s_status(qa_officer, provider_a) -> None:  # type: ignore[no-untyped-def]
    decide = lambda decision, reason="why": provider_decide(  # noqa: E731
        officer=qa_officer, provider=provider_a, decision=decision, reason=reason, now=NOW
    )
    with pytest.raises(ConflictError) as raised:
        decide(Decision.SUSPEND)  # not approved yet
    assert raised.value.code == m.DECISION_NOT_ALLOWED.code
    decide(Decision.REQUEST_CHANGES)
    decide(Decision.APPROVE, "")
    decide(Decision.SUSPEND)
    provider_a.refresh_from_db()
    assert provider_a.status == ProviderStatus.SUSPENDED
    assert not provider_a.verified  # a suspended provider stops publishing and issuing
    decide(Decision.REJECT)
    with pytest.raises(ConflictError):
        decide(Decision.APPROVE, "")  # rejected is final
    trail = list(provider_a.decisions.order_by("pk").values_list("decision", flat=True))
    assert trail == ["request_changes", "approve", "suspend", "reject"]
