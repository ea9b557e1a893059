"""The value rules: an absolute URL (VC DM 2.0 §4.4, VC DM 1.1 §4.2; RFC 3986 §4.3 read
as an IRI, RFC 3987) and an XML Schema dateTime (VC DM 1.1 §4.6, §4.8) or dateTimeStamp
(VC DM 2.0 §4.9 with §5.8), read as an exact moment in any year."""

from __future__ import annotations

__all__ = ["is_url"]

import re
from fractions import Fraction
from typing import Any

_MAX_DATE_LENGTH = 64

# RFC 3986 §3.1 scheme, then no character an IRI (RFC 3987 §2.2, §4.1) cannot hold:
# whitespace, controls, <>"{}|\^` and the bidirectional formatting characters.
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
_NOT_IN_IRI = re.compile(r'[\s\x00-\x1f\x7f-\x9f<>"{}|\\^`\u200e\u200f\u202a-\u202e\u2066-\u2069]')
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
# XML Schema 1.1 Part 2 §3.3.7 dateTime; dateTimeStamp (§3.4.28) is the same with the
# time zone required (the expression VC DM 2.0 §5.8 reproduces).
_DATE_TIME = re.compile(
    r"(-?(?:[1-9][0-9]{3,}|0[0-9]{3}))-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
    r"T(?:([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9])(?:\.([0-9]+))?|24:00:00(?:\.0+)?)"
    r"(Z|[+-](?:(?:0[0-9]|1[0-3]):[0-5][0-9]|14:00))?"
)


def is_url(value: Any) -> bool:
    """An absolute URL (RFC 3986 §4.3, as an IRI: letters of any script are fine):
    ``https://…``, ``did:…``, ``urn:uuid:…``; no whitespace, no characters an IRI
    cannot hold, well-formed percent escapes, at most one ``#``."""
    return (
        isinstance(value, str)
        and _SCHEME.match(value) is not None
        and _NOT_IN_IRI.search(value) is None
        and _BAD_PERCENT.search(value) is None
        and value.count("#") <= 1
    )


def _moment(value: Any) -> tuple[Fraction | None, bool]:
    """An XML Schema dateTime as seconds since 1970 UTC (no time zone: read as UTC, §5.8)
    and whether it had a time zone; None if it is not one."""
    if not isinstance(value, str) or len(value) > _MAX_DATE_LENGTH:
        return None, False
    match = _DATE_TIME.fullmatch(value)
    if match is None:
        return None, False
    year, month, day = int(match[1]), int(match[2]), int(match[3])
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    if (month == 2 and day > (29 if leap else 28)) or (month in (4, 6, 9, 11) and day > 30):
        return None, False
    if match[4] is None:  # 24:00:00 is the first moment of the next day
        seconds = 86_400
    else:
        seconds = int(match[4]) * 3600 + int(match[5]) * 60 + int(match[6])
    zone = match[8]
    if zone and zone != "Z":
        offset = int(zone[1:3]) * 3600 + int(zone[4:6]) * 60
        seconds -= offset if zone[0] == "+" else -offset
    fraction = Fraction(int(match[7]), 10 ** len(match[7])) if match[7] else Fraction(0)
    return _days(year, month, day) * 86_400 + seconds + fraction, zone is not None


def _days(year: int, month: int, day: int) -> int:
    """Days from 1970-01-01 in the proleptic Gregorian calendar (any year)."""
    year -= month <= 2
    era = year // 400
    year_of_era = year - era * 400
    day_of_year = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    return era * 146_097 + day_of_era - 719_468
