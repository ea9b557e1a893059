"""A QA officer's decision on a submitted design version, and the Annex II checklist the
decision rests on: the audit trail, never edited (a saved row refuses to be saved again);
and the learners' feedback on the micro-credentials they were awarded (one per award),
which flows back to the provider's QA dashboard."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..accounts.models import Organisation
from ..catalog.models import DesignVersion
from ..issuance.models import Award


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


#: the ratings a learner gives (1 = poor, 5 = excellent)
RATINGS = range(1, 6)


class LearnerFeedback(_History):
    """A learner's rating (1–5) and comment on the micro-credential of one award: one per
    award, never edited; shown to the provider and the QA body without the learner's name."""

    award = models.OneToOneField(Award, on_delete=models.CASCADE, related_name="feedback")
    rating = models.PositiveSmallIntegerField(
        _("rating"), validators=[MinValueValidator(RATINGS[0]), MaxValueValidator(RATINGS[-1])]
    )
    comment = models.TextField(_("comment"), blank=True)
    given_at = models.DateTimeField(_("given"))

    class Meta:
        ordering: ClassVar[list[str]] = ["-given_at", "-pk"]
        constraints: ClassVar[list[Any]] = [
            models.CheckConstraint(condition=models.Q(rating__gte=1, rating__lte=5),
                                   name="rating_one_to_five"),
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.award_id}: {self.rating}"
