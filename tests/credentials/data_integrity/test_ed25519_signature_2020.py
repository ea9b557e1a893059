"""``Ed25519Signature2020`` (vc-di-eddsa Appendix A), verification only: the W3C vector
reproduced byte for byte and verified, a tamper loop over every field of the document
and of the proof, the keys it accepts, and ``sign`` refusing it.

The proofs made here are made by :func:`_sign_2020`, written from the spec's Appendix A
with nothing of the package but RDFC-1.0: it reproduces the W3C vector exactly, so what
it signs is what a JS issuer (DCC, the VC-API test suite) signs.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from microcred.credentials.data_integrity import (
    DEFAULT_SUITES,
    SUITES,
    VERIFY_ONLY_SUITES,
    sign,
    verify_proof,
)
from microcred.credentials.data_integrity.ed25519_signature_2020 import CONTEXT
from microcred.credentials.dids import Resolver
from microcred.credentials.errors import ProofError
from microcred.credentials.jsonld import rdfc
from microcred.credentials.keys import KeyPair, multibase_encode
from microcred.credentials.verify import CheckStatus, verify

from .test_proofs import CREDENTIAL, _leaves, _tampered

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
KEY = KeyPair.generate()


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8").strip()


def _sha256(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


def _sign_2020(
    document: dict[str, Any],
    key: KeyPair,
    method: str | None = None,
    created: str = "2025-06-20T12:00:00Z",
    purpose: str = "assertionMethod",
) -> dict[str, Any]:
    """An Ed25519Signature2020 proof, as Appendix A makes it: the proof configuration
    takes the document's @context; sha256(RDFC config) || sha256(RDFC document)."""
    options = {
        "type": "Ed25519Signature2020",
        "created": created,
        "verificationMethod": method or key.verification_method,
        "proofPurpose": purpose,
    }
    config = {**options, "@context": document["@context"]}
    data = _sha256(rdfc.canonicalize(config)) + _sha256(rdfc.canonicalize(document))
    return {**document, "proof": {**options, "proofValue": multibase_encode(key.sign(data))}}


@pytest.fixture
def vector(shared: Path) -> Path:
    return shared / "vectors/di-eddsa/Ed25519Signature2020"


@pytest.fixture
def w3c_key(shared: Path) -> KeyPair:
    pair = json.loads((shared / "vectors/di-eddsa/keyPair.json").read_text())
    return KeyPair.from_multikey(pair["publicKeyMultibase"], pair["privateKeyMultibase"])


def test_w3c_vector_reproduces(vector: Path, w3c_key: KeyPair) -> None:
    signed = json.loads((vector / "signedEdSig.json").read_text())
    unsecured = {k: v for k, v in signed.items() if k != "proof"}
    config = json.loads((vector / "proofConfigEdSig.json").read_text())
    # the proof configuration is the proof without its value, with the document's @context
    proof = {k: v for k, v in signed["proof"].items() if k != "proofValue"}
    assert config == {**proof, "@context": signed["@context"]}

    canonical_doc, canonical_proof = rdfc.canonicalize(unsecured), rdfc.canonicalize(config)
    assert canonical_doc.strip() == _read(vector / "canonDocEdSig.txt")
    assert canonical_proof.strip() == _read(vector / "proofCanonEdSig.txt")
    doc_hash, proof_hash = _sha256(canonical_doc).hex(), _sha256(canonical_proof).hex()
    assert doc_hash == _read(vector / "docHashEdSig.txt")
    assert proof_hash == _read(vector / "proofHashEdSig.txt")
    assert proof_hash + doc_hash == _read(vector / "combinedHashEdSig.txt")
    signature = w3c_key.sign(bytes.fromhex(proof_hash + doc_hash))
    assert signature.hex() == _read(vector / "sigHexEdSig.txt")
    assert multibase_encode(signature) == _read(vector / "sigBTC58EdSig.txt")
    assert signed["proof"]["proofValue"] == _read(vector / "sigBTC58EdSig.txt")
    # the test's own signer makes the vector, byte for byte
    assert _sign_2020(unsecured, w3c_key, proof["verificationMethod"], proof["created"]) == signed


def test_w3c_vector_verifies(vector: Path) -> None:
    result = verify_proof(json.loads((vector / "signedEdSig.json").read_text()))
    assert (result.verified, result.code) == (True, "ok"), result.reason
    assert (result.suite, result.cryptosuite) == ("Ed25519Signature2020", "")
    assert result.method is not None
    assert result.method.id.startswith("did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#")
    assert result.proofs == (dataclasses.replace(result, proofs=()),)  # one proof, itself


def test_w3c_vector_tamper_loop(vector: Path) -> None:
    signed = json.loads((vector / "signedEdSig.json").read_text())
    paths = list(_leaves(signed))
    assert len(paths) == 9
    for path in paths:
        result = verify_proof(_tampered(signed, path))
        assert not result.verified, f"changing {path} went unnoticed"
        assert result.code == "invalid_signature", (path, result)


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("created", "2023-02-24T23:36:39Z", "invalid_signature"),
        ("created", "yesterday", "malformed_proof"),
        ("proofPurpose", "authentication", "wrong_purpose"),
        ("verificationMethod", KEY.verification_method, "invalid_signature"),
        ("verificationMethod", KEY.verification_method + "x", "did_error"),
        ("proofValue", "z" + "1" * 80, "invalid_signature"),
        ("proofValue", "not-multibase", "malformed_proof"),
        ("type", "Ed25519Signature2018", "unsupported_proof"),
        ("type", "DataIntegrityProof", "malformed_proof"),  # and no cryptosuite
        ("cryptosuite", "eddsa-rdfc-2022", "invalid_signature"),  # a member it never had
        ("nonce", "added", "invalid_signature"),
    ],
)
def test_w3c_vector_tampered_proof(vector: Path, field: str, value: str, code: str) -> None:
    signed = json.loads((vector / "signedEdSig.json").read_text())
    signed["proof"][field] = value
    result = verify_proof(signed)
    assert (result.verified, result.code) == (False, code), result.reason


def test_document_without_the_suite_context_is_refused(vector: Path) -> None:
    signed = json.loads((vector / "signedEdSig.json").read_text())
    signed["@context"] = [c for c in signed["@context"] if c != CONTEXT]
    result = verify_proof(signed)
    assert (result.verified, result.code) == (False, "missing_suite_context")
    assert CONTEXT in result.reason


def test_allowed_by_default_but_never_signed_with(w3c_key: KeyPair, vector: Path) -> None:
    assert "Ed25519Signature2020" in DEFAULT_SUITES
    assert "Ed25519Signature2020" in VERIFY_ONLY_SUITES
    assert "Ed25519Signature2020" not in SUITES  # what `sign` (and `microcred sign`) offer
    signed = json.loads((vector / "signedEdSig.json").read_text())
    narrowed = verify_proof(signed, allowed_suites=frozenset(SUITES))
    assert (narrowed.verified, narrowed.code) == (False, "suite_not_allowed")
    unsigned = {k: v for k, v in signed.items() if k != "proof"}
    with pytest.raises(ProofError, match="never signed with"):
        sign(unsigned, w3c_key, suite="Ed25519Signature2020")


def _credential(key: KeyPair, context: list[str] | None = None) -> dict[str, Any]:
    contexts = context or [*CREDENTIAL["@context"], CONTEXT]
    return {
        **CREDENTIAL,
        "@context": contexts,
        "issuer": {**CREDENTIAL["issuer"], "id": key.did_key},
    }


def test_credential_tamper_loop() -> None:
    signed = _sign_2020(_credential(KEY), KEY)
    assert verify_proof(signed).verified
    paths = list(_leaves(signed))
    assert len(paths) > 15
    for path in paths:
        result = verify_proof(_tampered(signed, path))
        assert not result.verified, f"changing {path} went unnoticed"
        assert result.code in ("invalid_signature", "jsonld_error", "did_error"), (path, result)


VC11 = [
    "https://www.w3.org/2018/credentials/v1",
    "https://purl.imsglobal.org/spec/ob/v3p0/context.json",
    CONTEXT,
]


@pytest.mark.parametrize(
    ("context", "bare"),
    [(None, False), (None, True), (VC11, False)],
    ids=["vc2", "vc2-bare-did-key", "vc11-ob3.0.0"],
)
def test_verify_report_binds_the_issuer(context: list[str] | None, bare: bool) -> None:
    document = _credential(KEY, context)
    if context == VC11:  # a DCC-era Open Badge: VC 1.1 dates
        document = {k: v for k, v in document.items() if k != "validFrom"}
        document["issuanceDate"] = "2025-06-20T00:00:00Z"
    signed = _sign_2020(document, KEY, KEY.did_key if bare else None)
    report = verify(signed, now=NOW)
    proof, issuer = report.check("proof"), report.check("issuer")
    assert proof is not None
    assert issuer is not None
    assert (proof.status, proof.code) == (CheckStatus.PASS, "ok"), proof.en
    assert "Ed25519Signature2020" in proof.en
    assert "Ed25519Signature2020" in proof.pl
    assert (issuer.status, issuer.code) == (CheckStatus.PASS, "ok"), issuer.en


def _did_web(key: KeyPair, kind: str) -> tuple[str, Resolver]:
    did = "did:web:uczelnia.example.pl"
    method = {"id": f"{did}#key-1", "type": kind, "controller": did,
              "publicKeyMultibase": key.public_multibase}  # fmt: skip
    document = {"id": did, "verificationMethod": [method], "assertionMethod": ["#key-1"]}
    return f"{did}#key-1", Resolver({did: document})


@pytest.mark.parametrize(
    ("kind", "code"),
    [
        ("Ed25519VerificationKey2020", "ok"),
        ("Multikey", "ok"),
        ("JsonWebKey2020", "wrong_key_type"),
        ("Ed25519VerificationKey2018", "wrong_key_type"),
    ],
)
def test_verification_method_types(kind: str, code: str) -> None:
    method, resolver = _did_web(KEY, kind)
    signed = _sign_2020(_credential(KEY), KEY, method)
    result = verify_proof(signed, resolver=resolver)
    assert (result.verified, result.code) == (code == "ok", code), result.reason


def test_p256_key_is_refused() -> None:
    p256 = KeyPair.generate("P-256")
    signed = _sign_2020(_credential(KEY), KEY)
    signed["proof"]["verificationMethod"] = p256.verification_method
    assert verify_proof(signed).code == "wrong_key_type"


def test_proof_does_not_leak_into_other_documents() -> None:
    """The proof is over this document: moved onto another, it fails."""
    one = _sign_2020(_credential(KEY), KEY)
    other = copy.deepcopy(one)
    other["id"] = "urn:uuid:00000000-0000-4000-8000-000000000000"
    assert verify_proof(one).verified
    assert verify_proof(other).code == "invalid_signature"
