"""A design's badge image: an uploaded PNG or SVG checked before it is kept, or, when
none was uploaded, one generated from the design (its title, level and ECTS).

- Size: at most :data:`MAX_BADGE_BYTES`, refused before anything is parsed.
- PNG: Pillow reads the width and height from the header (``Image.open`` decodes no
  pixel), refuses more than :data:`MAX_BADGE_SIDE` on either side *before* decoding, then
  ``verify()`` checks the chunks' CRCs and a full ``load()`` under
  ``Image.MAX_IMAGE_PIXELS`` proves the data decodes: a decompression bomb is refused by
  its header, never inflated.
- SVG: parsed with defusedxml (no DTD, no entity expansion), the root must be ``<svg>``;
  then sanitised by svg-hush's allow-list (``py-svg-hush``: Cloudflare's filter, which
  keeps only known SVG elements and presentation attributes — no ``<script>``, event
  handlers, ``<foreignObject>``, external ``href`` or ``url()`` — and rewrites what it
  cannot keep); what it returns is parsed again, and the kept image is the sanitised one.
  The image is served with a ``Content-Security-Policy`` that runs nothing anyway.
- Anything else (JPEG, GIF, HTML, a PDF renamed ``.png``) is refused with the reason.
"""

from __future__ import annotations

__all__ = ["MAX_BADGE_BYTES", "MAX_BADGE_SIDE", "badge_checked", "badge_generated"]

import io
import struct
import textwrap
from xml.sax.saxutils import escape, quoteattr

import py_svg_hush
from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException
from PIL import Image, UnidentifiedImageError

from ...standard.elements import MicroCredentialSpec
from ..core.errors import InvalidInputError
from . import messages as m

#: the largest badge image accepted (bytes)
MAX_BADGE_BYTES = 1024 * 1024
#: the most pixels a PNG badge may have on either side
MAX_BADGE_SIDE = 2048
PNG, SVG = "image/png", "image/svg+xml"
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_SVG_NS = "{http://www.w3.org/2000/svg}svg"


def _wrong(en: str, pl: str) -> InvalidInputError:
    return InvalidInputError(m.BADGE_WRONG_TYPE, reason=en, reason_pl=pl)


def _png(data: bytes) -> bytes:
    try:
        with Image.open(io.BytesIO(data), formats=["PNG"]) as image:
            width, height = image.size
            if width > MAX_BADGE_SIDE or height > MAX_BADGE_SIDE:
                raise InvalidInputError(m.BADGE_TOO_MANY_PIXELS, width=width, height=height,
                                        limit=MAX_BADGE_SIDE)  # fmt: skip
            image.verify()
        with Image.open(io.BytesIO(data), formats=["PNG"]) as image:
            image.load()
    except InvalidInputError:
        raise
    except Image.DecompressionBombError as exc:  # refused by Pillow on opening: huge
        width, height = struct.unpack(">II", data[16:24])  # the IHDR chunk's first fields
        raise InvalidInputError(m.BADGE_TOO_MANY_PIXELS, width=width, height=height,
                                limit=MAX_BADGE_SIDE) from exc  # fmt: skip
    except ( UnidentifiedImageError, OSError, SyntaxError,
            ValueError) as exc:  # fmt: skip
        raise _wrong(f"the PNG cannot be read: {exc}",
                     f"nie można odczytać pliku PNG: {exc}") from exc  # fmt: skip
    return data


def _parse_svg(data: bytes) -> None:
    try:
        root = SafeET.fromstring(data, forbid_dtd=True)
    except (DefusedXmlException, SafeET.ParseError, ValueError) as exc:
        raise _wrong(f"the SVG is not well-formed XML without a DTD: {exc}",
                     f"plik SVG nie jest poprawnym XML bez DTD: {exc}") from exc  # fmt: skip
    if root.tag != _SVG_NS:
        raise _wrong("the XML file is no SVG image", "plik XML nie jest obrazem SVG")


def _svg(data: bytes) -> bytes:
    _parse_svg(data)
    try:
        clean = bytes(py_svg_hush.filter_svg(data))
    except Exception as exc:  # the Rust filter's errors carry no type of their own
        raise _wrong(f"the SVG cannot be sanitised: {exc}",
                     f"nie można oczyścić pliku SVG: {exc}") from exc  # fmt: skip
    _parse_svg(clean)
    return clean


def badge_checked(data: bytes) -> tuple[bytes, str]:
    """The image to keep for an uploaded badge and its media type (PNG as uploaded, SVG
    as sanitised); raises :class:`InvalidInputError` with the reason otherwise."""
    if len(data) > MAX_BADGE_BYTES:
        raise InvalidInputError(m.BADGE_TOO_LARGE, limit=MAX_BADGE_BYTES // 1024)
    if data.startswith(_PNG_SIGNATURE):
        return _png(data), PNG
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<?xml", b"<svg", b"<!--")):
        return _svg(data), SVG
    raise _wrong("neither a PNG nor an SVG", "ani PNG, ani SVG")


# --- a badge made from the design, when none was uploaded ---------------------------

_COLOURS = ["#0b5cad", "#1a7f37", "#8250df", "#bc4c00", "#0a7ea4", "#a40e26"]


def badge_generated(spec: MicroCredentialSpec, lang: str, *, seed: int = 0) -> bytes:
    """A 512×512 SVG badge: a ring in one of six colours (by ``seed``, a design's id),
    the title in ``lang`` (wrapped, at most four lines), the EQF level and the ECTS."""
    title = spec.title.get(lang) if spec.title else "Micro-credential"
    wrapped = textwrap.wrap(title, width=13) or ["—"]
    lines = wrapped[:4]
    if len(wrapped) > 4:
        lines[-1] = lines[-1][:12] + "…"
    colour = _COLOURS[seed % len(_COLOURS)]
    eqf = next((lv.eqf for lv in spec.levels if lv.eqf is not None), None)
    facts = []
    if eqf is not None:
        facts.append(f"EQF {eqf.value}")
    if spec.workload and spec.workload.ects is not None:
        facts.append(f"{spec.workload.ects.normalize():f} ECTS")
    start = 256 - (len(lines) - 1) * 24 - (18 if facts else 0)
    text = "".join(f'<tspan x="256" y="{start + i * 48}">{escape(line)}</tspan>'
                   for i, line in enumerate(lines))  # fmt: skip
    fact = escape(" · ".join(facts))
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" '
        f'viewBox="0 0 512 512" role="img" aria-label={quoteattr(title)}>'
        f'<circle cx="256" cy="256" r="244" fill="{colour}"/>'
        '<circle cx="256" cy="256" r="212" fill="#ffffff"/>'
        f'<circle cx="256" cy="256" r="200" fill="none" stroke="{colour}" stroke-width="4"/>'
        '<text font-family="DejaVu Sans, Verdana, sans-serif" font-size="40" '
        f'font-weight="700" fill="#1b1f24" text-anchor="middle">{text}</text>'
        f'<text x="256" y="{start + (len(lines) - 1) * 48 + 56}" font-family="DejaVu Sans, '
        f'Verdana, sans-serif" font-size="34" font-weight="700" fill="{colour}" '
        f'text-anchor="middle">{fact}</text>'
        "</svg>"
    )
    return svg.encode("utf-8")
