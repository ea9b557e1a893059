"""Reads of the accounts app: what roles a person holds, and where."""

from __future__ import annotations

__all__ = ["has_role", "organisations_where", "roles_of"]

from typing import Any

from django.db.models import QuerySet

from .models import Organisation, Role


def roles_of(user: Any) -> frozenset[str]:
    """Every role ``user`` holds in any organisation (none for an anonymous visitor)."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    return frozenset(user.memberships.values_list("role", flat=True))


def has_role(user: Any, *roles: Role) -> bool:
    """Whether ``user`` holds one of ``roles`` somewhere."""
    return bool(roles_of(user) & set(roles))


def organisations_where(user: Any, *roles: Role) -> QuerySet[Organisation]:
    """The organisations in which ``user`` holds one of ``roles``."""
    if not getattr(user, "is_authenticated", False):
        return Organisation.objects.none()
    return Organisation.objects.filter(memberships__user=user,
                                       memberships__role__in=roles).distinct()  # fmt: skip
