"""The ESCO pages, public: the skill search (a whole page, or the results alone for the
skill picker's HTMX request) and a skill's page."""

from __future__ import annotations

from uuid import UUID

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ..core.errors import NotFoundError
from ..core.language import current_language
from . import messages as m
from .models import Skill
from .selectors import dataset_loaded, occupations_needing, skill_search

#: how many occupations of each relation type a skill's page lists
OCCUPATIONS_SHOWN = 20


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")[:200]
    lang = current_language()
    context = {
        "query": query,
        "skills": skill_search(query, lang=lang, limit=20) if query.strip() else [],
        "dataset": dataset_loaded(),
        "picker": request.GET.get("picker", "")[:100],
    }
    if getattr(request, "htmx", False):
        return render(request, "esco/_skill_results.html", context)
    return render(request, "esco/search.html", context)


def skill(request: HttpRequest, skill_id: UUID) -> HttpResponse:
    found = Skill.objects.filter(pk=skill_id).first()
    if found is None:
        raise NotFoundError(m.SKILL_NOT_FOUND)
    lang = current_language()
    occupations = occupations_needing(found, lang=lang, limit=OCCUPATIONS_SHOWN)
    return render(request, "esco/skill.html", {
        "skill": found, "lang": lang, "dataset": dataset_loaded(),
        "essential": occupations["essential"], "optional": occupations["optional"],
    })  # fmt: skip
