"""The uptake pages (the QA body, the platform's administrators): the figures as charts
and tables, and as CSV. Thin: parse the year, call the selector, render."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from ..core.charts import bar_chart, column_chart
from ..core.errors import PlatformError
from ..core.language import current_language
from .exports import csv_response
from .filters import year_of
from .selectors import DIMENSIONS, Tally, Uptake, ensure_overseer, uptake_of, uptake_years


@login_required
def page(request: HttpRequest) -> HttpResponse:
    ensure_overseer(request.user)
    lang = current_language()
    years = uptake_years()
    error: PlatformError | None = None
    try:
        year = year_of(request.GET.get("year"))
    except PlatformError as exc:
        error, year = exc, None
    uptake = uptake_of(request.user, year=year, lang=lang)
    return render(request, "uptake/uptake.html", {
        "uptake": uptake, "years": years, "year": year, "charts": _charts(uptake),
        "period": _period_chart(uptake), "message": error.text(lang) if error else None,
        "query": "" if year is None else f"?year={year}",
    }, status=error.status if error else 200)  # fmt: skip


@login_required
def export_csv(request: HttpRequest) -> HttpResponse:
    return csv_response(uptake_of(request.user, year=year_of(request.GET.get("year")),
                                  lang=current_language()))  # fmt: skip


def _rows(tallies: list[Tally]) -> list[tuple[str, str, int]]:
    return [(t.key, t.label, t.count) for t in tallies]


def _charts(uptake: Uptake) -> list[dict[str, Any]]:
    """The horizontal bar charts, one per category (the period is a column chart)."""
    shown = [(name, tallies) for name, tallies in uptake.breakdowns() if name != "period"]
    return [
        {"id": f"uptake-{name}", "title": str(DIMENSIONS[name]), "colour": f"s{i + 1}",
         "chart": bar_chart(_rows(tallies))}
        for i, (name, tallies) in enumerate(shown)
    ]  # fmt: skip


def _period_chart(uptake: Uptake) -> dict[str, Any]:
    months = uptake.year is not None
    periods = [(t.label[:3] if months else t.label, "", t.label if not months else
                f"{t.label} {uptake.year}") for t in uptake.by_period]  # fmt: skip
    counts = {(0, p): t.count for p, t in enumerate(uptake.by_period)}
    title = (_("Awards issued per month, %(year)s") % {"year": uptake.year} if months
             else _("Awards issued per year"))  # fmt: skip
    return {"id": "uptake-period", "title": title,
            "chart": column_chart(periods, [_("Awards")], counts, other=_("Other"))}  # fmt: skip
