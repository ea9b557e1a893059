"""API keys for machine clients (the services of the concept "API token"), and the
django-ninja authentication that reads them (``Authorization: Bearer mc_…``).

A key is made by someone who may invite to that role in that organisation (see
:mod:`.invitations`), acts as a machine user of its own holding just that role there, and
stops working when revoked. The secret is ``mc_`` + 8 characters shown to tell keys
apart + 32 random bytes; only its SHA-256 is stored.
"""

from __future__ import annotations

__all__ = ["ApiTokenAuth", "api_token_create", "api_token_revoke"]

import secrets
from datetime import datetime, timedelta

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer

from ..core.errors import PermissionDeniedError
from . import messages as m
from .invitations import ensure_may_grant, may_grant
from .invitations import sha256_hex as _sha256
from .models import ApiToken, Organisation, Role, User
from .services import membership_grant

#: how often the "last used" time is written (not on every request)
_LAST_USED_EVERY = timedelta(minutes=1)


@transaction.atomic
def api_token_create(*, creator: User, organisation: Organisation, name: str, role: Role,
                     now: datetime) -> tuple[ApiToken, str]:  # fmt: skip
    """A new API key for ``organisation`` acting in ``role``; returns it and its secret
    (shown once)."""
    role = ensure_may_grant(creator, organisation, role, m.TOKEN_NOT_ALLOWED)
    prefix = "mc_" + secrets.token_hex(4)
    secret = f"{prefix}_{secrets.token_urlsafe(32)}"
    machine = User(email=f"{prefix}@api-keys.invalid", full_name=f"API: {name.strip()}",
                   is_machine=True)  # fmt: skip
    machine.set_unusable_password()
    machine.save()
    membership_grant(user=machine, organisation=organisation, role=role, now=now)
    token = ApiToken.objects.create(
        user=machine, organisation=organisation, name=name.strip(), role=role, prefix=prefix,
        token_sha256=_sha256(secret), created_by=creator, created_at=now,
    )  # fmt: skip
    return token, secret


@transaction.atomic
def api_token_revoke(*, user: User, token: ApiToken, now: datetime) -> ApiToken:
    """Revoke ``token``: from now on it is refused."""
    if not may_grant(user, token.organisation, Role(token.role)):
        raise PermissionDeniedError(m.TOKEN_NOT_ALLOWED, organisation=token.organisation.name)
    token.revoked_at = now
    token.save(update_fields=["revoked_at"])
    User.objects.filter(pk=token.user_id).update(is_active=False)
    return token


class ApiTokenAuth(HttpBearer):
    """``Authorization: Bearer mc_…``: the request acts as the key's machine user."""

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        found = (
            ApiToken.objects.select_related("user")
            .filter(token_sha256=_sha256(token), revoked_at=None, user__is_active=True)
            .first()
        )
        if found is None:
            return None
        now = timezone.now()
        if found.last_used_at is None or now - found.last_used_at > _LAST_USED_EVERY:
            ApiToken.objects.filter(pk=found.pk).update(last_used_at=now)
        request.user = found.user
        return found
