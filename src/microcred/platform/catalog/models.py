"""A design (one micro-credential of one provider) and its versions, each the design file
as the standard layer reads it. A version is never edited once submitted: a change is a
new version."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..providers.models import Provider


class DesignStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class Design(models.Model):
    """One micro-credential of a provider, across its versions."""

    provider = models.ForeignKey(Provider, on_delete=models.PROTECT, related_name="designs")
    created_at = models.DateTimeField(_("created"))
    #: the badge image uploaded for it (PNG, or SVG as sanitised), empty for a generated one
    badge = models.BinaryField(_("badge image"), default=b"", blank=True, editable=False)
    badge_type = models.CharField(max_length=20, blank=True)  # image/png or image/svg+xml

    class Meta:
        ordering: ClassVar[list[str]] = ["-created_at", "-pk"]

    def __str__(self) -> str:
        latest = self.versions.order_by("-number").first()
        return latest.title() if latest else f"design {self.pk}"


class DesignVersion(models.Model):
    """One version of a design: its design file (YAML, as ``standard.designfile`` writes
    it) and where it stands in review."""

    design = models.ForeignKey(Design, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    source = models.TextField()
    title_pl = models.CharField(max_length=300, blank=True)
    title_en = models.CharField(max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=DesignStatus.choices,
                              default=DesignStatus.DRAFT)  # fmt: skip
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="design_versions")  # fmt: skip
    created_at = models.DateTimeField(_("created"))
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["design", "-number"]
        constraints: ClassVar[list[Any]] = [
            models.UniqueConstraint(fields=["design", "number"], name="one_number_per_version"),
        ]

    def __str__(self) -> str:
        return f"{self.title()} v{self.number}"

    def title(self, lang: str = "pl") -> str:
        """The title in ``lang`` (the other language's when it has none)."""
        first, second = (
            (self.title_pl, self.title_en) if lang == "pl" else (self.title_en, self.title_pl)
        )
        return first or second or f"v{self.number}"
