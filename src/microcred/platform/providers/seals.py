"""The providers' e-seal certificates for European Digital Credentials (the services of
the concept "seal").

On a provider's first approval, a platform in the ``test`` setting
(``settings.SEAL_CA``) gives it a certificate from its own TEST CA
(:func:`platform_test_ca`, made on first use; the CA's key sealed under the
key-encryption key like the operator's); a platform in the ``upload`` setting lets the
provider's administrator upload its own (qualified) certificate as PKCS#12
(:func:`provider_seal_upload`), checked with the library's sealing rules before anything
is kept. Either way the private key is sealed at once (:mod:`.key_encryption`) and
opened only to seal (:func:`provider_seal_credentials`); a new certificate ends the one
in use (``valid_until``), and the trust list keeps both with their periods.
"""

from __future__ import annotations

__all__ = ["platform_test_ca", "provider_seal_credentials", "provider_seal_issue",
           "provider_seal_renew", "provider_seal_upload"]  # fmt: skip

import tempfile
from datetime import datetime
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from django.conf import settings
from django.db import transaction

from ...credentials.errors import SealError
from ...credentials.jades import SealCredentials, load_seal_credentials, seal
from ...credentials.jades.certificates import (
    ca_seal_certificate,
    organisation_identifier,
    self_signed_test_ca,
)
from ..accounts.models import Membership, Role, User
from ..core.errors import ConflictError, InvalidInputError, PermissionDeniedError
from . import messages as m
from .key_encryption import open_sealed
from .key_encryption import seal as seal_secret
from .models import PlatformTestCA, Provider, SealCertificate, SealSource, seal_associated

_PEM = serialization.Encoding.PEM
#: the associated data the TEST CA's key is sealed under
CA_ASSOCIATED = "test-ca"
#: how long a TEST certificate holds (a year, renewed like a key)
_TEST_VALIDITY_DAYS = 365


def _private_der(credentials: SealCredentials) -> bytes:
    return credentials.key.private_bytes(serialization.Encoding.DER,
                                         serialization.PrivateFormat.PKCS8,
                                         serialization.NoEncryption())  # fmt: skip


def _opened(kek: str, sealed: bytes, associated: str, chain_pem: str) -> SealCredentials:
    key = serialization.load_der_private_key(open_sealed(kek, sealed, associated=associated),
                                             password=None)  # fmt: skip
    certificates = x509.load_pem_x509_certificates(chain_pem.encode("ascii"))
    return SealCredentials(key, certificates)  # type: ignore[arg-type]


@transaction.atomic
def platform_test_ca(now: datetime) -> SealCredentials:
    """The platform's TEST CA (made on first use), opened."""
    ca = PlatformTestCA.objects.select_for_update().order_by("pk").first()
    if ca is None:
        name = f"{settings.OPERATOR['name_en']} TEST CA"
        made = self_signed_test_ca(name[:64], settings.OPERATOR["country"], not_before=now)
        kek, sealed = seal_secret(_private_der(made), associated=CA_ASSOCIATED)
        ca = PlatformTestCA.objects.create(
            certificate_pem=made.certificates[0].public_bytes(_PEM).decode("ascii"),
            kek_id=kek, sealed_private=sealed, created_at=now,
        )  # fmt: skip
    return _opened(ca.kek_id, bytes(ca.sealed_private), CA_ASSOCIATED, ca.certificate_pem)


def _keep(provider: Provider, credentials: SealCredentials, source: SealSource,
          now: datetime) -> SealCertificate:  # fmt: skip
    leaf = credentials.certificates[0]
    fingerprint = f"sha256:{leaf.fingerprint(hashes.SHA256()).hex()}"
    provider.seal_certificates.filter(valid_until=None).update(valid_until=now)
    record = SealCertificate(
        provider=provider, source=source, fingerprint=fingerprint,
        chain_pem="".join(c.public_bytes(_PEM).decode("ascii") for c in credentials.certificates),
        subject=leaf.subject.rfc4514_string()[:500], not_before=leaf.not_valid_before_utc,
        not_after=leaf.not_valid_after_utc, valid_from=now,
    )  # fmt: skip
    associated = seal_associated(provider.pk, fingerprint)
    record.kek_id, record.sealed_private = seal_secret(_private_der(credentials),
                                                       associated=associated)  # fmt: skip
    record.save()
    return record


@transaction.atomic
def provider_seal_issue(*, provider: Provider, now: datetime) -> SealCertificate:
    """A new TEST e-seal certificate for ``provider`` from the platform's TEST CA: O its
    legal name exactly, C its country, organizationIdentifier from its identifier."""
    provider = Provider.objects.select_for_update().get(pk=provider.pk)
    identifier = organisation_identifier(provider.identifier_scheme.replace("eu_vat", "vat"),
                                         provider.identifier, provider.country)  # fmt: skip
    credentials = ca_seal_certificate(
        platform_test_ca(now), provider.legal_name[:64], provider.country,
        valid_days=_TEST_VALIDITY_DAYS, organisation_identifier=identifier, not_before=now,
    )  # fmt: skip
    return _keep(provider, credentials, SealSource.TEST_CA, now)


@transaction.atomic
def provider_seal_renew(*, user: User, provider: Provider, now: datetime) -> SealCertificate:
    """A new TEST certificate replacing the one in use (before it expires, or after a
    suspicion about its key): by the provider's administrator or a platform
    administrator, for a verified provider, where the TEST CA issues them."""
    if settings.SEAL_CA != "test":
        raise ConflictError(m.SEAL_RENEW_OFF)
    own = Membership.objects.filter(user=user, organisation=provider.organisation,
                                    role=Role.PROVIDER_ADMIN).exists()  # fmt: skip
    if not own and not Membership.objects.filter(user=user, role=Role.PLATFORM_ADMIN).exists():
        raise PermissionDeniedError(m.NOT_PROVIDER_ADMIN)
    if not provider.verified:
        raise ConflictError(m.NOT_VERIFIED, provider=provider.legal_name)
    return provider_seal_issue(provider=provider, now=now)


def _check_upload(provider: Provider, data: bytes, password: str,
                  now: datetime) -> SealCredentials:  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:  # the library reads a file
        path = Path(folder) / "seal.p12"
        path.write_bytes(data)
        try:
            credentials = load_seal_credentials(path, password or None)
        except SealError as exc:
            raise InvalidInputError(m.SEAL_FILE_UNREADABLE,
                                    extra={"fields": {"file": [exc.code]}}) from exc  # fmt: skip
    if credentials.organisation != provider.legal_name:
        raise InvalidInputError(m.SEAL_NAME_DIFFERS, organisation=credentials.organisation or "",
                                legal_name=provider.legal_name,
                                extra={"fields": {"file": ["name"]}})  # fmt: skip
    try:  # the library's own rules: key type, key usage, validity now
        seal({"check": True}, key=credentials.key, certificates=credentials.certificates,
             signing_time=now)  # fmt: skip
    except SealError as exc:
        raise InvalidInputError(m.SEAL_CANNOT_SEAL, reason_en=exc.text("en"),
                                reason_pl=exc.text("pl"),
                                extra={"fields": {"file": [exc.code]}}) from exc  # fmt: skip
    return credentials


@transaction.atomic
def provider_seal_upload(*, user: User, provider: Provider, data: bytes, password: str,
                         now: datetime) -> SealCertificate:  # fmt: skip
    """The provider's own e-seal certificate (PKCS#12 ``data`` and its ``password``),
    uploaded by its administrator when ``settings.SEAL_CA`` is ``upload``; checked
    (readable, O = the legal name, a key the library seals with, valid now, a seal's key
    usage) before anything is written."""
    if settings.SEAL_CA != "upload":
        raise ConflictError(m.SEAL_UPLOAD_OFF)
    if not Membership.objects.filter(user=user, organisation=provider.organisation,
                                     role=Role.PROVIDER_ADMIN).exists():  # fmt: skip
        raise PermissionDeniedError(m.NOT_PROVIDER_ADMIN)
    credentials = _check_upload(provider, data, password, now)
    provider = Provider.objects.select_for_update().get(pk=provider.pk)
    return _keep(provider, credentials, SealSource.UPLOAD, now)


def provider_seal_credentials(provider: Provider) -> SealCredentials:
    """The e-seal ``provider`` seals EDCs with now, opened; :class:`ConflictError` when
    it is not verified or has none."""
    if not provider.verified:
        raise ConflictError(m.NOT_VERIFIED, provider=provider.legal_name)
    record = provider.seal_certificates.filter(valid_until=None).first()
    if record is None:
        raise ConflictError(m.NO_SEAL, provider=provider.legal_name)
    return _opened(record.kek_id, bytes(record.sealed_private), record.associated,
                   record.chain_pem)  # fmt: skip
