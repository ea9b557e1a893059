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
    #: when the QA body approved it (``qa.services.design_review``); awards are dated no earlier
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["design", "-number"]
        constraints: ClassVar[list[Any]] = [
            models.UniqueConstraint(fields=["design", "number"], name="one_number_per_version"),
        ]
        indexes: ClassVar[list[Any]] = [
            models.Index(fields=["status", "design", "number"], name="version_published"),
        ]

    def __str__(self) -> str:
        return f"{self.title()} v{self.number}"

    def title(self, lang: str = "pl") -> str:
        """The title in ``lang`` (the other language's when it has none)."""
        first, second = (
            (self.title_pl, self.title_en) if lang == "pl" else (self.title_en, self.title_pl)
        )
        return first or second or f"v{self.number}"


class VersionFacets(models.Model):
    """What the registry searches, filters and sorts a version on, computed once from its
    design file when the version is made (catalog/facets.py): a version never changes,
    so neither do they; ``listed`` follows its rule (catalog/listing.py).

    A narrow table of its own, the text in another (:class:`VersionText`): a filter
    that no index serves reads every row, and SQLite reads a row's columns in order —
    beside the design file or the searched text (often longer than a page), that is a
    walk through overflow pages for each of 50,000 rows (``bench/registry.py``)."""

    version = models.OneToOneField(DesignVersion, on_delete=models.CASCADE, primary_key=True,
                                   related_name="facets")  # fmt: skip
    #: listed in the public registry
    listed = models.BooleanField(default=False)
    provider = models.ForeignKey(Provider, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField()
    #: the title to sort on in each language (the other language's when it has none)
    sort_title_pl = models.CharField(max_length=300, blank=True)
    sort_title_en = models.CharField(max_length=300, blank=True)
    eqf_level = models.PositiveSmallIntegerField(null=True, blank=True)
    ects = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    participation = models.CharField(max_length=20, blank=True)
    #: ISCED-F codes, each narrow field's broad one too, between spaces: " 06 061 "
    isced_codes = models.CharField(max_length=300, blank=True)
    #: language keys between spaces: " pl en "
    language_codes = models.CharField(max_length=200, blank=True)
    #: the awarding bodies' country keys between spaces: " PL "
    country_codes = models.CharField(max_length=100, blank=True)

    class Meta:
        indexes: ClassVar[list[Any]] = [
            # the registry's sorts, a page read from an index
            models.Index(fields=["listed", "sort_title_pl"], name="listed_title_pl"),
            models.Index(fields=["listed", "sort_title_en"], name="listed_title_en"),
            models.Index(fields=["listed", "created_at"], name="listed_newest"),
            models.Index(fields=["listed", "ects"], name="listed_ects"),
            models.Index(fields=["listed", "eqf_level"], name="listed_eqf"),
            models.Index(fields=["listed", "provider"], name="listed_provider"),
        ]

    def __str__(self) -> str:
        return f"facets of {self.version_id}"


class VersionText(models.Model):
    """A version's searched text, as catalog/search_text.py makes it: the titles, and the
    rest (outcomes, description, provider and awarding bodies). The full-text index is
    over this table (catalog/search_index.py)."""

    version = models.OneToOneField(DesignVersion, on_delete=models.CASCADE, primary_key=True,
                                   related_name="text")  # fmt: skip
    search_title = models.TextField(blank=True)
    search_body = models.TextField(blank=True)

    def __str__(self) -> str:
        return f"text of {self.version_id}"


class DesignSkill(models.Model):
    """An ESCO skill one of a version's learning outcomes is aligned to (what the
    registry's ``esco`` filter looks up)."""

    version = models.ForeignKey(DesignVersion, on_delete=models.CASCADE, related_name="skills")
    uri = models.CharField(max_length=200)

    class Meta:
        constraints: ClassVar[list[Any]] = [
            models.UniqueConstraint(fields=["version", "uri"], name="one_skill_per_version"),
        ]
        indexes: ClassVar[list[Any]] = [models.Index(fields=["uri"], name="skill_uri")]

    def __str__(self) -> str:
        return self.uri
