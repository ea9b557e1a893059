"""Credentials carried inside other files, and extracted from them.

- a baked badge: a credential inside a PNG or SVG image (Open Badges 3.0 §5.3):
  ``bake(image, credential) -> bytes`` and ``extract(image) -> str``, the format picked
  from the image's first bytes (:func:`..formats.detect`); :mod:`.png`, :mod:`.svg`;
- a printed certificate: the credentials attached to a PDF,
  ``extract_pdf(pdf) -> {name: bytes}`` (:mod:`.pdf`); they are attached when the PDF is
  made, by :func:`..render.render_pdf`.

Every ``extract`` reads what a stranger sends: it raises only
:class:`~microcred.credentials.errors.BakingError`, with a short code.
"""

from __future__ import annotations

__all__ = ["bake", "extract", "extract_pdf"]

from ..errors import BakingError
from ..formats import detect
from .pdf import extract_pdf
from .png import bake_png, extract_png
from .svg import bake_svg, extract_svg


def bake(image: bytes, credential: str) -> bytes:
    """Bake ``credential`` (JSON text or compact JWS) into a PNG or SVG image.

    In an SVG a compact JWS goes into the ``verify`` attribute (OB 3.0 §5.3.2.1).
    """
    kind = detect(image)
    if kind == "png":
        return bake_png(image, credential)
    if kind == "svg":
        return bake_svg(image, credential)
    raise BakingError("the image is neither PNG nor SVG")


def extract(image: bytes) -> str:
    """The credential baked into a PNG or SVG image."""
    kind = detect(image)
    if kind == "png":
        return extract_png(image)
    if kind == "svg":
        return extract_svg(image)
    raise BakingError("the image is neither PNG nor SVG")
