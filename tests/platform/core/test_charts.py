"""The charts' layout: bars in proportion, the longest at 80% of the drawing (its count
written after it), columns stacked in order, series past eight summed as "other", and
the drawing's numbers equal to the table's."""

from __future__ import annotations

from microcred.platform.core.charts import SERIES_COLOURS, bar_chart, column_chart


def test_bars_are_in_proportion() -> None:
    chart = bar_chart([("a", "A", 10), ("b", "B", 5), ("c", "C", 0)])
    assert [b.width for b in chart.bars] == [80.0, 40.0, 0.0]
    assert chart.total == 15
    assert [b.y for b in chart.bars] == [20, 74, 128]
    assert chart.height == 3 * 54


def test_an_empty_chart() -> None:
    assert bar_chart([("a", "A", 0)]).total == 0
    assert column_chart([], [], {}, other="other").total == 0


def test_columns_stack_the_series() -> None:
    periods = [("Jan", "2026", "January 2026"), ("Feb", "", "February 2026")]
    chart = column_chart(periods, ["x", "y"], {(0, 0): 2, (1, 0): 2, (1, 1): 1}, other="other")
    first, second = chart.columns
    assert (first.total, second.total) == (4, 1)
    # the highest column fills the plot (180 px under 22 px of room for its total)
    assert [(s.series, s.y, s.height) for s in first.segments] == [
        (0, 112.0, 90.0),
        (1, 22.0, 90.0),
    ]
    assert [(s.series, s.height) for s in second.segments] == [(1, 45.0)]
    assert first.x + first.width < second.x
    assert chart.table == [("x", [2, 0], 2), ("y", [2, 1], 3)]


def test_series_past_the_colours_are_one() -> None:
    names = [f"d{i}" for i in range(SERIES_COLOURS + 2)]
    counts = {(i, 0): 1 for i in range(len(names))}
    chart = column_chart([("Jan", "", "January")], names, counts, other="other")
    assert len(chart.series) == SERIES_COLOURS
    assert chart.series[-1] == ("other", f"s{SERIES_COLOURS - 1}")
    assert chart.table[-1] == ("other", [3], 3)
    assert chart.total == len(names)
