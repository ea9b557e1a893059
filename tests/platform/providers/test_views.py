"""The providers' pages: registration, a provider's page, the QA queue and decisions —
and who may see what (staff of provider A never see provider B)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from microcred.platform.accounts.models import User
from microcred.platform.providers.models import Provider, ProviderDecision, ProviderStatus

from ..conftest import admin_of, log_in, person

pytestmark = pytest.mark.django_db

FORM = {
    "legal_name": "Fundacja Testowa",
    "identifier_scheme": "krs",
    "identifier": "0000 654 321",
    "country": "pl",
    "street_address": "ul. Polna 3",
    "postal_code": "00-002",
    "locality": "Łódź",
    "provider_type": "ngo",
    "website": "https://fundacja.example.org",
    "contact_email": "biuro@example.org",
    "national_register": "",
    "accreditation": "",
}


def logged_in(user: User) -> Client:
    client = Client()
    log_in(client, user.email)
    return client


def test_a_person_registers_a_provider_and_lands_on_its_page() -> None:
    client = logged_in(person("anna@example.org"))
    response = client.post(reverse("providers:register"), FORM)
    provider = Provider.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("providers:detail", args=[provider.pk])
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "Fundacja Testowa" in page.content.decode()
    assert provider.identifier == "0000654321"
    assert provider.country == "PL"


def test_a_wrong_identifier_is_shown_by_its_field_in_the_page_language() -> None:
    client = logged_in(person("anna@example.org"))
    response = client.post(reverse("providers:register"), FORM | {"identifier": "12"},
                           HTTP_ACCEPT_LANGUAGE="pl")  # fmt: skip
    assert response.status_code == 422
    assert "ma niepoprawną postać (dziesięć cyfr)" in response.content.decode()
    assert not Provider.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in(provider_a: Provider) -> None:
    for url in (
        reverse("providers:register"),
        reverse("providers:mine"),
        reverse("providers:queue"),
        reverse("providers:detail", args=[provider_a.pk]),
    ):
        response = Client().get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("accounts:login")), url


def test_staff_of_one_provider_never_see_another(provider_a: Provider,
                                                 provider_b: Provider) -> None:  # fmt: skip
    client = logged_in(admin_of(provider_a))
    assert client.get(reverse("providers:detail", args=[provider_a.pk])).status_code == 200
    other = client.get(reverse("providers:detail", args=[provider_b.pk]))
    assert other.status_code == 404
    assert provider_b.legal_name not in other.content.decode()
    listing = client.get(reverse("providers:mine")).content.decode()
    assert provider_a.legal_name in listing
    assert provider_b.legal_name not in listing
    assert client.post(reverse("providers:decide", args=[provider_b.pk]),
                       {"decision": "approve"}).status_code == 404  # fmt: skip
    assert client.get(reverse("providers:queue")).status_code == 403
    assert client.post(reverse("providers:decide", args=[provider_a.pk]),
                       {"decision": "approve"}).status_code == 403  # fmt: skip
    provider_a.refresh_from_db()
    assert provider_a.status == ProviderStatus.PENDING


def test_a_qa_officer_sees_the_queue_and_decides(qa_officer: User, provider_a: Provider,
                                                 provider_b: Provider) -> None:  # fmt: skip
    client = logged_in(qa_officer)
    queue = client.get(reverse("providers:queue")).content.decode()
    assert provider_a.legal_name in queue
    assert provider_b.legal_name in queue
    response = client.post(reverse("providers:decide", args=[provider_a.pk]),
                           {"decision": "reject", "reason": ""})  # fmt: skip
    assert response.status_code == 422  # a rejection needs a reason
    assert not ProviderDecision.objects.exists()
    response = client.post(reverse("providers:decide", args=[provider_a.pk]),
                           {"decision": "approve", "reason": ""})  # fmt: skip
    assert response.status_code == 302
    provider_a.refresh_from_db()
    assert provider_a.verified
    page = client.get(reverse("providers:detail", args=[provider_a.pk]),
                      HTTP_ACCEPT_LANGUAGE="en").content.decode()  # fmt: skip
    assert "Audit trail" in page
    assert "Approve" in page
    assert provider_a.legal_name not in client.get(reverse("providers:queue")).content.decode()
