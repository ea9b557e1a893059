"""The backup manifest's signature: an HMAC-SHA256 over the manifest, keyed by a key
derived from the key-encryption key (KEK) with HKDF (:func:`..providers.key_encryption.
derived_key`, purpose :data:`PURPOSE`)::

    "signature": {"alg": "HMAC-SHA256", "kek_id": "3f1c…",   # the KEK it was keyed from
                  "value": "<hex>"}                           # over the rest of the manifest

The value is computed over the manifest without ``signature``, as canonical JSON (keys
sorted, no spaces, UTF-8). The manifest holds every member's SHA-256, so the signature
covers the whole archive: a member changed together with its digest is refused.

Why an HMAC keyed from the KEK rather than the operator's signing key
(:class:`..providers.models.OperatorKey`): a restore already needs the KEK (the
backup's sealed keys open with nothing else), so checking the signature asks the
operator for nothing more; the operator key lives in the database, sealed under the
KEK — a fresh platform being restored has none, and the backup's own would be taken
from the very archive it is to vouch for; and the people who may make a backup that
restores are exactly those who hold the KEK, which a symmetric MAC expresses. HKDF
keeps the MAC key apart from the KEK that seals private keys (no key used for two
things). A KEK rotated out but still listed in ``MICROCRED_KEY_ENCRYPTION_KEYS_OLD``
still checks the backups it signed.
"""

from __future__ import annotations

__all__ = ["ALGORITHM", "PURPOSE", "check_signature", "signed"]

import hashlib
import hmac
import json
from collections.abc import Mapping
from typing import Any

from ..core.errors import InvalidInputError
from ..providers.key_encryption import derived_key
from . import messages as m

ALGORITHM = "HMAC-SHA256"
#: HKDF's info: what the derived key is for (another purpose, another key)
PURPOSE = "microcred backup manifest v2"
SIGNATURE = "signature"


def _mac(manifest: Mapping[str, Any], key: bytes) -> str:
    body = {name: value for name, value in manifest.items() if name != SIGNATURE}
    data = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hmac.new(key, data.encode("utf-8"), hashlib.sha256).hexdigest()


def signed(manifest: Mapping[str, Any]) -> dict[str, Any]:
    """``manifest`` with its ``signature``, keyed from the current KEK."""
    derived = derived_key(PURPOSE)
    assert derived is not None  # noqa: S101 - the current KEK is always configured
    kek, key = derived
    return {**manifest, SIGNATURE: {"alg": ALGORITHM, "kek_id": kek, "value": _mac(manifest, key)}}


def check_signature(manifest: Mapping[str, Any]) -> None:
    """Raise :class:`InvalidInputError` unless ``manifest`` carries a signature that
    holds under a configured KEK: one by a KEK this platform lacks
    (:data:`~.messages.MANIFEST_KEY_UNKNOWN`), or none, another algorithm or one that
    does not match (:data:`~.messages.MANIFEST_SIGNATURE_INVALID`)."""
    signature = manifest.get(SIGNATURE)
    if not isinstance(signature, dict) or signature.get("alg") != ALGORITHM:
        raise InvalidInputError(m.MANIFEST_SIGNATURE_INVALID)
    kek, value = str(signature.get("kek_id")), signature.get("value")
    derived = derived_key(PURPOSE, kek=kek)
    if derived is None:
        raise InvalidInputError(m.MANIFEST_KEY_UNKNOWN, kek=kek)
    expected = _mac(manifest, derived[1]).encode("ascii")
    if not isinstance(value, str) or not hmac.compare_digest(expected, value.encode("utf-8")):
        raise InvalidInputError(m.MANIFEST_SIGNATURE_INVALID)
