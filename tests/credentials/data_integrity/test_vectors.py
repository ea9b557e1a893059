"""The W3C vc-di-eddsa and 1EdTech OB 3.0 test vectors, reproduced byte for byte:
canonical forms, hashes, signature and proofValue; each vector its own test. The
vc-di-eddsa proof sets and chains verify, proof by proof, and each step reproduces.
(Ed25519Signature2020: ``test_ed25519_signature_2020.py``.)"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from microcred.credentials.data_integrity import eddsa_jcs_2022, sign, verify_proof
from microcred.credentials.data_integrity._chains import matching_proofs
from microcred.credentials.dids import Resolver
from microcred.credentials.jsonld import rdfc
from microcred.credentials.keys import KeyPair, multibase_encode

from ...conftest import proof_of


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8").strip()


def _created(proof: dict[str, Any]) -> dt.datetime:
    return dt.datetime.fromisoformat(proof["created"].replace("Z", "+00:00"))


W3C = [
    ("eddsa-rdfc-2022", "DataInt", "signedDataInt.json"),
    ("eddsa-jcs-2022", "JCS", "signedJCS.json"),
]


@pytest.fixture
def w3c_key(shared: Path) -> KeyPair:
    pair = json.loads((shared / "vectors/di-eddsa/keyPair.json").read_text())
    return KeyPair.from_multikey(pair["publicKeyMultibase"], pair["privateKeyMultibase"])


@pytest.mark.parametrize(("suite", "tag", "signed"), W3C, ids=[s for s, _, _ in W3C])
def test_w3c_vector_reproduces(
    shared: Path, w3c_key: KeyPair, suite: str, tag: str, signed: str
) -> None:
    folder = shared / "vectors/di-eddsa" / suite
    unsigned = json.loads((shared / "vectors/di-eddsa/unsigned.json").read_text())
    config = json.loads((folder / f"proofConfig{tag}.json").read_text())
    canon = rdfc.canonicalize if suite.endswith("rdfc-2022") else (
        lambda d: eddsa_jcs_2022.SUITE.canonicalize(d).decode()
    )  # fmt: skip
    canonical_doc = canon(unsigned)
    canonical_proof = canon(config)
    assert canonical_doc.strip() == _read(folder / f"canonDoc{tag}.txt")
    assert canonical_proof.strip() == _read(folder / f"proofCanon{tag}.txt")
    doc_hash = hashlib.sha256(canonical_doc.encode()).hexdigest()
    proof_hash = hashlib.sha256(canonical_proof.encode()).hexdigest()
    assert doc_hash == _read(folder / f"docHash{tag}.txt")
    assert proof_hash == _read(folder / f"proofHash{tag}.txt")
    assert proof_hash + doc_hash == _read(folder / f"combinedHash{tag}.txt")

    ours = sign(unsigned, w3c_key, suite=suite, created=_created(config))
    assert ours["proof"]["proofValue"] == _read(folder / f"sigBTC58{tag}.txt")
    signature = w3c_key.sign(bytes.fromhex(proof_hash + doc_hash))
    assert signature.hex() == _read(folder / f"sigHex{tag}.txt")
    expected = json.loads((folder / signed).read_text())
    assert ours == expected
    assert verify_proof(expected).verified


def test_ob3_implementation_guide_vector(shared: Path) -> None:
    folder = shared / "vectors/ob3-examples/ldp-testvector"
    data = json.loads((folder / "keys-and-hashes.json").read_text())
    method = data["verificationMethod"]
    key = KeyPair.from_multikey(method["publicKeyMultibase"], method["secretKeyMultibase"])
    assert key.public_jwk()["x"]  # a usable Ed25519 key
    unsigned = json.loads((folder / "credential.unsigned.json").read_text())
    proof = json.loads((folder / "proof.json").read_text())

    assert (
        hashlib.sha256(rdfc.canonicalize(unsigned).encode()).hexdigest() == data["documentHashHex"]
    )
    ours = sign(unsigned, key, created=_created(proof), verification_method=method["id"])
    assert proof_of(ours)["proofValue"] == data["proofValue"]
    assert {**ours, "proof": proof_of(ours)} == json.loads(
        (folder / "credential.signed-eddsa-rdfc-2022.json").read_text()
    )

    controller = {
        "id": method["controller"],
        "verificationMethod": [{k: v for k, v in method.items() if k != "secretKeyMultibase"}],
        "assertionMethod": [method["id"]],
    }
    resolver = Resolver({method["controller"]: controller})
    assert verify_proof(ours, resolver=resolver).verified
    # Offline, with no local controller document, the https key cannot be resolved:
    unresolved = verify_proof(ours)
    assert not unresolved.verified
    assert unresolved.code == "did_error"


# vc-di-eddsa "Proof Sets and Chains": (vector, {proof index: key pair}) — the keys of
# multiKeyPairs.json, in the order the proofs were added
PROOF_SETS_AND_CHAINS = [
    ("signedProofSet1.json", ["keyPair1"]),
    ("signedProofSet2.json", ["keyPair1", "keyPair2"]),
    ("signedProofChain1.json", ["keyPair1", "keyPair2", "keyPair3"]),
    ("signedProofChain2.json", ["keyPair1", "keyPair2", "keyPair3", "keyPair4"]),
]


def _key_pairs(shared: Path) -> dict[str, KeyPair]:
    pairs = json.loads((shared / "vectors/di-eddsa/proof-set-chain/multiKeyPairs.json").read_text())
    return {
        name: KeyPair.from_multikey(pair["publicKeyMultibase"], pair["privateKeyMultibase"])
        for name, pair in pairs.items()
    }


@pytest.mark.parametrize(
    ("vector", "signers"), PROOF_SETS_AND_CHAINS, ids=[v for v, _ in PROOF_SETS_AND_CHAINS]
)
def test_w3c_proof_set_or_chain_verifies(shared: Path, vector: str, signers: list[str]) -> None:
    signed = json.loads((shared / "vectors/di-eddsa/proof-set-chain" / vector).read_text())
    keys = _key_pairs(shared)
    result = verify_proof(signed)
    assert (result.verified, result.code) == (True, "ok"), result.reason
    assert len(result.proofs) == len(signers)
    for one, signer in zip(result.proofs, signers, strict=True):
        assert (one.verified, one.code) == (True, "ok"), one.reason
        assert one.method is not None
        assert one.method.key.public_multibase == keys[signer].public_multibase


@pytest.mark.parametrize(
    ("config", "document", "signer"),
    [
        ("proofSetConfig1.json", "unsigned.json", "keyPair1"),
        ("proofSetConfig2.json", "unsigned.json", "keyPair2"),
        ("proofChainConfig1.json", "proofChainTempDoc1.json", "keyPair3"),
        ("proofChainConfig2.json", "proofChainTempDoc2.json", "keyPair4"),
    ],
    ids=["proofSetConfig1", "proofSetConfig2", "proofChainConfig1", "proofChainConfig2"],
)
def test_w3c_proof_set_or_chain_step_reproduces(
    shared: Path, config: str, document: str, signer: str
) -> None:
    """Each step's signature, over the document with the proofs it follows (VC DI 1.0
    §4.3 step 6): the bytes are the vector's, and so is the input document."""
    folder = shared / "vectors/di-eddsa/proof-set-chain"
    options = json.loads((folder / config).read_text())
    unsecured = json.loads((folder / document).read_text())
    key = _key_pairs(shared)[signer]
    data = hashlib.sha256(rdfc.canonicalize({**options, "@context": unsecured["@context"]})
                          .encode()).digest()  # fmt: skip
    data += hashlib.sha256(rdfc.canonicalize(unsecured).encode()).digest()
    expected = json.loads((folder / config.replace("Config", "ConfigSigned")).read_text())
    assert multibase_encode(key.sign(data)) == expected["proofValue"]
    assert expected == {**options, "proofValue": expected["proofValue"]}
    if "previousProof" in options:  # the input document verify_proof builds is the vector's
        chain = json.loads((folder / "signedProofChain2.json").read_text())
        matching, problem = matching_proofs(options["previousProof"], chain["proof"])
        assert problem is None
        assert matching == unsecured["proof"]
