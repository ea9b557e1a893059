"""Format detection: each kind of file a verifier is handed, told from its first bytes."""

from __future__ import annotations

import pytest

from microcred.credentials.formats import detect, is_jades

JWT = b"eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJkaWQ6a2V5In0.c2lnbmF0dXJl"
CASES = {
    "json": (b'{"@context": ["https://www.w3.org/ns/credentials/v2"]}', "json"),
    "json-array": (b"[1, 2]", "json"),
    "empty": (b"", "json"),
    "jwt": (JWT, "jwt"),
    "jwt-with-newline": (JWT + b"\n", "jwt"),
    "jwt-two-parts": (b"eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJkaWQ6a2V5In0", "json"),
    "png": (b"\x89PNG\r\n\x1a\n" + b"\0" * 20, "png"),
    "svg": (b'<svg xmlns="http://www.w3.org/2000/svg"/>', "svg"),
    "svg-xml-declaration": (b'<?xml version="1.0"?>\n<svg/>', "svg"),
    "svg-bom-doctype": (b"\xef\xbb\xbf<!DOCTYPE svg PUBLIC>", "svg"),
    "xml-not-svg": (b"<html><body/></html>", "json"),
    "pdf": (b"%PDF-1.7\n", "pdf"),
    "pdf-after-blanks": (b"\r\n  %PDF-1.4", "pdf"),
    "pdf-header-too-late": (b" " * 2000 + b"%PDF-1.7", "json"),
    "pdf-named-in-json": (b'{"note": "%PDF-1.7"}', "json"),
}


@pytest.mark.parametrize(("data", "expected"), CASES.values(), ids=CASES.keys())
def test_detect(data: bytes, expected: str) -> None:
    assert detect(data) == expected


def test_is_jades() -> None:
    assert is_jades({"payload": "{}", "signatures": []})
    assert not is_jades({"payload": "{}"})
    assert not is_jades({"@context": [], "signatures": []})
    assert not is_jades([{"payload": "{}", "signatures": []}])
