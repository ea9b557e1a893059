"""An award: one learner's micro-credential, built from a specification.

It adds the two Annex I elements that differ per learner — identification of the learner
and date of issue — and the optional grade achieved::

    spec: {...the design...}
    learner: {given_name: Anna, family_name: Kowalska, date_of_birth: 1990-04-02}
    issued_on: 2025-06-20
    grade: {pl: bardzo dobry (5,0), en: very good (5.0)}
"""

from __future__ import annotations

__all__ = ["DATES_OUT_OF_ORDER", "Award", "validity_end"]

import calendar
import datetime as dt

from pydantic import model_validator

from ..messages import Message
from ._base import Element, Uri
from .parties import Learner
from .spec import MicroCredentialSpec
from .text import LocalizedText

#: an award valid until a day before its date of issue
DATES_OUT_OF_ORDER = Message(
    "dates_out_of_order",
    "valid_until is before issued_on",
    "data valid_until jest wcześniejsza niż issued_on",
)


class Award(Element):
    """A micro-credential awarded to one learner."""

    id: Uri | None = None
    spec: MicroCredentialSpec
    learner: Learner | None = None
    issued_on: dt.date | None = None
    valid_until: dt.date | None = None
    grade: LocalizedText | None = None

    @model_validator(mode="after")
    def _dates_in_order(self) -> Award:
        if self.issued_on and self.valid_until and self.valid_until < self.issued_on:
            raise ValueError(DATES_OUT_OF_ORDER())
        return self


def validity_end(spec: MicroCredentialSpec, issued_on: dt.date) -> dt.date | None:
    """The ``valid_until`` of an award issued on ``issued_on``, from the design's
    ``validity_months``: the same day that many months later (the month's last day when
    it is shorter), or ``None`` when the design sets no validity."""
    if not spec.validity_months:
        return None
    months = issued_on.year * 12 + issued_on.month - 1 + spec.validity_months
    year, month = divmod(months, 12)
    day = min(issued_on.day, calendar.monthrange(year, month + 1)[1])
    return dt.date(year, month + 1, day)
