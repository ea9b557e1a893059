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
from typing import Any

from ...standard.caching import BoundedCache
from ..jsonld.context_keys import context_json
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
        """Hash of the canonical proof configuration, memoised by its JSON: a batch signed
        at one ``created`` time by one key shares it, and so do credentials verified in
        bulk. The ``@context`` part of the key is the JSON-LD layer's remembered form
        (an OB 3.0 credential embeds 4 KiB of EU terms; writing them out again was a
        twentieth of a signature)."""
        rest = {key: value for key, value in config.items() if key != "@context"}
        key = json.dumps(rest, sort_keys=True, separators=(",", ":"))
        if "@context" in config:
            key = context_json(config["@context"]) + key
        return _CONFIG_HASHES.get_or_compute(
            (self, key), lambda: self.hash(self.canonicalize(config))
        )


#: the hash of each proof configuration lately seen, by suite and canonical JSON
_CONFIG_HASHES: BoundedCache[tuple[Cryptosuite, str], bytes] = BoundedCache(1024)
