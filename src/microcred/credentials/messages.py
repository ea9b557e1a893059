"""Every error a person can cause when issuing, in English and Polish: the messages
:mod:`.issue` and :mod:`.status` raise their errors with.

An error raised with one of these (``IssuerError(ISSUER_NO_SEAL())``) carries its code
(``error.code == ISSUER_NO_SEAL.code``) and says itself in either language
(``error.text("pl")``); the platform shows a provider the Polish. Tests import the
constants and compare codes, never wording. Errors only a programmer can cause (a wrong
argument type, a naive ``now``) stay English and are not here.
"""

from __future__ import annotations

from ..standard.messages import Message

# __all__ (every message constant) is computed at the end of the module.

# --- the issuer (issue.Issuer) ------------------------------------------------------------
ISSUER_NO_KEY_OR_SEAL = Message(
    "issuer_no_key_or_seal",
    "an issuer needs a key or an e-seal",
    "wystawca potrzebuje klucza lub pieczęci elektronicznej",
)
PUBLIC_KEY_ONLY = Message(
    "public_key_only",
    "the key has no private part: it cannot sign",
    "klucz nie ma części prywatnej: nie można nim podpisywać",
)
METHOD_NOT_OF_ISSUER = Message(
    "method_not_of_issuer",
    "{method} is not a verification method of {issuer}",
    "{method} nie jest metodą weryfikacji wystawcy {issuer}",
)
KEY_NOT_OF_ISSUER = Message(
    "key_not_of_issuer",
    "the key is not a verification method of {issuer}",
    "klucz nie jest metodą weryfikacji wystawcy {issuer}",
)
DID_DOCUMENT_NO_ID = Message(
    "did_document_no_id",
    "the DID document has no id",
    "dokument DID nie ma identyfikatora (id)",
)
STATUS_LIST_NOT_ISSUERS = Message(
    "status_list_not_issuers",
    "the status list is issued by {list_issuer}, the credential by {issuer}: verify would "
    "call its status unknown",
    "wystawcą listy statusów jest {list_issuer}, a poświadczenia {issuer}: weryfikacja "
    "uznałaby status poświadczenia za nieznany",
)

# --- what the issuer can make (issue.issue) ------------------------------------------------
FORMATS_INVALID = Message(
    "unsupported_format",
    "formats {formats}: give each once, of {known}",
    "formaty {formats}: podaj każdy tylko raz, spośród: {known}",
)
ISSUER_NO_KEY = Message(
    "issuer_no_key",
    "a Data Integrity proof or a JWT needs the issuer's key",
    "dowód Data Integrity lub JWT wymaga klucza wystawcy",
)
ISSUER_NO_SEAL = Message(
    "issuer_no_seal",
    "an e-sealed EDC needs the issuer's e-seal certificate and key",
    "EDC z pieczęcią elektroniczną wymaga certyfikatu pieczęci wystawcy i jej klucza",
)
SUITE_NOT_FOR_SIGNING = Message(
    "suite_not_for_signing",
    "{suite!r} is not a cryptosuite to sign with; sign with one of {suites}",
    "{suite!r} nie jest zestawem kryptograficznym do podpisywania; podpisz jednym z: {suites}",
)
SUITE_KEY_MISMATCH = Message(
    "suite_key_mismatch",
    "{suite} needs an {needed} key, not {algorithm}",
    "{suite} wymaga klucza {needed}, a nie {algorithm}",
)
TIMESTAMP_WITHOUT_SEAL = Message(
    "timestamp_without_seal",
    "a timestamper time-stamps e-seals: ask for the edc format",
    "usługa znacznika czasu opatruje nim pieczęcie elektroniczne: wybierz format edc",
)

# --- the award or the credential given (issue.build, issue.issue) --------------------------
ISSUED_IN_FUTURE = Message(
    "issued_in_future",
    "the date of issue {issued_on} is after today ({today}, UTC)",
    "data wydania {issued_on} jest późniejsza niż dzisiejsza ({today}, UTC)",
)
EXPIRED_ON_ISSUE = Message(
    "expired_on_issue",
    "valid_until {valid_until} is before the date of issue {issued_on}",
    "termin ważności (valid_until) {valid_until} przypada przed datą wydania {issued_on}",
)
ALREADY_HAS_PROOF = Message(
    "already_has_proof",
    "the document already has a proof",
    "dokument ma już dowód (proof)",
)
WRONG_KIND = Message(
    "wrong_kind",
    "not a {wanted_en}",
    "to nie jest {wanted_pl}",
)
SEAL_ORGANISATION_DIFFERS = Message(
    "seal_organisation_differs",
    "the e-seal certificate's O= {organisation!r} is none of the issuer's legal names "
    "({names_en}), character for character: verify would say the seal is not the issuer's",
    "O= {organisation!r} z certyfikatu pieczęci nie jest, znak w znak, żadną z nazw prawnych "
    "wystawcy ({names_pl}): weryfikacja uznałaby, że pieczęć nie należy do wystawcy",
)
NO_NAMES = Message("no_names", "none", "brak")  # the names above, when there are none

# --- the status entry (issue.issue, issue.PublishedStatusList) ----------------------------
STATUS_NOT_SUPPORTED = Message(
    "status_not_supported",
    "a status entry goes on an Open Badges credential: the EDC context defines no "
    "Bitstring Status List terms",
    "wpis statusu umieszcza się w poświadczeniu Open Badges: kontekst EDC nie definiuje "
    "pojęć „Bitstring Status List”",
)
STATUS_INDEX_MISSING = Message(
    "status_index_missing",
    "the issuer gives each credential an entry in its status list: give status_index",
    "wystawca nadaje każdemu poświadczeniu wpis na swojej liście statusów: podaj status_index",
)
NO_STATUS_LIST = Message(
    "no_status_list",
    "status_index needs the issuer's status list",
    "status_index wymaga listy statusów wystawcy",
)
ALREADY_HAS_STATUS = Message(
    "already_has_status",
    "it already has a credentialStatus",
    "poświadczenie ma już credentialStatus",
)
STATUS_LIST_NO_URL = Message(
    "status_list_no_url",
    "the status list credential has no URL id (https://…, no fragment)",
    "poświadczenie listy statusów nie ma identyfikatora (id) będącego adresem URL "
    "(https://…, bez fragmentu)",
)
STATUS_LIST_NO_ISSUER = Message(
    "status_list_no_issuer",
    "the status list credential names no issuer",
    "poświadczenie listy statusów nie wskazuje wystawcy",
)

# --- status lists (status) ------------------------------------------------------------------
UNSUPPORTED_PURPOSE = Message(
    "unsupported_purpose",
    "unsupported status purpose {purpose!r}",
    "nieobsługiwany cel statusu (statusPurpose) {purpose!r}",
)
STATUS_LIST_SIZE = Message(
    "status_list_size",
    "a status list needs at least {min_entries} entries, in bytes",
    "lista statusów musi mieć co najmniej {min_entries} wpisów, w pełnych bajtach "
    "(wielokrotność 8)",
)
INDEX_OUTSIDE_LIST = Message(
    "index_outside_list",
    "index {index} is outside the list (0..{last})",
    "indeks {index} wykracza poza zakres listy (0..{last})",
)
ENCODED_LIST_NOT_GZIP = Message(
    "encoded_list_not_gzip",
    "encodedList is not GZIP data",
    "encodedList nie zawiera danych GZIP",
)
STATUS_LIST_TOO_LARGE = Message(
    "status_list_too_large",
    "the status list inflates beyond {max_entries} entries",
    "lista statusów po rozpakowaniu przekracza {max_entries} wpisów",
)
STATUS_LIST_TOO_SHORT = Message(
    "status_list_too_short",
    "the status list has {size} entries; at least {min_entries} are required",
    "lista statusów ma {size} wpisów; wymaganych jest co najmniej {min_entries}",
)
ENCODED_LIST_NOT_STRING = Message(
    "encoded_list_not_string",
    "encodedList is not a string",
    "encodedList nie jest łańcuchem znaków",
)
ENCODED_LIST_NOT_MULTIBASE = Message(
    "encoded_list_not_multibase",
    "encodedList is not multibase base64url",
    "encodedList nie jest zakodowany jako multibase base64url",
)
ENCODED_LIST_MULTIBASE_2021 = Message(
    "encoded_list_multibase_prefix",
    "encodedList has the multibase prefix u of a Bitstring Status List; a StatusList2021 "
    "encodedList is plain base64",
    "encodedList ma prefiks multibase u listy „Bitstring Status List”; encodedList listy "
    "StatusList2021 to zwykły base64",
)
ENCODED_LIST_NOT_BASE64URL = Message(
    "encoded_list_not_base64url",
    "encodedList is not base64url",
    "encodedList nie jest zakodowany w base64url",
)
ENCODED_LIST_NOT_BASE64 = Message(
    "encoded_list_not_base64",
    "encodedList is not base64",
    "encodedList nie jest zakodowany w base64",
)
NOT_A_STATUS_LIST = Message(
    "not_a_status_list",
    "not a {type}",
    "to nie jest {type}",
)
STATUS_LIST_SUBJECT = Message(
    "status_list_subject",
    "the status list's subject is not a {type}",
    "podmiot listy statusów (credentialSubject) nie jest typu {type}",
)
STATUS_PURPOSE_DIFFERS = Message(
    "status_purpose_differs",
    "the list credential is for {published}, not {wanted}",
    "cel listy statusów to „{published}”, a nie „{wanted}”",
)
LOCAL_COPY_TOO_LARGE = Message(
    "local_copy_too_large",
    "the local copy of {url} is larger than {max_bytes} bytes",
    "lokalna kopia {url} jest większa niż {max_bytes} bajtów",
)

__all__ = sorted(name for name, value in dict(globals()).items() if isinstance(value, Message))
