"""Signature time-stamps: tokens from an independent TSA (OpenSSL) and the EU's own
samples are read and checked; a seal whose certificate has expired stands on a valid
time-stamp from its certificate's validity and is indeterminate without one; tampered,
foreign or garbled tokens never pass and never raise."""

from __future__ import annotations

import base64
import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from microcred.credentials.jades import (
    Indication,
    SealError,
    add_signature_timestamp,
    seal,
    self_signed_seal_certificate,
    verify_seal,
)
from microcred.credentials.jades import messages as m
from microcred.credentials.jades import timestamps as ts
from microcred.credentials.jades.timestamps import check_signature_timestamps
from microcred.credentials.verify import CheckStatus, Result, verify

from .tsa import TimeStampAuthority, time_stamp_authority

NOW = dt.datetime.now(dt.UTC)
SKEW = dt.timedelta(minutes=5)
DOCUMENT: dict[str, Any] = {"id": "urn:uuid:0f5b2a40-time-stamp", "type": ["Test"], "n": 1}
# A seal certificate valid for 30 days from yesterday: "later" is after it expired.
CREDS = self_signed_seal_certificate(
    "Uczelnia Testowa", "PL", valid_days=30, not_before=NOW - dt.timedelta(days=1)
)
LATER = NOW + dt.timedelta(days=90)
EU_SAMPLE = "Sample-MC-Annex1-signed.jsonld"


@pytest.fixture(scope="module")
def tsa(tmp_path_factory: pytest.TempPathFactory) -> TimeStampAuthority:
    """A TSA whose certificate is valid for ten years."""
    return time_stamp_authority(
        tmp_path_factory.mktemp("tsa"),
        not_before=NOW - dt.timedelta(days=1),
        not_after=NOW + dt.timedelta(days=3650),
    )


def _sealed(tsa: TimeStampAuthority | None = None) -> dict[str, Any]:
    sealed = seal(DOCUMENT, key=CREDS.key, certificates=CREDS.certificates)
    return sealed if tsa is None else add_signature_timestamp(sealed, tsa)


def _token(sealed: dict[str, Any]) -> str:
    (entry,) = sealed["signatures"][0]["header"]["etsiU"]
    decoded = json.loads(base64.urlsafe_b64decode(entry + "=" * (-len(entry) % 4)))
    value: str = decoded["sigTst"]["tstTokens"][0]["val"]
    return value


def _with_token(sealed: dict[str, Any], value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(sealed)
    entry = {"sigTst": {"tstTokens": [{"val": value}]}}
    changed["signatures"][0]["header"] = {"etsiU": [entry]}  # a plain object is read too
    return changed


# --- a seal outliving its certificate -------------------------------------------------


@pytest.mark.parametrize(
    ("key_type", "ess"), [("ec", "sha256"), ("rsa", "sha256"), ("rsa", "sha1")]
)
def test_time_stamped_seal_verifies_after_its_certificate_expired(
    tmp_path: Path, key_type: str, ess: str
) -> None:
    authority = time_stamp_authority(
        tmp_path, not_before=NOW - dt.timedelta(days=1), not_after=NOW + dt.timedelta(days=3650),
        key_type=key_type, ess=ess,
    )  # fmt: skip
    stamped_at = dt.datetime.now(dt.UTC)  # NOW is the module's import: a long run drifts
    sealed = _sealed(authority)
    today = verify_seal(sealed)
    assert today.verified, today.reason
    assert today.validated_at is None  # the certificate is still valid: no need
    (stamp,) = today.timestamps
    assert (stamp.status, stamp.authority) == ("valid", "Test TSA (Test Trust Services)")
    assert stamp.time is not None
    assert abs(stamp.time - stamped_at) < dt.timedelta(minutes=1)

    later = verify_seal(sealed, now=LATER)
    assert later.verified, later.reason
    assert later.indication is Indication.PASSED
    assert later.validated_at == stamp.time
    when = f"{stamp.time:%Y-%m-%dT%H:%M:%SZ}"
    ok = m.SEAL_VALID_AS_OF_TIMESTAMP(alg="ES256", signer="Uczelnia Testowa (PL)", when=when)
    assert (later.code, later.reason, later.reason_pl) == (m.SEAL_VALID.code, ok.en, ok.pl)
    warning = next(w for w in later.warnings if w.code == m.VALIDATED_AT_TIMESTAMP.code)
    expired = f"{CREDS.certificates[0].not_valid_after_utc:%Y-%m-%dT%H:%M:%SZ}"
    expected = m.VALIDATED_AT_TIMESTAMP(
        expired=expired, when=when, authority="Test TSA (Test Trust Services)"
    )
    assert (warning.reason, warning.reason_pl) == (expected.en, expected.pl)


def test_without_a_time_stamp_an_expired_seal_is_indeterminate() -> None:
    result = verify_seal(_sealed(), now=LATER)
    assert not result.verified
    assert result.indication is Indication.INDETERMINATE
    assert result.code == m.CERTIFICATE_EXPIRED.code
    assert m.NO_SIGNATURE_TIMESTAMP.en in result.reason
    assert result.document == DOCUMENT  # what it says is still reported


def test_time_stamp_authority_expired_too(tmp_path: Path) -> None:
    short = time_stamp_authority(
        tmp_path, not_before=NOW - dt.timedelta(days=1), not_after=NOW + dt.timedelta(days=60)
    )
    sealed = _sealed(short)
    assert verify_seal(sealed, now=NOW + dt.timedelta(days=45)).verified  # TSA still valid
    result = verify_seal(sealed, now=LATER)  # both certificates have expired
    assert result.indication is Indication.INDETERMINATE
    (stamp,) = result.timestamps
    assert (stamp.status, stamp.code) == ("unconfirmed", ts.TSA_CERTIFICATE_EXPIRED.code)
    assert "Test TSA (Test Trust Services)" in result.reason
    assert stamp.describe("en") in result.reason
    assert stamp.describe("pl") in result.reason_pl


def test_time_stamp_over_another_seal_proves_nothing(tsa: TimeStampAuthority) -> None:
    other = _sealed(tsa)
    mine = _with_token(_sealed(), _token(other))
    result = verify_seal(mine, now=LATER)
    assert result.indication is Indication.INDETERMINATE
    assert result.timestamps[0].code == ts.IMPRINT_MISMATCH.code
    assert ts.IMPRINT_MISMATCH.en in result.reason
    assert verify_seal(mine).verified  # while the certificate is valid: a warning only
    warnings = [w.code for w in verify_seal(mine).warnings]
    assert f"timestamp_{ts.IMPRINT_MISMATCH.code}" in warnings


def test_tampered_tokens_never_prove_anything_else(tsa: TimeStampAuthority) -> None:
    sealed = _sealed(tsa)
    original = verify_seal(sealed, now=LATER).timestamps[0]
    der = bytearray(base64.b64decode(_token(sealed)))
    codes = set()
    # Flip one byte at a time over the whole token. Parts outside the TSA's signature
    # (SignedData's version and digest-algorithm list) may change without effect, but
    # nothing changed can make the token prove another time or another authority.
    for index in range(len(der)):
        changed = bytearray(der)
        changed[index] ^= 0x01
        result = verify_seal(_with_token(sealed, base64.b64encode(changed).decode()), now=LATER)
        (stamp,) = result.timestamps
        codes.add(stamp.code)
        if stamp.status == "valid":
            assert (stamp.time, stamp.authority) == (original.time, original.authority), index
        else:
            assert result.indication is Indication.INDETERMINATE, index
    assert {
        ts.MALFORMED_TIMESTAMP.code,
        ts.BAD_TIMESTAMP_SIGNATURE.code,
        ts.IMPRINT_MISMATCH.code,
    } <= codes


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("not base64!", ts.MALFORMED_TIMESTAMP.code),
        (base64.b64encode(b"\x30\x03\x02\x01\x01").decode(), ts.MALFORMED_TIMESTAMP.code),
        (None, ts.MALFORMED_TIMESTAMP.code),
        ("A" * (300 * 1024), ts.MALFORMED_TIMESTAMP.code),
    ],
)
def test_unreadable_tokens(value: Any, code: str) -> None:
    result = verify_seal(_with_token(_sealed(), value), now=LATER)
    assert result.indication is Indication.INDETERMINATE
    assert result.timestamps[0].code == code


def test_time_stamp_dated_after_now(tsa: TimeStampAuthority) -> None:
    sealed = _sealed(tsa)
    (stamp,) = check_signature_timestamps(
        sealed["signatures"][0]["header"], sealed["signatures"][0]["signature"],
        NOW - dt.timedelta(hours=1), SKEW,
    )  # fmt: skip
    assert (stamp.status, stamp.code) == ("invalid", ts.TIME_IN_FUTURE.code)


def test_add_signature_timestamp_refuses_what_is_not_a_seal(tsa: TimeStampAuthority) -> None:
    with pytest.raises(SealError, match="one signature"):
        add_signature_timestamp({"payload": "{}"}, tsa)
    sealed = _sealed()
    stamped = add_signature_timestamp(sealed, tsa)
    assert "etsiU" in stamped["signatures"][0]["header"]
    assert "header" not in sealed["signatures"][0]  # the original is left alone


# --- the EU samples' own time-stamp ---------------------------------------------------


def test_eu_sample_time_stamp(shared: Path) -> None:
    sample = json.loads((shared / "vectors/edc-examples" / EU_SAMPLE).read_text())
    member = sample["signatures"][0]
    then = dt.datetime(2023, 10, 1, tzinfo=dt.UTC)
    (stamp,) = check_signature_timestamps(member["header"], member["signature"], then, SKEW)
    assert (stamp.status, stamp.code) == ("valid", ts.TIMESTAMP_CHECKED.code)
    assert stamp.time == dt.datetime(2023, 9, 27, 11, 54, 20, tzinfo=dt.UTC)
    assert stamp.authority_not_after == dt.datetime(2023, 12, 13, 16, 3, 43, tzinfo=dt.UTC)
    other = member["signature"][:-4] + "AAAA"
    (wrong,) = check_signature_timestamps(member["header"], other, then, SKEW)
    assert wrong.code == ts.IMPRINT_MISMATCH.code


def test_verify_report_of_an_expired_eu_sample_today(shared: Path) -> None:
    """Today the EU's samples are indeterminate: signature valid, certificate expired,
    their time-stamp's authority expired too; everything else is still reported."""
    report = verify((shared / "vectors/edc-examples" / EU_SAMPLE).read_bytes())
    assert report.result is Result.INDETERMINATE
    assert not report.verified
    signature, proof = report.check("signature"), report.check("proof")
    assert signature is not None
    assert signature.status is CheckStatus.PASS
    assert "sealed content is unmodified" in signature.en
    assert proof is not None
    assert proof.status is CheckStatus.INDETERMINATE
    assert "2025-05-10" in proof.en
    assert report.verdict == "incomplete"
    assert report.eu_elements["title"] == "present"
    codes = [c.code for c in report.checks]
    assert m.TRUST_LIST_NOT_CHECKED.code in codes
    assert report.to_dict()["result"] == "indeterminate"


def test_verify_report_of_a_time_stamped_edc_after_expiry(tsa: TimeStampAuthority) -> None:
    report = verify(_sealed(tsa), now=LATER)
    proof = report.check("proof")
    assert proof is not None
    assert proof.status is CheckStatus.PASS, proof.en
    assert "as of its time-stamp" in proof.en
    assert report.check("signature") is None  # one proof line when it passes


@pytest.fixture(scope="module")
def stamped(tsa: TimeStampAuthority) -> tuple[dict[str, Any], bytes]:
    """One seal and its time-stamp token, made once (the fuzzer needs the same bytes)."""
    sealed = _sealed(tsa)
    return sealed, base64.b64decode(_token(sealed))


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(data=st.data())
def test_fuzz_token_never_raises(
    stamped: tuple[dict[str, Any], bytes], data: st.DataObject
) -> None:
    sealed, token = stamped
    der = bytearray(token)
    for _ in range(data.draw(st.integers(1, 4))):
        index = data.draw(st.integers(0, len(der) - 1))
        der[index] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(1, len(der)))
    value = base64.b64encode(bytes(der[:cut])).decode()
    result = verify_seal(_with_token(sealed, value), now=LATER)
    assert result.timestamps[0].status in ("valid", "unconfirmed", "invalid")
    assert result.indication is not Indication.PASSED or result.timestamps[0].status == "valid"
