"""An awarding body's e-seal subject (O= its name exactly, C=, organizationIdentifier as
ETSI EN 319 412-1 writes it), writing seal credentials as PKCS#12 and reading them back,
and the subject limits of the self-signed test certificate."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import NameOID

from microcred.credentials.jades import SealError, self_signed_seal_certificate
from microcred.credentials.jades.certificates import (
    COUNTRY_INVALID,
    FILE_TOO_LARGE,
    FILE_UNREADABLE,
    NO_KEY,
    NO_NAME_IN_LANGUAGE,
    NOT_PKCS12_OR_PEM,
    ORGANISATION_EMPTY,
    ORGANISATION_IDENTIFIER_INVALID,
    ORGANISATION_TOO_LONG,
    PRIVATE_KEY_UNREADABLE,
    SealSubject,
    dump_seal_credentials,
    load_seal_credentials,
    organisation_identifier,
    seal_subject,
)
from microcred.standard.elements import AwardingBody

from ...conftest import example_award

BODY = {
    "name": {"pl": "Politechnika Wrocławska", "en": "Wrocław University of Science and Technology"},
    "country": "PL",
    "legal_identifier": {"scheme": "nip", "value": "896-000-58-51"},
}


@pytest.mark.parametrize(
    ("scheme", "value", "country", "expected"),
    [
        ("nip", "896-000-58-51", "PL", "VATPL-8960005851"),  # a Polish NIP is the VAT number
        ("nip", "PL8960005851", "PL", "VATPL-8960005851"),
        ("vat", "DE 123 456 789", "DE", "VATDE-123456789"),
        ("vat", "123456789", "FR", "VATFR-123456789"),  # no prefix: the body's country
        ("vat", "EL094014201", "GR", "VATEL-094014201"),  # the VAT number's own prefix
        ("krs", "0000012345", "PL", "NTRPL-0000012345"),
        ("lei", "529900t8bm49aursdo55", "DE", "LEIXG-529900T8BM49AURSDO55"),  # global: XG
        ("regon", "000001234", "PL", None),  # no ETSI identity type for these registers
        ("rspo", "12345", "PL", None),
        ("polon", "PN-0471", "PL", None),
        ("erasmus", "PL WARSZAW01", "PL", None),
        ("pic", "999999999", "PL", None),
        ("euid", "PLKRS.0000012345", "PL", None),
        ("other", "X-1", "PL", None),
        ("vat", " - ", "PL", None),  # nothing left of the number
        ("vat", "PL", "PL", None),
    ],
)
def test_organisation_identifier_follows_etsi_en_319_412_1(
    scheme: str, value: str, country: str, expected: str | None
) -> None:
    assert organisation_identifier(scheme, value, country) == expected


def test_seal_subject_is_the_awarding_body_exactly() -> None:
    body = AwardingBody.model_validate(BODY)
    assert seal_subject(body) == SealSubject("Politechnika Wrocławska", "PL", "VATPL-8960005851")
    english = seal_subject(body, lang="en")
    assert english.organisation == "Wrocław University of Science and Technology"
    with pytest.raises(SealError) as raised:
        seal_subject(body, lang="de")
    assert raised.value.code == "invalid_subject"
    assert raised.value.reason == NO_NAME_IN_LANGUAGE(lang="de", languages="pl, en")
    no_id = AwardingBody.model_validate({**BODY, "legal_identifier": None})
    assert seal_subject(no_id).organisation_identifier is None


def test_the_seal_of_an_example_design_matches_its_edc_issuer() -> None:
    """O= is one of the EDC issuer's legal names, character for character."""
    from microcred.credentials.edc import to_edc

    award = example_award()
    subject = seal_subject(award.spec.awarding_bodies[0])
    assert subject.organisation == "Politechnika Nadwiślańska — Centrum Kształcenia Ustawicznego"
    assert subject.organisation in to_edc(award)["issuer"]["legalName"].values()
    leaf = self_signed_seal_certificate(subject.organisation, subject.country).certificates[0]
    organisation = leaf.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value
    assert organisation == subject.organisation


@pytest.mark.parametrize("password", ["hasło-zażółć", b"bytes", None])
def test_dump_then_load_round_trips(tmp_path: Path, password: str | bytes | None) -> None:
    credentials = self_signed_seal_certificate(
        "Politechnika Wrocławska", "PL", organisation_identifier="VATPL-8960005851"
    )
    path = tmp_path / "seal.p12"
    path.write_bytes(dump_seal_credentials(credentials, password))
    loaded = load_seal_credentials(path, password)
    assert loaded.certificates == credentials.certificates
    assert loaded.key.private_numbers() == credentials.key.private_numbers()
    if password is not None:
        with pytest.raises(SealError) as raised:
            load_seal_credentials(path, "zle")
        assert raised.value.code == FILE_UNREADABLE.code
        assert raised.value.reason == NOT_PKCS12_OR_PEM(file=path)
    assert stat.S_ISREG(path.stat().st_mode)


def test_self_signed_certificate_subject() -> None:
    credentials = self_signed_seal_certificate(
        "Uniwersytet Łódzki", "PL", organisation_identifier="NTRPL-0000012345", valid_days=30
    )
    leaf = credentials.certificates[0]
    names = {attribute.oid: attribute.value for attribute in leaf.subject}
    assert names[NameOID.ORGANIZATION_NAME] == "Uniwersytet Łódzki"
    assert names[NameOID.COUNTRY_NAME] == "PL"
    assert names[NameOID.ORGANIZATION_IDENTIFIER] == "NTRPL-0000012345"
    assert names[NameOID.COMMON_NAME] == "Uniwersytet Łódzki (TEST – not qualified)"
    usage = leaf.extensions.get_extension_for_class(x509.KeyUsage)
    assert usage.critical
    assert usage.value.digital_signature
    assert usage.value.content_commitment


@pytest.mark.parametrize(
    "identifier",
    ["", "VAT-123", "vatpl-123", "VATPL123", "VATPL-", "VATPOL-1", "VATPL- 1"],
)
def test_a_malformed_organisation_identifier_is_refused(identifier: str) -> None:
    with pytest.raises(SealError) as raised:
        self_signed_seal_certificate("Uni", "PL", organisation_identifier=identifier)
    assert raised.value.code == "invalid_subject"
    assert raised.value.reason == ORGANISATION_IDENTIFIER_INVALID(identifier=identifier)


@pytest.mark.parametrize("identifier", ["VATPL-8960005851", "NTRDE+BY-HRB12345", "EI:SE-2000"])
def test_etsi_organisation_identifier_forms_are_accepted(identifier: str) -> None:
    leaf = self_signed_seal_certificate("Uni", "PL", organisation_identifier=identifier)
    attributes = leaf.certificates[0].subject.get_attributes_for_oid(
        NameOID.ORGANIZATION_IDENTIFIER
    )
    assert attributes[0].value == identifier


def test_an_organisation_name_longer_than_o_holds_is_refused_not_shortened() -> None:
    """A shortened O= would never equal the issuer's legal name: refused, with why."""
    exactly = "A" * 64
    leaf = self_signed_seal_certificate(exactly, "PL").certificates[0]
    assert leaf.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value == exactly
    with pytest.raises(SealError) as raised:
        self_signed_seal_certificate("A" * 65, "PL")
    assert raised.value.code == "invalid_subject"
    assert raised.value.reason == ORGANISATION_TOO_LONG(length=65, limit=64)


def _refusal(call: Callable[[], object]) -> SealError:
    with pytest.raises(SealError) as raised:
        call()
    return raised.value


def test_what_a_person_gets_wrong_is_refused_in_english_and_polish(tmp_path: Path) -> None:
    """A subject or a key file a person gives is refused with a message constant's
    reason (so ``text("pl")`` is Polish), under the error code it always had."""
    pem = tmp_path / "seal.pem"
    pem.write_bytes(b"-----BEGIN CERTIFICATE-----\n")
    credentials = self_signed_seal_certificate("Uni", "PL")
    certificate = credentials.certificates[0].public_bytes(serialization.Encoding.PEM)
    key = credentials.key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(b"tajne"),
    )
    locked = tmp_path / "locked.pem"
    locked.write_bytes(certificate + key)
    no_key = tmp_path / "cert-only.pem"
    no_key.write_bytes(certificate)
    large = tmp_path / "large.p12"
    large.write_bytes(b"x" * (2 * 1024 * 1024))
    cases = [
        (lambda: self_signed_seal_certificate(" ", "PL"), "invalid_subject", ORGANISATION_EMPTY),
        (lambda: self_signed_seal_certificate("Uni", "pl"), "invalid_subject", COUNTRY_INVALID),
        (lambda: load_seal_credentials(tmp_path / "missing.p12"), "unreadable", FILE_UNREADABLE),
        (lambda: load_seal_credentials(locked), "unreadable", PRIVATE_KEY_UNREADABLE),
        (lambda: load_seal_credentials(no_key), "no_key", NO_KEY),
        (lambda: load_seal_credentials(large), "too_large", FILE_TOO_LARGE),
    ]
    for call, code, message in cases:
        error = _refusal(call)
        assert (error.code, error.reason and error.reason.code) == (code, message.code)
        assert error.text("pl") != error.text("en")
    missing = _refusal(lambda: load_seal_credentials(tmp_path / "missing.p12"))
    assert "No such file" not in missing.text("pl")  # the system's English is not passed on
