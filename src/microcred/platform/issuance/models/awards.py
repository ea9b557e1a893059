"""Awards and the status lists their credentials point at.

An :class:`Award` is one learner's micro-credential: the approved design version it was
issued under, who the learner is, and the credentials the library signed for it (Open
Badges 3.0 with a Data Integrity proof, the European Digital Credential with the
provider's e-seal), kept as issued. Its status is an entry in one of the provider's
:class:`StatusList` s, chosen at random among the free ones (herd privacy, Bitstring
Status List 1.0 §2.1); the unique constraint on ``(status_list, status_index)`` is what
keeps two awards off one entry, whatever the number of writers. The published list (a
signed ``BitstringStatusListCredential``) is the list's own record of its bits.
:class:`AwardEvent` is the audit trail (who, when, why), never edited.
"""

from __future__ import annotations

import uuid
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ...catalog.models import DesignVersion
from ...providers.models import Provider


class StatusPurpose(models.TextChoices):
    REVOCATION = "revocation", _("Revocation")
    SUSPENSION = "suspension", _("Suspension")


class StatusList(models.Model):
    """One Bitstring Status List of a provider, published at ``/status/<id>``."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    provider = models.ForeignKey(Provider, on_delete=models.PROTECT, related_name="status_lists")
    purpose = models.CharField(max_length=20, choices=StatusPurpose.choices)
    size = models.PositiveIntegerField()
    #: how many entries are given out (kept with the list, so that "is it full?" is one row)
    used = models.PositiveIntegerField(default=0)
    #: the signed list credential, as published (the bits are its ``encodedList``)
    credential = models.TextField()
    #: which entries are given out, one bit each (set: taken) — the allocation record,
    #: read and written under the list's row lock; never published (the bits a verifier
    #: reads are the credential's ``encodedList``)
    taken = models.BinaryField(default=b"")
    #: a revocation list's suspension list: the same size, entry ``i`` the same award's
    #: (made when an award of the list is first suspended)
    twin = models.OneToOneField("self", on_delete=models.PROTECT, null=True, blank=True,
                                related_name="twin_of")  # fmt: skip
    #: how many times it was signed: the ETag
    sequence = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        ordering: ClassVar[list[str]] = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.provider} {self.purpose} {self.pk}"

    @property
    def url(self) -> str:
        """Where it is published: the list credential's ``id``."""
        return settings.PUBLIC_URL + reverse("status:list", args=[self.pk])


class AwardState(models.TextChoices):
    ACTIVE = "active", _("Active")
    SUSPENDED = "suspended", _("Suspended")
    REVOKED = "revoked", _("Revoked")


class Award(models.Model):
    """One learner's micro-credential and its signed credentials."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    version = models.ForeignKey(DesignVersion, on_delete=models.PROTECT, related_name="awards")
    provider = models.ForeignKey(Provider, on_delete=models.PROTECT, related_name="awards")
    given_name = models.CharField(_("given name"), max_length=200)
    family_name = models.CharField(_("family name"), max_length=200)
    email = models.EmailField(_("e-mail address"), db_index=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    student_id = models.CharField(_("student identifier"), max_length=100, blank=True)
    issued_on = models.DateField(_("date of issue"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    grade_pl = models.CharField(_("grade"), max_length=200, blank=True)
    grade_en = models.CharField(_("grade"), max_length=200, blank=True)
    #: the Open Badges 3.0 credential's ``id`` (``urn:uuid:…``)
    credential_id = models.CharField(max_length=100, unique=True)
    ob3 = models.TextField()
    edc = models.TextField()
    status_list = models.ForeignKey(StatusList, on_delete=models.PROTECT, related_name="awards")
    status_index = models.PositiveIntegerField()
    state = models.CharField(_("status"), max_length=20, choices=AwardState.choices,
                             default=AwardState.ACTIVE)  # fmt: skip
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                  related_name="awards_issued")  # fmt: skip
    #: the award this one corrects (revoked with the reason "replaced")
    replaces = models.OneToOneField("self", on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="replaced_by")  # fmt: skip
    created_at = models.DateTimeField(_("issued"))

    class Meta:
        ordering: ClassVar[list[str]] = ["-created_at", "pk"]
        constraints: ClassVar[list[Any]] = [
            models.UniqueConstraint(fields=["status_list", "status_index"],
                                    name="one_award_per_status_entry"),
        ]  # fmt: skip
        indexes: ClassVar[list[Any]] = [
            models.Index(fields=["provider", "-created_at"], name="award_of_provider"),
        ]

    def __str__(self) -> str:
        return f"{self.full_name}: {self.version}"

    @property
    def url(self) -> str:
        """The award's page on the platform (its provider's people and its learner)."""
        return settings.PUBLIC_URL + reverse("issuance:award", args=[self.pk])

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"

    def grade(self, lang: str) -> str:
        """The grade in ``lang`` (the other language's when it has none)."""
        first, second = (self.grade_pl, self.grade_en) if lang == "pl" else (
            self.grade_en, self.grade_pl)  # fmt: skip
        return first or second


class AwardAction(models.TextChoices):
    ISSUED = "issued", _("Issued")
    REVOKED = "revoked", _("Revoked")
    SUSPENDED = "suspended", _("Suspended")
    REINSTATED = "reinstated", _("Suspension lifted")


class AwardEvent(models.Model):
    """A row of an award's audit trail: written once, never changed."""

    award = models.ForeignKey(Award, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=20, choices=AwardAction.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                              related_name="award_events")  # fmt: skip
    reason = models.TextField(blank=True)
    at = models.DateTimeField()

    class Meta:
        ordering: ClassVar[list[str]] = ["at", "pk"]

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise TypeError("AwardEvent is history: it is never edited")
        super().save(*args, **kwargs)
