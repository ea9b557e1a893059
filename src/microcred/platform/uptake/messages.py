"""The uptake app's messages (constants that tests import)."""

from __future__ import annotations

from ...standard.messages import Message

NOT_OVERSEER = Message(
    "uptake_not_overseer",
    "The uptake statistics are for the QA body and the platform's administrators.",
    "Statystyki upowszechnienia są dla instytucji zapewniania jakości i administratorów platformy.",
)
BAD_YEAR = Message(
    "uptake_bad_year",
    "The year must be a number from {first} to {last}.",
    "Rok musi być liczbą od {first} do {last}.",
)
