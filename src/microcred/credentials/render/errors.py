"""The error of the ``render`` package: one class, one short ``code`` per problem.

Code: ``invalid_input`` (a caller's mistake when rendering). Reading a PDF someone sent
is extraction: :func:`~microcred.credentials.baking.extract_pdf` raises ``BakingError``.
"""

from __future__ import annotations

__all__ = ["RenderError"]

from ..errors import CredentialError


class RenderError(CredentialError):
    """A certificate that could not be rendered."""

    code = "render_error"
    description = "the PDF certificate could not be made"
