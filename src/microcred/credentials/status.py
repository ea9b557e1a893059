"""W3C Bitstring Status List v1.0: revocation and suspension.

A :class:`StatusList` is a bitstring (at least 131,072 entries, §6.1 "herd privacy"),
published as the ``encodedList`` of a ``BitstringStatusListCredential``: GZIP, then
multibase base64url (prefix ``u``). Bit 0 is the most significant bit of the first byte.
A credential points at its bit with a ``BitstringStatusListEntry``::

    "credentialStatus": {"id": "https://uni.example/status/1#94567",
      "type": "BitstringStatusListEntry", "statusPurpose": "revocation",
      "statusListIndex": "94567", "statusListCredential": "https://uni.example/status/1"}

:func:`check_status` fetches the list credential through an injected ``fetcher`` (no
network unless the caller's fetcher goes there), verifies its proof, requires the same
issuer and purpose, caps the decompressed size, and reads the bit. Any failure is
"unknown", never "valid". :func:`local_fetcher` answers a list's URL with a local copy,
so that a revoked credential shows as revoked offline.
"""

from __future__ import annotations

__all__ = [
    "MIN_ENTRIES",
    "StatusList",
    "StatusResult",
    "check_status",
    "local_fetcher",
    "status_entry",
    "status_list_credential",
]

import base64
import gzip
import io
import os
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ._json import loads_strict
from .errors import StatusError

MIN_ENTRIES = 131_072
MAX_ENTRIES = 16 * 1024 * 1024 * 8  # 16 MiB of bits: far above any real list, bounded
PURPOSES = ("revocation", "suspension")


class StatusList:
    """A bitstring of statuses for one purpose."""

    def __init__(self, purpose: str = "revocation", size: int = MIN_ENTRIES) -> None:
        if purpose not in PURPOSES:
            raise StatusError(f"unsupported status purpose {purpose!r}")
        if size < MIN_ENTRIES or size % 8:
            raise StatusError(f"a status list needs at least {MIN_ENTRIES} entries, in bytes")
        self.purpose = purpose
        self.bits = bytearray(size // 8)

    @property
    def size(self) -> int:
        """Number of entries."""
        return len(self.bits) * 8

    def _locate(self, index: int) -> tuple[int, int]:
        if not 0 <= index < self.size:
            raise StatusError(f"index {index} is outside the list (0..{self.size - 1})")
        return index // 8, 7 - index % 8

    def get(self, index: int) -> bool:
        """True when the status at ``index`` is set (revoked / suspended)."""
        byte, bit = self._locate(index)
        return bool(self.bits[byte] >> bit & 1)

    def set(self, index: int, value: bool = True) -> None:
        """Set (or clear) the status at ``index``."""
        byte, bit = self._locate(index)
        if value:
            self.bits[byte] |= 1 << bit
        else:
            self.bits[byte] &= ~(1 << bit) & 0xFF

    def encode(self) -> str:
        """``encodedList``: multibase base64url (no padding) of the GZIP-compressed bits."""
        compressed = gzip.compress(bytes(self.bits), mtime=0)
        return "u" + base64.urlsafe_b64encode(compressed).rstrip(b"=").decode("ascii")

    @classmethod
    def decode(
        cls, encoded: str, purpose: str = "revocation", max_entries: int = MAX_ENTRIES
    ) -> StatusList:
        """Read an ``encodedList``; refuses lists that are too short or inflate too far."""
        if not isinstance(encoded, str) or not encoded.startswith("u"):
            raise StatusError("encodedList is not multibase base64url")
        try:
            body = encoded[1:]
            padded = body + "=" * (-len(body) % 4)
            compressed = base64.b64decode(padded, altchars=b"-_", validate=True)
        except ValueError:
            raise StatusError("encodedList is not base64url") from None
        limit = max_entries // 8
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(compressed)) as stream:
                bits = stream.read(limit + 1)
        except (OSError, EOFError, zlib.error):
            raise StatusError("encodedList is not GZIP data") from None
        if len(bits) > limit:
            raise StatusError(f"the status list inflates beyond {max_entries} entries")
        if len(bits) * 8 < MIN_ENTRIES:
            raise StatusError(
                f"the status list has {len(bits) * 8} entries; at least {MIN_ENTRIES} are required"
            )
        status_list = cls.__new__(cls)
        status_list.purpose = purpose
        status_list.bits = bytearray(bits)
        return status_list


def status_entry(
    list_credential_id: str, index: int, purpose: str = "revocation"
) -> dict[str, str]:
    """A ``BitstringStatusListEntry`` for a credential."""
    return {
        "id": f"{list_credential_id}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": purpose,
        "statusListIndex": str(index),
        "statusListCredential": list_credential_id,
    }


def status_list_credential(status_list: StatusList, *, credential_id: str, issuer: str,
                           valid_from: str | None = None) -> dict[str, Any]:  # fmt: skip
    """The unsigned ``BitstringStatusListCredential`` publishing ``status_list``."""
    credential: dict[str, Any] = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": credential_id,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer,
        "credentialSubject": {
            "id": f"{credential_id}#list",
            "type": "BitstringStatusList",
            "statusPurpose": status_list.purpose,
            "encodedList": status_list.encode(),
        },
    }
    if valid_from:
        credential["validFrom"] = valid_from
    return credential


@dataclass(frozen=True)
class StatusResult:
    """The status of one entry: ``ok``, ``revoked``, ``suspended`` or ``unknown``."""

    state: str
    code: str
    reason: str
    purpose: str = ""
    note: str = ""  # how the list was accepted, when the report should say it


Fetcher = Callable[[str], Any]
ListVerifier = Callable[[dict[str, Any]], tuple[bool, str]]


MAX_LIST_BYTES = 4 * 1024 * 1024


def local_fetcher(
    lists: Mapping[str, dict[str, Any] | bytes | os.PathLike[str]],
    fallback: Fetcher | None = None,
) -> Fetcher:
    """A fetcher that answers a status list URL with a local copy — "this file is what
    that URL serves" — and asks ``fallback`` (or fails: status unknown) for other URLs.

    A copy is a parsed document, its bytes, or a path read when first asked for (at most
    4 MiB). The copy is checked like a fetched list: its proof, its issuer, and its
    ``id`` against the URL (see :func:`check_status`)."""

    def fetch(url: str) -> Any:
        if url not in lists:
            if fallback is None:
                raise LookupError(f"no local copy of the status list {url}")
            return fallback(url)
        copy = lists[url]
        if isinstance(copy, dict):
            return copy
        if not isinstance(copy, bytes):
            with Path(copy).open("rb") as stream:
                copy = stream.read(MAX_LIST_BYTES + 1)
        if len(copy) > MAX_LIST_BYTES:
            raise StatusError(f"the local copy of {url} is larger than {MAX_LIST_BYTES} bytes")
        return loads_strict(copy)

    return fetch


def _issuer_id(credential: dict[str, Any]) -> Any:
    issuer = credential.get("issuer")
    return issuer.get("id") if isinstance(issuer, dict) else issuer


def check_status(
    credential: dict[str, Any], *, fetcher: Fetcher, verify_list: ListVerifier
) -> list[StatusResult]:
    """The status of every ``BitstringStatusListEntry`` of ``credential``.

    ``fetcher(url)`` returns the status list credential (parsed JSON) or raises;
    ``verify_list(doc)`` returns (verified, reason) for its proof and dates.
    """
    entries = credential.get("credentialStatus")
    entries = entries if isinstance(entries, list) else [entries]
    results = []
    for entry in entries:
        results.append(_check_entry(credential, entry, fetcher, verify_list))
    return results


def _unknown(code: str, reason: str, purpose: str = "") -> StatusResult:
    return StatusResult("unknown", code, reason, purpose)


def _check_entry(
    credential: dict[str, Any], entry: Any, fetcher: Fetcher, verify_list: ListVerifier
) -> StatusResult:
    if not isinstance(entry, dict) or entry.get("type") != "BitstringStatusListEntry":
        return _unknown("unsupported_status", "not a BitstringStatusListEntry")
    purpose = entry.get("statusPurpose")
    url = entry.get("statusListCredential")
    try:
        index = int(entry.get("statusListIndex", ""))
    except (TypeError, ValueError):
        return _unknown("malformed_entry", "statusListIndex is not a number", str(purpose))
    if purpose not in PURPOSES or not isinstance(url, str):
        return _unknown(
            "malformed_entry", "unsupported statusPurpose or no statusListCredential", str(purpose)
        )
    try:
        listing = fetcher(url)
    except Exception as exc:  # any fetcher failure (network, missing file) means "unknown"
        return _unknown(
            "status_list_unavailable", f"the status list {url} could not be fetched: {exc}", purpose
        )
    if not isinstance(listing, dict) or "BitstringStatusListCredential" not in (
        listing.get("type") or []
    ):
        return _unknown(
            "not_a_status_list", f"{url} is not a BitstringStatusListCredential", purpose
        )
    # A list is bound to the URL the credential names (not another, older list), unless
    # the credential's own issuer signed it: lists are often served from another URL
    # than their ``id`` (a CDN, a copy given with --status-list URL=FILE), and the
    # report then says which list was used.
    served_elsewhere = listing.get("id") != url
    mismatch = _unknown("status_list_mismatch",
                        f"the document given for {url} is another status list "
                        f"({str(listing.get('id'))[:120]}), not signed by the credential's issuer",
                        purpose)  # fmt: skip
    verified, reason = verify_list(listing)
    if not verified:
        return (
            mismatch
            if served_elsewhere
            else _unknown(
                "status_list_invalid", f"the status list does not verify: {reason}", purpose
            )
        )
    if _issuer_id(listing) != _issuer_id(credential):
        return (
            mismatch
            if served_elsewhere
            else _unknown(
                "status_list_issuer",
                "the status list has another issuer than the credential",
                purpose,
            )
        )
    note = ""
    if served_elsewhere:
        note = (f"the list given for {url} names itself {str(listing.get('id'))[:120]}; "
                "used because the credential's issuer signed it")  # fmt: skip
    subject = listing.get("credentialSubject")
    if not isinstance(subject, dict) or subject.get("statusPurpose") != purpose:
        return _unknown("status_purpose_mismatch", f"the status list is not for {purpose}", purpose)
    try:
        status_list = StatusList.decode(subject.get("encodedList", ""), purpose)
        value = status_list.get(index)
    except StatusError as exc:
        return _unknown("status_list_malformed", exc.message, purpose)
    if value:
        state = "revoked" if purpose == "revocation" else "suspended"
        return StatusResult(state, state, f"the credential is {state}", purpose, note)
    return StatusResult(
        "ok", "ok", f"not {'revoked' if purpose == 'revocation' else 'suspended'}", purpose, note
    )
