"""Data Integrity proofs: round trips for every suite, a tamper loop over every field,
and the failures a stranger can cause, each with its code."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from microcred.credentials.data_integrity import SUITES, sign, verify_proof
from microcred.credentials.errors import JsonLdError, ProofError
from microcred.credentials.keys import KeyPair

from ...conftest import proof_of

CREDENTIAL: dict[str, Any] = {
    "@context": [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ],
    "id": "urn:uuid:5e2b4b8c-7c51-4b0e-9f42-1d3c7d2c9a11",
    "type": ["VerifiableCredential", "OpenBadgeCredential"],
    "name": "Podstawy języka Python",
    "issuer": {"id": "did:example:issuer", "type": ["Profile"], "name": "Politechnika"},
    "validFrom": "2025-06-20T00:00:00Z",
    "credentialSubject": {
        "type": ["AchievementSubject"],
        "identifier": [
            {
                "type": "IdentityObject",
                "identityHash": "anna.kowalska@example.org",
                "identityType": "emailAddress",
                "hashed": False,
            }
        ],
        "achievement": {
            "id": "https://ckw.example.edu.pl/achievements/python-basics",
            "type": ["Achievement"],
            "achievementType": "MicroCredential",
            "name": "Podstawy języka Python",
            "description": "Kurs online, 2 ECTS.",
            "criteria": {"narrative": "Test online i projekt."},
            "creditsAvailable": 2,
        },
    },
}
KEYS = {"Ed25519": KeyPair.generate("Ed25519"), "P-256": KeyPair.generate("P-256")}
CREATED = dt.datetime(2025, 6, 20, 12, 0, tzinfo=dt.UTC)


def _signed(suite: str) -> dict[str, Any]:
    key = KEYS[SUITES[suite].key_algorithm]
    issuer = {**CREDENTIAL["issuer"], "id": key.did_key}
    return sign({**CREDENTIAL, "issuer": issuer}, key, suite=suite, created=CREATED)


@pytest.mark.parametrize("suite", sorted(SUITES))
def test_round_trip(suite: str) -> None:
    result = verify_proof(_signed(suite))
    assert result.verified, result.reason
    assert result.code == "ok"
    assert result.cryptosuite == suite
    assert result.method is not None
    assert "assertionMethod" in result.method.relationships


def _leaves(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in ("@context", "proof"):
                yield from _leaves(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _leaves(value, (*path, index))
    else:
        yield path


def _tampered(document: dict[str, Any], path: tuple[Any, ...]) -> dict[str, Any]:
    changed = copy.deepcopy(document)
    target = changed
    for part in path[:-1]:
        target = target[part]
    value = target[path[-1]]
    if isinstance(value, bool):
        target[path[-1]] = not value
    elif isinstance(value, int | float):
        target[path[-1]] = value + 1
    elif path[-1] == "type" or (len(path) > 1 and path[-2] == "type"):
        known = ["EndorsementCredential", "Profile", "Achievement", "IdentityObject"]
        target[path[-1]] = next(t for t in known if t != value)
    elif ":" in value:
        target[path[-1]] = value + "x"
    else:
        target[path[-1]] = value + " "
    return changed


@pytest.mark.parametrize("suite", sorted(SUITES))
def test_tamper_loop_every_field(suite: str) -> None:
    signed = _signed(suite)
    paths = list(_leaves(signed))
    assert len(paths) > 15
    for path in paths:
        result = verify_proof(_tampered(signed, path))
        assert not result.verified, f"changing {path} went unnoticed"
        assert result.code in ("invalid_signature", "jsonld_error", "did_error"), (path, result)


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("proofPurpose", "authentication", "wrong_purpose"),
        ("cryptosuite", "eddsa-jcs-2022", "invalid_signature"),
        ("cryptosuite", "bbs-2023", "suite_not_allowed"),
        ("type", "Ed25519Signature2020", "missing_suite_context"),
        ("type", "RsaSignature2018", "unsupported_proof"),
        ("type", None, "malformed_proof"),
        ("cryptosuite", None, "malformed_proof"),
        ("created", "2025-06-21T12:00:00Z", "invalid_signature"),
        ("created", "yesterday", "malformed_proof"),
        ("proofValue", "not-multibase", "malformed_proof"),
        ("proofValue", "z" + "1" * 80, "invalid_signature"),
        # a bare did:key is its one key, but the proof named another URL when signed
        ("verificationMethod", KEYS["Ed25519"].public_only().did_key, "invalid_signature"),
        ("verificationMethod", "did:web:uczelnia.example.pl", "did_error"),
    ],
)
def test_tampered_proof(field: str, value: str | None, code: str) -> None:
    signed = _signed("eddsa-rdfc-2022")
    proof_of(signed)[field] = value
    result = verify_proof(signed)
    assert not result.verified
    assert result.code == code, result.reason


def test_wrong_key_is_rejected() -> None:
    signed = _signed("eddsa-rdfc-2022")
    other = KeyPair.generate()
    proof_of(signed)["verificationMethod"] = other.verification_method
    result = verify_proof(signed)
    assert (result.verified, result.code) == (False, "invalid_signature")


def test_p256_key_claimed_for_an_eddsa_proof() -> None:
    signed = _signed("eddsa-rdfc-2022")
    proof_of(signed)["verificationMethod"] = KEYS["P-256"].verification_method
    assert verify_proof(signed).code == "wrong_key_type"


def test_caller_decides_the_allowed_suites() -> None:
    signed = _signed("eddsa-jcs-2022")
    result = verify_proof(signed, allowed_suites=frozenset({"eddsa-rdfc-2022"}))
    assert (result.verified, result.code) == (False, "suite_not_allowed")


@pytest.mark.parametrize(
    ("change", "code"),
    [
        (
            {"@context": ["https://www.w3.org/ns/credentials/v2", "https://evil.example/ctx"]},
            "unknown_context",
        ),
        ({"nickname": "added after signing"}, "jsonld_error"),
        (
            {"@context": [*CREDENTIAL["@context"], {"name": "https://evil.example/name"}]},
            "jsonld_error",
        ),
    ],
    ids=["unknown-context", "undefined-term", "redefined-protected-term"],
)
def test_json_ld_attacks_are_reported(change: dict[str, Any], code: str) -> None:
    result = verify_proof(_signed("eddsa-rdfc-2022") | change)
    assert (result.verified, result.code) == (False, code), result.reason


@pytest.mark.parametrize(
    "document",
    [None, "text", [], {}, {"proof": "x"}, {"proof": []}, {"proof": [{}, {}]}, {"proof": {}}],
    ids=["none", "text", "list", "empty", "proof-text", "no-proofs", "two-proofs", "empty-proof"],
)
def test_garbage_never_raises(document: Any) -> None:
    result = verify_proof(document)
    assert not result.verified
    assert result.reason


def test_sign_misuse_raises() -> None:
    with pytest.raises(ProofError, match="needs an P-256 key"):
        sign(CREDENTIAL, KEYS["Ed25519"], suite="ecdsa-rdfc-2019")
    with pytest.raises(ProofError, match="unknown cryptosuite"):
        sign(CREDENTIAL, KEYS["Ed25519"], suite="rsa-2000")
    with pytest.raises(ProofError, match="already has a proof"):
        sign(_signed("eddsa-rdfc-2022"), KEYS["Ed25519"])
    with pytest.raises(JsonLdError, match="'nickname'"):
        sign(CREDENTIAL | {"nickname": "x"}, KEYS["Ed25519"])
