"""PDF certificates: every example design renders in Polish and English with its Annex I
elements on the page and the credentials attached byte for byte (read back with
``baking.extract_pdf``, whose hostile PDFs are in ``tests/credentials/baking/test_pdf.py``);
a tagged PDF/A-3 with metadata; a caller's mistake is one :class:`RenderError`."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import pypdf
import pytest

from microcred.credentials.baking import extract_pdf
from microcred.credentials.data_integrity import sign, verify_proof
from microcred.credentials.errors import BakingError
from microcred.credentials.keys import KeyPair
from microcred.credentials.ob3 import to_ob3
from microcred.credentials.render import RenderError, render_pdf
from microcred.credentials.render._labels import (
    LEVEL_UNKNOWN_FRAMEWORK,
    NO_LEARNER,
    VERIFY_QR_CLI,
)
from microcred.standard.elements import Award

from ...conftest import EXAMPLES, best_grade, example_award

KEY = KeyPair.generate()
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))
URL = "https://ckw.example.edu.pl/v/3f9c2a71-5b0e-4d7e-9a51-2c4e8f1d6b20"
LEARNER = {
    "given_name": "Zofia Łucja",
    "family_name": "Źrebiątkowska-Nowak",
    "date_of_birth": "1990-04-02",
    "student_id": "123456",
}
EDC = json.dumps({"@context": "http://data.europa.eu/snb/model/context/edc-ap", "x": "ż"}).encode()
LOGO = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="100" height="100">'
    b'<circle cx="50" cy="50" r="46" fill="none" stroke="#1d3557" stroke-width="4"/></svg>'
)


def _award(path: Path, **changes: Any) -> Award:
    return example_award(path, **({"learner": LEARNER, "grade": best_grade(path)} | changes))


@cache
def _signed(path: Path) -> bytes:
    credential = sign(to_ob3(_award(path), issuer_id=KEY.did_key), KEY)
    return json.dumps(credential, ensure_ascii=False).encode("utf-8")


@cache
def _certificate(path: Path, lang: str) -> bytes:
    credentials = {"credential-ob3.json": _signed(path), "credential-edc.jsonld": EDC}
    return render_pdf(_award(path), credentials=credentials, verification_url=URL, lang=lang)


def _text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def _flat(text: str) -> str:
    return " ".join(text.split())


def _amount(value: Decimal, lang: str) -> str:
    text = format(value.normalize(), "f")
    return text.replace(".", ",") if lang == "pl" else text


# --- rendering -----------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["pl", "en"])
@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_every_example_renders_with_its_elements_and_attachments(path: Path, lang: str) -> None:
    pdf = _certificate(path, lang)
    assert pdf.startswith(b"%PDF-")
    assert extract_pdf(pdf) == {
        "credential-ob3.json": _signed(path),
        "credential-edc.jsonld": EDC,
    }
    spec = _award(path).spec
    text = _text(pdf)
    assert spec.title is not None
    assert _flat(spec.title.get(lang)) in text
    assert "Zofia Łucja Źrebiątkowska-Nowak" in text
    for outcome in spec.learning_outcomes:
        assert _flat(outcome.statement.get(lang))[:40] in text
    workload = spec.workload
    assert workload is not None
    if workload.ects is not None:
        assert f"{_amount(workload.ects, lang)} ECTS" in text
    if workload.hours is not None:
        unit = {"pl": "godz.", "en": "hour" if workload.hours == 1 else "hours"}[lang]
        assert f"{_amount(workload.hours, lang)} {unit}" in text
    if workload.description is not None:
        assert _flat(workload.description.get(lang)) in text
    for body in spec.awarding_bodies:
        assert _flat(body.name.get(lang)) in text
        assert body.country.label(lang) in text
    assert {"pl": "20 czerwca 2025 r.", "en": "20 June 2025"}[lang] in text
    assert URL in text.replace(" ", "") or URL.split("/v/")[0] in text


def test_the_page_names_every_annex_i_element_present() -> None:
    path = EXAMPLES / "machine-learning-university.yaml"
    text = _text(_certificate(path, "en")).upper()
    for label in [
        "LEARNING OUTCOMES",
        "AWARDING BODY",
        "COUNTRY/REGION OF THE ISSUER",
        "DATE OF ISSUE",
        "NOTIONAL WORKLOAD",
        "LEVEL (EQF, QF-EHEA)",
        "TYPE OF ASSESSMENT",
        "FORM OF PARTICIPATION",
        "QUALITY ASSURANCE",
        "PREREQUISITES",
        "SUPERVISION AND IDENTITY CHECK",
        "GRADE ACHIEVED",
        "INTEGRATION/STACKABILITY",
        "FURTHER INFORMATION",
    ]:
        assert label in text
    assert "QF-EHEA FIRST CYCLE" in text
    assert best_grade(path)["en"].upper() in text  # the scale's own name of the grade


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("pl", "microcred verify certyfikat.pdf"),
        ("en", "microcred verify certificate.pdf"),
    ],
)
def test_the_page_says_how_to_verify(lang: str, line: str) -> None:
    text = _text(_certificate(EXAMPLES / "python-basics.yaml", lang))
    assert f"{VERIFY_QR_CLI.text(lang)} {line}" in text


def test_rendering_is_deterministic() -> None:
    path = EXAMPLES / "python-basics.yaml"
    credentials = {"credential-ob3.json": _signed(path)}
    first = render_pdf(_award(path), credentials=credentials, verification_url=URL)
    again = render_pdf(_award(path), credentials=credentials, verification_url=URL)
    assert first == again


def test_a_tagged_pdf_a3_with_metadata_and_associated_files() -> None:
    path = EXAMPLES / "python-basics.yaml"
    reader = pypdf.PdfReader(io.BytesIO(_certificate(path, "pl")))
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "pl"
    assert catalog["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in catalog
    xmp = catalog["/Metadata"].get_object().get_data()
    assert b'pdfaid:part="3"' in xmp or b"<pdfaid:part>3</pdfaid:part>" in xmp
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Podstawy języka Python — Zofia Łucja Źrebiątkowska-Nowak"
    assert meta.author == "Politechnika Nadwiślańska — Centrum Kształcenia Ustawicznego"
    associated = [ref.idnum for ref in catalog["/AF"]]
    assert len(associated) == len(set(associated)) == 2
    for entry in reader.attachment_list:
        assert entry.pdf_object["/AFRelationship"] == "/Data"
    kinds = {e.name: e._embedded_file["/Subtype"] for e in reader.attachment_list}
    assert kinds == {
        "credential-ob3.json": "/application/json",
        "credential-edc.jsonld": "/application/ld+json",
    }


def test_the_attached_credential_still_verifies() -> None:
    path = EXAMPLES / "python-basics.yaml"
    attached = extract_pdf(_certificate(path, "pl"))["credential-ob3.json"]
    assert verify_proof(json.loads(attached)).verified


def test_a_logo_and_a_long_design_that_needs_a_second_page() -> None:
    path = EXAMPLES / "agile-project-management.yaml"
    award = _award(path)
    spec = award.spec.model_copy(update={"learning_outcomes": award.spec.learning_outcomes * 6})
    award = award.model_copy(update={"spec": spec})
    pdf = render_pdf(
        award,
        credentials={"credential-ob3.json": b"{}"},
        verification_url=URL,
        lang="en",
        logo=LOGO,
    )
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 2
    assert extract_pdf(pdf) == {"credential-ob3.json": b"{}"}


def test_a_level_without_its_framework_says_so() -> None:
    text = _text(_certificate(EXAMPLES / "digital-photography-draft.yaml", "pl"))
    assert LEVEL_UNKNOWN_FRAMEWORK.text("pl", value=4) in text


def test_an_award_with_almost_nothing_still_renders() -> None:
    award = Award.model_validate({"spec": {"title": {"en": "Bare"}}})
    pdf = render_pdf(award, credentials={}, verification_url=URL, lang="pl")
    text = _text(pdf)
    assert "Bare" in text
    assert NO_LEARNER.pl in text
    assert "microcred verify" not in text  # nothing attached, so only the QR code
    with pytest.raises(BakingError) as caught:
        extract_pdf(pdf)
    assert caught.value.code == "no_attachments"


def test_text_is_escaped_not_interpreted() -> None:
    path = EXAMPLES / "python-basics.yaml"
    learner = LEARNER | {"given_name": "<b>Ala", "family_name": "&amp; <script>Nowak"}
    award = _award(path, learner=learner)
    text = _text(render_pdf(award, credentials={}, verification_url=URL))
    assert "<b>Ala &amp; <script>Nowak" in text


@pytest.mark.parametrize(
    "changes",
    [
        {"lang": "de"},
        {"verification_url": "javascript:alert(1)"},
        {"verification_url": "file:///etc/passwd"},
        {"verification_url": "https://x.example/" + "a" * 2000},
        {"credentials": {"../evil.json": b"{}"}},
        {"credentials": {"evil.json\n": b"{}"}},
        {"credentials": {"a.json": b""}},
        {"credentials": {"a.json": "text, not bytes"}},
        {"credentials": {f"f{i}.json": b"{}" for i in range(17)}},
        {"credentials": {"big.json": b"0" * (10 * 1024 * 1024 + 1)}},
        {"logo": b"GIF89a..."},
        {"logo": b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "b">]><svg>&a;</svg>'},
        {"logo": b"<svg"},
        {"logo": b"\x89PNG\r\n\x1a\n" + b"0" * (2 * 1024 * 1024)},
    ],
    ids=lambda c: next(iter(c)),
)
def test_misuse_raises_invalid_input(changes: dict[str, Any]) -> None:
    arguments: dict[str, Any] = {"credentials": {}, "verification_url": URL} | changes
    with pytest.raises(RenderError) as caught:
        render_pdf(_award(EXAMPLES / "python-basics.yaml"), **arguments)
    assert caught.value.code == "invalid_input"
