"""The texts of a verification report are :mod:`microcred.credentials.verify.messages`
constants, and a Polish report is Polish: where a lower layer gives only English (a badge
image's error), the check says it in Polish by its code; where it gives both (an error
raised with a message, a status list's reason), the check shows its Polish, with the same
details as the English."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from microcred.credentials.data_integrity import sign
from microcred.credentials.errors import BakingError
from microcred.credentials.keys import KeyPair
from microcred.credentials.ob3 import to_ob3
from microcred.credentials.status import (
    LIST_OTHER_ISSUER,
    LIST_UNAVAILABLE,
    NO_LOCAL_COPY,
    StatusList,
    local_fetcher,
    status_entry,
    status_list_credential,
)
from microcred.credentials.verify import (
    Check,
    CheckStatus,
    Signer,
    VerificationReport,
    pipeline,
    verify,
)
from microcred.credentials.verify import messages as m
from microcred.standard.messages import Message

from ...conftest import example_award
from ...test_messages import _english_words

KEY = KeyPair.generate()
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
LIST = "https://u.example/s/1"


def _signed(**members: Any) -> dict[str, Any]:
    return sign(to_ob3(example_award(), issuer_id=KEY.did_key) | members, KEY)


def _unreachable(url: str) -> Any:
    raise ConnectionError(f"{url}: no route to host")


def _strangers_list(url: str) -> Any:
    """The list at ``url``, signed by another issuer than the credential's."""
    stranger = KeyPair.generate()
    return sign(status_list_credential(StatusList(), credential_id=url,
                                       issuer=stranger.did_key), stranger)  # fmt: skip


def _reports() -> list[VerificationReport]:
    with_status = _signed(credentialStatus=status_entry(LIST, 5))
    return [
        verify(_signed(), now=NOW),
        verify({**_signed(), "name": "Something else"}, now=NOW),
        verify(_signed(validUntil="2025-12-31T00:00:00Z"), now=NOW),
        verify(with_status, now=NOW),
        verify(with_status, now=NOW, status_fetcher=_unreachable),
        verify(with_status, now=NOW, status_fetcher=local_fetcher({})),
        verify(with_status, now=NOW, status_fetcher=_strangers_list),
        verify(b"\x89PNG\r\n\x1a\n", now=NOW),
        verify(b"[1, 2]", now=NOW),
    ]


def test_a_polish_report_is_polish() -> None:
    for report in _reports():
        for check in report.checks:
            assert not _english_words(check.pl), (check.code, check.pl)
            assert check.pl != check.en, check


def _status(fetcher: Any) -> Check:
    document = _signed(credentialStatus=status_entry(LIST, 5))
    status = verify(document, now=NOW, status_fetcher=fetcher).check("status")
    assert status is not None
    return status


def test_a_status_list_that_cannot_be_fetched_is_named_in_polish() -> None:
    status = _status(_unreachable)
    assert (status.status, status.code) == (CheckStatus.WARNING, LIST_UNAVAILABLE.code)
    said = LIST_UNAVAILABLE(url=LIST, detail_en=f"{LIST}: no route to host",
                            detail_pl=f"„{LIST}: no route to host”")  # fmt: skip
    assert status.en == m.STATUS_UNKNOWN_BECAUSE.text("en", reason_en=said.en)
    assert status.pl == m.STATUS_UNKNOWN_BECAUSE.text("pl", reason_pl=said.pl)
    # a fetcher's bilingual error is said in Polish
    missing = _status(local_fetcher({}))
    assert missing.code == LIST_UNAVAILABLE.code
    assert LIST in missing.pl
    assert NO_LOCAL_COPY.text("pl", url=LIST) in missing.pl


def test_a_status_list_of_another_issuer_is_named_in_polish() -> None:
    status = _status(_strangers_list)
    assert (status.status, status.code) == (CheckStatus.WARNING, LIST_OTHER_ISSUER.code)
    for lang in ("en", "pl"):
        said = LIST_OTHER_ISSUER.text(lang, url=LIST)
        assert status.reason(lang) == m.STATUS_UNKNOWN_BECAUSE.text(
            lang, reason_en=said, reason_pl=said
        )


def test_an_image_error_is_said_in_polish_by_its_code(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_credential(data: bytes) -> str:
        raise BakingError("the PNG has no openbadgecredential chunk", code="no_credential")

    monkeypatch.setattr(pipeline, "extract", no_credential)
    check = verify(b"\x89PNG\r\n\x1a\n", now=NOW).checks[0]
    assert (check.code, check.en) == ("no_credential", "the PNG has no openbadgecredential chunk")
    assert check.pl == m.IMAGE_ERRORS["no_credential"].pl


def test_a_bilingual_error_shows_its_own_polish(monkeypatch: pytest.MonkeyPatch) -> None:
    said = Message("chunk_missing", "no chunk", "brak fragmentu")

    def bilingual(data: bytes) -> str:
        raise BakingError(said())

    monkeypatch.setattr(pipeline, "extract", bilingual)
    check = verify(b"\x89PNG\r\n\x1a\n", now=NOW).checks[0]
    assert (check.code, check.en, check.pl) == ("chunk_missing", "no chunk", "brak fragmentu")


def test_a_check_takes_its_code_from_its_message_unless_given() -> None:
    expired = Check.of("dates", CheckStatus.FAIL, m.EXPIRED(end="2025-01-01"))
    assert (expired.code, expired.en, expired.pl) == (
        m.EXPIRED.code,
        m.EXPIRED.text("en", end="2025-01-01"),
        m.EXPIRED.text("pl", end="2025-01-01"),
    )
    assert Check.of("dates", CheckStatus.PASS, m.NO_EXPIRY(), code="ok").code == "ok"


def test_an_e_seal_signer_is_named_in_either_language() -> None:
    signer = Signer("seal", "sha256:ab", key="CN=Seal", name="Uczelnia")
    assert signer.short("pl") == m.SEAL_SIGNER.text("pl", name="Uczelnia")
    assert signer.describe("pl") == m.SEAL_SIGNER_DESCRIBED.text(
        "pl", signer_pl=signer.short("pl"), key="CN=Seal", id="sha256:ab"
    )
    assert signer.describe() == m.SEAL_SIGNER_DESCRIBED.text(
        "en", signer_en=signer.short(), key="CN=Seal", id="sha256:ab"
    )
    did = Signer("did", KEY.did_key, key=KEY.verification_method)
    assert did.describe("pl") == m.DID_SIGNER_KEY.text(
        "pl", id=KEY.did_key, key=KEY.verification_method
    )
