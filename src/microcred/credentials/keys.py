"""Signing keys: Ed25519 and P-256 (ECDSA), in Multikey and JWK form.

A :class:`KeyPair` holds a public key and, when it may sign, the private key. Its
wire forms are the W3C Controlled Identifiers "Multikey" (multicodec prefix + key bytes,
multibase base58-btc) and JWK (RFC 7517)::

    {"type": "Multikey",
     "publicKeyMultibase": "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2",
     "secretKeyMultibase": "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq"}

The key file the CLI writes is that object with ``id`` and ``controller`` (the did:key).
Cryptography is the ``cryptography`` package's; this module only encodes.
"""

from __future__ import annotations

__all__ = ["ALGORITHMS", "KeyPair", "multibase_decode", "multibase_encode"]

import base64
from dataclasses import dataclass
from typing import Any, Literal

import base58
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from cryptography.hazmat.primitives.asymmetric.utils import (
    decode_dss_signature,
    encode_dss_signature,
)

from .errors import InvalidKeyError

Algorithm = Literal["Ed25519", "P-256"]
ALGORITHMS: tuple[Algorithm, ...] = ("Ed25519", "P-256")

# multicodec table: https://github.com/multiformats/multicodec (varint-encoded codes)
_ED25519_PUB = b"\xed\x01"
_ED25519_PRIV = b"\x80\x26"
_P256_PUB = b"\x80\x24"
_P256_PRIV = b"\x86\x26"

_PublicKey = ed25519.Ed25519PublicKey | ec.EllipticCurvePublicKey
_PrivateKey = ed25519.Ed25519PrivateKey | ec.EllipticCurvePrivateKey


def multibase_encode(data: bytes) -> str:
    """base58-btc multibase (prefix ``z``)."""
    return "z" + base58.b58encode(data).decode("ascii")


def multibase_decode(text: str) -> bytes:
    """Decode base58-btc (``z``) or base64url (``u``) multibase; raise InvalidKeyError."""
    if not isinstance(text, str) or len(text) < 2:
        raise InvalidKeyError("not a multibase string")
    try:
        if text[0] == "z":
            return bytes(base58.b58decode(text[1:]))
        if text[0] == "u":
            return base64.urlsafe_b64decode(text[1:] + "=" * (-len(text[1:]) % 4))
    except ValueError:
        raise InvalidKeyError("malformed multibase string") from None
    raise InvalidKeyError(f"unsupported multibase prefix {text[0]!r}")


def _b64u(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64u(text: Any) -> bytes:
    if not isinstance(text, str):
        raise InvalidKeyError("JWK member is not a string")
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except ValueError:
        raise InvalidKeyError("JWK member is not base64url") from None


@dataclass(frozen=True)
class KeyPair:
    """A public key with, optionally, its private key."""

    algorithm: Algorithm
    public: _PublicKey
    private: _PrivateKey | None = None

    # --- construction -----------------------------------------------------------------
    @classmethod
    def generate(cls, algorithm: Algorithm = "Ed25519") -> KeyPair:
        """A new random key pair."""
        if algorithm == "Ed25519":
            private: _PrivateKey = ed25519.Ed25519PrivateKey.generate()
        elif algorithm == "P-256":
            private = ec.generate_private_key(ec.SECP256R1())
        else:
            raise InvalidKeyError(f"unsupported key type {algorithm!r}")
        return cls(algorithm, private.public_key(), private)

    @classmethod
    def from_multikey(cls, public: str, secret: str | None = None) -> KeyPair:
        """From ``publicKeyMultibase`` (and ``secretKeyMultibase``)."""
        raw = multibase_decode(public)
        try:
            if raw[:2] == _ED25519_PUB and len(raw) == 34:
                pub: _PublicKey = ed25519.Ed25519PublicKey.from_public_bytes(raw[2:])
                algorithm: Algorithm = "Ed25519"
            elif raw[:2] == _P256_PUB and len(raw) == 35:
                pub = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), raw[2:])
                algorithm = "P-256"
            else:
                raise InvalidKeyError("not an Ed25519 or P-256 Multikey")
        except ValueError:
            raise InvalidKeyError("the Multikey does not hold a valid public key") from None
        private = cls._private_from_multibase(secret, algorithm) if secret else None
        if private is not None and _public_bytes(private.public_key()) != _public_bytes(pub):
            raise InvalidKeyError("the secret key does not belong to the public key")
        return cls(algorithm, pub, private)

    @staticmethod
    def _private_from_multibase(secret: str, algorithm: Algorithm) -> _PrivateKey:
        raw = multibase_decode(secret)
        try:
            # 32-byte seed, or (as some libraries write it) seed followed by public key
            if algorithm == "Ed25519" and raw[:2] == _ED25519_PRIV and len(raw) in (34, 66):
                return ed25519.Ed25519PrivateKey.from_private_bytes(raw[2:34])
            if algorithm == "P-256" and raw[:2] == _P256_PRIV and len(raw) == 34:
                return ec.derive_private_key(int.from_bytes(raw[2:], "big"), ec.SECP256R1())
        except ValueError:
            raise InvalidKeyError("the secret Multikey is not a valid private key") from None
        raise InvalidKeyError(f"not an {algorithm} secret Multikey")

    @classmethod
    def from_jwk(cls, jwk: dict[str, Any]) -> KeyPair:
        """From a public (or private, with ``d``) JWK: OKP/Ed25519 or EC/P-256."""
        if not isinstance(jwk, dict):
            raise InvalidKeyError("a JWK must be a JSON object")
        try:
            if jwk.get("kty") == "OKP" and jwk.get("crv") == "Ed25519":
                pub: _PublicKey = ed25519.Ed25519PublicKey.from_public_bytes(_unb64u(jwk.get("x")))
                private: _PrivateKey | None = None
                if "d" in jwk:
                    private = ed25519.Ed25519PrivateKey.from_private_bytes(_unb64u(jwk["d"]))
                return cls._checked("Ed25519", pub, private)
            if jwk.get("kty") == "EC" and jwk.get("crv") == "P-256":
                x, y = _unb64u(jwk.get("x")), _unb64u(jwk.get("y"))
                if len(x) != 32 or len(y) != 32:
                    raise InvalidKeyError("P-256 JWK coordinates must be 32 bytes")
                numbers = ec.EllipticCurvePublicNumbers(
                    int.from_bytes(x, "big"), int.from_bytes(y, "big"), ec.SECP256R1()
                )
                pub = numbers.public_key()
                private = None
                if "d" in jwk:
                    d = int.from_bytes(_unb64u(jwk["d"]), "big")
                    private = ec.derive_private_key(d, ec.SECP256R1())
                return cls._checked("P-256", pub, private)
        except ValueError:
            raise InvalidKeyError("the JWK does not hold a valid key") from None
        raise InvalidKeyError("unsupported JWK: only OKP/Ed25519 and EC/P-256")

    @classmethod
    def _checked(cls, algorithm: Algorithm, pub: _PublicKey, priv: _PrivateKey | None) -> KeyPair:
        if priv is not None and _public_bytes(priv.public_key()) != _public_bytes(pub):
            raise InvalidKeyError("the private key does not belong to the public key")
        return cls(algorithm, pub, priv)

    @classmethod
    def from_file_dict(cls, data: dict[str, Any]) -> KeyPair:
        """From a key file (Multikey object, or a JWK under ``privateKeyJwk``)."""
        if not isinstance(data, dict):
            raise InvalidKeyError("a key file must hold a JSON object")
        if "publicKeyMultibase" in data:
            return cls.from_multikey(data["publicKeyMultibase"], data.get("secretKeyMultibase"))
        for member in ("privateKeyJwk", "publicKeyJwk"):
            if member in data:
                return cls.from_jwk(data[member])
        if "kty" in data:
            return cls.from_jwk(data)
        raise InvalidKeyError("no publicKeyMultibase, publicKeyJwk or privateKeyJwk in the key")

    # --- encodings --------------------------------------------------------------------
    @property
    def public_multibase(self) -> str:
        """``publicKeyMultibase``."""
        prefix = _ED25519_PUB if self.algorithm == "Ed25519" else _P256_PUB
        return multibase_encode(prefix + _public_bytes(self.public))

    @property
    def secret_multibase(self) -> str:
        """``secretKeyMultibase`` (raises if this key cannot sign)."""
        private = self._require_private()
        if isinstance(private, ed25519.Ed25519PrivateKey):
            return multibase_encode(_ED25519_PRIV + _raw_private(private))
        return multibase_encode(
            _P256_PRIV + private.private_numbers().private_value.to_bytes(32, "big")
        )

    @property
    def did_key(self) -> str:
        """The ``did:key`` of the public key."""
        return "did:key:" + self.public_multibase

    @property
    def verification_method(self) -> str:
        """The did:key verification-method URL (``did:key:z…#z…``)."""
        return f"{self.did_key}#{self.public_multibase}"

    def public_jwk(self) -> dict[str, str]:
        """The public key as a JWK."""
        if isinstance(self.public, ed25519.Ed25519PublicKey):
            return {"kty": "OKP", "crv": "Ed25519", "x": _b64u(_public_bytes(self.public))}
        numbers = self.public.public_numbers()
        return {
            "kty": "EC",
            "crv": "P-256",
            "x": _b64u(numbers.x.to_bytes(32, "big")),
            "y": _b64u(numbers.y.to_bytes(32, "big")),
        }

    def private_jwk(self) -> dict[str, str]:
        """The private key as a JWK (raises if this key cannot sign)."""
        private = self._require_private()
        if isinstance(private, ed25519.Ed25519PrivateKey):
            return self.public_jwk() | {"d": _b64u(_raw_private(private))}
        d = private.private_numbers().private_value.to_bytes(32, "big")
        return self.public_jwk() | {"d": _b64u(d)}

    def to_file_dict(self) -> dict[str, str]:
        """The key file: a Multikey with its secret, controlled by its did:key."""
        return {
            "type": "Multikey",
            "id": self.verification_method,
            "controller": self.did_key,
            "publicKeyMultibase": self.public_multibase,
            "secretKeyMultibase": self.secret_multibase,
        }

    def public_only(self) -> KeyPair:
        """The same key without its private part."""
        return KeyPair(self.algorithm, self.public)

    # --- signing ----------------------------------------------------------------------
    def sign(self, data: bytes) -> bytes:
        """Ed25519 signature, or ECDSA P-256/SHA-256 as IEEE P1363 ``r || s`` (64 bytes)."""
        private = self._require_private()
        if isinstance(private, ed25519.Ed25519PrivateKey):
            return private.sign(data)
        der = private.sign(data, ec.ECDSA(hashes.SHA256()))
        r, s = decode_dss_signature(der)
        return r.to_bytes(32, "big") + s.to_bytes(32, "big")

    def verify(self, signature: bytes, data: bytes) -> bool:
        """True when ``signature`` over ``data`` is valid for this public key."""
        try:
            if isinstance(self.public, ed25519.Ed25519PublicKey):
                self.public.verify(signature, data)
            else:
                if len(signature) != 64:
                    return False
                der = encode_dss_signature(
                    int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big")
                )
                self.public.verify(der, data, ec.ECDSA(hashes.SHA256()))
        except InvalidSignature:
            return False
        return True

    def _require_private(self) -> _PrivateKey:
        if self.private is None:
            raise InvalidKeyError("this key has no private part and cannot sign")
        return self.private


def _raw_private(private: ed25519.Ed25519PrivateKey) -> bytes:
    return private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def _public_bytes(public: _PublicKey) -> bytes:
    if isinstance(public, ed25519.Ed25519PublicKey):
        return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return public.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.CompressedPoint
    )
