"""Create and verify Data Integrity proofs (W3C VC Data Integrity 1.0 §4.2, §4.3).

``sign(document, key, suite=...)`` returns the document with a ``DataIntegrityProof``::

    "proof": {"type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022",
              "created": "2023-02-24T23:36:38Z",
              "verificationMethod": "did:key:z6Mk...#z6Mk...",
              "proofPurpose": "assertionMethod", "proofValue": "z2YwC8z3ap7y..."}

``verify_proof(document, resolver=...)`` never raises on what a stranger sends: it
returns a :class:`ProofResult` whose ``code`` says what failed. The caller says which
cryptosuites it accepts (default: all three here); the key comes from the resolved
verification method, never from the document.
"""

from __future__ import annotations

__all__ = ["DEFAULT_SUITES", "SUITES", "ProofResult", "sign", "verify_proof"]

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from ..dids import Resolver, VerificationMethod
from ..errors import CredentialError, InvalidKeyError, ProofError
from ..keys import KeyPair, multibase_decode, multibase_encode
from . import ecdsa_rdfc_2019, eddsa_jcs_2022, eddsa_rdfc_2022
from ._suite import Cryptosuite

SUITES: dict[str, Cryptosuite] = {
    suite.name: suite
    for suite in (eddsa_rdfc_2022.SUITE, eddsa_jcs_2022.SUITE, ecdsa_rdfc_2019.SUITE)
}
DEFAULT_SUITES = frozenset(SUITES)
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def _timestamp(moment: dt.datetime | None) -> str:
    moment = moment or dt.datetime.now(dt.UTC)
    if moment.tzinfo is None:
        raise ProofError("created must be timezone-aware")
    return moment.astimezone(dt.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def _config(options: dict[str, Any], document: dict[str, Any]) -> dict[str, Any]:
    """The proof configuration: the options with the document's ``@context``
    (vc-di-eddsa §3.3.5 / §3.4.5 "Proof Configuration")."""
    if "@context" in document:
        return {**options, "@context": document["@context"]}
    return dict(options)


def _hash_data(suite: Cryptosuite, options: dict[str, Any], unsecured: dict[str, Any]) -> bytes:
    config = _config(options, unsecured)
    return suite.hash_proof_config(config) + suite.hash(suite.canonicalize(unsecured))


def sign(
    document: dict[str, Any],
    key: KeyPair,
    *,
    suite: str = "eddsa-rdfc-2022",
    created: dt.datetime | None = None,
    verification_method: str | None = None,
    proof_purpose: str = "assertionMethod",
) -> dict[str, Any]:
    """``document`` with a new Data Integrity proof by ``key``.

    Raises :class:`ProofError` on misuse: an unknown suite, a key of the wrong type, a
    document that already has a proof; :class:`JsonLdError` when the document is not
    safe JSON-LD (an ``*-rdfc-*`` suite would sign less than it shows).
    """
    chosen = SUITES.get(suite)
    if chosen is None:
        raise ProofError(f"unknown cryptosuite {suite!r}; known: {', '.join(sorted(SUITES))}")
    if key.algorithm != chosen.key_algorithm:
        raise ProofError(f"{suite} needs an {chosen.key_algorithm} key, not {key.algorithm}")
    if "proof" in document:
        raise ProofError("the document already has a proof")
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
    signature = key.sign(_hash_data(chosen, options, document))
    return {**document, "proof": {**options, "proofValue": multibase_encode(signature)}}


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


@dataclass(frozen=True)
class ProofResult:
    """The outcome of checking one proof."""

    verified: bool
    code: str
    reason: str
    proof: dict[str, Any]
    method: VerificationMethod | None = None

    @property
    def cryptosuite(self) -> str:
        """The proof's cryptosuite, as written."""
        return str(self.proof.get("cryptosuite", ""))


def _fail(
    code: str, reason: str, proof: Any, method: VerificationMethod | None = None
) -> ProofResult:
    return ProofResult(False, code, reason, proof if isinstance(proof, dict) else {}, method)


def verify_proof(
    document: Any,
    *,
    resolver: Resolver | None = None,
    allowed_suites: frozenset[str] = DEFAULT_SUITES,
    expected_purpose: str = "assertionMethod",
) -> ProofResult:
    """Check the document's one Data Integrity proof. Never raises."""
    resolver = resolver or Resolver()
    if not isinstance(document, dict) or "proof" not in document:
        return _fail("no_proof", "the document has no proof", None)
    proof = document["proof"]
    if isinstance(proof, list):
        if len(proof) != 1:
            return _fail("proof_set", "proof sets with several proofs are not supported", None)
        proof = proof[0]
    if not isinstance(proof, dict):
        return _fail("malformed_proof", "the proof is not a JSON object", proof)
    if proof.get("type") != "DataIntegrityProof":
        return _fail("unsupported_proof", f"unsupported proof type {proof.get('type')!r}", proof)
    name = proof.get("cryptosuite")
    suite = SUITES.get(name) if isinstance(name, str) else None
    if suite is None or name not in allowed_suites:
        return _fail("suite_not_allowed", f"cryptosuite {name!r} is not allowed", proof)
    if proof.get("proofPurpose") != expected_purpose:
        reason = f"proof purpose is {proof.get('proofPurpose')!r}, expected {expected_purpose!r}"
        return _fail("wrong_purpose", reason, proof)
    created = proof.get("created")
    if created is not None and not (isinstance(created, str) and _DATETIME.match(created)):
        return _fail("malformed_proof", "created is not an XML Schema dateTime", proof)
    vm_url = proof.get("verificationMethod")
    if not isinstance(vm_url, str):
        return _fail("malformed_proof", "verificationMethod is missing", proof)
    try:
        signature = multibase_decode(proof.get("proofValue", ""))
    except InvalidKeyError:
        return _fail("malformed_proof", "proofValue is not multibase", proof)
    unsecured = {key: value for key, value in document.items() if key != "proof"}
    options = {key: value for key, value in proof.items() if key != "proofValue"}
    if "@context" in options:
        proof_context = options["@context"]
        doc_context = unsecured.get("@context")
        if not _starts_with(doc_context, proof_context):
            return _fail(
                "context_mismatch", "the proof's @context differs from the document's", proof
            )
        if suite is eddsa_jcs_2022.SUITE:
            unsecured["@context"] = proof_context
    try:
        method = resolver.verification_method(vm_url)
    except CredentialError as exc:
        return _fail(exc.code, exc.message, proof)
    if method.key.algorithm != suite.key_algorithm:
        reason = f"{name} needs an {suite.key_algorithm} key; {vm_url} is {method.key.algorithm}"
        return _fail("wrong_key_type", reason, proof, method)
    try:
        data = _hash_data(suite, options, unsecured)
    except CredentialError as exc:
        return _fail(exc.code, exc.message, proof, method)
    if not method.key.verify(signature, data):
        return _fail(
            "invalid_signature", "the signature does not match the document", proof, method
        )
    return ProofResult(True, "ok", f"valid {name} proof by {vm_url}", proof, method)


def _starts_with(document_context: Any, proof_context: Any) -> bool:
    doc = document_context if isinstance(document_context, list) else [document_context]
    prf = proof_context if isinstance(proof_context, list) else [proof_context]
    return doc[: len(prf)] == prf
