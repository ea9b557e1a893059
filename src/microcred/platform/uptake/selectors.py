"""The uptake of micro-credentials: awards counted by the database, grouped as the
Recommendation asks the Member States and the Commission to collect data on them (§20;
§19(i): their take-up, by providers of education and training and by employers; §11(b):
learners of disadvantaged groups), for the QA body and the platform's administrators.

What is counted: the awards issued, but not one a correction replaced (its replacement is
counted: one learner, one credential); a revoked award still counts as issued (the total
says how many are revoked). ``year`` narrows every figure to awards issued that year.

The categories, each from data the platform holds, never guessed:

- **field** of education — the design's ISCED-F 2013 broad fields (a design in two
  fields counts in each; the page says so), or "not given";
- **level** — the design's EQF level, or "not given";
- **provider type** — what the provider registered as (university, VET school,
  employer, NGO, training company);
- **learner group** — the learner's age at the date of issue, in bands (under 25, ten
  years each to 64, 65 and over: the bands of the EU's adult-learning statistics, with
  the young and the seniors §11(b) names apart), from the date of birth when the design
  records it, else "not recorded". Nothing else about a learner (disability, migration,
  employment) is held, so nothing else is reported;
- **period** — months of the year chosen, or years when none is.

Every figure is one grouped query (``GROUP BY``, or conditional counts in one
``SELECT``), the same on SQLite and PostgreSQL; no award row reaches Python, and no
Python function runs per row in the database (dates are cut by
:mod:`..core.db_dates`).
"""

from __future__ import annotations

__all__ = ["AGE_BANDS", "DIMENSIONS", "Tally", "Uptake", "ensure_overseer", "uptake_of",
           "uptake_years"]  # fmt: skip

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When
from django.db.models.lookups import LessThan
from django.utils import dateformat, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ...standard.vocab import IscedField
from ..accounts.models import Role
from ..accounts.selectors import has_role
from ..core.db_dates import date_part, year_of
from ..core.errors import PermissionDeniedError
from ..issuance.models import Award, AwardState
from ..providers.models import ProviderType
from . import messages as m

#: the key of a category with no data
NONE = "none"
#: ``(key, youngest, oldest)`` of each age band at the date of issue (``None``: open)
AGE_BANDS: list[tuple[str, int | None, int | None]] = [
    ("under-25", None, 24), ("25-34", 25, 34), ("35-44", 35, 44), ("45-54", 45, 54),
    ("55-64", 55, 64), ("65-plus", 65, None),
]  # fmt: skip
#: each breakdown's key and heading
DIMENSIONS = {
    "field": gettext_lazy("Field of education (ISCED-F)"),
    "level": gettext_lazy("EQF level"),
    "provider_type": gettext_lazy("Provider type"),
    "learner_group": gettext_lazy("Learner's age at issue"),
    "period": gettext_lazy("Period"),
}
_BROAD = [f for f in IscedField if f.is_broad]


@dataclass(frozen=True)
class Tally:
    """One category of a breakdown: its key (for machines), its label, its count."""

    key: str
    label: str
    count: int


@dataclass(frozen=True)
class Uptake:
    """The figures for one year (or all years: ``year`` None)."""

    year: int | None
    total: int
    revoked: int
    providers: int
    learners: int
    by_field: list[Tally]
    by_level: list[Tally]
    by_provider_type: list[Tally]
    by_learner_group: list[Tally]
    by_period: list[Tally]

    def breakdowns(self) -> list[tuple[str, list[Tally]]]:
        """``(dimension, tallies)`` in the order of :data:`DIMENSIONS`."""
        return [("field", self.by_field), ("level", self.by_level),
                ("provider_type", self.by_provider_type),
                ("learner_group", self.by_learner_group), ("period", self.by_period)]  # fmt: skip


def ensure_overseer(user: Any) -> None:
    """The QA body's officers and the platform's administrators; anyone else 403."""
    if not has_role(user, Role.QA_OFFICER, Role.PLATFORM_ADMIN):
        raise PermissionDeniedError(m.NOT_OVERSEER)


def _counted(year: int | None) -> QuerySet[Award]:
    """The awards counted: all but those a correction replaced; issued in ``year``."""
    awards = Award.objects.filter(replaced_by__isnull=True)
    return awards.filter(issued_on__year=year) if year is not None else awards


def uptake_years() -> list[int]:
    """The years in which some award was issued, the latest first."""
    return [d.year for d in Award.objects.dates("issued_on", "year", order="DESC")]


def uptake_of(user: Any, *, year: int | None = None, lang: str = "en") -> Uptake:
    """The uptake figures for ``year`` (every year when None), labels in ``lang``; for the
    QA body and the platform's administrators (:class:`PermissionDeniedError` else)."""
    ensure_overseer(user)
    awards = _counted(year)
    totals = awards.aggregate(total=Count("pk"), providers=Count("provider", distinct=True),
                              learners=Count("email", distinct=True),
                              revoked=Count("pk", filter=Q(state=AwardState.REVOKED)))  # fmt: skip
    with translation.override(lang):
        return Uptake(
            year=year, total=totals["total"], revoked=totals["revoked"],
            providers=totals["providers"], learners=totals["learners"],
            by_field=_by_field(awards, lang), by_level=_by_level(awards),
            by_provider_type=_by_provider_type(awards),
            by_learner_group=_by_learner_group(awards),
            by_period=_by_month(awards, year) if year is not None else _by_year(awards),
        )  # fmt: skip


def _by_field(awards: QuerySet[Award], lang: str) -> list[Tally]:
    """One conditional count per broad field, in one ``SELECT`` (a design's facets list
    its fields between spaces, each narrow field's broad one too: `` 06 061 ``)."""
    codes = "version__facets__isced_codes"
    counts = awards.aggregate(
        **{f"f{f.value}": Count("pk", filter=Q(**{f"{codes}__contains": f" {f.value} "}))
           for f in _BROAD},
        none=Count("pk", filter=Q(**{codes: ""}) | Q(**{f"{codes}__isnull": True})),
    )  # fmt: skip
    rows = [Tally(f.value, f"{f.value} {f.label(lang)}", counts[f"f{f.value}"]) for f in _BROAD]
    return _with_none(rows, counts["none"], _("not given"))


def _by_level(awards: QuerySet[Award]) -> list[Tally]:
    found = dict(awards.values_list("version__facets__eqf_level").annotate(n=Count("pk"))
                 .order_by())  # fmt: skip
    rows = [Tally(str(level), _("EQF %(level)s") % {"level": level}, found.get(level, 0))
            for level in range(1, 9)]  # fmt: skip
    return _with_none(rows, found.get(None, 0), _("not given"))


def _by_provider_type(awards: QuerySet[Award]) -> list[Tally]:
    found = dict(awards.values_list("provider__provider_type").annotate(n=Count("pk"))
                 .order_by())  # fmt: skip
    return [Tally(t.value, str(t.label), found.get(t.value, 0)) for t in ProviderType]


def _by_learner_group(awards: QuerySet[Award]) -> list[Tally]:
    """The age band at the date of issue, in SQL: whole years between the date of birth
    and the date of issue, one fewer when the birthday (``MM-DD``) comes later in the
    year of issue; no date of birth, "none"."""
    before_birthday = Case(When(LessThan(date_part("issued_on", 6, 5),
                                         date_part("date_of_birth", 6, 5)), then=Value(1)),
                           default=Value(0), output_field=IntegerField())  # fmt: skip
    age = year_of("issued_on") - year_of("date_of_birth") - before_birthday
    whens = [When(date_of_birth__isnull=True, then=Value(NONE))]
    whens += [When(_age__lte=oldest, then=Value(key)) for key, _y, oldest in AGE_BANDS if oldest]
    found = dict(awards.annotate(_age=age)
                 .annotate(_band=Case(*whens, default=Value(AGE_BANDS[-1][0])))
                 .values_list("_band").annotate(n=Count("pk")).order_by())  # fmt: skip
    rows = [Tally(key, _band_label(youngest, oldest), found.get(key, 0))
            for key, youngest, oldest in AGE_BANDS]  # fmt: skip
    return _with_none(rows, found.get(NONE, 0), _("date of birth not recorded"), always=True)


def _band_label(youngest: int | None, oldest: int | None) -> str:
    if youngest is None:
        return _("under %(age)s") % {"age": (oldest or 0) + 1}
    if oldest is None:
        return _("%(age)s and over") % {"age": youngest}
    return f"{youngest}–{oldest}"


def _by_month(awards: QuerySet[Award], year: int) -> list[Tally]:
    found = dict(awards.annotate(_month=date_part("issued_on", 1, 7)).values_list("_month")
                 .annotate(n=Count("pk")).order_by())  # fmt: skip
    return [Tally(f"{year}-{month:02d}", dateformat.format(dt.date(year, month, 1), "F"),
                  found.get(f"{year}-{month:02d}", 0)) for month in range(1, 13)]  # fmt: skip


def _by_year(awards: QuerySet[Award]) -> list[Tally]:
    found = {int(y): n for y, n in awards.annotate(_year=date_part("issued_on", 1, 4))
             .values_list("_year").annotate(n=Count("pk")).order_by()}  # fmt: skip
    if not found:
        return []
    years = range(min(found), max(found) + 1)
    return [Tally(str(y), str(y), found.get(y, 0)) for y in years]


def _with_none(rows: list[Tally], none: int, label: str, *, always: bool = False) -> list[Tally]:
    """``rows`` and, when some awards have no value (or ``always``), a "none" row last."""
    return [*rows, Tally(NONE, label, none)] if none or always else rows
