"""The uptake figures in the REST API (the QA body, the platform's administrators):

- ``GET /api/v1/uptake?year=2026`` — the totals and every breakdown (field, level,
  provider type, learner group, period: months of the year, or years without one), each
  category's ``key``, ``label`` (in the request's language) and ``count``;
- ``GET /api/v1/uptake/years`` — the years in which awards were issued.

A year outside 2000–2100 is a 422 naming the field; anyone else than the QA body and the
platform's administrators a 403.
"""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema

from ..core.language import current_language
from .filters import year_of
from .selectors import Tally, ensure_overseer, uptake_of, uptake_years

router = Router(tags=["uptake"])


class TallyOut(Schema):
    key: str
    label: str
    count: int


class UptakeOut(Schema):
    year: int | None
    awards: int
    revoked: int
    providers: int
    learners: int
    by_field: list[TallyOut]
    by_level: list[TallyOut]
    by_provider_type: list[TallyOut]
    by_learner_group: list[TallyOut]
    by_period: list[TallyOut]


def _tallies(rows: list[Tally]) -> list[TallyOut]:
    return [TallyOut(key=t.key, label=t.label, count=t.count) for t in rows]


@router.get("", response=UptakeOut)
def uptake(request: HttpRequest, year: str = "") -> UptakeOut:
    found = uptake_of(request.user, year=year_of(year), lang=current_language())
    return UptakeOut(
        year=found.year, awards=found.total, revoked=found.revoked, providers=found.providers,
        learners=found.learners, by_field=_tallies(found.by_field),
        by_level=_tallies(found.by_level), by_provider_type=_tallies(found.by_provider_type),
        by_learner_group=_tallies(found.by_learner_group), by_period=_tallies(found.by_period),
    )  # fmt: skip


@router.get("/years", response=list[int])
def years(request: HttpRequest) -> list[int]:
    ensure_overseer(request.user)
    return uptake_years()
