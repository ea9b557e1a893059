"""Reads of the public registry: the latest approved version of each design whose
provider is verified (a suspended provider's offers leave the registry)."""

from __future__ import annotations

__all__ = ["published", "published_version"]

from django.db.models import Q, QuerySet

from ..catalog.models import DesignStatus, DesignVersion
from ..catalog.selectors import latest_versions
from ..core.errors import NotFoundError
from ..providers.models import ProviderStatus


def published(query: str = "") -> QuerySet[DesignVersion]:
    """The published versions, those whose title or provider name holds ``query``
    (full-text search that copes with Polish inflection comes with the registry's own
    issue; this is a plain case-insensitive match)."""
    approved = DesignVersion.objects.filter(
        status=DesignStatus.APPROVED, design__provider__status=ProviderStatus.APPROVED
    ).select_related("design__provider")
    found = latest_versions(approved)
    for word in query.split()[:8]:
        found = found.filter(Q(title_pl__icontains=word) | Q(title_en__icontains=word)
                             | Q(design__provider__legal_name__icontains=word))  # fmt: skip
    return found.order_by("title_pl", "pk")


def published_version(version_id: int) -> DesignVersion:
    """A published version, or :class:`NotFoundError` (drafts are nobody's business)."""
    version = published().filter(pk=version_id).first()
    if version is None:
        raise NotFoundError()
    return version
