"""What checking a proof found — a Data Integrity proof or a VC-JOSE JWS: :class:`ProofResult`.

One result per proof, and one for the document: for a document with a proof set or
chain (VC Data Integrity 1.0 §2.1.1, §2.1.2) the document's result is that of the proof
it stands on, or of the first proof that failed, and ``proofs`` holds every proof's own
result in document order::

    ProofResult(verified=True, code="ok", reason="valid eddsa-rdfc-2022 proof by did:key:…",
                proofs=(ProofResult(True, "ok", …),
                        ProofResult(False, "unsupported_proof", …)))  # not checked

A proof is *checked* unless its type or cryptosuite is unknown or not allowed, or it
follows (``previousProof``) a proof that is not verified (§4.5): such a proof is
reported, and the document stands on the proofs that were checked.
"""

from __future__ import annotations

__all__ = ["NOT_CHECKED", "ProofResult"]

from dataclasses import dataclass
from typing import Any

from .dids import VerificationMethod

NOT_CHECKED = frozenset({"unsupported_proof", "suite_not_allowed", "previous_proof_unverified"})


@dataclass(frozen=True)
class ProofResult:
    """The outcome of checking one proof, or all the proofs of a document."""

    verified: bool
    code: str
    reason: str
    proof: dict[str, Any]
    method: VerificationMethod | None = None
    proofs: tuple[ProofResult, ...] = ()

    @property
    def cryptosuite(self) -> str:
        """The proof's cryptosuite, as written."""
        return str(self.proof.get("cryptosuite", ""))

    @property
    def suite(self) -> str:
        """The suite as ``allowed_suites`` names it: the ``cryptosuite`` of a
        ``DataIntegrityProof``, else the proof ``type`` (``Ed25519Signature2020``)."""
        return self.cryptosuite or str(self.proof.get("type", ""))

    @property
    def checked(self) -> bool:
        """False for a proof this package did not check (see the module docstring)."""
        return self.code not in NOT_CHECKED
