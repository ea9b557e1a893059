"""The issuance app's messages (constants that tests import)."""

from __future__ import annotations

from ...standard.messages import Message

NOT_ISSUER = Message(
    "not_issuer",
    "Only the provider's administrators and staff issue its micro-credentials.",
    "Mikropoświadczenia dostawcy wydają tylko jego administratorzy i pracownicy.",
)
NOT_PUBLISHED = Message(
    "version_not_published",
    "Version {number} is not the published version of this micro-credential: awards are "
    "issued only under the version the QA body approved and the registry lists.",
    "Wersja {number} nie jest opublikowaną wersją tego mikropoświadczenia: wydaje się je "
    "tylko według wersji zatwierdzonej przez komisję jakości i widocznej w rejestrze.",
)
REQUIRED = Message("award_field_required", "This field is required.", "To pole jest wymagane.")
BAD_EMAIL = Message(
    "award_bad_email", "{value!r} is not an e-mail address.", "{value!r} to nie jest adres e-mail."
)
BAD_DATE = Message(
    "award_bad_date", "{value!r} is not a date (YYYY-MM-DD).",
    "{value!r} to nie jest data (RRRR-MM-DD).",
)  # fmt: skip
FUTURE_DATE = Message(
    "award_date_in_future",
    "The date of issue {date} is in the future (today is {today}, UTC: a credential is "
    "valid from 00:00 UTC of its date of issue).",
    "Data wydania {date} jest w przyszłości (dziś jest {today}, UTC: poświadczenie jest ważne "
    "od godziny 00:00 UTC dnia wydania).",
)
TOO_LONG = Message("award_too_long", "At most {limit} characters.", "Najwyżej {limit} znaków.")
FORMULA = Message(
    "award_formula",
    "Starts with {start!r}: a spreadsheet would run it as a formula.",
    "Zaczyna się od {start!r}: arkusz kalkulacyjny wykona to jako formułę.",
)
AWARD_INVALID = Message(
    "award_invalid",
    "The award cannot be issued: {first}",
    "Nie można wydać mikropoświadczenia: {first}",
)
CANNOT_SIGN = Message(
    "award_cannot_sign",
    "The credentials cannot be signed: {detail}",
    "Nie można podpisać poświadczeń: {detail_pl}",
)
REVOKE_NEEDS_REASON = Message(
    "revoke_needs_reason",
    "Say why the award is revoked: the reason is kept in its history.",
    "Podaj powód unieważnienia: zostanie zapisany w historii poświadczenia.",
)
ALREADY_REVOKED = Message(
    "award_already_revoked",
    "This award was revoked on {date}: revocation is final.",
    "To poświadczenie unieważniono {date}: unieważnienie jest ostateczne.",
)
CANNOT_RENDER = Message(
    "award_cannot_render",
    "The document cannot be made: {detail}",
    "Nie można przygotować dokumentu: {detail_pl}",
)
CONTROL_CHARACTERS = Message(
    "award_control_characters",
    "Contains a control character or a line break: type it on one line, as text.",
    "Zawiera znak sterujący lub podział wiersza: wpisz to w jednym wierszu, jako tekst.",
)
BORN_IN_FUTURE = Message(
    "award_born_in_future",
    "The date of birth {date} is not before today ({today}).",
    "Data urodzenia {date} nie jest wcześniejsza niż dzisiejsza ({today}).",
)
BEFORE_APPROVAL = Message(
    "award_before_approval",
    "The date of issue {date} is before the QA body approved this version ({approved}): "
    "an award is issued under an approved design.",
    "Data wydania {date} jest wcześniejsza niż zatwierdzenie tej wersji przez komisję "
    "jakości ({approved}): poświadczenie wydaje się według zatwierdzonego projektu.",
)
REVOKE_INVALID = Message(
    "revoke_invalid",
    "The award is not revoked: {first}",
    "Poświadczenie nie zostało unieważnione: {first}",
)
CORRECT_REVOKED = Message(
    "award_correct_revoked",
    "A revoked award is not corrected: issue a new one.",
    "Unieważnionego poświadczenia nie poprawia się: wydaj nowe.",
)
CORRECT_NEEDS_REASON = Message(
    "correct_needs_reason",
    "Say why the award is corrected: the reason is kept in both awards' history.",
    "Podaj powód poprawki: zostanie zapisany w historii obu poświadczeń.",
)
CORRECT_INVALID = Message(
    "correct_invalid",
    "The award is not corrected: {first}",
    "Poświadczenie nie zostało poprawione: {first}",
)

SUSPEND_NEEDS_REASON = Message(
    "suspend_needs_reason",
    "Say why the award is suspended or reinstated: the reason is kept in its history.",
    "Podaj powód zawieszenia lub przywrócenia: zostanie zapisany w historii poświadczenia.",
)
SUSPEND_INVALID = Message(
    "suspend_invalid",
    "The award's suspension cannot be changed: {first}",
    "Nie można zmienić zawieszenia poświadczenia: {first}",
)
NOT_ACTIVE = Message(
    "award_not_active",
    "Only an active award is suspended (this one is {state}).",
    "Zawiesza się tylko aktywne poświadczenie (to jest: {state_pl}).",
)
NOT_SUSPENDED = Message(
    "award_not_suspended",
    "This award is not suspended (it is {state}): there is nothing to reinstate.",
    "To poświadczenie nie jest zawieszone (jest: {state_pl}): nie ma czego przywracać.",
)

# Bulk batches
BATCH_UNREADABLE = Message(
    "batch_unreadable",
    "The learner list cannot be read: {detail}",
    "Nie można odczytać listy uczących się: {detail_pl}",
)
BATCH_EMPTY = Message(
    "batch_empty",
    "The learner list holds no learner: nothing to issue.",
    "Lista uczących się nie zawiera nikogo: nie ma czego wydać.",
)
BATCH_KEY_REUSED = Message(
    "batch_idempotency_key_reused",
    "The idempotency key {key!r} was used for another file (batch {batch}): a key names one "
    "upload; give a new key for a new file.",
    "Klucz idempotencji {key!r} użyto już dla innego pliku (partia {batch}): klucz oznacza "
    "jedno przesłanie; dla nowego pliku podaj nowy klucz.",
)
BATCH_STARTED = Message(
    "batch_already_started",
    "This batch was started on {date}: it is issued once.",
    "Tę partię uruchomiono {date}: wydaje się ją raz.",
)
BATCH_NOTHING_TO_ISSUE = Message(
    "batch_nothing_to_issue",
    "No row of this batch can be issued: every row has a problem (see the error report).",
    "Żadnego wiersza tej partii nie można wydać: każdy ma błąd (zob. raport błędów).",
)
ALREADY_AWARDED = Message(
    "row_already_awarded",
    "{email} already holds this micro-credential ({credential}): correct that award "
    "instead of issuing another.",
    "{email} ma już to mikropoświadczenie ({credential}): popraw tamto poświadczenie zamiast "
    "wydawać kolejne.",
)
ROW_NOT_ISSUED = Message(
    "row_not_issued",
    "Not issued: {detail}",
    "Nie wydano: {detail_pl}",
)
ROW_GAVE_UP = Message(
    "row_gave_up",
    "Not issued after {attempts} attempts; the last error: {error}",
    "Nie wydano po {attempts} próbach; ostatni błąd: {error}",
)
