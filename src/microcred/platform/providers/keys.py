"""Writes and reads of the providers' signing keys (the services of the concept "key").

A provider gets its first key when a QA body first approves it; its ``did:web`` is fixed
then. A rotation ends the key in use (``valid_until``) and makes the next one; every key
stays in the DID document, so what an older key signed still verifies (which key was
valid when is the trust list's to say). Private keys are made by the library
(:class:`~microcred.credentials.keys.KeyPair`), sealed at once (:mod:`.key_encryption`)
and opened only to sign.
"""

from __future__ import annotations

__all__ = ["provider_did_document", "provider_key_create", "provider_key_rotate",
           "provider_signing_key", "provider_status_key"]  # fmt: skip

from datetime import datetime

from django.conf import settings
from django.db import transaction

from ...credentials.dids import DidDocument, did_web_document
from ...credentials.keys import KeyPair
from ..accounts.models import Membership, Role, User
from ..core.errors import ConflictError, NotFoundError, PermissionDeniedError
from . import messages as m
from .key_encryption import open_sealed, seal
from .models import Provider, ProviderKey


def _next_fragment(provider: Provider) -> str:
    return f"key-{provider.keys.count() + 1}"


@transaction.atomic
def provider_key_create(*, provider: Provider, now: datetime) -> ProviderKey:
    """A new key in use for ``provider`` (its first fixes its did:web); the key in use
    before, if any, ends now."""
    provider = Provider.objects.select_for_update().get(pk=provider.pk)
    if not provider.did:
        provider.did = provider.did_under(settings.DID_WEB_HOST)
        provider.save(update_fields=["did"])
    provider.keys.filter(valid_until=None).update(valid_until=now)
    pair = KeyPair.generate("Ed25519")
    fragment = _next_fragment(provider)
    kek, sealed = seal(pair.secret_multibase.encode("ascii"),
                       associated=f"{provider.did}#{fragment}")  # fmt: skip
    return ProviderKey.objects.create(
        provider=provider, fragment=fragment, algorithm=pair.algorithm,
        public_multibase=pair.public_multibase, kek_id=kek, sealed_private=sealed,
        valid_from=now,
    )  # fmt: skip


@transaction.atomic
def provider_key_rotate(*, user: User, provider: Provider, now: datetime) -> ProviderKey:
    """Rotate ``provider``'s key: by its administrator or a platform administrator, and
    only once it has a key."""
    own = Membership.objects.filter(user=user, organisation=provider.organisation,
                                    role=Role.PROVIDER_ADMIN).exists()  # fmt: skip
    if not own and not Membership.objects.filter(user=user, role=Role.PLATFORM_ADMIN).exists():
        raise PermissionDeniedError(m.NOT_PROVIDER_ADMIN)
    if not provider.keys.exists():
        raise ConflictError(m.NO_KEY, provider=provider.legal_name)
    return provider_key_create(provider=provider, now=now)


def provider_signing_key(provider: Provider) -> tuple[KeyPair, str]:
    """The key ``provider`` signs with now, opened, and its verification method's URL;
    :class:`ConflictError` when the provider is not verified (suspended, for one)."""
    if not provider.verified:
        raise ConflictError(m.NOT_VERIFIED, provider=provider.legal_name)
    key = provider.keys.filter(valid_until=None).first()
    if key is None:
        raise ConflictError(m.NO_KEY, provider=provider.legal_name)
    secret = open_sealed(key.kek_id, bytes(key.sealed_private), associated=key.method)
    return KeyPair.from_multikey(key.public_multibase, secret.decode("ascii")), key.method


def provider_status_key(provider: Provider) -> tuple[KeyPair, str]:
    """The key ``provider``'s status lists are signed with: its current key even while it
    is suspended — revoking or suspending an award protects whoever relies on it, so a
    provider that may no longer issue may still do that (and its lists stay readable)."""
    key = provider.keys.filter(valid_until=None).first()
    if key is None:
        raise ConflictError(m.NO_KEY, provider=provider.legal_name)
    secret = open_sealed(key.kek_id, bytes(key.sealed_private), associated=key.method)
    return KeyPair.from_multikey(key.public_multibase, secret.decode("ascii")), key.method


def provider_did_document(slug: str) -> DidDocument:
    """The DID document served for ``slug`` (every key the provider ever had), or
    :class:`NotFoundError` when no provider with keys has it."""
    provider = Provider.objects.filter(did__endswith=f":providers:{slug}").exclude(did="").first()
    if provider is None or not provider.keys.exists():
        raise NotFoundError()
    keys = {key.fragment: KeyPair.from_multikey(key.public_multibase)
            for key in provider.keys.order_by("valid_from", "pk")}  # fmt: skip
    return did_web_document(provider.did, keys)
