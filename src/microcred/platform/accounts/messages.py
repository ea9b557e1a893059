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
INVITATION_NOT_ALLOWED = Message(
    "invitation_not_allowed",
    "You may not invite people to {organisation} in that role.",
    "Nie możesz zapraszać osób do organizacji {organisation} w tej roli.",
)
INVITATION_UNKNOWN = Message(
    "invitation_unknown",
    "This invitation link is not valid: it was mistyped, used already or withdrawn.",
    "Ten link z zaproszeniem jest nieważny: ma literówkę, został już użyty albo wycofany.",
)
INVITATION_EXPIRED = Message(
    "invitation_expired",
    "This invitation expired on {date}: ask for a new one.",
    "To zaproszenie wygasło {date}: poproś o nowe.",
)
INVITATION_OTHER_PERSON = Message(
    "invitation_other_person",
    "This invitation is for {email}: log in with that address to accept it.",
    "To zaproszenie jest dla {email}: zaloguj się tym adresem, aby je przyjąć.",
)
TOKEN_NOT_ALLOWED = Message(
    "token_not_allowed",
    "You may not make or revoke API keys of {organisation} in that role.",
    "Nie możesz tworzyć ani unieważniać kluczy API organizacji {organisation} w tej roli.",
)
