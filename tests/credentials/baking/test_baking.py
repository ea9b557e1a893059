"""Baking: PNG iTXt and SVG element round trips, the image left intact, hostile images."""

from __future__ import annotations

import datetime as dt
import io
import json
import zlib

import png
import pytest

from microcred.credentials.baking import bake, extract
from microcred.credentials.baking.png import KEYWORD
from microcred.credentials.data_integrity import sign
from microcred.credentials.errors import BakingError
from microcred.credentials.keys import KeyPair
from microcred.credentials.verify import verify

from ..verify.test_verify import SIGNED

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
CREDENTIAL = json.dumps(SIGNED, ensure_ascii=False)


def _png(width: int = 4, height: int = 3) -> bytes:
    out = io.BytesIO()
    rows = [[(x * 40 + y * 10) % 256 for x in range(width * 3)] for y in range(height)]
    png.Writer(width, height, greyscale=False).write(out, rows)
    return out.getvalue()


SVG = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120">'
    '<circle cx="60" cy="60" r="50" fill="#1a5fb4"/><text x="30" y="65">Python</text></svg>'
)


def _pixels(image: bytes) -> list[list[int]]:
    _, _, rows, _ = png.Reader(bytes=image).read()
    return [list(row) for row in rows]


def test_png_round_trip_keeps_the_pixels() -> None:
    image = _png()
    baked = bake(image, CREDENTIAL)
    assert extract(baked) == CREDENTIAL
    assert _pixels(baked) == _pixels(image)
    assert verify(baked, now=NOW).verified
    assert verify(baked, now=NOW).format == "png"


def test_png_chunk_is_uncompressed_itxt_with_the_ob3_keyword() -> None:
    baked = bake(_png(), CREDENTIAL)
    chunks = [(k, d) for k, d in png.Reader(bytes=baked).chunks() if k == b"iTXt"]
    assert len(chunks) == 1
    data = chunks[0][1]
    assert data.startswith(KEYWORD + b"\x00\x00\x00")  # keyword, no compression, method 0
    assert chunks[0] == next(c for c in png.Reader(bytes=baked).chunks() if c[0] == b"iTXt")


def test_rebaking_replaces_the_old_credential() -> None:
    other = sign({k: v for k, v in SIGNED.items() if k != "proof"}, KeyPair.generate())
    baked = bake(bake(_png(), CREDENTIAL), json.dumps(other))
    assert json.loads(extract(baked))["proof"] == other["proof"]


def _with_extra_chunk(image: bytes, data: bytes) -> bytes:
    chunks = list(png.Reader(bytes=image).chunks())
    chunks.insert(len(chunks) - 1, (b"iTXt", data))
    out = io.BytesIO()
    png.write_chunks(out, chunks)
    return out.getvalue()


def test_png_with_two_credential_chunks_is_refused() -> None:
    baked = _with_extra_chunk(bake(_png(), CREDENTIAL), KEYWORD + b"\x00\x00\x00\x00\x00{}")
    with pytest.raises(BakingError) as caught:
        extract(baked)
    assert caught.value.code == "multiple_credentials"
    report = verify(baked, now=NOW)
    assert (report.verified, report.checks[0].code) == (False, "multiple_credentials")
    assert "więcej niż jedno" in report.checks[0].pl


def test_compressed_credential_chunk_is_refused() -> None:
    data = KEYWORD + b"\x00\x01\x00\x00\x00" + zlib.compress(CREDENTIAL.encode())
    with pytest.raises(BakingError, match="uncompressed"):
        extract(_with_extra_chunk(_png(), data))


@pytest.mark.parametrize(
    "image",
    [_png(), b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, b"\x89PNG\r\n\x1a\ngarbage"],
    ids=["no-credential", "truncated", "garbage"],
)
def test_png_without_a_readable_credential(image: bytes) -> None:
    report = verify(image, now=NOW)
    assert not report.verified
    assert report.format == "png"
    assert report.checks[0].status.value == "fail"


def test_svg_round_trip() -> None:
    baked = bake(SVG.encode(), CREDENTIAL)
    assert b"openbadges:credential" in baked
    assert b'xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"' in baked
    assert extract(baked) == CREDENTIAL
    assert b"<circle" in baked
    report = verify(baked, now=NOW)
    assert report.verified
    assert report.format == "svg"


XML = '<?xml version="1.0"?>'
NS = 'xmlns="http://www.w3.org/2000/svg"'
OB = 'xmlns:o="https://purl.imsglobal.org/ob/v3p0"'


@pytest.mark.parametrize(
    ("svg", "code"),
    [
        (f'{XML}<!DOCTYPE svg [<!ENTITY x "boom">]><svg {NS}>&x;</svg>', "unsafe_svg"),
        (f'{XML}<!DOCTYPE svg SYSTEM "http://ex.org/e.dtd"><svg {NS}>&x;</svg>', "unsafe_svg"),
        (f"<svg {NS}></svg>", "no_credential"),
        (f"<svg {NS} {OB}><o:credential>{{}}</o:credential><o:credential>{{}}</o:credential></svg>",
         "multiple_credentials"),
        ("<svg><unclosed></svg>", "baking_error"),
    ],
    ids=["entity", "external-dtd-entity", "no-credential", "two-credentials", "malformed"],
)  # fmt: skip
def test_hostile_or_empty_svg(svg: str, code: str) -> None:
    with pytest.raises(BakingError) as caught:
        extract(svg.encode())
    assert caught.value.code == code
    report = verify(svg.encode(), now=NOW)
    assert (report.verified, report.checks[0].code) == (False, code)


def test_billion_laughs_svg_is_refused_quickly() -> None:
    entities = "".join(
        f'<!ENTITY l{i} "{"&l" + str(i - 1) + ";" * 10 if i else "lol"}">' for i in range(10)
    )
    svg = f'<?xml version="1.0"?><!DOCTYPE svg [{entities}]><svg xmlns="http://www.w3.org/2000/svg">&l9;</svg>'
    with pytest.raises(BakingError) as caught:
        extract(svg.encode())
    assert caught.value.code == "unsafe_svg"


def test_neither_png_nor_svg() -> None:
    with pytest.raises(BakingError, match="neither PNG nor SVG"):
        bake(b"GIF89a....", CREDENTIAL)
