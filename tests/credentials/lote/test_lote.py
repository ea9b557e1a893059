"""credentials.lote: a LoTE (ETSI TS 119 602, JSON binding) built, signed, read back
only under the operator's key, and consulted by ``verify`` with each key's history: a
credential is confirmed when its key was trusted at its issue time, and not after the
key was rotated out or its provider suspended."""

from __future__ import annotations

import base64
import datetime as dt
import json

import pytest

from microcred.credentials.dids import Resolver, did_web_document
from microcred.credentials.errors import TrustListError
from microcred.credentials.issue import Issuer, issue
from microcred.credentials.keys import KeyPair
from microcred.credentials.lote import (
    GRANTED,
    LOTE_TYPE,
    WITHDRAWN,
    KeyPeriod,
    Scheme,
    TrustedIssuer,
    read_lote,
    sign_lote,
    to_lote,
)
from microcred.credentials.verify import messages as vm
from microcred.credentials.verify import verify

from ...conftest import example_award

T0 = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)  # verified, key-1
T2 = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)  # key-2 replaces key-1
T3 = dt.datetime(2026, 5, 1, tzinfo=dt.UTC)  # suspended
DID = "did:web:registry.example:providers:nip-7770001111"
OPERATOR = KeyPair.generate()
KEY1, KEY2 = KeyPair.generate(), KeyPair.generate()
SCHEME = Scheme(
    operator_names={"pl": "Rejestr Demo", "en": "Demo Registry"},
    scheme_names={"pl": "Zweryfikowani dostawcy", "en": "Verified providers"},
    territory="PL", street_address="ul. Przykładowa 1", locality="Kraków", postal_code="30-001",
    email="rejestr@registry.example", website="https://registry.example",
    information_uri="https://registry.example/trust-list/about",
    distribution_point="https://registry.example/trust-list",
)  # fmt: skip
ISSUER = TrustedIssuer(
    did=DID,
    names={"pl": "Politechnika Nadwiślańska — Centrum Kształcenia Ustawicznego",
           "en": "Vistula University of Technology — Centre for Lifelong Learning"},
    registration="VATPL-7770001111", country="PL", street_address="ul. Uczelniana 2",
    locality="Kraków", postal_code="30-002", email="kontakt@uni.example",
    website="https://uni.example", information_uri="https://registry.example/providers/1/",
    verified_by="Komisja Jakości (demo)",
    keys=[KeyPeriod(f"{DID}#key-1", KEY1, T0, T2), KeyPeriod(f"{DID}#key-2", KEY2, T2)],
    trusted=[(T0, True), (T3, False)],
)  # fmt: skip


def signed(now: dt.datetime = T3 + dt.timedelta(days=1)) -> str:
    document = to_lote(SCHEME, [ISSUER], sequence=7, issued=now,
                       next_update=now + dt.timedelta(days=1))  # fmt: skip
    return sign_lote(document, OPERATOR, kid="did:web:registry.example#key-1", now=now)


def payload(token: str) -> dict[str, object]:
    part = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))  # type: ignore[no-any-return]


def test_the_list_has_the_json_binding_s_shape() -> None:
    token = signed()
    header = json.loads(base64.urlsafe_b64decode(token.split(".")[0] + "=="))
    assert (header["alg"], header["typ"], header["cty"]) == ("EdDSA", "jose", "json")
    assert isinstance(header["iat"], int)
    lote = payload(token)["LoTE"]
    info = lote["ListAndSchemeInformation"]  # type: ignore[index]
    assert info["LoTEVersionIdentifier"] == 1
    assert info["LoTESequenceNumber"] == 7
    assert info["LoTEType"] == LOTE_TYPE
    assert info["ListIssueDateTime"].endswith("Z")
    assert info["SchemeOperatorName"][0] == {"lang": "en", "value": "Demo Registry"}
    entity = lote["TrustedEntitiesList"][0]  # type: ignore[index]
    assert entity["TrustedEntityInformation"]["TETradeName"][0]["value"] == "VATPL-7770001111"
    key1, key2 = entity["TrustedEntityServices"]
    identity = key1["ServiceInformation"]["ServiceDigitalIdentity"]
    assert identity["PublicKeyValues"] == [KEY1.public_jwk()]
    assert identity["OtherIds"] == [DID, f"{DID}#key-1"]
    # key-1: granted at T0, withdrawn at T2 (newest first in the history)
    assert key1["ServiceInformation"]["ServiceStatus"] == WITHDRAWN
    assert [h["ServiceStatus"] for h in key1["ServiceHistory"]] == [GRANTED]
    # key-2: granted at T2, withdrawn at T3 (the suspension)
    assert key2["ServiceInformation"]["StatusStartingTime"] == "2026-05-01T00:00:00Z"
    assert key2["ServiceHistory"][0]["StatusStartingTime"] == "2026-03-01T00:00:00Z"
    assert KEY1.secret_multibase not in token


def test_only_the_operator_s_signature_opens_the_list() -> None:
    token = signed()
    with pytest.raises(TrustListError):
        read_lote(token, operator_key=KeyPair.generate())
    header, _body, signature = token.split(".")
    tampered = payload(token)
    tampered["LoTE"]["ListAndSchemeInformation"]["LoTESequenceNumber"] = 8  # type: ignore[index]
    forged = base64.urlsafe_b64encode(json.dumps(tampered).encode()).decode().rstrip("=")
    with pytest.raises(TrustListError):
        read_lote(f"{header}.{forged}.{signature}", operator_key=OPERATOR)
    with pytest.raises(TrustListError):
        read_lote("not a jws", operator_key=OPERATOR)


@pytest.mark.parametrize(
    ("key", "fragment", "issued", "code"),
    [
        (KEY1, "key-1", T0 + dt.timedelta(days=10), "confirmed"),  # key-1 in use
        (KEY1, "key-1", T2 + dt.timedelta(days=10), vm.NOT_TRUSTED_THEN.code),  # rotated out
        (KEY2, "key-2", T2 + dt.timedelta(days=10), "confirmed"),
        (KEY2, "key-2", T3 + dt.timedelta(hours=1), vm.NOT_TRUSTED_THEN.code),  # suspended
    ],
)
def test_verify_asks_the_list_about_the_key_at_the_issue_time(
    key: KeyPair, fragment: str, issued: dt.datetime, code: str
) -> None:
    document = did_web_document(DID, {"key-1": KEY1, "key-2": KEY2})
    award = example_award(issued_on=issued.date().isoformat())
    credential = issue(award, issuer=Issuer.from_did_document(key, document), formats=("ob3",),
                       now=issued)["ob3"]  # fmt: skip
    trust_list = read_lote(signed(), operator_key=OPERATOR)
    report = verify(credential, resolver=Resolver({DID: document}), trust_list=trust_list,
                    now=T3 + dt.timedelta(days=2))  # fmt: skip
    trust = report.check("trust")
    assert trust is not None
    assert trust.code == code, trust.en
    if code == "confirmed":
        assert (
            "a verified provider since 2026-01-01, verified by Komisja Jakości (demo)" in trust.en
        )
        assert "zweryfikowany dostawca od 2026-01-01" in trust.pl
    else:
        assert report.result != "valid"


def test_a_signer_the_list_does_not_know_is_not_in_it() -> None:
    stranger = KeyPair.generate()
    credential = issue(example_award(), issuer=Issuer.from_key(stranger), formats=("ob3",),
                       now=T0)["ob3"]  # fmt: skip
    report = verify(credential, trust_list=read_lote(signed(), operator_key=OPERATOR),
                    now=T0 + dt.timedelta(days=1))  # fmt: skip
    trust = report.check("trust")
    assert trust is not None
    assert trust.code == vm.NOT_IN_TRUST_LIST.code


def test_an_e_seal_certificate_is_listed_and_confirms_a_sealed_edc() -> None:
    """A seal certificate issued by a test CA, listed as the issuer's e-seal service
    (``X509Certificates``): an EDC sealed with it is confirmed while it was in use, and
    not once it was replaced."""
    from cryptography.hazmat.primitives.serialization import Encoding

    from microcred.credentials.jades.certificates import (
        ca_seal_certificate,
        seal_subject,
        self_signed_test_ca,
    )
    from microcred.credentials.lote import SealPeriod

    award = example_award(issued_on=(T0 + dt.timedelta(days=10)).date().isoformat())
    body = award.spec.awarding_bodies[0]
    subject = seal_subject(body)
    ca = self_signed_test_ca("Demo Registry", "PL", not_before=T0 - dt.timedelta(days=1))
    seal = ca_seal_certificate(ca, subject.organisation, subject.country,
                               organisation_identifier=subject.organisation_identifier,
                               not_before=T0 - dt.timedelta(days=1))  # fmt: skip
    der = seal.certificates[0].public_bytes(Encoding.DER)
    names = {str(lang): text for lang, text in body.name.items()}
    issuer = TrustedIssuer(**{**ISSUER.__dict__, "names": names, "keys": [],
                              "seals": [SealPeriod(der, T0, T2)]})  # fmt: skip
    document = to_lote(SCHEME, [issuer], sequence=3, issued=T3, next_update=T3)
    service = document["LoTE"]["TrustedEntitiesList"][0]["TrustedEntityServices"][0]
    identity = service["ServiceInformation"]["ServiceDigitalIdentity"]
    assert base64.b64decode(identity["X509Certificates"][0]["val"]) == der
    assert "O=" in identity["X509SubjectNames"][0]
    token = sign_lote(document, OPERATOR, kid="did:web:registry.example#key-1", now=T3)
    trust_list = read_lote(token, operator_key=OPERATOR)
    for issued, code in ((T0 + dt.timedelta(days=10), "confirmed"),
                         (T2 + dt.timedelta(days=10), vm.NOT_TRUSTED_THEN.code)):  # fmt: skip
        edc = issue(example_award(issued_on=issued.date().isoformat()),
                    issuer=Issuer.from_seal(seal), formats=("edc",), now=issued)["edc"]  # fmt: skip
        report = verify(edc, trust_list=trust_list, now=issued + dt.timedelta(days=1))
        trust = report.check("trust")
        assert trust is not None
        assert trust.code == code, trust.en
    before = T0 - dt.timedelta(days=1)
    stranger = self_signed_test_ca("Other", "PL", not_before=before)
    other = ca_seal_certificate(stranger, subject.organisation, subject.country, not_before=before)
    edc = issue(award, issuer=Issuer.from_seal(other), formats=("edc",),
                now=T0 + dt.timedelta(days=10))["edc"]  # fmt: skip
    report = verify(edc, trust_list=trust_list, now=T0 + dt.timedelta(days=11))
    assert report.check("trust").code == vm.NOT_IN_TRUST_LIST.code  # type: ignore[union-attr]
