"""Status lists: W3C Bitstring Status List v1.0, and the Status List 2021 it grew from.

A :class:`StatusList` is a bitstring (bit 0 is the most significant bit of the first
byte), published GZIP-compressed as the ``encodedList`` of a status list credential.
A credential points at its bit with a status entry. Two forms are read:

- **Bitstring Status List v1.0** (W3C Recommendation, what microcred issues): a
  ``BitstringStatusListEntry`` pointing at a ``BitstringStatusListCredential`` whose
  subject is a ``BitstringStatusList``; ``encodedList`` is multibase base64url without
  padding (prefix ``u``, §2.2), and the list has at least 131,072 entries (§2.2 "MUST be
  at least 16KB"; the §3.2 Validate Algorithm raises STATUS_LIST_LENGTH_ERROR below)::

    "credentialStatus": {"id": "https://uni.example/status/1#94567",
      "type": "BitstringStatusListEntry", "statusPurpose": "revocation",
      "statusListIndex": "94567", "statusListCredential": "https://uni.example/status/1"}

- **Status List 2021** (W3C CCG Final Report, 2023-01-02; context
  ``https://w3id.org/vc/status-list/2021/v1``; what the Digital Credentials Consortium
  and many university Open Badges issue): a ``StatusList2021Entry`` pointing at a
  ``StatusList2021Credential`` whose subject is a ``StatusList2021``; ``encodedList`` is
  "the GZIP-compressed, base-64 encoded [RFC4648] bitstring" (§2.2) with no multibase
  prefix. The text names base64 (RFC 4648 §4), the report's example and
  ``@digitalbazaar/vc-status-list`` (which DCC's issuers run) write base64url (§5, no
  padding: ``H4sI…``); both alphabets are read, padded or not, never mixed::

    "credentialStatus": {"id": "https://uni.example/status/3#94567",
      "type": "StatusList2021Entry", "statusPurpose": "revocation",
      "statusListIndex": "94567", "statusListCredential": "https://uni.example/status/3"}

  The report asks issuers for 16KB (§2.2) but its Validate Algorithm (§3.2) has no
  length step, and DCC's status managers publish lists of 100,000 entries: a shorter
  2021 list is read, and the result's reason says that it is short.

:func:`check_status` fetches the list credential through an injected ``fetcher`` (no
network unless the caller's fetcher goes there), verifies its proof, requires the same
issuer, the list type the entry names, and the same purpose, caps the decompressed size,
and reads the bit. Any failure is "unknown", never "valid". :func:`local_fetcher` answers
a list's URL with a local copy, so that a revoked credential shows as revoked offline.
A list that cannot be made or read raises :class:`~.errors.StatusError` with a message of
:mod:`.messages` (its ``code``; ``error.text("pl")`` in Polish). What :func:`check_status`
finds, each :class:`StatusResult` says in English and Polish (``result.said``), from the
message constants below.
"""

from __future__ import annotations

__all__ = [
    "ENTRY_CLEAR",
    "ENTRY_INCOMPLETE",
    "ENTRY_SET",
    "ENTRY_TYPES",
    "INDEX_NOT_A_NUMBER",
    "LIST_ELSEWHERE",
    "LIST_INVALID",
    "LIST_MISMATCH",
    "LIST_OTHER_ID",
    "LIST_OTHER_ISSUER",
    "LIST_SHORT",
    "LIST_UNAVAILABLE",
    "MIN_ENTRIES",
    "NOT_A_LIST",
    "NO_LOCAL_COPY",
    "PURPOSE_MISMATCH",
    "UNSUPPORTED_ENTRY",
    "StatusList",
    "StatusResult",
    "check_status",
    "local_fetcher",
    "read_status_list",
    "status_entry",
    "status_entry_for",
    "status_list_credential",
    "with_status_list",
]

import base64
import gzip
import io
import os
import re
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..standard.errors import MicrocredError
from ..standard.messages import Message, Reason
from ._json import loads_strict, types_of
from .errors import StatusError
from .messages import (
    ENCODED_LIST_MULTIBASE_2021,
    ENCODED_LIST_NOT_BASE64,
    ENCODED_LIST_NOT_BASE64URL,
    ENCODED_LIST_NOT_GZIP,
    ENCODED_LIST_NOT_MULTIBASE,
    ENCODED_LIST_NOT_STRING,
    INDEX_OUTSIDE_LIST,
    LOCAL_COPY_TOO_LARGE,
    NOT_A_STATUS_LIST,
    STATUS_LIST_NO_URL,
    STATUS_LIST_SIZE,
    STATUS_LIST_SUBJECT,
    STATUS_LIST_TOO_LARGE,
    STATUS_LIST_TOO_SHORT,
    STATUS_PURPOSE_DIFFERS,
    UNSUPPORTED_PURPOSE,
)

MIN_ENTRIES = 131_072
MAX_ENTRIES = 16 * 1024 * 1024 * 8  # 16 MiB of bits: far above any real list, bounded
PURPOSES = ("revocation", "suspension")
_BASE64URL = re.compile(r"[A-Za-z0-9_-]*={0,2}")
_BASE64 = re.compile(r"[A-Za-z0-9+/]*={0,2}")
_GZIP_BASE64 = "H4sI"  # the GZIP magic bytes 1f 8b 08, in base64


@dataclass(frozen=True)
class _Form:
    """One status list specification: its type names and how it encodes the list."""

    entry: str  # credentialStatus.type
    credential: str  # a type of the status list credential
    subject: str  # credentialSubject.type of the status list credential
    multibase: bool  # encodedList carries the multibase prefix "u"
    min_entries: int  # shorter lists are refused


_BITSTRING = _Form("BitstringStatusListEntry", "BitstringStatusListCredential",
                   "BitstringStatusList", multibase=True, min_entries=MIN_ENTRIES)  # fmt: skip
_STATUS_LIST_2021 = _Form("StatusList2021Entry", "StatusList2021Credential", "StatusList2021",
                          multibase=False, min_entries=0)  # fmt: skip
_FORMS = {form.entry: form for form in (_BITSTRING, _STATUS_LIST_2021)}
ENTRY_TYPES = tuple(_FORMS)
"""The ``credentialStatus`` types :func:`check_status` reads."""


class StatusList:
    """A bitstring of statuses for one purpose."""

    def __init__(self, purpose: str = "revocation", size: int = MIN_ENTRIES) -> None:
        if purpose not in PURPOSES:
            raise StatusError(UNSUPPORTED_PURPOSE(purpose=purpose))
        if size < MIN_ENTRIES or size % 8:
            raise StatusError(STATUS_LIST_SIZE(min_entries=MIN_ENTRIES))
        self.purpose = purpose
        self.bits = bytearray(size // 8)

    @property
    def size(self) -> int:
        """Number of entries."""
        return len(self.bits) * 8

    @property
    def set_count(self) -> int:
        """How many entries are set (revoked / suspended)."""
        return sum(byte.bit_count() for byte in self.bits)

    def _locate(self, index: int) -> tuple[int, int]:
        if not 0 <= index < self.size:
            raise StatusError(INDEX_OUTSIDE_LIST(index=index, last=self.size - 1))
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
        cls,
        encoded: str,
        purpose: str = "revocation",
        max_entries: int = MAX_ENTRIES,
        *,
        multibase: bool = True,
        min_entries: int = MIN_ENTRIES,
    ) -> StatusList:
        """Read an ``encodedList``; refuses lists that are too short or inflate too far.

        ``multibase``: the Bitstring Status List form (``u`` + base64url, §2.2); else the
        Status List 2021 form (plain base64url or base64, §2.2 of the 2021 report)."""
        compressed = _base64_decode(encoded, multibase=multibase)
        limit = max_entries // 8
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(compressed)) as stream:
                bits = stream.read(limit + 1)
        except (OSError, EOFError, zlib.error):
            raise StatusError(ENCODED_LIST_NOT_GZIP()) from None
        if len(bits) > limit:
            raise StatusError(STATUS_LIST_TOO_LARGE(max_entries=max_entries))
        if len(bits) * 8 < min_entries:
            raise StatusError(STATUS_LIST_TOO_SHORT(size=len(bits) * 8, min_entries=min_entries))
        status_list = cls.__new__(cls)
        status_list.purpose = purpose
        status_list.bits = bytearray(bits)
        return status_list


def _base64_decode(encoded: Any, *, multibase: bool) -> bytes:
    """The bytes of an ``encodedList``: multibase base64url (``u`` prefix), or for Status
    List 2021 plain base64url or base64 (RFC 4648 §5, §4), padded or not, never mixed."""
    if not isinstance(encoded, str):
        raise StatusError(ENCODED_LIST_NOT_STRING())
    if multibase:
        if not encoded.startswith("u"):
            raise StatusError(ENCODED_LIST_NOT_MULTIBASE())
        body, alphabets = encoded[1:], [(_BASE64URL, b"-_")]
    else:
        if encoded.startswith("u" + _GZIP_BASE64):
            raise StatusError(ENCODED_LIST_MULTIBASE_2021())
        body, alphabets = encoded, [(_BASE64URL, b"-_"), (_BASE64, b"+/")]
    for alphabet, altchars in alphabets:
        if alphabet.fullmatch(body) and ("=" not in body or len(body) % 4 == 0):
            padded = body + "=" * (-len(body) % 4)
            try:
                return base64.b64decode(padded, altchars=altchars, validate=True)
            except ValueError:
                break
    raise StatusError(ENCODED_LIST_NOT_BASE64URL() if multibase else ENCODED_LIST_NOT_BASE64())


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


def read_status_list(credential: Any) -> StatusList:
    """The list a ``BitstringStatusListCredential`` publishes (its purpose and bits), to
    read or to change and publish again (:func:`with_status_list`).

    Raises :class:`StatusError` for anything else: another type, a subject that is not a
    ``BitstringStatusList``, an unsupported ``statusPurpose``, an ``encodedList`` that is
    not multibase base64url GZIP of at least :data:`MIN_ENTRIES` entries. Nothing here
    checks the proof: a caller that trusts or re-signs the list verifies it first.
    """
    if not isinstance(credential, dict) or _BITSTRING.credential not in types_of(credential):
        raise StatusError(NOT_A_STATUS_LIST(type=_BITSTRING.credential))
    subject = credential.get("credentialSubject")
    if not isinstance(subject, dict) or _BITSTRING.subject not in types_of(subject):
        raise StatusError(STATUS_LIST_SUBJECT(type=_BITSTRING.subject))
    purpose = subject.get("statusPurpose")
    if purpose not in PURPOSES:
        raise StatusError(UNSUPPORTED_PURPOSE(purpose=purpose))
    return StatusList.decode(subject.get("encodedList", ""), purpose)


def with_status_list(
    credential: dict[str, Any], status_list: StatusList, *, valid_from: str | None = None
) -> dict[str, Any]:
    """An unsigned copy of the status list credential ``credential`` that publishes
    ``status_list`` instead: same ``id``, issuer and subject, the new ``encodedList``,
    ``validFrom`` replaced when given, and no ``proof`` (sign it again).

    Raises :class:`StatusError` when ``credential`` is not a list for the same purpose.
    """
    published = read_status_list(credential)
    if published.purpose != status_list.purpose:
        raise StatusError(
            STATUS_PURPOSE_DIFFERS(published=published.purpose, wanted=status_list.purpose)
        )
    updated = {key: value for key, value in credential.items() if key != "proof"}
    updated["credentialSubject"] = {
        **credential["credentialSubject"],
        "encodedList": status_list.encode(),
    }
    if valid_from is not None:
        updated["validFrom"] = valid_from
    return updated


def status_entry_for(list_credential: dict[str, Any], index: int) -> dict[str, str]:
    """The ``BitstringStatusListEntry`` of a credential whose status is entry ``index``
    of the list ``list_credential`` publishes (its ``id`` and purpose).

    Raises :class:`StatusError` when ``list_credential`` is not a Bitstring Status List
    credential with a URL ``id``, or ``index`` is outside the list.
    """
    status_list = read_status_list(list_credential)
    status_list.get(index)  # raises outside the list
    url = list_credential.get("id")
    if not isinstance(url, str) or not url.startswith(("https://", "http://")) or "#" in url:
        raise StatusError(STATUS_LIST_NO_URL())
    return status_entry(url, index, status_list.purpose)


# --- what check_status says of an entry (StatusResult.said, .noted) -----------------------
# the entry itself (result code ``unsupported_status``, ``malformed_entry``)
UNSUPPORTED_ENTRY = Message(
    "unsupported_status",
    "neither a BitstringStatusListEntry nor a StatusList2021Entry",
    "wpis statusu nie jest ani BitstringStatusListEntry, ani StatusList2021Entry",
)
INDEX_NOT_A_NUMBER = Message(
    "malformed_index", "statusListIndex is not a number", "statusListIndex nie jest liczbą"
)
ENTRY_INCOMPLETE = Message(
    "malformed_entry",
    "unsupported statusPurpose or no statusListCredential",
    "nieobsługiwany cel statusu (statusPurpose) lub brak statusListCredential",
)
# the list (result codes as the messages'); ``detail_en``/``detail_pl``: what the fetcher
# raised, its own words quoted in Polish unless it is a bilingual error
LIST_UNAVAILABLE = Message(
    "status_list_unavailable",
    "the status list {url} could not be fetched: {detail_en}",
    "nie udało się pobrać listy statusów {url}: {detail_pl}",
)
NO_LOCAL_COPY = Message(
    "no_local_copy",
    "no local copy of the status list {url}",
    "brak lokalnej kopii listy statusów {url}",
)
NOT_A_LIST = Message(
    "not_a_status_list", "{url} is not a {type}", "{url} nie jest poświadczeniem typu {type}"
)
LIST_MISMATCH = Message(
    "status_list_mismatch",
    "the document given for {url} is another status list ({id}), not signed by the "
    "credential's issuer",
    "dokument podany dla {url} to inna lista statusów ({id}), niepodpisana przez wystawcę "
    "poświadczenia",
)
LIST_INVALID = Message(
    "status_list_invalid",
    "the status list does not verify: {reason_en}",
    "lista statusów nie przechodzi weryfikacji: {reason_pl}",
)
LIST_OTHER_ISSUER = Message(
    "status_list_issuer",
    "the status list {url} has another issuer than the credential",
    "lista statusów {url} ma innego wystawcę niż poświadczenie",
)
PURPOSE_MISMATCH = Message(
    "status_purpose_mismatch",
    "the status list is not for {purpose}",
    "lista statusów nie służy do celu „{purpose}” (statusPurpose)",
)
LIST_OTHER_ID = Message(
    "status_list_other_id",
    "the list given for {url} is the issuer's, but it names itself {id}: a clear entry in "
    "another list does not show that this credential is not {what_en}",
    "lista podana dla {url} należy do wystawcy, ale ma identyfikator {id}: niezaznaczony wpis "
    "w innej liście nie dowodzi, że to poświadczenie nie zostało {what_pl}",
)
# how a list served from another URL than its id was accepted (``StatusResult.noted``)
LIST_ELSEWHERE = Message(
    "status_list_elsewhere",
    "the list given for {url} names itself {id}; used because the credential's issuer signed it",
    "lista podana dla {url} ma identyfikator {id}; użyto jej, bo podpisał ją wystawca "
    "poświadczenia",
)
# the bit read (result codes ``revoked``, ``suspended``, ``ok``); ``short``: LIST_SHORT or
# nothing
ENTRY_SET = Message(
    "status_set", "the credential is {what_en}{short_en}", "poświadczenie jest {what_pl}{short_pl}"
)
ENTRY_CLEAR = Message(
    "status_clear", "not {what_en}{short_en}", "poświadczenie nie zostało {what_pl}{short_pl}"
)
LIST_SHORT = Message(
    "status_list_short",
    " (the list has {size} entries, fewer than the {min_entries} Status List 2021 asks "
    "issuers for)",
    " (lista ma {size} wpisów, mniej niż {min_entries} zalecanych wystawcom przez „Status "
    "List 2021”)",
)
# what a set bit means, by statusPurpose (the code is the result's state)
_WHAT = {
    "revocation": Message("revoked", "revoked", "unieważnione"),
    "suspension": Message("suspended", "suspended", "zawieszone"),
}


@dataclass(frozen=True)
class StatusResult:
    """The status of one entry: ``ok``, ``revoked``, ``suspended`` or ``unknown``, with its
    result ``code`` (that of the report's check) and why, in English and Polish
    (``said``: a reason made from a message constant of this module or of
    :mod:`.messages`, whose own code may be finer)."""

    state: str
    code: str
    said: Reason
    purpose: str = ""
    noted: Reason | None = None  # how the list was accepted, when the report should say it

    @property
    def reason(self) -> str:
        """Why, in English."""
        return self.said.en

    @property
    def note(self) -> str:
        """How the list was accepted, in English, or empty."""
        return self.noted.en if self.noted else ""


Fetcher = Callable[[str], Any]
ListVerifier = Callable[[dict[str, Any]], tuple[bool, str | Reason]]
"""``verify_list(doc)``: whether the list credential verifies, and why not (a reason in
both languages, or English alone)."""


MAX_LIST_BYTES = 4 * 1024 * 1024


def local_fetcher(
    lists: Mapping[str, dict[str, Any] | bytes | os.PathLike[str]],
    fallback: Fetcher | None = None,
) -> Fetcher:
    """A fetcher that answers a status list URL with a local copy — "this file is what
    that URL serves" — and asks ``fallback`` for other URLs (without one, it raises
    :class:`~.errors.StatusError`: status unknown).

    A copy is a parsed document, its bytes, or a path read when first asked for (at most
    4 MiB). The copy is checked like a fetched list: its proof, its issuer, and its
    ``id`` against the URL (see :func:`check_status`)."""

    def fetch(url: str) -> Any:
        if url not in lists:
            if fallback is None:
                raise StatusError(NO_LOCAL_COPY(url=url))
            return fallback(url)
        copy = lists[url]
        if isinstance(copy, dict):
            return copy
        if not isinstance(copy, bytes):
            with Path(copy).open("rb") as stream:
                copy = stream.read(MAX_LIST_BYTES + 1)
        if len(copy) > MAX_LIST_BYTES:
            raise StatusError(LOCAL_COPY_TOO_LARGE(url=url, max_bytes=MAX_LIST_BYTES))
        return loads_strict(copy)

    return fetch


def _issuer_id(credential: dict[str, Any]) -> Any:
    issuer = credential.get("issuer")
    return issuer.get("id") if isinstance(issuer, dict) else issuer


def check_status(
    credential: dict[str, Any], *, fetcher: Fetcher, verify_list: ListVerifier
) -> list[StatusResult]:
    """The status of every entry of ``credential`` (a ``BitstringStatusListEntry`` or a
    ``StatusList2021Entry``; any other type is "unknown").

    ``fetcher(url)`` returns the status list credential (parsed JSON) or raises;
    ``verify_list(doc)`` returns (verified, reason) for its proof and dates, the reason a
    :class:`~microcred.standard.messages.Reason` or English text.
    """
    entries = credential.get("credentialStatus")
    entries = entries if isinstance(entries, list) else [entries]
    results = []
    for entry in entries:
        results.append(_check_entry(credential, entry, fetcher, verify_list))
    return results


def _unknown(code: str, said: Reason, purpose: str = "") -> StatusResult:
    return StatusResult("unknown", code, said, purpose)


def _bilingual(said: str | Reason | BaseException) -> Reason:
    """What a lower layer said, in English and Polish: a reason, or a microcred error
    raised with one, as it is; anything else in its own words, quoted in the Polish."""
    if isinstance(said, MicrocredError) and said.reason is not None:
        said = said.reason
    if isinstance(said, Reason):
        return said
    text = str(said)
    return Reason("", text, f"„{text}”" if text else "")


def _index(value: Any) -> int | None:
    """``statusListIndex``: "an arbitrary size integer greater than or equal to 0,
    expressed as a string" (in base 10); a JSON number too, as DCC's issuers write it."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    # No list holds more than MAX_ENTRIES entries, so a longer number is no index (and
    # int() refuses strings of over 4,300 digits with an error of its own).
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 20:
        return int(value)
    return None


def _check_entry(
    credential: dict[str, Any], entry: Any, fetcher: Fetcher, verify_list: ListVerifier
) -> StatusResult:
    form = _FORMS.get(str(entry.get("type"))) if isinstance(entry, dict) else None
    if form is None:
        return _unknown("unsupported_status", UNSUPPORTED_ENTRY())
    purpose = entry.get("statusPurpose")
    url = entry.get("statusListCredential")
    index = _index(entry.get("statusListIndex"))
    if index is None:
        return _unknown("malformed_entry", INDEX_NOT_A_NUMBER(), str(purpose))
    if purpose not in PURPOSES or not isinstance(url, str):
        return _unknown("malformed_entry", ENTRY_INCOMPLETE(), str(purpose))
    try:
        listing = fetcher(url)
    except Exception as exc:  # any fetcher failure (network, missing file) means "unknown"
        detail = _bilingual(exc)
        return _unknown("status_list_unavailable",
                        LIST_UNAVAILABLE(url=url, detail_en=detail.en, detail_pl=detail.pl),
                        purpose)  # fmt: skip
    # a StatusList2021Entry is read only from a StatusList2021Credential, and a
    # BitstringStatusListEntry only from a BitstringStatusListCredential
    if form.credential not in types_of(listing):
        return _unknown("not_a_status_list", NOT_A_LIST(url=url, type=form.credential), purpose)
    # A list is bound to the URL the credential names. Lists are often served from
    # another URL than their ``id`` (a CDN, a copy given with --status-list URL=FILE), so
    # one the credential's own issuer signed is read, and the report says which list was
    # used — but only a set bit counts then: a clear bit in *another* list of the same
    # issuer (which a holder could hand over instead) shows nothing about this credential.
    served_elsewhere = listing.get("id") != url
    named = str(listing.get("id"))[:120]
    mismatch = _unknown("status_list_mismatch", LIST_MISMATCH(url=url, id=named), purpose)
    verified, reason = verify_list(listing)
    if not verified:
        why = _bilingual(reason)
        return mismatch if served_elsewhere else _unknown(
            "status_list_invalid", LIST_INVALID(reason_en=why.en, reason_pl=why.pl), purpose
        )  # fmt: skip
    if _issuer_id(listing) != _issuer_id(credential):
        return mismatch if served_elsewhere else _unknown(
            "status_list_issuer", LIST_OTHER_ISSUER(url=url), purpose
        )  # fmt: skip
    noted = LIST_ELSEWHERE(url=url, id=named) if served_elsewhere else None
    subject = listing.get("credentialSubject")
    if form.subject not in types_of(subject):
        return _unknown("status_list_malformed", STATUS_LIST_SUBJECT(type=form.subject), purpose)
    if not isinstance(subject, dict) or subject.get("statusPurpose") != purpose:
        return _unknown("status_purpose_mismatch", PURPOSE_MISMATCH(purpose=purpose), purpose)
    try:
        status_list = StatusList.decode(
            subject.get("encodedList", ""),
            purpose,
            multibase=form.multibase,
            min_entries=form.min_entries,
        )
        value = status_list.get(index)
    except StatusError as exc:
        return _unknown("status_list_malformed", _bilingual(exc), purpose)
    what = _WHAT[purpose]
    said = {"what_en": what.en, "what_pl": what.pl, "short_en": "", "short_pl": ""}
    if status_list.size < MIN_ENTRIES:  # only Status List 2021 lists get here (see above)
        short = LIST_SHORT(size=status_list.size, min_entries=MIN_ENTRIES)
        said |= {"short_en": short.en, "short_pl": short.pl}
    if value:
        return StatusResult(what.code, what.code, ENTRY_SET(**said), purpose, noted)
    if served_elsewhere:
        return _unknown("status_list_other_id",
                        LIST_OTHER_ID(url=url, id=named, what_en=what.en, what_pl=what.pl),
                        purpose)  # fmt: skip
    return StatusResult("ok", "ok", ENTRY_CLEAR(**said), purpose, noted)
