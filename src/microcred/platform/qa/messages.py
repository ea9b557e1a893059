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
REVIEW_INVALID = Message(
    "review_invalid",
    "The decision is not recorded: {count} answers of the checklist need correcting.",
    "Decyzja nie została zapisana: {count} pozycji listy kontrolnej wymaga poprawienia.",
)
UNKNOWN_PRINCIPLE = Message(
    "review_unknown_principle",
    "The checklist names something that is not an Annex II principle.",
    "Lista kontrolna wymienia coś, co nie jest zasadą z załącznika II.",
)
PRINCIPLE_UNANSWERED = Message(
    "review_principle_unanswered",
    "Approving needs a finding on every principle: met, not met or not applicable.",
    "Zatwierdzenie wymaga oceny każdej zasady: spełniona, niespełniona albo nie dotyczy.",
)
APPROVAL_WITH_UNMET = Message(
    "review_approval_with_unmet",
    "A design with a principle not met is not approved: request changes or reject it.",
    "Projektu z niespełnioną zasadą nie zatwierdza się: poproś o zmiany albo go odrzuć.",
)
NOT_APPLICABLE_NEEDS_COMMENT = Message(
    "review_not_applicable_needs_comment",
    "Say why the principle does not apply to this micro-credential.",
    "Wyjaśnij, dlaczego zasada nie dotyczy tego mikropoświadczenia.",
)
REVIEW_NEEDS_FINDING = Message(
    "review_needs_finding",
    "Mark at least one principle as not met, or comment on one: the provider is told what "
    "to change.",
    "Oznacz co najmniej jedną zasadę jako niespełnioną albo ją skomentuj: dostawca "
    "dowiaduje się, co zmienić.",
)
TOO_LONG = Message(
    "review_too_long",
    "At most {limit} characters.",
    "Najwyżej {limit} znaków.",
)

#: the field messages of a decision, by code (``InvalidInputError.extra["fields"]``)
FIELD_MESSAGES: dict[str, Message] = {
    x.code: x
    for x in (REVIEW_NEEDS_REASON, UNKNOWN_PRINCIPLE, PRINCIPLE_UNANSWERED, APPROVAL_WITH_UNMET,
              NOT_APPLICABLE_NEEDS_COMMENT, REVIEW_NEEDS_FINDING, TOO_LONG)
}  # fmt: skip
FEEDBACK_NOT_LEARNER = Message(
    "feedback_not_learner",
    "Only the learner the micro-credential was awarded to gives feedback on it.",
    "Opinię o mikropoświadczeniu wystawia tylko osoba, której je wydano.",
)
FEEDBACK_GIVEN = Message(
    "feedback_given",
    "You have already given feedback on this micro-credential (one per award).",
    "Opinia o tym mikropoświadczeniu została już wystawiona (jedna na poświadczenie).",
)
FEEDBACK_REVOKED = Message(
    "feedback_revoked",
    "This micro-credential was revoked: feedback is given on valid awards.",
    "To mikropoświadczenie zostało unieważnione: opinie wystawia się o ważnych poświadczeniach.",
)
FEEDBACK_RATING = Message(
    "feedback_rating",
    "Choose a rating from 1 to 5.",
    "Wybierz ocenę od 1 do 5.",
)
FEEDBACK_TOO_LONG = Message(
    "feedback_too_long",
    "The comment is longer than {limit} characters.",
    "Komentarz jest dłuższy niż {limit} znaków.",
)
FEEDBACK_INVALID = Message(
    "feedback_invalid",
    "The feedback is not saved: {first}",
    "Opinia nie została zapisana: {first}",
)
FEEDBACK_CONTROL_CHARACTERS = Message(
    "feedback_control_characters",
    "The comment contains a control character: type it as text.",
    "Komentarz zawiera znak sterujący: wpisz go jako zwykły tekst.",
)
