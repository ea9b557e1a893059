"""Reads of the providers app, with object-level permissions: a provider's data is seen by
its own people, by QA officers and by platform administrators; to anyone else it does not
exist (:class:`~..core.errors.NotFoundError`, so that its existence is not leaked)."""

from __future__ import annotations

__all__ = ["provider_for", "providers_awaiting_decision", "providers_of"]

from typing import Any

from django.db.models import QuerySet

from ..accounts.models import Role
from ..accounts.selectors import has_role
from ..core.errors import NotFoundError
from .models import Provider, ProviderStatus

#: the roles that see every provider
_OVERSEERS = (Role.QA_OFFICER, Role.PLATFORM_ADMIN)
#: a provider's own roles
_OWN = (Role.PROVIDER_ADMIN, Role.PROVIDER_STAFF, Role.ASSESSOR)


def providers_of(user: Any) -> QuerySet[Provider]:
    """The providers ``user`` may see: every one for QA officers and platform
    administrators, their own for a provider's people, none for anyone else."""
    if not getattr(user, "is_authenticated", False):
        return Provider.objects.none()
    if has_role(user, *_OVERSEERS):
        return Provider.objects.all()
    return Provider.objects.filter(
        organisation__memberships__user=user, organisation__memberships__role__in=_OWN
    ).distinct()


def provider_for(user: Any, provider_id: int) -> Provider:
    """The provider ``provider_id`` if ``user`` may see it, else :class:`NotFoundError`."""
    provider = providers_of(user).filter(pk=provider_id).first()
    if provider is None:
        raise NotFoundError()
    return provider


def providers_awaiting_decision() -> QuerySet[Provider]:
    """Providers a QA body has to decide on, the longest waiting first."""
    return Provider.objects.filter(
        status__in=(ProviderStatus.PENDING, ProviderStatus.CHANGES_REQUESTED)
    ).order_by("submitted_at", "pk")
