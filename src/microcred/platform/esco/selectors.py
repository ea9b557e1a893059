"""Reads of the ESCO app: the loaded dataset, skills by URI, the type-ahead search, the
occupations that need a skill, and the URIs of a collection's skills (for a subquery:
``Design.objects.filter(skill_uri__in=skill_uris_in(Collection.GREEN))``)."""

from __future__ import annotations

__all__ = [
    "SEARCH_LIMIT",
    "dataset_loaded",
    "occupations_needing",
    "skill_by_uri",
    "skill_search",
    "skill_uris_in",
    "skills_by_uris",
]

from collections.abc import Iterable

from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce, Length, NullIf

from .models import Collection, Dataset, OccupationSkill, RelationType, Skill
from .text import fold

#: the most results one search returns
SEARCH_LIMIT = 50


def dataset_loaded() -> Dataset | None:
    """The ESCO dataset in the tables (the latest load), or ``None`` before any."""
    return Dataset.objects.first()


def skill_by_uri(uri: str) -> Skill | None:
    """The skill with this ESCO URI, or ``None``."""
    return Skill.objects.filter(uri=uri).first()


def skills_by_uris(uris: Iterable[str]) -> dict[str, Skill]:
    """The skills among ``uris`` that ESCO has, by URI (unknown URIs are left out)."""
    wanted = list(dict.fromkeys(uris))
    return {skill.uri: skill for skill in Skill.objects.filter(uri__in=wanted)}


def skill_uris_in(collection: Collection | str) -> QuerySet[Skill, str]:
    """The URIs of the skills of an ESCO collection, as a queryset usable in a
    subquery (``field__in=skill_uris_in("digital")``)."""
    return Skill.objects.filter(**{Collection(collection).field: True}).values_list(
        "uri", flat=True
    )


def skill_search(query: str, *, lang: str, limit: int = 10) -> list[Skill]:
    """The skills whose preferred or alternative labels, in English or Polish, contain
    every word of ``query`` (case and diacritics ignored: ``zarzadzanie`` finds
    ``zarządzanie``), best first: the preferred label in ``lang`` starting with the
    query, then the one in the other language, then a preferred label with a word
    starting with it, then any label starting with it, then the rest; shorter labels
    first within each. At most ``limit`` (≤ :data:`SEARCH_LIMIT`); nothing for a query
    without a letter or digit."""
    folded = fold(query)[:100]
    words = [w for w in folded.split(" ") if any(c.isalnum() for c in w)]
    if not words:
        return []
    first, other = ("key_pl", "key_en") if lang == "pl" else ("key_en", "key_pl")
    matches = Q()
    for word in words:
        matches &= Q(search_key__contains=word)
    rank = Case(
        When(**{f"{first}__startswith": folded}, then=Value(0)),
        When(**{f"{other}__startswith": folded}, then=Value(1)),
        When(Q(key_en__contains=f" {folded}") | Q(key_pl__contains=f" {folded}"), then=Value(2)),
        When(search_key__contains=f"\n{folded}", then=Value(3)),
        default=Value(4),
        output_field=IntegerField(),
    )
    shown = _shown_label("", lang)
    return list(
        Skill.objects.filter(matches)
        .annotate(rank=rank, shown=Length(shown))
        .order_by("rank", "shown", "label_en")
        .defer("search_key", "description_en", "description_pl", "alt_labels_en", "alt_labels_pl")[
            : max(1, min(limit, SEARCH_LIMIT))
        ]
    )


def occupations_needing(
    skill: Skill, *, lang: str, limit: int = 20
) -> dict[str, tuple[int, list[OccupationSkill]]]:
    """The occupations that need ``skill``, for each relation type (essential,
    optional): how many, and the first ``limit`` by their label in ``lang`` (English
    where ESCO has no Polish one)."""
    order = _shown_label("occupation__", lang)
    found: dict[str, tuple[int, list[OccupationSkill]]] = {}
    for relation in RelationType:
        # select_related joins the occupation in (an inner join: a relation to an
        # occupation the export lacks is left out)
        rows = OccupationSkill.objects.filter(skill=skill, relation_type=relation,
                                              occupation__isnull=False)  # fmt: skip
        found[relation.value] = (
            rows.count(),
            list(rows.select_related("occupation").order_by(order)[:limit]),
        )
    return found


def _shown_label(prefix: str, lang: str) -> Coalesce | F:
    """The label a page in ``lang`` shows, as an expression (Polish, else English)."""
    if lang == "pl":
        return Coalesce(NullIf(f"{prefix}label_pl", Value("")), f"{prefix}label_en")
    return F(f"{prefix}label_en")
