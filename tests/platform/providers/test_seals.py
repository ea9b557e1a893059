"""providers.seals: a provider's e-seal certificate for EDCs — from the platform's TEST
CA on approval, or uploaded as PKCS#12 — listed in the trust list, so that an EDC sealed
with it is confirmed by ``verify(trust_list=…)``; an upload that cannot seal is refused
with its reason and nothing is kept."""

from __future__ import annotations

from datetime import timedelta

import pytest
from cryptography.x509.oid import NameOID
from django.test import Client, override_settings

from microcred.credentials.issue import Issuer, issue
from microcred.credentials.jades.certificates import (
    dump_seal_credentials,
    self_signed_seal_certificate,
)
from microcred.credentials.keys import KeyPair
from microcred.credentials.lote import read_lote
from microcred.credentials.verify import verify
from microcred.platform.accounts.models import User
from microcred.platform.core.errors import (
    ConflictError,
    InvalidInputError,
    PermissionDeniedError,
)
from microcred.platform.providers import messages as m
from microcred.platform.providers.models import (
    Decision,
    PlatformTestCA,
    Provider,
    SealCertificate,
    SealSource,
)
from microcred.platform.providers.seals import (
    provider_seal_credentials,
    provider_seal_renew,
    provider_seal_upload,
)
from microcred.platform.providers.services import provider_decide, provider_register

from ...conftest import example_award
from ..conftest import NOW, admin_of, person, registration

pytestmark = pytest.mark.django_db

#: the awarding body's name in the example design: the provider's legal name
#: the PKCS#12 files' password in these tests
P12_PASSWORD = "secret-pass"  # noqa: S105 - test files only
LEGAL_NAME = "Politechnika Nadwiślańska — Centrum Kształcenia Ustawicznego"


@pytest.fixture
def provider(db: None) -> Provider:
    return provider_register(
        user=person("admin@pn.example.org"), now=NOW,
        registration=registration(legal_name=LEGAL_NAME, identifier_scheme="regon",
                                  identifier="123456785"),
    )  # fmt: skip


def served_operator_key(client: Client) -> KeyPair:
    document = client.get("/.well-known/did.json").json()
    return KeyPair.from_multikey(document["verificationMethod"][-1]["publicKeyMultibase"])


def test_approval_gives_a_test_ca_seal_that_the_trust_list_confirms(
    qa_officer: User, provider: Provider
) -> None:
    provider_decide(officer=qa_officer, provider=provider, decision=Decision.APPROVE,
                    reason="", now=NOW)  # fmt: skip
    provider.refresh_from_db()
    record = SealCertificate.objects.get(provider=provider)
    assert record.source == SealSource.TEST_CA
    assert PlatformTestCA.objects.count() == 1
    credentials = provider_seal_credentials(provider)
    leaf, ca = credentials.certificates
    assert leaf.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value == LEGAL_NAME
    assert "TEST" in leaf.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value
    assert "TEST CA" in ca.subject.rfc4514_string()
    # the private key is sealed at rest: its bytes are nowhere in the record's clear text
    assert b"PRIVATE" not in bytes(record.sealed_private)
    issued = NOW + timedelta(days=3)
    award = example_award(issued_on=issued.date().isoformat())
    edc = issue(award, issuer=Issuer.from_seal(credentials), formats=("edc",), now=issued)["edc"]
    client = Client()
    served = client.get("/trust-list")
    assert record.fingerprint.removeprefix("sha256:") not in served.content.decode()  # a JWS
    trust_list = read_lote(served.content, operator_key=served_operator_key(client))
    assert record.fingerprint in trust_list.seals
    report = verify(edc, trust_list=trust_list, now=issued + timedelta(days=1))
    trust = report.check("trust")
    assert trust is not None
    assert trust.code == "confirmed", trust.en
    assert "verified provider since 2026-12-01" in trust.en


def test_a_suspended_provider_has_no_seal_to_use(qa_officer: User, provider: Provider) -> None:
    provider_decide(officer=qa_officer, provider=provider, decision=Decision.APPROVE,
                    reason="", now=NOW)  # fmt: skip
    provider_decide(officer=qa_officer, provider=provider, decision=Decision.SUSPEND,
                    reason="audit", now=NOW + timedelta(days=1))  # fmt: skip
    provider.refresh_from_db()
    with pytest.raises(ConflictError):
        provider_seal_credentials(provider)


def p12(organisation: str = LEGAL_NAME, password: str = P12_PASSWORD, **kwargs: object) -> bytes:
    kwargs.setdefault("not_before", NOW - timedelta(days=1))
    credentials = self_signed_seal_certificate(organisation, "PL", **kwargs)  # type: ignore[arg-type]
    return dump_seal_credentials(credentials, password)


@override_settings(SEAL_CA="upload")
def test_an_uploaded_certificate_is_kept_sealed_and_replaces_the_one_in_use(
    provider: Provider,
) -> None:
    admin = admin_of(provider)
    first = provider_seal_upload(user=admin, provider=provider, data=p12(),
                                 password=P12_PASSWORD, now=NOW)  # fmt: skip
    second = provider_seal_upload(user=admin, provider=provider, data=p12(),
                                  password=P12_PASSWORD, now=NOW + timedelta(days=1))  # fmt: skip
    first.refresh_from_db()
    assert first.valid_until == NOW + timedelta(days=1)
    assert second.valid_until is None
    assert second.source == SealSource.UPLOAD


@override_settings(SEAL_CA="upload")
@pytest.mark.parametrize(
    ("data", "password", "code"),
    [
        (b"not a pkcs12 file", P12_PASSWORD, m.SEAL_FILE_UNREADABLE.code),
        (None, "wrong-pass", m.SEAL_FILE_UNREADABLE.code),
        ("Another University", P12_PASSWORD, m.SEAL_NAME_DIFFERS.code),
        ("expired", P12_PASSWORD, m.SEAL_CANNOT_SEAL.code),
    ],
)
def test_an_upload_that_cannot_seal_is_refused_and_nothing_is_kept(
    provider: Provider, data: bytes | str | None, password: str, code: str
) -> None:
    if data is None:
        data = p12()
    elif data == "expired":
        data = p12(not_before=NOW - timedelta(days=30), valid_days=2)
    elif isinstance(data, str):
        data = p12(data)
    with pytest.raises(InvalidInputError) as caught:
        provider_seal_upload(user=admin_of(provider), provider=provider, data=data,
                             password=password, now=NOW)  # fmt: skip
    assert caught.value.code == code
    assert not SealCertificate.objects.exists()


def test_uploads_are_refused_where_the_test_ca_issues(provider: Provider) -> None:
    with pytest.raises(ConflictError):
        provider_seal_upload(user=admin_of(provider), provider=provider, data=p12(),
                             password=P12_PASSWORD, now=NOW)  # fmt: skip
    assert not SealCertificate.objects.exists()


@override_settings(SEAL_CA="upload")
def test_only_the_provider_s_administrator_uploads(provider: Provider) -> None:
    with pytest.raises(PermissionDeniedError):
        provider_seal_upload(user=person("stranger@example.org"), provider=provider, data=p12(),
                             password=P12_PASSWORD, now=NOW)  # fmt: skip
    assert not SealCertificate.objects.exists()


@override_settings(SEAL_CA="upload")
def test_the_page_and_the_api_upload_and_say_why_not(provider: Provider) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from .test_views import logged_in

    client = logged_in(admin_of(provider))
    page = client.get(f"/providers/{provider.pk}/").content.decode()
    assert 'name="seal-file"' in page  # the form is there in the upload setting
    wrong = client.post(f"/providers/{provider.pk}/seal/",
                        {"seal-file": SimpleUploadedFile("seal.p12", p12()),
                         "seal-password": "not-the-password"},
                        HTTP_ACCEPT_LANGUAGE="en")  # fmt: skip
    assert wrong.status_code == 422
    assert "the password is wrong" in wrong.content.decode()
    assert not SealCertificate.objects.exists()
    done = client.post(f"/providers/{provider.pk}/seal/",
                       {"seal-file": SimpleUploadedFile("seal.p12", p12()),
                        "seal-password": P12_PASSWORD})  # fmt: skip
    assert done.status_code == 302
    made = client.post(f"/api/v1/providers/{provider.pk}/seals",
                       {"file": SimpleUploadedFile("seal.p12", p12()),
                        "password": P12_PASSWORD})  # fmt: skip
    assert made.status_code == 201, made.content
    assert "PRIVATE" not in made.content.decode()
    listed = client.get(f"/api/v1/providers/{provider.pk}/seals").json()
    assert [s["valid_until"] is None for s in listed] == [False, True]
    other = logged_in(person("someone@example.org"))
    assert other.get(f"/api/v1/providers/{provider.pk}/seals").status_code == 404
    assert other.post(f"/providers/{provider.pk}/seal/",
                      {"seal-file": SimpleUploadedFile("seal.p12", p12()),
                       "seal-password": P12_PASSWORD}).status_code == 404  # fmt: skip
    assert SealCertificate.objects.count() == 2


def test_renewal_ends_the_certificate_in_use_and_both_stay_listed(
    qa_officer: User, provider: Provider
) -> None:
    from .test_views import logged_in

    provider_decide(officer=qa_officer, provider=provider, decision=Decision.APPROVE,
                    reason="", now=NOW)  # fmt: skip
    first = SealCertificate.objects.get()
    stranger = logged_in(person("someone@example.org"))
    assert stranger.post(f"/api/v1/providers/{provider.pk}/seals/renew").status_code == 404
    client = logged_in(admin_of(provider))
    assert "seal/renew/" in client.get(f"/providers/{provider.pk}/").content.decode()
    made = client.post(f"/api/v1/providers/{provider.pk}/seals/renew")
    assert made.status_code == 201, made.content
    first.refresh_from_db()
    assert first.valid_until is not None
    assert made.json()["fingerprint"] != first.fingerprint
    served = Client().get("/trust-list")
    trust_list = read_lote(served.content, operator_key=served_operator_key(Client()))
    assert {first.fingerprint, made.json()["fingerprint"]} <= set(trust_list.seals)
    with override_settings(SEAL_CA="upload"), pytest.raises(ConflictError):
        provider_seal_renew(user=admin_of(provider), provider=provider, now=NOW)
    assert SealCertificate.objects.count() == 2
