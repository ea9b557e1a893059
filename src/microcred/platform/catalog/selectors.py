"""Reads of the catalog, with the providers' object-level permissions: a provider's
designs are seen by its people, QA officers and platform administrators."""

from __future__ import annotations

__all__ = ["compliance_of", "design_version_for", "designs_of_provider"]

import datetime as dt
from typing import Any

from django.db.models import QuerySet

from ...standard import designfile
from ...standard.compliance import ComplianceReport, check
from ..core.errors import NotFoundError
from ..providers.models import Provider
from ..providers.selectors import providers_of
from .models import DesignVersion


def designs_of_provider(provider: Provider) -> QuerySet[DesignVersion]:
    """The latest version of each of ``provider``'s designs (the caller has checked that
    the person may see the provider)."""
    versions = DesignVersion.objects.filter(design__provider=provider).order_by(
        "design_id", "-number"
    )
    latest: dict[int, int] = {}
    for pk, design_id in versions.values_list("pk", "design_id"):
        latest.setdefault(design_id, pk)
    return DesignVersion.objects.filter(pk__in=latest.values()).order_by("-created_at", "-pk")


def design_version_for(user: Any, version_id: int) -> DesignVersion:
    """The version if ``user`` may see its provider, else :class:`NotFoundError`."""
    version = (DesignVersion.objects.select_related("design__provider", "created_by")
               .filter(pk=version_id, design__provider__in=providers_of(user)).first())  # fmt: skip
    if version is None:
        raise NotFoundError()
    return version


def compliance_of(version: DesignVersion, now: dt.datetime) -> ComplianceReport:
    """The version's EU compliance report, from the standard layer (never stored: the
    rules may improve, and the report with them)."""
    return check(designfile.loads(version.source), now=now)
