"""A QA officer's decision on a submitted design version, and the Annex II checklist the
decision rests on: the audit trail, never edited (a saved row refuses to be saved again)."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..accounts.models import Organisation
from ..catalog.models import DesignVersion


class ReviewDecision(models.TextChoices):
    APPROVE = "approve", _("Approve and publish")
    REQUEST_CHANGES = "request_changes", _("Request changes")
    REJECT = "reject", _("Reject")


class Answer(models.TextChoices):
    """The officer's finding on one Annex II principle."""

    MET = "met", _("Met")
    NOT_MET = "not_met", _("Not met")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")


class _History(models.Model):
    """A row of the audit trail: written once, never changed."""

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise TypeError(f"{type(self).__name__} is history: it is never edited")
        super().save(*args, **kwargs)


class DesignReview(_History):
    """One decision on one version; it closes the version's review."""

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


class ChecklistAnswer(_History):
    """The officer's finding on one Annex II principle in one review (``principle`` is the
    standard's key, :class:`~microcred.standard.annexes.AnnexIIPrinciple`); a blank
    ``answer`` is a principle left unanswered in a request for changes or a rejection."""

    review = models.ForeignKey(DesignReview, on_delete=models.CASCADE, related_name="answers")
    principle = models.CharField(_("principle"), max_length=40)
    answer = models.CharField(_("finding"), max_length=20, choices=Answer.choices, blank=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["pk"]  # written in Annex II order
        constraints: ClassVar[list[Any]] = [
            models.UniqueConstraint(fields=["review", "principle"],
                                    name="one_answer_per_principle"),
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.principle}: {self.answer or '-'}"
