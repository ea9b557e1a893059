"""How a printed certificate sends its reader to verification: the QR code's address,
``{base}/verify/{credential id}`` (a placeholder that never resolves when no base is
known), and a footer that names the PDF's own file and every credential it carries."""

from __future__ import annotations

import io
import json
from functools import cache
from typing import Any

import pypdf
import pytest

from microcred.credentials.data_integrity import sign
from microcred.credentials.keys import KeyPair
from microcred.credentials.ob3 import to_ob3
from microcred.credentials.render import RenderError, render_pdf
from microcred.credentials.render.pdf import PLACEHOLDER_VERIFICATION_BASE, verification_url
from microcred.standard.elements import Award

from ...conftest import example_award

URL = "https://ckw.example.edu.pl/verify/urn:uuid:3f9c2a71-5b0e-4d7e-9a51-2c4e8f1d6b20"
EDC = json.dumps({"@context": "http://data.europa.eu/snb/model/context/edc-ap"}).encode()


@cache
def _award() -> Award:
    return example_award("python-basics.yaml")


@cache
def _signed() -> bytes:
    key = KeyPair.generate()
    return json.dumps(sign(to_ob3(_award(), issuer_id=key.did_key), key)).encode()


def _text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def _render(**changes: Any) -> bytes:
    arguments: dict[str, Any] = {
        "credentials": {"credential-ob3.json": _signed()},
        "verification_url": URL,
        "lang": "en",
    }
    return render_pdf(_award(), **(arguments | changes))


# --- the footer ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("pl", "Zweryfikuj: zeskanuj kod QR lub uruchom microcred verify certyfikat.pdf "),
        ("en", "Verify: scan the QR code or run microcred verify certificate.pdf "),
    ],
)
def test_without_a_file_name_the_footer_names_the_usual_one(lang: str, line: str) -> None:
    assert line in _text(_render(lang=lang))


@pytest.mark.parametrize(
    ("file_name", "shown"),
    [
        ("anna-kowalska.pdf", "microcred verify anna-kowalska.pdf"),
        ("Anna Kowalska — Python.pdf", "microcred verify 'Anna Kowalska — Python.pdf'"),
        ("it's.pdf", "microcred verify 'it'\"'\"'s.pdf'"),
    ],
)
def test_the_footer_names_the_file_quoted_for_a_shell(file_name: str, shown: str) -> None:
    text = _text(_render(file_name=file_name))
    assert f"Verify: scan the QR code or run {shown} " in text
    assert "certificate.pdf" not in text


def test_the_footer_names_every_attached_credential() -> None:
    one = _text(_render())
    assert "This PDF carries the signed digital credential: credential-ob3.json." in one
    both = {"credential-ob3.json": _signed(), "credential-edc.jsonld": EDC}
    english = _text(_render(credentials=both))
    assert (
        "This PDF carries the signed digital credentials: credential-edc.jsonld, "
        "credential-ob3.json." in english
    )
    polish = _text(_render(credentials=both, lang="pl"))
    assert (
        "Plik PDF zawiera podpisane poświadczenia cyfrowe: credential-edc.jsonld, "
        "credential-ob3.json." in polish
    )


def test_the_footer_shows_the_verification_url() -> None:
    assert URL in _text(_render()).replace(" ", "")


@pytest.mark.parametrize(
    "file_name", ["../certyfikat.pdf", "C:\\certyfikat.pdf", "certyfikat\n.pdf", " ", "a" * 121]
)
def test_a_file_name_that_is_not_a_plain_name_is_refused(file_name: str) -> None:
    with pytest.raises(RenderError) as caught:
        _render(file_name=file_name)
    assert caught.value.code == "invalid_input"


# --- the verification URL --------------------------------------------------------------


@pytest.mark.parametrize(
    ("credential_id", "base", "url"),
    [
        ("urn:uuid:85693c77-e89e-4a0a-bd80-fc2a1af8f8df", "https://uni.example",
         "https://uni.example/verify/urn:uuid:85693c77-e89e-4a0a-bd80-fc2a1af8f8df"),
        ("urn:uuid:1", "https://uni.example/microcred/",
         "https://uni.example/microcred/verify/urn:uuid:1"),
        ("https://uni.example/c/42?x=1#y", "https://v.example",
         "https://v.example/verify/https:%2F%2Funi.example%2Fc%2F42%3Fx%3D1%23y"),
        ("urn:x:zażółć 100%", "http://localhost:8000",
         "http://localhost:8000/verify/urn:x:za%C5%BC%C3%B3%C5%82%C4%87%20100%25"),
    ],
)  # fmt: skip
def test_the_verification_url_is_base_verify_id(credential_id: str, base: str, url: str) -> None:
    assert verification_url(credential_id, base) == url


def test_without_a_base_the_url_is_a_placeholder_that_never_resolves() -> None:
    assert PLACEHOLDER_VERIFICATION_BASE == "https://verification-base.invalid"  # RFC 6761 §6.4
    assert verification_url("urn:uuid:1") == "https://verification-base.invalid/verify/urn:uuid:1"


@pytest.mark.parametrize(
    ("credential_id", "base"),
    [
        ("", "https://uni.example"),
        ("  ", "https://uni.example"),
        ("urn:uuid:1", "ftp://uni.example"),
        ("urn:uuid:1", "uni.example"),
        ("urn:uuid:1", "https://uni.example/?a=1"),
        ("urn:uuid:1", "https://uni.example/#top"),
        ("urn:uuid:1", "https://"),
        ("urn:uuid:1", "https://user@uni.example"),
        ("urn:uuid:1", "https://uni.example/a b"),
    ],
)
def test_an_empty_id_or_a_bad_base_is_refused(credential_id: str, base: str) -> None:
    with pytest.raises(RenderError) as caught:
        verification_url(credential_id, base)
    assert caught.value.code == "invalid_input"
