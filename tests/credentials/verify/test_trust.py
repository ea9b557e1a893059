"""The ``trust`` check: the report names who signed and says plainly whether a trust
list vouches for them; only then is the issuer's name a fact."""

from __future__ import annotations

import datetime as dt
from typing import Any

from microcred.credentials.data_integrity import sign
from microcred.credentials.keys import KeyPair
from microcred.credentials.ob3 import to_ob3
from microcred.credentials.verify import (
    CheckStatus,
    Result,
    Signer,
    StaticTrustList,
    TrustEntry,
    verify,
)
from microcred.credentials.verify import messages as m

from ...conftest import example_award

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
KEY = KeyPair.generate()
SIGNED = sign(to_ob3(example_award(), issuer_id=KEY.did_key), KEY)
ISSUER_NAME = SIGNED["issuer"]["name"]


def _trust(report: Any) -> tuple[str, str]:
    check = report.check("trust")
    return str(check.status), check.code


def test_without_a_trust_list_the_signer_is_named_and_the_issuer_not_confirmed() -> None:
    report = verify(SIGNED, now=NOW)
    assert report.verified  # the signature is fine; who signed is not vouched for
    assert report.signer == Signer("did", KEY.did_key, key=KEY.verification_method)
    assert _trust(report) == ("warning", "not_checked")
    trust = report.check("trust")
    assert trust is not None
    assert KEY.did_key in trust.en
    assert trust.en.endswith(m.ISSUER_NOT_CONFIRMED.en)
    assert trust.pl.endswith(m.ISSUER_NOT_CONFIRMED.pl)
    assert not report.issuer_confirmed
    data = report.to_dict()
    assert data["issuer_confirmed"] is False
    assert data["signer"]["id"] == KEY.did_key


def test_a_trust_list_that_knows_the_signer_confirms_the_issuer() -> None:
    registry = StaticTrustList("Rejestr testowy", {KEY.did_key: ISSUER_NAME})
    report = verify(SIGNED, now=NOW, trust_list=registry)
    assert _trust(report) == ("pass", "confirmed")
    assert report.issuer_confirmed
    assert "Rejestr testowy" in report.check("trust").en  # type: ignore[union-attr]


def test_a_trust_list_that_does_not_know_the_signer_says_so() -> None:
    registry = StaticTrustList("Rejestr testowy", {"did:web:other.example": "Other"})
    report = verify(SIGNED, now=NOW, trust_list=registry)
    assert _trust(report) == ("warning", "not_in_trust_list")
    assert report.result is Result.VALID
    assert not report.issuer_confirmed


def test_a_registered_signer_claiming_another_name_is_not_confirmed() -> None:
    registry = StaticTrustList("Rejestr testowy", {KEY.did_key: "Politechnika Inna"})
    report = verify(SIGNED, now=NOW, trust_list=registry)
    assert _trust(report) == ("warning", "name_differs")
    assert "Politechnika Inna" in report.check("trust").en  # type: ignore[union-attr]
    assert not report.issuer_confirmed


def test_a_failing_trust_list_is_not_checked_never_a_crash() -> None:
    class Broken:
        name = "broken"

        def lookup(self, signer: Signer) -> TrustEntry | None:
            raise ConnectionError("down")

    report = verify(SIGNED, now=NOW, trust_list=Broken())
    assert _trust(report) == ("warning", "not_checked")
    assert "ConnectionError" in report.check("trust").en  # type: ignore[union-attr]


def test_no_valid_signature_no_signer_and_no_trust_claim() -> None:
    tampered = {**SIGNED, "name": "Something else"}
    registry = StaticTrustList("Rejestr testowy", {KEY.did_key: ISSUER_NAME})
    report = verify(tampered, now=NOW, trust_list=registry)
    assert report.signer is None
    assert report.check("trust").status is CheckStatus.NOT_APPLICABLE  # type: ignore[union-attr]
    assert not report.issuer_confirmed


def test_an_e_seal_names_its_certificate_subject(shared: Any) -> None:
    sealed = (shared / "vectors/edc-examples/Sample-MC-Annex1-signed.jsonld").read_bytes()
    report = verify(sealed, now=dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    assert report.signer is not None
    assert report.signer.kind == "seal"
    assert report.signer.name == "ORGANIZACION TEST"
    assert _trust(report) == ("warning", "not_checked")
    seal_signer = m.SEAL_SIGNER(name="ORGANIZACION TEST")
    assert report.signer.short("pl") == seal_signer.pl
    trust = report.check("trust")
    assert trust is not None
    assert trust.pl == m.TRUST_NOT_CHECKED.text("pl", who_pl=seal_signer.pl)
    assert report.check("e-seal") is not None  # the eIDAS trusted-list note stays separate
