"""The JWS layer: joserfc with the JAdES header parameters registered, base64url, the
JSON serialization parser and the header policy (``alg``, ``crit``, ``b64``, ``sigT``,
time-stamps)."""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
from typing import Any

from cryptography.hazmat.primitives.asymmetric import ec
from joserfc import jws
from joserfc.jwk import ECKey, RSAKey
from joserfc.registry import HeaderParameter, HeaderRegistryDict

from .limits import _MAX_HEADER_BYTES, MAX_SEAL_BYTES
from .messages import (
    ALG_NONE,
    BAD_B64,
    BAD_CRIT,
    BAD_HEADER,
    BAD_SEGMENT,
    BAD_TIME,
    BAD_UNPROTECTED,
    DETACHED,
    NO_ALG,
    NO_PAYLOAD,
    NO_SIGNATURE,
    NO_SIGNATURES,
    NOT_JSON,
    NOT_OBJECT,
    NOT_UTF8,
    SEAL_TOO_LARGE,
    SEVERAL_SIGNATURES,
    SIGNATURE_NOT_OBJECT,
    UNKNOWN_CRIT,
    UNPROTECTED_CLASH,
    UNSUPPORTED_SEAL,
    _FailedCheckError,
    _malformed,
)

#: header parameters a ``crit`` list may name: checked, or informative claims (a
#: signature policy, sigPId, is neither: a seal that makes it critical is refused)
_UNDERSTOOD = frozenset("b64 sigT iat adoTst x5t#o sigX5ts srCms sigPl srAts".split())
#: parameters that bind the signature; never accepted from the unprotected header
_PROTECTED_ONLY = frozenset(
    "alg crit b64 x5c x5t#S256 x5t#o sigX5ts kid sigT iat jwk jku x5u sigD".split()
)
_RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$")
_B64URL = re.compile(r"^[A-Za-z0-9_-]*$")


def _is_object(value: Any) -> None:
    if not isinstance(value, dict):
        raise ValueError("must be a JSON object")


def _is_list(value: Any) -> None:
    if not isinstance(value, list):
        raise ValueError("must be a JSON array")


def _is_int(value: Any) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError("must be an integer")


#: ETSI TS 119 182-1 clause 5.2 (signed) and 5.3 (``etsiU``, unsigned) header parameters
_JADES_HEADERS: HeaderRegistryDict = {
    "sigT": HeaderParameter("Claimed signing time", "str"),
    "iat": HeaderParameter("Claimed signing time (V1.2.1)", _is_int),
    "x5t#o": HeaderParameter("Other X.509 certificate digest", _is_object),
    "sigX5ts": HeaderParameter("X.509 certificates digests", _is_list),
    "srCms": HeaderParameter("Signer commitments", _is_list),
    "sigPl": HeaderParameter("Signature production place", _is_object),
    "srAts": HeaderParameter("Signer attributes", _is_object),
    "adoTst": HeaderParameter("All data objects time-stamp", _is_object),
    "sigPId": HeaderParameter("Signature policy identifier", _is_object),
    "sigD": HeaderParameter("Signed data (detached)", _is_object),
    "etsiU": HeaderParameter("Unsigned JAdES properties", _is_list),
}


class _JadesRegistry(jws.JWSRegistry):
    # joserfc's defaults (a 512-byte header, a 128 kB payload) are made for tokens; an
    # x5c chain alone exceeds the first, an EDC with its display images the second.
    max_header_length = _MAX_HEADER_BYTES
    max_payload_length = MAX_SEAL_BYTES
    max_signature_length = 2048


def _registry(alg: str) -> _JadesRegistry:
    return _JadesRegistry(
        header_registry=_JADES_HEADERS, algorithms=[alg], strict_check_header=False
    )


def _joserfc_key(key: Any) -> ECKey | RSAKey:
    if isinstance(key, ec.EllipticCurvePrivateKey | ec.EllipticCurvePublicKey):
        return ECKey.import_key(key)
    return RSAKey.import_key(key)


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise ValueError("duplicate member names")
    return result


def _base64_der(value: Any, limit: int) -> bytes | None:
    """DER from a base64 (not base64url) string of at most ``limit`` characters, as JAdES
    carries certificates, time-stamps and revocation data; None for anything else."""
    if not isinstance(value, str) or len(value) > limit:
        return None
    try:
        return base64.b64decode(value, validate=True)
    except ValueError:
        return None


def _b64url_json(segment: str) -> dict[str, Any]:
    if not _B64URL.match(segment) or len(segment) % 4 == 1:
        raise ValueError("not base64url")
    raw = base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))
    value = json.loads(raw, object_pairs_hook=_no_duplicates)
    if not isinstance(value, dict):
        raise ValueError("not a JSON object")
    return value


def _parse(sealed: Any) -> tuple[str, str, str, dict[str, Any], dict[str, Any]]:
    """(payload, protected segment, signature, protected header, unprotected header) of a
    general (RFC 7515 §7.2.1, what Europass writes) or flattened (§7.2.2) serialization."""
    if isinstance(sealed, bytes | bytearray | memoryview):
        if len(sealed) > MAX_SEAL_BYTES:
            raise _FailedCheckError(SEAL_TOO_LARGE())
        try:
            sealed = bytes(sealed).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _malformed(NOT_UTF8()) from exc
    if isinstance(sealed, str):
        if len(sealed) > MAX_SEAL_BYTES:
            raise _FailedCheckError(SEAL_TOO_LARGE())
        try:
            sealed = json.loads(sealed)
        except (ValueError, RecursionError) as exc:
            raise _malformed(NOT_JSON()) from exc
    if not isinstance(sealed, dict):
        raise _malformed(NOT_OBJECT())
    member = sealed
    if "signatures" in sealed:
        signatures = sealed["signatures"]
        if not isinstance(signatures, list) or not signatures:
            raise _malformed(NO_SIGNATURES())
        if len(signatures) > 1:
            raise _malformed(SEVERAL_SIGNATURES(), UNSUPPORTED_SEAL)
        member = signatures[0]
    if not isinstance(member, dict):
        raise _malformed(SIGNATURE_NOT_OBJECT())
    payload, protected, signature = (
        sealed.get("payload"), member.get("protected"), member.get("signature"))  # fmt: skip
    if not isinstance(payload, str):
        raise _malformed(NO_PAYLOAD())
    if len(payload) > MAX_SEAL_BYTES:
        raise _FailedCheckError(SEAL_TOO_LARGE())
    if not isinstance(protected, str) or not isinstance(signature, str):
        raise _malformed(NO_SIGNATURE())
    if len(protected) > _MAX_HEADER_BYTES or len(signature) > 2048 or not _B64URL.match(signature):
        raise _malformed(BAD_SEGMENT())
    try:
        header = _b64url_json(protected)
    except (ValueError, RecursionError) as exc:
        raise _malformed(BAD_HEADER()) from exc
    unprotected = member.get("header", {})
    if not isinstance(unprotected, dict):
        raise _malformed(BAD_UNPROTECTED())
    clash = set(unprotected) & (set(header) | _PROTECTED_ONLY)
    if clash:  # RFC 7515 §7.2.1: the two headers are disjoint
        raise _malformed(UNPROTECTED_CLASH(names=", ".join(sorted(clash))))
    return payload, protected, signature, header, unprotected


def _check_header(header: dict[str, Any]) -> str:
    """The ``alg``, once ``crit`` and ``b64`` are acceptable (RFC 7515 §4.1.11, RFC 7797
    §6; ETSI TS 119 182-1 clause 5.1.9)."""
    alg = header.get("alg")
    if not isinstance(alg, str) or not alg:
        raise _malformed(NO_ALG())
    if alg.lower() == "none":
        raise _FailedCheckError(ALG_NONE())
    crit = header.get("crit", [])
    if (
        not isinstance(crit, list)
        or (not crit and "crit" in header)
        or not all(isinstance(name, str) and name in header for name in crit)
    ):
        raise _malformed(BAD_CRIT())
    if "sigD" in header:
        raise _malformed(DETACHED(), UNSUPPORTED_SEAL)
    unknown = [name for name in crit if name not in _UNDERSTOOD]
    if unknown:
        raise _malformed(UNKNOWN_CRIT(names=", ".join(unknown)), UNSUPPORTED_SEAL)
    b64 = header.get("b64", True)
    if not isinstance(b64, bool) or (b64 is False and "b64" not in crit):
        raise _malformed(BAD_B64())
    return alg


def _signing_time(header: dict[str, Any]) -> dt.datetime | None:
    sig_t, iat = header.get("sigT"), header.get("iat")
    try:
        if sig_t is not None:
            if not isinstance(sig_t, str) or not _RFC3339.match(sig_t):
                raise ValueError(sig_t)
            return dt.datetime.fromisoformat(sig_t).astimezone(dt.UTC)
        if iat is not None:
            if not isinstance(iat, int) or isinstance(iat, bool):
                raise ValueError(iat)
            return dt.datetime.fromtimestamp(iat, dt.UTC)
    except (ValueError, OverflowError, OSError) as exc:
        raise _malformed(BAD_TIME()) from exc
    return None


def _etsi_u_entries(unprotected: dict[str, Any]) -> list[dict[str, Any]]:
    """The ``etsiU`` entries (clause 5.3) that parse as JSON objects, each either an object
    or base64url JSON as Europass writes them; the others are skipped."""
    entries = unprotected.get("etsiU")
    found: list[dict[str, Any]] = []
    for entry in entries if isinstance(entries, list) else []:
        try:
            item = _b64url_json(entry) if isinstance(entry, str) else entry
        except (ValueError, RecursionError):
            continue
        if isinstance(item, dict):
            found.append(item)
    return found


def _timestamps(header: dict[str, Any], unprotected: dict[str, Any]) -> list[str]:
    """The names of the time-stamps a seal carries: ``adoTst`` (clause 5.2) in the
    protected header, ``sigTst``, ``arcTst``… in ``etsiU``."""
    names = ["adoTst"] if "adoTst" in header else []
    for item in _etsi_u_entries(unprotected):
        names += [name for name in item if name.endswith("Tst")]
    return list(dict.fromkeys(names))
