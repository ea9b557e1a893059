"""Sealing: an EDC (or any JSON object) as a JAdES baseline-B JWS, the way Europass
seals its credentials, and a signature time-stamp added to one (baseline-T).

What a person can cause (a certificate that cannot seal, a document too large) is refused
with a :class:`~microcred.credentials.errors.SealError` whose reason is a message constant
in English and Polish; misuse only a program can cause is refused in English."""

from __future__ import annotations

__all__ = ["CERTIFICATE_NOT_VALID", "DOCUMENT_TOO_LARGE", "add_signature_timestamp", "seal"]

import base64
import copy
import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from joserfc import jws

from ...standard.messages import Message
from ..errors import SealError
from ._header import _b64url, _joserfc_key, _registry, _utc
from .certificates import (
    UNSUPPORTED_KEY,
    SealPrivateKey,
    _algorithms_for,
    _issuer_serial_kid,
    _key_kind,
    _key_usage_ok,
    _spki,
    _thumbprint,
)
from .limits import MAX_SEAL_BYTES
from .messages import WRONG_KEY_USAGE

#: the certificate is not valid at the signing time ``when`` (it is ``start`` – ``end``)
CERTIFICATE_NOT_VALID = Message(
    "certificate_not_valid",
    "the e-seal certificate is not valid at {when} (valid {start} – {end})",
    "certyfikat pieczęci nie jest ważny w chwili {when} (jest ważny {start} – {end})",
)
DOCUMENT_TOO_LARGE = Message(
    "too_large",
    f"the document is larger than {MAX_SEAL_BYTES} bytes",
    f"dokument jest większy niż {MAX_SEAL_BYTES} bajtów",
)


def seal(
    document: dict[str, Any],
    *,
    key: SealPrivateKey,
    certificates: list[x509.Certificate],
    signing_time: dt.datetime | None = None,
) -> dict[str, Any]:
    """``document`` sealed as a JAdES baseline-B signature, JWS JSON serialization.

    ``certificates`` is the e-seal certificate first, then any intermediates (all go in
    ``x5c``, ETSI TS 119 182-1 clause 5.1.8). The protected header follows the EU's
    sealed samples parameter for parameter: ``alg`` (ES256/ES384/ES512 for EC keys, RS256
    for RSA; clause 5.1.2), ``cty`` (clause 5.1.3, ``octet-stream`` as Europass writes
    it), ``kid`` (the certificate's issuer and serial number, clause 5.1.4),
    ``x5t#S256`` (clause 5.1.7), ``x5c``, ``typ: jose+json``, ``b64: false`` (RFC 7797),
    ``sigT`` (the claimed signing time, clause 5.2.1, whole seconds UTC) and ``crit``
    (clause 5.1.9). A signature time-stamp (baseline-T) needs a time-stamping authority:
    :func:`add_signature_timestamp` adds one.

    Raises :class:`SealError` when the key does not belong to the first certificate, the
    key type is not supported, the certificate is not valid at ``signing_time`` or does
    not allow signing (key usage), or the document is not JSON.
    """
    if not isinstance(document, dict):
        raise SealError("only a JSON object (a credential) can be sealed", code="not_json")
    if not certificates:
        raise SealError("the e-seal certificate is missing", code="no_certificate")
    leaf = certificates[0]
    public_key = leaf.public_key()
    algorithms = _algorithms_for(public_key)
    if not algorithms or not isinstance(key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
        raise SealError(UNSUPPORTED_KEY(kind=_key_kind(public_key)))
    if _spki(key.public_key()) != _spki(public_key):
        raise SealError("the key does not belong to the first certificate", code="key_mismatch")
    when = signing_time or dt.datetime.now(dt.UTC)
    if when.tzinfo is None:
        raise SealError("signing_time must carry a time zone", code="naive_datetime")
    when = when.astimezone(dt.UTC).replace(microsecond=0)
    if not leaf.not_valid_before_utc <= when <= leaf.not_valid_after_utc:
        start, end = _utc(leaf.not_valid_before_utc), _utc(leaf.not_valid_after_utc)
        raise SealError(CERTIFICATE_NOT_VALID(when=_utc(when), start=start, end=end))
    if not _key_usage_ok(leaf):
        raise SealError(WRONG_KEY_USAGE())
    try:
        payload = json.dumps(
            document, ensure_ascii=False, separators=(",", ":"), allow_nan=False
        ).encode("utf-8")
    except (TypeError, ValueError) as exc:
        raise SealError(f"the document is not JSON: {exc}", code="not_json") from exc
    if len(payload) > MAX_SEAL_BYTES:
        raise SealError(DOCUMENT_TOO_LARGE())
    alg = algorithms[0]
    header: dict[str, Any] = {
        "alg": alg,
        "cty": "octet-stream",
        "kid": _issuer_serial_kid(leaf),
        "x5t#S256": _thumbprint(leaf),
        "x5c": [
            base64.b64encode(c.public_bytes(serialization.Encoding.DER)).decode("ascii")
            for c in certificates
        ],
        "typ": "jose+json",
        "b64": False,
        "sigT": _utc(when),
        "crit": ["b64", "sigT"],
    }
    sealed = jws.serialize_json(
        [{"protected": header}],
        payload,
        _joserfc_key(key),
        algorithms=[alg],
        registry=_registry(alg),
    )
    return dict(sealed)


def add_signature_timestamp(
    sealed: dict[str, Any], timestamper: Callable[[bytes], bytes]
) -> dict[str, Any]:
    """A copy of ``sealed`` with a signature time-stamp (``etsiU`` → ``sigTst``, ETSI TS
    119 182-1 clause 5.3.4), which lets the seal be verified after its certificate
    expires. ``timestamper(data)`` asks a time-stamping authority (RFC 3161) for a token
    over ``data`` (the base64url signature value, the clause's message imprint input)
    and returns the DER ``TimeStampToken``; reaching the authority is the caller's
    choice, nothing here goes to the network. Europass writes ``etsiU`` entries as
    base64url JSON, and so does this.
    """
    signatures = sealed.get("signatures")
    if not isinstance(signatures, list) or len(signatures) != 1:
        raise SealError("not a sealed document with one signature", code="not_sealed")
    result = copy.deepcopy(sealed)
    member = result["signatures"][0]
    token = timestamper(member["signature"].encode("ascii"))
    entry = {"sigTst": {"tstTokens": [{"val": base64.b64encode(token).decode("ascii")}]}}
    encoded = _b64url(json.dumps(entry, separators=(",", ":")).encode("utf-8"))
    header = member.setdefault("header", {})
    header.setdefault("etsiU", []).append(encoded)
    return result
