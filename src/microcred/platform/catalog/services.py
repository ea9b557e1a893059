"""Writes of the catalog: importing a design file as a new design or a new version, and
submitting a version to the QA body. The rules of the standard are the standard layer's
(:mod:`microcred.standard.designfile`, :mod:`microcred.standard.compliance`): nothing
here repeats them."""

from __future__ import annotations

__all__ = ["design_badge_clear", "design_badge_set", "design_from_mapping", "design_import",
           "design_save_form", "design_save_spec", "design_version_submit",
           "spec_from_mapping"]  # fmt: skip

import json
from datetime import datetime
from typing import Any

from django.db import transaction

from ...standard import designfile
from ...standard.compliance import ElementStatus, Verdict
from ...standard.elements import DESIGN_FORMAT, MicroCredentialSpec
from ...standard.errors import DesignError
from ..accounts.models import User
from ..core.errors import ConflictError, InvalidInputError, PermissionDeniedError
from ..core.language import current_language
from ..providers.models import Provider
from . import messages as m
from .awarding import first_body_problem
from .badges import badge_checked
from .facets import facets_of, facets_rows
from .models import Design, DesignSkill, DesignStatus, DesignVersion
from .selectors import compliance_of, may_draft, spec_of

#: a design file larger than this is refused before it is read
MAX_DESIGN_BYTES = 1024 * 1024


def _read(text: str) -> MicroCredentialSpec:
    if len(text.encode("utf-8")) > MAX_DESIGN_BYTES:
        raise InvalidInputError(m.DESIGN_INVALID, count=1, first=f"> {MAX_DESIGN_BYTES} bytes")
    try:
        return designfile.loads(text, source="design.yaml")
    except DesignError as exc:
        lang = current_language()
        problems = [p.located("design.yaml", lang) for p in exc.problems]
        raise InvalidInputError(m.DESIGN_INVALID, count=len(problems),
                                first=problems[0] if problems else "—",
                                extra={"problems": problems}) from exc  # fmt: skip


def _check_drafter(user: User, provider: Provider, design: Design | None) -> None:
    if not may_draft(user, provider) or (design is not None and design.provider != provider):
        raise PermissionDeniedError(m.NOT_PROVIDER_PERSON)


@transaction.atomic
def design_import(*, user: User, provider: Provider, text: str, now: datetime,
                  design: Design | None = None) -> DesignVersion:  # fmt: skip
    """A design file imported as a new design of ``provider`` (or, with ``design``, as
    its next version): a draft. Every problem of the file is reported with its line."""
    _check_drafter(user, provider, design)
    return _save_spec(user=user, provider=provider, spec=_read(text), now=now, design=design)


@transaction.atomic
def design_save_spec(*, user: User, provider: Provider, spec: MicroCredentialSpec,
                     now: datetime, design: Design | None = None) -> DesignVersion:  # fmt: skip
    """A design the standard has read already (the studio's form: its page reads it once
    for the report and the save) saved as a new draft design of ``provider`` or, with
    ``design``, as its next version; its ``source`` the YAML the standard writes."""
    _check_drafter(user, provider, design)
    return _save_spec(user=user, provider=provider, spec=spec, now=now, design=design)


def _save_spec(*, user: User, provider: Provider, spec: MicroCredentialSpec, now: datetime,
               design: Design | None) -> DesignVersion:  # fmt: skip
    source = designfile.dumps(spec)
    if len(source.encode("utf-8")) > MAX_DESIGN_BYTES:
        raise InvalidInputError(m.DESIGN_INVALID, count=1, first=f"> {MAX_DESIGN_BYTES} bytes")
    if design is None:
        design = Design.objects.create(provider=provider, created_at=now)
    number = (design.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    titles = {str(lang): text for lang, text in spec.title.items()} if spec.title else {}
    facets = facets_of(spec, provider_name=provider.legal_name)
    version = DesignVersion.objects.create(
        design=design, number=number, source=source,
        title_pl=titles.get("pl", ""), title_en=titles.get("en", ""),
        created_by=user, created_at=now,
    )  # fmt: skip
    for row in facets_rows(version, facets, provider_id=provider.pk):
        row.save()
    DesignSkill.objects.bulk_create(DesignSkill(version=version, uri=uri) for uri in facets.skills)
    return version


def spec_from_mapping(data: dict[str, Any]) -> MicroCredentialSpec:
    """The design a mapping (a design file as data: the studio's form, the API's JSON)
    says, read by the standard's design-file reader; raises
    :class:`~microcred.standard.errors.DesignError` listing every problem by field."""
    text = json.dumps({**data, "format": data.get("format", DESIGN_FORMAT)},
                      ensure_ascii=False, default=str)  # fmt: skip
    return designfile.loads(text, source="form")


def design_from_mapping(data: dict[str, Any]) -> MicroCredentialSpec:
    """:func:`spec_from_mapping`, its problems as an :class:`InvalidInputError` whose
    ``extra["fields"]`` lists them by field, in the user's language."""
    if not isinstance(data, dict):
        raise InvalidInputError(m.DESIGN_INVALID, count=1, first="{…}")
    try:
        return spec_from_mapping(data)
    except DesignError as exc:
        lang = current_language()
        fields: dict[str, list[str]] = {}
        for p in exc.problems:
            fields.setdefault(p.field or "__all__", []).append(p.text(lang))
        first = next(iter(fields.items()), ("", ["—"]))
        raise InvalidInputError(m.DESIGN_INVALID, count=len(exc.problems),
                                first=f"{first[0]}: {first[1][0]}",
                                extra={"fields": fields}) from exc  # fmt: skip


@transaction.atomic
def design_save_form(*, user: User, provider: Provider, data: dict[str, Any], now: datetime,
                     design: Design | None = None) -> DesignVersion:  # fmt: skip
    """The studio's design (a mapping of the design file's fields) saved as a new draft
    design of ``provider`` or, with ``design``, as its next version — through
    :func:`design_import`, so a version's ``source`` is always the YAML the standard
    writes. A draft may lack Annex I elements (the design format allows it; submitting
    does not); a malformed value is refused with every problem under its field
    (``extra["fields"]``), and nothing is saved. The mapping is read once."""
    _check_drafter(user, provider, design)
    spec = design_from_mapping(data)
    return _save_spec(user=user, provider=provider, spec=spec, now=now, design=design)


@transaction.atomic
def design_version_submit(*, user: User, version: DesignVersion, now: datetime) -> DesignVersion:
    """Submit a draft to the QA body: only a verified provider's, only a complete one,
    only one whose first awarding body is the provider (:mod:`.awarding`)."""
    version = (
        DesignVersion.objects.select_for_update()
        .select_related("design__provider")
        .get(pk=version.pk)
    )
    provider = version.design.provider
    if not may_draft(user, provider):
        raise PermissionDeniedError(m.NOT_PROVIDER_PERSON)
    if not provider.verified:
        raise ConflictError(m.PROVIDER_NOT_VERIFIED, provider=provider.legal_name)
    if version.status != DesignStatus.DRAFT:
        raise ConflictError(m.NOT_A_DRAFT, status=DesignStatus(version.status).label)
    report = compliance_of(version, now)
    if report.verdict is Verdict.INCOMPLETE:
        lacking = (ElementStatus.MISSING, ElementStatus.WEAK)
        missing = sum(1 for r in report.elements if r.mandatory and r.status in lacking)
        raise ConflictError(m.INCOMPLETE, missing=missing)
    mismatch = first_body_problem(spec_of(version), provider)
    if mismatch is not None:
        raise mismatch
    version.status, version.submitted_at = DesignStatus.SUBMITTED, now
    version.save(update_fields=["status", "submitted_at"])
    return version


@transaction.atomic
def design_badge_set(*, user: User, design: Design, data: bytes, now: datetime) -> Design:
    """Keep an uploaded badge image for ``design`` (every version shows it): a PNG or an
    SVG within the limits of :mod:`.badges`, an SVG as sanitised; anything else is
    refused with the reason and the badge stays as it was."""
    if not may_draft(user, design.provider):
        raise PermissionDeniedError(m.NOT_PROVIDER_PERSON)
    image, media_type = badge_checked(data)
    design.badge, design.badge_type = image, media_type
    design.save(update_fields=["badge", "badge_type"])
    return design


@transaction.atomic
def design_badge_clear(*, user: User, design: Design, now: datetime) -> Design:
    """Drop the uploaded badge: the design shows a generated one again."""
    if not may_draft(user, design.provider):
        raise PermissionDeniedError(m.NOT_PROVIDER_PERSON)
    design.badge, design.badge_type = b"", ""
    design.save(update_fields=["badge", "badge_type"])
    return design
