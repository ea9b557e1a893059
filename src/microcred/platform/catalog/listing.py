"""Which design versions the public registry lists: ``VersionFacets.listed`` — approved,
no later version of the same design approved, and its provider verified.

The rule is evaluated here, in SQL, and its result stored, because the registry reads
it on every search: joined at read time (design → provider, and a look for a later
approved version, for every row), it cost more than the whole search budget with 50,000
published designs (``bench/registry.py``); stored and indexed with the sort keys, a page
is read from an index. Every change that can move a version in or out calls
:func:`listings_refresh`: a QA approval (``qa.services.design_review``) and a provider's
change of status (``providers.signals.provider_status_changed``, sent by
``provider_decide``); migration 0003 computed it for the rows made before.
"""

from __future__ import annotations

__all__ = ["listable", "listings_refresh", "on_provider_status_changed"]

from typing import Any

from django.db.models import Exists, OuterRef, QuerySet

from ..providers.models import Provider, ProviderStatus
from .models import DesignStatus, DesignVersion, VersionFacets


def listable() -> QuerySet[DesignVersion]:
    """The versions the rule lists, computed from the rows (the truth ``listed`` keeps)."""
    later = DesignVersion.objects.filter(design=OuterRef("design"), status=DesignStatus.APPROVED,
                                         number__gt=OuterRef("number"))  # fmt: skip
    return DesignVersion.objects.filter(
        ~Exists(later), status=DesignStatus.APPROVED,
        design__provider__status=ProviderStatus.APPROVED,
    )  # fmt: skip


def listings_refresh(*, design_id: int | None = None, provider: Provider | None = None) -> int:
    """``listed`` made true to the rule for one design's versions, one provider's, or
    (neither given) all; returns how many versions changed."""
    rows = VersionFacets.objects.all()
    if design_id is not None:
        rows = rows.filter(version__design_id=design_id)
    if provider is not None:
        rows = rows.filter(provider=provider)
    should = listable().values("pk")
    changed = rows.filter(listed=True).exclude(version_id__in=should).update(listed=False)
    return changed + rows.filter(listed=False, version_id__in=should).update(listed=True)


def on_provider_status_changed(sender: Any, *, provider: Provider, **kwargs: Any) -> None:
    listings_refresh(provider=provider)
