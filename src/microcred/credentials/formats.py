"""What a file holds, told from its bytes: the one place formats are recognised.

``detect(data)`` looks at the first bytes only (it parses nothing, so it is safe on
anything a stranger sends) and answers one of::

    "pdf"   a printed certificate: ``%PDF-`` first, after blanks (ISO 32000-1 §7.5.2);
            its credentials are file attachments (:func:`..baking.extract_pdf`)
    "png"   a baked badge: the PNG signature (Open Badges 3.0 §5.3.1)
    "svg"   a baked badge: an SVG or XML start tag (Open Badges 3.0 §5.3.2)
    "jwt"   a compact JWS, three base64url parts (RFC 7515 §7.1; VC-JOSE §3.1.1):
            eyJhbGciOiJFZERTQSJ9.eyJAY29udGV4dCI6Wy4uLl19.c2lnbmF0dXJl
    "json"  anything else: JSON, whose parser decides

>>> detect(b'{"@context": ["https://www.w3.org/ns/credentials/v2"]}')
'json'
>>> detect(b"eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJkaWQ6a2V5In0.c2ln")
'jwt'

A parsed JSON document is a JAdES e-seal (the European Digital Credential's envelope)
when it is a JWS in JSON serialization (RFC 7515 §7.2.1: ``payload`` and
``signatures``), :func:`is_jades`.
"""

from __future__ import annotations

__all__ = [
    "JWT_SHAPE",
    "KIND_TYPES",
    "OB3_TYPES",
    "PDF_HEADER_WINDOW",
    "PNG_SIGNATURE",
    "Format",
    "detect",
    "is_jades",
]

import re
from typing import Any, Literal, TypeGuard

Format = Literal["pdf", "png", "svg", "jwt", "json"]

#: the types of an Open Badges 3.0 credential (the first names the kind, as ``issue`` says)
OB3_TYPES = ("OpenBadgeCredential", "AchievementCredential", "EndorsementCredential")
# kind of document ("ob3", "edc") -> the types of its documents (the first names it)
KIND_TYPES = {"ob3": OB3_TYPES, "edc": ("EuropeanDigitalCredential",)}

#: a compact JWS: header, payload, signature, each base64url without padding
JWT_SHAPE = re.compile(rb"^[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: PDF readers look for the ``%PDF-`` header within the first KiB
PDF_HEADER_WINDOW = 1024
_SVG_WINDOW = 2048
_BLANKS = b"\xef\xbb\xbf \t\r\n"  # a UTF-8 byte order mark, then XML white space


def detect(data: bytes) -> Format:
    """The format of ``data``, from its first bytes (see the module docstring)."""
    if data[:PDF_HEADER_WINDOW].lstrip().startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(PNG_SIGNATURE):
        return "png"
    head = data[:_SVG_WINDOW].lstrip(_BLANKS).lower()
    if head.startswith(b"<") and (b"<svg" in head or head.startswith((b"<?xml", b"<!doctype svg"))):
        return "svg"
    if JWT_SHAPE.match(data.strip()):
        return "jwt"
    return "json"


def is_jades(document: object) -> TypeGuard[dict[str, Any]]:
    """True for a JWS in JSON serialization: a JAdES e-seal around a credential."""
    return isinstance(document, dict) and "signatures" in document and "payload" in document
