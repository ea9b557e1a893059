"""Verify one proof against its input document (VC Data Integrity 1.0 §4.4 "Verify
Proof", steps 3–8, with the suite's own "Verify Proof" algorithm).

The input document is the secured document without ``proof``, or, for a proof that
follows others (``previousProof``, §4.5), with ``proof`` set to the proofs it follows.
Never raises: every problem is a failed :class:`ProofResult` with a code.
"""

from __future__ import annotations

__all__ = ["Digests", "fail", "hash_data", "verify_single"]

import json
import re
from collections.abc import Callable
from typing import Any

from ..dids import Resolver, VerificationMethod
from ..errors import CredentialError, InvalidKeyError
from ..keys import multibase_decode
from ..proof_result import ProofResult
from . import eddsa_jcs_2022
from ._chains import matching_proofs
from ._suite import DATA_INTEGRITY_PROOF, Cryptosuite
from .suites import named_suite

_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def fail(
    code: str, reason: str, proof: Any, method: VerificationMethod | None = None
) -> ProofResult:
    """A failed (or, for the codes of :data:`~..proof_result.NOT_CHECKED`, unchecked) result."""
    return ProofResult(False, code, reason, proof if isinstance(proof, dict) else {}, method)


class Digests:
    """The canonical form of each input document, made once per verification: the
    proofs of a set sign the same document."""

    def __init__(self) -> None:
        self._seen: dict[tuple[Callable[[dict[str, Any]], bytes], str], bytes] = {}

    def __call__(self, suite: Cryptosuite, document: dict[str, Any]) -> bytes:
        """``suite``'s hash of ``document``'s canonical form; raises CredentialError."""
        try:
            text = json.dumps(document, sort_keys=True, separators=(",", ":"))
        except (TypeError, ValueError):  # not JSON data: canonicalize raises its own error
            return suite.hash(suite.canonicalize(document))
        key = (suite.canonicalize, text)
        if key not in self._seen:
            self._seen[key] = suite.canonicalize(document)
        return suite.hash(self._seen[key])


def _config(options: dict[str, Any], document: dict[str, Any]) -> dict[str, Any]:
    """The proof configuration: the options with the document's ``@context``
    (vc-di-eddsa §3.3.5, §3.4.5 and Appendix A "Proof Configuration")."""
    if "@context" in document:
        return {**options, "@context": document["@context"]}
    return dict(options)


def hash_data(
    suite: Cryptosuite,
    options: dict[str, Any],
    unsecured: dict[str, Any],
    digest: Callable[[Cryptosuite, dict[str, Any]], bytes] | None = None,
) -> bytes:
    """hash(canonical proof configuration) || hash(canonical document)."""
    config = _config(options, unsecured)
    document_hash = (
        digest(suite, unsecured) if digest else suite.hash(suite.canonicalize(unsecured))
    )
    return suite.hash_proof_config(config) + document_hash


def _context_urls(document: dict[str, Any]) -> list[Any]:
    context = document.get("@context")
    return context if isinstance(context, list) else [context]


def _starts_with(document_context: Any, proof_context: Any) -> bool:
    doc = document_context if isinstance(document_context, list) else [document_context]
    prf = proof_context if isinstance(proof_context, list) else [proof_context]
    return doc[: len(prf)] == prf


def verify_single(
    proof: Any,
    unsecured: dict[str, Any],
    all_proofs: list[Any],
    *,
    resolver: Resolver,
    allowed_suites: frozenset[str],
    expected_purpose: str,
    digest: Callable[[Cryptosuite, dict[str, Any]], bytes] | None = None,
) -> ProofResult:
    """Check ``proof``, one of ``all_proofs``, over ``unsecured`` (the document without
    any proof). Never raises."""
    if not isinstance(proof, dict):
        return fail("malformed_proof", "the proof is not a JSON object", proof)
    kind = proof.get("type")
    if not isinstance(kind, str):
        return fail("malformed_proof", "the proof has no type", proof)
    name, suite = named_suite(proof)
    if kind == DATA_INTEGRITY_PROOF and name is None:
        return fail("malformed_proof", "the DataIntegrityProof names no cryptosuite", proof)
    if name is None:
        return fail("unsupported_proof", f"unsupported proof type {kind!r}", proof)
    if suite is None or name not in allowed_suites:
        what = "cryptosuite" if kind == DATA_INTEGRITY_PROOF else "proof type"
        return fail("suite_not_allowed", f"{what} {name!r} is not allowed", proof)
    if proof.get("proofPurpose") != expected_purpose:
        reason = f"proof purpose is {proof.get('proofPurpose')!r}, expected {expected_purpose!r}"
        return fail("wrong_purpose", reason, proof)
    if suite.required_context and suite.required_context not in _context_urls(unsecured):
        reason = f"an {name} proof needs the context {suite.required_context} in the document"
        return fail("missing_suite_context", reason, proof)
    created = proof.get("created")
    if created is not None and not (isinstance(created, str) and _DATETIME.match(created)):
        return fail("malformed_proof", "created is not an XML Schema dateTime", proof)
    vm_url = proof.get("verificationMethod")
    if not isinstance(vm_url, str):
        return fail("malformed_proof", "verificationMethod is missing", proof)
    try:
        signature = multibase_decode(proof.get("proofValue", ""))
    except InvalidKeyError:
        return fail("malformed_proof", "proofValue is not multibase", proof)
    document = dict(unsecured)
    if "previousProof" in proof:
        matching, problem = matching_proofs(proof["previousProof"], all_proofs)
        if problem is not None:
            return fail(problem[0], problem[1], proof)
        document["proof"] = matching  # VC DI 1.0 §4.5 step 3.3
    options = {key: value for key, value in proof.items() if key != "proofValue"}
    if "@context" in options:
        if not _starts_with(document.get("@context"), options["@context"]):
            return fail(
                "context_mismatch", "the proof's @context differs from the document's", proof
            )
        if suite is eddsa_jcs_2022.SUITE:
            document["@context"] = options["@context"]
    return _check_signature(suite, name, proof, options, document, signature, resolver, digest)


def _check_signature(
    suite: Cryptosuite,
    name: str,
    proof: dict[str, Any],
    options: dict[str, Any],
    document: dict[str, Any],
    signature: bytes,
    resolver: Resolver,
    digest: Callable[[Cryptosuite, dict[str, Any]], bytes] | None,
) -> ProofResult:
    vm_url = str(proof["verificationMethod"])
    try:
        method = resolver.verification_method(vm_url)
    except CredentialError as exc:
        return fail(exc.code, exc.message, proof)
    if method.key.algorithm != suite.key_algorithm:
        reason = f"{name} needs an {suite.key_algorithm} key; {vm_url} is {method.key.algorithm}"
        return fail("wrong_key_type", reason, proof, method)
    if suite.method_types and method.type not in suite.method_types:
        wanted = " or ".join(sorted(suite.method_types))
        reason = f"{name} needs a {wanted} verification method; {vm_url} is {method.type!r}"
        return fail("wrong_key_type", reason, proof, method)
    try:
        data = hash_data(suite, options, document, digest)
    except CredentialError as exc:
        return fail(exc.code, exc.message, proof, method)
    if not method.key.verify(signature, data):
        return fail("invalid_signature", "the signature does not match the document", proof, method)
    return ProofResult(True, "ok", f"valid {name} proof by {vm_url}", proof, method)
