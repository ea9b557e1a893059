"""Create and verify Data Integrity proofs (W3C VC Data Integrity 1.0 §4.2 "Add Proof",
§4.4 "Verify Proof", §4.5 "Verify Proof Sets and Chains").

``sign(document, key, suite=...)`` returns the document with a ``DataIntegrityProof``::

    "proof": {"type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022",
              "created": "2023-02-24T23:36:38Z",
              "verificationMethod": "did:key:z6Mk...#z6Mk...",
              "proofPurpose": "assertionMethod", "proofValue": "z2YwC8z3ap7y..."}

``verify_proof(document, resolver=...)`` never raises on what a stranger sends: it
returns a :class:`~..proof_result.ProofResult` whose ``code`` says what failed. The caller says
which suites it accepts (default: :data:`~.suites.DEFAULT_SUITES`, the three suites
``sign`` uses and the legacy ``Ed25519Signature2020``); the key comes from the resolved
verification method, never from the document.

A ``proof`` that is a list (a proof set or chain) has every proof checked and reported
(``ProofResult.proofs``). VC DI 1.0 §4.5 fails the document when any proof fails; where
it is silent, a proof of a type or cryptosuite not known or not allowed here is reported
as not checked, and the document stands on the proofs that were checked: at least one
must be verified and none may fail.
"""

from __future__ import annotations

__all__ = ["MAX_PROOFS", "sign", "verify_proof"]

import dataclasses
import datetime as dt
from typing import Any

from .._json import types_of
from ..dids import Resolver
from ..errors import ProofError
from ..formats import OB3_TYPES
from ..keys import KeyPair, multibase_encode
from ..proof_result import ProofResult
from ..vc_data_model import ensure_data_model
from . import eddsa_jcs_2022
from ._chains import settle
from ._single import Digests, fail, hash_data, verify_single
from .suites import DEFAULT_SUITES, SUITES, VERIFY_ONLY_SUITES

MAX_PROOFS = 16  # a proof set of real credentials has a few; each costs a canonicalization


def _timestamp(moment: dt.datetime | None) -> str:
    moment = moment or dt.datetime.now(dt.UTC)
    if moment.tzinfo is None:
        raise ProofError("created must be timezone-aware")
    return moment.astimezone(dt.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def sign(
    document: dict[str, Any],
    key: KeyPair,
    *,
    suite: str = "eddsa-rdfc-2022",
    created: dt.datetime | None = None,
    verification_method: str | None = None,
    proof_purpose: str = "assertionMethod",
    check_data_model: bool = True,
) -> dict[str, Any]:
    """``document`` with a new Data Integrity proof by ``key``.

    Raises :class:`ProofError` on misuse: an unknown or verify-only suite, a key of the
    wrong type, a document that already has a proof; :class:`DataModelError` when a
    credential breaks the VC data model's MUSTs; :class:`JsonLdError` when the
    document is not safe JSON-LD (an ``*-rdfc-*`` suite would sign less than it shows).
    ``check_data_model=False`` is for a caller that has just checked this very document
    (:func:`~microcred.credentials.issue.issue` checks each credential once, whatever the
    number of formats it signs it in).
    """
    chosen = SUITES.get(suite)
    if suite in VERIFY_ONLY_SUITES:
        raise ProofError(f"{suite} is verified, never signed with; sign with one of "
                         f"{', '.join(sorted(SUITES))}")  # fmt: skip
    if chosen is None:
        raise ProofError(f"unknown cryptosuite {suite!r}; known: {', '.join(sorted(SUITES))}")
    if key.algorithm != chosen.key_algorithm:
        raise ProofError(f"{suite} needs an {chosen.key_algorithm} key, not {key.algorithm}")
    if "proof" in document:
        raise ProofError("the document already has a proof")
    if check_data_model and (
        "VerifiableCredential" in types_of(document) or "credentialSubject" in document
    ):
        ensure_data_model(document)  # a credential is refused before it is signed
    document = _with_proof_context(document)
    options: dict[str, Any] = {
        "type": "DataIntegrityProof",
        "cryptosuite": suite,
        "created": _timestamp(created),
        "verificationMethod": verification_method or key.verification_method,
        "proofPurpose": proof_purpose,
    }
    if chosen is eddsa_jcs_2022.SUITE and "@context" in document:
        options["@context"] = document["@context"]  # vc-di-eddsa §3.4.1 step 2
    signature = key.sign(hash_data(chosen, options, document))
    proof = {**options, "proofValue": multibase_encode(signature)}
    if not set(types_of(document)).isdisjoint(OB3_TYPES):
        # Open Badges 3.0 serializes every collection as an array (1EdTech's published
        # JSON Schema requires ``proof`` to be one; openbadges-specification#473); VC Data
        # Integrity reads a one-proof array as a proof set of one, so nothing else changes.
        return {**document, "proof": [proof]}
    return {**document, "proof": proof}


_VC2 = "https://www.w3.org/ns/credentials/v2"
_DI_V2 = "https://w3id.org/security/data-integrity/v2"


def _with_proof_context(document: dict[str, Any]) -> dict[str, Any]:
    """A VC 1.1 document (a Europass EDC, say) has no terms for the proof; the Data
    Integrity context is appended so that ``proof`` is defined (VC DI 1.0 §2.1)."""
    context = document.get("@context")
    if context is None:
        return document
    items = context if isinstance(context, list) else [context]
    if _VC2 in items or _DI_V2 in items:
        return document
    return {**document, "@context": [*items, _DI_V2]}


def verify_proof(
    document: Any,
    *,
    resolver: Resolver | None = None,
    allowed_suites: frozenset[str] = DEFAULT_SUITES,
    expected_purpose: str = "assertionMethod",
) -> ProofResult:
    """Check the document's proof, or every proof of its proof set or chain. Never raises.

    The result is the document's (see :class:`~..proof_result.ProofResult`): verified when at
    least one proof is verified and none of those checked failed; its ``method`` is that
    of the proof it stands on (the issuer's, when several are verified); ``proofs`` holds
    each proof's own result, in document order.
    """
    resolver = resolver or Resolver()
    if not isinstance(document, dict) or "proof" not in document:
        return fail("no_proof", "the document has no proof", None)
    proof = document["proof"]
    all_proofs = proof if isinstance(proof, list) else [proof]
    if not all_proofs:
        return fail("no_proof", "the document has no proof", None)
    if len(all_proofs) > MAX_PROOFS:
        reason = f"{len(all_proofs)} proofs: more than {MAX_PROOFS} are not checked"
        return fail("too_many_proofs", reason, None)
    unsecured = {key: value for key, value in document.items() if key != "proof"}
    digest = Digests() if len(all_proofs) > 1 else None  # a set's proofs share documents
    own = [
        verify_single(one, unsecured, all_proofs, resolver=resolver,
                      allowed_suites=allowed_suites, expected_purpose=expected_purpose,
                      digest=digest)
        for one in all_proofs
    ]  # fmt: skip
    results = settle(all_proofs, own)
    return _combined(document, results)


def _combined(document: dict[str, Any], results: list[ProofResult]) -> ProofResult:
    """The document's result from its proofs' (VC DI 1.0 §4.5 steps 4–8)."""
    every = tuple(results)
    if len(results) == 1:
        return dataclasses.replace(results[0], proofs=every)
    count = len(results)
    failed = next(((i, r) for i, r in enumerate(results) if r.checked and not r.verified), None)
    if failed is not None:
        index, result = failed
        reason = f"proof {index + 1} of {count}: {result.reason}"
        return dataclasses.replace(result, reason=reason, proofs=every)
    verified = [result for result in results if result.verified]
    if not verified:
        reason = f"none of the {count} proofs is of a type and cryptosuite allowed here"
        return ProofResult(False, "no_checkable_proof", reason, {}, None, every)
    return dataclasses.replace(_by_issuer(document, verified), proofs=every)


def _by_issuer(document: dict[str, Any], verified: list[ProofResult]) -> ProofResult:
    """The verified proof the document stands on: the issuer's, else the first."""
    issuer = document.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    for result in verified:
        if result.method is not None and result.method.id.split("#", 1)[0] == issuer_id:
            return result
    return verified[0]
