"""Reads of the issuance app, with object-level permissions: an award is seen by its
provider's people, by the learner it was issued to (by e-mail address, until claims
link awards to accounts) and by no one else (:class:`NotFoundError`)."""

from __future__ import annotations

__all__ = [
    "OWN_ROLES",
    "award_for",
    "awards_of_learner",
    "awards_of_provider",
    "batch_for",
    "batches_of_provider",
    "issuable_version",
    "issuing_provider",
    "listed_version",
]

from typing import Any

from django.db.models import Q, QuerySet

from ..accounts.models import Role
from ..catalog.models import DesignVersion
from ..core.errors import NotFoundError
from ..providers.models import Provider
from .models import Award, Batch

#: a provider's roles that see its awards (the QA body does not: learners' personal data
#: stays with the provider that holds it; the QA body sees feedback without names)
OWN_ROLES = (Role.PROVIDER_ADMIN, Role.PROVIDER_STAFF, Role.ASSESSOR)
_OWN = OWN_ROLES


def _authenticated(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def awards_of_provider(provider: Provider) -> QuerySet[Award]:
    """``provider``'s awards, the latest first (the caller checked who asks)."""
    return Award.objects.filter(provider=provider).select_related("version")


def awards_of_learner(user: Any) -> QuerySet[Award]:
    """The awards issued to ``user``'s e-mail address, the latest first."""
    if not _authenticated(user):
        return Award.objects.none()
    return Award.objects.filter(email__iexact=user.email).select_related("version", "provider")


def award_for(user: Any, award_id: Any) -> Award:
    """Award ``award_id`` if ``user`` may see it (its provider's people, its learner)."""
    if not _authenticated(user):
        raise NotFoundError()
    own = Q(provider__organisation__memberships__user=user,
            provider__organisation__memberships__role__in=_OWN)  # fmt: skip
    found = (Award.objects.filter(own | Q(email__iexact=user.email), pk=award_id)
             .select_related("version__design", "provider").distinct().first())  # fmt: skip
    if found is None:
        raise NotFoundError()
    return found


def issuable_version(user: Any, version_id: int) -> DesignVersion:
    """Version ``version_id`` of a design of a provider ``user`` issues for (whether it
    may be issued now is the service's question), else :class:`NotFoundError`."""
    if not _authenticated(user):
        raise NotFoundError()
    version = (DesignVersion.objects.select_related("design__provider")
               .filter(pk=version_id, design__provider__organisation__memberships__user=user,
                       design__provider__organisation__memberships__role__in=_OWN)
               .distinct().first())  # fmt: skip
    if version is None:
        raise NotFoundError()
    return version


def issuing_provider(user: Any, provider_id: int) -> Provider:
    """Provider ``provider_id`` if ``user`` is one of its people (whose awards they see),
    else :class:`NotFoundError` — the QA body and platform administrators included."""
    if not _authenticated(user):
        raise NotFoundError()
    found = Provider.objects.filter(pk=provider_id, organisation__memberships__user=user,
                                    organisation__memberships__role__in=_OWN).first()  # fmt: skip
    if found is None:
        raise NotFoundError()
    return found


def listed_version(design_id: int) -> DesignVersion | None:
    """The version of design ``design_id`` that the registry lists (awards are issued
    under it), or ``None``."""
    return (DesignVersion.objects.select_related("design__provider")
            .filter(design_id=design_id, facets__listed__in=[True]).first())  # fmt: skip


def batch_for(user: Any, batch_id: Any) -> Batch:
    """Batch ``batch_id`` if ``user`` is one of its provider's people, else
    :class:`NotFoundError`."""
    if not _authenticated(user):
        raise NotFoundError()
    found = (Batch.objects.select_related("version", "provider", "created_by")
             .filter(pk=batch_id, provider__organisation__memberships__user=user,
                     provider__organisation__memberships__role__in=_OWN).first())  # fmt: skip
    if found is None:
        raise NotFoundError()
    return found


def batches_of_provider(provider: Provider) -> QuerySet[Batch]:
    """``provider``'s batches, the latest first (the caller checked who asks)."""
    return Batch.objects.filter(provider=provider).select_related("version", "created_by")
