"""Proof sets and chains (VC Data Integrity 1.0 §2.1.1, §2.1.2, §4.5): every proof is
checked and reported; a proof of a type or suite not known or not allowed is reported as
not checked and the document stands on the others; one failed proof fails it; a chain
link counts only when the proofs it follows do.

Proofs are added by :func:`add_proof`, written from §4.3 "Add Proof Set/Chain" with
nothing of the package but RDFC-1.0 (the W3C vectors in ``test_vectors.py`` show that
the package verifies what the JS reference signs).
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
from typing import Any

import pytest
import rfc8785

from microcred.credentials.data_integrity import ProofResult, verify_proof
from microcred.credentials.data_integrity._chains import settle
from microcred.credentials.data_integrity.proofs import MAX_PROOFS
from microcred.credentials.jsonld import rdfc
from microcred.credentials.keys import KeyPair, multibase_encode

from .test_proofs import CREDENTIAL, _leaves, _tampered

ISSUER, NOTARY, OTHER = KeyPair.generate(), KeyPair.generate(), KeyPair.generate()
P256 = KeyPair.generate("P-256")
DOCUMENT: dict[str, Any] = {**CREDENTIAL, "issuer": {**CREDENTIAL["issuer"], "id": ISSUER.did_key}}
UNKNOWN = {"type": "BbsBlsSignature2020", "created": "2025-06-20T12:00:00Z",
           "verificationMethod": "did:example:someone#key", "proofPurpose": "assertionMethod",
           "proofValue": "zunknown"}  # fmt: skip


def _sha256(suite: str, data: dict[str, Any]) -> bytes:
    """SHA-256 of the canonical form: JCS for ``*-jcs-*``, else RDFC-1.0."""
    if suite.endswith("-jcs-2022"):
        return hashlib.sha256(rfc8785.dumps(data)).digest()
    return hashlib.sha256(rdfc.canonicalize(data).encode("utf-8")).digest()


def add_proof(
    document: dict[str, Any],
    key: KeyPair,
    *,
    suite: str = "eddsa-rdfc-2022",
    proof_id: str | None = None,
    previous: str | list[str] | None = None,
) -> dict[str, Any]:
    """``document`` with one more proof in its proof list (VC DI 1.0 §4.3): a proof with
    ``previous`` signs the document with the proofs it names as its ``proof``."""
    current = document.get("proof", [])
    all_proofs = current if isinstance(current, list) else [current]
    unsecured = {k: v for k, v in document.items() if k != "proof"}
    options: dict[str, Any] = {
        "type": "DataIntegrityProof", "cryptosuite": suite, "created": "2025-06-20T12:00:00Z",
        "verificationMethod": key.verification_method, "proofPurpose": "assertionMethod",
    }  # fmt: skip
    if proof_id is not None:
        options["id"] = proof_id
    if previous is not None:
        options["previousProof"] = previous
        wanted = [previous] if isinstance(previous, str) else previous
        unsecured["proof"] = [p for p in all_proofs if p.get("id") in wanted]
    if suite == "eddsa-jcs-2022":
        options["@context"] = unsecured["@context"]
    config = {**options, "@context": unsecured["@context"]}
    data = _sha256(suite, config) + _sha256(suite, unsecured)
    proof = {**options, "proofValue": multibase_encode(key.sign(data))}
    return {**document, "proof": [*all_proofs, proof]}


def _states(result: ProofResult) -> list[tuple[bool, bool, str]]:
    return [(one.verified, one.checked, one.code) for one in result.proofs]


def test_two_proofs_by_two_keys() -> None:
    signed = add_proof(add_proof(DOCUMENT, ISSUER), NOTARY)
    result = verify_proof(signed)
    assert (result.verified, result.code) == (True, "ok"), result.reason
    assert _states(result) == [(True, True, "ok"), (True, True, "ok")]
    assert result.method is not None
    assert result.method.controller == ISSUER.did_key


def test_the_issuers_proof_is_the_one_the_document_stands_on() -> None:
    signed = add_proof(add_proof(DOCUMENT, NOTARY), ISSUER)  # the issuer's second
    result = verify_proof(signed)
    assert result.verified
    assert result.method is not None
    assert result.method.controller == ISSUER.did_key
    assert result.proof is signed["proof"][1]


def test_an_unknown_proof_is_reported_not_failed() -> None:
    signed = add_proof(DOCUMENT, ISSUER)
    signed["proof"].append(UNKNOWN)
    result = verify_proof(signed)
    assert (result.verified, result.code) == (True, "ok"), result.reason
    assert _states(result) == [(True, True, "ok"), (False, False, "unsupported_proof")]
    assert "BbsBlsSignature2020" in result.proofs[1].reason


def test_a_suite_not_allowed_is_reported_not_failed() -> None:
    signed = add_proof(add_proof(DOCUMENT, ISSUER), P256, suite="ecdsa-rdfc-2019")
    assert _states(verify_proof(signed)) == [(True, True, "ok"), (True, True, "ok")]
    result = verify_proof(signed, allowed_suites=frozenset({"eddsa-rdfc-2022"}))
    assert result.verified
    assert _states(result) == [(True, True, "ok"), (False, False, "suite_not_allowed")]


def test_a_valid_and_a_tampered_proof_fail() -> None:
    signed = add_proof(add_proof(DOCUMENT, ISSUER), NOTARY)
    signed["proof"][1]["proofValue"] = add_proof(DOCUMENT, OTHER)["proof"][0]["proofValue"]
    result = verify_proof(signed)
    assert (result.verified, result.code) == (False, "invalid_signature")
    assert result.reason.startswith("proof 2 of 2: ")
    assert result.proof is signed["proof"][1]
    assert _states(result) == [(True, True, "ok"), (False, True, "invalid_signature")]


@pytest.mark.parametrize(
    ("change", "code"),
    [
        (lambda p: p.update(proofPurpose="authentication"), "wrong_purpose"),
        (lambda p: p.update(verificationMethod="did:web:elsewhere.example#k"), "did_error"),
        (lambda p: p.pop("type"), "malformed_proof"),
        (lambda p: p.pop("cryptosuite"), "malformed_proof"),
    ],
    ids=["purpose", "unresolvable-key", "no-type", "no-cryptosuite"],
)
def test_any_failing_proof_fails_the_set(change: Any, code: str) -> None:
    signed = add_proof(add_proof(DOCUMENT, ISSUER), NOTARY)
    change(signed["proof"][1])
    result = verify_proof(signed)
    assert (result.verified, result.code) == (False, code), result.reason


def test_garbage_in_the_list_fails() -> None:
    signed = add_proof(DOCUMENT, ISSUER)
    signed["proof"].append("not a proof")
    result = verify_proof(signed)
    assert (result.verified, result.code) == (False, "malformed_proof")


def test_nothing_checkable() -> None:
    signed = {**DOCUMENT, "proof": [UNKNOWN, {**UNKNOWN, "type": "RsaSignature2018"}]}
    result = verify_proof(signed)
    assert (result.verified, result.code) == (False, "no_checkable_proof")
    assert _states(result) == [(False, False, "unsupported_proof")] * 2


def test_too_many_proofs() -> None:
    signed = {**DOCUMENT, "proof": [UNKNOWN] * (MAX_PROOFS + 1)}
    assert verify_proof(signed).code == "too_many_proofs"


def test_tamper_loop_over_a_proof_set() -> None:
    signed = add_proof(add_proof(DOCUMENT, ISSUER), NOTARY, suite="eddsa-jcs-2022")
    assert verify_proof(signed).verified
    for path in _leaves(signed):
        result = verify_proof(_tampered(signed, path))
        assert not result.verified, f"changing {path} went unnoticed"
    other_suite = {"eddsa-rdfc-2022": "eddsa-jcs-2022", "eddsa-jcs-2022": "eddsa-rdfc-2022"}
    for index in range(2):
        proof = signed["proof"][index]
        for field, value in {
            "created": "2025-06-21T12:00:00Z",
            "verificationMethod": OTHER.verification_method,
            "cryptosuite": other_suite[proof["cryptosuite"]],
            "proofValue": "z" + "1" * 86,
        }.items():
            changed = copy.deepcopy(signed)
            changed["proof"][index][field] = value
            result = verify_proof(changed)
            assert not result.verified, f"changing proof {index + 1} {field} went unnoticed"
            assert result.reason.startswith(f"proof {index + 1} of 2: "), result.reason


# --- chains ---------------------------------------------------------------------------


def _chain() -> dict[str, Any]:
    """issuer and notary in a set, then a registrar who signs after both (JCS)."""
    signed = add_proof(DOCUMENT, ISSUER, proof_id="urn:uuid:issuer")
    signed = add_proof(signed, NOTARY, proof_id="urn:uuid:notary")
    return add_proof(
        signed, OTHER, suite="eddsa-jcs-2022", previous=["urn:uuid:issuer", "urn:uuid:notary"]
    )


def test_a_chain_verifies() -> None:
    result = verify_proof(_chain())
    assert (result.verified, result.code) == (True, "ok"), result.reason
    assert _states(result) == [(True, True, "ok")] * 3


def test_a_chain_link_signs_the_proofs_it_follows() -> None:
    signed = _chain()
    signed["proof"][0]["created"] = "2025-06-21T12:00:00Z"  # breaks proof 1, and so proof 3
    result = verify_proof(signed)
    assert (result.verified, result.code) == (False, "invalid_signature")
    assert _states(result) == [
        (False, True, "invalid_signature"),
        (True, True, "ok"),
        (False, True, "invalid_signature"),
    ]


def test_a_link_after_an_unchecked_proof_is_not_verified() -> None:
    """§4.5: a proof with previousProof is verified only if the proofs it follows are."""
    signed = add_proof(DOCUMENT, P256, suite="ecdsa-rdfc-2019", proof_id="urn:uuid:first")
    signed = add_proof(signed, ISSUER, previous="urn:uuid:first")
    assert verify_proof(signed).verified
    result = verify_proof(signed, allowed_suites=frozenset({"eddsa-rdfc-2022"}))
    assert (result.verified, result.code) == (False, "no_checkable_proof")
    assert _states(result) == [
        (False, False, "suite_not_allowed"),
        (False, False, "previous_proof_unverified"),
    ]
    assert "follows proof 1" in result.proofs[1].reason


@pytest.mark.parametrize(
    ("previous", "code"),
    [("urn:uuid:nowhere", "previous_proof_missing"), (["urn:uuid:issuer", 7], "malformed_proof"),
     ([], "malformed_proof")],
    ids=["missing", "not-an-id", "empty"],
)  # fmt: skip
def test_broken_previous_proof(previous: Any, code: str) -> None:
    signed = add_proof(DOCUMENT, ISSUER, proof_id="urn:uuid:issuer")
    signed = add_proof(signed, NOTARY, previous="urn:uuid:issuer")
    signed["proof"][1]["previousProof"] = previous
    result = verify_proof(signed)
    assert (result.verified, result.code) == (False, code), result.reason


def test_one_proof_naming_a_previous_proof_that_is_not_there() -> None:
    signed = add_proof(DOCUMENT, ISSUER, proof_id="urn:uuid:issuer")
    single = {**signed, "proof": {**signed["proof"][0], "previousProof": "urn:uuid:gone"}}
    assert verify_proof(single).code == "previous_proof_missing"


def test_a_cycle_ends() -> None:
    """Proofs that follow each other cannot all be signed; whatever their results, the
    dependencies are settled without looping."""
    proofs = [{"id": "a", "previousProof": "b"}, {"id": "b", "previousProof": "a"}]
    own = [ProofResult(True, "ok", "valid", proof) for proof in proofs]
    settled = settle(proofs, own)
    assert [r.verified for r in settled] == [False, False]
    assert {r.code for r in settled} == {"proof_chain_cycle", "previous_proof_unverified"}


def test_results_are_reported_in_document_order() -> None:
    signed = add_proof(DOCUMENT, ISSUER)
    signed["proof"].insert(0, UNKNOWN)
    result = verify_proof(signed)
    assert [one.proof for one in result.proofs] == signed["proof"]
    assert dt.datetime.fromisoformat(result.proof["created"]).year == 2025


@pytest.mark.parametrize(
    "proofs",
    [
        [{"type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022", "id": {"x": 1},
          "proofPurpose": "assertionMethod", "verificationMethod": ISSUER.verification_method,
          "proofValue": "z1"}, {"id": ["a"], "type": 7}],
        [{**UNKNOWN, "previousProof": [{"id": "x"}]}, {"type": "DataIntegrityProof",
          "cryptosuite": "eddsa-rdfc-2022", "previousProof": [["x"]],
          "proofPurpose": "assertionMethod", "verificationMethod": ISSUER.did_key,
          "proofValue": "z1"}],
        [None, [], {}, "", 0],
    ],
    ids=["unhashable-ids", "nested-previous", "not-objects"],
)  # fmt: skip
def test_garbage_proof_lists_never_raise(proofs: list[Any]) -> None:
    result = verify_proof({**DOCUMENT, "proof": proofs})
    assert not result.verified
    assert len(result.proofs) == len(proofs)
    assert all(one.reason for one in result.proofs)
