"""Verification: :func:`verify_seal` checks a JAdES e-seal in order and reports every
outcome as a :class:`SealResult` with its :class:`SealWarning` list; it never raises on
anything a stranger can send.

The result has one of the three main indications of ETSI EN 319 102-1: passed, failed,
or indeterminate — the signature is valid and the content unmodified, but the seal
certificate has expired and nothing (no valid signature time-stamp) proves that the seal
was made while it was valid (sub-indication OUT_OF_BOUNDS_NO_POE)."""

from __future__ import annotations

__all__ = ["Indication", "SealResult", "SealWarning", "verify_seal"]

import base64
import datetime as dt
import hashlib
import warnings
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, cast

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.utils import CryptographyDeprecationWarning
from cryptography.x509.oid import NameOID
from joserfc import jws
from joserfc.errors import BadSignatureError, JoseError, SecurityWarning

from ...standard.messages import Reason
from .._json import loads_strict
from ..errors import SealError
from ._header import (
    _b64url,
    _check_header,
    _etsi_u_entries,
    _joserfc_key,
    _parse,
    _registry,
    _signing_time,
    _timestamps,
    _utc,
)
from .certificates import (
    _CERTIFICATE_ERRORS,
    _algorithms_for,
    _attribute,
    _chain_links,
    _is_self_signed,
    _issuer_serial_kid,
    _key_kind,
    _key_usage_ok,
)
from .limits import _CLOCK_SKEW, _MAX_CERTIFICATE_BYTES, _MAX_CERTIFICATES
from .messages import (
    ALG_MISMATCH,
    BAD_JWS,
    CERTIFICATE_EXPIRED,
    CERTIFICATE_MISMATCH,
    CERTIFICATE_NOT_VALID_AT_SIGNING,
    CERTIFICATE_NOT_YET_VALID,
    CERTIFICATE_REVOKED,
    CERTIFICATE_REVOKED_NO_PROOF,
    CHAIN_NOT_LINKED,
    INTERNAL_ERROR,
    INVALID_SIGNATURE,
    KID_MISMATCH,
    MALFORMED_CERTIFICATE,
    NO_CERTIFICATE,
    NO_CERTIFICATE_REFERENCE,
    NO_SIGNATURE_TIMESTAMP,
    NO_SIGNING_TIME,
    PAYLOAD_NOT_JSON,
    REVOCATION_AT_CLAIMED_TIME,
    REVOCATION_CLAIM_ONLY,
    REVOCATION_NOT_CHECKED,
    REVOKED_AFTER_SEALING,
    SEAL_VALID,
    SEAL_VALID_AS_OF_TIMESTAMP,
    SELF_SIGNED,
    SIGNING_TIME_IN_FUTURE,
    TIMESTAMPS_NOT_CHECKED,
    TRUST_LIST_NOT_CHECKED,
    UNKNOWN_KEY_TYPE,
    UNSUPPORTED_KEY,
    VALIDATED_AT_TIMESTAMP,
    WRONG_KEY_USAGE,
    _FailedCheckError,
    _IndeterminateError,
    _malformed,
)
from .revocation import Revocation, embedded_revocation
from .timestamps import TimeStamp, check_signature_timestamps

# cryptography warns about a stranger's certificate (a negative serial number…), which the
# seal check reports itself; joserfc warns about algorithms the seal's certificate fixes.
# Filtered once, for those categories raised here: ``catch_warnings`` around each call is
# not thread-safe and would reset the host application's filters.
warnings.filterwarnings("ignore", category=CryptographyDeprecationWarning,
                        module=r"microcred\.credentials\.jades\.")  # fmt: skip
warnings.filterwarnings("ignore", category=SecurityWarning, module=r"joserfc\.")

_DIGESTS = {"S256": hashlib.sha256, "S384": hashlib.sha384, "S512": hashlib.sha512}


class Indication(StrEnum):
    """The main indications of ETSI EN 319 102-1 (clause 5.1.3)."""

    PASSED = "total-passed"
    FAILED = "total-failed"
    INDETERMINATE = "indeterminate"


@dataclass(frozen=True)
class SealWarning:
    """Something a person should know about a seal that does not make it invalid."""

    code: str
    reason: str
    reason_pl: str


@dataclass(frozen=True)
class SealResult:
    """The outcome of :func:`verify_seal`.

    ``document`` is the sealed payload whenever it parses as a JSON object, even when
    ``verified`` is false (so that a report can say what was presented); trust it only
    when ``verified`` is true. The signer fields come from ``x5c[0]`` whenever it parses.
    ``indication`` is passed when ``verified``; indeterminate when the signature is valid
    but the certificate's expiry leaves it unconfirmed; failed otherwise.
    ``timestamps`` are the signature time-stamps checked; ``validated_at`` is the
    time-stamp's time when the seal was accepted on its proof of existence;
    ``revocation`` is the revocation data carried in the seal that showed the certificate
    not revoked at the signing time (then no ``revocation_not_checked`` warning; a
    ``revocation_at_claimed_time`` warning when only the seal's own claim dates it).
    """

    verified: bool
    code: str
    reason: str
    reason_pl: str
    document: dict[str, Any] | None = None
    subject: str | None = None
    certificate_sha256: str | None = None  # the seal certificate's fingerprint: who sealed
    organisation: str | None = None
    organisation_identifier: str | None = None
    country: str | None = None
    signing_time: dt.datetime | None = None
    algorithm: str | None = None
    not_before: dt.datetime | None = None
    not_after: dt.datetime | None = None
    warnings: list[SealWarning] = field(default_factory=list)
    indication: Indication = Indication.FAILED
    timestamps: tuple[TimeStamp, ...] = ()
    validated_at: dt.datetime | None = None
    revocation: Revocation | None = None

    def text(self, lang: str = "en") -> str:
        """The reason in ``pl`` or ``en``."""
        return self.reason_pl if lang == "pl" else self.reason


def _warning(reason: Reason) -> SealWarning:
    return SealWarning(reason.code, reason.en, reason.pl)


def _certificates(header: dict[str, Any]) -> list[x509.Certificate]:
    """``x5c``: base64 (not base64url) DER certificates, signer first (RFC 7515 §4.1.6)."""
    x5c = header.get("x5c")
    if x5c is None:
        raise _FailedCheckError(NO_CERTIFICATE())
    if (
        not isinstance(x5c, list)
        or not x5c
        or len(x5c) > _MAX_CERTIFICATES
        or not all(isinstance(c, str) and len(c) < _MAX_CERTIFICATE_BYTES for c in x5c)
    ):
        raise _FailedCheckError(MALFORMED_CERTIFICATE())
    try:
        return [x509.load_der_x509_certificate(base64.b64decode(c, validate=True)) for c in x5c]
    except _CERTIFICATE_ERRORS as exc:
        raise _FailedCheckError(MALFORMED_CERTIFICATE()) from exc


def _check_reference(
    header: dict[str, Any], leaf: x509.Certificate, found: list[SealWarning]
) -> None:
    """``x5t#S256`` (clause 5.1.7) or ``x5t#o`` (clause 5.2.2.2) must name ``x5c[0]``."""
    der = leaf.public_bytes(serialization.Encoding.DER)
    referenced = False
    if "x5t#S256" in header:
        referenced = True
        if header["x5t#S256"] != _b64url(hashlib.sha256(der).digest()):
            raise _FailedCheckError(CERTIFICATE_MISMATCH(reference="x5t#S256"))
    other = header.get("x5t#o")
    if isinstance(other, dict) and other.get("digAlg") in _DIGESTS:
        referenced = True
        digest = _DIGESTS[other["digAlg"]](der).digest()
        if other.get("digVal") != _b64url(digest):
            raise _FailedCheckError(CERTIFICATE_MISMATCH(reference="x5t#o"))
    if not referenced and "sigX5ts" not in header:
        found.append(_warning(NO_CERTIFICATE_REFERENCE()))
    kid = header.get("kid")
    try:
        expected = _issuer_serial_kid(leaf)
    except _CERTIFICATE_ERRORS as exc:
        raise _FailedCheckError(MALFORMED_CERTIFICATE()) from exc
    if kid is not None and kid != expected:
        found.append(_warning(KID_MISMATCH()))


def _check_signature(
    payload: str,
    protected: str,
    signature: str,
    unprotected: dict[str, Any],
    alg: str,
    leaf: x509.Certificate,
) -> Any:
    """The decoded payload, once joserfc has checked the signature with ``leaf``'s key."""
    member: dict[str, Any] = {"protected": protected, "signature": signature}
    if unprotected:
        member["header"] = unprotected
    value = cast(jws.GeneralJSONSerialization, {"payload": payload, "signatures": [member]})
    try:
        result = jws.deserialize_json(
            value, _joserfc_key(leaf.public_key()), algorithms=[alg], registry=_registry(alg)
        )
    except BadSignatureError as exc:
        raise _FailedCheckError(INVALID_SIGNATURE()) from exc
    except (JoseError, ValueError, TypeError) as exc:  # headers joserfc refuses, bad base64
        error = getattr(exc, "error", "") or type(exc).__name__  # joserfc's code, or the type
        raise _malformed(BAD_JWS(error_en=str(exc), error_pl=error)) from exc
    try:
        document = loads_strict(result.payload)
    except (ValueError, RecursionError) as exc:
        raise _FailedCheckError(PAYLOAD_NOT_JSON()) from exc
    return document


def _check_times(
    leaf: x509.Certificate,
    signed_at: dt.datetime | None,
    now: dt.datetime,
    skew: dt.timedelta,
    stamps: list[TimeStamp],
    proof: TimeStamp | None,
) -> TimeStamp | None:
    """The certificate's validity at ``now`` and at the claimed signing time (RFC 5280
    §4.1.2.5). Once the certificate has expired, ``proof`` (the signature time-stamp from
    its validity period, :func:`_proof_of_existence`) keeps the seal valid (returned);
    without one the seal is indeterminate, and the failure names ``stamps``. The signing
    time alone is only a claim."""
    start, end = leaf.not_valid_before_utc, leaf.not_valid_after_utc
    if now + skew < start:
        raise _FailedCheckError(CERTIFICATE_NOT_YET_VALID(date=_utc(start)))
    if signed_at is not None:
        if signed_at > now + skew:
            raise _FailedCheckError(SIGNING_TIME_IN_FUTURE(date=_utc(signed_at)))
        if not start <= signed_at <= end:
            raise _FailedCheckError(CERTIFICATE_NOT_VALID_AT_SIGNING(date=_utc(signed_at)))
    if now <= end:
        return None
    if proof is not None:
        return proof
    if stamps:
        why_en = "; ".join(stamp.describe("en") for stamp in stamps)
        why_pl = "; ".join(stamp.describe("pl") for stamp in stamps)
    else:
        why_en, why_pl = NO_SIGNATURE_TIMESTAMP.en, NO_SIGNATURE_TIMESTAMP.pl
    raise _IndeterminateError(CERTIFICATE_EXPIRED(date=_utc(end), why_en=why_en, why_pl=why_pl))


def _proof_of_existence(leaf: x509.Certificate, stamps: list[TimeStamp]) -> TimeStamp | None:
    """The earliest valid signature time-stamp within the certificate's validity: proof
    that the seal existed then."""
    start, end = leaf.not_valid_before_utc, leaf.not_valid_after_utc
    proofs = [s for s in stamps
              if s.status == "valid" and s.time is not None and start <= s.time <= end]  # fmt: skip
    return min(proofs, key=lambda s: s.time or end) if proofs else None


def _check_revocation(
    evidence: list[Revocation],
    proof: TimeStamp | None,
    signed_at: dt.datetime | None,
    now: dt.datetime,
    skew: dt.timedelta,
    found: list[SealWarning],
    facts: dict[str, Any],
) -> None:
    """What the revocation data the seal carries says (ETSI EN 319 102-1 terms):

    - revoked at or before the signing time the seal itself claims: failed (REVOKED);
    - revoked later: harmless when a time-stamp (``proof``) shows the seal existed
      before the revocation, otherwise indeterminate (REVOKED_NO_POE);
    - a "good" answer dated at or after the time-stamp's time stands for the revocation
      check; one dated only at or after the *claimed* signing time does too, with a
      warning that nothing confirms that time.

    Answers and revocations dated after ``now`` (a verification as of an earlier time)
    did not exist yet and are not counted."""
    known = [e for e in evidence if e.as_of <= now + skew]
    revocations = sorted((e for e in known if e.revoked_at is not None and e.revoked_at <= now),
                         key=lambda e: e.revoked_at or now)  # fmt: skip
    if revocations:
        first = revocations[0].revoked_at or now
        if signed_at is not None and first <= signed_at:
            raise _FailedCheckError(CERTIFICATE_REVOKED(date=_utc(first)))
        if proof is not None and proof.time is not None and proof.time < first:
            found.append(_warning(REVOKED_AFTER_SEALING(date=_utc(first))))
            return
        why = (REVOCATION_CLAIM_ONLY(date=_utc(signed_at)) if signed_at
               else NO_SIGNATURE_TIMESTAMP())  # fmt: skip
        raise _IndeterminateError(
            CERTIFICATE_REVOKED_NO_PROOF(date=_utc(first), why_en=why.en, why_pl=why.pl),
            code=CERTIFICATE_REVOKED.code,
        )
    proven = proof.time if proof is not None else None
    reference = proven or signed_at
    if reference is None:
        return
    good = [e for e in known if e.status == "good" and e.as_of >= reference - skew]
    if not good:
        return
    facts["revocation"] = good[0]
    found[:] = [w for w in found if w.code != REVOCATION_NOT_CHECKED.code]
    if proven is None:
        found.append(_warning(REVOCATION_AT_CLAIMED_TIME(date=_utc(reference))))


def verify_seal(
    sealed: Any,
    *,
    now: dt.datetime | None = None,
    clock_skew: dt.timedelta = _CLOCK_SKEW,
) -> SealResult:
    """Check a JAdES e-seal (JWS JSON serialization, general or flattened); never raises
    on anything in ``sealed`` (a dict, JSON text or bytes).

    In order: the structure (RFC 7515 §7.2, one signature, payload attached); the header
    (``alg: none`` refused, every ``crit`` parameter understood, ``b64: false`` listed in
    ``crit``; ETSI TS 119 182-1 clause 5.1.9); the signer certificate ``x5c[0]`` (clause
    5.1.8) and its reference ``x5t#S256``/``x5t#o`` (clauses 5.1.7, 5.2.2.2); the
    algorithm, pinned from the certificate's key type (RSA → RS*/PS*, P-256 → ES256 …)
    and never taken from the header alone; the signature over the protected header and
    the payload, so a changed or swapped payload fails; that the payload is a JSON
    object; the certificate's validity at ``now`` and at the claimed signing time
    (``sigT``, clause 5.2.1); its key usage (digitalSignature or nonRepudiation).

    Then the revocation data the seal carries (``rVals``: OCSP responses and CRLs,
    :mod:`.revocation`; rules in :func:`_check_revocation`): revoked before the claimed
    signing time fails, revoked later is harmless only after a time-stamp-proven signing
    (else indeterminate), and a verified "good" answer from the signing time on stands for
    the revocation check. Signature
    time-stamps (``sigTst``, :mod:`.timestamps`) prove when the seal existed once the
    certificate has expired.

    Every result carries the ``trust_list_not_checked`` warning (the EU trust list is not
    consulted offline), and ``revocation_not_checked`` unless the seal carried usable
    revocation data; nothing is fetched.

    Raises :class:`SealError` only when ``now`` has no time zone (caller misuse).
    """
    if now is not None and now.tzinfo is None:
        raise SealError("now must carry a time zone", code="naive_datetime")
    moment = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    found: list[SealWarning] = [
        _warning(TRUST_LIST_NOT_CHECKED()),
        _warning(REVOCATION_NOT_CHECKED()),
    ]
    facts: dict[str, Any] = {}
    try:
        _verify(sealed, moment, clock_skew, found, facts)
    except _FailedCheckError as failure:
        indication = (Indication.INDETERMINATE if isinstance(failure, _IndeterminateError)
                      else Indication.FAILED)  # fmt: skip
        return SealResult(False, failure.code, failure.reason.en, failure.reason.pl,
                          warnings=found, indication=indication, **facts)  # fmt: skip
    except Exception:  # fail closed: a bug here must become neither a traceback nor a pass
        failed = INTERNAL_ERROR()
        return SealResult(False, failed.code, failed.en, failed.pl, warnings=found, **facts)
    signer = facts.get("organisation") or facts["subject"]
    if facts.get("country"):
        signer += f" ({facts['country']})"
    if facts.get("validated_at"):
        ok = SEAL_VALID_AS_OF_TIMESTAMP(alg=facts["algorithm"], signer=signer,
                                        when=_utc(facts["validated_at"]))  # fmt: skip
    else:
        ok = SEAL_VALID(alg=facts["algorithm"], signer=signer)
    return SealResult(True, SEAL_VALID.code, ok.en, ok.pl, warnings=found,
                      indication=Indication.PASSED, **facts)  # fmt: skip


def _verify(
    sealed: Any,
    now: dt.datetime,
    skew: dt.timedelta,
    found: list[SealWarning],
    facts: dict[str, Any],
) -> None:
    payload, protected, signature, header, unprotected = _parse(sealed)
    # etsiU entries decoded once (base64url JSON, large in LTA seals) for every reader
    decoded = {**unprotected, "etsiU": _etsi_u_entries(unprotected)}
    alg = _check_header(header)
    facts["algorithm"] = alg
    chain = _certificates(header)
    leaf = chain[0]
    try:
        facts.update(
            subject=leaf.subject.rfc4514_string(),
            certificate_sha256=leaf.fingerprint(hashes.SHA256()).hex(),
            organisation=_attribute(leaf.subject, NameOID.ORGANIZATION_NAME),
            organisation_identifier=_attribute(leaf.subject, NameOID.ORGANIZATION_IDENTIFIER),
            country=_attribute(leaf.subject, NameOID.COUNTRY_NAME),
            not_before=leaf.not_valid_before_utc,
            not_after=leaf.not_valid_after_utc,
        )
    except _CERTIFICATE_ERRORS as exc:  # cryptography parses names lazily
        raise _FailedCheckError(MALFORMED_CERTIFICATE()) from exc
    try:
        public_key = leaf.public_key()
    except _CERTIFICATE_ERRORS as exc:
        unknown = UNKNOWN_KEY_TYPE()
        raise _FailedCheckError(UNSUPPORTED_KEY(key_en=unknown.en, key_pl=unknown.pl)) from exc
    _check_reference(header, leaf, found)
    allowed = _algorithms_for(public_key)
    if not allowed:
        kind = _key_kind(public_key)
        raise _FailedCheckError(UNSUPPORTED_KEY(key_en=kind, key_pl=kind))
    if alg not in allowed:
        raise _FailedCheckError(ALG_MISMATCH(alg=repr(alg)))
    signed_at = _signing_time(header)
    facts["signing_time"] = signed_at
    if signed_at is None:
        found.append(_warning(NO_SIGNING_TIME()))
    unchecked = [name for name in _timestamps(header, decoded) if name != "sigTst"]
    if unchecked:
        found.append(_warning(TIMESTAMPS_NOT_CHECKED(names=", ".join(unchecked))))
    if _is_self_signed(leaf):
        found.append(_warning(SELF_SIGNED()))
    elif not _chain_links(chain):
        found.append(_warning(CHAIN_NOT_LINKED()))
    document = _check_signature(payload, protected, signature, unprotected, alg, leaf)
    if not isinstance(document, dict):
        raise _FailedCheckError(PAYLOAD_NOT_JSON())
    facts["document"] = document
    try:
        usage_ok = _key_usage_ok(leaf)
    except _CERTIFICATE_ERRORS as exc:
        raise _FailedCheckError(MALFORMED_CERTIFICATE()) from exc
    if not usage_ok:
        raise _FailedCheckError(WRONG_KEY_USAGE())
    stamps = check_signature_timestamps(decoded, signature, now, skew)
    facts["timestamps"] = tuple(stamps)
    evidence = embedded_revocation(leaf, chain, decoded)
    existed = _proof_of_existence(leaf, stamps)
    _check_revocation(evidence, existed, signed_at, now, skew, found, facts)
    proof = _check_times(leaf, signed_at, now, skew, stamps, existed)
    for stamp in stamps:
        if stamp.status != "valid":
            found.append(SealWarning(f"timestamp_{stamp.code}", stamp.describe("en"),
                                     stamp.describe("pl")))  # fmt: skip
    if proof is not None:
        facts["validated_at"] = proof.time
        found.append(_warning(VALIDATED_AT_TIMESTAMP(
            expired=_utc(leaf.not_valid_after_utc), when=_utc(proof.time or now),
            authority=proof.authority)))  # fmt: skip
