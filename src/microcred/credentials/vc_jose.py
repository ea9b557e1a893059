"""Credentials secured with JOSE: a compact JWS whose payload is the credential
(W3C Securing Verifiable Credentials using JOSE and COSE, §3.1.1; ``typ: vc+jwt``)::

    eyJhbGciOiJFZERTQSIsImtpZCI6ImRpZDprZXk6ejZNay4uLiIsInR5cCI6InZjK2p3dCJ9.<credential>.<sig>

Signing and signature checks are joserfc's. What this module adds is the trust policy:
the algorithm is pinned from the *resolved* key (Ed25519 → ``EdDSA``/``Ed25519``,
P-256 → ``ES256``), never taken from the header; ``alg: none`` and any key carried in the
header (``jwk``, ``jku``, ``x5c``, ``x5u``) are refused; the ``kid`` must be a
verification method the resolver knows and a key of the credential's issuer; ``iss``,
when present, must be the issuer, in both shapes (the VC 2.0 one, whose payload *is* the
credential, and the VC 1.1 one, with a ``vc`` claim).
"""

from __future__ import annotations

__all__ = ["joserfc_key", "jws_alg", "sign_jwt", "verify_jwt"]

import base64
import json
import warnings
from typing import Any

from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from joserfc import jws
from joserfc.errors import JoseError, SecurityWarning
from joserfc.jwk import ECKey, OKPKey

from ._json import loads_strict
from .dids import Resolver
from .errors import CredentialError, ProofError
from .formats import JWT_SHAPE
from .keys import KeyPair
from .proof_result import ProofResult
from .vc_data_model import ensure_data_model

# joserfc warns that RFC 9864 prefers "Ed25519" to "EdDSA" (which VC-JOSE and every wallet
# still use). Filtered once here, for joserfc's warning alone: ``catch_warnings`` around
# each call is not thread-safe and would reset the host application's filters.
warnings.filterwarnings("ignore", category=SecurityWarning, module=r"joserfc\.")
_ALGORITHMS = {"Ed25519": ("EdDSA", "Ed25519"), "P-256": ("ES256",)}
_HEADER_KEYS = ("jwk", "jku", "x5c", "x5u")


def jws_alg(key: KeyPair) -> str:
    """The JWS ``alg`` a key signs with (RFC 8037 EdDSA, RFC 7518 ES256)."""
    return _ALGORITHMS[key.algorithm][0]


def joserfc_key(key: KeyPair, private: bool) -> OKPKey | ECKey:
    """``key`` (its private half when ``private``) as joserfc's key object."""
    material = key.private if private else key.public
    if isinstance(material, ed25519.Ed25519PrivateKey | ed25519.Ed25519PublicKey):
        return OKPKey.import_key(material)
    if isinstance(material, ec.EllipticCurvePrivateKey | ec.EllipticCurvePublicKey):
        return ECKey.import_key(material)
    raise ProofError("this key cannot sign")


def sign_jwt(
    document: dict[str, Any], key: KeyPair, *, kid: str | None = None,
    check_data_model: bool = True,
) -> str:  # fmt: skip
    """The credential as a compact JWS (``typ: vc+jwt``) signed by ``key``.

    Raises :class:`~microcred.credentials.vc_data_model.DataModelError` for a credential
    that breaks the VC data model's MUSTs: it is refused before it is signed
    (``check_data_model=False``: the caller has just checked this very credential)."""
    if "proof" in document:
        raise ProofError("the document already has a Data Integrity proof")
    credential = document
    if isinstance(document.get("vc"), dict):  # VC 1.1 JWT shape: read as verify_jwt does
        credential = dict(document["vc"])
        if "issuer" not in credential and isinstance(document.get("iss"), str):
            credential["issuer"] = document["iss"]
    if check_data_model:
        ensure_data_model(credential)
    header = {"alg": _ALGORITHMS[key.algorithm][0], "kid": kid or key.verification_method,
              "typ": "vc+jwt", "cty": "vc"}  # fmt: skip
    payload = json.dumps(document, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return jws.serialize_compact(header, payload, joserfc_key(key, private=True),
                                 algorithms=[header["alg"]])  # fmt: skip


def _b64json(part: bytes) -> Any:
    return loads_strict(base64.urlsafe_b64decode(part + b"=" * (-len(part) % 4)))


def _fail(code: str, reason: str, header: Any = None) -> tuple[ProofResult, None]:
    proof = header if isinstance(header, dict) else {}
    return ProofResult(False, code, reason, proof), None


class _BadClaimError(ValueError):
    """A registered claim (``nbf``, ``exp``) that is no representable time.

    Private control flow, not a ``MicrocredError``: caught in :func:`verify_jwt`, which
    reports it as a failed proof (``verify_jwt`` never raises)."""


def _registered_dates(claims: dict[str, Any], credential: dict[str, Any]) -> None:
    """JWT ``nbf``/``exp`` (RFC 7519) narrow the credential's validity: the later start
    and the earlier end win, so that the date check sees them."""
    import datetime as dt

    for claim, key, pick in (("nbf", "validFrom", max), ("exp", "validUntil", min)):
        value = claims.get(claim)
        if isinstance(value, int | float) and not isinstance(value, bool):
            try:
                moment = dt.datetime.fromtimestamp(value, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            except (OverflowError, OSError, ValueError):
                raise _BadClaimError(f"the JWT {claim} is not a time ({str(value)[:40]})") from None
            current = credential.get(key)
            credential[key] = pick(moment, current) if isinstance(current, str) else moment


def verify_jwt(
    token: bytes | str, *, resolver: Resolver | None = None
) -> tuple[ProofResult, dict[str, Any] | None]:
    """(the signature check, the credential) for a compact JWS. Never raises."""
    raw = token.encode("ascii", "replace") if isinstance(token, str) else token
    raw = raw.strip()
    if not JWT_SHAPE.match(raw):
        return _fail("malformed_jwt", "not a compact JWS (header.payload.signature)")
    try:
        header = _b64json(raw.split(b".", 1)[0])
    except (ValueError, UnicodeDecodeError):
        return _fail("malformed_jwt", "the JWS header is not base64url JSON")
    if not isinstance(header, dict):
        return _fail("malformed_jwt", "the JWS header is not a JSON object")
    alg = header.get("alg")
    if not isinstance(alg, str) or alg.lower() == "none":
        return _fail("alg_none", "unsigned JWS (alg: none) is refused", header)
    carried = [name for name in _HEADER_KEYS if name in header]
    if carried:
        reason = f"a key in the JWS header ({', '.join(carried)}) is never trusted"
        return _fail("header_key", reason, header)
    kid = header.get("kid")
    if not isinstance(kid, str):
        return _fail("no_kid", "the JWS header names no verification method (kid)", header)
    try:
        method = (resolver or Resolver()).verification_method(kid)
    except CredentialError as exc:
        return _fail(exc.code, exc.message, header)
    allowed = _ALGORITHMS.get(method.key.algorithm, ())
    if alg not in allowed:
        reason = f"alg {alg!r} does not match the {method.key.algorithm} key of {kid}"
        return _fail("alg_mismatch", reason, header)
    try:
        result = jws.deserialize_compact(raw, joserfc_key(method.key, private=False),
                                         algorithms=list(allowed))  # fmt: skip
    except JoseError:
        return ProofResult(False, "invalid_signature", "the JWS signature does not match",
                           header, method), None  # fmt: skip
    try:
        payload = loads_strict(result.payload)
    except (ValueError, UnicodeDecodeError):
        return _fail("malformed_jwt", "the JWS payload is not JSON", header)
    claims: dict[str, Any] = payload if isinstance(payload, dict) else {}
    if isinstance(claims.get("vc"), dict):
        payload = dict(claims["vc"])  # VC 1.1 JWT encoding: iss stands for the issuer
        if "issuer" not in payload and isinstance(claims.get("iss"), str):
            payload["issuer"] = claims["iss"]
    if not isinstance(payload, dict):
        return _fail("malformed_jwt", "the JWS payload is not a credential object", header)
    issuer = payload.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    if "iss" in claims and claims["iss"] != issuer_id:
        # VC-JOSE-COSE §3.1.1: iss, when present, is the issuer; a JWT that names
        # someone else there says two things about who issued it.
        reason = f"the JWT iss {str(claims['iss'])[:100]!r} is not the issuer {issuer_id!r}"
        return _fail("iss_mismatch", reason, header)
    if method.controller != issuer_id or kid.split("#", 1)[0] != issuer_id:
        reason = f"the kid {kid[:120]} is not a key of the issuer {str(issuer_id)[:120]}"
        return _fail("kid_not_issuer", reason, header)
    try:
        _registered_dates(claims, payload)
    except _BadClaimError as exc:
        return _fail("malformed_jwt", str(exc), header)
    label = {**header, "cryptosuite": f"jose-{alg}"}
    return ProofResult(True, "ok", f"valid JWS ({alg}) by {kid}", label, method), payload
