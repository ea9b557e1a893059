"""The error of the ``render`` package: one class, one short ``code`` per problem.

Codes: ``not_a_pdf``, ``no_attachments``, ``too_large``, ``malformed_pdf`` (reading a
PDF someone sent), ``invalid_input`` (a caller's mistake when rendering).
"""

from __future__ import annotations

__all__ = ["RenderError"]

from ..errors import CredentialError


class RenderError(CredentialError):
    """A certificate that could not be rendered, or a PDF whose attachments cannot be read."""

    code = "render_error"
    description = "the PDF certificate could not be made or read"
