"""Bar charts as the pages draw them: server-side, inline SVG, no script.

This module lays a chart out (pure arithmetic on counts the database gave); the templates
``core/_bars.html`` and ``core/_columns.html`` draw it, with the numbers written on the
bars and the same figures in a table for those who do not see the picture. Two kinds:

- :func:`bar_chart` — one horizontal bar per category (a field of education, a level),
  its label above it and its count at its end. Widths are percentages of the drawing and
  text is in pixels, so the chart fills a phone's width as a desktop's and its text never
  shrinks::

      >>> chart = bar_chart([("06", "ICT", 12), ("04", "Business", 3)])
      >>> [(b.label, b.value, b.width) for b in chart.bars]
      [('ICT', 12, 80.0), ('Business', 3, 20.0)]

- :func:`column_chart` — one column per period (a month), each a stack of series (the
  awards of each design), its total above it; series beyond :data:`SERIES_COLOURS` go
  into one "other" series.

Colours are classes (``s0`` … ``s7``, ``core/charts.css``), the site's palette.
"""

from __future__ import annotations

__all__ = ["SERIES_COLOURS", "Bar", "BarChart", "Column", "ColumnChart", "Segment",
           "bar_chart", "column_chart"]  # fmt: skip

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

#: how many series a column chart colours apart (the rest are one "other" series)
SERIES_COLOURS = 8
#: the share of the drawing's width the longest bar takes (its count is written after it)
_LONGEST = 80.0
#: a horizontal bar's row: its label (px), the bar, the gap to the next
_LABEL, _BAR, _GAP = 20, 22, 12
#: a column chart's drawing: room above for the totals, the plot, room below for labels
_TOP, _PLOT, _BOTTOM = 22, 180, 40


@dataclass(frozen=True)
class Bar:
    """One category's bar: ``width`` is a percentage of the drawing, ``y`` its top (px)."""

    key: str
    label: str
    value: int
    width: float
    y: int

    @property
    def label_y(self) -> int:
        return self.y - 6

    @property
    def middle(self) -> int:
        """Where the count's baseline sits, in the bar's middle."""
        return self.y + _BAR // 2 + 5


@dataclass(frozen=True)
class BarChart:
    bars: list[Bar]
    total: int
    bar_height: int = _BAR

    @property
    def height(self) -> int:
        return len(self.bars) * (_LABEL + _BAR + _GAP)

    @property
    def widest(self) -> int:
        return max((b.value for b in self.bars), default=0)


def bar_chart(rows: Iterable[tuple[str, str, int]]) -> BarChart:
    """The horizontal bars of ``(key, label, count)`` rows, in their order; a count of
    zero gets a hairline (it is a category, present and empty)."""
    rows = list(rows)
    widest = max((n for _, _, n in rows), default=0)
    bars = []
    for i, (key, label, value) in enumerate(rows):
        width = round(value / widest * _LONGEST, 2) if widest else 0.0
        bars.append(Bar(key, label, value, width, i * (_LABEL + _BAR + _GAP) + _LABEL))
    return BarChart(bars, sum(n for _, _, n in rows))


@dataclass(frozen=True)
class Segment:
    """A series' part of a column: ``y`` and ``height`` in px, ``colour`` its class."""

    series: int
    value: int
    y: float
    height: float

    @property
    def colour(self) -> str:
        return f"s{self.series}"


@dataclass(frozen=True)
class Column:
    """One period's column: ``x`` and ``width`` as percentages of the drawing."""

    label: str
    caption: str
    full: str
    total: int
    x: float
    width: float
    segments: list[Segment]
    top: float

    @property
    def centre(self) -> float:
        return round(self.x + self.width / 2, 3)

    @property
    def value_y(self) -> float:
        """The total's baseline, just above the column."""
        return round(self.top - 6, 2)


@dataclass(frozen=True)
class ColumnChart:
    columns: list[Column]
    series: list[tuple[str, str]]  # (label, colour class), the legend
    total: int
    #: the table: a row per series, a count per column
    table: list[tuple[str, list[int], int]]
    plot_top: int = _TOP
    plot_bottom: int = _TOP + _PLOT
    height: int = _TOP + _PLOT + _BOTTOM

    @property
    def gridlines(self) -> list[float]:
        """Faint lines at a quarter, half and three quarters of the plot's height."""
        return [_TOP + _PLOT * f for f in (0.0, 0.25, 0.5, 0.75)]

    @property
    def label_y(self) -> int:
        return _TOP + _PLOT + 17

    @property
    def caption_y(self) -> int:
        return _TOP + _PLOT + 34


def column_chart(periods: Sequence[tuple[str, str, str]], series: Sequence[str],
                 counts: dict[tuple[int, int], int], *, other: str) -> ColumnChart:  # fmt: skip
    """Columns for ``periods`` (``(label, caption, full)``: "Mar", under the first column
    of each year "2026", and "Mar 2026" for the table) stacking ``series``, with
    ``counts[(series index, period index)]``. Series are coloured in the order given (put
    the largest first); past :data:`SERIES_COLOURS` they are summed as ``other``."""
    kept = list(series[: SERIES_COLOURS - 1]) if len(series) > SERIES_COLOURS else list(series)
    folded = len(kept) < len(series)
    names = [*kept, other] if folded else kept

    def value(s: int, p: int) -> int:
        if folded and s == len(kept):
            return sum(counts.get((i, p), 0) for i in range(len(kept), len(series)))
        return counts.get((s, p), 0)

    grid = [[value(s, p) for p in range(len(periods))] for s in range(len(names))]
    totals = [sum(grid[s][p] for s in range(len(names))) for p in range(len(periods))]
    highest = max(totals, default=0)
    slot = 100 / max(len(periods), 1)
    columns = []
    for p, (label, caption, full) in enumerate(periods):
        base = float(_TOP + _PLOT)
        segments = []
        for s in range(len(names)):
            if not grid[s][p]:
                continue
            height = grid[s][p] / highest * _PLOT
            base -= height
            segments.append(Segment(s, grid[s][p], round(base, 2), round(height, 2)))
        columns.append(Column(label, caption, full, totals[p], round(p * slot + slot * 0.15, 3),
                              round(slot * 0.7, 3), segments, round(base, 2)))  # fmt: skip
    return ColumnChart(
        columns=columns, series=[(n, f"s{i}") for i, n in enumerate(names)], total=sum(totals),
        table=[(names[s], grid[s], sum(grid[s])) for s in range(len(names))],
    )  # fmt: skip
