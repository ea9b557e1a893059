"""``eddsa-jcs-2022`` (W3C VC Data Integrity EdDSA Cryptosuites v1.0, §3.4): JSON
Canonicalization Scheme (RFC 8785, by the ``rfc8785`` package), SHA-256, Ed25519.

No JSON-LD processing: the signature covers the JSON as written."""

from __future__ import annotations

__all__ = ["SUITE"]

from typing import Any

import rfc8785

from ..errors import JsonLdError
from ._suite import Cryptosuite


def _canonicalize(document: dict[str, Any]) -> bytes:
    try:
        return bytes(rfc8785.dumps(document))
    except (rfc8785.CanonicalizationError, TypeError, ValueError) as exc:
        raise JsonLdError(f"cannot canonicalize the JSON (RFC 8785): {exc}") from None


SUITE = Cryptosuite("eddsa-jcs-2022", "Ed25519", _canonicalize)
