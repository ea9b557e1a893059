"""The registry app's messages (constants that tests import)."""

from __future__ import annotations

from ...standard.messages import Message

SEARCH_INVALID = Message(
    "registry_search_invalid",
    "The search cannot be run: check {fields}.",
    "Nie można wyszukać: sprawdź pola {fields}.",
)
ECTS_RANGE = Message(
    "registry_ects_range",
    "The lowest ECTS is above the highest.",
    "Najmniejsza liczba punktów ECTS jest większa niż największa.",
)
NO_SUCH_PROVIDER = Message(
    "registry_no_such_provider",
    "No verified provider has this number or identifier.",
    "Żaden zweryfikowany dostawca nie ma takiego numeru ani identyfikatora.",
)
NOT_ESCO_SKILL = Message(
    "registry_not_esco_skill",
    "Give an ESCO skill URI: http://data.europa.eu/esco/skill/<uuid>.",
    "Podaj URI umiejętności ESCO: http://data.europa.eu/esco/skill/<uuid>.",
)
