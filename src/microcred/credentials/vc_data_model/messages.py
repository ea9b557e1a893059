"""Every reason a person reads for a broken MUST of the VC data model, in English and
Polish, and the section of VC DM 2.0 and of VC DM 1.1 each rule comes from.

A message's ``code`` is the :attr:`~.DataModelProblem.code` of the problem it explains;
tests import the constant and compare codes, never wording. ``{value_en}`` /
``{value_pl}`` and ``{start_en}`` / ``{start_pl}`` are the values found, shown in each
language (``problems._show``); ``{what}`` and ``{term}`` are a JSON path and a JSON-LD
term, the same in both.

:data:`SECTIONS` maps each code to its (VC DM 2.0, VC DM 1.1) section: an empty section
means the rule is not in that version, and a section naming another spec (VC Data
Integrity 1.0 §2.1, for a proof's type) is shown as it is.
"""

from __future__ import annotations

from ...standard.messages import Message
from .constants import MAX_VALUES, V1_CONTEXT, V2_CONTEXT

# __all__ (every message constant and SECTIONS) is computed at the end of the module.

# --- the document, §4.3 contexts (1.1 §4.1), §5.2.1 protected terms (1.1 §5.3.1) ------
NOT_AN_OBJECT = Message(
    "not_an_object",
    "the credential is not a JSON object",
    "poświadczenie nie jest obiektem JSON",
)
MISSING_CONTEXT = Message(
    "missing_context",
    "the credential has no @context",
    "poświadczenie nie ma właściwości @context",
)
BASE_CONTEXT_NOT_FIRST = Message(
    "base_context_not_first",
    f"the first @context must be {V2_CONTEXT} (VC 2.0) or {V1_CONTEXT} (VC 1.1), not {{value_en}}",
    f"pierwszym kontekstem (@context) musi być {V2_CONTEXT} (VC 2.0) lub {V1_CONTEXT} "
    "(VC 1.1), a nie {value_pl}",
)
CONTEXT_NOT_URL = Message(
    "context_not_url",
    "the context {value_en} is not a URL",
    "kontekst {value_pl} nie jest adresem URL",
)
CONTEXT_ITEM_INVALID = Message(
    "context_item_invalid",
    "a context must be a URL or an object, not {value_en}",
    "kontekst musi być adresem URL albo obiektem, a nie: {value_pl}",
)
CONTEXT_TERM_NOT_URL = Message(
    "context_term_not_url",
    "the context maps {term} to {value_en}, which is not a URL",
    "kontekst wiąże termin {term} z {value_pl}, co nie jest adresem URL",
)
PROTECTED_TERM_REDEFINED = Message(
    "protected_term_redefined",
    "the context redefines the protected term {term}",
    "kontekst zmienia definicję chronionego terminu {term}",
)

# --- §4.4 identifiers (1.1 §4.2) --------------------------------------------------------
ID_NOT_URL = Message(
    "id_not_url",
    "the id {value_en} is not a URL (an absolute URL such as https://…, did:… or urn:uuid:…)",
    "identyfikator (id) {value_pl} nie jest adresem URL (bezwzględnym, np. https://…, "
    "did:… lub urn:uuid:…)",
)
ID_NOT_SINGLE = Message(
    "id_not_single",
    "the id must be one URL, not a list",
    "identyfikator (id) musi być jednym adresem URL, a nie listą",
)

# --- §4.5 types (1.1 §4.3) --------------------------------------------------------------
MISSING_TYPE = Message(
    "missing_type",
    "the credential has no type",
    "poświadczenie nie ma typu (type)",
)
MISSING_VC_TYPE = Message(
    "missing_vc_type",
    "the type does not include VerifiableCredential",
    "typ (type) nie obejmuje VerifiableCredential",
)
TYPE_INVALID = Message(
    "type_invalid",
    "the type {value_en} is neither a term nor an absolute URL",
    "typ {value_pl} nie jest ani terminem, ani bezwzględnym adresem URL",
)
TYPE_UNMAPPED = Message(
    "type_unmapped",
    "the type {value_en} is not defined by the credential's contexts",
    "typ {value_pl} nie jest zdefiniowany w kontekstach poświadczenia",
)

# --- §4.6 names and descriptions, §11.1 language value objects (not in 1.1) ------------
TEXT_NOT_STRING = Message(
    "text_not_string",
    "{what} must be a string or a language value object, not {value_en}",
    "{what} musi być tekstem albo obiektem wartości językowej, a nie: {value_pl}",
)
MALFORMED_LANGUAGE_VALUE = Message(
    "malformed_language_value",
    "{what}: the language value object is wrong at {value_en}; it holds a string @value "
    "and, besides, only @language and @direction (ltr or rtl)",
    "{what}: błąd w obiekcie wartości językowej przy {value_pl}; poprawny obiekt zawiera "
    "tekst w @value, a poza nim tylko @language i @direction (ltr lub rtl)",
)

# --- §4.7 issuer (1.1 §4.5) -------------------------------------------------------------
MISSING_ISSUER = Message(
    "missing_issuer",
    "the credential has no issuer",
    "poświadczenie nie wskazuje wystawcy (issuer)",
)
ISSUER_NOT_URL = Message(
    "issuer_not_url",
    "the issuer {value_en} is not a URL",
    "wystawca (issuer) {value_pl} nie jest adresem URL",
)
ISSUER_WITHOUT_ID = Message(
    "issuer_without_id",
    "the issuer object has no id",
    "obiekt wystawcy (issuer) nie ma identyfikatora (id)",
)
ISSUER_NOT_SINGLE = Message(
    "issuer_not_single",
    "the issuer must be one URL or one object, not a list",
    "wystawca (issuer) musi być jednym adresem URL lub jednym obiektem, a nie listą",
)

# --- §4.8 credential subject (1.1 §4.4) -------------------------------------------------
MISSING_SUBJECT = Message(
    "missing_subject",
    "the credential has no credentialSubject",
    "poświadczenie nie ma podmiotu (credentialSubject)",
)
EMPTY_SUBJECT = Message(
    "empty_subject",
    "the credential subject makes no claim",
    "podmiot poświadczenia (credentialSubject) nie zawiera żadnego twierdzenia",
)
SUBJECT_NOT_OBJECT = Message(
    "subject_not_object",
    "the credential subject must be an object, not {value_en}",
    "podmiot poświadczenia (credentialSubject) musi być obiektem, a nie: {value_pl}",
)

# --- §4.9 validity period with §5.8 dates (1.1 §4.6 issuance date, §4.8 expiration) ----
MALFORMED_DATE = Message(
    "malformed_date",
    "{value_en} is not an XML Schema date-time such as 2025-06-20T00:00:00Z",
    "{value_pl} nie jest datą i godziną w formacie XML Schema, np. 2025-06-20T00:00:00Z",
)
DATE_WITHOUT_TIMEZONE = Message(
    "date_without_timezone",
    "{value_en} has no time zone (Z or ±hh:mm), which VC 2.0 requires (dateTimeStamp)",
    "{value_pl} nie ma strefy czasowej (Z lub ±gg:mm), której wymaga VC 2.0 (dateTimeStamp)",
)
VALID_UNTIL_BEFORE_VALID_FROM = Message(
    "valid_until_before_valid_from",
    "validUntil {value_en} is earlier than validFrom {start_en}",
    "data validUntil {value_pl} jest wcześniejsza niż validFrom {start_pl}",
)
MISSING_ISSUANCE_DATE = Message(
    "missing_issuance_date",
    "a VC 1.1 credential has no issuanceDate",
    "poświadczenie VC 1.1 nie ma daty wydania (issuanceDate)",
)

# --- §4.10–4.11, §5.4–5.6, §5.10 typed objects (1.1 §4.7, §4.9, §5.4–5.7) --------------
VALUE_NOT_OBJECT = Message(
    "value_not_object",
    "{what} must be an object, not {value_en}",
    "{what} musi być obiektem, a nie: {value_pl}",
)
STATUS_WITHOUT_TYPE = Message(
    "status_without_type",
    "the credential status has no type",
    "status poświadczenia (credentialStatus) nie ma typu (type)",
)
STATUS_WITHOUT_ID = Message(
    "status_without_id",
    "the credential status has no id (required by VC 1.1)",
    "status poświadczenia (credentialStatus) nie ma identyfikatora (id), którego wymaga VC 1.1",
)
SCHEMA_WITHOUT_TYPE = Message(
    "schema_without_type",
    "the credential schema has no type",
    "schemat poświadczenia (credentialSchema) nie ma typu (type)",
)
SCHEMA_WITHOUT_ID = Message(
    "schema_without_id",
    "the credential schema has no id (the schema's URL)",
    "schemat poświadczenia (credentialSchema) nie ma identyfikatora (id) — adresu URL schematu",
)
REFRESH_SERVICE_WITHOUT_TYPE = Message(
    "refresh_service_without_type",
    "the refresh service has no type",
    "usługa odświeżania (refreshService) nie ma typu (type)",
)
REFRESH_SERVICE_WITHOUT_ID = Message(
    "refresh_service_without_id",
    "the refresh service has no id (required by VC 1.1)",
    "usługa odświeżania (refreshService) nie ma identyfikatora (id), którego wymaga VC 1.1",
)
TERMS_OF_USE_WITHOUT_TYPE = Message(
    "terms_of_use_without_type",
    "the terms of use have no type",
    "warunki użycia (termsOfUse) nie mają typu (type)",
)
EVIDENCE_WITHOUT_TYPE = Message(
    "evidence_without_type",
    "the evidence has no type",
    "materiał dowodowy (evidence) nie ma typu (type)",
)
PROOF_WITHOUT_TYPE = Message(
    "proof_without_type",
    "the proof has no type",
    "dowód kryptograficzny (proof) nie ma typu (type)",
)
EXTENSION_WITHOUT_TYPE = Message(
    "extension_without_type",
    "{what} has no type (a reserved extension point)",
    "{what} nie ma typu (type), a jest zastrzeżonym punktem rozszerzeń",
)

# --- §5.3 integrity of related resources (not in 1.1) ----------------------------------
RELATED_RESOURCE_NOT_OBJECT = Message(
    "related_resource_not_object",
    "a related resource must be an object with an id and a digest, not {value_en}",
    "powiązany zasób (relatedResource) musi być obiektem z identyfikatorem i skrótem, "
    "a nie: {value_pl}",
)
RELATED_RESOURCE_WITHOUT_ID = Message(
    "related_resource_without_id",
    "the related resource has no id",
    "powiązany zasób (relatedResource) nie ma identyfikatora (id)",
)
RELATED_RESOURCE_DUPLICATE_ID = Message(
    "related_resource_duplicate_id",
    "the related resource {value_en} is listed twice",
    "powiązany zasób {value_pl} występuje dwukrotnie",
)
RELATED_RESOURCE_WITHOUT_DIGEST = Message(
    "related_resource_without_digest",
    "the related resource {value_en} has neither digestSRI nor digestMultibase",
    "powiązany zasób {value_pl} nie ma ani digestSRI, ani digestMultibase",
)

# --- the bound on the work (``constants.MAX_VALUES``) ----------------------------------
TOO_MANY_VALUES = Message(
    "too_many_values",
    f"more than {MAX_VALUES} values: the rest are not checked",
    f"ponad {MAX_VALUES} wartości: pozostałych nie sprawdzono",
)

_DI = "VC Data Integrity 1.0 §2.1"  # a proof's type (VC DM 2.0 §4.12 leaves proofs to it)

#: code: (VC DM 2.0 section, VC DM 1.1 section) of the rule; "" where that version has
#: none (a typed object's ``value_not_object`` and ``too_many_values`` cite no section)
SECTIONS: dict[str, tuple[str, str]] = {
    NOT_AN_OBJECT.code: ("4.2", ""),
    MISSING_CONTEXT.code: ("4.3", "4.1"),
    BASE_CONTEXT_NOT_FIRST.code: ("4.3", "4.1"),
    CONTEXT_NOT_URL.code: ("4.3", "4.1"),
    CONTEXT_ITEM_INVALID.code: ("4.3", "4.1"),
    CONTEXT_TERM_NOT_URL.code: ("4.5", "4.3"),
    PROTECTED_TERM_REDEFINED.code: ("5.2.1", "5.3.1"),
    ID_NOT_URL.code: ("4.4", "4.2"),
    ID_NOT_SINGLE.code: ("4.4", "4.2"),
    MISSING_TYPE.code: ("4.5", "4.3"),
    MISSING_VC_TYPE.code: ("4.5", "4.3"),
    TYPE_INVALID.code: ("4.5", "4.3"),
    TYPE_UNMAPPED.code: ("4.5", "4.3"),
    TEXT_NOT_STRING.code: ("4.6", ""),
    MALFORMED_LANGUAGE_VALUE.code: ("11.1", ""),
    MISSING_ISSUER.code: ("4.7", "4.5"),
    ISSUER_NOT_URL.code: ("4.7", "4.5"),
    ISSUER_WITHOUT_ID.code: ("4.7", "4.5"),
    ISSUER_NOT_SINGLE.code: ("4.7", "4.5"),
    MISSING_SUBJECT.code: ("4.8", "4.4"),
    EMPTY_SUBJECT.code: ("4.8", "4.4"),
    SUBJECT_NOT_OBJECT.code: ("4.8", "4.4"),
    MALFORMED_DATE.code: ("4.9", "4.6"),
    DATE_WITHOUT_TIMEZONE.code: ("4.9", ""),
    VALID_UNTIL_BEFORE_VALID_FROM.code: ("4.9", ""),
    MISSING_ISSUANCE_DATE.code: ("", "4.6"),
    VALUE_NOT_OBJECT.code: ("", ""),  # the section of the object's own rule is cited
    STATUS_WITHOUT_TYPE.code: ("4.10", "4.9"),
    STATUS_WITHOUT_ID.code: ("", "4.9"),
    SCHEMA_WITHOUT_TYPE.code: ("4.11", "5.4"),
    SCHEMA_WITHOUT_ID.code: ("4.11", "5.4"),
    REFRESH_SERVICE_WITHOUT_TYPE.code: ("5.4", "5.5"),
    REFRESH_SERVICE_WITHOUT_ID.code: ("", "5.5"),
    TERMS_OF_USE_WITHOUT_TYPE.code: ("5.5", "5.6"),
    EVIDENCE_WITHOUT_TYPE.code: ("5.6", "5.7"),
    PROOF_WITHOUT_TYPE.code: (_DI, "4.7"),
    EXTENSION_WITHOUT_TYPE.code: ("5.10", ""),
    RELATED_RESOURCE_NOT_OBJECT.code: ("5.3", ""),
    RELATED_RESOURCE_WITHOUT_ID.code: ("5.3", ""),
    RELATED_RESOURCE_DUPLICATE_ID.code: ("5.3", ""),
    RELATED_RESOURCE_WITHOUT_DIGEST.code: ("5.3", ""),
    TOO_MANY_VALUES.code: ("", ""),
}

__all__ = sorted(
    ["SECTIONS", *(name for name, value in dict(globals()).items() if isinstance(value, Message))]
)
