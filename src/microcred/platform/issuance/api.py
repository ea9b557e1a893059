"""The issuance endpoints, over the same services and selectors as the pages:

- ``POST /api/v1/awards`` — issue one award (the provider's administrators and staff);
- ``GET /api/v1/awards?provider_id=`` — a provider's awards, the latest first, in pages
  (its people);
- ``GET /api/v1/awards/mine`` — the awards issued to the caller's e-mail address;
- ``GET /api/v1/awards/{id}`` — one award with links to its credentials (its provider's
  people, its learner);
- ``GET /api/v1/awards/{id}/ob3``, ``…/edc`` — the signed credentials themselves;
- ``POST /api/v1/awards/{id}/revoke`` — revoke it for good, with a reason (the provider's
  administrators and staff);
- ``POST /api/v1/awards/{id}/suspend``, ``…/reinstate`` — suspend it, or lift the
  suspension, with a reason (its bit in the suspension list mirroring its revocation list);
- ``POST /api/v1/awards/{id}/correct`` — a corrected award issued and linked, the old one
  revoked ("replaced"), with a reason (the same people).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from ninja import Router, Schema, Status
from pydantic import Field

from .models import Award
from .selectors import (
    award_for,
    awards_of_learner,
    awards_of_provider,
    issuable_version,
    issuing_provider,
)
from .services import (
    REASON_LIMIT,
    AwardRequest,
    award_correct,
    award_issue,
    award_revoke,
    award_suspend,
)

router = Router(tags=["issuance"])

#: awards per page of the list
PAGE_SIZE = 100


class LearnerIn(Schema):
    """What an issuer gives for one learner (the service's ``AwardRequest``)."""

    given_name: str
    family_name: str
    email: str
    issued_on: str = ""
    grade: str = ""
    date_of_birth: str = ""
    student_id: str = ""


class AwardIn(LearnerIn):
    version_id: int


class AwardOut(Schema):
    id: UUID
    credential_id: str
    version_id: int
    design_id: int
    title_pl: str
    title_en: str
    provider_id: int
    provider: str
    given_name: str
    family_name: str
    email: str
    issued_on: date
    valid_until: date | None
    grade_pl: str
    grade_en: str
    state: str
    status_list: str
    #: the suspension list (entry ``status_index`` too), when the award's list has one
    suspension_list: str | None
    status_index: int
    created_at: datetime
    #: the award this one corrects
    replaces: UUID | None
    links: dict[str, str]


class CorrectIn(LearnerIn):
    reason: str = Field("", max_length=REASON_LIMIT)


class RevokeIn(Schema):
    reason: str = Field("", max_length=REASON_LIMIT)


class AwardPageOut(Schema):
    count: int
    page: int
    pages: int
    results: list[AwardOut]


def _out(award: Award) -> AwardOut:
    version = award.version
    links = {name: settings.PUBLIC_URL + reverse(route, args=[award.pk]) for name, route in (
        ("page", "issuance:award"), ("ob3", "issuance:ob3"), ("edc", "issuance:edc"),
        ("pdf", "issuance:certificate"), ("badge", "issuance:badge"))}  # fmt: skip
    return AwardOut(
        id=award.pk, credential_id=award.credential_id, version_id=version.pk,
        design_id=version.design_id, title_pl=version.title_pl, title_en=version.title_en,
        provider_id=award.provider_id, provider=award.provider.legal_name,
        given_name=award.given_name, family_name=award.family_name, email=award.email,
        issued_on=award.issued_on, valid_until=award.valid_until, grade_pl=award.grade_pl,
        grade_en=award.grade_en, state=award.state, status_list=award.status_list.url,
        suspension_list=twin.url if (twin := award.status_list.twin) else None,
        status_index=award.status_index, created_at=award.created_at,
        replaces=award.replaces_id, links=links,
    )  # fmt: skip


@router.post("", response={201: AwardOut})
def issue_award(request: HttpRequest, payload: AwardIn) -> Status[AwardOut]:
    version = issuable_version(request.user, payload.version_id)
    fields = payload.dict(exclude={"version_id"})
    award = award_issue(user=request.user, version=version,  # type: ignore[arg-type]
                        request=AwardRequest(**fields), now=timezone.now())  # fmt: skip
    return Status(201, _out(award))


@router.get("", response=AwardPageOut)
def provider_awards(request: HttpRequest, provider_id: int, page: int = 1) -> AwardPageOut:
    provider = issuing_provider(request.user, provider_id)
    rows = awards_of_provider(provider).select_related("provider", "status_list")
    found = Paginator(rows, PAGE_SIZE).get_page(page)
    return AwardPageOut(count=found.paginator.count, page=found.number,
                        pages=found.paginator.num_pages,
                        results=[_out(a) for a in found.object_list])  # fmt: skip


@router.get("/mine", response=list[AwardOut])
def my_awards(request: HttpRequest) -> list[AwardOut]:
    return [_out(a) for a in awards_of_learner(request.user).select_related("status_list")]


@router.get("/{award_id}", response=AwardOut)
def award(request: HttpRequest, award_id: UUID) -> AwardOut:
    return _out(award_for(request.user, award_id))


@router.post("/{award_id}/revoke", response=AwardOut)
def revoke(request: HttpRequest, award_id: UUID, payload: RevokeIn) -> AwardOut:
    found = award_for(request.user, award_id)
    return _out(award_revoke(user=request.user, award=found,  # type: ignore[arg-type]
                             reason=payload.reason, now=timezone.now()))  # fmt: skip


@router.post("/{award_id}/suspend", response=AwardOut)
def suspend(request: HttpRequest, award_id: UUID, payload: RevokeIn) -> AwardOut:
    found = award_for(request.user, award_id)
    return _out(award_suspend(user=request.user, award=found,  # type: ignore[arg-type]
                              reason=payload.reason, now=timezone.now()))  # fmt: skip


@router.post("/{award_id}/reinstate", response=AwardOut)
def reinstate(request: HttpRequest, award_id: UUID, payload: RevokeIn) -> AwardOut:
    found = award_for(request.user, award_id)
    return _out(award_suspend(user=request.user, award=found,  # type: ignore[arg-type]
                              reason=payload.reason, now=timezone.now(),
                              suspend=False))  # fmt: skip


@router.post("/{award_id}/correct", response={201: AwardOut})
def correct(request: HttpRequest, award_id: UUID, payload: CorrectIn) -> Status[AwardOut]:
    found = award_for(request.user, award_id)
    fields = payload.dict(exclude={"reason"})
    new = award_correct(user=request.user, award=found,  # type: ignore[arg-type]
                        request=AwardRequest(**fields), reason=payload.reason,
                        now=timezone.now())  # fmt: skip
    return Status(201, _out(new))


def _document(request: HttpRequest, award_id: UUID, fmt: str) -> HttpResponse:
    found = award_for(request.user, award_id)
    return HttpResponse(getattr(found, fmt), content_type="application/json")


@router.get("/{award_id}/ob3", response={200: dict[str, Any]})
def ob3(request: HttpRequest, award_id: UUID) -> HttpResponse:
    return _document(request, award_id, "ob3")


@router.get("/{award_id}/edc", response={200: dict[str, Any]})
def edc(request: HttpRequest, award_id: UUID) -> HttpResponse:
    return _document(request, award_id, "edc")
