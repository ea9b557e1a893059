"""How the learning is done and checked (Annex I: notional workload, type of
assessment, supervision and identity verification, integration/stackability options,
prerequisites, further information).

Wire format::

    workload: {ects: 2, hours: 50}
    assessment:
      methods: [practical-demonstration, written-test]
      criteria: {pl: ..., en: ...}
    integration: {option: stackable, towards: [{pl: ..., en: ...}]}
    further_information: {url: https://example.edu/python}
"""

from __future__ import annotations

__all__ = ["TEXT_OR_URL", "Assessment", "FurtherInformation", "Integration", "Workload"]

from decimal import Decimal
from typing import Annotated

from pydantic import Field, model_validator

from ..messages import Message
from ..vocab.learning import AssessmentMethod
from ..vocab.pathways import IntegrationOption
from ._base import Element, WebUrl
from .text import LocalizedText

#: further information with neither a text nor a link
TEXT_OR_URL = Message(
    "text_or_url", "give a text, a url, or both", "podaj tekst (text), adres (url) albo oba"
)


class Workload(Element):
    """Notional workload to reach the outcomes: ECTS credits where possible, else hours."""

    ects: Annotated[Decimal | None, Field(gt=0, le=999, max_digits=5, decimal_places=2)] = None
    hours: Annotated[Decimal | None, Field(gt=0, le=99_999, max_digits=7, decimal_places=2)] = None
    description: LocalizedText | None = None


class Assessment(Element):
    """How the learning outcomes are assessed, and against which criteria."""

    methods: Annotated[list[AssessmentMethod], Field(min_length=1)]
    description: LocalizedText | None = None
    criteria: LocalizedText | None = None


class Integration(Element):
    """Whether the micro-credential stands alone or stacks into a larger credential."""

    option: IntegrationOption
    towards: list[LocalizedText] = []


class FurtherInformation(Element):
    """A pointer to more information about the micro-credential."""

    text: LocalizedText | None = None
    url: WebUrl | None = None

    @model_validator(mode="after")
    def _something(self) -> FurtherInformation:
        if self.text is None and self.url is None:
            raise ValueError(TEXT_OR_URL())
        return self
