"""A provider's awards dashboard (:mod:`.dashboard`): the page and its figures as CSV.
Thin: find the provider (and whether the visitor is one of its own people), call the
selectors, render."""

from __future__ import annotations

import csv
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import dateformat, timezone
from django.utils.translation import gettext as _

from ...credentials.cohort import safe_row
from ..core.charts import column_chart
from ..core.language import current_language
from ..qa.feedback import feedback_summary
from .batches import batch_summary
from .dashboard import (
    DesignMonths,
    dashboard_provider,
    issued_per_design_month,
    latest_revocations,
    state_counts,
)
from .learner_search import MAX_QUERY, awards_matching
from .selectors import batches_of_provider


@login_required
def provider_dashboard(request: HttpRequest, provider_id: int) -> HttpResponse:
    provider, own = dashboard_provider(request.user, provider_id)
    lang = current_language()
    query = request.GET.get("q", "").strip()[:MAX_QUERY] if own else ""
    per_month = issued_per_design_month(provider, today=timezone.localdate())
    return render(request, "issuance/provider_dashboard.html", {
        "provider": provider, "own": own, "lang": lang, "states": state_counts(provider),
        "per_month": _chart(per_month, lang), "designs": len(per_month.designs),
        "revocations": latest_revocations(provider) if own else [],
        "query": query, "found": list(awards_matching(provider, query)) if query else None,
        "feedback": feedback_summary(provider), "max_query": MAX_QUERY,
        "batches": [(b, batch_summary(b)) for b in batches_of_provider(provider)[:5]]
        if own else [],
    })  # fmt: skip


def _chart(found: DesignMonths, lang: str) -> dict[str, Any]:
    periods = [(dateformat.format(d, "M"),
                str(d.year) if d.month == 1 or i == 0 else "", dateformat.format(d, "F Y"))
               for i, d in enumerate(found.months)]  # fmt: skip
    names = [(pl if lang == "pl" else en) for _id, pl, en in found.designs]
    return {"id": "per-design-month", "chart": column_chart(
        periods, names, found.counts, other=_("Other micro-credentials"))}  # fmt: skip


@login_required
def dashboard_csv(request: HttpRequest, provider_id: int) -> HttpResponse:
    """Awards per design and month (the chart's figures), a row per non-zero cell; the
    titles are the provider's own text, so every cell is neutralised (``safe_row``)."""
    provider, _own = dashboard_provider(request.user, provider_id)
    found = issued_per_design_month(provider, today=timezone.localdate())
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="microcred-provider-{provider.pk}-awards-per-month.csv"'
    )
    response.write("\ufeff")
    writer = csv.writer(response, lineterminator="\r\n")
    writer.writerow(("design", "title_pl", "title_en", "month", "awards"))
    for design, title_pl, title_en, month, n in found.rows():
        writer.writerow(safe_row((design, title_pl, title_en, f"{month:%Y-%m}", n)))
    return response
