"""``eddsa-rdfc-2022`` (W3C VC Data Integrity EdDSA Cryptosuites v1.0, §3.3): RDFC-1.0
canonical N-Quads, SHA-256, Ed25519; ``proofValue`` in multibase base58-btc."""

from __future__ import annotations

__all__ = ["SUITE"]

from typing import Any

from ..jsonld import rdfc
from ._suite import Cryptosuite


def _canonicalize(document: dict[str, Any]) -> bytes:
    return rdfc.canonicalize(document).encode("utf-8")


SUITE = Cryptosuite("eddsa-rdfc-2022", "Ed25519", _canonicalize)
