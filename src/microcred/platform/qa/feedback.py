"""Learners' feedback on their micro-credentials (Annex II "quality": providers collect
and use learners' views): the learner of an award gives a rating from 1 to 5 and a
comment, once per award; the provider's QA dashboard (its people and the QA body) shows
the figures and the comments, never who wrote them.

``feedback_give`` writes (only the award's learner, only on an award that is not revoked,
only once — the one-to-one row is the guard, whatever the number of requests);
``feedback_summary`` reads a provider's figures in grouped queries.
"""

from __future__ import annotations

__all__ = ["COMMENT_LIMIT", "FeedbackSummary", "feedback_give", "feedback_summary"]

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Avg, Count, QuerySet

from ..core.errors import ConflictError, InvalidInputError, PermissionDeniedError
from ..core.language import current_language
from ..issuance.models import Award, AwardState
from ..issuance.services import has_control_characters
from ..providers.models import Provider
from . import messages as m
from .models import RATINGS, LearnerFeedback

#: the longest comment kept
COMMENT_LIMIT = 2000
#: how many of the latest comments a dashboard shows
RECENT = 20


@transaction.atomic
def feedback_give(*, user: Any, award: Award, rating: Any, comment: str,
                  now: datetime) -> LearnerFeedback:  # fmt: skip
    """The learner's feedback on ``award``, or an error saying why nothing was kept."""
    if not getattr(user, "is_authenticated", False) or award.email.casefold() != (
            user.email or "").casefold():  # fmt: skip
        raise PermissionDeniedError(m.FEEDBACK_NOT_LEARNER)
    # its state now, held until the feedback is written: a revocation at the same moment
    # waits for it, or it sees the revocation
    award = Award.objects.select_for_update().get(pk=award.pk)
    if award.state == AwardState.REVOKED:
        raise ConflictError(m.FEEDBACK_REVOKED)
    fields: dict[str, list[str]] = {}
    lang = current_language()
    try:
        value = int(rating)
    except (TypeError, ValueError):
        value = 0
    if value not in RATINGS:
        fields["rating"] = [m.FEEDBACK_RATING().text(lang)]
    comment = (comment or "").strip()
    if len(comment) > COMMENT_LIMIT:
        fields["comment"] = [m.FEEDBACK_TOO_LONG(limit=COMMENT_LIMIT).text(lang)]
    elif has_control_characters(comment):
        fields["comment"] = [m.FEEDBACK_CONTROL_CHARACTERS().text(lang)]
    if fields:
        first = next(iter(fields.values()))[0]
        raise InvalidInputError(m.FEEDBACK_INVALID, first=first, extra={"fields": fields})
    if LearnerFeedback.objects.filter(award=award).exists():
        raise ConflictError(m.FEEDBACK_GIVEN)
    try:
        with transaction.atomic():
            return LearnerFeedback.objects.create(award=award, rating=value, comment=comment,
                                                  given_at=now)  # fmt: skip
    except IntegrityError:  # a second request won the race: still one per award
        raise ConflictError(m.FEEDBACK_GIVEN) from None


@dataclass(frozen=True)
class VersionFeedback:
    """The feedback on the awards of one design version."""

    version_id: int
    number: int
    title_pl: str
    title_en: str
    count: int
    average: float


@dataclass(frozen=True)
class FeedbackSummary:
    """A provider's feedback: how many, the mean rating, how many of each rating (5 to
    1), per design version, and the latest comments."""

    count: int
    average: float | None
    distribution: list[tuple[int, int]]
    versions: list[VersionFeedback]
    recent: list[LearnerFeedback]

    @property
    def widest(self) -> int:
        """The largest count of one rating (the scale of the bars)."""
        return max((n for _, n in self.distribution), default=0)


def _of(provider: Provider) -> QuerySet[LearnerFeedback]:
    return LearnerFeedback.objects.filter(award__provider=provider)


def feedback_summary(provider: Provider) -> FeedbackSummary:
    """``provider``'s feedback figures (the caller checked who asks)."""
    rows = _of(provider)
    totals = rows.aggregate(count=Count("pk"), average=Avg("rating"))
    by_rating = dict(rows.values_list("rating").annotate(n=Count("pk")).order_by())
    versions = [
        VersionFeedback(r["award__version"], r["award__version__number"],
                        r["award__version__title_pl"], r["award__version__title_en"], r["n"],
                        float(r["average"]))
        for r in rows.values("award__version", "award__version__number",
                             "award__version__title_pl", "award__version__title_en")
        .annotate(n=Count("pk"), average=Avg("rating"))
        .order_by("-n", "award__version")
    ]  # fmt: skip
    recent = list(rows.exclude(comment="").select_related("award__version")[:RECENT])
    return FeedbackSummary(
        count=totals["count"], average=float(totals["average"]) if totals["average"] else None,
        distribution=[(r, by_rating.get(r, 0)) for r in reversed(RATINGS)],
        versions=versions, recent=recent)  # fmt: skip
