"""Reading the credentials attached to a PDF someone sent (``baking.extract_pdf``): real
certificates give their attachments back byte for byte; hostile PDFs — not a PDF, none
attached, huge, bombs, damaged, modified — each give one :class:`BakingError` code, never
another exception; and the reader's limits cover what the renderer writes."""

from __future__ import annotations

import io
import json
import random
import re
import zlib
from functools import cache
from pathlib import Path
from typing import Any

import pypdf
import pytest

from microcred.credentials.baking import extract_pdf
from microcred.credentials.baking import pdf as reading
from microcred.credentials.data_integrity import sign, verify_proof
from microcred.credentials.errors import BakingError, CredentialError
from microcred.credentials.keys import KeyPair
from microcred.credentials.ob3 import to_ob3
from microcred.credentials.render import pdf as rendering
from microcred.credentials.render import render_pdf

from ...conftest import EXAMPLES, example_award

KEY = KeyPair.generate()
URL = "https://ckw.example.edu.pl/v/3f9c2a71-5b0e-4d7e-9a51-2c4e8f1d6b20"
EDC = json.dumps({"@context": "http://data.europa.eu/snb/model/context/edc-ap", "x": "ż"}).encode()


@cache
def _signed(path: Path) -> bytes:
    credential = sign(to_ob3(example_award(path), issuer_id=KEY.did_key), KEY)
    return json.dumps(credential, ensure_ascii=False).encode("utf-8")


@cache
def _certificate(path: Path, lang: str) -> bytes:
    credentials = {"credential-ob3.json": _signed(path), "credential-edc.jsonld": EDC}
    return render_pdf(example_award(path), credentials=credentials, verification_url=URL, lang=lang)


def test_what_the_renderer_writes_the_reader_reads() -> None:
    assert rendering.MAX_ATTACHMENTS <= reading.MAX_ATTACHMENTS
    assert rendering.MAX_ATTACHMENT_BYTES <= reading.MAX_BYTES
    pdf = _certificate(EXAMPLES / "python-basics.yaml", "en")
    assert extract_pdf(pdf) == {
        "credential-ob3.json": _signed(EXAMPLES / "python-basics.yaml"),
        "credential-edc.jsonld": EDC,
    }


def _pdf(objects: dict[int, bytes], trailer: bytes = b"") -> bytes:
    """A PDF with these objects (number -> body), a correct xref table, catalog 1."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += (
            b"%010d 00000 n \n" % offsets[number]
            if number in offsets
            else (b"0000000000 65535 f \n")
        )
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        size,
        trailer,
        xref,
    )
    return bytes(out)


def _stream(data: bytes, *, extra: bytes = b"", flate: bool = True) -> bytes:
    body = zlib.compress(data) if flate else data
    filters = b"/Filter /FlateDecode " if flate else b""
    return b"<< /Type /EmbeddedFile %s%s/Length %d >>\nstream\n%s\nendstream" % (
        filters,
        extra,
        len(body),
        body,
    )


def _with_files(*files: tuple[bytes, bytes]) -> bytes:
    """A PDF whose /EmbeddedFiles name tree lists ``(name, stream object)`` pairs."""
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 3 0 R >> >>",
        2: b"<< /Type /Pages /Kids [] /Count 0 >>",
    }
    names = b""
    for i, (name, stream) in enumerate(files):
        number = 10 + 2 * i
        objects[number] = stream
        objects[number + 1] = b"<< /Type /Filespec /F (%s) /UF (%s) /EF << /F %d 0 R >> >>" % (
            name,
            name,
            number,
        )
        names += b"(%s) %d 0 R " % (name, number + 1)
    objects[3] = b"<< /Names [%s] >>" % names
    return _pdf(objects)


def _code(pdf: Any, **limits: int) -> str:
    with pytest.raises(BakingError) as caught:
        extract_pdf(pdf, **limits)
    assert isinstance(caught.value, CredentialError)
    return caught.value.code


def test_a_hand_made_pdf_with_an_attachment_is_read() -> None:
    assert extract_pdf(_with_files((b"a.json", _stream(b'{"a": 1}')))) == {"a.json": b'{"a": 1}'}


@pytest.mark.parametrize(
    "data",
    [b"", b"hello", b"\x89PNG\r\n\x1a\n" + b"0" * 100, b" " * 2000 + b"%PDF-1.7", "%PDF-1.7"],
    ids=["empty", "text", "png", "header-too-late", "str"],
)
def test_not_a_pdf(data: Any) -> None:
    assert _code(data) == "not_a_pdf"


def test_no_attachments() -> None:
    catalog_only = _pdf({1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: b"<< /Type /Pages >>"})
    assert _code(catalog_only) == "no_attachments"
    names_without_files = _pdf({1: b"<< /Type /Catalog /Names << /Dests 5 0 R >> >>"})
    assert _code(names_without_files) == "no_attachments"


def test_too_large() -> None:
    pdf = _certificate(EXAMPLES / "python-basics.yaml", "pl")
    assert _code(pdf, max_bytes=len(pdf) - 1) == "too_large"
    assert _code(pdf, max_attachments=1) == "too_large"
    bomb = _with_files((b"bomb.json", _stream(b"\0" * 50_000_000)))  # 50 MB in ~50 KB
    assert len(bomb) < 100_000
    assert _code(bomb) == "too_large"
    declared = _with_files((b"a.json", b"<< /Length 99999999999 >>\nstream\n0123456789\nendstream"))
    assert _code(declared) == "too_large"
    many = _with_files(*[(b"f%d" % i, _stream(b"x")) for i in range(40)])
    assert _code(many) == "too_large"
    filters = b"<< /Filter [%s] /Length 4 >>\nstream\nabcd\nendstream" % (b"/FlateDecode " * 100)
    assert _code(_with_files((b"a.json", filters))) == "too_large"


_A = b"a.json"
_CHECKSUM = b"/Params << /CheckSum <00112233445566778899aabbccddeeff> >> "
_FILESPEC_WITHOUT_FILE = {
    1: b"<< /Type /Catalog /Names << /EmbeddedFiles << /Names [(a) 4 0 R] >> >> >>",
    4: b"<< /Type /Filespec /F (a) >>",
}
_DEEP = {1: b"<< /Type /Catalog /Names << /EmbeddedFiles << /Names %s >> >> >>" % (b"[" * 50_000)}
_ENCRYPTED = {
    1: b"<< /Type /Catalog >>",
    2: b"<< /Filter /Standard /V 1 /R 2 /O <00> /U <00> /P -4 >>",
}
MALFORMED = {
    "header-only": b"%PDF-1.7\n",
    "garbage": b"%PDF-1.7\n" + bytes(range(256)) * 50,
    "name-with-a-folder": _with_files((b"../evil.json", _stream(b"{}"))),
    "name-with-a-newline": _with_files((b"a.json\\n", _stream(b"{}"))),
    "duplicate-names": _with_files((_A, _stream(b"1")), (_A, _stream(b"2"))),
    "size-mismatch": _with_files((_A, _stream(b"abc", extra=b"/Params << /Size 5 >> "))),
    "checksum-mismatch": _with_files((_A, _stream(b"abc", extra=_CHECKSUM))),
    "broken-flate": _with_files(
        (_A, b"<< /Filter /FlateDecode /Length 10 >>\nstream\n0123456789\nendstream")
    ),
    "broken-ascii85": _with_files(
        (_A, b"<< /Filter /ASCII85Decode /Length 4 >>\nstream\n\xff\xfe\xfd\xfc\nendstream")
    ),
    "jbig2-never-run": _with_files(
        (_A, b"<< /Filter /JBIG2Decode /Length 4 >>\nstream\nabcd\nendstream")
    ),
    "filespec-without-file": _pdf(_FILESPEC_WITHOUT_FILE),
    "reference-cycle": _pdf({1: b"<< /Type /Catalog /Names 4 0 R >>", 4: b"5 0 R", 5: b"4 0 R"}),
    "deep-nesting": _pdf(_DEEP),
    "encrypted": _pdf(_ENCRYPTED, trailer=b"/Encrypt 2 0 R /ID [<00> <00>] "),
}


@pytest.mark.parametrize("pdf", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_pdf(pdf: bytes) -> None:
    assert _code(pdf) == "malformed_pdf"


def _attachment_stream_offset(pdf: bytes, name: str) -> int:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    entry = next(e for e in reader.attachment_list if e.name == name)
    number = entry.pdf_object["/EF"].raw_get("/F").idnum
    start = re.search(rb"(?<!\d)%d 0 obj" % number, pdf)
    assert start is not None
    return pdf.index(b"stream", start.end()) + len(b"stream\n")


def test_a_changed_byte_in_an_attachment_is_malformed() -> None:
    pdf = _certificate(EXAMPLES / "python-basics.yaml", "pl")
    at = _attachment_stream_offset(pdf, "credential-ob3.json") + 40
    for flip in (0x01, 0x20, 0xFF):
        damaged = pdf[:at] + bytes([pdf[at] ^ flip]) + pdf[at + 1 :]
        assert _code(damaged) == "malformed_pdf"


def _rewritten(pdf: bytes, name: str, content: bytes, *, keep_checksum: bool) -> bytes:
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(pdf))
    entry = next(e for e in writer.attachment_list if e.name == name)
    entry.content = content
    entry.size = pypdf.generic.NumberObject(len(content))
    if not keep_checksum:
        entry.checksum = None
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_swapped_attachment_is_caught_by_its_checksum_or_by_the_proof() -> None:
    path = EXAMPLES / "python-basics.yaml"
    pdf = _certificate(path, "pl")
    credential = json.loads(_signed(path))
    credential["credentialSubject"]["achievement"]["name"] = "Something else"
    forged = json.dumps(credential, ensure_ascii=False).encode()

    stale = _rewritten(pdf, "credential-ob3.json", forged, keep_checksum=True)
    assert _code(stale) == "malformed_pdf"

    # A forger who also fixes the checksum gets the file out — and the proof fails.
    clean = _rewritten(pdf, "credential-ob3.json", forged, keep_checksum=False)
    attached = extract_pdf(clean)["credential-ob3.json"]
    assert attached == forged
    assert not verify_proof(json.loads(attached)).verified


def test_damaged_certificates_raise_only_baking_errors() -> None:
    # Fixed attachments, so that the PDF, and so each damaged copy, is the same every run.
    original = {"credential-ob3.json": b'{"proof": "z3FXQ"}' * 400, "credential-edc.jsonld": EDC}
    award = example_award(EXAMPLES / "python-basics.yaml")
    pdf = render_pdf(award, credentials=original, verification_url=URL, lang="en")
    rng = random.Random(20250620)  # noqa: S311 - reproducible damage, not a secret
    cases = [pdf[: len(pdf) * i // 40] for i in range(40)]
    for _ in range(150):
        damaged = bytearray(pdf)
        for _ in range(rng.choice((1, 3, 20))):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        cases.append(bytes(damaged))
    codes = set()
    survived = 0
    for case in cases:
        try:
            found = extract_pdf(case)
        except BakingError as error:
            codes.add(error.code)
        else:
            # The damage missed the attachments' bytes (it may have hit their names).
            assert sorted(found.values()) == sorted(original.values())
            survived += 1
    assert codes <= {"not_a_pdf", "malformed_pdf", "no_attachments", "too_large"}
    assert "malformed_pdf" in codes
    assert survived > 0  # some damage misses: the loop saw both outcomes
