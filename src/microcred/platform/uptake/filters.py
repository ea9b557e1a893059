"""The uptake page's one filter, the year: checked once for the page, the CSV and the API."""

from __future__ import annotations

__all__ = ["FIRST_YEAR", "LAST_YEAR", "year_of"]

from ..core.errors import InvalidInputError
from ..core.language import current_language
from . import messages as m

#: the years a filter may name
FIRST_YEAR, LAST_YEAR = 2000, 2100


def year_of(value: str | int | None) -> int | None:
    """The year asked for (``None``, "" or "all": every year), or
    :class:`InvalidInputError` naming the field."""
    if value in (None, "", "all"):
        return None
    try:
        year = int(value)
    except (TypeError, ValueError):
        year = 0
    if not FIRST_YEAR <= year <= LAST_YEAR:
        text = m.BAD_YEAR.text(current_language(), first=FIRST_YEAR, last=LAST_YEAR)
        raise InvalidInputError(m.BAD_YEAR, first=FIRST_YEAR, last=LAST_YEAR,
                                extra={"fields": {"year": [text]}})  # fmt: skip
    return year
