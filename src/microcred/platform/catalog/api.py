"""The catalog's REST endpoints: the same services and selectors as the design studio's
pages. A design is sent as the design file's fields in JSON (``docs/design-format.md``):

- ``POST /api/v1/catalog/providers/{id}/designs`` — a new design (a draft), from JSON;
- ``POST /api/v1/catalog/providers/{id}/designs/import`` — a new design from a YAML file;
- ``POST /api/v1/catalog/designs/{id}/versions`` — its next version, from JSON;
- ``POST /api/v1/catalog/compliance`` — the compliance report of a design, not saved;
- ``GET /api/v1/catalog/versions/{id}`` — a version, with its design and its report;
- ``GET /api/v1/catalog/versions/{id}/design.yaml`` — the version as its design file;
- ``GET /api/v1/catalog/versions/{id}/preview/{ob3|edc}`` — the unsigned credential for
  a sample learner;
- ``POST /api/v1/catalog/versions/{id}/submit`` — submit a draft to the QA body;
- ``POST /api/v1/catalog/designs/{id}/badge`` (multipart ``image``), ``DELETE`` — the badge.

A malformed design is refused with every problem by field (``extra.fields``); nothing is
saved.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Body, File, Router, Schema, Status
from ninja.files import UploadedFile

from ..core.language import current_language
from ..providers.selectors import provider_for
from .badges import MAX_BADGE_BYTES
from .models import DesignVersion
from .previews import preview_document
from .selectors import (
    compliance_of,
    compliance_of_spec,
    design_for,
    design_version_for,
    report_context,
    spec_of,
)
from .services import (
    design_badge_clear,
    design_badge_set,
    design_from_mapping,
    design_import,
    design_save_form,
    design_version_submit,
)

router = Router(tags=["catalog"])


class ElementOut(Schema):
    label: str
    status: str
    status_label: str
    mandatory: bool
    reasons: list[str]


class ComplianceOut(Schema):
    verdict: str
    verdict_label: str
    verdict_reasons: list[str]
    elements: list[ElementOut]


class VersionOut(Schema):
    id: int
    design_id: int
    number: int
    status: str
    title_pl: str
    title_en: str
    created_at: datetime
    design: dict[str, Any]
    compliance: ComplianceOut


class ImportIn(Schema):
    text: str


def _compliance(report: Any) -> dict[str, Any]:
    # the pages' report_context; the API names the verdict by its code and label
    shown = report_context(report, current_language())
    return {**shown, "verdict": shown["verdict_code"], "verdict_label": shown["verdict"]}


def _version(version: DesignVersion) -> dict[str, Any]:
    spec = spec_of(version)
    return {
        "id": version.pk, "design_id": version.design_id, "number": version.number,
        "status": version.status, "title_pl": version.title_pl, "title_en": version.title_en,
        "created_at": version.created_at,
        "design": spec.model_dump(mode="json", exclude_none=True, exclude_defaults=True),
        "compliance": _compliance(compliance_of(version, timezone.now())),
    }  # fmt: skip


@router.post("/providers/{provider_id}/designs", response={201: VersionOut})
def create(request: HttpRequest, provider_id: int,
           design: Body[dict[str, Any]]) -> Status[dict[str, Any]]:  # fmt: skip
    provider = provider_for(request.user, provider_id)
    version = design_save_form(user=request.user, provider=provider,  # type: ignore[arg-type]
                               data=design, now=timezone.now())  # fmt: skip
    return Status(201, _version(version))


@router.post("/providers/{provider_id}/designs/import", response={201: VersionOut})
def import_file(request: HttpRequest, provider_id: int,
                payload: ImportIn) -> Status[dict[str, Any]]:  # fmt: skip
    provider = provider_for(request.user, provider_id)
    version = design_import(user=request.user, provider=provider,  # type: ignore[arg-type]
                            text=payload.text, now=timezone.now())  # fmt: skip
    return Status(201, _version(version))


@router.post("/designs/{design_id}/versions", response={201: VersionOut})
def save_version(request: HttpRequest, design_id: int,
                 design: Body[dict[str, Any]]) -> Status[dict[str, Any]]:  # fmt: skip
    found = design_for(request.user, design_id)
    version = design_save_form(user=request.user, provider=found.provider,  # type: ignore[arg-type]
                               data=design, now=timezone.now(), design=found)  # fmt: skip
    return Status(201, _version(version))


@router.post("/compliance", response=ComplianceOut)
def compliance(request: HttpRequest,
               design: Body[dict[str, Any]]) -> dict[str, Any]:  # fmt: skip
    spec = design_from_mapping(design)
    return _compliance(compliance_of_spec(spec, timezone.now()))


@router.get("/versions/{version_id}", response=VersionOut)
def get_version(request: HttpRequest, version_id: int) -> dict[str, Any]:
    return _version(design_version_for(request.user, version_id))


@router.get("/versions/{version_id}/design.yaml")
def export(request: HttpRequest, version_id: int) -> HttpResponse:
    found = design_version_for(request.user, version_id)
    return HttpResponse(found.source, content_type="application/yaml; charset=utf-8")


@router.get("/versions/{version_id}/preview/{kind}", response=dict[str, Any])
def preview(request: HttpRequest, version_id: int,
            kind: Literal["ob3", "edc"]) -> dict[str, Any]:  # fmt: skip
    return preview_document(design_version_for(request.user, version_id), kind, timezone.now())


@router.post("/versions/{version_id}/submit", response=VersionOut)
def submit(request: HttpRequest, version_id: int) -> dict[str, Any]:
    found = design_version_for(request.user, version_id)
    done = design_version_submit(user=request.user, version=found,  # type: ignore[arg-type]
                                 now=timezone.now())  # fmt: skip
    return _version(done)


class BadgeOut(Schema):
    design_id: int
    media_type: str
    uploaded: bool


@router.post("/designs/{design_id}/badge", response=BadgeOut)
def upload_badge(request: HttpRequest, design_id: int,
                 image: File[UploadedFile]) -> dict[str, Any]:  # fmt: skip
    found = design_for(request.user, design_id)
    data = bytes(image.read(MAX_BADGE_BYTES + 1))
    done = design_badge_set(user=request.user, design=found,  # type: ignore[arg-type]
                            data=data, now=timezone.now())  # fmt: skip
    return {"design_id": done.pk, "media_type": done.badge_type, "uploaded": True}


@router.delete("/designs/{design_id}/badge", response=BadgeOut)
def clear_badge(request: HttpRequest, design_id: int) -> dict[str, Any]:
    found = design_for(request.user, design_id)
    done = design_badge_clear(user=request.user, design=found,  # type: ignore[arg-type]
                              now=timezone.now())  # fmt: skip
    return {"design_id": done.pk, "media_type": "image/svg+xml", "uploaded": False}
