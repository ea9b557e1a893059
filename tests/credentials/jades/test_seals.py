"""JAdES e-seals: the EU's sealed samples verify (with the trust-list warning), our seals
round-trip, and every tampering, swap, bad certificate or bad header is a clear report."""

from __future__ import annotations

import base64
import copy
import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import (
    decode_dss_signature,
    encode_dss_signature,
)
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from hypothesis import given, settings
from hypothesis import strategies as st

from microcred.credentials.errors import CredentialError
from microcred.credentials.jades import (
    TRUST_LIST_NOT_CHECKED,
    Indication,
    SealCredentials,
    SealError,
    SealResult,
    load_seal_credentials,
    seal,
    self_signed_seal_certificate,
    verify_seal,
)
from microcred.credentials.jades import messages as m
from microcred.credentials.jades import timestamps as ts
from microcred.credentials.jades.certificates import (
    FILE_TOO_LARGE,
    FILE_UNREADABLE,
    KEY_MISMATCH,
    NO_KEY,
)
from microcred.credentials.jades.certificates import NO_CERTIFICATE as NO_CERTIFICATE_IN_FILE
from microcred.credentials.jades.certificates import UNSUPPORTED_KEY as UNSUPPORTED_SEAL_KEY
from microcred.credentials.jades.sealing import CERTIFICATE_NOT_VALID

EU_SAMPLES = ["Sample-MC-Annex1-signed.jsonld", "Sample-CertOfPart-signed.jsonld"]
# The samples' certificate (CN=TEST SEAL, O=ORGANIZACION TEST, issued by ANF AC) is valid
# 2023-05-11T14:31:15Z – 2025-05-10T14:31:15Z: expired in real time, so `now` is injected.
EU_NOW = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
EU_SIGNING_TIMES = {
    "Sample-MC-Annex1-signed.jsonld": dt.datetime(2023, 9, 27, 11, 54, 17, tzinfo=dt.UTC),
    "Sample-CertOfPart-signed.jsonld": dt.datetime(2023, 9, 27, 12, 7, 1, tzinfo=dt.UTC),
}
NOW = dt.datetime.now(dt.UTC)
CREDS = self_signed_seal_certificate(
    "Uniwersytet Testowy", "PL", organisation_identifier="VATPL-5260001246"
)
OTHER = self_signed_seal_certificate("Inna Uczelnia", "PL")
#: an EDC-shaped credential (the EU samples are read through the `shared` fixture)
DOCUMENT: dict[str, Any] = {
    "@context": [
        "https://www.w3.org/2018/credentials/v1",
        "http://data.europa.eu/snb/model/context/edc-ap",
    ],
    "id": "urn:credential:5f1e6c2a-0b7e-4c59-9d0e-3c1f2b8a7d10",
    "type": ["VerifiableCredential", "EuropeanDigitalCredential"],
    "credentialProfiles": {
        "id": "http://data.europa.eu/snb/credential/e34929035b",
        "type": "Concept",
    },
    "credentialSchema": [
        {"id": "http://data.europa.eu/snb/model/ap/edc-generic-full", "type": "ShaclValidator2017"}
    ],
    "credentialSubject": {
        "id": "urn:epass:person:1",
        "type": "Person",
        "givenName": {"pl": "Zażółć"},
        "familyName": {"pl": "Gęślą-Jaźń"},
    },
    "displayParameter": {
        "id": "urn:epass:displayParameter:1",
        "type": "DisplayParameter",
        "title": {"pl": "Mikropoświadczenie", "en": "Micro-credential"},
    },
    "issuanceDate": "2026-01-01T12:00:00Z",
    "issued": "2026-01-01T12:00:00Z",
    "issuer": {
        "id": "urn:epass:org:1",
        "type": "Organisation",
        "legalName": {"pl": "Uniwersytet Testowy"},
    },
    "validFrom": "2026-01-01T00:00:00Z",
}
SEALED = seal(DOCUMENT, key=CREDS.key, certificates=CREDS.certificates)


def _eu(folder: Path, name: str) -> dict[str, Any]:
    sealed: dict[str, Any] = json.loads((folder / name).read_text(encoding="utf-8"))
    return sealed


@pytest.fixture
def eu(shared: Path) -> Path:
    """The EU's EDC samples (skipped without the shared data, failed under CI)."""
    return shared / "vectors" / "edc-examples"


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _header(sealed: dict[str, Any]) -> dict[str, Any]:
    segment = sealed["signatures"][0]["protected"]
    header: dict[str, Any] = json.loads(
        base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))
    )
    return header


def _codes(result: SealResult) -> list[str]:
    return [warning.code for warning in result.warnings]


def _sign(key: Any, data: bytes, alg: str) -> bytes:
    """An independent JWS signer (RFC 7518 §3.3, §3.4), not the module's joserfc path."""
    if alg == "ES256":
        r, s = decode_dss_signature(key.sign(data, ec.ECDSA(hashes.SHA256())))
        return r.to_bytes(32, "big") + s.to_bytes(32, "big")
    if alg == "RS256":
        return bytes(key.sign(data, padding.PKCS1v15(), hashes.SHA256()))
    return b""


def _forge(
    header: dict[str, Any], payload: str, key: Any, *, alg: str | None = None
) -> dict[str, Any]:
    """A seal with exactly ``header``, signed (unencoded payload) by ``key``."""
    protected = _b64url(json.dumps(header).encode())
    signing_input = protected.encode() + b"." + payload.encode("utf-8")
    signature = _sign(key, signing_input, alg or header.get("alg", ""))
    return {
        "payload": payload,
        "signatures": [{"protected": protected, "signature": _b64url(signature)}],
    }


def _b_header(
    certs: list[x509.Certificate] | list[bytes], when: dt.datetime, alg: str = "ES256"
) -> dict[str, Any]:
    """A baseline-B header as the module writes it, for ``certs`` (objects or DER)."""
    der = [c if isinstance(c, bytes) else c.public_bytes(serialization.Encoding.DER)
           for c in certs]  # fmt: skip
    return {
        "alg": alg,
        "x5t#S256": _b64url(hashlib.sha256(der[0]).digest()),
        "x5c": [base64.b64encode(d).decode() for d in der],
        "typ": "jose+json",
        "b64": False,
        "sigT": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "crit": ["b64", "sigT"],
    }


def _certificate(
    key: Any,
    *,
    usage: x509.KeyUsage | None = None,
    issuer: tuple[x509.Name, Any] | None = None,
    ca: bool = False,
    start: dt.datetime = NOW - dt.timedelta(days=1),
) -> x509.Certificate:
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, f"test {id(key)}"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Test Org"),
            x509.NameAttribute(NameOID.COUNTRY_NAME, "PL"),
        ]
    )
    issuer_name, issuer_key = issuer or (name, key)
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(issuer_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if usage is not None:
        builder = builder.add_extension(usage, critical=True)
    return builder.sign(issuer_key, hashes.SHA256())


def _usage(**flags: bool) -> x509.KeyUsage:
    names = (
        "digital_signature content_commitment key_encipherment data_encipherment "
        "key_agreement key_cert_sign crl_sign encipher_only decipher_only"
    ).split()
    return x509.KeyUsage(**{name: flags.get(name, False) for name in names})


# --- the EU's sealed samples ----------------------------------------------------------


@pytest.mark.parametrize("name", EU_SAMPLES)
def test_eu_sample_verifies_with_the_trust_list_warning(eu: Path, name: str) -> None:
    result = verify_seal((eu / name).read_bytes(), now=EU_NOW)
    assert result.verified, result.reason
    assert result.code == m.SEAL_VALID.code
    assert result.algorithm == "RS256"
    assert result.organisation == "ORGANIZACION TEST"
    assert result.organisation_identifier == "VATES-A00000000"
    assert result.country == "ES"
    assert result.signing_time == EU_SIGNING_TIMES[name]
    assert result.not_after == dt.datetime(2025, 5, 10, 14, 31, 15, tzinfo=dt.UTC)
    assert result.document == json.loads(_eu(eu, name)["payload"])
    assert result.document is not None
    assert result.document["type"] == ["VerifiableCredential", "EuropeanDigitalCredential"]
    codes = _codes(result)
    assert TRUST_LIST_NOT_CHECKED.code in codes
    assert m.TIMESTAMPS_NOT_CHECKED.code in codes  # adoTst and arcTst are not checked
    assert m.KID_MISMATCH.code not in codes  # our IssuerSerial kid is the one Europass writes
    assert m.SELF_SIGNED.code not in codes
    stamps = next(w for w in result.warnings if w.code == m.TIMESTAMPS_NOT_CHECKED.code)
    assert "adoTst" in stamps.reason
    assert "sigTst" not in stamps.reason  # checked: see below
    assert "arcTst" in stamps.reason
    assert result.warnings[0].reason_pl
    # The signature time-stamp is genuine, but by 2024 its test TSA's certificate had
    # expired (2023-12-13), so it proves nothing; the seal stands on its own certificate.
    (stamp,) = result.timestamps
    assert (stamp.status, stamp.code) == ("unconfirmed", ts.TSA_CERTIFICATE_EXPIRED.code)
    assert stamp.authority == "good-tsa (Nowina Solutions)"
    assert stamp.time is not None
    assert stamp.time - EU_SIGNING_TIMES[name] < dt.timedelta(minutes=1)
    assert f"timestamp_{ts.TSA_CERTIFICATE_EXPIRED.code}" in codes
    assert result.indication is Indication.PASSED
    assert result.validated_at is None


@pytest.mark.parametrize("name", EU_SAMPLES)
def test_eu_sample_while_its_time_stamp_authority_was_valid(eu: Path, name: str) -> None:
    result = verify_seal(_eu(eu, name), now=dt.datetime(2023, 10, 1, tzinfo=dt.UTC))
    assert result.verified, result.reason
    (stamp,) = result.timestamps
    assert (stamp.status, stamp.code) == ("valid", ts.TIMESTAMP_CHECKED.code)
    assert not [code for code in _codes(result) if code.startswith("timestamp_")]


@pytest.mark.parametrize("name", EU_SAMPLES)
def test_eu_sample_outside_its_certificate_validity(eu: Path, name: str) -> None:
    expired = verify_seal(_eu(eu, name))  # real time: the certificate expired on 2025-05-10
    assert not expired.verified
    assert expired.code == m.CERTIFICATE_EXPIRED.code
    # The signature is valid; only the proof that it was made in time is missing: the
    # time-stamp that would prove it is by a TSA whose certificate expired in 2023.
    assert expired.indication is Indication.INDETERMINATE
    for reason in (expired.reason, expired.reason_pl):
        assert "2025-05-10" in reason
        assert "good-tsa (Nowina Solutions)" in reason
        assert "2023-12-13" in reason
    assert expired.document is not None  # the report can still say what was presented
    assert TRUST_LIST_NOT_CHECKED.code in _codes(expired)
    early = verify_seal(_eu(eu, name), now=dt.datetime(2023, 1, 1, tzinfo=dt.UTC))
    assert early.code == m.CERTIFICATE_NOT_YET_VALID.code


@pytest.mark.parametrize("name", EU_SAMPLES)
def test_eu_sample_header_is_what_seal_writes(eu: Path, name: str) -> None:
    """Europass's header = ours + adoTst (a content time-stamp, baseline-T and above)."""
    theirs = _header(_eu(eu, name))
    ours = _header(SEALED)
    assert theirs["alg"] == "RS256"
    assert len(theirs["x5c"]) == 1
    assert theirs["b64"] is False
    assert theirs["crit"] == ["b64", "sigT", "adoTst"]
    assert [k for k in theirs if k != "adoTst"] == list(ours)
    assert ours["cty"] == theirs["cty"] == "octet-stream"
    assert ours["typ"] == theirs["typ"] == "jose+json"


def test_eu_payloads_swapped_between_the_samples_fail(eu: Path) -> None:
    first, second = _eu(eu, EU_SAMPLES[0]), _eu(eu, EU_SAMPLES[1])
    swapped = {"payload": second["payload"], "signatures": first["signatures"]}
    result = verify_seal(swapped, now=EU_NOW)
    assert not result.verified
    assert result.code == m.INVALID_SIGNATURE.code


# --- round trip -----------------------------------------------------------------------


def test_round_trip_with_a_self_signed_certificate() -> None:
    result = verify_seal(SEALED)
    assert result.verified, result.reason
    assert result.document == DOCUMENT
    assert result.algorithm == "ES256"
    assert result.organisation == "Uniwersytet Testowy"
    assert result.organisation_identifier == "VATPL-5260001246"
    assert result.country == "PL"
    assert _codes(result)[0] == TRUST_LIST_NOT_CHECKED.code
    assert m.SELF_SIGNED.code in _codes(result)
    assert "Uniwersytet Testowy (PL)" in result.reason
    assert result.text("pl") == m.SEAL_VALID.text(
        "pl", alg="ES256", signer="Uniwersytet Testowy (PL)"
    )
    assert verify_seal(json.dumps(SEALED)).verified
    assert verify_seal(json.dumps(SEALED).encode()).verified


def test_seal_header_and_independent_signature_check() -> None:
    header = _header(SEALED)
    leaf = CREDS.certificates[0]
    der = leaf.public_bytes(serialization.Encoding.DER)
    assert header["x5c"] == [base64.b64encode(der).decode()]
    assert header["x5t#S256"] == _b64url(hashlib.sha256(der).digest())
    assert header["crit"] == ["b64", "sigT"]
    assert dt.datetime.fromisoformat(header["sigT"]) <= dt.datetime.now(dt.UTC)
    assert SEALED["payload"] == json.dumps(DOCUMENT, ensure_ascii=False, separators=(",", ":"))
    signature = SEALED["signatures"][0]
    raw = base64.urlsafe_b64decode(signature["signature"] + "==")
    r, s = int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big")
    signing_input = signature["protected"].encode() + b"." + SEALED["payload"].encode("utf-8")
    public_key = leaf.public_key()
    assert isinstance(public_key, ec.EllipticCurvePublicKey)
    public_key.verify(encode_dss_signature(r, s), signing_input, ec.ECDSA(hashes.SHA256()))


def test_round_trip_with_rsa_and_given_signing_time() -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    creds = self_signed_seal_certificate(
        "RSA Uni", "DE", key=key, not_before=NOW - dt.timedelta(days=2)
    )
    when = NOW - dt.timedelta(days=1)
    sealed = seal(
        {"id": "urn:x", "name": "Zażółć gęślą jaźń"},
        key=key,
        certificates=creds.certificates,
        signing_time=when,
    )
    assert _header(sealed)["alg"] == "RS256"
    result = verify_seal(sealed)
    assert result.verified, result.reason
    assert result.signing_time == when.replace(microsecond=0)
    assert result.document == {"id": "urn:x", "name": "Zażółć gęślą jaźń"}


def test_flattened_serialization_and_encoded_payload_are_read() -> None:
    flattened = {"payload": SEALED["payload"], **SEALED["signatures"][0]}
    assert verify_seal(flattened).verified
    header = _b_header(CREDS.certificates, NOW)
    del header["b64"]
    header["crit"] = ["sigT"]
    payload = _b64url(b'{"id":"urn:encoded"}')
    forged = _forge(header, payload, CREDS.key)
    result = verify_seal(forged)
    assert result.verified, result.reason
    assert result.document == {"id": "urn:encoded"}


# --- tampering and swapping -----------------------------------------------------------


def _with_payload(sealed: dict[str, Any], document: Any) -> dict[str, Any]:
    return {**sealed, "payload": json.dumps(document, ensure_ascii=False, separators=(",", ":"))}


@pytest.mark.parametrize("field", sorted(DOCUMENT))
def test_tamper_loop_over_the_payload_fields(field: str) -> None:
    changed = copy.deepcopy(DOCUMENT)
    changed[field] = "tampered"
    result = verify_seal(_with_payload(SEALED, changed))
    assert not result.verified
    assert result.code == m.INVALID_SIGNATURE.code
    removed = {k: v for k, v in DOCUMENT.items() if k != field}
    assert verify_seal(_with_payload(SEALED, removed)).code == m.INVALID_SIGNATURE.code


def test_tamper_added_field_and_reserialized_payload() -> None:
    assert verify_seal(_with_payload(SEALED, {**DOCUMENT, "x": 1})).code == m.INVALID_SIGNATURE.code
    pretty = {**SEALED, "payload": json.dumps(DOCUMENT, indent=1, ensure_ascii=False)}
    assert verify_seal(pretty).code == m.INVALID_SIGNATURE.code  # same JSON, other bytes


@pytest.mark.parametrize("field", sorted(_header(SEALED)))
def test_tamper_loop_over_the_protected_header(field: str) -> None:
    header = _header(SEALED)
    header[field] = ["x"] if isinstance(header[field], list) else "x"
    signatures = [{**SEALED["signatures"][0], "protected": _b64url(json.dumps(header).encode())}]
    result = verify_seal({**SEALED, "signatures": signatures})
    assert not result.verified
    assert result.code != m.INTERNAL_ERROR.code


def test_payload_swapped_between_two_sealed_documents() -> None:
    other = seal(
        {**DOCUMENT, "id": "urn:credential:other"}, key=CREDS.key, certificates=CREDS.certificates
    )
    swapped = {"payload": other["payload"], "signatures": SEALED["signatures"]}
    result = verify_seal(swapped)
    assert not result.verified
    assert result.code == m.INVALID_SIGNATURE.code
    assert (result.reason, result.reason_pl) == (m.INVALID_SIGNATURE.en, m.INVALID_SIGNATURE.pl)


def test_signature_from_another_seal_fails() -> None:
    other = seal(DOCUMENT, key=OTHER.key, certificates=OTHER.certificates)
    mixed = {
        "payload": SEALED["payload"],
        "signatures": [
            {
                "protected": SEALED["signatures"][0]["protected"],
                "signature": other["signatures"][0]["signature"],
            }
        ],
    }
    assert verify_seal(mixed).code == m.INVALID_SIGNATURE.code


# --- certificates ---------------------------------------------------------------------


def test_expired_certificate() -> None:
    past = self_signed_seal_certificate(
        "Old Uni", "PL", valid_days=30, not_before=NOW - dt.timedelta(days=60)
    )
    sealed = seal(
        DOCUMENT,
        key=past.key,
        certificates=past.certificates,
        signing_time=NOW - dt.timedelta(days=45),
    )
    result = verify_seal(sealed)
    assert not result.verified
    assert result.code == m.CERTIFICATE_EXPIRED.code
    assert result.indication is Indication.INDETERMINATE
    assert m.NO_SIGNATURE_TIMESTAMP.en in result.reason
    assert m.NO_SIGNATURE_TIMESTAMP.pl in result.reason_pl
    assert result.organisation == "Old Uni"
    assert verify_seal(sealed, now=NOW - dt.timedelta(days=40)).verified
    tampered = _with_payload(sealed, {**DOCUMENT, "id": "urn:uuid:other"})
    assert verify_seal(tampered).indication is Indication.FAILED  # not merely undecided


def test_not_yet_valid_certificate() -> None:
    future = self_signed_seal_certificate(
        "Future Uni", "PL", not_before=NOW + dt.timedelta(days=10)
    )
    sealed = seal(
        DOCUMENT,
        key=future.key,
        certificates=future.certificates,
        signing_time=NOW + dt.timedelta(days=11),
    )
    result = verify_seal(sealed)
    assert result.code == m.CERTIFICATE_NOT_YET_VALID.code
    start = future.certificates[0].not_valid_before_utc
    expected = m.CERTIFICATE_NOT_YET_VALID(date=f"{start:%Y-%m-%dT%H:%M:%SZ}")
    assert (result.reason, result.reason_pl) == (expected.en, expected.pl)


def test_signing_time_outside_the_certificate_or_in_the_future() -> None:
    before = _b_header(
        CREDS.certificates, CREDS.certificates[0].not_valid_before_utc - dt.timedelta(days=3)
    )
    result = verify_seal(_forge(before, SEALED["payload"], CREDS.key))
    assert result.code == m.CERTIFICATE_NOT_VALID_AT_SIGNING.code
    future = _b_header(CREDS.certificates, NOW + dt.timedelta(days=2))
    result = verify_seal(_forge(future, SEALED["payload"], CREDS.key))
    assert result.code == m.SIGNING_TIME_IN_FUTURE.code


@pytest.mark.parametrize(
    "usage",
    [_usage(key_encipherment=True), _usage(key_cert_sign=True, crl_sign=True), None],
    ids=["key-encipherment", "ca-usage", "no-key-usage"],
)
def test_wrong_key_usage(usage: x509.KeyUsage | None) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    certificate = _certificate(key, usage=usage)
    with pytest.raises(SealError) as raised:
        seal(DOCUMENT, key=key, certificates=[certificate])
    assert raised.value.reason == m.WRONG_KEY_USAGE()  # a person's certificate: in EN and PL
    forged = _forge(_b_header([certificate], NOW), SEALED["payload"], key)
    result = verify_seal(forged)
    assert not result.verified
    assert result.code == m.WRONG_KEY_USAGE.code


def test_non_repudiation_alone_is_enough() -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    certificate = _certificate(key, usage=_usage(content_commitment=True))
    assert verify_seal(seal(DOCUMENT, key=key, certificates=[certificate])).verified


def test_x5c_of_another_certificate_than_the_signing_key() -> None:
    header = _b_header(OTHER.certificates, NOW)  # consistent header naming OTHER
    result = verify_seal(_forge(header, SEALED["payload"], CREDS.key))
    assert not result.verified
    assert result.code == m.INVALID_SIGNATURE.code
    replaced = _header(SEALED) | {"x5c": _b_header(OTHER.certificates, NOW)["x5c"]}
    signatures = [{**SEALED["signatures"][0], "protected": _b64url(json.dumps(replaced).encode())}]
    result = verify_seal({**SEALED, "signatures": signatures})
    assert result.code == m.CERTIFICATE_MISMATCH.code  # x5t#S256 still names the real one
    with pytest.raises(SealError) as raised:
        seal(DOCUMENT, key=CREDS.key, certificates=OTHER.certificates)
    assert raised.value.code == "key_mismatch"


def test_certificate_chain_in_x5c() -> None:
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = _certificate(ca_key, usage=_usage(key_cert_sign=True), ca=True)
    key = ec.generate_private_key(ec.SECP256R1())
    leaf = _certificate(key, usage=_usage(digital_signature=True), issuer=(ca.subject, ca_key))
    result = verify_seal(seal(DOCUMENT, key=key, certificates=[leaf, ca]))
    assert result.verified
    assert m.CHAIN_NOT_LINKED.code not in _codes(result)
    assert m.SELF_SIGNED.code not in _codes(result)
    unrelated = verify_seal(seal(DOCUMENT, key=key, certificates=[leaf, OTHER.certificates[0]]))
    assert unrelated.verified
    assert m.CHAIN_NOT_LINKED.code in _codes(unrelated)


def test_kid_naming_another_certificate_is_a_warning() -> None:
    header = _b_header(CREDS.certificates, NOW) | {"kid": "bm90IHRoaXMgb25l"}
    result = verify_seal(_forge(header, SEALED["payload"], CREDS.key))
    assert result.verified
    assert m.KID_MISMATCH.code in _codes(result)


def test_iat_is_read_as_the_signing_time() -> None:
    """JAdES V1.2.1 writes the signing time as ``iat`` (a NumericDate) instead of sigT."""
    when = NOW.replace(microsecond=0) - dt.timedelta(minutes=1)
    header = _b_header(CREDS.certificates, NOW)
    del header["sigT"]
    header |= {"iat": int(when.timestamp()), "crit": ["b64"]}
    result = verify_seal(_forge(header, SEALED["payload"], CREDS.key))
    assert result.verified, result.reason
    assert result.signing_time == when


def test_missing_jades_parameters_are_warnings() -> None:
    header = _b_header(CREDS.certificates, NOW)
    del header["sigT"], header["x5t#S256"]
    header["crit"] = ["b64"]
    result = verify_seal(_forge(header, SEALED["payload"], CREDS.key))
    assert result.verified
    assert {m.NO_SIGNING_TIME.code, m.NO_CERTIFICATE_REFERENCE.code} <= set(_codes(result))


# --- algorithms and headers -----------------------------------------------------------


@pytest.mark.parametrize("alg", ["none", "None", "NONE"])
def test_alg_none_is_refused(alg: str) -> None:
    header = _b_header(CREDS.certificates, NOW) | {"alg": alg}
    forged = _forge(header, SEALED["payload"], CREDS.key, alg="none")
    result = verify_seal(forged)
    assert not result.verified
    assert result.code == m.ALG_NONE.code


@pytest.mark.parametrize("alg", ["", None, 256, ["ES256"]])
def test_alg_missing_or_not_a_name(alg: Any) -> None:
    header = _b_header(CREDS.certificates, NOW) | {"alg": alg}
    result = verify_seal(_forge(header, SEALED["payload"], CREDS.key, alg="ES256"))
    assert result.code == m.MALFORMED_SEAL.code


@pytest.mark.parametrize("alg", ["HS256", "RS256", "PS256", "ES384", "EdDSA"])
def test_alg_is_pinned_from_the_certificate_key(alg: str) -> None:
    header = _b_header(CREDS.certificates, NOW) | {"alg": alg}
    forged = _forge(header, SEALED["payload"], CREDS.key, alg="ES256")
    result = verify_seal(forged)
    assert result.code == m.ALG_MISMATCH.code


def test_es256_header_on_an_rsa_certificate() -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    creds = self_signed_seal_certificate("RSA Uni", "DE", key=key)
    header = _b_header(creds.certificates, NOW, alg="ES256")
    result = verify_seal(_forge(header, SEALED["payload"], key, alg="RS256"))
    assert result.code == m.ALG_MISMATCH.code


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"crit": ["b64", "sigT", "exp"], "exp": 1}, m.UNSUPPORTED_SEAL.code),
        ({"crit": ["sigT"]}, m.MALFORMED_SEAL.code),  # b64 false must be critical (RFC 7797)
        ({"crit": []}, m.MALFORMED_SEAL.code),
        ({"crit": "b64"}, m.MALFORMED_SEAL.code),
        ({"crit": ["b64", "sigT", "missing"]}, m.MALFORMED_SEAL.code),
        ({"sigD": {"mId": "x"}}, m.UNSUPPORTED_SEAL.code),
        (
            {"crit": ["b64", "sigT", "sigPId"], "sigPId": {"id": "urn:oid:1.2.3"}},
            m.UNSUPPORTED_SEAL.code,
        ),
        ({"sigT": "27/09/2023"}, m.MALFORMED_SEAL.code),
        ({"x5c": []}, m.MALFORMED_CERTIFICATE.code),
        ({"x5c": ["bm90IGEgY2VydA=="]}, m.MALFORMED_CERTIFICATE.code),
        ({"x5c": "MIIB"}, m.MALFORMED_CERTIFICATE.code),
        ({"x5t#S256": "AAAA"}, m.CERTIFICATE_MISMATCH.code),
    ],
)
def test_bad_headers(change: dict[str, Any], code: str) -> None:
    header = _b_header(CREDS.certificates, NOW) | change
    result = verify_seal(_forge(header, SEALED["payload"], CREDS.key, alg="ES256"))
    assert not result.verified
    assert result.code == code, result.reason


_ID_EC_PUBLIC_KEY = bytes.fromhex("2a8648ce3d0201")


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        (_ID_EC_PUBLIC_KEY, bytes.fromhex("2a8648ce3d0209"), m.UNSUPPORTED_KEY.code),
        (bytes.fromhex("a003020102"), bytes.fromhex("a003020154"), m.MALFORMED_CERTIFICATE.code),
    ],
    ids=["unknown-key-type", "unknown-version"],
)
def test_certificates_cryptography_cannot_use(old: bytes, new: bytes, code: str) -> None:
    """Found by fuzzing: errors cryptography raises lazily become reports, not tracebacks."""
    der = CREDS.certificates[0].public_bytes(serialization.Encoding.DER)
    assert der.count(old) == 1
    header = _b_header([der.replace(old, new)], NOW)
    result = verify_seal(_forge(header, SEALED["payload"], CREDS.key))
    assert result.code == code, result.reason


def test_no_x5c() -> None:
    header = _b_header(CREDS.certificates, NOW)
    del header["x5c"]
    assert verify_seal(_forge(header, SEALED["payload"], CREDS.key)).code == m.NO_CERTIFICATE.code


@pytest.mark.parametrize("name", ["alg", "x5c", "b64", "crit", "sigT", "kid", "jwk"])
def test_security_parameters_outside_the_protected_header(name: str) -> None:
    signatures = [{**SEALED["signatures"][0], "header": {name: "x"}}]
    result = verify_seal({**SEALED, "signatures": signatures})
    assert result.code == m.MALFORMED_SEAL.code


def test_several_signatures_are_not_handled() -> None:
    twice = {**SEALED, "signatures": SEALED["signatures"] * 2}
    assert verify_seal(twice).code == m.UNSUPPORTED_SEAL.code


# --- garbage --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        None,
        1,
        "",
        "{",
        "[]",
        b"\xff\xfe",
        [],
        {},
        {"payload": "x"},
        {"signatures": []},
        {"payload": 1, "signatures": [{}]},
        {"payload": "x", "signatures": ["x"]},
        {"payload": "x", "signatures": [{"protected": "!!", "signature": "x"}]},
        {"payload": "x", "signatures": [{"protected": "e30", "signature": "x"}]},
        {"payload": "x", "signatures": [{"protected": _b64url(b"[1]"), "signature": "x"}]},
        {
            "payload": "x",
            "signatures": [
                {"protected": _b64url(b'{"alg":"ES256","alg":"none"}'), "signature": "x"}
            ],
        },
        "[" * 100_000,
        "x" * (9 * 1024 * 1024),
    ],
    ids=lambda value: type(value).__name__,
)
def test_garbage_is_a_report(value: Any) -> None:
    result = verify_seal(value)
    assert not result.verified
    assert result.code in {m.MALFORMED_SEAL.code, m.SEAL_TOO_LARGE.code}, result.reason
    assert result.reason
    assert result.reason_pl
    assert TRUST_LIST_NOT_CHECKED.code in _codes(result)


def test_payload_that_is_not_a_json_object() -> None:
    for payload in ('"a string"', "[1,2]", "not json"):
        forged = _forge(_b_header(CREDS.certificates, NOW), payload, CREDS.key)
        assert verify_seal(forged).code == m.PAYLOAD_NOT_JSON.code


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        _JSON,
        st.binary(max_size=200),
        st.text(max_size=200),
        st.fixed_dictionaries(
            {
                "payload": _JSON,
                "signatures": st.lists(
                    st.fixed_dictionaries(
                        {
                            "protected": st.text(max_size=40) | _JSON,
                            "signature": st.text(max_size=40) | _JSON,
                            "header": _JSON,
                        }
                    ),
                    max_size=2,
                ),
            }
        ),
    )
)
def test_fuzz_never_raises(value: Any) -> None:
    result = verify_seal(value)
    assert isinstance(result, SealResult)
    assert not result.verified
    assert result.code != m.INTERNAL_ERROR.code, result.reason


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_fuzz_mutated_seal_never_raises(data: st.DataObject) -> None:
    text = bytearray(json.dumps(SEALED).encode())
    for _ in range(data.draw(st.integers(1, 4))):
        where = data.draw(st.integers(0, len(text) - 1))
        text[where] = data.draw(st.integers(0, 255))
    result = verify_seal(bytes(text))
    assert result.code != m.INTERNAL_ERROR.code, result.reason
    if result.verified:  # only a mutation that leaves the same JSON may pass
        assert json.loads(bytes(text)) == SEALED


# --- seal misuse ----------------------------------------------------------------------


def test_seal_refuses_misuse() -> None:
    with pytest.raises(SealError) as raised:
        seal(["not", "an", "object"], key=CREDS.key, certificates=CREDS.certificates)  # type: ignore[arg-type]
    assert raised.value.code == "not_json"
    with pytest.raises(SealError, match="not JSON"):
        seal({"x": float("nan")}, key=CREDS.key, certificates=CREDS.certificates)
    with pytest.raises(SealError) as raised:
        seal(DOCUMENT, key=CREDS.key, certificates=[])
    assert raised.value.code == "no_certificate"
    with pytest.raises(SealError) as raised:
        seal(
            DOCUMENT,
            key=CREDS.key,
            certificates=CREDS.certificates,
            signing_time=dt.datetime(2026, 1, 1),
        )
    assert raised.value.code == "naive_datetime"
    with pytest.raises(SealError) as raised:
        seal(
            DOCUMENT,
            key=CREDS.key,
            certificates=CREDS.certificates,
            signing_time=NOW + dt.timedelta(days=400),
        )
    assert raised.value.code == CERTIFICATE_NOT_VALID.code
    assert isinstance(raised.value, CredentialError)
    with pytest.raises(SealError):
        verify_seal(SEALED, now=dt.datetime(2026, 1, 1))


def test_seal_refuses_unsupported_keys() -> None:
    small = rsa.generate_private_key(public_exponent=65537, key_size=1024)  # noqa: S505 - refused
    certificate = _certificate(small, usage=_usage(digital_signature=True))
    with pytest.raises(SealError) as raised:
        seal(DOCUMENT, key=small, certificates=[certificate])
    assert raised.value.code == UNSUPPORTED_SEAL_KEY.code
    edwards = ed25519.Ed25519PrivateKey.generate()
    with pytest.raises(SealError) as raised:
        self_signed_seal_certificate("Ed Uni", "PL", key=edwards)  # type: ignore[arg-type]
    assert raised.value.code == UNSUPPORTED_SEAL_KEY.code


# --- the self-signed test certificate -------------------------------------------------


def test_self_signed_certificate_says_it_is_a_test() -> None:
    certificate = CREDS.certificates[0]
    cn = certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value
    assert cn == "Uniwersytet Testowy (TEST – not qualified)"
    assert isinstance(CREDS.key, ec.EllipticCurvePrivateKey)
    assert CREDS.key.curve.name == "secp256r1"
    usage = certificate.extensions.get_extension_for_class(x509.KeyUsage)
    assert usage.critical
    assert usage.value.digital_signature
    assert usage.value.content_commitment
    assert not usage.value.key_cert_sign
    assert not certificate.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    oid = x509.ObjectIdentifier("1.3.6.1.5.5.7.1.3")  # QCStatements: never claimed
    assert oid not in [extension.oid for extension in certificate.extensions]
    days = (certificate.not_valid_after_utc - certificate.not_valid_before_utc).days
    assert days == 365


def test_self_signed_certificate_limits() -> None:
    name = "Akademia Wychowania Fizycznego Józefa Piłsudskiego w Warszawie"  # 62 characters
    long = self_signed_seal_certificate(name, "PL")
    subject = long.certificates[0].subject
    cn = subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value
    assert isinstance(cn, str)
    assert len(cn.encode()) <= 64
    assert cn.endswith("… (TEST – not qualified)")
    assert subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value == name  # whole
    with pytest.raises(SealError, match="at most 64"):
        self_signed_seal_certificate("Akademia " * 20, "PL")  # O= would be cut: refused
    polish = self_signed_seal_certificate("Uniwersytet Łódzki — Wydział Zażółć Gęślą Jaźń", "PL")
    assert polish.certificates[0].subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    for country in ("pl", "POL", ""):
        with pytest.raises(SealError):
            self_signed_seal_certificate("Uni", country)
    with pytest.raises(SealError):
        self_signed_seal_certificate(" ", "PL")
    with pytest.raises(SealError):
        self_signed_seal_certificate("Uni", "PL", valid_days=0)


# --- loading credentials --------------------------------------------------------------


def _assert_loaded(loaded: SealCredentials, expected: SealCredentials) -> None:
    assert loaded.certificates == expected.certificates
    public = serialization.PublicFormat.SubjectPublicKeyInfo
    der = serialization.Encoding.DER
    assert loaded.key.public_key().public_bytes(
        der, public
    ) == expected.key.public_key().public_bytes(der, public)
    assert verify_seal(seal(DOCUMENT, key=loaded.key, certificates=loaded.certificates)).verified


def _chain() -> SealCredentials:
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = _certificate(ca_key, usage=_usage(key_cert_sign=True), ca=True)
    key = ec.generate_private_key(ec.SECP256R1())
    leaf = _certificate(key, usage=_usage(content_commitment=True), issuer=(ca.subject, ca_key))
    return SealCredentials(key, [leaf, ca])


@pytest.mark.parametrize("password", [None, "hasło-ąę", b"bytes"])
def test_pkcs12_round_trip(tmp_path: Path, password: str | bytes | None) -> None:
    creds = _chain()
    secret = password.encode() if isinstance(password, str) else password
    encryption = (
        serialization.BestAvailableEncryption(secret) if secret else serialization.NoEncryption()
    )
    blob = pkcs12.serialize_key_and_certificates(
        b"e-seal", creds.key, creds.certificates[0], [creds.certificates[1]], encryption
    )
    path = tmp_path / "seal.p12"
    path.write_bytes(blob)
    _assert_loaded(load_seal_credentials(path, password), creds)
    if password:
        with pytest.raises(SealError) as raised:
            load_seal_credentials(path, "wrong")
        assert raised.value.code == FILE_UNREADABLE.code


@pytest.mark.parametrize("key_first", [True, False])
def test_pem_round_trip(tmp_path: Path, key_first: bool) -> None:
    creds = _chain()
    key = creds.key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(b"tajne"),
    )
    # the CA first: the loader puts the certificate of the key first
    certs = b"".join(c.public_bytes(serialization.Encoding.PEM) for c in creds.certificates[::-1])
    path = tmp_path / "seal.pem"
    path.write_bytes(key + certs if key_first else certs + key)
    _assert_loaded(load_seal_credentials(path, "tajne"), creds)
    with pytest.raises(SealError):
        load_seal_credentials(path)  # encrypted key, no password


def test_pem_with_a_traditional_unencrypted_key(tmp_path: Path) -> None:
    key = CREDS.key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption(),
    )
    path = tmp_path / "seal.pem"
    path.write_bytes(CREDS.certificates[0].public_bytes(serialization.Encoding.PEM) + key)
    _assert_loaded(load_seal_credentials(path), CREDS)


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"garbage", FILE_UNREADABLE.code),
        (
            b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
            NO_CERTIFICATE_IN_FILE.code,
        ),
        (b"x" * (2 * 1024 * 1024), FILE_TOO_LARGE.code),
    ],
)
def test_unusable_credential_files(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "bad.p12"
    path.write_bytes(content)
    with pytest.raises(SealError) as raised:
        load_seal_credentials(path)
    assert raised.value.code == code


def test_credential_files_without_a_matching_key(tmp_path: Path) -> None:
    certificate = CREDS.certificates[0].public_bytes(serialization.Encoding.PEM)
    path = tmp_path / "cert-only.pem"
    path.write_bytes(certificate)
    with pytest.raises(SealError) as raised:
        load_seal_credentials(path)
    assert raised.value.code == NO_KEY.code
    other_key = OTHER.key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    path.write_bytes(certificate + other_key)
    with pytest.raises(SealError) as raised:
        load_seal_credentials(path)
    assert raised.value.code == KEY_MISMATCH.code
    with pytest.raises(SealError) as raised:
        load_seal_credentials(tmp_path / "missing.p12")
    assert raised.value.code == FILE_UNREADABLE.code
