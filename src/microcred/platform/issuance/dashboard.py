"""A provider's awards dashboard: what it issued, design by design and month by month,
how many of its awards are active, suspended or revoked, the latest revocations with
their reasons, and (in :mod:`.learner_search`) its awards found by a learner's name.

Who sees what: the figures (counts per design and month, per state) are the provider's
people's and the QA body's (and the platform's administrators'), as the provider's QA
dashboard is; what names a learner — the revocations, the search — stays with the
provider's own people (:data:`.selectors.OWN_ROLES`), as its awards do. Anyone else is
told the provider does not exist (404).

Every figure is one grouped query, the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

__all__ = ["MONTHS", "DesignMonths", "dashboard_provider", "issued_per_design_month",
           "latest_revocations", "state_counts"]  # fmt: skip

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, OuterRef, QuerySet, Subquery

from ..catalog.models import DesignVersion
from ..core.db_dates import date_part
from ..providers.models import Provider
from ..providers.selectors import provider_for
from .models import Award, AwardAction, AwardEvent, AwardState
from .selectors import OWN_ROLES

#: how many months the per-design chart shows, the current one last
MONTHS = 12
#: how many of the latest revocations the dashboard lists
REVOCATIONS = 20


def dashboard_provider(user: Any, provider_id: int) -> tuple[Provider, bool]:
    """Provider ``provider_id`` and whether ``user`` is one of its own people (who see
    learners' names); the QA body and the platform's administrators see the figures
    only; anyone else :class:`NotFoundError`."""
    provider = provider_for(user, provider_id)
    own = provider.organisation.memberships.filter(user=user.pk, role__in=OWN_ROLES).exists()
    return provider, own


def _month_starts(today: dt.date, months: int) -> list[dt.date]:
    """The first days of the ``months`` months up to ``today``'s, the oldest first."""
    index = today.year * 12 + today.month - 1
    return [dt.date(i // 12, i % 12 + 1, 1) for i in range(index - months + 1, index + 1)]


@dataclass(frozen=True)
class DesignMonths:
    """Awards per design per month: ``months`` (first days, the oldest first), the
    designs (``(design id, latest version's PL title, EN title)``, the most issued
    first) and ``counts[(design index, month index)]``."""

    months: list[dt.date]
    designs: list[tuple[int, str, str]]
    counts: dict[tuple[int, int], int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def rows(self) -> list[tuple[int, str, str, dt.date, int]]:
        """``(design id, PL title, EN title, month, count)`` of every non-zero cell."""
        rows = []
        for (design, month), n in sorted(self.counts.items()):
            design_id, title_pl, title_en = self.designs[design]
            rows.append((design_id, title_pl, title_en, self.months[month], n))
        return rows


def issued_per_design_month(provider: Provider, *, today: dt.date,
                            months: int = MONTHS) -> DesignMonths:  # fmt: skip
    """``provider``'s awards issued (dated) in the last ``months`` months, per design and
    month: one grouped query, then the designs' titles (one query over their versions)."""
    starts = _month_starts(today, months)
    found = (Award.objects.filter(provider=provider, issued_on__gte=starts[0],
                                  issued_on__lte=today)
             .annotate(_month=date_part("issued_on", 1, 7))
             .values_list("version__design", "_month").annotate(n=Count("pk"))
             .order_by())  # fmt: skip
    place = {f"{d:%Y-%m}": i for i, d in enumerate(starts)}
    per_design: dict[int, dict[int, int]] = {}
    for design, month, n in found:  # a cell per design and month, not per award
        per_design.setdefault(design, {})[place[month]] = n
    order = sorted(per_design, key=lambda d: (-sum(per_design[d].values()), d))
    titles = _titles(order)
    designs = [(d, *titles.get(d, ("", ""))) for d in order]
    counts = {(i, m): n for i, d in enumerate(order) for m, n in per_design[d].items()}
    return DesignMonths(starts, designs, counts)


def _titles(design_ids: list[int]) -> dict[int, tuple[str, str]]:
    """Each design's latest version's titles (PL, EN)."""
    titles: dict[int, tuple[str, str]] = {}
    for design, pl, en in (DesignVersion.objects.filter(design__in=design_ids)
                           .order_by("design", "-number")
                           .values_list("design", "title_pl", "title_en")):  # fmt: skip
        titles.setdefault(design, (pl or en, en or pl))
    return titles


def state_counts(provider: Provider) -> dict[str, int]:
    """How many of ``provider``'s awards are in each state (every state, zeros too)."""
    found = dict(Award.objects.filter(provider=provider).values_list("state")
                 .annotate(n=Count("pk")).order_by())  # fmt: skip
    return {state.value: found.get(state.value, 0) for state in AwardState}


def latest_revocations(provider: Provider, *, limit: int = REVOCATIONS) -> QuerySet[Award]:
    """``provider``'s latest revoked awards, each with ``revoked_at`` and ``reason`` from
    its history (for its own people: they name the learner)."""
    event = AwardEvent.objects.filter(award=OuterRef("pk"), action=AwardAction.REVOKED)
    return (Award.objects.filter(provider=provider, state=AwardState.REVOKED)
            .annotate(revoked_at=Subquery(event.order_by("-at", "-pk").values("at")[:1]),
                      revocation_reason=Subquery(event.order_by("-at", "-pk")
                                                 .values("reason")[:1]))
            .select_related("version").order_by("-revoked_at", "pk")[:limit])  # fmt: skip
