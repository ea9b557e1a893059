"""Printable PDF certificates that carry their own verifiable credentials.

``render_pdf(award, credentials=..., verification_url=..., lang=...) -> bytes`` and
``extract_attachments(pdf) -> dict[str, bytes]``: the signed OB 3.0 credential (and the
sealed EDC) go into the PDF as file attachments and come back out byte for byte, so that
``microcred verify certificate.pdf`` works offline. See :mod:`.pdf` and :mod:`.attachments`.
``PdfCache(directory).render(...)`` renders each distinct certificate once (:mod:`.cache`).
"""

from .attachments import extract_attachments
from .cache import PdfCache
from .errors import RenderError
from .pdf import render_pdf

__all__ = ["PdfCache", "RenderError", "extract_attachments", "render_pdf"]
