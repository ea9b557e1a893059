"""Baked badges: a credential inside a PNG or SVG image (Open Badges 3.0 §5.3).

``bake(image, credential) -> bytes`` and ``extract(image) -> str`` pick the format from
the image's first bytes.
"""

from __future__ import annotations

__all__ = ["bake", "extract", "image_format"]

from ..errors import BakingError
from .png import SIGNATURE, bake_png, extract_png
from .svg import bake_svg, extract_svg


def image_format(image: bytes) -> str | None:
    """``png``, ``svg`` or None, from the first bytes."""
    if image.startswith(SIGNATURE):
        return "png"
    head = image[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<") and (b"<svg" in head or head.startswith((b"<?xml", b"<!doctype svg"))):
        return "svg"
    return None


def bake(image: bytes, credential: str) -> bytes:
    """Bake ``credential`` (JSON text or compact JWS) into a PNG or SVG image.

    In an SVG a compact JWS goes into the ``verify`` attribute (OB 3.0 §5.3.2.1).
    """
    kind = image_format(image)
    if kind == "png":
        return bake_png(image, credential)
    if kind == "svg":
        return bake_svg(image, credential)
    raise BakingError("the image is neither PNG nor SVG")


def extract(image: bytes) -> str:
    """The credential baked into a PNG or SVG image."""
    kind = image_format(image)
    if kind == "png":
        return extract_png(image)
    if kind == "svg":
        return extract_svg(image)
    raise BakingError("the image is neither PNG nor SVG")
