"""``GET /api/v1/registry/designs?q=…``: the published micro-credentials, public (no
key or login): id, titles, provider, EQF level, ECTS and the public page's URL."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from ninja import Router, Schema

from ..catalog.selectors import spec_of
from .selectors import published

router = Router(tags=["registry"])


class PublishedOut(Schema):
    id: int
    title_pl: str
    title_en: str
    provider: str
    eqf_level: int | None
    ects: float | None
    url: str


@router.get("/designs", response=list[PublishedOut], auth=None)
def designs(request: HttpRequest, q: str = "") -> list[PublishedOut]:
    found = []
    for version in published(q[:200])[:100]:
        spec = spec_of(version)
        level = next((lv.eqf for lv in spec.levels if lv.eqf is not None), None)
        workload = spec.workload
        found.append(PublishedOut(
            id=version.pk, title_pl=version.title_pl, title_en=version.title_en,
            provider=version.design.provider.legal_name,
            eqf_level=int(level.value) if level is not None else None,
            ects=float(workload.ects) if workload and workload.ects is not None else None,
            url=settings.PUBLIC_URL + reverse("registry:page", args=[version.pk]),
        ))  # fmt: skip
    return found
