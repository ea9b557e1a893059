"""The providers app's messages (constants that tests import)."""

from __future__ import annotations

from ...standard.messages import Message

IDENTIFIER_INVALID = Message(
    "identifier_invalid",
    "{scheme} {value} is not a valid number.",
    "{scheme} {value} nie jest poprawnym numerem.",
)
IDENTIFIER_LENGTH = Message(
    "identifier_length",
    "{scheme} {value} has the wrong number of digits.",
    "{scheme} {value} ma złą liczbę cyfr.",
)
IDENTIFIER_CHECKSUM = Message(
    "identifier_checksum",
    "{scheme} {value}: the check digit does not match — is a digit mistyped?",
    "{scheme} {value}: cyfra kontrolna się nie zgadza — czy któraś cyfra jest błędna?",
)
IDENTIFIER_FORMAT = Message(
    "identifier_format",
    "{scheme} {value} is not in the right form ({form}).",
    "{scheme} {value} ma niepoprawną postać ({form_pl}).",
)
IDENTIFIER_VAT_COUNTRY = Message(
    "identifier_vat_country",
    "The EU VAT number {value} is not one of {country}: it starts with its country's code.",
    "Numer VAT UE {value} nie pochodzi z kraju {country}: zaczyna się od kodu swojego kraju.",
)
IDENTIFIER_COUNTRY = Message(
    "identifier_country",
    "{scheme} is a Polish identifier; a provider from {country} gives its EU VAT number.",
    "{scheme} to identyfikator polski; dostawca z kraju {country} podaje numer VAT UE.",
)
IDENTIFIER_TAKEN = Message(
    "identifier_taken",
    "A provider with {scheme} {value} is already registered.",
    "Dostawca z identyfikatorem {scheme} {value} jest już zarejestrowany.",
)
COUNTRY_UNKNOWN = Message(
    "country_unknown",
    "{country} is not an EU or EEA country code (two letters, e.g. PL).",
    "{country} nie jest kodem kraju UE ani EOG (dwie litery, np. PL).",
)
DECISION_NEEDS_REASON = Message(
    "decision_needs_reason",
    "Say why: a provider told to make changes, rejected or suspended is told the reason.",
    "Podaj uzasadnienie: dostawca proszony o poprawki, odrzucony lub zawieszony "
    "dowiaduje się, dlaczego.",
)
DECISION_NOT_ALLOWED = Message(
    "decision_not_allowed",
    "A provider whose status is {status} cannot be given the decision {decision}.",
    "Dostawcy o statusie {status} nie można wydać decyzji {decision}.",
)
NOT_QA_OFFICER = Message(
    "not_qa_officer",
    "Only an officer of a QA body verifies providers.",
    "Dostawców weryfikuje tylko pracownik instytucji zapewniania jakości.",
)
KEK_INVALID = Message(
    "kek_invalid",
    "The key-encryption key is not 32 bytes in base64url: see docs/DEPLOY.md.",
    "Klucz szyfrujący klucze nie ma 32 bajtów w base64url: zob. docs/DEPLOY.md.",
)
KEK_UNKNOWN = Message(
    "kek_unknown",
    "A provider's key is sealed under the key-encryption key {kek}, which is not configured.",
    "Klucz dostawcy jest zaszyfrowany kluczem {kek}, którego nie ma w konfiguracji.",
)
KEY_SEAL_BROKEN = Message(
    "key_seal_broken",
    "A provider's sealed private key does not open: it was changed or moved.",
    "Zaszyfrowany klucz prywatny dostawcy nie daje się odszyfrować: został zmieniony "
    "lub przeniesiony.",
)
NOT_VERIFIED = Message(
    "provider_not_verified",
    "{provider} is not a verified provider: it cannot sign.",
    "{provider} nie jest zweryfikowanym dostawcą: nie może podpisywać.",
)
NO_KEY = Message(
    "provider_no_key",
    "{provider} has no signing key yet.",
    "{provider} nie ma jeszcze klucza do podpisywania.",
)
NOT_PROVIDER_ADMIN = Message(
    "not_provider_admin",
    "Only the provider's administrator or a platform administrator changes its keys.",
    "Klucze dostawcy zmienia tylko jego administrator lub administrator platformy.",
)
SEAL_FILE_UNREADABLE = Message(
    "seal_file_unreadable",
    "The file is not a PKCS#12 file with a key and its certificate, or the password is wrong.",
    "Plik nie jest plikiem PKCS#12 z kluczem i jego certyfikatem albo hasło jest błędne.",
)
#: the library's reason (``reason_en``/``reason_pl``) why the certificate cannot seal
SEAL_CANNOT_SEAL = Message(
    "seal_cannot_seal",
    "This certificate cannot seal credentials: {reason_en}",
    "Tym certyfikatem nie można pieczętować poświadczeń: {reason_pl}",
)
SEAL_NAME_DIFFERS = Message(
    "seal_name_differs",
    "The certificate is for {organisation!r}; it must name the provider's legal name "
    "{legal_name!r} exactly (O=).",
    "Certyfikat wystawiono dla {organisation!r}; musi podawać dokładnie nazwę prawną "
    "dostawcy {legal_name!r} (O=).",
)
SEAL_UPLOAD_OFF = Message(
    "seal_upload_off",
    "This platform issues e-seal certificates itself (a TEST CA); uploads are not used.",
    "Ta platforma sama wydaje certyfikaty pieczęci (testowy urząd certyfikacji); "
    "nie przesyła się ich.",
)
NO_SEAL = Message(
    "provider_no_seal",
    "{provider} has no e-seal certificate.",
    "{provider} nie ma certyfikatu pieczęci elektronicznej.",
)
EVIDENCE_TOO_LARGE = Message(
    "evidence_too_large",
    "The file is larger than {limit_mib} MiB.",
    "Plik jest większy niż {limit_mib} MiB.",
)
EVIDENCE_TYPE = Message(
    "evidence_type",
    "The file is not a PDF, PNG or JPEG document (its content was checked, not its name).",
    "Plik nie jest dokumentem PDF, PNG ani JPEG (sprawdzono jego zawartość, nie nazwę).",
)
EVIDENCE_EMPTY = Message("evidence_empty", "The file is empty.", "Plik jest pusty.")
NOT_PROVIDER_PERSON = Message(
    "not_provider_person",
    "Only the provider's administrator or staff add its evidence.",
    "Dowody dostawcy dodaje tylko jego administrator lub pracownik.",
)
SEAL_RENEW_OFF = Message(
    "seal_renew_off",
    "This platform's e-seal certificates are uploaded by the providers: upload a new one.",
    "Certyfikaty pieczęci na tej platformie przesyłają dostawcy: prześlij nowy.",
)
