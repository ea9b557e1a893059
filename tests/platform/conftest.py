"""Fixtures of the platform's tests: people in each role, made through the services."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from microcred.platform.accounts.models import Organisation, OrganisationKind, Role, User
from microcred.platform.accounts.services import (
    membership_grant,
    organisation_create,
    user_create,
)
from microcred.platform.providers.models import IdentifierScheme, Provider, ProviderType
from microcred.platform.providers.services import Registration, provider_register

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
PASSWORD = "a-long-test-password-1"  # noqa: S105 - test accounts only


def registration(**changes: object) -> Registration:
    """A valid registration (a Polish university with a valid NIP); ``changes`` replace
    any field."""
    fields: dict[str, object] = {
        "legal_name": "Uniwersytet Testowy",
        "identifier_scheme": IdentifierScheme.NIP,
        "identifier": "777-000-11-11",
        "country": "PL",
        "street_address": "ul. Testowa 1",
        "postal_code": "00-001",
        "locality": "Warszawa",
        "provider_type": ProviderType.UNIVERSITY,
        "website": "https://uniwersytet.example.org",
        "contact_email": "kontakt@example.org",
    }
    return Registration(**(fields | changes))  # type: ignore[arg-type]


def as_provider(text: str, provider: Provider) -> str:
    """The design file ``text`` under ``provider``'s name: its first awarding body
    replaced by the provider (partners kept), as submitting requires — what the demo
    does with the example designs."""
    from microcred.platform.catalog.awarding import with_provider_body
    from microcred.standard import designfile

    return designfile.dumps(with_provider_body(designfile.loads(text), provider))


def person(email: str) -> User:
    return user_create(email=email, password=PASSWORD, full_name=email.split("@")[0])


@pytest.fixture
def qa_officer(db: None) -> User:
    body = organisation_create(name="QA Body", kind=OrganisationKind.QA_BODY, now=NOW)
    officer = person("officer@qa.example.org")
    membership_grant(user=officer, organisation=body, role=Role.QA_OFFICER, now=NOW)
    return officer


@pytest.fixture
def provider_a(db: None) -> Provider:
    return provider_register(user=person("admin@a.example.org"), registration=registration(),
                             now=NOW)  # fmt: skip


@pytest.fixture
def provider_b(db: None) -> Provider:
    return provider_register(
        user=person("admin@b.example.org"),
        registration=registration(legal_name="Szkoła B", identifier_scheme=IdentifierScheme.REGON,
                                  identifier="630012343", provider_type=ProviderType.VET_SCHOOL),
        now=NOW,
    )  # fmt: skip


def admin_of(provider: Provider) -> User:
    """The person who registered ``provider``."""
    return User.objects.get(memberships__organisation=provider.organisation,
                            memberships__role=Role.PROVIDER_ADMIN)  # fmt: skip


def organisation(kind: OrganisationKind) -> Organisation:
    return organisation_create(name=f"{kind} org", kind=kind, now=NOW)


def log_in(client: object, email: str, password: str = PASSWORD) -> None:
    """Log in through the login page, as a person does (django-axes counts the attempt)."""
    from django.urls import reverse

    response = client.post(reverse("accounts:login"),  # type: ignore[attr-defined]
                           {"username": email, "password": password})  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:500]
