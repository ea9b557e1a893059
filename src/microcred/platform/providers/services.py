"""Writes of the providers app: registering a provider, and the QA body's decisions on it.

Keyword-only, validated before anything is saved, one transaction each; ``now`` is an
argument. A failing call raises a :class:`~..core.errors.PlatformError` and writes nothing.
"""

from __future__ import annotations

__all__ = ["provider_decide", "provider_register"]

from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from pydantic import BaseModel, ConfigDict

from ..accounts.models import Membership, OrganisationKind, Role, User
from ..accounts.services import membership_grant, organisation_create
from ..core.errors import ConflictError, InvalidInputError, PermissionDeniedError
from . import messages as m
from .identifiers import normalise_identifier
from .keys import provider_key_create
from .models import (
    Decision,
    IdentifierScheme,
    Provider,
    ProviderDecision,
    ProviderStatus,
    ProviderType,
)
from .seals import provider_seal_issue
from .signals import provider_status_changed


class Registration(BaseModel):
    """What a provider registers with (the form fills it, and the API reads its body as
    it: one definition of the fields)."""

    model_config = ConfigDict(frozen=True)

    legal_name: str
    identifier_scheme: IdentifierScheme
    identifier: str
    country: str
    street_address: str
    postal_code: str
    locality: str
    provider_type: ProviderType
    website: str
    contact_email: str
    national_register: str = ""
    accreditation: str = ""


@transaction.atomic
def provider_register(*, user: User, registration: Registration, now: datetime) -> Provider:
    """Register a provider on behalf of ``user``, who becomes its administrator; it waits
    for a QA body's verification."""
    country = registration.country.strip().upper()
    identifier = normalise_identifier(registration.identifier_scheme,
                                      registration.identifier, country)  # fmt: skip
    scheme = IdentifierScheme(registration.identifier_scheme)
    if Provider.objects.filter(identifier_scheme=scheme, identifier=identifier).exists():
        raise ConflictError(m.IDENTIFIER_TAKEN, scheme=scheme.label, value=identifier)
    organisation = organisation_create(name=registration.legal_name,
                                       kind=OrganisationKind.PROVIDER, now=now)  # fmt: skip
    try:
        with transaction.atomic():
            provider = Provider.objects.create(
                organisation=organisation,
                legal_name=registration.legal_name.strip(),
                identifier_scheme=scheme,
                identifier=identifier,
                country=country,
                street_address=registration.street_address.strip(),
                postal_code=registration.postal_code.strip(),
                locality=registration.locality.strip(),
                provider_type=ProviderType(registration.provider_type),
                website=registration.website.strip(),
                contact_email=registration.contact_email.strip(),
                national_register=registration.national_register.strip(),
                accreditation=registration.accreditation.strip(),
                status=ProviderStatus.PENDING,
                submitted_at=now,
            )
    except IntegrityError as exc:  # registered at the same moment by someone else
        raise ConflictError(m.IDENTIFIER_TAKEN, scheme=scheme.label, value=identifier) from exc
    membership_grant(user=user, organisation=organisation, role=Role.PROVIDER_ADMIN, now=now)
    return provider


#: which decision may follow which status, and the status it leads to
_TRANSITIONS: dict[tuple[str, str], str] = {
    (ProviderStatus.PENDING, Decision.APPROVE): ProviderStatus.APPROVED,
    (ProviderStatus.PENDING, Decision.REQUEST_CHANGES): ProviderStatus.CHANGES_REQUESTED,
    (ProviderStatus.PENDING, Decision.REJECT): ProviderStatus.REJECTED,
    (ProviderStatus.CHANGES_REQUESTED, Decision.APPROVE): ProviderStatus.APPROVED,
    (ProviderStatus.CHANGES_REQUESTED, Decision.REJECT): ProviderStatus.REJECTED,
    (ProviderStatus.APPROVED, Decision.SUSPEND): ProviderStatus.SUSPENDED,
    (ProviderStatus.APPROVED, Decision.APPROVE): ProviderStatus.APPROVED,  # re-verification
    (ProviderStatus.SUSPENDED, Decision.APPROVE): ProviderStatus.APPROVED,
    (ProviderStatus.SUSPENDED, Decision.REJECT): ProviderStatus.REJECTED,
}


@transaction.atomic
def provider_decide(*, officer: User, provider: Provider, decision: Decision, reason: str,
                    now: datetime) -> ProviderDecision:  # fmt: skip
    """A QA officer's decision on a provider, kept in the audit trail. Approving sets the
    date by which the provider is verified again; any other decision needs a reason."""
    membership = (
        Membership.objects.filter(user=officer, role=Role.QA_OFFICER)
        .select_related("organisation")
        .first()
    )
    if membership is None:
        raise PermissionDeniedError(m.NOT_QA_OFFICER)
    decision = Decision(decision)
    reason = reason.strip()
    if decision != Decision.APPROVE and not reason:
        raise InvalidInputError(m.DECISION_NEEDS_REASON, extra={"fields": {"reason": ["required"]}})
    provider = Provider.objects.select_for_update().get(pk=provider.pk)
    before = ProviderStatus(provider.status)
    after = _TRANSITIONS.get((before, decision))
    if after is None:
        raise ConflictError(m.DECISION_NOT_ALLOWED, status=before.label, decision=decision.label)
    provider.status = after
    if decision == Decision.APPROVE:
        provider.verified_at = now
        provider.reverify_by = (now + timedelta(days=settings.PROVIDER_REVERIFICATION_DAYS)).date()
    provider.save(update_fields=["status", "verified_at", "reverify_by"])
    if after == ProviderStatus.APPROVED and not provider.keys.exists():
        provider_key_create(provider=provider, now=now)  # the first approval: its keys
        if settings.SEAL_CA == "test":  # and, in a demo, a TEST e-seal certificate
            provider_seal_issue(provider=provider, now=now)
    if after != before:
        provider_status_changed.send(sender=Provider, provider=provider)
    return ProviderDecision.objects.create(
        provider=provider, officer=officer, qa_body=membership.organisation, decision=decision,
        reason=reason, status_before=before, status_after=after, decided_at=now,
    )  # fmt: skip
