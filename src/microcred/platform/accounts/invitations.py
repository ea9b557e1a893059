"""Invitations by e-mail (the services of the concept "invitation"): who may invite
whom, the link sent, and its acceptance.

A provider's administrator invites to that provider (administrator, staff, assessor), a
QA officer to their QA body, an employer or counsellor to theirs; a platform
administrator to any organisation. The link carries a random token; only its SHA-256 is
stored, so a database copy cannot be used to accept. An invitation works once, for the
person whose e-mail address it names, for seven days.
"""

from __future__ import annotations

__all__ = ["INVITATION_DAYS", "ensure_may_grant", "grantable_roles", "invitation_accept",
           "invitation_create", "invitation_for", "may_grant", "sha256_hex"]  # fmt: skip

import hashlib
import secrets
from datetime import datetime, timedelta

from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import translation

from ...standard.messages import Message
from ..core.errors import ConflictError, InvalidInputError, NotFoundError, PermissionDeniedError
from ..core.language import current_language
from . import messages as m
from .models import ROLE_KINDS, Invitation, Membership, Organisation, Role, User
from .services import membership_grant

INVITATION_DAYS = 7
#: who, holding which role in an organisation, may invite to it in which roles
_MAY_INVITE: dict[str, frozenset[str]] = {
    Role.PROVIDER_ADMIN: frozenset({Role.PROVIDER_ADMIN, Role.PROVIDER_STAFF, Role.ASSESSOR}),
    Role.QA_OFFICER: frozenset({Role.QA_OFFICER}),
    Role.EMPLOYER: frozenset({Role.EMPLOYER}),
    Role.COUNSELLOR: frozenset({Role.COUNSELLOR}),
    Role.PLATFORM_ADMIN: frozenset({Role.PLATFORM_ADMIN}),
}


def sha256_hex(secret: str) -> str:
    """The SHA-256 of a secret (a link's token, an API key), in hex: what is stored."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def ensure_may_grant(user: User, organisation: Organisation, role: Role,
                     refused: Message) -> Role:  # fmt: skip
    """``role``, once it is checked that it belongs to ``organisation``'s kind and that
    ``user`` may give it there (else ``refused``, a permission error)."""
    role = Role(role)
    if ROLE_KINDS[role] != organisation.kind:
        raise InvalidInputError(m.ROLE_WRONG_ORGANISATION, role=role.label,
                                organisation=organisation.name)  # fmt: skip
    if not may_grant(user, organisation, role):
        raise PermissionDeniedError(refused, organisation=organisation.name)
    return role


def grantable_roles(inviter: User, organisation: Organisation) -> frozenset[str]:
    """The roles ``inviter`` may give in ``organisation`` (by invitation or API key), in
    one query: every role for a platform administrator (an administrator anywhere); else
    the roles their own roles there list."""
    held = set(
        Membership.objects.filter(Q(role=Role.PLATFORM_ADMIN) | Q(organisation=organisation),
                                  user=inviter).values_list("role", flat=True)
    )  # fmt: skip
    if Role.PLATFORM_ADMIN in held:
        return frozenset(Role)
    return frozenset().union(*(_MAY_INVITE.get(role, frozenset()) for role in held))


def may_grant(inviter: User, organisation: Organisation, role: Role) -> bool:
    """Whether ``inviter`` may give ``role`` in ``organisation``: :func:`grantable_roles`."""
    return role in grantable_roles(inviter, organisation)


@transaction.atomic
def invitation_create(*, inviter: User, organisation: Organisation, role: Role, email: str,
                      now: datetime, link_base: str) -> Invitation:  # fmt: skip
    """Invite ``email`` to ``role`` in ``organisation``; the e-mail (with the link under
    ``link_base``, e.g. ``https://host/accounts/invitations/``) goes once the invitation
    is saved."""
    role = ensure_may_grant(inviter, organisation, role, m.INVITATION_NOT_ALLOWED)
    email = User.objects.normalize_email(email).strip()
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        organisation=organisation, role=role, email=email, token_sha256=sha256_hex(token),
        invited_by=inviter, created_at=now, expires_at=now + timedelta(days=INVITATION_DAYS),
    )  # fmt: skip
    context = {"invitation": invitation, "link": f"{link_base}{token}/", "days": INVITATION_DAYS}
    language = current_language()

    def send() -> None:
        with translation.override(language):
            subject = render_to_string("accounts/invitation_subject.txt", context).strip()
            body = render_to_string("accounts/invitation_email.txt", context)
        send_mail(subject, body, None, [email])

    transaction.on_commit(send)
    return invitation


def invitation_for(token: str, *, now: datetime) -> Invitation:
    """The open invitation a link's token names, or the reason it cannot be used."""
    invitation = (
        Invitation.objects.select_related("organisation")
        .filter(token_sha256=sha256_hex(token), accepted_at=None)
        .first()
    )
    if invitation is None:
        raise NotFoundError(m.INVITATION_UNKNOWN)
    if invitation.expires_at <= now:
        raise ConflictError(m.INVITATION_EXPIRED, date=f"{invitation.expires_at:%Y-%m-%d}")
    return invitation


@transaction.atomic
def invitation_accept(*, token: str, user: User, now: datetime) -> Membership:
    """``user`` accepts the invitation: they hold its role from now on. The invitation
    is for one e-mail address, and works once."""
    invitation = invitation_for(token, now=now)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise NotFoundError(m.INVITATION_UNKNOWN)
    if invitation.email.casefold() != user.email.casefold():
        raise PermissionDeniedError(m.INVITATION_OTHER_PERSON, email=invitation.email)
    membership = membership_grant(user=user, organisation=invitation.organisation,
                                  role=Role(invitation.role), now=now)  # fmt: skip
    invitation.accepted_at, invitation.accepted_by = now, user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership
