"""The qa app's messages (constants that tests import)."""

from __future__ import annotations

from ...standard.messages import Message

NOT_QA_OFFICER = Message(
    "review_not_qa_officer",
    "Only an officer of a QA body reviews designs.",
    "Projekty ocenia tylko pracownik instytucji zapewniania jakości.",
)
NOT_SUBMITTED = Message(
    "review_not_submitted",
    "This version is {status}: only a submitted version is reviewed.",
    "Ta wersja ma status: {status}; ocenia się tylko wersje zgłoszone.",
)
REVIEW_NEEDS_REASON = Message(
    "review_needs_reason",
    "Say why: a provider asked for changes, or whose design is rejected, is told the reason.",
    "Podaj uzasadnienie: dostawca proszony o zmiany albo z odrzuconym projektem dowiaduje "
    "się, dlaczego.",
)
PROVIDER_NOT_VERIFIED = Message(
    "review_provider_not_verified",
    "{provider} is not a verified provider now: its design cannot be published.",
    "{provider} nie jest teraz zweryfikowanym dostawcą: jego projektu nie można opublikować.",
)
