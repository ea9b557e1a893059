"""Reads of the catalog, with the providers' object-level permissions: a provider's
designs are seen by its people, QA officers and platform administrators."""

from __future__ import annotations

__all__ = ["badge_of", "compliance_of", "compliance_of_spec", "design_for", "design_version_for",
           "designs_of_provider", "latest_versions", "may_draft", "report_context",
           "report_rows", "spec_of", "superseded_version"]  # fmt: skip

import datetime as dt
from typing import Any

from django.db.models import QuerySet

from ...standard import designfile
from ...standard.caching import cached
from ...standard.compliance import ComplianceReport, ElementStatus, check
from ...standard.elements import MicroCredentialSpec
from ..accounts.models import Membership, Role
from ..core.errors import NotFoundError
from ..providers.models import Provider
from ..providers.selectors import providers_of
from .badges import SVG, badge_generated
from .listing import listable
from .models import Design, DesignStatus, DesignVersion


def latest_versions(versions: QuerySet[DesignVersion]) -> QuerySet[DesignVersion]:
    """The latest of ``versions`` for each design they belong to."""
    latest: dict[int, int] = {}
    ordered = versions.order_by("design_id", "-number").values_list("pk", "design_id")
    for pk, design_id in ordered:
        latest.setdefault(design_id, pk)
    return versions.filter(pk__in=latest.values())


def designs_of_provider(provider: Provider) -> QuerySet[DesignVersion]:
    """The latest version of each of ``provider``'s designs (the caller has checked that
    the person may see the provider)."""
    versions = DesignVersion.objects.filter(design__provider=provider)
    return latest_versions(versions).order_by("-created_at", "-pk")


def report_rows(report: ComplianceReport, lang: str, *,
                applicable_only: bool = False) -> list[dict[str, object]]:  # fmt: skip
    """The Annex I elements of a report, as a page shows them in ``lang``."""
    return [{"label": r.element.short_label(lang), "status": str(r.status),
             "status_label": r.status.label(lang), "mandatory": r.mandatory,
             "reasons": [x.text(lang) for x in r.reasons]}
            for r in report.elements
            if not (applicable_only and r.status is ElementStatus.NOT_APPLICABLE)]  # fmt: skip


def report_context(report: ComplianceReport, lang: str, *,
                   applicable_only: bool = False) -> dict[str, Any]:  # fmt: skip
    """A report as every page (and the API) shows it, in ``lang``: the verdict's label
    (``verdict``) and code (``verdict_code``), its reasons, and the Annex I rows
    (:func:`report_rows`; ``applicable_only`` leaves out the elements that do not apply)."""
    return {
        "verdict": report.verdict.label(lang), "verdict_code": str(report.verdict),
        "verdict_reasons": [x.text(lang) for x in report.verdict_reasons],
        "elements": report_rows(report, lang, applicable_only=applicable_only),
    }  # fmt: skip


def design_version_for(user: Any, version_id: int) -> DesignVersion:
    """The version if ``user`` may see its provider, else :class:`NotFoundError`."""
    version = (DesignVersion.objects.select_related("design__provider", "created_by")
               .filter(pk=version_id, design__provider__in=providers_of(user)).first())  # fmt: skip
    if version is None:
        raise NotFoundError()
    return version


@cached(maxsize=256)
def _spec(source: str) -> MicroCredentialSpec:
    return designfile.loads(source)


def spec_of(version: DesignVersion) -> MicroCredentialSpec:
    """The version's design, read once per design file (the same object each time, so
    the standard layer's report cache holds too)."""
    return _spec(version.source)


def compliance_of(version: DesignVersion, now: dt.datetime) -> ComplianceReport:
    """The version's EU compliance report, from the standard layer (never stored: the
    rules may improve, and the report with them)."""
    return check(spec_of(version), now=now)


def compliance_of_spec(spec: MicroCredentialSpec, now: dt.datetime) -> ComplianceReport:
    """The EU compliance report of a design not saved yet (the studio's live check)."""
    return check(spec, now=now)


def superseded_version(version_id: int) -> tuple[DesignVersion, DesignVersion]:
    """An approved version that a later approved version of its design replaced, and the
    version the registry lists in its place (a registrar's link to the old one still
    leads somewhere); :class:`NotFoundError` for any other version — one never approved,
    or of a design the registry no longer lists (its provider suspended)."""
    old = (DesignVersion.objects.select_related("design__provider")
           .filter(pk=version_id, status=DesignStatus.APPROVED).first())  # fmt: skip
    current = None if old is None else (
        listable().filter(design_id=old.design_id, number__gt=old.number).first())  # fmt: skip
    if old is None or current is None:
        raise NotFoundError()
    return old, current


def design_for(user: Any, design_id: int) -> Design:
    """The design if ``user`` may see its provider, else :class:`NotFoundError`."""
    design = (Design.objects.select_related("provider")
              .filter(pk=design_id, provider__in=providers_of(user)).first())  # fmt: skip
    if design is None:
        raise NotFoundError()
    return design


def badge_of(design: Design, lang: str) -> tuple[bytes, str]:
    """The design's badge image and its media type: the uploaded one, else one
    generated from its latest version."""
    if design.badge:
        return bytes(design.badge), design.badge_type
    latest = design.versions.order_by("-number").first()
    spec = spec_of(latest) if latest else MicroCredentialSpec()
    return badge_generated(spec, lang, seed=design.pk), SVG


def may_draft(user: Any, provider: Provider) -> bool:
    """Whether ``user`` drafts ``provider``'s micro-credentials: its administrators and
    staff (a QA officer sees the designs, and never writes them)."""
    if not getattr(user, "is_authenticated", False):
        return False
    return Membership.objects.filter(
        user=user, organisation=provider.organisation,
        role__in=(Role.PROVIDER_ADMIN, Role.PROVIDER_STAFF),
    ).exists()  # fmt: skip
