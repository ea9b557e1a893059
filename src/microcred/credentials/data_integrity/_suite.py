"""What a Data Integrity cryptosuite is: a transformation, a hash and a signature.

Each suite module (``eddsa_rdfc_2022``, ``eddsa_jcs_2022``, ``ecdsa_rdfc_2019``,
``ed25519_signature_2020``) makes one :class:`Cryptosuite`; :mod:`.proofs` runs the
algorithms of VC Data Integrity 1.0 §4 with it.
"""

from __future__ import annotations

__all__ = ["DATA_INTEGRITY_PROOF", "Cryptosuite"]

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..keys import Algorithm

DATA_INTEGRITY_PROOF = "DataIntegrityProof"


@dataclass(frozen=True)
class Cryptosuite:
    """A Data Integrity cryptosuite.

    ``canonicalize`` turns a JSON(-LD) document into the bytes to hash: RDFC-1.0 N-Quads
    for ``*-rdfc-*`` suites, JCS (RFC 8785) for ``*-jcs-*``.

    A suite of VC Data Integrity 1.0 is named by the proof's ``cryptosuite`` in a proof
    of type ``DataIntegrityProof``; a legacy suite (``Ed25519Signature2020``) is itself
    the proof ``type``, has no ``cryptosuite``, and needs its own context in the
    document (``required_context``). ``method_types``, when given, are the verification
    method types the suite accepts (any type when empty).
    """

    name: str
    key_algorithm: Algorithm
    canonicalize: Callable[[dict[str, Any]], bytes]
    proof_type: str = DATA_INTEGRITY_PROOF
    required_context: str | None = None
    method_types: frozenset[str] = frozenset()

    def hash(self, data: bytes) -> bytes:
        """SHA-256, the hash of every suite here (P-384 would need SHA-384)."""
        return hashlib.sha256(data).digest()

    def hash_proof_config(self, config: dict[str, Any]) -> bytes:
        """Hash of the canonical proof configuration, memoised: a batch signed at one
        ``created`` time by one key shares it, and so do credentials verified in bulk."""
        return _hash_config(self, json.dumps(config, sort_keys=True, separators=(",", ":")))


@lru_cache(maxsize=1024)
def _hash_config(suite: Cryptosuite, config_json: str) -> bytes:
    return suite.hash(suite.canonicalize(json.loads(config_json)))
