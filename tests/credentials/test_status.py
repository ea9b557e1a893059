"""Bitstring Status List and Status List 2021: encoding, the W3C example lists, size
limits, and verify() reporting revoked, suspended, valid and unknown — never valid when in
doubt, nor when an entry points at a list of the other kind."""

from __future__ import annotations

import base64
import datetime as dt
import gzip
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from microcred.credentials.data_integrity import sign
from microcred.credentials.errors import StatusError
from microcred.credentials.keys import KeyPair
from microcred.credentials.messages import (
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
from microcred.credentials.status import (
    ENTRY_CLEAR,
    ENTRY_INCOMPLETE,
    ENTRY_SET,
    INDEX_NOT_A_NUMBER,
    LIST_ELSEWHERE,
    LIST_INVALID,
    LIST_MISMATCH,
    LIST_OTHER_ID,
    LIST_OTHER_ISSUER,
    LIST_SHORT,
    LIST_UNAVAILABLE,
    MAX_LIST_BYTES,
    MIN_ENTRIES,
    NO_LOCAL_COPY,
    NOT_A_LIST,
    PURPOSE_MISMATCH,
    UNSUPPORTED_ENTRY,
    StatusList,
    StatusResult,
    check_status,
    local_fetcher,
    read_status_list,
    status_entry,
    status_entry_for,
    status_list_credential,
    with_status_list,
)
from microcred.credentials.verify import Result, verify
from microcred.standard.messages import Message, Reason

from ..test_messages import _english_words

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
KEY = KeyPair.generate()
LIST_URL = "https://uczelnia.example.pl/status/1"


def _refused(message: Message, call: Callable[[], Any]) -> StatusError:
    """The error ``call`` raises: ``message``'s, said in English and Polish."""
    with pytest.raises(StatusError) as raised:
        call()
    assert raised.value.code == message.code, raised.value.message
    assert raised.value.reason is not None
    assert raised.value.text("pl") == raised.value.reason.pl != raised.value.message
    return raised.value


def test_w3c_example_list_decodes(shared: Path) -> None:
    example = json.loads(
        (shared / "vectors/status/bitstring-statuslist-credential.example.json").read_text()
    )
    status_list = StatusList.decode(example["credentialSubject"]["encodedList"])
    assert status_list.size == MIN_ENTRIES
    assert not any(status_list.get(i) for i in (0, 94567, MIN_ENTRIES - 1))


def test_round_trip_and_bit_order() -> None:
    status_list = StatusList("revocation")
    status_list.set(0)
    status_list.set(94567)
    assert status_list.bits[0] == 0b1000_0000  # index 0 is the most significant bit
    again = StatusList.decode(status_list.encode())
    assert [i for i in (0, 1, 94566, 94567, 94568) if again.get(i)] == [0, 94567]
    status_list.set(94567, False)
    assert not StatusList.decode(status_list.encode()).get(94567)
    assert status_list.encode().startswith("uH4sI")  # multibase base64url of GZIP


@pytest.mark.parametrize(
    ("encoded", "message"),
    [
        ("zabc", ENCODED_LIST_NOT_MULTIBASE),
        ("u!!!", ENCODED_LIST_NOT_BASE64URL),
        ("uAAAAAAAA", ENCODED_LIST_NOT_GZIP),
        (
            "u" + base64.urlsafe_b64encode(gzip.compress(b"\x00" * 100)).decode(),
            STATUS_LIST_TOO_SHORT,
        ),
        (
            "u" + base64.urlsafe_b64encode(gzip.compress(b"\x00" * (3 * 1024 * 1024))).decode(),
            STATUS_LIST_TOO_LARGE,
        ),
    ],
    ids=["wrong-base", "not-base64", "not-gzip", "too-short", "gzip-bomb"],
)
def test_bad_lists_are_refused(encoded: str, message: Message) -> None:
    _refused(message, lambda: StatusList.decode(encoded, max_entries=2 * 1024 * 1024 * 8))


def test_index_out_of_range() -> None:
    error = _refused(INDEX_OUTSIDE_LIST, lambda: StatusList().get(MIN_ENTRIES))
    assert f"{MIN_ENTRIES}" in error.text("pl")
    assert f"{MIN_ENTRIES - 1}" in error.text("pl")
    _refused(STATUS_LIST_SIZE, lambda: StatusList(size=1024))
    _refused(STATUS_LIST_SIZE, lambda: StatusList(size=MIN_ENTRIES + 1))
    _refused(UNSUPPORTED_PURPOSE, lambda: StatusList("refresh"))


def _credential(index: int, purpose: str = "revocation") -> dict[str, Any]:
    document = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": "urn:uuid:0f2d0c38-3f5b-4b5e-9d8c-2f4f7e2a1c11",
        "type": ["VerifiableCredential"],
        "issuer": KEY.did_key,
        "validFrom": "2025-06-20T00:00:00Z",
        "credentialSubject": {"id": "did:example:learner"},
        "credentialStatus": status_entry(LIST_URL, index, purpose),
    }
    return sign(document, KEY)


def _published(status_list: StatusList, key: KeyPair = KEY, **changes: Any) -> dict[str, Any]:
    listing = status_list_credential(status_list, credential_id=LIST_URL, issuer=key.did_key,
                                     valid_from="2025-01-01T00:00:00Z") | changes  # fmt: skip
    return sign(listing, key)


def _status(report: Any) -> tuple[str, str]:
    check = report.check("status")
    return str(check.status), check.code


def test_revoked_suspended_and_valid() -> None:
    revocations = StatusList("revocation")
    revocations.set(7)
    listing = _published(revocations)
    fetch = {LIST_URL: listing}.__getitem__
    revoked = verify(_credential(7), now=NOW, status_fetcher=fetch)
    assert (revoked.result, _status(revoked)) == (Result.INVALID, ("fail", "revoked"))
    assert "unieważnione" in revoked.check("status").pl  # type: ignore[union-attr]
    fine = verify(_credential(8), now=NOW, status_fetcher=fetch)
    assert (fine.result, _status(fine)) == (Result.VALID, ("pass", "ok"))

    suspensions = StatusList("suspension")
    suspensions.set(8)
    suspended = verify(_credential(8, "suspension"), now=NOW,
                       status_fetcher={LIST_URL: _published(suspensions)}.__getitem__)  # fmt: skip
    assert _status(suspended) == ("fail", "suspended")


def _fail_fetch(url: str) -> Any:
    raise ConnectionError("offline")


@pytest.mark.parametrize(
    ("fetcher", "code"),
    [
        (None, "status_unknown"),
        (_fail_fetch, "status_list_unavailable"),
        (lambda url: _published(StatusList("suspension")), "status_purpose_mismatch"),
        (lambda url: _published(StatusList(), KeyPair.generate()), "status_list_issuer"),
        (lambda url: {k: v for k, v in _published(StatusList()).items() if k != "proof"},
         "status_list_invalid"),
        (lambda url: _published(StatusList()) | {"issuer": "did:example:x"}, "status_list_invalid"),
        (lambda url: {"type": ["VerifiableCredential"]}, "not_a_status_list"),
        (lambda url: _published(StatusList(), validUntil="2025-12-01T00:00:00Z"),
         "status_list_invalid"),
    ],
    ids=["no-fetcher", "offline", "wrong-purpose", "other-issuer", "unsigned", "tampered",
         "not-a-list", "expired-list"],
)  # fmt: skip
def test_any_doubt_is_status_unknown_never_valid(fetcher: Any, code: str) -> None:
    report = verify(_credential(8), now=NOW, status_fetcher=fetcher)
    assert report.result is Result.STATUS_UNKNOWN
    assert not report.verified
    assert _status(report) == ("warning", code)


def test_a_too_short_list_is_status_unknown() -> None:
    listing = status_list_credential(StatusList(), credential_id=LIST_URL, issuer=KEY.did_key)
    listing["credentialSubject"]["encodedList"] = "u" + base64.urlsafe_b64encode(
        gzip.compress(b"\x00" * 1024)
    ).decode().rstrip("=")
    report = verify(_credential(3), now=NOW, status_fetcher=lambda url: sign(listing, KEY))
    assert _status(report) == ("warning", "status_list_malformed")
    assert "at least 131072" in report.check("status").en  # type: ignore[union-attr]


def test_local_fetcher_maps_a_url_to_a_file_so_a_revoked_credential_shows_revoked(
    tmp_path: Path,
) -> None:
    revocations = StatusList("revocation")
    revocations.set(7)
    copy = tmp_path / "list.json"
    copy.write_text(json.dumps(_published(revocations)), encoding="utf-8")
    for given in (copy, copy.read_bytes(), json.loads(copy.read_text())):
        report = verify(_credential(7), now=NOW, status_fetcher=local_fetcher({LIST_URL: given}))
        assert _status(report) == ("fail", "revoked"), given


def test_local_fetcher_asks_its_fallback_for_other_urls_and_else_is_unknown() -> None:
    asked: list[str] = []

    def fallback(url: str) -> Any:
        asked.append(url)
        return _published(StatusList())

    fine = verify(_credential(7), now=NOW, status_fetcher=local_fetcher({}, fallback))
    assert (fine.verified, asked) == (True, [LIST_URL])
    alone = verify(_credential(7), now=NOW, status_fetcher=local_fetcher({}))
    assert _status(alone) == ("warning", "status_list_unavailable")


def test_local_fetcher_caps_the_file_it_reads(tmp_path: Path) -> None:
    huge = tmp_path / "huge.json"
    huge.write_bytes(b" " * (MAX_LIST_BYTES + 1))
    report = verify(_credential(7), now=NOW, status_fetcher=local_fetcher({LIST_URL: huge}))
    assert _status(report) == ("warning", "status_list_unavailable")
    assert "larger than" in report.check("status").en  # type: ignore[union-attr]
    _refused(LOCAL_COPY_TOO_LARGE, lambda: local_fetcher({LIST_URL: huge})(LIST_URL))


# --- what a status result says, in English and Polish -----------------------------------

OTHER_URL = "https://cdn.example.org/uczelnia/status/1"


def _result(
    credential: dict[str, Any], listing: Any, verified: tuple[bool, str | Reason] = (True, "ok")
) -> StatusResult:
    """The one status result of ``credential`` when its list is ``listing`` (or what the
    fetcher ``listing`` gives) and the list's proof and dates give ``verified``."""
    fetcher = listing if callable(listing) else lambda url: listing
    [result] = check_status(credential, fetcher=fetcher, verify_list=lambda doc: verified)
    return result


def _entry(**changes: Any) -> dict[str, Any]:
    """The credential with its status entry changed (nothing here checks its proof)."""
    return _credential(8) | {"credentialStatus": status_entry(LIST_URL, 8) | changes}


def _too_short() -> dict[str, Any]:
    listing = _published(StatusList())
    listing["credentialSubject"]["encodedList"] = "u" + base64.urlsafe_b64encode(
        gzip.compress(b"\x00" * 1024)
    ).decode().rstrip("=")
    return listing


@pytest.mark.parametrize(
    ("made", "code", "message"),
    [
        (lambda: _result(_credential(8), _fail_fetch), "status_list_unavailable",
         LIST_UNAVAILABLE),
        (lambda: _result(_credential(8), local_fetcher({})), "status_list_unavailable",
         LIST_UNAVAILABLE),
        (lambda: _result(_credential(8), {"type": ["VerifiableCredential"]}),
         "not_a_status_list", NOT_A_LIST),
        (lambda: _result(_credential(8), _published(StatusList()),
                         (False, Reason("no_proof", "no proof", "brak dowodu"))),
         "status_list_invalid", LIST_INVALID),
        (lambda: _result(_credential(8), _published(StatusList()), (False, "no proof")),
         "status_list_invalid", LIST_INVALID),
        (lambda: _result(_credential(8), _published(StatusList(), KeyPair.generate())),
         "status_list_issuer", LIST_OTHER_ISSUER),
        (lambda: _result(_credential(8), _published(StatusList(), id=OTHER_URL),
                         (False, "no proof")),
         "status_list_mismatch", LIST_MISMATCH),
        (lambda: _result(_credential(8), _published(StatusList(), id=OTHER_URL)),
         "status_list_other_id", LIST_OTHER_ID),
        (lambda: _result(_credential(8), _published(StatusList("suspension"))),
         "status_purpose_mismatch", PURPOSE_MISMATCH),
        (lambda: _result(_credential(8), _too_short()), "status_list_malformed",
         STATUS_LIST_TOO_SHORT),
        (lambda: _result(_credential(8), _published(StatusList()) | {"credentialSubject": {}}),
         "status_list_malformed", STATUS_LIST_SUBJECT),
        (lambda: _result(_entry(statusListIndex="x"), {}), "malformed_entry",
         INDEX_NOT_A_NUMBER),
        (lambda: _result(_entry(statusPurpose="refresh"), {}), "malformed_entry",
         ENTRY_INCOMPLETE),
        (lambda: _result(_entry(type="RevocationList2020Status"), {}), "unsupported_status",
         UNSUPPORTED_ENTRY),
    ],
    ids=["unreachable", "no-local-copy", "not-a-list", "not-verified", "not-verified-en",
         "other-issuer", "another-list", "other-id", "wrong-purpose", "too-short",
         "wrong-subject", "bad-index", "bad-purpose", "unknown-entry"],
)  # fmt: skip
def test_an_unknown_status_is_said_in_both_languages(
    made: Callable[[], StatusResult], code: str, message: Message
) -> None:
    """Each result keeps its public code and says why in English and Polish, from a
    message constant; the Polish has the English's details (the list's URL)."""
    result = made()
    assert (result.state, result.code, result.said.code) == ("unknown", code, message.code)
    assert result.reason == result.said.en
    assert result.said.pl != result.said.en
    assert not _english_words(result.said.pl), result.said.pl
    if "url" in message.placeholders():
        assert LIST_URL in result.said.en
        assert LIST_URL in result.said.pl


def test_the_fetchers_own_words_reach_both_languages() -> None:
    """A fetcher's bilingual error is said in Polish; anything else keeps its words,
    quoted in the Polish."""
    missing = _result(_credential(8), local_fetcher({}))
    assert NO_LOCAL_COPY.text("pl", url=LIST_URL) in missing.said.pl
    assert NO_LOCAL_COPY.text("en", url=LIST_URL) in missing.reason
    offline = _result(_credential(8), _fail_fetch)
    assert offline.said == LIST_UNAVAILABLE(url=LIST_URL, detail_en="offline",
                                            detail_pl="„offline”")  # fmt: skip
    with pytest.raises(StatusError) as raised:
        local_fetcher({})(LIST_URL)
    assert raised.value.code == NO_LOCAL_COPY.code


def test_a_read_status_is_said_in_both_languages() -> None:
    revocations = StatusList("revocation")
    revocations.set(7)
    listing = _published(revocations)
    revoked, fine = _result(_credential(7), listing), _result(_credential(8), listing)
    assert (revoked.state, revoked.code, revoked.said.code) == ("revoked", "revoked",
                                                                ENTRY_SET.code)  # fmt: skip
    assert (fine.state, fine.code, fine.said.code) == ("ok", "ok", ENTRY_CLEAR.code)
    for result in (revoked, fine):
        assert not _english_words(result.said.pl), result.said.pl
        assert "unieważnione" in result.said.pl
        assert result.noted is None
        assert result.note == ""
    copy = _result(_credential(7), _published(revocations, id=OTHER_URL))
    assert copy.state == "revoked"
    assert copy.noted == LIST_ELSEWHERE(url=LIST_URL, id=OTHER_URL)
    assert copy.note == copy.noted.en


# --- Status List 2021 (W3C CCG Final Report 2023-01-02): what DCC and many universities issue

LIST_2021_URL = "https://uczelnia.example.pl/status/2021/1"
VC11 = "https://www.w3.org/2018/credentials/v1"
STATUS_LIST_2021 = "https://w3id.org/vc/status-list/2021/v1"
# §2.2 "StatusList2021Credential", the report's example: 16KB of zeros, plain base64url
REPORT_EXAMPLE_LIST = "H4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA"
DCC_LIST_SIZE = 100_000  # what DCC's credential-status-manager-git and -db publish


def _encoded_2021(size: int, revoked: tuple[int, ...] = (), alphabet: str = "url") -> str:
    """An ``encodedList`` as Status List 2021 writers make it: GZIP, then base64 (url or
    standard alphabet, no multibase prefix), for lists of any size."""
    bits = bytearray(size // 8)
    for index in revoked:
        bits[index // 8] |= 0x80 >> index % 8
    compressed = gzip.compress(bytes(bits), mtime=0)
    if alphabet == "url":
        return base64.urlsafe_b64encode(compressed).decode().rstrip("=")
    return base64.b64encode(compressed).decode()


def _list_2021(encoded: str, purpose: str = "revocation", key: KeyPair = KEY,
               subject_type: str = "StatusList2021") -> dict[str, Any]:  # fmt: skip
    """A signed ``StatusList2021Credential`` as ``@digitalbazaar/vc-status-list``'s
    ``createCredential`` writes it (VC 1.1), issued by ``key``. Another subject type
    leaves ``statusPurpose`` and ``encodedList`` undefined (they are scoped to
    ``StatusList2021``), which an RDF suite refuses to sign: such a list is signed over
    its JSON (eddsa-jcs-2022), as a careless issuer could."""
    listing = {
        "@context": [VC11, STATUS_LIST_2021],
        "id": LIST_2021_URL,
        "type": ["VerifiableCredential", "StatusList2021Credential"],
        "issuer": key.did_key,
        "issuanceDate": "2025-01-01T00:00:00Z",
        "credentialSubject": {"id": f"{LIST_2021_URL}#list", "type": subject_type,
                              "statusPurpose": purpose, "encodedList": encoded},
    }  # fmt: skip
    suite = "eddsa-rdfc-2022" if subject_type == "StatusList2021" else "eddsa-jcs-2022"
    return sign(listing, key, suite=suite)


def _credential_2021(index: Any, purpose: str = "revocation") -> dict[str, Any]:
    """A VC 1.1 credential with a ``StatusList2021Entry`` (as DCC issues them)."""
    document = {
        "@context": [VC11, STATUS_LIST_2021],
        "id": "urn:uuid:6a1f0c38-3f5b-4b5e-9d8c-2f4f7e2a1c12",
        "type": ["VerifiableCredential"],
        "issuer": KEY.did_key,
        "issuanceDate": "2025-06-20T00:00:00Z",
        "credentialSubject": {"id": "did:example:learner"},
        "credentialStatus": {"id": f"{LIST_2021_URL}#entry", "type": "StatusList2021Entry",
                             "statusPurpose": purpose, "statusListIndex": index,
                             "statusListCredential": LIST_2021_URL},
    }  # fmt: skip
    return sign(document, KEY)


def _status_2021(credential: dict[str, Any], listing: dict[str, Any]) -> tuple[str, str]:
    return _status(verify(credential, now=NOW, status_fetcher={LIST_2021_URL: listing}.get))


def test_status_list_2021_report_example_decodes() -> None:
    status_list = StatusList.decode(REPORT_EXAMPLE_LIST, multibase=False)
    assert status_list.size == MIN_ENTRIES
    assert not any(status_list.get(i) for i in (0, 94567, MIN_ENTRIES - 1))
    # not the Bitstring form
    _refused(ENCODED_LIST_NOT_MULTIBASE, lambda: StatusList.decode(REPORT_EXAMPLE_LIST))


def test_status_list_2021_encodings_writers_use() -> None:
    """§2.2 "base-64 encoded [RFC4648]": base64url as the report's example and DCC write
    it, padded or not, and the standard alphabet; the bits are the same."""
    revoked = (3, 999, 94567, 131_000)
    url = _encoded_2021(MIN_ENTRIES, revoked)
    standard = _encoded_2021(MIN_ENTRIES, revoked, alphabet="standard")
    assert {"-", "_"} & set(url)  # the alphabets differ
    assert {"+", "/"} & set(standard)
    padded = url + "=" * (-len(url) % 4)
    for encoded in (url, padded, standard, standard.rstrip("=")):
        status_list = StatusList.decode(encoded, multibase=False)
        assert [i for i in range(MIN_ENTRIES) if status_list.get(i)] == list(revoked)


@pytest.mark.parametrize(
    ("encoded", "message"),
    [
        ("u" + REPORT_EXAMPLE_LIST, ENCODED_LIST_MULTIBASE_2021),
        ("H4sI-A+B", ENCODED_LIST_NOT_BASE64),  # two alphabets mixed
        ("H4sI!!!!", ENCODED_LIST_NOT_BASE64),
        ("H4sIA=AA", ENCODED_LIST_NOT_BASE64),  # padding inside
        ("AAAAAAAA", ENCODED_LIST_NOT_GZIP),
        (_encoded_2021(3 * 1024 * 1024 * 8), STATUS_LIST_TOO_LARGE),
    ],
    ids=["multibase-prefix", "mixed-alphabets", "not-base64", "inner-padding", "not-gzip",
         "gzip-bomb"],
)  # fmt: skip
def test_bad_2021_lists_are_refused(encoded: str, message: Message) -> None:
    _refused(message, lambda: StatusList.decode(encoded, max_entries=2 * 1024 * 1024 * 8,
                                                multibase=False, min_entries=0))  # fmt: skip


@pytest.mark.parametrize("alphabet", ["url", "standard"])
def test_status_list_2021_revoked_suspended_and_valid(alphabet: str) -> None:
    revocations = {LIST_2021_URL: _list_2021(_encoded_2021(MIN_ENTRIES, (7,), alphabet))}
    revoked = verify(_credential_2021("7"), now=NOW, status_fetcher=revocations.get)
    assert (revoked.result, _status(revoked)) == (Result.INVALID, ("fail", "revoked"))
    fine = verify(_credential_2021("8"), now=NOW, status_fetcher=revocations.get)
    assert (fine.result, _status(fine)) == (Result.VALID, ("pass", "ok"))
    assert fine.check("schema").status.value == "pass"  # type: ignore[union-attr]
    suspensions = _list_2021(_encoded_2021(MIN_ENTRIES, (8,), alphabet), "suspension")
    assert _status_2021(_credential_2021("8", "suspension"), suspensions) == ("fail", "suspended")
    assert _status_2021(_credential_2021("7", "suspension"), suspensions) == ("pass", "ok")


def test_status_list_2021_index_as_a_json_number() -> None:
    """DCC's signing-service fixtures write ``"statusListIndex": 16``."""
    listing = _list_2021(_encoded_2021(MIN_ENTRIES, (16,)))
    assert _status_2021(_credential_2021(16), listing) == ("fail", "revoked")
    assert _status_2021(_credential_2021(17), listing) == ("pass", "ok")


def test_a_short_2021_list_is_read_and_said_to_be_short() -> None:
    """DCC publishes lists of 100,000 entries, under the report's 16KB (§2.2), which its
    Validate Algorithm (§3.2) does not check: read, and the reason says so. A Bitstring
    Status List that short stays refused (its §3.2 raises STATUS_LIST_LENGTH_ERROR)."""
    listing = _list_2021(_encoded_2021(DCC_LIST_SIZE, (42,)))
    assert _status_2021(_credential_2021("42"), listing) == ("fail", "revoked")
    assert _status_2021(_credential_2021("43"), listing) == ("pass", "ok")
    results = check_status(_credential_2021("43"), fetcher={LIST_2021_URL: listing}.__getitem__,
                           verify_list=lambda doc: (True, "ok"))  # fmt: skip
    said = results[0].said
    noted = LIST_SHORT(size=DCC_LIST_SIZE, min_entries=MIN_ENTRIES)
    assert (said.code, results[0].reason) == (ENTRY_CLEAR.code, said.en)
    assert said.en.endswith(noted.en)
    assert said.pl.endswith(noted.pl)
    assert _status_2021(_credential_2021(str(DCC_LIST_SIZE)), listing) == (
        "warning",
        "status_list_malformed",
    )  # beyond the end of the list
    short = _refused(
        STATUS_LIST_TOO_SHORT, lambda: StatusList.decode("u" + _encoded_2021(DCC_LIST_SIZE))
    )
    assert "at least 131072" in short.message


@pytest.mark.parametrize(
    ("listing", "code"),
    [
        (lambda: _published(StatusList()), "not_a_status_list"),
        (lambda: _list_2021(_encoded_2021(MIN_ENTRIES), subject_type="StatusList2021Entry"),
         "status_list_malformed"),
        (lambda: _list_2021("u" + _encoded_2021(MIN_ENTRIES)), "status_list_malformed"),
        (lambda: _list_2021(StatusList().encode()), "status_list_malformed"),
        (lambda: _list_2021(_encoded_2021(MIN_ENTRIES), "suspension"), "status_purpose_mismatch"),
        (lambda: _list_2021(_encoded_2021(MIN_ENTRIES), key=KeyPair.generate()),
         "status_list_issuer"),
        (lambda: _list_2021(_encoded_2021(MIN_ENTRIES)) | {"issuanceDate": "2025-01-02T00:00:00Z"},
         "status_list_invalid"),
    ],
    ids=["bitstring-list", "entry-as-subject", "multibase-prefix", "bitstring-encoding",
         "wrong-purpose", "other-issuer", "tampered"],
)  # fmt: skip
def test_a_2021_entry_in_doubt_is_status_unknown(listing: Any, code: str) -> None:
    """A StatusList2021Entry is read only from a signed StatusList2021Credential of the
    same issuer and purpose, in the 2021 encoding."""
    report = verify(_credential_2021("8"), now=NOW, status_fetcher=lambda url: listing())
    assert report.result is Result.STATUS_UNKNOWN
    assert _status(report) == ("warning", code)


def test_a_bitstring_entry_is_not_read_from_a_2021_list() -> None:
    listing = _list_2021(_encoded_2021(MIN_ENTRIES, (8,)))
    report = verify(_credential(8), now=NOW, status_fetcher=lambda url: listing)
    assert _status(report) == ("warning", "not_a_status_list")
    assert "is not a BitstringStatusListCredential" in report.check("status").en  # type: ignore[union-attr]


@pytest.mark.parametrize("index", ["-1", "1_0", " 7", "7.0", "", True, -1, 7.0, None])
def test_a_malformed_index_is_status_unknown(index: Any) -> None:
    listing = _list_2021(_encoded_2021(MIN_ENTRIES, (7,)))
    assert _status_2021(_credential_2021(index), listing) == ("warning", "malformed_entry")


def test_an_unknown_status_type_is_status_unknown() -> None:
    credential = _credential(8)
    credential["credentialStatus"]["type"] = "RevocationList2020Status"
    report = verify(credential, now=NOW, status_fetcher=lambda url: _published(StatusList()))
    assert _status(report) == ("warning", "unsupported_status")


def test_a_2021_list_served_under_another_id_needs_the_issuers_signature() -> None:
    """As for Bitstring lists: a copy naming another id is used when the credential's
    issuer signed it (the report says so), and refused when anyone else did."""
    elsewhere = "https://cdn.example.org/uczelnia/2021/1"
    own = _list_2021(_encoded_2021(MIN_ENTRIES, (7,))) | {"id": elsewhere}
    del own["proof"]
    report = verify(_credential_2021("7"), now=NOW,
                    status_fetcher={LIST_2021_URL: sign(own, KEY)}.get)  # fmt: skip
    assert _status(report) == ("fail", "revoked")
    assert f"names itself {elsewhere}" in report.check("status").en  # type: ignore[union-attr]
    strangers = sign(own | {"issuer": (other := KeyPair.generate()).did_key}, other)
    report = verify(_credential_2021("7"), now=NOW,
                    status_fetcher={LIST_2021_URL: strangers}.get)  # fmt: skip
    assert _status(report) == ("warning", "status_list_mismatch")


# --- re-reading and updating a published list -----------------------------------------


def test_read_update_and_sign_again() -> None:
    """A published list is read back, changed and published again: same id, issuer and
    subject, the new bits, no proof until it is signed again, and verify reads it."""
    published = _published(StatusList())
    status_list = read_status_list(published)
    assert (status_list.purpose, status_list.size, status_list.set_count) == (
        "revocation", MIN_ENTRIES, 0)  # fmt: skip
    status_list.set(7)
    status_list.set(MIN_ENTRIES - 1)
    assert status_list.set_count == 2
    updated = with_status_list(published, status_list, valid_from="2025-06-01T00:00:00Z")
    assert "proof" not in updated
    assert "proof" in published  # the input is not changed
    assert updated["validFrom"] == "2025-06-01T00:00:00Z"
    assert {k: v for k, v in updated.items() if k not in ("credentialSubject", "validFrom")} == {
        k: v for k, v in published.items() if k not in ("credentialSubject", "validFrom", "proof")
    }
    assert updated["credentialSubject"]["id"] == published["credentialSubject"]["id"]
    assert read_status_list(updated).get(7)
    assert with_status_list(published, StatusList())["validFrom"] == published["validFrom"]
    report = verify(_credential(7), now=NOW, status_fetcher={LIST_URL: sign(updated, KEY)}.get)
    assert _status(report) == ("fail", "revoked")
    _refused(STATUS_PURPOSE_DIFFERS, lambda: with_status_list(published, StatusList("suspension")))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: {"type": ["VerifiableCredential"]}, NOT_A_STATUS_LIST),
        (lambda d: d | {"credentialSubject": {"type": "StatusList2021"}}, STATUS_LIST_SUBJECT),
        (lambda d: d | {"credentialSubject": d["credentialSubject"] | {"statusPurpose": "x"}},
         UNSUPPORTED_PURPOSE),
        (lambda d: d | {"credentialSubject": d["credentialSubject"] | {"encodedList": 7}},
         ENCODED_LIST_NOT_STRING),
        (lambda d: d | {"credentialSubject": d["credentialSubject"] | {"encodedList": "zz"}},
         ENCODED_LIST_NOT_MULTIBASE),
    ],
)  # fmt: skip
def test_read_status_list_refuses_what_is_not_a_bitstring_list(
    change: Any, message: Message
) -> None:
    _refused(message, lambda: read_status_list(change(_published(StatusList()))))
    error = _refused(NOT_A_STATUS_LIST, lambda: read_status_list([]))
    assert error.message == "not a BitstringStatusListCredential"


def test_status_entry_for_a_published_list() -> None:
    published = _published(StatusList("suspension"))
    assert status_entry_for(published, 94567) == status_entry(LIST_URL, 94567, "suspension")
    _refused(INDEX_OUTSIDE_LIST, lambda: status_entry_for(published, MIN_ENTRIES))
    for bad_id in ("urn:uuid:1", f"{LIST_URL}#list", None):
        changed = published | {"id": bad_id}
        _refused(STATUS_LIST_NO_URL, lambda: status_entry_for(changed, 1))  # noqa: B023
