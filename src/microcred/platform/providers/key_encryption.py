"""Providers' private keys at rest: AES-256-GCM under the key-encryption key (KEK) from
the environment (``settings.KEY_ENCRYPTION_KEY``), the verification method's URL as the
associated data (a sealed key moved to another row does not open).

Each sealed key records the id of the KEK that sealed it (the first 16 hex digits of the
KEK's SHA-256), so that after a rotation of the KEK the old one, still listed in
``settings.KEY_ENCRYPTION_KEYS_OLD``, opens what it sealed until everything is sealed
again (:func:`reseal`). Written with ``cryptography``'s AEAD primitive: Fernet would
add nothing here and cannot bind the associated data. A key for another use (the
backup manifest's signature) is derived from a KEK with HKDF (:func:`derived_key`),
never the KEK itself.
"""

from __future__ import annotations

__all__ = ["derived_key", "kek_id", "open_sealed", "reseal", "seal"]

import base64
import hashlib
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

from ..core.errors import PlatformError
from . import messages as m

_NONCE = 12


def _key_bytes(text: str) -> bytes:
    raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    if len(raw) != 32:
        raise PlatformError(m.KEK_INVALID)
    return raw


def kek_id(text: str) -> str:
    """The id a KEK is recorded by: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(_key_bytes(text)).hexdigest()[:16]


def _keks() -> dict[str, bytes]:
    texts = [settings.KEY_ENCRYPTION_KEY, *settings.KEY_ENCRYPTION_KEYS_OLD]
    return {kek_id(text): _key_bytes(text) for text in texts}


def derived_key(purpose: str, *, kek: str | None = None) -> tuple[str, bytes] | None:
    """A 32-byte key for ``purpose`` (HKDF-SHA256, RFC 5869, with ``purpose`` as its
    info) derived from the current KEK, or from the configured KEK whose id is ``kek``:
    (that KEK's id, the key); None when no configured KEK has that id. Another purpose
    gives an unrelated key, and none of them says anything of the KEK itself."""
    keks = _keks()
    chosen = kek_id(settings.KEY_ENCRYPTION_KEY) if kek is None else kek
    if chosen not in keks:
        return None
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose.encode("utf-8"))
    return chosen, hkdf.derive(keks[chosen])


def seal(secret: bytes, *, associated: str) -> tuple[str, bytes]:
    """``secret`` encrypted under the current KEK: (the KEK's id, nonce + ciphertext)."""
    current = settings.KEY_ENCRYPTION_KEY
    nonce = os.urandom(_NONCE)
    sealed = AESGCM(_key_bytes(current)).encrypt(nonce, secret, associated.encode("utf-8"))
    return kek_id(current), nonce + sealed


def open_sealed(kek: str, sealed: bytes, *, associated: str) -> bytes:
    """What :func:`seal` sealed; :class:`PlatformError` when the KEK is not configured
    or the data is not what it sealed."""
    key = _keks().get(kek)
    if key is None:
        raise PlatformError(m.KEK_UNKNOWN, kek=kek)
    try:
        return AESGCM(key).decrypt(sealed[:_NONCE], sealed[_NONCE:], associated.encode("utf-8"))
    except InvalidTag as exc:
        raise PlatformError(m.KEY_SEAL_BROKEN) from exc


def reseal(kek: str, sealed: bytes, *, associated: str) -> tuple[str, bytes]:
    """``sealed`` opened and sealed again under the current KEK."""
    return seal(open_sealed(kek, sealed, associated=associated), associated=associated)
