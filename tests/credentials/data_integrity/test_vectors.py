"""The W3C vc-di-eddsa and 1EdTech OB 3.0 test vectors, reproduced byte for byte:
canonical forms, hashes, signature and proofValue; each vector its own test."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from microcred.credentials import rdfc
from microcred.credentials.data_integrity import eddsa_jcs_2022, sign, verify_proof
from microcred.credentials.dids import Resolver
from microcred.credentials.keys import KeyPair


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
    assert ours["proof"]["proofValue"] == data["proofValue"]
    assert ours == json.loads((folder / "credential.signed-eddsa-rdfc-2022.json").read_text())

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
