"""Parts of a date column computed by the database itself, the same on SQLite and
PostgreSQL, for grouping by month or year and for ages.

Django's ``ExtractYear`` and its kin call a Python function for every row on SQLite
(``django_date_extract``): 600 ms for an age over 50,000 awards (``bench/dashboards.py``).
A cast to text and a substring are each database's own: SQLite stores a date as its ISO
text and PostgreSQL prints one so (``DateStyle`` ISO, its default)::

    date_part("issued_on", 1, 7)   # "2026-03": the month
    date_part("issued_on", 1, 4)   # "2026": the year
    date_part("issued_on", 6, 5)   # "03-14": month and day, compared as text
"""

from __future__ import annotations

__all__ = ["date_part", "year_of"]

from django.db.models import CharField, IntegerField
from django.db.models.functions import Cast, Substr


def date_part(field: str, start: int, length: int) -> Substr:
    """Characters ``start`` (from 1) to ``start + length - 1`` of the date column
    ``field`` as ``YYYY-MM-DD``."""
    return Substr(Cast(field, CharField(max_length=10)), start, length)


def year_of(field: str) -> Cast:
    """The year of the date column ``field``, as a number."""
    return Cast(date_part(field, 1, 4), IntegerField())
