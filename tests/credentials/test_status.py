"""Bitstring Status List: encoding, the W3C example list, size limits, and verify()
reporting revoked, suspended, valid and unknown — never valid when in doubt."""

from __future__ import annotations

import base64
import datetime as dt
import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from microcred.credentials.data_integrity import sign
from microcred.credentials.errors import StatusError
from microcred.credentials.keys import KeyPair
from microcred.credentials.status import (
    MAX_LIST_BYTES,
    MIN_ENTRIES,
    StatusList,
    local_fetcher,
    status_entry,
    status_list_credential,
)
from microcred.credentials.verify import Result, verify

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
KEY = KeyPair.generate()
LIST_URL = "https://uczelnia.example.pl/status/1"


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
        ("zabc", "not multibase base64url"),
        ("u!!!", "not base64url"),
        ("uAAAAAAAA", "not GZIP"),
        ("u" + base64.urlsafe_b64encode(gzip.compress(b"\x00" * 100)).decode(), "at least 131072"),
        (
            "u" + base64.urlsafe_b64encode(gzip.compress(b"\x00" * (3 * 1024 * 1024))).decode(),
            "inflates beyond",
        ),
    ],
    ids=["wrong-base", "not-base64", "not-gzip", "too-short", "gzip-bomb"],
)
def test_bad_lists_are_refused(encoded: str, message: str) -> None:
    with pytest.raises(StatusError, match=message):
        StatusList.decode(encoded, max_entries=2 * 1024 * 1024 * 8)


def test_index_out_of_range() -> None:
    with pytest.raises(StatusError, match="outside the list"):
        StatusList().get(MIN_ENTRIES)
    with pytest.raises(StatusError, match="at least"):
        StatusList(size=1024)


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
