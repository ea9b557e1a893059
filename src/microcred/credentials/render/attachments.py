"""Read the credentials embedded in a PDF certificate (its file attachments).

``extract_attachments(pdf) -> {"credential-ob3.json": b"...", ...}`` reads the
document catalog's ``/Names /EmbeddedFiles`` name tree (ISO 32000-1 §7.11.4) with pypdf.
The PDF comes from a stranger, so everything is capped: the file size, the number of
attachments, the bytes they decompress to (pypdf's decoders are given the same cap), and
any parsing failure — pypdf's errors, recursion, a damaged compressed stream — becomes
a :class:`RenderError` with one of these codes:

``not_a_pdf``       the bytes do not start with a PDF header
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

__all__ = ["extract_attachments"]

import hashlib
import io
import logging
import re
import warnings
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager

import pypdf
from pypdf.errors import LimitReachedError, PyPdfError

from .errors import RenderError
from .pdf import MAX_ATTACHMENTS

_MiB = 1024 * 1024
_HEADER_WINDOW = 1024  # PDF readers accept junk before %PDF- within the first KiB
# A plain file name: no folders, no control characters (callers may save it to disk).
_SAFE_NAME = re.compile(r"[^/\\\x00-\x1f\x7f]{1,255}")


@contextmanager
def _quiet() -> Iterator[None]:
    """pypdf logs and warns about every oddity of a damaged file; the caller gets one error."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def _limits(max_bytes: int) -> AbstractContextManager[pypdf.Configuration]:
    """pypdf's decoders capped at ``max_bytes`` of output, for this call only."""
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
    reader = pypdf.PdfReader(io.BytesIO(pdf), strict=False)
    found: dict[str, bytes] = {}
    total = 0
    for entry in reader.attachment_list:
        if len(found) >= max_attachments:
            raise RenderError(
                f"the PDF has more than {max_attachments} attachments", code="too_large"
            )
        name = entry.alternative_name or entry.name
        if not isinstance(name, str) or not _SAFE_NAME.fullmatch(name):
            raise RenderError(
                f"an attachment's file name is empty, too long or not a plain name: {name!r:.80}",
                code="malformed_pdf",
            )
        if name in found:
            raise RenderError(f"two attachments are named {name!r}", code="malformed_pdf")
        declared = entry.size
        if declared is not None and int(declared) > max_bytes - total:
            raise RenderError(f"the attachment {name!r} is too large", code="too_large")
        content = entry.content
        if not content:
            raise RenderError(
                f"the attachment {name!r} is empty or unreadable", code="malformed_pdf"
            )
        total += len(content)
        if total > max_bytes:
            raise RenderError(
                f"the attachments are larger than {max_bytes} bytes", code="too_large"
            )
        if declared is not None and int(declared) != len(content):
            raise RenderError(
                f"the attachment {name!r} is {len(content)} bytes, the PDF says {declared}",
                code="malformed_pdf",
            )
        if not _checksum_matches(entry.checksum, content):
            raise RenderError(
                f"the attachment {name!r} does not match its checksum: the file was damaged "
                "or changed",
                code="malformed_pdf",
            )
        found[name] = content
    return found


def extract_attachments(
    pdf: bytes, *, max_bytes: int = 10 * _MiB, max_attachments: int = MAX_ATTACHMENTS
) -> dict[str, bytes]:
    """Every file embedded in ``pdf``, by name; :class:`RenderError` when there are none.

    ``max_bytes`` caps both the PDF's size and the attachments' decompressed total.
    """
    if not isinstance(pdf, bytes | bytearray | memoryview):
        raise RenderError("the PDF must be bytes", code="not_a_pdf")
    pdf = bytes(pdf)
    if b"%PDF-" not in pdf[:_HEADER_WINDOW]:
        raise RenderError("not a PDF file (no %PDF- header)", code="not_a_pdf")
    if len(pdf) > max_bytes:
        raise RenderError(f"the PDF is larger than {max_bytes} bytes", code="too_large")
    try:
        with _quiet(), _limits(max_bytes):
            found = _read(pdf, max_bytes, max_attachments)
    except RenderError:
        raise
    except LimitReachedError as exc:
        raise RenderError(f"the PDF is over a size limit: {exc}", code="too_large") from None
    except (PyPdfError, RecursionError, MemoryError) as exc:
        raise RenderError(f"the PDF cannot be read: {exc}", code="malformed_pdf") from None
    except Exception as exc:
        kind = type(exc).__name__
        raise RenderError(f"the PDF cannot be read ({kind}: {exc})", code="malformed_pdf") from None
    if not found:
        raise RenderError("the PDF has no attached credential", code="no_attachments")
    return found
