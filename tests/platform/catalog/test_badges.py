"""Badge images: a PNG within the size and pixel limits is kept as uploaded, an SVG only
as sanitised; a bomb, a wrong type or an oversized file is refused with the reason and
the badge stays as it was; a design without one shows a generated badge."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from microcred.platform.catalog import messages as m
from microcred.platform.catalog.badges import (
    MAX_BADGE_BYTES,
    MAX_BADGE_SIDE,
    badge_checked,
    badge_generated,
)
from microcred.platform.catalog.models import Design
from microcred.platform.catalog.services import design_badge_set, design_import
from microcred.platform.core.errors import InvalidInputError, PermissionDeniedError
from microcred.platform.providers.models import Provider
from microcred.standard import designfile

from ...conftest import EXAMPLES
from ..conftest import NOW, admin_of, log_in

GOOD = (EXAMPLES / "python-basics.yaml").read_text(encoding="utf-8")
EVIL_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    b'onload="alert(1)" width="64" height="64"><script>alert(2)</script>'
    b'<a href="javascript:alert(3)"><rect width="64" height="64" '
    b'fill="url(https://evil.example/x)" onclick="alert(4)"/></a><image xlink:href="https://evil.example/track.png"/>'
    b"<foreignObject><p>html</p></foreignObject><circle r='10' fill='#0b5cad'/></svg>"
)


def png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), "#0b5cad").save(out, format="PNG")
    return out.getvalue()


def bomb(width: int = 60_000, height: int = 60_000) -> bytes:
    """A valid PNG header claiming a huge image over a tiny compressed stream."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)  # fmt: skip

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    rows = zlib.compress(b"\0" * 1000)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(
        b"IEND", b"")  # fmt: skip


def test_a_png_within_the_limits_is_kept_as_it_is() -> None:
    image = png(256, 256)
    assert badge_checked(image) == (image, "image/png")


def test_a_png_bomb_is_refused_by_its_header_without_decoding() -> None:
    with pytest.raises(InvalidInputError) as raised:
        badge_checked(bomb())
    assert raised.value.code == m.BADGE_TOO_MANY_PIXELS.code
    with pytest.raises(InvalidInputError) as wide:
        badge_checked(png(MAX_BADGE_SIDE + 1, 8))
    assert wide.value.code == m.BADGE_TOO_MANY_PIXELS.code


def test_a_broken_png_or_another_type_is_refused_with_a_reason() -> None:
    image = png(64, 64)
    for bad in (image[:60], image[:40] + b"x" * 20 + image[60:], b"GIF89a....",
                b"\xff\xd8\xff\xe0 jpeg", b"<html><body>hi</body></html>",
                b"<?xml version='1.0'?><note>no svg</note>"):  # fmt: skip
        with pytest.raises(InvalidInputError) as raised:
            badge_checked(bad)
        assert raised.value.code == m.BADGE_WRONG_TYPE.code, bad[:20]
        assert raised.value.text("pl") != raised.value.text("en")
    with pytest.raises(InvalidInputError) as large:
        badge_checked(b"\x89PNG\r\n\x1a\n" + b"\0" * MAX_BADGE_BYTES)
    assert large.value.code == m.BADGE_TOO_LARGE.code


def test_an_svg_keeps_its_drawing_and_loses_everything_active() -> None:
    clean, media_type = badge_checked(EVIL_SVG)
    assert media_type == "image/svg+xml"
    text = clean.decode()
    for gone in ("script", "alert", "onload", "onclick", "javascript:", "foreignObject",
                 "evil.example", "<p>"):  # fmt: skip
        assert gone not in text, gone
    assert "<circle" in text
    assert "<rect" in text


def test_an_svg_with_entities_or_a_dtd_is_refused() -> None:
    laughs = (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">'
              b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
              b'<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>')  # fmt: skip
    for bad in (laughs, b"<svg xmlns='http://www.w3.org/2000/svg'><rect></svg>"):
        with pytest.raises(InvalidInputError) as raised:
            badge_checked(bad)
        assert raised.value.code == m.BADGE_WRONG_TYPE.code


def test_a_generated_badge_is_an_svg_the_checks_accept() -> None:
    spec = designfile.loads(GOOD)
    image = badge_generated(spec, "pl", seed=3)
    assert badge_checked(image)[1] == "image/svg+xml"
    assert "Podstawy" in image.decode()
    assert "ECTS" in image.decode()


@pytest.mark.django_db
def test_upload_show_clear_and_keep_providers_apart(provider_a: Provider,
                                                   provider_b: Provider) -> None:  # fmt: skip
    version = design_import(user=admin_of(provider_a), provider=provider_a, text=GOOD, now=NOW)
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    log_in(client, admin_of(provider_a).email)
    url = f"/designs/versions/{version.pk}/badge/"
    shown = client.get(f"/designs/{version.design_id}/badge")
    assert shown["Content-Type"] == "image/svg+xml"
    assert "default-src 'none'" in shown["Content-Security-Policy"]
    upload = SimpleUploadedFile("badge.svg", EVIL_SVG, content_type="image/svg+xml")
    assert client.post(url, {"image": upload}).status_code == 302
    design = Design.objects.get()
    assert design.badge_type == "image/svg+xml"
    assert b"script" not in bytes(design.badge)
    wrong = SimpleUploadedFile("badge.png", b"GIF89a", content_type="image/png")
    refused = client.post(url, {"image": wrong})
    assert refused.status_code == 422
    assert "PNG or an SVG" in refused.content.decode()
    assert bytes(Design.objects.get().badge) == bytes(design.badge)  # unchanged
    other = Client()
    log_in(other, admin_of(provider_b).email)
    assert other.get(f"/designs/{version.design_id}/badge").status_code == 404
    image = SimpleUploadedFile("b.png", png(8, 8), content_type="image/png")
    assert other.post(url, {"image": image}).status_code == 404
    with pytest.raises(PermissionDeniedError):
        design_badge_set(user=admin_of(provider_b), design=design, data=png(8, 8), now=NOW)
    assert Design.objects.get().badge_type == "image/svg+xml"
    assert client.post(url, {"action": "clear"}).status_code == 302
    assert Design.objects.get().badge_type == ""
