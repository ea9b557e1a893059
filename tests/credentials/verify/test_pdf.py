"""verify() on a printed certificate: every attached credential is verified offline."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from microcred.credentials.data_integrity import sign
from microcred.credentials.edc import to_edc
from microcred.credentials.jades import seal, self_signed_seal_certificate
from microcred.credentials.keys import KeyPair
from microcred.credentials.ob3 import to_ob3
from microcred.credentials.render import render_pdf
from microcred.credentials.verify import messages as m
from microcred.credentials.verify import verify
from microcred.standard.elements import Award

from ...conftest import example_award

KEY = KeyPair.generate()
NOW = None  # the seal is made now, so it is verified now


def _award() -> Award:
    learner = {"given_name": "Anna", "family_name": "Kowalska", "email": "a@example.org",
               "date_of_birth": "1990-04-02"}  # fmt: skip
    return example_award(learner=learner)


def _pdf(**credentials: bytes) -> bytes:
    url = "https://ckw.example.edu.pl/verify/1"
    return render_pdf(_award(), credentials=credentials, verification_url=url, lang="pl")


def _ob3() -> dict[str, Any]:
    return sign(to_ob3(_award(), issuer_id=KEY.did_key), KEY)


def _sealed_edc() -> dict[str, Any]:
    organisation = _award().spec.awarding_bodies[0].name.get("pl")
    credentials = self_signed_seal_certificate(
        organisation, "PL", valid_days=3650,
        not_before=dt.datetime(2025, 1, 1, tzinfo=dt.UTC),
    )  # fmt: skip
    return seal(to_edc(_award()), key=credentials.key, certificates=credentials.certificates)


def test_a_certificate_with_both_credentials_verifies_offline() -> None:
    pdf = _pdf(**{"credential-ob3.json": json.dumps(_ob3()).encode(),
                  "credential-edc.jsonld": json.dumps(_sealed_edc()).encode()})  # fmt: skip
    report = verify(pdf, now=NOW)
    assert report.verified, report.to_dict()
    assert report.format == "pdf+json"
    assert report.verdict == "micro-credential"
    assert (
        report.checks[0].en
        == m.PDF_ATTACHMENTS(count=2, names="credential-ob3.json, credential-edc.jsonld").en
    )  # the printed page itself is not signed, says the first check
    attachment = report.check("attachment credential-edc.jsonld")
    assert attachment is not None
    assert (attachment.status.value, attachment.code) == ("pass", "valid")
    assert attachment.pl == m.ATTACHMENT.text(
        "pl", name="credential-edc.jsonld", format="jades", result_pl=m.RESULT_VALID.pl.lower()
    )
    summary = report.summary("pl")
    assert summary["learner"] == "Anna Kowalska"
    assert summary["awarding_body"] == _award().spec.awarding_bodies[0].name.get("pl")


def test_a_sealed_edc_says_what_it_claims() -> None:
    report = verify(_sealed_edc(), now=NOW)
    assert report.verified, report.to_dict()
    award = _award()
    assert report.summary("en") == {
        "title": award.spec.title.get("en") if award.spec.title else None,
        "awarding_body": award.spec.awarding_bodies[0].name.get("en"),
        "learner": "Anna Kowalska", "issued_on": "2025-06-20", "valid_until": None,
    }  # fmt: skip


def test_a_credential_whose_proof_fails_fails_the_pdf() -> None:
    tampered = _ob3()
    tampered["credentialSubject"]["achievement"]["name"] = "Inny kurs"
    report = verify(_pdf(**{"credential-ob3.json": json.dumps(tampered).encode()}), now=NOW)
    assert not report.verified
    assert report.check("proof").code == "invalid_signature"  # type: ignore[union-attr]


def test_a_tampered_second_attachment_fails_the_pdf() -> None:
    edc = _sealed_edc()
    edc["payload"] = edc["payload"].replace("Kowalska", "Nowak")
    pdf = _pdf(**{"credential-ob3.json": json.dumps(_ob3()).encode(),
                  "credential-edc.jsonld": json.dumps(edc).encode()})  # fmt: skip
    report = verify(pdf, now=NOW)
    assert not report.verified
    attachment = report.check("attachment credential-edc.jsonld")
    assert attachment is not None
    assert attachment.status.value == "fail"


@pytest.mark.parametrize(
    ("data", "code"),
    [(b"%PDF-1.7\n%garbage\n", "malformed_pdf"), (b"%PDF-" + b"0" * 100, "malformed_pdf")],
    ids=["garbage", "header-only"],
)
def test_unreadable_pdfs_are_a_format_failure(data: bytes, code: str) -> None:
    report = verify(data, now=NOW)
    assert not report.verified
    assert report.checks[0].code == code
    assert report.format == "pdf"


def test_a_pdf_attached_to_a_pdf_is_not_opened() -> None:
    """An attachment is a credential: a PDF inside (which could hold PDFs in turn) is a
    format failure of that attachment, not a second round of PDF reading."""
    inner = _pdf(**{"credential-ob3.json": json.dumps(_ob3()).encode()})
    report = verify(_pdf(**{"credential-ob3.json": inner}), now=NOW)
    assert not report.verified
    assert report.format == "pdf+pdf"
    assert [(c.name, c.code) for c in report.checks[1:]] == [("format", "pdf_in_pdf")]


def test_a_pdf_as_text_is_read_as_a_pdf() -> None:
    report = verify("%PDF-1.7\n%garbage\n", now=NOW)
    assert (report.format, report.checks[0].code) == ("pdf", "malformed_pdf")


@pytest.mark.parametrize("content", [b"not json at all", b"[1, 2]", b'{"a": 1, "a": 2}'])
def test_an_unreadable_main_attachment_fails_the_pdf(content: bytes) -> None:
    report = verify(_pdf(**{"credential-ob3.json": content}), now=NOW)
    assert not report.verified
    assert report.checks[1].name == "format"
    assert report.checks[1].status.value == "fail"
