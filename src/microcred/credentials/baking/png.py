"""Bake a credential into a PNG and extract it (Open Badges 3.0 §5.3.1 "Baking").

The credential — JSON, or a compact JWS — goes into one uncompressed ``iTXt`` chunk
with the keyword ``openbadgecredential``, inserted before ``IEND``; the image data is not
touched. Chunks are read and written with pypng's chunk API, which neither decodes nor
re-encodes the image.
"""

from __future__ import annotations

__all__ = ["KEYWORD", "bake_png", "extract_png"]

import io

import png

from ..errors import BakingError
from ..formats import PNG_SIGNATURE

KEYWORD = b"openbadgecredential"
_MAX_CHUNKS = 10_000


def _chunks(image: bytes) -> list[tuple[bytes, bytes]]:
    if not image.startswith(PNG_SIGNATURE):
        raise BakingError("not a PNG image")
    try:
        reader = png.Reader(bytes=image)
        chunks = []
        for kind, data in reader.chunks():
            chunks.append((kind, data))
            if len(chunks) > _MAX_CHUNKS:
                raise BakingError("too many PNG chunks")
        return chunks
    except (png.FormatError, png.ChunkError, ValueError) as exc:
        raise BakingError(f"malformed PNG: {exc}") from None


def _credential_chunks(chunks: list[tuple[bytes, bytes]]) -> list[bytes]:
    found = []
    for kind, data in chunks:
        if kind == b"iTXt" and data.split(b"\x00", 1)[0] == KEYWORD:
            found.append(data)
    return found


def bake_png(image: bytes, credential: str) -> bytes:
    """``image`` with ``credential`` baked in; a credential already there is replaced."""
    chunks = [c for c in _chunks(image)
              if not (c[0] == b"iTXt" and c[1].split(b"\x00", 1)[0] == KEYWORD)]  # fmt: skip
    # iTXt: keyword NUL, compression flag 0, method 0, empty language tag NUL,
    # empty translated keyword NUL, then the UTF-8 text (PNG 1.2 §11.3.4.5).
    itxt = KEYWORD + b"\x00\x00\x00" + b"\x00" + b"\x00" + credential.encode("utf-8")
    end = next(i for i, (kind, _) in enumerate(chunks) if kind == b"IEND")
    chunks.insert(end, (b"iTXt", itxt))
    out = io.BytesIO()
    png.write_chunks(out, chunks)
    return out.getvalue()


def extract_png(image: bytes) -> str:
    """The baked credential text; :class:`BakingError` if none, several, or compressed."""
    found = _credential_chunks(_chunks(image))
    if not found:
        raise BakingError("the PNG has no openbadgecredential chunk", code="no_credential")
    if len(found) > 1:
        raise BakingError(f"the PNG has {len(found)} credential chunks; exactly one is allowed",
                          code="multiple_credentials")  # fmt: skip
    data = found[0][len(KEYWORD) + 1 :]
    if len(data) < 2 or data[0] != 0:
        raise BakingError("the credential chunk is compressed; OB 3.0 requires it uncompressed")
    _, _, rest = data[2:].partition(b"\x00")  # language tag
    _, _, text = rest.partition(b"\x00")  # translated keyword
    try:
        return text.decode("utf-8")
    except UnicodeDecodeError:
        raise BakingError("the credential chunk is not UTF-8") from None
