"""Writes of the accounts app: people, organisations, memberships.

Keyword-only, validated before anything is saved, one transaction each; the time is an
argument (``now``) so that tests and imports set it.
"""

from __future__ import annotations

__all__ = ["membership_grant", "organisation_create", "user_create"]

from datetime import datetime

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.db import transaction

from ..core.errors import ConflictError, InvalidInputError
from . import messages as m
from .models import ROLE_KINDS, Membership, Organisation, OrganisationKind, Role, User


@transaction.atomic
def user_create(*, email: str, password: str, full_name: str = "", language: str = "pl") -> User:
    """A new person; the e-mail address is their login (compared without case)."""
    email = User.objects.normalize_email(email).strip()
    if User.objects.filter(email__iexact=email).exists():
        raise ConflictError(m.EMAIL_TAKEN)
    user = User(email=email, full_name=full_name.strip(), language=language)
    try:
        password_validation.validate_password(password, user)
    except ValidationError as exc:
        raise InvalidInputError(m.WEAK_PASSWORD, why=" ".join(exc.messages),
                           extra={"fields": {"password": exc.messages}}) from exc  # fmt: skip
    user.set_password(password)
    user.save()
    return user


@transaction.atomic
def organisation_create(*, name: str, kind: OrganisationKind, now: datetime) -> Organisation:
    """A new organisation of one kind."""
    return Organisation.objects.create(name=name.strip(), kind=kind, created_at=now)


@transaction.atomic
def membership_grant(*, user: User, organisation: Organisation, role: Role,
                     now: datetime) -> Membership:  # fmt: skip
    """Give ``user`` a ``role`` in ``organisation`` (again: the same membership)."""
    if ROLE_KINDS[role] != organisation.kind:
        raise InvalidInputError(
            m.ROLE_WRONG_ORGANISATION, role=role, organisation=organisation.name
        )
    membership, _ = Membership.objects.get_or_create(
        user=user, organisation=organisation, role=role, defaults={"created_at": now}
    )
    return membership
