"""The accounts app's messages (constants that tests import)."""

from __future__ import annotations

from ...standard.messages import Message

EMAIL_TAKEN = Message(
    "email_taken",
    "An account with this e-mail address already exists.",
    "Konto z tym adresem e-mail już istnieje.",
)
ROLE_WRONG_ORGANISATION = Message(
    "role_wrong_organisation",
    "The role {role} belongs to another kind of organisation than {organisation}.",
    "Rola {role} należy do innego rodzaju organizacji niż {organisation}.",
)
WEAK_PASSWORD = Message(
    "weak_password",
    "The password is too weak: {why}",
    "Hasło jest za słabe: {why}",
)
