"""Messages every app may give, as constants that tests import (see
:mod:`microcred.standard.messages`)."""

from __future__ import annotations

from ...standard.messages import Message

NOT_FOUND = Message("not_found", "Not found.", "Nie znaleziono.")
PERMISSION_DENIED = Message(
    "permission_denied",
    "You may not do this.",
    "Nie masz uprawnień do tej czynności.",
)
INVALID_INPUT = Message(
    "invalid_input",
    "Some fields are not right: {fields}.",
    "Niektóre pola są niepoprawne: {fields}.",
)
