"""Keys: generation, Multikey and JWK round trips, signing, and refusal of bad keys."""

from __future__ import annotations

import pytest

from microcred.credentials.errors import InvalidKeyError
from microcred.credentials.keys import ALGORITHMS, KeyPair, multibase_decode


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_round_trips(algorithm: str) -> None:
    key = KeyPair.generate(algorithm)  # type: ignore[arg-type]
    again = KeyPair.from_multikey(key.public_multibase, key.secret_multibase)
    assert again.public_multibase == key.public_multibase
    assert again.secret_multibase == key.secret_multibase
    assert KeyPair.from_jwk(key.private_jwk()).secret_multibase == key.secret_multibase
    assert KeyPair.from_jwk(key.public_jwk()).private is None
    assert KeyPair.from_file_dict(key.to_file_dict()).did_key == key.did_key
    assert key.verification_method == f"{key.did_key}#{key.public_multibase}"


def test_multikey_prefixes() -> None:
    assert KeyPair.generate("Ed25519").public_multibase.startswith("z6Mk")
    assert KeyPair.generate("P-256").public_multibase.startswith("zDna")


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_sign_and_verify(algorithm: str) -> None:
    key = KeyPair.generate(algorithm)  # type: ignore[arg-type]
    signature = key.sign(b"message")
    assert len(signature) == 64
    public = key.public_only()
    assert public.verify(signature, b"message")
    assert not public.verify(signature, b"messagE")
    assert not public.verify(signature[:-1] + bytes([signature[-1] ^ 1]), b"message")
    assert not KeyPair.generate(algorithm).verify(signature, b"message")  # type: ignore[arg-type]
    with pytest.raises(InvalidKeyError, match="cannot sign"):
        public.sign(b"message")


@pytest.mark.parametrize(
    ("public", "secret", "message"),
    [
        ("z", None, "not a multibase string"),
        ("xabc", None, "unsupported multibase prefix"),
        ("z0OIl", None, "malformed multibase"),
        ("z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ", None, "not an Ed25519 or P-256"),
    ],
    ids=["empty", "prefix", "alphabet", "truncated"],
)
def test_bad_multikeys(public: str, secret: str | None, message: str) -> None:
    with pytest.raises(InvalidKeyError, match=message):
        KeyPair.from_multikey(public, secret)


def test_secret_must_belong_to_public() -> None:
    one, other = KeyPair.generate(), KeyPair.generate()
    with pytest.raises(InvalidKeyError, match="does not belong"):
        KeyPair.from_multikey(one.public_multibase, other.secret_multibase)
    with pytest.raises(InvalidKeyError, match="does not belong"):
        KeyPair.from_jwk(one.public_jwk() | {"d": other.private_jwk()["d"]})


@pytest.mark.parametrize(
    "jwk",
    [
        {"kty": "RSA", "n": "x", "e": "AQAB"},
        {"kty": "EC", "crv": "P-384", "x": "AA", "y": "AA"},
        {"kty": "OKP", "crv": "Ed25519", "x": 5},
        {"kty": "EC", "crv": "P-256", "x": "AAAA", "y": "AAAA"},
    ],
    ids=["rsa", "p384", "x-not-string", "short-coordinates"],
)
def test_bad_jwks(jwk: dict[str, object]) -> None:
    with pytest.raises(InvalidKeyError):
        KeyPair.from_jwk(jwk)


def test_multibase_base64url() -> None:
    assert multibase_decode("uAQID") == b"\x01\x02\x03"
