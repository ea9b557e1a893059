"""A provider (one organisation of the kind "provider") and the QA body's decisions on it."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..accounts.models import Organisation


class ProviderType(models.TextChoices):
    UNIVERSITY = "university", _("University")
    VET_SCHOOL = "vet_school", _("VET school")
    EMPLOYER = "employer", _("Employer")
    NGO = "ngo", _("NGO")
    TRAINING_COMPANY = "training_company", _("Training company")


class IdentifierScheme(models.TextChoices):
    """The legal identifier a provider gives (:mod:`.identifiers` checks it)."""

    NIP = "nip", _("NIP")
    REGON = "regon", _("REGON")
    KRS = "krs", _("KRS")
    EU_VAT = "eu_vat", _("EU VAT number")


class ProviderStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting verification")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    APPROVED = "approved", _("Verified")
    REJECTED = "rejected", _("Rejected")
    SUSPENDED = "suspended", _("Suspended")


class Decision(models.TextChoices):
    APPROVE = "approve", _("Approve")
    REQUEST_CHANGES = "request_changes", _("Request changes")
    REJECT = "reject", _("Reject")
    SUSPEND = "suspend", _("Suspend")


class Provider(models.Model):
    """A provider's registration: who it is in law, how to reach it, what vouches for it."""

    organisation = models.OneToOneField(Organisation, on_delete=models.PROTECT,
                                        related_name="provider")  # fmt: skip
    legal_name = models.CharField(_("legal name"), max_length=300)
    identifier_scheme = models.CharField(_("identifier type"), max_length=10,
                                         choices=IdentifierScheme.choices)  # fmt: skip
    identifier = models.CharField(_("identifier"), max_length=20)
    country = models.CharField(_("country"), max_length=2)
    provider_type = models.CharField(_("provider type"), max_length=20,
                                     choices=ProviderType.choices)  # fmt: skip
    street_address = models.CharField(_("street and number"), max_length=200, default="")
    postal_code = models.CharField(_("postal code"), max_length=20, default="")
    locality = models.CharField(_("town or city"), max_length=100, default="")
    website = models.URLField(_("website"))
    contact_email = models.EmailField(_("contact e-mail"))
    national_register = models.CharField(
        _("national register entry"), max_length=200, blank=True,
        help_text=_("E.g. ZSK, RSPO, RIS, POL-on: the register and the entry's number."),
    )  # fmt: skip
    accreditation = models.TextField(_("accreditations and quality certificates"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=ProviderStatus.choices,
                              default=ProviderStatus.PENDING)  # fmt: skip
    submitted_at = models.DateTimeField(_("submitted"))
    verified_at = models.DateTimeField(_("verified"), null=True, blank=True)
    reverify_by = models.DateField(_("re-verification due"), null=True, blank=True)
    #: the provider's did:web, fixed when its first key is made ("" before)
    did = models.CharField(_("DID"), max_length=300, blank=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["legal_name"]
        constraints: ClassVar[list[Any]] = [
            models.UniqueConstraint(fields=["identifier_scheme", "identifier"],
                                    name="one_provider_per_identifier"),
        ]  # fmt: skip

    def __str__(self) -> str:
        return self.legal_name

    @property
    def verified(self) -> bool:
        """Whether the provider may publish and issue."""
        return self.status == ProviderStatus.APPROVED

    @property
    def slug(self) -> str:
        """The provider's path segment: its identifier scheme and value ("nip-7770001111"),
        public and never changing."""
        return f"{self.identifier_scheme.replace('_', '-')}-{self.identifier}".lower()

    def did_under(self, host: str) -> str:
        """The ``did:web`` this provider gets under ``host`` (written into :attr:`did`
        when its first key is made, and never changed after)."""
        return f"did:web:{host}:providers:{self.slug}"


class ProviderDecision(models.Model):
    """One decision of a QA officer on a provider: the audit trail, never edited."""

    provider = models.ForeignKey(Provider, on_delete=models.CASCADE, related_name="decisions")
    officer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                related_name="provider_decisions")  # fmt: skip
    qa_body = models.ForeignKey(Organisation, on_delete=models.PROTECT,
                                related_name="provider_decisions")  # fmt: skip
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices)
    reason = models.TextField(_("reason"), blank=True)
    status_before = models.CharField(max_length=20, choices=ProviderStatus.choices)
    status_after = models.CharField(max_length=20, choices=ProviderStatus.choices)
    decided_at = models.DateTimeField(_("decided"))

    class Meta:
        ordering: ClassVar[list[str]] = ["-decided_at", "-id"]

    def __str__(self) -> str:
        return f"{self.provider}: {self.get_decision_display()} ({self.decided_at:%Y-%m-%d})"


class ProviderKey(models.Model):
    """One signing key of a provider: its public half, its private half sealed under the
    key-encryption key (:mod:`.key_encryption`), and when it was the key in use. Never
    printed, logged or serialised with its sealed half."""

    provider = models.ForeignKey(Provider, on_delete=models.PROTECT, related_name="keys")
    fragment = models.CharField(max_length=20)  # "key-1": the method is DID#fragment
    algorithm = models.CharField(max_length=10, default="Ed25519")
    public_multibase = models.CharField(max_length=200)
    kek_id = models.CharField(max_length=16)
    sealed_private = models.BinaryField(editable=False)
    valid_from = models.DateTimeField()
    valid_until = models.DateTimeField(null=True, blank=True)  # None: the key in use

    class Meta:
        ordering: ClassVar[list[str]] = ["provider", "valid_from", "pk"]
        constraints: ClassVar[list[Any]] = [
            models.UniqueConstraint(fields=["provider", "fragment"], name="one_fragment_per_key"),
            models.UniqueConstraint(fields=["provider"], condition=models.Q(valid_until=None),
                                    name="one_key_in_use"),
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.provider.did}#{self.fragment}"

    def __repr__(self) -> str:
        return f"<ProviderKey {self}>"

    @property
    def method(self) -> str:
        """The verification method's URL."""
        return f"{self.provider.did}#{self.fragment}"


class OperatorKey(models.Model):
    """A signing key of the platform's operator: it signs the trust list, under the
    operator's did:web (``did:web:HOST``, document at ``/.well-known/did.json``). Sealed
    at rest like the providers' keys."""

    fragment = models.CharField(max_length=20, unique=True)
    public_multibase = models.CharField(max_length=200)
    kek_id = models.CharField(max_length=16)
    sealed_private = models.BinaryField(editable=False)
    valid_from = models.DateTimeField()
    valid_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["valid_from", "pk"]
        constraints: ClassVar[list[Any]] = [
            models.UniqueConstraint(fields=["valid_until"], condition=models.Q(valid_until=None),
                                    name="one_operator_key_in_use"),
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"operator {self.fragment}"

    def __repr__(self) -> str:
        return f"<OperatorKey {self.fragment}>"


class SealSource(models.TextChoices):
    TEST_CA = "test_ca", _("The platform's TEST CA (not qualified)")
    UPLOAD = "upload", _("Uploaded by the provider (PKCS#12)")


def seal_associated(provider_id: int, fingerprint: str) -> str:
    """The associated data a provider's e-seal key is sealed under (the row and the
    backup's check of a dump, which has no model instances, both name it so)."""
    return f"seal:{provider_id}:{fingerprint}"


class SealCertificate(models.Model):
    """A provider's e-seal certificate for EDCs (:mod:`.seals`): the chain as PEM (the
    provider's certificate first), its private key sealed under the key-encryption key
    like the signing keys, and when it was the one in use (``valid_until`` None: it
    is). The certificate goes into the trust list; the key never leaves the database."""

    provider = models.ForeignKey(Provider, on_delete=models.PROTECT,
                                 related_name="seal_certificates")  # fmt: skip
    source = models.CharField(max_length=10, choices=SealSource.choices)
    chain_pem = models.TextField()
    fingerprint = models.CharField(max_length=71)  # "sha256:" + 64 hex digits
    subject = models.CharField(max_length=500)
    not_before = models.DateTimeField()
    not_after = models.DateTimeField()
    kek_id = models.CharField(max_length=16)
    sealed_private = models.BinaryField(editable=False)
    valid_from = models.DateTimeField()
    valid_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["provider", "valid_from", "pk"]
        constraints: ClassVar[list[Any]] = [
            models.UniqueConstraint(fields=["provider"], condition=models.Q(valid_until=None),
                                    name="one_seal_in_use"),
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.provider}: {self.fingerprint[:23]}…"

    def __repr__(self) -> str:
        return f"<SealCertificate {self.fingerprint}>"

    @property
    def associated(self) -> str:
        """The associated data its private key is sealed under."""
        return seal_associated(self.provider_id, self.fingerprint)


class PlatformTestCA(models.Model):
    """The platform's own TEST CA, which issues the providers' e-seal certificates in a
    demo or test instance (never qualified, and its certificate says so); its key is
    sealed like the operator's."""

    certificate_pem = models.TextField()
    kek_id = models.CharField(max_length=16)
    sealed_private = models.BinaryField(editable=False)
    created_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"test CA {self.pk}"


def _evidence_path(instance: EvidenceDocument, filename: str) -> str:
    """A random name under ``evidence/`` (the original is kept as metadata only)."""
    return f"evidence/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class EvidenceDocument(models.Model):
    """A document a provider gives as evidence (an accreditation, a register's extract):
    stored under MEDIA_ROOT with a random name, seen by the provider's people and the
    QA body only (:mod:`.evidence`)."""

    provider = models.ForeignKey(Provider, on_delete=models.PROTECT, related_name="evidence")
    file = models.FileField(upload_to=_evidence_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")  # fmt: skip
    uploaded_at = models.DateTimeField()

    class Meta:
        ordering: ClassVar[list[str]] = ["provider", "uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.original_name
