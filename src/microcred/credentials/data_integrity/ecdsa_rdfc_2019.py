"""``ecdsa-rdfc-2019`` (W3C VC Data Integrity ECDSA Cryptosuites v1.0, §3.2) with P-256:
RDFC-1.0 canonical N-Quads, SHA-256, ECDSA signature as IEEE P1363 ``r || s``."""

from __future__ import annotations

__all__ = ["SUITE"]

from ._suite import Cryptosuite
from .eddsa_rdfc_2022 import _canonicalize

SUITE = Cryptosuite("ecdsa-rdfc-2019", "P-256", _canonicalize)
