"""providers.keys and key_encryption: a verified provider's keys, sealed at rest, served
in its did:web document, rotated without breaking what older keys signed — checked with
the library's own verifier, given only the DID document the platform serves."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.test import Client, override_settings

from microcred.credentials.dids import Resolver
from microcred.credentials.issue import Issuer, issue
from microcred.credentials.verify import verify
from microcred.platform.accounts.models import User
from microcred.platform.core.errors import ConflictError, PermissionDeniedError, PlatformError
from microcred.platform.providers import messages as m
from microcred.platform.providers.keys import (
    provider_did_document,
    provider_key_rotate,
    provider_signing_key,
)
from microcred.platform.providers.models import Decision, Provider, ProviderKey
from microcred.platform.providers.services import provider_decide

from ...conftest import example_award
from ..conftest import NOW, admin_of

pytestmark = pytest.mark.django_db


def approved(provider: Provider, officer: User) -> Provider:
    provider_decide(officer=officer, provider=provider, decision=Decision.APPROVE, reason="",
                    now=NOW)  # fmt: skip
    provider.refresh_from_db()
    return provider


def test_a_provider_has_no_key_until_approved(provider_a: Provider, qa_officer: User) -> None:
    assert not provider_a.keys.exists()
    assert provider_a.did == ""
    with pytest.raises(ConflictError):
        provider_signing_key(provider_a)
    provider = approved(provider_a, qa_officer)
    assert provider.did == "did:web:localhost%3A8000:providers:nip-7770001111"
    key = provider.keys.get()
    assert (key.fragment, key.valid_until) == ("key-1", None)


def test_the_private_key_is_sealed_and_opens_only_for_its_method(
    provider_a: Provider, qa_officer: User
) -> None:
    provider = approved(provider_a, qa_officer)
    pair, method = provider_signing_key(provider)
    key = provider.keys.get()
    assert method == key.method
    assert pair.public_multibase == key.public_multibase
    sealed = bytes(key.sealed_private)
    assert pair.secret_multibase.encode() not in sealed
    assert pair.secret_multibase not in repr(key) + str(key)
    ProviderKey.objects.filter(pk=key.pk).update(fragment="key-9")  # moved: other AAD
    with pytest.raises(PlatformError) as raised:
        provider_signing_key(provider)
    assert raised.value.code == m.KEY_SEAL_BROKEN.code


def test_without_its_kek_a_key_does_not_open_and_the_reason_says_so(
    provider_a: Provider, qa_officer: User
) -> None:
    provider = approved(provider_a, qa_officer)
    other = "A" * 43  # 32 bytes of zeros-ish, another KEK
    with override_settings(KEY_ENCRYPTION_KEY=other, KEY_ENCRYPTION_KEYS_OLD=[]):
        with pytest.raises(PlatformError) as raised:
            provider_signing_key(provider)
        assert raised.value.code == m.KEK_UNKNOWN.code
    from django.conf import settings

    with override_settings(KEY_ENCRYPTION_KEY=other,
                           KEY_ENCRYPTION_KEYS_OLD=[settings.KEY_ENCRYPTION_KEY]):  # fmt: skip
        assert provider_signing_key(provider)[1].endswith("#key-1")  # the old KEK still opens


def test_a_suspended_provider_cannot_sign(provider_a: Provider, qa_officer: User) -> None:
    provider = approved(provider_a, qa_officer)
    provider_decide(officer=qa_officer, provider=provider, decision=Decision.SUSPEND,
                    reason="audit", now=NOW)  # fmt: skip
    provider.refresh_from_db()
    with pytest.raises(ConflictError) as raised:
        provider_signing_key(provider)
    assert raised.value.code == m.NOT_VERIFIED.code


def test_rotation_keeps_what_older_keys_signed_verifiable(provider_a: Provider,
                                                         qa_officer: User) -> None:  # fmt: skip
    provider = approved(provider_a, qa_officer)
    client = Client()

    def served() -> dict[str, object]:
        response = client.get(f"/providers/{provider.slug}/did.json")
        assert response.status_code == 200
        assert response["Content-Type"] == "application/did+json"
        return response.json()  # type: ignore[no-any-return]

    pair, _ = provider_signing_key(provider)
    before = issue(example_award(), issuer=Issuer.from_did_document(pair, served()),
                   formats=("ob3",), now=NOW)["ob3"]  # fmt: skip
    with pytest.raises(PermissionDeniedError):
        provider_key_rotate(user=qa_officer, provider=provider, now=NOW + timedelta(days=1))
    new = provider_key_rotate(user=admin_of(provider), provider=provider,
                              now=NOW + timedelta(days=1))  # fmt: skip
    assert new.fragment == "key-2"
    assert provider.keys.get(fragment="key-1").valid_until == NOW + timedelta(days=1)
    document = served()
    assert document == provider_did_document(provider.slug)
    pair2, method2 = provider_signing_key(provider)
    assert method2.endswith("#key-2")
    after = issue(example_award(), issuer=Issuer.from_did_document(pair2, document),
                  formats=("ob3",), now=NOW + timedelta(days=2))["ob3"]  # fmt: skip
    resolver = Resolver({provider.did: document})  # what a stranger resolves the did:web to
    for credential in (before, after):
        report = verify(credential, resolver=resolver, now=NOW + timedelta(days=3))
        assert report.result == "valid", report


def test_the_did_document_of_an_unknown_or_keyless_provider_is_not_found(
    provider_a: Provider,
) -> None:
    assert Client().get(f"/providers/{provider_a.slug}/did.json").status_code == 404
    assert Client().get("/providers/nip-0000000000/did.json").status_code == 404


def test_reseal_moves_every_key_to_the_new_kek(provider_a: Provider, qa_officer: User) -> None:
    from django.conf import settings
    from django.core.management import call_command

    from microcred.platform.providers.key_encryption import kek_id
    from microcred.platform.providers.seals import platform_test_ca, provider_seal_credentials

    provider = approved(provider_a, qa_officer)
    old = settings.KEY_ENCRYPTION_KEY
    new = "B" * 43
    with override_settings(KEY_ENCRYPTION_KEY=new, KEY_ENCRYPTION_KEYS_OLD=[old]):
        out = io.StringIO()
        call_command("reseal_keys", stdout=out)
        # the signing key, the e-seal certificate's key and the TEST CA's
        assert out.getvalue().startswith("3 key(s) sealed again")
        assert set(ProviderKey.objects.values_list("kek_id", flat=True)) == {kek_id(new)}
    with override_settings(KEY_ENCRYPTION_KEY=new, KEY_ENCRYPTION_KEYS_OLD=[]):
        assert provider_signing_key(provider)[1].endswith("#key-1")  # opens without the old
        assert provider_seal_credentials(provider).certificates
        assert platform_test_ca(NOW).certificates


def test_a_derived_key_is_its_purpose_s_and_its_kek_s_and_never_the_kek() -> None:
    import base64

    from django.conf import settings

    from microcred.platform.providers.key_encryption import derived_key, kek_id

    current = settings.KEY_ENCRYPTION_KEY
    made = derived_key("one purpose")
    assert made is not None
    assert made[0] == kek_id(current)
    assert len(made[1]) == 32
    assert made[1] != base64.urlsafe_b64decode(current + "=" * (-len(current) % 4))
    assert derived_key("one purpose") == made  # the same every time
    assert derived_key("another purpose") != made
    assert derived_key("one purpose", kek=kek_id("B" * 43)) is None  # not configured
    with override_settings(KEY_ENCRYPTION_KEY="B" * 43, KEY_ENCRYPTION_KEYS_OLD=[current]):
        assert derived_key("one purpose")[1] != made[1]  # type: ignore[index]
        assert derived_key("one purpose", kek=made[0]) == made  # an old KEK still derives
