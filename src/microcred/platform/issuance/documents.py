"""An award's documents made on demand from its signed credentials: the printable PDF
certificate (the library's renderer, the OB 3.0 credential and the sealed EDC attached,
a QR code to the platform's verification page; each distinct certificate rendered once
and kept in the data folder's cache) and the badge image with the OB 3.0 credential
baked in (PNG or SVG, as the design's badge is).

What the certificate shows is read back from the credential (``from_ob3``), not from the
award's row: a person holding the PDF sees what a verifier would."""

from __future__ import annotations

__all__ = ["award_badge", "award_pdf"]

import json
from functools import cache
from typing import TYPE_CHECKING

from django.conf import settings

from ...credentials.baking import bake
from ...credentials.ob3.read import from_ob3
from ...standard.errors import MicrocredError
from ..catalog.selectors import badge_of
from ..core.errors import ConflictError
from . import messages as m
from .models import Award

if TYPE_CHECKING:
    from ...credentials.render import PdfCache

#: the names the certificate's attachments are saved under
OB3_NAME, EDC_NAME = "credential-ob3.json", "credential-edc.json"


@cache
def _certificates() -> PdfCache:
    # imported on the first certificate: the renderer loads WeasyPrint
    from ...credentials.render import PdfCache

    return PdfCache(settings.DATA_DIR / "cache" / "certificates")


def award_pdf(award: Award, lang: str) -> bytes:
    """The certificate of ``award`` in ``lang`` (``pl`` or ``en``), rendered once."""
    from ...credentials.render.pdf import verification_url

    try:
        return _certificates().render(
            from_ob3(json.loads(award.ob3)),
            credentials={OB3_NAME: award.ob3.encode("utf-8"), EDC_NAME: award.edc.encode("utf-8")},
            verification_url=verification_url(award.credential_id, settings.PUBLIC_URL),
            lang=lang if lang in ("pl", "en") else "en",
        )
    except MicrocredError as exc:
        raise ConflictError(
            m.CANNOT_RENDER, detail=exc.text("en"), detail_pl=exc.text("pl")
        ) from exc


def award_badge(award: Award, lang: str) -> tuple[bytes, str]:
    """The design's badge image with the award's OB 3.0 credential baked in, and its
    media type."""
    image, media_type = badge_of(award.version.design, lang)
    try:
        return bake(image, award.ob3), media_type
    except MicrocredError as exc:
        raise ConflictError(
            m.CANNOT_RENDER, detail=exc.text("en"), detail_pl=exc.text("pl")
        ) from exc
