"""DIDs: did:key documents (a bare did:key is its one key), did:web URLs, local
resolution, no network by default, and the key types a verification method may have."""

from __future__ import annotations

import base64

import pytest

from microcred.credentials.dids import (
    NotAssertionMethodError,
    NotIssuerKeyError,
    Resolver,
    did_key_document,
    did_web_document,
    did_web_url,
    issuer_verification_method,
)
from microcred.credentials.errors import DidError
from microcred.credentials.keys import KeyPair, multibase_decode


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
        ("did:web:uczelnia.example.pl", "no #fragment"),
        ("did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#", "not a verification method"),
        ("did:key:zBAD#zBAD", "did:key"),
        ("did:example:123#k", "unsupported DID method 'example'"),
    ],
)
def test_unresolvable_methods(url: str, message: str) -> None:
    with pytest.raises(DidError, match=message):
        Resolver().verification_method(url)


@pytest.mark.parametrize("algorithm", ["Ed25519", "P-256"])
def test_bare_did_key_is_its_one_key(algorithm: str) -> None:
    key = KeyPair.generate(algorithm)  # type: ignore[arg-type]
    method = Resolver().verification_method(key.did_key)
    assert method.key.public_multibase == key.public_multibase
    # the full method URL, so that the issuer binding (id before "#") still finds the DID
    assert method.id == key.verification_method
    assert method.id.split("#", 1)[0] == key.did_key
    assert method.controller == key.did_key
    assert method.type == "Multikey"
    assert "assertionMethod" in method.relationships


def _document(did: str, *methods: dict[str, str]) -> dict[str, object]:
    return {
        "id": did,
        "verificationMethod": [{"controller": did, **method} for method in methods],
        "assertionMethod": [method["id"] for method in methods],
    }


def test_bare_did_needs_exactly_one_key() -> None:
    key, other = KeyPair.generate(), KeyPair.generate()
    did = key.did_key
    two = _document(
        did,
        {"id": f"{did}#a", "type": "Multikey", "publicKeyMultibase": key.public_multibase},
        {"id": f"{did}#b", "type": "Multikey", "publicKeyMultibase": other.public_multibase},
    )
    with pytest.raises(DidError, match="exactly one verification method"):
        Resolver({did: two}).verification_method(did)
    assert Resolver({did: two}).verification_method(f"{did}#b").key.public_multibase == (
        other.public_multibase
    )


def test_bare_did_web_is_refused_even_with_one_key() -> None:
    key = KeyPair.generate()
    did = "did:web:uczelnia.example.pl"
    document = _document(
        did, {"id": "#key-1", "type": "Multikey", "publicKeyMultibase": key.public_multibase}
    )
    resolver = Resolver({did: document})
    with pytest.raises(DidError, match="no #fragment"):
        resolver.verification_method(did)
    method = resolver.verification_method(f"{did}#key-1")
    assert (method.id, method.relationships) == (f"{did}#key-1", frozenset({"assertionMethod"}))


def test_ed25519_verification_key_2020() -> None:
    key = KeyPair.generate()
    did = "did:web:uczelnia.example.pl"
    document = _document(
        did,
        {"id": f"{did}#k", "type": "Ed25519VerificationKey2020",
         "publicKeyMultibase": key.public_multibase},
    )  # fmt: skip
    method = Resolver({did: document}).verification_method(f"{did}#k")
    assert (method.type, method.key.public_multibase) == (
        "Ed25519VerificationKey2020",
        key.public_multibase,
    )


@pytest.mark.parametrize(
    "public",
    [
        KeyPair.generate("P-256").public_multibase,
        "u"
        + base64.urlsafe_b64encode(multibase_decode(KeyPair.generate().public_multibase))
        .rstrip(b"=")
        .decode(),
    ],
    ids=["p256-key", "base64url"],
)
def test_ed25519_verification_key_2020_is_base58_ed25519_only(public: str) -> None:
    KeyPair.from_multikey(public)  # a valid Multikey, but not as vc-di-eddsa Appendix A allows
    did = "did:web:uczelnia.example.pl"
    document = _document(
        did, {"id": f"{did}#k", "type": "Ed25519VerificationKey2020", "publicKeyMultibase": public}
    )
    with pytest.raises(DidError):
        Resolver({did: document}).verification_method(f"{did}#k")


# --- the issuer's verification method (what issue() and `microcred sign` sign with) -------

_ISSUER_DID = "did:web:uczelnia.example.pl"


def _issuer_document(key: KeyPair, method_id: str, *relationships: str) -> dict[str, object]:
    return {"id": _ISSUER_DID, "verificationMethod": [
        {"id": method_id, "type": "Multikey", "controller": _ISSUER_DID,
         "publicKeyMultibase": key.public_multibase}],
        **{name: [method_id] for name in relationships}}  # fmt: skip


def test_issuer_method_of_a_did_key_needs_no_lookup() -> None:
    key = KeyPair.generate()
    method = issuer_verification_method(key, key.did_key)
    assert method.id == key.verification_method
    assert method.key.public_multibase == key.public_multibase
    assert "assertionMethod" in method.relationships


@pytest.mark.parametrize("method_id", [f"{_ISSUER_DID}#klucz-1", "#klucz-1"])
def test_issuer_method_of_a_did_web(method_id: str) -> None:
    key, other = KeyPair.generate(), KeyPair.generate("P-256")
    document = _issuer_document(key, method_id, "assertionMethod")
    document["verificationMethod"] = [  # another key first: the one holding the key is found
        {"id": "#other", "type": "Multikey", "controller": _ISSUER_DID,
         "publicKeyMultibase": other.public_multibase},
        *document["verificationMethod"],  # type: ignore[misc]
    ]  # fmt: skip
    method = issuer_verification_method(
        key, _ISSUER_DID, resolver=Resolver({_ISSUER_DID: document})
    )
    assert method.id == f"{_ISSUER_DID}#klucz-1"
    assert method.controller == _ISSUER_DID


def test_issuer_method_refusals() -> None:
    key = KeyPair.generate()
    listed = Resolver({_ISSUER_DID: _issuer_document(key, "#k", "authentication")})
    with pytest.raises(NotAssertionMethodError) as raised:
        issuer_verification_method(key, _ISSUER_DID, resolver=listed)
    expected = f"{_ISSUER_DID}#k is not listed under assertionMethod of {_ISSUER_DID}"
    assert raised.value.message == expected
    assert raised.value.code == "not_assertion_method"
    with pytest.raises(NotIssuerKeyError) as other:
        issuer_verification_method(KeyPair.generate(), _ISSUER_DID, resolver=listed)
    assert other.value.message == f"the key is not a verification method of {_ISSUER_DID}"
    assert isinstance(other.value, DidError)
    with pytest.raises(NotIssuerKeyError):  # another did:key is a DID like any other
        issuer_verification_method(key, KeyPair.generate().did_key)
    with pytest.raises(DidError, match="network resolution is off"):
        issuer_verification_method(key, _ISSUER_DID)
    broken = Resolver({_ISSUER_DID: {"id": _ISSUER_DID, "verificationMethod": "#k"}})
    with pytest.raises(DidError, match="verificationMethod is not a list"):
        issuer_verification_method(key, _ISSUER_DID, resolver=broken)


def test_a_did_web_document_lists_every_key_for_assertions() -> None:
    did = "did:web:example.org:providers:nip-7770001111"
    old, new = KeyPair.generate(), KeyPair.generate()
    document = did_web_document(did, {"key-1": old, "key-2": new})
    resolver = Resolver({did: document})
    for fragment, key in (("key-1", old), ("key-2", new)):
        method = resolver.verification_method(f"{did}#{fragment}")
        assert method.key.public_multibase == key.public_multibase
        assert "assertionMethod" in method.relationships
        assert issuer_verification_method(key, did, resolver=resolver).id == f"{did}#{fragment}"
    assert "secretKeyMultibase" not in str(document)
    assert old.secret_multibase not in str(document)


@pytest.mark.parametrize("did", ["did:key:z6Mk", "did:web:", "did:web:a%2Fb"])
def test_a_did_web_document_needs_a_did_web_and_a_key(did: str) -> None:
    with pytest.raises(DidError):
        did_web_document(did, {"key-1": KeyPair.generate()})
    with pytest.raises(DidError):
        did_web_document("did:web:example.org", {})
