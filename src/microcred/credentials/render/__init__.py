"""Printable PDF certificates that carry their own verifiable credentials.

``render_pdf(award, credentials=..., verification_url=..., lang=...) -> bytes``: the
signed OB 3.0 credential (and the sealed EDC) go into the PDF as file attachments and
come back out byte for byte with :func:`~microcred.credentials.baking.extract_pdf`, so
that ``microcred verify certificate.pdf`` works offline. See :mod:`.pdf`.
``PdfCache(directory).render(...)`` renders each distinct certificate once (:mod:`.cache`).

This package writes PDFs only, and importing it imports WeasyPrint: reading a PDF
someone sent is extraction (:mod:`..baking.pdf`), which never needs it.
"""

from ..errors import RenderError
from .cache import PdfCache
from .pdf import render_pdf

__all__ = ["PdfCache", "RenderError", "render_pdf"]
