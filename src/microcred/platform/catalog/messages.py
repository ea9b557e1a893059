"""The catalog app's messages (constants that tests import)."""

from __future__ import annotations

from ...standard.messages import Message

DESIGN_INVALID = Message(
    "design_invalid",
    "The design file cannot be read ({count} problems): {first}",
    "Nie można odczytać pliku projektu (problemów: {count}): {first}",
)
NOT_PROVIDER_PERSON = Message(
    "not_provider_person",
    "Only the provider's administrators and staff draft its micro-credentials.",
    "Mikropoświadczenia dostawcy przygotowują tylko jego administratorzy i pracownicy.",
)
PROVIDER_NOT_VERIFIED = Message(
    "design_provider_not_verified",
    "{provider} is not a verified provider yet: its designs can be drafted, not submitted.",
    "{provider} nie jest jeszcze zweryfikowanym dostawcą: jego projekty można przygotowywać, "
    "ale nie zgłaszać.",
)
NOT_A_DRAFT = Message(
    "not_a_draft",
    "This version is {status}: only a draft is submitted (a change is a new version).",
    "Ta wersja ma status: {status}; zgłasza się tylko wersję roboczą (zmiana to nowa wersja).",
)
INCOMPLETE = Message(
    "design_incomplete",
    "The design is incomplete ({missing} mandatory elements are missing or weak): complete "
    "it before submitting it.",
    "Projekt jest niekompletny (brakujących lub słabych elementów obowiązkowych: {missing}): "
    "uzupełnij go przed zgłoszeniem.",
)
BADGE_TOO_LARGE = Message(
    "badge_too_large",
    "The badge image is larger than {limit} KiB.",
    "Obraz odznaki jest większy niż {limit} KiB.",
)
BADGE_WRONG_TYPE = Message(
    "badge_wrong_type",
    "The badge image must be a PNG or an SVG file ({reason}).",
    "Obraz odznaki musi być plikiem PNG lub SVG ({reason_pl}).",
)
BADGE_TOO_MANY_PIXELS = Message(
    "badge_too_many_pixels",
    "The badge image is {width}×{height} pixels; at most {limit}×{limit} are accepted.",
    "Obraz odznaki ma {width}×{height} pikseli; przyjmowany jest najwyżej {limit}×{limit}.",
)
PREVIEW_IMPOSSIBLE = Message(
    "preview_impossible",
    "This preview cannot be made from the design yet: {reason}",
    "Tego podglądu nie da się jeszcze zrobić z projektu: {reason_pl}",
)
AWARDING_BODY_NOT_PROVIDER = Message(
    "awarding_body_not_provider",
    "The design's first awarding body, {body}, is not the provider it belongs to, {provider}: "
    "name the provider first — with its registered legal identifier or, without an identifier, "
    "under its legal name exactly — and any partner after it.",
    "Pierwszy organ przyznający w projekcie, {body}, nie jest dostawcą, do którego projekt "
    "należy ({provider}): wpisz najpierw dostawcę — z jego zarejestrowanym identyfikatorem "
    "prawnym albo, bez identyfikatora, dokładnie pod jego nazwą prawną — a ewentualnych "
    "partnerów po nim.",
)
