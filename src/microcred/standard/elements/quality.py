"""Quality assurance and the evidence for the Annex II principles a design can carry.

Wire format::

    quality_assurance:
      types: [internal, external-institutional]
      body: {pl: Polska Komisja Akredytacyjna, en: Polish Accreditation Committee}
      description: {pl: ..., en: ...}
      url: https://www.pka.edu.pl/
"""

from __future__ import annotations

__all__ = ["QualityAssurance", "Relevance"]

from typing import Annotated

from pydantic import Field

from ..vocab.quality import QualityAssuranceType
from ._base import Element, WebUrl
from .text import LocalizedText


class QualityAssurance(Element):
    """Annex I "type of quality assurance used to underpin the micro-credential"."""

    types: Annotated[list[QualityAssuranceType], Field(min_length=1)]
    body: LocalizedText | None = None
    description: LocalizedText | None = None
    url: WebUrl | None = None


class Relevance(Element):
    """Annex II principle 3: the labour-market or learning need the design answers."""

    need: LocalizedText
    partners: list[Annotated[str, Field(min_length=1, max_length=200)]] = []
