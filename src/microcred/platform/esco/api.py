"""``GET /api/v1/esco/skills?q=…&lang=…``: the ESCO type-ahead, public (no key or
login): each skill's URI, its label in the language asked (or English, said so), the
collections it belongs to, and its page on this platform."""

from __future__ import annotations

from typing import Literal

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from ninja import Router, Schema

from .selectors import SEARCH_LIMIT, skill_search

router = Router(tags=["esco"])


class SkillOut(Schema):
    uri: str
    label: str
    #: the language of ``label``: ``en`` when Polish was asked for and ESCO has none
    label_lang: str
    collections: list[str]
    skill_type: str
    url: str


@router.get("/skills", response=list[SkillOut], auth=None)
def skills(request: HttpRequest, q: str = "", lang: Literal["pl", "en"] = "en",
           limit: int = 10) -> list[SkillOut]:  # fmt: skip
    found = []
    for skill in skill_search(q[:200], lang=lang, limit=max(1, min(limit, SEARCH_LIMIT))):
        label, label_lang = skill.label(lang)
        found.append(SkillOut(
            uri=skill.uri, label=label, label_lang=label_lang,
            collections=[c.value for c in skill.collections], skill_type=skill.skill_type,
            url=settings.PUBLIC_URL + reverse("esco:skill", args=[skill.pk]),
        ))  # fmt: skip
    return found
