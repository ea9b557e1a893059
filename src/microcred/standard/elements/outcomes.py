"""Learning outcomes (Annex I "learning outcomes"): what the learner knows, understands
and is able to do, each optionally aligned to ESCO skills and to a framework level.

Wire format::

    learning_outcomes:
      - statement:
          pl: Uczestnik potrafi napisać skrypt w Pythonie, który przetwarza plik CSV.
          en: The learner can write a Python script that processes a CSV file.
        esco_skills:
          - http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d
"""

from __future__ import annotations

__all__ = ["ESCO_SKILL_PREFIX", "NOT_AN_ESCO_SKILL", "EscoSkillUri", "LearningOutcome"]

import re
from typing import Annotated

from pydantic import AfterValidator

from ..messages import Message
from ._base import Element
from .levels import Level
from .text import LocalizedText

ESCO_SKILL_PREFIX = "http://data.europa.eu/esco/skill/"
# ESCO concept ids are UUIDs (v1.1.1: all 13,896 skills); checked for shape, not looked up.
#: a skill that is no ESCO skill URI
NOT_AN_ESCO_SKILL = Message(
    "not_an_esco_skill",
    "{value!r} is not an ESCO skill URI ({prefix}<uuid>)",
    "{value!r} to nie jest URI umiejętności ESCO ({prefix}<uuid>)",
)
_ESCO_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def _esco_skill(value: str) -> str:
    value = value.strip()
    if value.startswith("https://data.europa.eu/esco/skill/"):
        value = "http://" + value.removeprefix("https://")
    tail = value.removeprefix(ESCO_SKILL_PREFIX)
    if tail == value or not _ESCO_ID.match(tail):
        raise ValueError(NOT_AN_ESCO_SKILL(value=value, prefix=ESCO_SKILL_PREFIX))
    return value


EscoSkillUri = Annotated[str, AfterValidator(_esco_skill)]


class LearningOutcome(Element):
    """One learning-outcome statement."""

    statement: LocalizedText
    esco_skills: list[EscoSkillUri] = []
    level: Level | None = None
