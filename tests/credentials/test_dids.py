"""DIDs: did:key documents, did:web URLs, local resolution, and no network by default."""

from __future__ import annotations

import pytest

from microcred.credentials.dids import Resolver, did_key_document, did_web_url
from microcred.credentials.errors import DidError
from microcred.credentials.keys import KeyPair


@pytest.mark.parametrize("algorithm", ["Ed25519", "P-256"])
def test_did_key_resolves_to_its_key(algorithm: str) -> None:
    key = KeyPair.generate(algorithm)  # type: ignore[arg-type]
    method = Resolver().verification_method(key.verification_method)
    assert method.key.public_multibase == key.public_multibase
    assert method.controller == key.did_key
    assert "assertionMethod" in method.relationships
    document = did_key_document(key.did_key)
    assert document["assertionMethod"] == [key.verification_method]


@pytest.mark.parametrize(
    ("did", "url"),
    [
        ("did:web:example.edu", "https://example.edu/.well-known/did.json"),
        ("did:web:example.edu:issuers:42", "https://example.edu/issuers/42/did.json"),
        ("did:web:localhost%3A8443", "https://localhost:8443/.well-known/did.json"),
    ],
)
def test_did_web_urls(did: str, url: str) -> None:
    assert did_web_url(did) == url


@pytest.mark.parametrize(
    "did", ["did:web:", "did:web:a%2Fb", "did:web:ex.org::x", "did:web:ex.org:.."]
)
def test_bad_did_web(did: str) -> None:
    with pytest.raises(DidError):
        did_web_url(did)


def test_did_web_needs_a_local_document_or_explicit_network() -> None:
    with pytest.raises(DidError, match="network resolution is off"):
        Resolver().resolve("did:web:example.edu")


def test_did_web_from_the_local_store() -> None:
    key = KeyPair.generate()
    did = "did:web:uczelnia.example.pl"
    vm = f"{did}#key-1"
    document = {
        "id": did,
        "verificationMethod": [
            {
                "id": vm,
                "type": "Multikey",
                "controller": did,
                "publicKeyMultibase": key.public_multibase,
            }
        ],
        "assertionMethod": ["#key-1"],
    }
    method = Resolver({did: document}).verification_method(vm)
    assert method.key.public_multibase == key.public_multibase
    assert method.relationships == frozenset({"assertionMethod"})


def test_fetched_document_must_be_for_the_did() -> None:
    resolver = Resolver(fetch=lambda url: b'{"id": "did:web:evil.example"}')
    with pytest.raises(DidError, match="is not the DID document"):
        resolver.resolve("did:web:example.edu")


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2", "no #fragment"),
        ("did:key:zBAD#zBAD", "did:key"),
        ("did:example:123#k", "unsupported DID method 'example'"),
    ],
)
def test_unresolvable_methods(url: str, message: str) -> None:
    with pytest.raises(DidError, match=message):
        Resolver().verification_method(url)
