"""The reason a person reads for each problem code, in English and Polish, with the
section of VC DM 2.0 and of VC DM 1.1 the rule comes from: an empty section means the
rule is not in that version, and a section naming another spec (``_DI``: VC Data
Integrity 1.0 §2.1, for a proof's type) is shown as it is. ``problems._Found`` formats
them; nothing here is public."""

from __future__ import annotations

__all__: list[str] = []

from .constants import MAX_VALUES, V1_CONTEXT, V2_CONTEXT

_DI = "VC Data Integrity 1.0 §2.1"  # a proof's type (VC DM 2.0 §4.12 leaves proofs to it)

# code: (VC DM 2.0 section, VC DM 1.1 section, English, Polish); {v} is the value shown
# fmt: off
_TEXT: dict[str, tuple[str, str, str, str]] = {
    "not_an_object": ("4.2", "", "the credential is not a JSON object",
                      "poświadczenie nie jest obiektem JSON"),
    "missing_context": ("4.3", "4.1", "the credential has no @context",
                        "poświadczenie nie ma właściwości @context"),
    "base_context_not_first": (
        "4.3", "4.1",
        f"the first @context must be {V2_CONTEXT} (VC 2.0) or {V1_CONTEXT} (VC 1.1), not {{v}}",
        f"pierwszym kontekstem (@context) musi być {V2_CONTEXT} (VC 2.0) lub {V1_CONTEXT} "
        "(VC 1.1), a nie {v}"),
    "context_not_url": ("4.3", "4.1", "the context {v} is not a URL",
                        "kontekst {v} nie jest adresem URL"),
    "context_item_invalid": ("4.3", "4.1", "a context must be a URL or an object, not {v}",
                             "kontekst musi być adresem URL albo obiektem, a nie: {v}"),
    "context_term_not_url": ("4.5", "4.3", "the context maps {term} to {v}, which is not a URL",
                             "kontekst wiąże termin {term} z {v}, co nie jest adresem URL"),
    "protected_term_redefined": (
        "5.2.1", "5.3.1", "the context redefines the protected term {term}",
        "kontekst zmienia definicję chronionego terminu {term}"),
    "id_not_url": ("4.4", "4.2",
                   "the id {v} is not a URL (an absolute URL such as https://…, did:… or "
                   "urn:uuid:…)",
                   "identyfikator (id) {v} nie jest adresem URL (bezwzględnym, np. https://…, "
                   "did:… lub urn:uuid:…)"),
    "id_not_single": ("4.4", "4.2", "the id must be one URL, not a list",
                      "identyfikator (id) musi być jednym adresem URL, a nie listą"),
    "missing_type": ("4.5", "4.3", "the credential has no type",
                     "poświadczenie nie ma typu (type)"),
    "missing_vc_type": ("4.5", "4.3", "the type does not include VerifiableCredential",
                        "typ (type) nie obejmuje VerifiableCredential"),
    "type_invalid": ("4.5", "4.3", "the type {v} is neither a term nor an absolute URL",
                     "typ {v} nie jest ani terminem, ani bezwzględnym adresem URL"),
    "type_unmapped": ("4.5", "4.3", "the type {v} is not defined by the credential's contexts",
                      "typ {v} nie jest zdefiniowany w kontekstach poświadczenia"),
    "text_not_string": ("4.6", "", "{what} must be a string or a language value object, not {v}",
                        "{what} musi być tekstem albo obiektem wartości językowej, a nie: {v}"),
    "malformed_language_value": (
        "11.1", "", "{what}: the language value object is wrong at {v}; it holds a string "
        "@value and, besides, only @language and @direction (ltr or rtl)",
        "{what}: błąd w obiekcie wartości językowej przy {v}; obiekt zawiera tekst w @value, "
        "a poza nim tylko @language i @direction (ltr lub rtl)"),
    "missing_issuer": ("4.7", "4.5", "the credential has no issuer",
                       "poświadczenie nie wskazuje wystawcy (issuer)"),
    "issuer_not_url": ("4.7", "4.5", "the issuer {v} is not a URL",
                       "wystawca (issuer) {v} nie jest adresem URL"),
    "issuer_without_id": ("4.7", "4.5", "the issuer object has no id",
                          "obiekt wystawcy (issuer) nie ma identyfikatora (id)"),
    "issuer_not_single": ("4.7", "4.5", "the issuer must be one URL or one object, not a list",
                          "wystawca (issuer) musi być jednym adresem URL lub jednym obiektem, "
                          "a nie listą"),
    "missing_subject": ("4.8", "4.4", "the credential has no credentialSubject",
                        "poświadczenie nie ma podmiotu (credentialSubject)"),
    "empty_subject": ("4.8", "4.4", "the credential subject makes no claim",
                      "podmiot poświadczenia (credentialSubject) nie zawiera żadnego twierdzenia"),
    "subject_not_object": ("4.8", "4.4", "the credential subject must be an object, not {v}",
                           "podmiot poświadczenia (credentialSubject) musi być obiektem, "
                           "a nie: {v}"),
    "malformed_date": ("4.9", "4.6",
                       "{v} is not an XML Schema date-time such as 2025-06-20T00:00:00Z",
                       "{v} nie jest datą i godziną w formacie XML Schema, np. "
                       "2025-06-20T00:00:00Z"),
    "date_without_timezone": ("4.9", "", "{v} has no time zone (Z or ±hh:mm), which VC 2.0 "
                              "requires (dateTimeStamp)",
                              "{v} nie ma strefy czasowej (Z lub ±gg:mm), której wymaga VC 2.0 "
                              "(dateTimeStamp)"),
    "valid_until_before_valid_from": (
        "4.9", "", "validUntil {v} is earlier than validFrom {start}",
        "data validUntil {v} jest wcześniejsza niż validFrom {start}"),
    "missing_issuance_date": ("", "4.6", "a VC 1.1 credential has no issuanceDate",
                              "poświadczenie VC 1.1 nie ma daty wydania (issuanceDate)"),
    "value_not_object": ("", "", "{what} must be an object, not {v}",
                         "{what} musi być obiektem, a nie: {v}"),
    "status_without_type": ("4.10", "4.9", "the credential status has no type",
                            "status poświadczenia (credentialStatus) nie ma typu (type)"),
    "status_without_id": ("", "4.9", "the credential status has no id (required by VC 1.1)",
                          "status poświadczenia (credentialStatus) nie ma identyfikatora (id), "
                          "którego wymaga VC 1.1"),
    "schema_without_type": ("4.11", "5.4", "the credential schema has no type",
                            "schemat poświadczenia (credentialSchema) nie ma typu (type)"),
    "schema_without_id": ("4.11", "5.4", "the credential schema has no id (the schema's URL)",
                          "schemat poświadczenia (credentialSchema) nie ma identyfikatora (id) "
                          "— adresu URL schematu"),
    "refresh_service_without_type": ("5.4", "5.5", "the refresh service has no type",
                                     "usługa odświeżania (refreshService) nie ma typu (type)"),
    "refresh_service_without_id": ("", "5.5", "the refresh service has no id (required by "
                                   "VC 1.1)", "usługa odświeżania (refreshService) nie ma "
                                   "identyfikatora (id), którego wymaga VC 1.1"),
    "terms_of_use_without_type": ("5.5", "5.6", "the terms of use have no type",
                                  "warunki użycia (termsOfUse) nie mają typu (type)"),
    "evidence_without_type": ("5.6", "5.7", "the evidence has no type",
                              "materiał dowodowy (evidence) nie ma typu (type)"),
    "proof_without_type": (_DI, "4.7", "the proof has no type",
                           "dowód kryptograficzny (proof) nie ma typu (type)"),
    "extension_without_type": ("5.10", "", "{what} has no type (a reserved extension point)",
                               "{what} nie ma typu (type), a jest zastrzeżonym punktem "
                               "rozszerzeń"),
    "related_resource_not_object": ("5.3", "", "a related resource must be an object with an id "
                                    "and a digest, not {v}",
                                    "powiązany zasób (relatedResource) musi być obiektem "
                                    "z identyfikatorem i skrótem, a nie: {v}"),
    "related_resource_without_id": ("5.3", "", "the related resource has no id",
                                    "powiązany zasób (relatedResource) nie ma identyfikatora "
                                    "(id)"),
    "related_resource_duplicate_id": ("5.3", "", "the related resource {v} is listed twice",
                                      "powiązany zasób {v} występuje dwukrotnie"),
    "related_resource_without_digest": ("5.3", "", "the related resource {v} has neither "
                                        "digestSRI nor digestMultibase",
                                        "powiązany zasób {v} nie ma ani digestSRI, ani "
                                        "digestMultibase"),
    "too_many_values": ("", "", f"more than {MAX_VALUES} values: the rest are not checked",
                        f"ponad {MAX_VALUES} wartości: pozostałych nie sprawdzono"),
}
# fmt: on
