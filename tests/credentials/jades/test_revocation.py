"""Revocation data carried in a seal (rVals): OCSP responses and CRLs made by
cryptography's builders for a small PKI (a CA, a seal certificate, an OCSP responder);
a verified "good" answer from the signing time stands for the revocation check, a
revocation before the signing time fails, a later one is indeterminate unless a
time-stamp proves the seal came first, and evidence that does not verifiably speak about
the seal certificate is ignored. The EU's sample carries ANF's OCSP response."""

from __future__ import annotations

import base64
import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509 import ocsp
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from joserfc import jws
from joserfc.jwk import ECKey

from microcred.credentials.jades import Indication, add_signature_timestamp, seal, verify_seal
from microcred.credentials.jades import messages as m
from microcred.credentials.verify import CheckStatus, verify

from .tsa import TimeStampAuthority, time_stamp_authority

NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)
DOCUMENT: dict[str, Any] = {"id": "urn:uuid:revocation-test", "type": ["Test"]}


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Test PKI"),
                      x509.NameAttribute(NameOID.COUNTRY_NAME, "PL")])  # fmt: skip


def _certificate(subject: str, key: Any, issuer: tuple[x509.Name, Any] | None = None,
                 *, ca: bool = False, purpose: Any = None) -> x509.Certificate:  # fmt: skip
    issuer_name, issuer_key = issuer or (_name(subject), key)
    builder = (
        x509.CertificateBuilder().subject_name(_name(subject)).issuer_name(issuer_name)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(NOW - dt.timedelta(days=10))
        .not_valid_after(NOW + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=not ca,
                                     key_encipherment=False, data_encipherment=False,
                                     key_agreement=False, key_cert_sign=ca, crl_sign=ca,
                                     encipher_only=False, decipher_only=False), critical=True)
    )  # fmt: skip
    if purpose is not None:
        builder = builder.add_extension(x509.ExtendedKeyUsage([purpose]), critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


CA_KEY, SEAL_KEY, RESPONDER_KEY, OTHER_KEY = (ec.generate_private_key(ec.SECP256R1())
                                              for _ in range(4))  # fmt: skip
CA = _certificate("Test CA", CA_KEY, ca=True)
SEAL = _certificate("Uczelnia Testowa", SEAL_KEY, (CA.subject, CA_KEY))
RESPONDER = _certificate("Test OCSP", RESPONDER_KEY, (CA.subject, CA_KEY),
                         purpose=ExtendedKeyUsageOID.OCSP_SIGNING)  # fmt: skip
ROGUE = _certificate("Rogue OCSP", OTHER_KEY, purpose=ExtendedKeyUsageOID.OCSP_SIGNING)


def _ocsp(*, status: ocsp.OCSPCertStatus = ocsp.OCSPCertStatus.GOOD,
          this_update: dt.datetime = NOW, revoked_at: dt.datetime | None = None,
          signer: tuple[x509.Certificate, Any] = (RESPONDER, RESPONDER_KEY),
          certificate: x509.Certificate = SEAL) -> bytes:  # fmt: skip
    responder, key = signer
    builder = ocsp.OCSPResponseBuilder().add_response(
        # SHA-1 CertID hashes: what RFC 6960 responders send (the EU sample's too)
        cert=certificate, issuer=CA, algorithm=hashes.SHA1(), cert_status=status,  # noqa: S303
        this_update=this_update, next_update=this_update + dt.timedelta(days=7),
        revocation_time=revoked_at,
        revocation_reason=x509.ReasonFlags.key_compromise if revoked_at else None,
    ).responder_id(ocsp.OCSPResponderEncoding.HASH, responder)  # fmt: skip
    if responder is not CA:
        builder = builder.certificates([responder])
    response = builder.sign(key, hashes.SHA256())
    return response.public_bytes(serialization.Encoding.DER)


def _crl(*, revoked_at: dt.datetime | None = None, key: Any = CA_KEY) -> bytes:
    builder = (x509.CertificateRevocationListBuilder().issuer_name(CA.subject)
               .last_update(NOW).next_update(NOW + dt.timedelta(days=7)))  # fmt: skip
    if revoked_at is not None:
        entry = (x509.RevokedCertificateBuilder().serial_number(SEAL.serial_number)
                 .revocation_date(revoked_at).build())  # fmt: skip
        builder = builder.add_revoked_certificate(entry)
    return builder.sign(key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)


def _b64(der: bytes) -> str:
    return base64.b64encode(der).decode()


def _sealed(*, ocsps: list[bytes] = (), crls: list[bytes] = (),  # type: ignore[assignment]
            extra: list[Any] | None = None, when: dt.datetime = NOW) -> dict[str, Any]:  # fmt: skip
    """A seal by SEAL (x5c: the seal certificate only) with the CA in xVals and the given
    revocation values in rVals, as plain JSON objects in etsiU."""
    sealed = seal(DOCUMENT, key=SEAL_KEY, certificates=[SEAL], signing_time=when)
    entries: list[Any] = [{"xVals": [{"x509Cert": {"val": _b64(CA.public_bytes(
        serialization.Encoding.DER))}}]}]  # fmt: skip
    entries.append({"rVals": {"ocspVals": [{"val": _b64(o)} for o in ocsps],
                              "crlVals": [{"val": _b64(c)} for c in crls]}})  # fmt: skip
    sealed["signatures"][0]["header"] = {"etsiU": entries + (extra or [])}
    return sealed


def _codes(sealed: dict[str, Any], **options: Any) -> tuple[Any, list[str]]:
    result = verify_seal(sealed, **options)
    return result, [w.code for w in result.warnings]


@pytest.fixture(scope="module")
def tsa(tmp_path_factory: pytest.TempPathFactory) -> TimeStampAuthority:
    return time_stamp_authority(tmp_path_factory.mktemp("tsa"),
                                not_before=NOW - dt.timedelta(days=1),
                                not_after=NOW + dt.timedelta(days=3650))  # fmt: skip


def _stamped(sealed: dict[str, Any], tsa: TimeStampAuthority) -> dict[str, Any]:
    """``sealed`` with a signature time-stamp next to its validation data."""
    header = sealed["signatures"][0].pop("header")
    stamped = add_signature_timestamp(sealed, tsa)
    stamped["signatures"][0]["header"]["etsiU"] += header["etsiU"]
    return stamped


def test_good_ocsp_answer_stands_for_the_revocation_check(tsa: TimeStampAuthority) -> None:
    # Dated only by the seal's own claim (sigT): used, with a warning saying so.
    result, codes = _codes(_sealed(ocsps=[_ocsp()]))
    assert result.verified, result.reason
    assert result.revocation is not None
    assert (result.revocation.status, result.revocation.kind) == ("good", "OCSP")
    assert result.revocation.signer == "Test OCSP"
    assert m.REVOCATION_NOT_CHECKED.code not in codes
    assert m.REVOCATION_AT_CLAIMED_TIME.code in codes
    assert verify(_sealed(ocsps=[_ocsp()])).check("revocation") is None  # a warning instead
    # Dated after a time-stamp's time: a revocation check of its own. The TSA stamps the
    # real time, so the answer is dated after now, not after the module's import (NOW):
    # a long run can be minutes past it.
    stamping = dt.datetime.now(dt.UTC).replace(microsecond=0)
    stamped = _stamped(_sealed(ocsps=[_ocsp(this_update=stamping + dt.timedelta(minutes=1))]), tsa)
    result, codes = _codes(stamped, now=stamping + dt.timedelta(hours=1))
    assert result.revocation is not None
    assert m.REVOCATION_AT_CLAIMED_TIME.code not in codes
    check = verify(stamped, now=stamping + dt.timedelta(hours=1)).check("revocation")
    assert check is not None
    assert check.status is CheckStatus.PASS
    assert "not revoked when sealed (OCSP, Test OCSP" in check.en


def test_the_issuer_may_sign_its_own_ocsp_answers_and_crls() -> None:
    by_ca, _ = _codes(_sealed(ocsps=[_ocsp(signer=(CA, CA_KEY))]))
    assert by_ca.revocation is not None
    assert by_ca.revocation.signer == "Test CA"
    crl, codes = _codes(_sealed(crls=[_crl()]))
    assert crl.revocation is not None
    assert crl.revocation.kind == "CRL"
    assert m.REVOCATION_NOT_CHECKED.code not in codes


def _crl_with(extension: x509.ExtensionType) -> bytes:
    builder = (x509.CertificateRevocationListBuilder().issuer_name(CA.subject)
               .last_update(NOW).next_update(NOW + dt.timedelta(days=7))
               .add_extension(extension, critical=True))  # fmt: skip
    return builder.sign(CA_KEY, hashes.SHA256()).public_bytes(serialization.Encoding.DER)


def _idp(**fields: Any) -> x509.IssuingDistributionPoint:
    values = {"full_name": None, "relative_name": None, "only_contains_user_certs": False,
              "only_contains_ca_certs": False, "only_some_reasons": None,
              "indirect_crl": False, "only_contains_attribute_certs": False} | fields  # fmt: skip
    return x509.IssuingDistributionPoint(**values)


OLD_RESPONDER = x509.CertificateBuilder(
    RESPONDER.issuer,
    RESPONDER.subject,
    RESPONDER.public_key(),
    x509.random_serial_number(),
    NOW - dt.timedelta(days=400),
    NOW - dt.timedelta(days=300),
    list(RESPONDER.extensions),
).sign(CA_KEY, hashes.SHA256())  # the same key, a certificate long expired


@pytest.mark.parametrize(
    "values",
    [
        {"ocsps": [_ocsp(signer=(ROGUE, OTHER_KEY))]},  # a responder the CA did not certify
        {"ocsps": [_ocsp(certificate=RESPONDER)]},  # about another certificate
        {"ocsps": [_ocsp(this_update=NOW - dt.timedelta(days=3))]},  # older than the seal
        {"ocsps": [_ocsp(signer=(OLD_RESPONDER, RESPONDER_KEY))]},  # responder expired then
        {"ocsps": [_ocsp(this_update=NOW + dt.timedelta(days=20))]},  # dated after "now"
        {"crls": [_crl(key=OTHER_KEY)]},  # a CRL the CA did not sign
        # CRLs that do not list every revoked certificate of the seal's kind
        {"crls": [_crl_with(x509.DeltaCRLIndicator(1))]},
        {"crls": [_crl_with(_idp(only_contains_ca_certs=True))]},
        {"crls": [_crl_with(_idp(only_some_reasons=frozenset({x509.ReasonFlags.superseded})))]},
        {"crls": [_crl_with(_idp(full_name=[x509.UniformResourceIdentifier("http://ca/7.crl")]))]},
        {"ocsps": [b"\x30\x03\x0a\x01\x01"], "crls": [b"junk"]},  # unreadable
    ],
    ids=[
        "rogue-responder",
        "other-certificate",
        "stale",
        "expired-responder",
        "future",
        "forged-crl",
        "delta-crl",
        "ca-only-crl",
        "some-reasons-crl",
        "partition-crl",
        "garbage",
    ],
)
def test_evidence_that_does_not_verifiably_speak_is_ignored(values: dict[str, Any]) -> None:
    result, codes = _codes(_sealed(**values))
    assert result.verified, result.reason
    assert result.revocation is None
    assert m.REVOCATION_NOT_CHECKED.code in codes


@pytest.mark.parametrize("source", ["ocsp", "crl"])
def test_revoked_before_the_seal_was_made_fails(source: str) -> None:
    before = NOW - dt.timedelta(days=2)
    values = ({"ocsps": [_ocsp(status=ocsp.OCSPCertStatus.REVOKED, revoked_at=before)]}
              if source == "ocsp" else {"crls": [_crl(revoked_at=before)]})  # fmt: skip
    result, _ = _codes(_sealed(**values))
    assert not result.verified
    assert result.indication is Indication.FAILED
    expected = m.CERTIFICATE_REVOKED(date=f"{before:%Y-%m-%dT%H:%M:%SZ}")
    assert result.code == expected.code
    assert (result.reason, result.reason_pl) == (expected.en, expected.pl)


def test_revoked_after_the_claimed_signing_time_is_indeterminate() -> None:
    later = NOW + dt.timedelta(hours=1)
    revoked = _ocsp(status=ocsp.OCSPCertStatus.REVOKED, revoked_at=later, this_update=later)
    result, _ = _codes(_sealed(ocsps=[revoked]), now=NOW + dt.timedelta(days=1))
    assert result.indication is Indication.INDETERMINATE
    assert result.code == m.CERTIFICATE_REVOKED.code
    assert result.signing_time is not None
    claim = m.REVOCATION_CLAIM_ONLY(date=f"{result.signing_time:%Y-%m-%dT%H:%M:%SZ}")
    assert claim.en in result.reason
    assert claim.pl in result.reason_pl


def test_a_revocation_after_the_validation_time_is_not_yet_one() -> None:
    later = NOW + dt.timedelta(days=2)
    revoked = _ocsp(status=ocsp.OCSPCertStatus.REVOKED, revoked_at=later, this_update=later)
    assert verify_seal(_sealed(ocsps=[revoked]), now=NOW + dt.timedelta(days=1)).verified
    after = verify_seal(_sealed(ocsps=[revoked]), now=NOW + dt.timedelta(days=3))
    assert after.indication is Indication.INDETERMINATE


def test_revoked_after_a_time_stamp_proven_seal_stays_valid(tsa: TimeStampAuthority) -> None:
    later = NOW + dt.timedelta(hours=1)
    revoked = _ocsp(status=ocsp.OCSPCertStatus.REVOKED, revoked_at=later, this_update=later)
    result, codes = _codes(_stamped(_sealed(ocsps=[revoked]), tsa), now=NOW + dt.timedelta(days=1))
    assert result.verified, result.reason
    assert m.REVOKED_AFTER_SEALING.code in codes


def _without_signing_time(sealed: dict[str, Any]) -> dict[str, Any]:
    """The same seal re-made without sigT (JAdES baseline-B requires it; seals exist
    without), keeping its unprotected header."""
    header = {"alg": "ES256", "x5c": [_b64(SEAL.public_bytes(serialization.Encoding.DER))],
              "b64": False, "crit": ["b64"]}  # fmt: skip
    payload = json.dumps(DOCUMENT, separators=(",", ":")).encode()
    bare = dict(jws.serialize_json([{"protected": header}], payload, ECKey.import_key(SEAL_KEY),
                                   algorithms=["ES256"]))  # fmt: skip
    bare["signatures"][0]["header"] = sealed["signatures"][0]["header"]
    return bare


def test_without_a_signing_time_only_a_time_stamp_dates_the_seal(tsa: TimeStampAuthority) -> None:
    later = NOW + dt.timedelta(hours=1)
    revoked = _ocsp(status=ocsp.OCSPCertStatus.REVOKED, revoked_at=later, this_update=later)
    bare = _without_signing_time(_sealed(ocsps=[revoked]))
    undated, _ = _codes(bare, now=NOW + dt.timedelta(days=1))
    assert undated.indication is Indication.INDETERMINATE  # not "revoked before sealing"
    assert m.NO_SIGNATURE_TIMESTAMP.en in undated.reason
    stamped = _stamped(copy.deepcopy(bare), tsa)
    dated, codes = _codes(stamped, now=NOW + dt.timedelta(days=1))
    assert dated.verified, dated.reason
    assert m.REVOKED_AFTER_SEALING.code in codes


def test_the_seal_certificate_never_vouches_for_itself() -> None:
    own_key = ec.generate_private_key(ec.SECP256R1())
    own = _certificate("Self Sealer", own_key)  # self-signed
    sealed = seal(DOCUMENT, key=own_key, certificates=[own])
    crl = (x509.CertificateRevocationListBuilder().issuer_name(own.subject).last_update(NOW)
           .next_update(NOW + dt.timedelta(days=7)).sign(own_key, hashes.SHA256()))  # fmt: skip
    sealed["signatures"][0]["header"] = {"etsiU": [{"rVals": {"crlVals": [
        {"val": _b64(crl.public_bytes(serialization.Encoding.DER))}]}}]}  # fmt: skip
    result, codes = _codes(sealed)
    assert result.revocation is None
    assert m.REVOCATION_NOT_CHECKED.code in codes
    # a CA-issued seal certificate that may also sign OCSP answers: not for itself
    both_key = ec.generate_private_key(ec.SECP256R1())
    both = _certificate("Sealer+OCSP", both_key, (CA.subject, CA_KEY),
                        purpose=ExtendedKeyUsageOID.OCSP_SIGNING)  # fmt: skip
    answer = _ocsp(signer=(both, both_key), certificate=both)
    sealed = seal(DOCUMENT, key=both_key, certificates=[both, CA])
    sealed["signatures"][0]["header"] = {
        "etsiU": [{"rVals": {"ocspVals": [{"val": _b64(answer)}]}}]
    }
    result, codes = _codes(sealed)
    assert result.revocation is None
    assert m.REVOCATION_NOT_CHECKED.code in codes


def test_validation_data_is_capped_over_the_whole_seal() -> None:
    """Review finding: per-entry caps let a few MB of entries cost minutes. Hundreds of
    entries of sixteen answers each are read only up to the seal-wide caps."""
    answer = _b64(_ocsp(signer=(ROGUE, OTHER_KEY)))  # names the seal; a responder not allowed
    sealed = _sealed()
    sealed["signatures"][0]["header"]["etsiU"] += [
        {"rVals": {"ocspVals": [{"val": answer}] * 16}}
    ] * 300
    result, codes = _codes(sealed)
    assert result.verified, result.reason
    assert m.REVOCATION_NOT_CHECKED.code in codes


def test_unreadable_validation_data_never_raises() -> None:
    for extra in ([{"xVals": "x"}], [{"rVals": [1, 2]}], [{"xVals": [{"x509Cert": {"val": 5}}]}],
                  [{"xVals": [{"x509Cert": 5}]}], [{"xVals": [{"x509Cert": []}]}],
                  [{"rVals": {"ocspVals": [{"val": "%%%"}], "crlVals": None}}]):  # fmt: skip
        result, codes = _codes(_sealed(extra=copy.deepcopy(extra)))
        assert result.verified, result.reason
        assert m.REVOCATION_NOT_CHECKED.code in codes


def test_eu_sample_carries_a_good_ocsp_answer_from_anf(shared: Path) -> None:
    sample = json.loads(
        (shared / "vectors/edc-examples/Sample-MC-Annex1-signed.jsonld").read_text()
    )
    result = verify_seal(sample, now=dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    assert result.verified, result.reason
    assert result.revocation is not None
    assert result.revocation.kind == "OCSP"
    assert result.revocation.signer == "ANF AC Qualified Certificates for eSeal Responder 1468"
    assert result.revocation.as_of == dt.datetime(2023, 9, 27, 11, 54, 17, tzinfo=dt.UTC)
    codes = [w.code for w in result.warnings]
    assert m.REVOCATION_NOT_CHECKED.code not in codes
    # its time-stamp authority had expired by 2024: only the seal's claim dates the answer
    assert m.REVOCATION_AT_CLAIMED_TIME.code in codes
