"""``manage.py reseal_keys``: after a rotation of the key-encryption key, seal every
private key (providers' signing and e-seal keys, the operator's, the TEST CA's) again
under the current one, so that the old one can leave ``MICROCRED_KEY_ENCRYPTION_KEYS_OLD``.
One transaction: all or none."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from ...key_encryption import kek_id, reseal
from ...models import OperatorKey, PlatformTestCA, ProviderKey, SealCertificate
from ...seals import CA_ASSOCIATED
from ...trust_list import operator_did


class Command(BaseCommand):
    help = "Seal every private key again under the current key-encryption key."

    def handle(self, *args: Any, **options: Any) -> None:
        from django.conf import settings

        current = kek_id(settings.KEY_ENCRYPTION_KEY)
        count = 0
        with transaction.atomic():
            # the provider read with each key: its method names the provider's DID
            keys = ProviderKey.objects.select_for_update(of=("self",)).select_related("provider")
            for key in keys.exclude(kek_id=current):
                key.kek_id, key.sealed_private = reseal(
                    key.kek_id, bytes(key.sealed_private), associated=key.method
                )
                key.save(update_fields=["kek_id", "sealed_private"])
                count += 1
            for operator in OperatorKey.objects.select_for_update().exclude(kek_id=current):
                method = f"{operator_did()}#{operator.fragment}"
                operator.kek_id, operator.sealed_private = reseal(
                    operator.kek_id, bytes(operator.sealed_private), associated=method
                )
                operator.save(update_fields=["kek_id", "sealed_private"])
                count += 1
            for seal in SealCertificate.objects.select_for_update().exclude(kek_id=current):
                seal.kek_id, seal.sealed_private = reseal(
                    seal.kek_id, bytes(seal.sealed_private), associated=seal.associated
                )
                seal.save(update_fields=["kek_id", "sealed_private"])
                count += 1
            for ca in PlatformTestCA.objects.select_for_update().exclude(kek_id=current):
                ca.kek_id, ca.sealed_private = reseal(
                    ca.kek_id, bytes(ca.sealed_private), associated=CA_ASSOCIATED
                )
                ca.save(update_fields=["kek_id", "sealed_private"])
                count += 1
        self.stdout.write(f"{count} key(s) sealed again under {current}")
