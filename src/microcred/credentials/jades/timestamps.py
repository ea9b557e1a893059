"""Signature time-stamps: :func:`check_signature_timestamps` checks the RFC 3161 tokens a
JAdES seal carries in ``etsiU`` → ``sigTst`` (ETSI TS 119 182-1 clause 5.3.4) and says, for
each, whether it proves that the seal existed at its time.

A time-stamp is what lets a seal outlive its certificate: if a time-stamp authority (TSA)
says the signature value existed at a time when the seal certificate was valid, the seal
can be accepted after the certificate expired (ETSI EN 319 102-1, proof of existence).
That proof is only as good as the TSA's own certificate: once it has expired too, the
time-stamp proves nothing more without an archive time-stamp over it, which is not
checked here, so such a time-stamp is ``unconfirmed``.

Each token is checked the way RFC 3161 §2.4.2 and RFC 5652 §5.4/§5.6 say: a CMS
SignedData with one signer whose certificate is in the token; the ``TSTInfo`` message
imprint is the hash of the seal's base64url signature value (clause 5.3.4.1); the signed
attributes carry the TSTInfo content type, its message digest and the ESS
signing-certificate reference to the TSA certificate; the signature over them verifies
with that certificate's key; the certificate is for time-stamping (extended key usage,
RFC 3161 §2.3) and valid at the time-stamp's time and now. Like the seal, the TSA is
not checked against a trust list.

Parsing is asn1crypto's, signature checks are cryptography's; the SignedData check itself
is written here rather than taken from pyHanko because pyHanko's validator is
asynchronous and built around path validation with revocation fetching, while a seal
needs one offline check of one token.

What a person reads about a time-stamp is one of the message constants below, in English
and Polish; its code is the time-stamp's ``code`` (:meth:`TimeStamp.describe`).
"""

from __future__ import annotations

__all__ = [
    "BAD_TIMESTAMP_SIGNATURE",
    "IMPRINT_MISMATCH",
    "MALFORMED_TIMESTAMP",
    "NOT_A_TSA",
    "TIMESTAMP_CHECKED",
    "TIME_IN_FUTURE",
    "TIME_OUTSIDE_TSA_CERTIFICATE",
    "TSA_CERTIFICATE_EXPIRED",
    "TSA_CERTIFICATE_NOT_YET_VALID",
    "UNSUPPORTED_TIMESTAMP",
    "TimeStamp",
    "check_signature_timestamps",
]

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any, Literal

from asn1crypto import cms, tsp
from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from ...standard.messages import Message
from ._header import _base64_der, _etsi_u_entries, _utc
from .certificates import _CERTIFICATE_ERRORS, _attribute

_MAX_TOKEN_BYTES = 256 * 1024
_MAX_TOKENS = 8
_HASHES: dict[str, type[hashes.HashAlgorithm]] = {
    "sha256": hashes.SHA256,
    "sha384": hashes.SHA384,
    "sha512": hashes.SHA512,
}
#: what asn1crypto raises on DER it cannot parse (it parses lazily, so anywhere)
_ASN1_ERRORS = (ValueError, TypeError, KeyError, IndexError, OverflowError, AttributeError)

Status = Literal["valid", "unconfirmed", "invalid"]


@dataclass(frozen=True)
class TimeStamp:
    """One signature time-stamp: ``valid`` (proves the seal existed at ``time``),
    ``unconfirmed`` (well formed and correctly signed, but its TSA certificate is no longer
    valid, so it proves nothing today) or ``invalid`` (with the reason in ``code``)."""

    status: Status
    code: str
    time: dt.datetime | None = None
    authority: str | None = None
    authority_not_after: dt.datetime | None = None

    def describe(self, lang: str = "en") -> str:
        """One line for a person: what the time-stamp says and whether it holds."""
        when = _utc(self.time) if self.time else "?"
        who = self.authority or "?"
        until = _utc(self.authority_not_after) if self.authority_not_after else "?"
        message = _DESCRIPTIONS[self.code]
        return message.text(lang, when=when, who=who, until=until)


# --- what a time-stamp says (TimeStamp.code; a seal warning's code is "timestamp_" + it) -

#: a valid time-stamp
TIMESTAMP_CHECKED = Message(
    "ok",
    "time-stamp of {when} by {who} checked",
    "znacznik czasu z {when} wystawiony przez {who} sprawdzony",
)
#: unconfirmed: the TSA's certificate expired on ``until``
TSA_CERTIFICATE_EXPIRED = Message(
    "tsa_certificate_expired",
    "its time-stamp of {when} by {who} no longer proves that time: the time-stamp "
    "authority's certificate expired on {until}",
    "jej znacznik czasu z {when} wystawiony przez {who} nie dowodzi już tego czasu: "
    "certyfikat urzędu znacznika czasu wygasł {until}",
)
#: unconfirmed: the TSA's certificate is not valid yet
TSA_CERTIFICATE_NOT_YET_VALID = Message(
    "tsa_certificate_not_yet_valid",
    "its time-stamp by {who} cannot be checked: the time-stamp authority's certificate is "
    "not valid yet",
    "jej znacznika czasu wystawionego przez {who} nie można sprawdzić: certyfikat urzędu "
    "znacznika czasu nie jest jeszcze ważny",
)
# invalid time-stamps
IMPRINT_MISMATCH = Message(
    "imprint_mismatch",
    "a time-stamp it carries was made for other data",
    "dołączony znacznik czasu dotyczy innych danych",
)
BAD_TIMESTAMP_SIGNATURE = Message(
    "bad_signature",
    "a time-stamp it carries has an invalid signature",
    "dołączony znacznik czasu ma niepoprawny podpis",
)
NOT_A_TSA = Message(
    "not_a_tsa",
    "a time-stamp it carries was signed by a certificate not issued for time-stamping",
    "dołączony znacznik czasu podpisano certyfikatem, który nie służy do znakowania czasem",
)
TIME_OUTSIDE_TSA_CERTIFICATE = Message(
    "time_outside_tsa_certificate",
    "a time-stamp it carries ({when}) lies outside its authority's certificate validity",
    "dołączony znacznik czasu ({when}) wykracza poza okres ważności certyfikatu urzędu",
)
TIME_IN_FUTURE = Message(
    "time_in_future",
    "a time-stamp it carries is dated in the future ({when})",
    "dołączony znacznik czasu ma datę z przyszłości ({when})",
)
UNSUPPORTED_TIMESTAMP = Message(
    "unsupported",
    "a time-stamp it carries uses algorithms this verifier does not handle",
    "dołączony znacznik czasu używa algorytmów, których ten weryfikator nie obsługuje",
)
MALFORMED_TIMESTAMP = Message(
    "malformed",
    "a time-stamp it carries cannot be read as an RFC 3161 token",
    "dołączonego znacznika czasu nie można odczytać jako tokenu RFC 3161",
)

#: every message a time-stamp's ``code`` names, by that code
_DESCRIPTIONS = {
    message.code: message
    for message in (
        TIMESTAMP_CHECKED,
        TSA_CERTIFICATE_EXPIRED,
        TSA_CERTIFICATE_NOT_YET_VALID,
        IMPRINT_MISMATCH,
        BAD_TIMESTAMP_SIGNATURE,
        NOT_A_TSA,
        TIME_OUTSIDE_TSA_CERTIFICATE,
        TIME_IN_FUTURE,
        UNSUPPORTED_TIMESTAMP,
        MALFORMED_TIMESTAMP,
    )
}


class _InvalidTimeStampError(Exception):
    """A time-stamp token that fails a check: ``code`` (a message's) says which, ``facts``
    what was found. Private control flow, not a ``MicrocredError``: the seal's verification
    reports it as a time-stamp result, and ``tsa`` turns it into a ``SealError``."""

    def __init__(self, message: Message, **facts: Any) -> None:
        super().__init__(message.code)
        self.code, self.facts = message.code, facts


def check_signature_timestamps(
    unprotected: dict[str, Any], signature: str, now: dt.datetime, skew: dt.timedelta
) -> list[TimeStamp]:
    """Every ``sigTst`` token in ``unprotected['etsiU']`` checked against ``signature``
    (the seal's base64url signature value); never raises on what the seal carries."""
    tokens: list[Any] = []
    for entry in _etsi_u_entries(unprotected):
        if "sigTst" in entry:
            stamp = entry["sigTst"]
            found = stamp.get("tstTokens") if isinstance(stamp, dict) else None
            tokens += found if isinstance(found, list) and found else [None]
    data = signature.encode("ascii")
    return [_check_entry(token, data, now, skew) for token in tokens[:_MAX_TOKENS]]


def _check_entry(token: Any, data: bytes, now: dt.datetime, skew: dt.timedelta) -> TimeStamp:
    der = _base64_der(token.get("val") if isinstance(token, dict) else None, _MAX_TOKEN_BYTES)
    if der is None:
        return TimeStamp("invalid", MALFORMED_TIMESTAMP.code)
    try:
        return check_timestamp_token(der, data, now, skew)
    except _InvalidTimeStampError as failure:
        return TimeStamp("invalid", failure.code, **failure.facts)
    except _ASN1_ERRORS + _CERTIFICATE_ERRORS:
        # A time-stamp sits in the unprotected header, outside the seal's signature: one we
        # cannot read proves nothing, and must not sink the seal either.
        return TimeStamp("invalid", MALFORMED_TIMESTAMP.code)


def check_timestamp_token(
    der: bytes, data: bytes, now: dt.datetime, skew: dt.timedelta
) -> TimeStamp:
    """One DER ``TimeStampToken`` over ``data``; raises :class:`_InvalidTimeStampError` or
    a parse error (both turned into an ``invalid`` result by the caller)."""
    info = cms.ContentInfo.load(der, strict=True)
    if info["content_type"].native != "signed_data":
        raise _InvalidTimeStampError(MALFORMED_TIMESTAMP)
    signed: cms.SignedData = info["content"]
    encapsulated = signed["encap_content_info"]
    if encapsulated["content_type"].native != "tst_info":
        raise _InvalidTimeStampError(MALFORMED_TIMESTAMP)
    content: bytes = encapsulated["content"].contents
    tst = tsp.TSTInfo.load(content, strict=True)
    time: dt.datetime = tst["gen_time"].native.astimezone(dt.UTC)
    _check_imprint(tst["message_imprint"], data, time)
    signers = signed["signer_infos"]
    if len(signers) != 1:
        raise _InvalidTimeStampError(MALFORMED_TIMESTAMP, time=time)
    signer: cms.SignerInfo = signers[0]
    # The signed attributes as received, taken before anything reads into them: once
    # their parts are read, asn1crypto re-encodes them on dump() (slow, and not the bytes
    # the TSA signed if they were not in DER).
    signed_attributes = signer["signed_attrs"].dump()
    certificate = _signer_certificate(signed, signer, time)
    tsa = x509.load_der_x509_certificate(certificate.dump())
    facts: dict[str, Any] = {"time": time, "authority": _name(tsa),
             "authority_not_after": tsa.not_valid_after_utc}  # fmt: skip
    _check_signed_attributes(signer, content, certificate, facts)
    _check_signature(signer, signed_attributes, tsa, facts)
    try:
        purposes = tsa.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    except x509.ExtensionNotFound:
        raise _InvalidTimeStampError(NOT_A_TSA, **facts) from None
    if ExtendedKeyUsageOID.TIME_STAMPING not in purposes:
        raise _InvalidTimeStampError(NOT_A_TSA, **facts)
    start, end = tsa.not_valid_before_utc, tsa.not_valid_after_utc
    if time > now + skew:
        raise _InvalidTimeStampError(TIME_IN_FUTURE, **facts)
    if not start <= time <= end:
        raise _InvalidTimeStampError(TIME_OUTSIDE_TSA_CERTIFICATE, **facts)
    if now > end:
        return TimeStamp("unconfirmed", TSA_CERTIFICATE_EXPIRED.code, **facts)
    if now + skew < start:
        return TimeStamp("unconfirmed", TSA_CERTIFICATE_NOT_YET_VALID.code, **facts)
    return TimeStamp("valid", TIMESTAMP_CHECKED.code, **facts)


def _name(certificate: x509.Certificate) -> str:
    """``CN (O)`` of a certificate's subject, or the whole subject when it has neither."""
    common = _attribute(certificate.subject, NameOID.COMMON_NAME)
    organisation = _attribute(certificate.subject, NameOID.ORGANIZATION_NAME)
    if common and organisation and organisation != common:
        return f"{common} ({organisation})"
    return common or organisation or certificate.subject.rfc4514_string()


def _digest(algorithm: str, data: bytes) -> bytes:
    if algorithm not in _HASHES:
        raise _InvalidTimeStampError(UNSUPPORTED_TIMESTAMP)
    return hashlib.new(algorithm, data).digest()


def _check_imprint(imprint: tsp.MessageImprint, data: bytes, time: dt.datetime) -> None:
    algorithm = imprint["hash_algorithm"]["algorithm"].native
    if _digest(algorithm, data) != imprint["hashed_message"].native:
        raise _InvalidTimeStampError(IMPRINT_MISMATCH, time=time)


def _signer_certificate(signed: cms.SignedData, signer: cms.SignerInfo, time: dt.datetime) -> Any:
    """The certificate ``sid`` names among the token's certificates (RFC 5652 §5.3)."""
    sid = signer["sid"]
    for choice in signed["certificates"] or []:
        if choice.name != "certificate":
            continue
        certificate = choice.chosen
        if sid.name == "issuer_and_serial_number":
            wanted = sid.chosen
            # Serial first, then the issuer: byte for byte (the usual case, fast), else by
            # RFC 5280 §7.1 name matching (slow: LDAP string preparation).
            if certificate.serial_number == wanted["serial_number"].native and (
                certificate.issuer.dump() == wanted["issuer"].dump()
                or certificate.issuer == wanted["issuer"]
            ):
                return certificate
        elif sid.name == "subject_key_identifier" and certificate.key_identifier == sid.native:
            return certificate
    raise _InvalidTimeStampError(MALFORMED_TIMESTAMP, time=time)


def _check_signed_attributes(
    signer: cms.SignerInfo, content: bytes, certificate: Any, facts: dict[str, Any]
) -> None:
    """Content type, message digest (RFC 5652 §5.4, §11) and the ESS signing-certificate
    reference (RFC 3161 §2.4.1, RFC 5816) among the signed attributes."""
    attributes = {a["type"].native: a["values"] for a in signer["signed_attrs"] or []}
    digest_algorithm = signer["digest_algorithm"]["algorithm"].native
    content_type = attributes.get("content_type")
    digest = attributes.get("message_digest")
    if content_type is None or content_type[0].native != "tst_info" or digest is None:
        raise _InvalidTimeStampError(MALFORMED_TIMESTAMP, **facts)
    if digest[0].native != _digest(digest_algorithm, content):
        raise _InvalidTimeStampError(BAD_TIMESTAMP_SIGNATURE, **facts)
    der = certificate.dump()
    if "signing_certificate_v2" in attributes:
        reference = attributes["signing_certificate_v2"][0]["certs"][0]
        algorithm = reference["hash_algorithm"]["algorithm"].native
        expected = _digest(algorithm, der)
    elif "signing_certificate" in attributes:
        reference = attributes["signing_certificate"][0]["certs"][0]
        # ESSCertID (RFC 2634 §5.4) is fixed to SHA-1: a reference, not a security hash.
        expected = hashlib.sha1(der, usedforsecurity=False).digest()
    else:
        raise _InvalidTimeStampError(MALFORMED_TIMESTAMP, **facts)
    if reference["cert_hash"].native != expected:
        raise _InvalidTimeStampError(BAD_TIMESTAMP_SIGNATURE, **facts)


def _check_signature(
    signer: cms.SignerInfo, signed_attributes: bytes, tsa: x509.Certificate, facts: dict[str, Any]
) -> None:
    """The TSA's signature over the DER SET OF signed attributes (RFC 5652 §5.4)."""
    message = b"\x31" + signed_attributes[1:]  # [0] IMPLICIT → SET OF, same contents
    algorithm = signer["signature_algorithm"]
    kind = algorithm.signature_algo
    try:
        hash_name = algorithm.hash_algo
    except ValueError:  # a bare rsaEncryption OID: the digest algorithm says which hash
        hash_name = signer["digest_algorithm"]["algorithm"].native
    if hash_name not in _HASHES:
        raise _InvalidTimeStampError(UNSUPPORTED_TIMESTAMP, **facts)
    chosen = _HASHES[hash_name]()
    signature = signer["signature"].native
    key = tsa.public_key()
    try:
        if isinstance(key, rsa.RSAPublicKey) and kind == "rsassa_pkcs1v15":
            key.verify(signature, message, padding.PKCS1v15(), chosen)
        elif isinstance(key, rsa.RSAPublicKey) and kind == "rsassa_pss":
            salt = algorithm["parameters"]["salt_length"].native
            key.verify(signature, message, padding.PSS(padding.MGF1(chosen), salt), chosen)
        elif isinstance(key, ec.EllipticCurvePublicKey) and kind == "ecdsa":
            key.verify(signature, message, ec.ECDSA(chosen))
        else:
            raise _InvalidTimeStampError(UNSUPPORTED_TIMESTAMP, **facts)
    except InvalidSignature:
        raise _InvalidTimeStampError(BAD_TIMESTAMP_SIGNATURE, **facts) from None
    except UnsupportedAlgorithm:
        raise _InvalidTimeStampError(UNSUPPORTED_TIMESTAMP, **facts) from None
