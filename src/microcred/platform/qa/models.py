"""A QA officer's decision on a submitted design version: the audit trail, never edited."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..accounts.models import Organisation
from ..catalog.models import DesignVersion


class ReviewDecision(models.TextChoices):
    APPROVE = "approve", _("Approve and publish")
    REQUEST_CHANGES = "request_changes", _("Request changes")
    REJECT = "reject", _("Reject")


class DesignReview(models.Model):
    version = models.ForeignKey(DesignVersion, on_delete=models.CASCADE, related_name="reviews")
    officer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                related_name="design_reviews")  # fmt: skip
    qa_body = models.ForeignKey(Organisation, on_delete=models.PROTECT,
                                related_name="design_reviews")  # fmt: skip
    decision = models.CharField(_("decision"), max_length=20, choices=ReviewDecision.choices)
    reason = models.TextField(_("reason"), blank=True)
    decided_at = models.DateTimeField(_("decided"))

    class Meta:
        ordering: ClassVar[list[str]] = ["-decided_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.version}: {self.get_decision_display()}"
