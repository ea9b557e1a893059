"""Reads of the qa app, with the object-level permissions: the review queue and a
version's checklist with its evidence for the QA body; a design's review history for the
QA body and the provider's own people (to anyone else it does not exist: 404); statistics
per provider, computed by the database (counts, the median time to a decision, the
principles most often not met) on SQLite and PostgreSQL alike."""

from __future__ import annotations

__all__ = ["PrincipleEvidence", "ProviderStats", "change_requests_of", "checklist_of",
           "design_history", "provider_stats",
           "providers_with_reviews", "review_queue", "reviewable_version",
           "reviews_of_provider", "stats_for_qa_body", "version_checklist"]  # fmt: skip

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from statistics import fmean
from typing import Any

from django.db.models import (
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    Prefetch,
    Q,
    QuerySet,
    Window,
)
from django.db.models.functions import RowNumber

from ...standard.annexes import AnnexIIPrinciple
from ...standard.compliance import ComplianceReport, elements_bearing_on
from ..accounts.models import Role
from ..accounts.selectors import has_role
from ..catalog.models import Design, DesignStatus, DesignVersion
from ..catalog.selectors import compliance_of, design_version_for, latest_versions, report_rows
from ..core.errors import NotFoundError, PermissionDeniedError
from ..providers.models import Provider
from ..providers.selectors import providers_of
from . import messages as m
from .models import Answer, ChecklistAnswer, DesignReview, ReviewDecision

#: how many of the most often unmet principles the statistics name
TOP_UNMET = 3


def _ensure_qa_body(user: Any) -> None:
    if not has_role(user, Role.QA_OFFICER, Role.PLATFORM_ADMIN):
        raise PermissionDeniedError(m.NOT_QA_OFFICER)


def review_queue(user: Any) -> QuerySet[DesignVersion]:
    """The versions awaiting a decision, the longest waiting first (QA body only)."""
    _ensure_qa_body(user)
    return (DesignVersion.objects.filter(status=DesignStatus.SUBMITTED)
            .select_related("design__provider").order_by("submitted_at", "pk"))  # fmt: skip


def reviewable_version(user: Any, version_id: int) -> DesignVersion:
    """A version for the QA body's checklist (any status: a decided one shows why it
    cannot be decided again)."""
    _ensure_qa_body(user)
    return design_version_for(user, version_id)


@dataclass(frozen=True)
class PrincipleEvidence:
    """One row of the checklist: a principle, what the design evidences of it (the
    standard's status and messages) and the Annex I elements that bear on it."""

    principle: AnnexIIPrinciple
    label: str
    evidence: str
    reasons: list[str]
    elements: list[dict[str, object]] = field(default_factory=list)

    @property
    def key(self) -> str:
        return str(self.principle)

    @property
    def number(self) -> int:
        return self.principle.number

    @property
    def element_reasons(self) -> bool:
        """Whether the element report says anything about the bearing elements."""
        return any(e["reasons"] for e in self.elements)


def checklist_of(report: ComplianceReport, lang: str) -> list[PrincipleEvidence]:
    """The evidence of each Annex II principle in ``report``, in ``lang``, in Annex order."""
    rows = {r["element"]: r for r in _element_rows(report, lang)}
    return [
        PrincipleEvidence(
            principle=result.principle,
            label=result.principle.label(lang),
            evidence=str(result.status),
            reasons=[x.text(lang) for x in result.reasons],
            elements=[rows[str(e)] for e in elements_bearing_on(result.principle)],
        )
        for result in report.principles
    ]


def _element_rows(report: ComplianceReport, lang: str) -> list[dict[str, object]]:
    rows = report_rows(report, lang)
    return [row | {"element": str(r.element)} for row, r in zip(rows, report.elements, strict=True)]


def version_checklist(
    version: DesignVersion, lang: str, now: dt.datetime
) -> list[PrincipleEvidence]:
    """The checklist of ``version``, its evidence from the version's compliance report."""
    return checklist_of(compliance_of(version, now), lang)


def _reviews() -> QuerySet[DesignReview]:
    return DesignReview.objects.select_related("officer", "qa_body").prefetch_related(
        Prefetch("answers", queryset=ChecklistAnswer.objects.order_by("pk"))
    )


def design_history(user: Any, design_id: int) -> tuple[Design, list[DesignVersion]]:
    """A design and every version of it, newest first, each with its reviews (newest
    first) and their checklists — for the QA body and the provider's own people."""
    design = (Design.objects.select_related("provider")
              .filter(pk=design_id, provider__in=providers_of(user)).first())  # fmt: skip
    if design is None:
        raise NotFoundError()
    versions = list(design.versions.order_by("-number").prefetch_related(
        Prefetch("reviews", queryset=_reviews().order_by("-decided_at", "-pk"))))  # fmt: skip
    return design, versions


def reviews_of_provider(provider: Provider) -> QuerySet[DesignReview]:
    """Every review of ``provider``'s designs, newest first, with its version."""
    return (_reviews().filter(version__design__provider=provider)
            .select_related("version__design").order_by("-decided_at", "-pk"))  # fmt: skip


def change_requests_of(provider: Provider) -> list[DesignReview]:
    """The open requests for changes: designs whose latest version had changes requested
    (a newer version closes the request), each with the review that asked for them."""
    open_versions = latest_versions(DesignVersion.objects.filter(design__provider=provider)).filter(
        status=DesignStatus.CHANGES_REQUESTED
    )
    return list(
        reviews_of_provider(provider).filter(
            version__in=open_versions, decision=ReviewDecision.REQUEST_CHANGES
        )
    )


@dataclass(frozen=True)
class ProviderStats:
    """The QA record of one provider."""

    provider: Provider
    designs_submitted: int
    versions_submitted: int
    approved: int
    changes_requested: int
    rejected: int
    awaiting: int
    median_days: float | None
    unmet: list[tuple[AnnexIIPrinciple, int]]

    @property
    def decided(self) -> int:
        return self.approved + self.changes_requested + self.rejected


def provider_stats(providers: QuerySet[Provider]) -> list[ProviderStats]:
    """The QA statistics of each of ``providers`` (by legal name): counted, ranked and
    ordered by the database; the median days from submission to decision from the one
    or two middle decisions the database picks per provider."""
    counted = providers.annotate(
        designs_submitted=Count("designs", distinct=True,
                                filter=Q(designs__versions__submitted_at__isnull=False)),
        versions_submitted=Count("designs__versions", distinct=True,
                                 filter=Q(designs__versions__submitted_at__isnull=False)),
        awaiting=Count("designs__versions", distinct=True,
                       filter=Q(designs__versions__status=DesignStatus.SUBMITTED)),
        **{decision.value: Count("designs__versions__reviews", distinct=True,
                                 filter=Q(designs__versions__reviews__decision=decision))
           for decision in ReviewDecision},
    ).order_by("legal_name", "pk")  # fmt: skip
    ids = [p.pk for p in counted]
    medians = _median_days(ids)
    unmet = _most_unmet(ids)
    return [
        ProviderStats(
            provider=p, designs_submitted=p.designs_submitted,  # type: ignore[attr-defined]
            versions_submitted=p.versions_submitted,  # type: ignore[attr-defined]
            approved=getattr(p, ReviewDecision.APPROVE.value),
            changes_requested=getattr(p, ReviewDecision.REQUEST_CHANGES.value),
            rejected=getattr(p, ReviewDecision.REJECT.value),
            awaiting=p.awaiting,  # type: ignore[attr-defined]
            median_days=medians.get(p.pk), unmet=unmet.get(p.pk, []),
        )
        for p in counted
    ]  # fmt: skip


def _median_days(provider_ids: list[int]) -> dict[int, float]:
    """Per provider, the median of (decided - submitted) in days. The database numbers
    each provider's decisions by time taken and keeps the middle one (odd count) or two
    (even count); only the mean of those two is taken here."""
    provider = F("version__design__provider_id")
    took = ExpressionWrapper(F("decided_at") - F("version__submitted_at"),
                             output_field=DurationField())  # fmt: skip
    middle = (
        DesignReview.objects.filter(version__design__provider_id__in=provider_ids,
                                    version__submitted_at__isnull=False)
        .annotate(
            took=took,
            provider=provider,
            rank=Window(RowNumber(), partition_by=[provider], order_by=[took.asc(), F("pk").asc()]),
            of=Window(Count("pk"), partition_by=[provider]),
        )
        .filter(rank__gte=(F("of") + 1) / 2, rank__lte=F("of") / 2 + 1)
        .values_list("provider", "took")
    )  # fmt: skip
    found: dict[int, list[dt.timedelta]] = defaultdict(list)
    for provider_id, duration in middle:
        found[provider_id].append(duration)
    return {
        pid: round(fmean(d.total_seconds() for d in ds) / 86400, 1) for pid, ds in found.items()
    }


def _most_unmet(provider_ids: list[int]) -> dict[int, list[tuple[AnnexIIPrinciple, int]]]:
    """Per provider, the principles most often found not met, most often first."""
    rows = (ChecklistAnswer.objects
            .filter(answer=Answer.NOT_MET, review__version__design__provider_id__in=provider_ids)
            .values_list("review__version__design__provider_id", "principle")
            .annotate(times=Count("pk"))
            .order_by("review__version__design__provider_id", "-times", "principle"))  # fmt: skip
    found: dict[int, list[tuple[AnnexIIPrinciple, int]]] = defaultdict(list)
    for provider_id, principle, times in rows:
        if len(found[provider_id]) < TOP_UNMET:
            found[provider_id].append((AnnexIIPrinciple(principle), times))
    return found


def providers_with_reviews() -> QuerySet[Provider]:
    """The providers that have submitted a design version."""
    return Provider.objects.filter(designs__versions__submitted_at__isnull=False).distinct()


def stats_for_qa_body(user: Any) -> list[ProviderStats]:
    """Every provider's QA statistics, for the QA body."""
    _ensure_qa_body(user)
    return provider_stats(Provider.objects.filter(pk__in=providers_with_reviews()))
