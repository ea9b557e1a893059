"""Proof sets and chains (VC Data Integrity 1.0 §2.1.1, §2.1.2, §4.5 "Verify Proof Sets
and Chains").

A proof with ``previousProof`` signs the document together with the proofs it names
(by their ``id``); it "can only be considered verified if the proofs it references are
also considered verified" (§4.5)::

    "proof": [{"id": "urn:uuid:2632…", "type": "DataIntegrityProof", …},
              {"type": "DataIntegrityProof", "previousProof": "urn:uuid:2632…", …}]
"""

from __future__ import annotations

__all__ = ["matching_proofs", "settle"]

import dataclasses
from typing import Any

from ..proof_result import ProofResult


def matching_proofs(
    previous: Any, all_proofs: list[Any]
) -> tuple[list[Any], tuple[str, str] | None]:
    """(the proofs ``previous`` names, in document order, None), or ([], (code, reason))
    when it is malformed or names a proof that is not there (§4.5 step 3.2)."""
    wanted = [previous] if isinstance(previous, str) else previous
    if not isinstance(wanted, list) or not wanted or not all(isinstance(w, str) for w in wanted):
        return [], ("malformed_proof", "previousProof is not an id or a list of ids")
    ids = [proof.get("id") for proof in all_proofs if isinstance(proof, dict)]
    missing = [w for w in wanted if w not in ids]
    if missing:
        return [], ("previous_proof_missing", f"previousProof {missing[0]} is not in the proofs")
    return [p for p in all_proofs if isinstance(p, dict) and p.get("id") in wanted], None


def _follows(proof: Any, all_proofs: list[Any]) -> list[int]:
    """The indexes of the proofs ``proof`` follows."""
    previous = proof.get("previousProof") if isinstance(proof, dict) else None
    if previous is None:
        return []
    wanted = [previous] if isinstance(previous, str) else previous
    return [i for i, p in enumerate(all_proofs) if isinstance(p, dict) and p.get("id") in wanted]


def settle(all_proofs: list[Any], own: list[ProofResult]) -> list[ProofResult]:
    """Each proof's result once the proofs it follows are taken into account: a proof
    whose own signature is valid is verified only if every proof it follows is; one
    that follows itself, directly or not, fails."""
    settled: dict[int, ProofResult] = {}

    def visit(index: int, path: frozenset[int]) -> ProofResult:
        if index in settled:
            return settled[index]
        result = own[index]
        if result.verified:
            for before in _follows(all_proofs[index], all_proofs):
                if before in path or before == index:
                    result = dataclasses.replace(
                        result, verified=False, code="proof_chain_cycle",
                        reason="its previousProof leads back to itself",
                    )  # fmt: skip
                    break
                if not visit(before, path | {index}).verified:
                    result = dataclasses.replace(
                        result, verified=False, code="previous_proof_unverified",
                        reason=f"its own signature is valid, but it follows proof "
                        f"{before + 1}, which is not verified",
                    )  # fmt: skip
                    break
        settled[index] = result
        return result

    return [visit(index, frozenset()) for index in range(len(own))]
