"""Extract the credentials attached to a PDF certificate (its embedded files).

``extract_pdf(pdf) -> {"credential-ob3.json": b"...", ...}`` reads the document
catalog's ``/Names /EmbeddedFiles`` name tree (ISO 32000-1 §7.11.4) with pypdf. It is
the reading half of :func:`..render.render_pdf`, which attaches them, and lives here, not
with the renderer, because it reads what a stranger sends: verifying a PDF needs pypdf,
never WeasyPrint. pypdf itself is imported on the first PDF, not with this module.

Everything is capped: the file size, the number of attachments, the bytes they
decompress to (pypdf's decoders are given the same cap), and any parsing failure —
pypdf's errors, recursion, a damaged compressed stream — becomes a
:class:`~microcred.credentials.errors.BakingError` with one of these codes:

``not_a_pdf``       the bytes are not a PDF (:func:`..formats.detect`)
``too_large``       the file, an attachment, or their count is over the limit
``malformed_pdf``   the PDF cannot be parsed, an attachment cannot be decoded or is
                    empty, two attachments share a name, a name is not a plain file
                    name (a folder, a control character), or an attachment does not
                    match the size or MD5 checksum the PDF declares for it
``no_attachments``  a readable PDF without embedded files

What the attachments *say* is not checked here: ``verify`` checks each credential's
proof, so a PDF whose attachment was swapped for another one fails there.
"""

from __future__ import annotations

__all__ = [
    "CREDENTIAL_NAMES",
    "EDC_JSONLD",
    "MAX_ATTACHMENTS",
    "MAX_BYTES",
    "OB3_JSON",
    "OB3_JWT",
    "extract_pdf",
    "main_first",
]

import functools
import hashlib
import io
import logging
import re
from collections.abc import Iterable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from ..errors import BakingError
from ..formats import detect

if TYPE_CHECKING:
    import pypdf

#: the largest PDF read, and the most its attachments may decompress to together
MAX_BYTES = 10 * 1024 * 1024
#: the most attachments read (``render_pdf`` writes at most as many)
MAX_ATTACHMENTS = 16
OB3_JSON = "credential-ob3.json"  # OB 3.0 with a Data Integrity proof
OB3_JWT = "credential-ob3.jwt"  # OB 3.0 as a VC-JOSE JWT
EDC_JSONLD = "credential-edc.jsonld"  # the e-sealed European Digital Credential
#: the names ``render_pdf`` gives the credentials it attaches, the main one first
CREDENTIAL_NAMES = (OB3_JSON, OB3_JWT, EDC_JSONLD)
# A plain file name: no folders, no control characters (callers may save it to disk).
_SAFE_NAME = re.compile(r"[^/\\\x00-\x1f\x7f]{1,255}")


@functools.cache
def _silence_pypdf() -> None:
    """Silence pypdf's loggers (children of "pypdf"), once, on the first PDF.

    pypdf logs every oddity of a damaged file; the caller gets one error instead. It is
    done on first use, not at import, so that importing microcred changes no host
    logging; a level changed around each call would not be thread-safe.
    """
    logging.getLogger("pypdf").setLevel(logging.CRITICAL + 1)


def _limits(max_bytes: int) -> AbstractContextManager[pypdf.Configuration]:
    """pypdf's decoders capped at ``max_bytes`` of output, for this call only."""
    import pypdf  # imported on the first PDF: see extract_pdf

    return pypdf.apply_configuration(
        zlib_maximum_output_length=max_bytes,
        lzw_maximum_output_length=max_bytes,
        run_length_maximum_output_length=max_bytes,
        brotli_maximum_output_length=max_bytes,
        array_based_stream_maximum_output_length=max_bytes,
        maximum_declared_stream_length=max_bytes,
        stream_decoding_work_maximum_length=4 * max_bytes,
        jbig2dec_binary=None,  # never run an external program on a stranger's file
    )


def _checksum_matches(checksum: object, content: bytes) -> bool:
    """True when there is no ``/CheckSum`` or it is the MD5 of ``content``."""
    if checksum is None:
        return True
    # pypdf gives a byte string, or a text string when the 16 bytes happen to decode.
    raw = getattr(checksum, "original_bytes", checksum)
    if not isinstance(raw, bytes):
        return False
    return raw == hashlib.md5(content, usedforsecurity=False).digest()


def _read(pdf: bytes, max_bytes: int, max_attachments: int) -> dict[str, bytes]:
    import pypdf  # imported on the first PDF: see extract_pdf

    reader = pypdf.PdfReader(io.BytesIO(pdf), strict=False)
    found: dict[str, bytes] = {}
    total = 0
    for entry in reader.attachment_list:
        if len(found) >= max_attachments:
            raise BakingError(
                f"the PDF has more than {max_attachments} attachments", code="too_large"
            )
        name = entry.alternative_name or entry.name
        if not isinstance(name, str) or not _SAFE_NAME.fullmatch(name):
            raise BakingError(
                f"an attachment's file name is empty, too long or not a plain name: {name!r:.80}",
                code="malformed_pdf",
            )
        if name in found:
            raise BakingError(f"two attachments are named {name!r}", code="malformed_pdf")
        declared = entry.size
        if declared is not None and int(declared) > max_bytes - total:
            raise BakingError(f"the attachment {name!r} is too large", code="too_large")
        content = entry.content
        if not content:
            raise BakingError(
                f"the attachment {name!r} is empty or unreadable", code="malformed_pdf"
            )
        total += len(content)
        if total > max_bytes:
            raise BakingError(
                f"the attachments are larger than {max_bytes} bytes", code="too_large"
            )
        if declared is not None and int(declared) != len(content):
            raise BakingError(
                f"the attachment {name!r} is {len(content)} bytes, the PDF says {declared}",
                code="malformed_pdf",
            )
        if not _checksum_matches(entry.checksum, content):
            raise BakingError(
                f"the attachment {name!r} does not match its checksum: the file was damaged "
                "or changed",
                code="malformed_pdf",
            )
        found[name] = content
    return found


def extract_pdf(
    pdf: bytes, *, max_bytes: int = MAX_BYTES, max_attachments: int = MAX_ATTACHMENTS
) -> dict[str, bytes]:
    """Every file embedded in ``pdf``, by name; :class:`BakingError` when there are none.

    ``max_bytes`` caps both the PDF's size and the attachments' decompressed total.
    """
    if not isinstance(pdf, bytes | bytearray | memoryview):
        raise BakingError("the PDF must be bytes", code="not_a_pdf")
    pdf = bytes(pdf)
    if detect(pdf) != "pdf":
        raise BakingError("not a PDF file (no %PDF- header)", code="not_a_pdf")
    if len(pdf) > max_bytes:
        raise BakingError(f"the PDF is larger than {max_bytes} bytes", code="too_large")
    # pypdf (~0.2 s to import) is imported here, on the first PDF, not with the package:
    # verifying a JSON credential or a badge never needs it.
    from pypdf.errors import LimitReachedError, PyPdfError

    _silence_pypdf()  # on first use, not at import: see _silence_pypdf
    try:
        with _limits(max_bytes):
            found = _read(pdf, max_bytes, max_attachments)
    except BakingError:
        raise
    except LimitReachedError as exc:
        raise BakingError(f"the PDF is over a size limit: {exc}", code="too_large") from None
    except (PyPdfError, RecursionError, MemoryError) as exc:
        raise BakingError(f"the PDF cannot be read: {exc}", code="malformed_pdf") from None
    except Exception as exc:
        kind = type(exc).__name__
        raise BakingError(f"the PDF cannot be read ({kind}: {exc})", code="malformed_pdf") from None
    if not found:
        raise BakingError("the PDF has no attached credential", code="no_attachments")
    return found


def main_first(names: Iterable[str]) -> list[str]:
    """Attachment names in :data:`CREDENTIAL_NAMES` order (the OB 3.0 credential first),
    any others after them by name."""

    def rank(name: str) -> tuple[int, str]:
        known = CREDENTIAL_NAMES.index(name) if name in CREDENTIAL_NAMES else len(CREDENTIAL_NAMES)
        return known, name

    return sorted(names, key=rank)
