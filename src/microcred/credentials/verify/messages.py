"""Every text a verification report gives, in English and Polish, grouped by check in
the order :func:`~microcred.credentials.verify.verify` runs them.

A message's code is the code of the check it makes wherever that code is its own; a
code several messages share (``ok`` for every passed check, ``not_checked``...) is given
by the check (``Check.of(name, status, MESSAGE(...), code="ok")``) and the message has
a code of its own. Tests import these constants, so a change of wording never breaks a
test.

Some checks repeat what a lower layer found, in its English: a proof's reason
(``data_integrity``, ``vc_jose``), a badge image's or a PDF's error (``baking``). Those
are said in Polish by their code (``PROOF_FAILURES``, ``IMAGE_ERRORS``, ``PDF_ERRORS``);
the English of such a message is the gist of the lower layer's own, which the check shows
instead. A status list's reason comes in both languages (``status.StatusResult.said``).
"""

from __future__ import annotations

from ...standard.messages import Message

# __all__ (every message constant, and the dictionaries of them) is computed at the end.

# --- format: what the input is (pipeline) ------------------------------------------------
UNSUPPORTED_INPUT = Message(
    "unsupported_input", "unsupported input", "nieobsługiwane dane wejściowe"
)
TOO_LARGE = Message("too_large", "larger than {limit} bytes", "większe niż {limit} bajtów")
PDF_IN_PDF = Message(
    "pdf_in_pdf", "a PDF attached to a PDF is not opened", "PDF załączony do PDF nie jest otwierany"
)
#: JSON that names one key twice; ``error`` is the :class:`DuplicateKeyError`'s own text
DUPLICATE_KEY = Message(
    "duplicate_key",
    "{error_en}",
    "ten sam klucz występuje dwa razy w obiekcie JSON: {error_pl}",
)
#: JSON nested beyond what the parser takes
TOO_DEEP = Message("too_deep", "nested too deeply", "zbyt głębokie zagnieżdżenie")
#: a document nested beyond the verifier's limit (check code ``too_deep``)
NESTED_TOO_DEEP = Message(
    "nested_too_deep",
    "nested more than {levels} levels",
    "zagnieżdżenie głębsze niż {levels} poziomów",
)
UNREADABLE = Message(
    "unreadable", "not a JSON credential: {error}", "to nie jest poświadczenie JSON: {error}"
)
NOT_AN_OBJECT = Message("not_an_object", "the JSON is not an object", "JSON nie jest obiektem")
#: a bug of the verifier's own, reported instead of raised
INTERNAL_ERROR = Message(
    "internal_error",
    "internal error while verifying: {error}",
    "błąd wewnętrzny podczas weryfikacji: {error}",
)
# the format passed (check code ``ok``)
READABLE_DOCUMENT = Message(
    "readable_document", "readable {format} document", "czytelny dokument {format}"
)
COMPACT_JWS = Message("compact_jws", "compact JWS", "zwarty JWS")
JADES_ENVELOPE = Message("jades_envelope", "JAdES e-seal", "e-pieczęć JAdES")

# a badge image whose credential cannot be taken out (by the BakingError's code)
IMAGE_ERRORS = {
    "no_credential": Message(
        "no_credential", "the image holds no credential", "obraz nie zawiera poświadczenia"
    ),
    "multiple_credentials": Message(
        "multiple_credentials",
        "the image holds more than one credential",
        "obraz zawiera więcej niż jedno poświadczenie",
    ),
    "unsafe_svg": Message(
        "unsafe_svg",
        "an unsafe SVG file is refused (entities or declarations in a DTD)",
        "odrzucono niebezpieczny plik SVG (encje lub deklaracje w DTD)",
    ),
    "ambiguous_credential": Message(
        "ambiguous_credential",
        "the openbadges:credential element has a verify attribute and other content: which "
        "one is the credential is not known",
        "element openbadges:credential ma atrybut `verify` i inną treść — nie wiadomo, "
        "które jest poświadczeniem",
    ),
}
#: any other error of a badge image
IMAGE_UNREADABLE = Message(
    "image_unreadable",
    "the credential cannot be read from the image",
    "nie można odczytać poświadczenia z obrazu",
)

# --- format: a PDF certificate (pipeline) ------------------------------------------------
# a PDF whose attachments cannot be taken out (by the BakingError's code)
PDF_ERRORS = {
    "no_attachments": Message(
        "no_attachments",
        "the PDF holds no digital credential",
        "PDF nie zawiera poświadczenia cyfrowego",
    ),
    "not_a_pdf": Message("not_a_pdf", "not a PDF file", "to nie jest plik PDF"),
    "too_large": Message("pdf_too_large", "the PDF is too large", "PDF jest za duży"),
    "malformed_pdf": Message(
        "malformed_pdf",
        "a damaged PDF or a changed attachment",
        "uszkodzony PDF lub zmieniony załącznik",
    ),
}
#: any other error of a PDF
PDF_UNREADABLE = Message("pdf_unreadable", "the PDF cannot be read", "nie można odczytać PDF")
#: the PDF's own check (code ``ok``): the page is only a picture of its attachments
PDF_ATTACHMENTS = Message(
    "pdf_attachments",
    "PDF with {count} credential(s): {names}; the printed page itself is not signed: trust "
    "the details in this report, not the page",
    "PDF z poświadczeniami ({count}): {names}; sama drukowana strona nie jest podpisana: "
    "wiążące są dane z tego raportu, nie ze strony",
)
#: another credential attached to the PDF, by its result (check code: the result)
ATTACHMENT = Message(
    "attachment", "{name} ({format}): {result_en}", "{name} ({format}): {result_pl}"
)
#: ... and the first check that failed or could not decide
ATTACHMENT_FAILED = Message(
    "attachment_failed",
    "{name} ({format}): {result_en}: {failure_en}",
    "{name} ({format}): {result_pl}: {failure_pl}",
)

# --- schema ---------------------------------------------------------------------------
OB3_ON_VC11 = Message(
    "ob3_on_vc11",
    "an Open Badges 3.0 credential in its earlier VC 1.1 form: 1EdTech's JSON Schema "
    "(VC 2.0) does not apply; the VC 1.1 data model is checked",
    "poświadczenie Open Badges 3.0 we wcześniejszej postaci VC 1.1: schemat JSON 1EdTech "
    "(VC 2.0) nie ma zastosowania; sprawdzono model danych VC 1.1",
)
#: jsonschema's first error (``where`` is a JSON path, ``error`` jsonschema's English)
SCHEMA_INVALID = Message(
    "schema_invalid",
    "OB 3.0 JSON Schema: {where}: {error}",
    "schemat JSON OB 3.0: {where}: {error}",
)
NOT_A_CREDENTIAL = Message(
    "not_a_credential",
    "the document is not a Verifiable Credential",
    "dokument nie jest poświadczeniem weryfikowalnym (VC)",
)
#: a Verifiable Credential without ``issuer`` or ``credentialSubject`` (``schema_invalid``)
MEMBERS_MISSING = Message("members_missing", "missing {members}", "brak pól: {members}")
#: pySHACL could not read the EDC (check code: the error's)
EDC_UNREADABLE = Message("edc_unreadable", "{error_en}", "nie można odczytać dokumentu: {error_pl}")
#: the first SHACL violation (``violation`` is pySHACL's English)
EDC_SHAPES = Message(
    "edc_shapes",
    "does not conform to the EDC shapes: {violation}",
    "niezgodny z kształtami EDC: {violation}",
)
#: ... and how many more there are (check code ``edc_shapes``)
EDC_SHAPES_MORE = Message(
    "edc_shapes_more",
    "does not conform to the EDC shapes: {violation} (+{more} more)",
    "niezgodny z kształtami EDC: {violation} (i {more} innych)",
)
# the schema passed (check code ``ok``)
OB3_SCHEMA_VALID = Message(
    "ob3_schema_valid", "valid against the OB 3.0 JSON Schema", "zgodny ze schematem JSON OB 3.0"
)
VC_MEMBERS_PRESENT = Message(
    "vc_members_present",
    "has the members of a Verifiable Credential",
    "zawiera elementy poświadczenia weryfikowalnego",
)
EDC_SHAPES_CONFORM = Message(
    "edc_shapes_conform",
    "conforms to the EU's EDC shapes (SHACL)",
    "zgodny z kształtami EDC UE (SHACL)",
)

# --- data model (VC Data Model §7.1) ----------------------------------------------------
#: one problem where it is (``problem`` is the data model rule's own text)
DATA_MODEL_PROBLEM = Message("data_model_problem", "{path}: {problem_en}", "{path}: {problem_pl}")
#: the first five problems, and how many more there are
DATA_MODEL_MORE = Message(
    "data_model_more", "{problems_en} (+{more} more)", "{problems_pl} (i {more} innych)"
)
#: the data model passed (check code ``ok``)
DATA_MODEL_MET = Message(
    "data_model_met", "meets the VC Data Model's requirements", "spełnia wymagania modelu danych VC"
)

# --- contexts ---------------------------------------------------------------------------
UNKNOWN_CONTEXT = Message(
    "unknown_context",
    "context not allowed (never fetched): {url}",
    "niedozwolony kontekst (nie jest pobierany): {url}",
)
UNREADABLE_JSONLD = Message(
    "unreadable_jsonld",
    "the credential's JSON-LD cannot be expanded with the pinned contexts",
    "nie można rozwinąć JSON-LD poświadczenia przy użyciu przypiętych kontekstów",
)
#: a statement under a full IRI or an alias as well as under its usual member name
HIDDEN_MEMBER = Message(
    "hidden_member",
    "the credential states {names} also under another name (a full IRI or an alias), which "
    "a reader of the JSON would not see",
    "poświadczenie podaje {names} także pod inną nazwą (pełnym IRI lub aliasem), której "
    "czytelnik JSON by nie zauważył",
)
EXAMPLE_CONTEXT = Message(
    "example_context",
    "uses a W3C example context: {url}",
    "używa przykładowego kontekstu W3C: {url}",
)
EMBEDDED_CONTEXT = Message(
    "embedded_context",
    "the credential defines some of its terms itself (an embedded context)",
    "poświadczenie samo definiuje część swoich terminów (osadzony kontekst)",
)
#: the contexts passed (check code ``ok``)
CONTEXTS_PINNED = Message(
    "contexts_pinned",
    "every context is a pinned, known context",
    "wszystkie konteksty są znane i przypięte",
)

# --- proof: a Data Integrity proof or a JWS -------------------------------------------------
# The check's English is the proof's own reason; its Polish is one of these.
#: a verified proof (``by``: its verification method)
PROOF_VALID = Message("proof_valid", "valid {suite} proof by {by}", "poprawny dowód {suite} ({by})")
PROOF_UNSUPPORTED_TYPE = Message(
    "unsupported_proof_type", "unsupported proof type {type}", "nieobsługiwany typ dowodu {type}"
)
PROOF_SUITE_NOT_ALLOWED = Message(
    "suite_not_allowed_named",
    "cryptosuite {suite} is not allowed or not known",
    "niedozwolony lub nieznany algorytm podpisu {suite}",
)
#: a proof's failure by its code (``ProofResult.code``)
PROOF_FAILURES = {
    "no_proof": Message(
        "no_proof", "the document has no proof", "dokument nie ma dowodu (podpisu)"
    ),
    "invalid_signature": Message(
        "invalid_signature",
        "the signature does not match the document: it was changed or another key signed it",
        "podpis nie zgadza się z treścią — dokument zmieniono lub podpisał go inny klucz",
    ),
    "suite_not_allowed": Message(
        "suite_not_allowed",
        "a signature algorithm (cryptosuite) not allowed or not known",
        "niedozwolony lub nieznany algorytm podpisu (cryptosuite)",
    ),
    "unsupported_proof": Message(
        "unsupported_proof", "unsupported proof type", "nieobsługiwany typ dowodu"
    ),
    "malformed_proof": Message(
        "malformed_proof",
        "a malformed proof: required members missing or wrong values",
        "uszkodzony dowód: brak wymaganych pól lub błędne wartości",
    ),
    "wrong_purpose": Message(
        "wrong_purpose",
        "the wrong purpose of proof (proofPurpose)",
        "niewłaściwy cel dowodu (proofPurpose)",
    ),
    "wrong_key_type": Message(
        "wrong_key_type",
        "the key the proof names does not fit its signature algorithm",
        "klucz wskazany w dowodzie nie pasuje do algorytmu podpisu",
    ),
    "missing_suite_context": Message(
        "missing_suite_context",
        "the document lacks the JSON-LD context of this proof type",
        "dokument nie zawiera kontekstu JSON-LD tego typu dowodu",
    ),
    "context_mismatch": Message(
        "context_mismatch",
        "the proof's JSON-LD context differs from the document's",
        "kontekst JSON-LD dowodu różni się od kontekstu dokumentu",
    ),
    "previous_proof_missing": Message(
        "previous_proof_missing",
        "the proof names a previous proof (previousProof) the document does not hold",
        "dowód wskazuje poprzedni dowód (previousProof), którego nie ma w dokumencie",
    ),
    "previous_proof_unverified": Message(
        "previous_proof_unverified",
        "the signature is valid, but the previous proof in the chain is not verified",
        "podpis jest poprawny, ale poprzedni dowód w łańcuchu nie został potwierdzony",
    ),
    "proof_chain_cycle": Message(
        "proof_chain_cycle",
        "the chain of proofs (previousProof) loops",
        "łańcuch dowodów (previousProof) zapętla się",
    ),
    "too_many_proofs": Message(
        "too_many_proofs",
        "the document has too many proofs to check",
        "dokument ma zbyt wiele dowodów, by je sprawdzić",
    ),
    "no_checkable_proof": Message(
        "no_checkable_proof",
        "none of the proofs can be checked here: unknown or not allowed types and algorithms",
        "żadnego z dowodów nie można tu sprawdzić: nieznane lub niedozwolone typy i algorytmy",
    ),
    "did_error": Message(
        "did_error",
        "the issuer's key cannot be found (DID)",
        "nie można ustalić klucza wystawcy (DID)",
    ),
    "jsonld_error": Message(
        "jsonld_error",
        "the document is not valid JSON-LD or uses undefined terms",
        "dokument nie jest poprawnym JSON-LD albo zawiera niezdefiniowane terminy",
    ),
    "unknown_context": Message(
        "proof_unknown_context",
        "the document uses an unknown JSON-LD context",
        "dokument używa nieznanego kontekstu JSON-LD",
    ),
    "alg_none": Message(
        "alg_none",
        "an unsigned JWS (alg: none) is refused",
        "odrzucono niepodpisany JWS (alg: none)",
    ),
    "header_key": Message(
        "header_key",
        "a key given in the JWS header is never trusted",
        "klucz podany w nagłówku JWS nie jest nigdy uznawany",
    ),
    "alg_mismatch": Message(
        "alg_mismatch",
        "the JWS algorithm does not fit the issuer's key",
        "algorytm JWS nie pasuje do klucza wystawcy",
    ),
    "no_kid": Message(
        "no_kid", "the JWS header names no key (kid)", "nagłówek JWS nie wskazuje klucza (kid)"
    ),
    "malformed_jwt": Message("malformed_jwt", "a malformed JWS", "uszkodzony JWS"),
    "iss_mismatch": Message(
        "iss_mismatch",
        "the issuer the JWT names (iss) is not the credential's issuer",
        "wystawca wskazany w JWT (iss) nie jest wystawcą poświadczenia",
    ),
}
#: any other failure of a proof
PROOF_INVALID = Message("proof_invalid", "the proof is not valid", "dowód jest niepoprawny")
# a proof set or chain: every proof's outcome, by its number in the document
PROOF_SET_VALID = Message(
    "proof_set_valid",
    "proof {number} valid: {suite} by {by}",
    "dowód {number} poprawny: {suite} ({by})",
)
PROOF_SET_NOT_CHECKED = Message(
    "proof_set_not_checked",
    "proof {number} not checked: {reason_en}",
    "dowód {number} nie został sprawdzony: {reason_pl}",
)
PROOF_SET_FAILED = Message(
    "proof_set_failed",
    "proof {number} failed: {reason_en}",
    "dowód {number} odrzucony: {reason_pl}",
)
#: all of them, two to four (and 22-24...) in Polish
PROOF_SET_FEW = Message(
    "proof_set_few", "{count} proofs: {proofs_en}", "{count} dowody: {proofs_pl}"
)
#: all of them, five or more (and 12-14) in Polish
PROOF_SET_MANY = Message(
    "proof_set_many", "{count} proofs: {proofs_en}", "{count} dowodów: {proofs_pl}"
)

# --- e-seal (JAdES): proof, signature, revocation ------------------------------------------
# The seal's failures and warnings are the jades package's own (English and Polish).
#: a valid e-seal (``proof``, code ``ok``)
SEAL_VALID = Message(
    "seal_valid",
    "valid e-seal ({algorithm}) by {signer}",
    "poprawna e-pieczęć ({algorithm}): {signer}",
)
#: ... checked as of its signature time-stamp
SEAL_VALID_TIMESTAMPED = Message(
    "seal_valid_timestamped",
    "valid e-seal ({algorithm}) by {signer}, as of its time-stamp {at:%Y-%m-%d %H:%M} UTC",
    "poprawna e-pieczęć ({algorithm}): {signer}, na czas znacznika czasu {at:%Y-%m-%d %H:%M} UTC",
)
#: an indeterminate seal's signature itself holds (``signature``, code ``ok``)
SEAL_SIGNATURE_VALID = Message(
    "seal_signature_valid",
    "the e-seal's signature ({algorithm}) by {signer} is valid: the sealed content is unmodified",
    "podpis e-pieczęci ({algorithm}) podmiotu {signer} jest poprawny: zapieczętowana treść "
    "jest niezmieniona",
)
#: revocation data carried in the seal (``revocation``, code ``ok``; ``kind``: OCSP, CRL)
SEAL_NOT_REVOKED = Message(
    "seal_not_revoked",
    "the certificate was not revoked when sealed ({kind}, {signer}, {as_of:%Y-%m-%d %H:%M} "
    "UTC, carried in the seal)",
    "certyfikat nie był unieważniony w chwili pieczętowania ({kind}, {signer}, "
    "{as_of:%Y-%m-%d %H:%M} UTC, dołączone do pieczęci)",
)

# --- issuer: who signed or sealed against the credential's issuer -------------------------
NO_VALID_PROOF = Message(
    "no_valid_proof", "not checked: no valid proof", "nie sprawdzono: brak poprawnego dowodu"
)
NO_ISSUER = Message(
    "no_issuer",
    "the credential names no issuer id",
    "poświadczenie nie wskazuje identyfikatora wystawcy",
)
ISSUER_MISMATCH = Message(
    "issuer_mismatch",
    "signed by {controller}, but the issuer is {issuer}",
    "podpisał {controller}, a wystawcą jest {issuer}",
)
NOT_ASSERTION_METHOD = Message(
    "not_assertion_method",
    "{method} is not listed under assertionMethod",
    "{method} nie jest na liście assertionMethod wystawcy",
)
SEAL_ORGANISATION_DIFFERS = Message(
    "seal_organisation_differs",
    "sealed by {organisation}, not named as the issuer",
    "zapieczętował {organisation}, a nie podmiot wskazany jako wystawca",
)
#: a sealing certificate with no organisation (``seal_organisation_differs``)
SEAL_ORGANISATION_UNNAMED = Message(
    "seal_organisation_unnamed",
    "sealed by an unnamed organisation, not named as the issuer",
    "zapieczętował nienazwany podmiot, a nie podmiot wskazany jako wystawca",
)
# the issuer passed (check code ``ok``)
SIGNED_BY_ISSUER = Message(
    "signed_by_issuer", "signed by the issuer {issuer}", "podpisane przez wystawcę {issuer}"
)
SEALED_BY_ISSUER = Message(
    "sealed_by_issuer",
    "sealed by the issuer {organisation}",
    "zapieczętowane przez wystawcę {organisation}",
)

# --- dates: validFrom / validUntil (issuanceDate / expirationDate) -------------------------
MALFORMED_DATE = Message(
    "malformed_date",
    "a validity date is not an ISO 8601 date-time",
    "data ważności nie jest datą w formacie ISO 8601",
)
NOT_YET_VALID = Message("not_yet_valid", "not valid before {start}", "ważne dopiero od {start}")
EXPIRED = Message("expired", "expired on {end}", "wygasło {end}")
# the dates passed (check code ``ok``)
VALID_UNTIL = Message("valid_until", "valid until {end}", "ważne do {end}")
NO_EXPIRY = Message("no_expiry", "valid, with no expiry date", "ważne bezterminowo")

# --- status: revocation and suspension ---------------------------------------------------
NO_STATUS = Message(
    "no_status",
    "the credential has no status list entry",
    "poświadczenie nie ma wpisu na liście statusów",
)
#: no status fetcher was given
STATUS_OFFLINE = Message(
    "status_unknown",
    "status unknown: the status list was not checked (offline)",
    "status nieznany: nie sprawdzono listy statusów (offline)",
)
# ``notes``: how each list served from another URL than its id was accepted (``; `` and
# the status module's LIST_ELSEWHERE), or empty
REVOKED = Message(
    "revoked", "the credential is revoked{notes_en}", "poświadczenie jest unieważnione{notes_pl}"
)
SUSPENDED = Message(
    "suspended", "the credential is suspended{notes_en}", "poświadczenie jest zawieszone{notes_pl}"
)
#: the status passed (check code ``ok``; ``purposes`` are the ``statusPurpose`` values)
NOT_REVOKED = Message(
    "not_revoked",
    "checked ({purposes}): not revoked or suspended{notes_en}",
    "sprawdzono ({purposes}): nie unieważnione ani zawieszone{notes_pl}",
)
#: the status of an entry could not be told (check code: the status result's; ``reason``:
#: the status module's, in either language)
STATUS_UNKNOWN_BECAUSE = Message(
    "status_unknown_because", "status unknown: {reason_en}", "status nieznany: {reason_pl}"
)

# --- EU elements ------------------------------------------------------------------------
NOT_A_MICROCREDENTIAL_FORMAT = Message(
    "not_a_microcredential_format",
    "neither an Open Badges nor a European Digital Credential",
    "ani poświadczenie Open Badges, ani Europass EDC",
)
#: the award cannot be read from the credential (check code: the error's)
EU_ELEMENTS_UNREADABLE = Message(
    "eu_elements_unreadable", "{error_en}", "nie można odczytać elementów UE: {error_pl}"
)
#: the compliance verdict (check code: the verdict) ...
EU_VERDICT = Message("eu_verdict", "{verdict_en}", "{verdict_pl}")
#: ... and why the credential is not a (complete) micro-credential
EU_VERDICT_BECAUSE = Message(
    "eu_verdict_because", "{verdict_en}: {reasons_en}", "{verdict_pl}: {reasons_pl}"
)

# --- trust: whether a trust list vouches for the signer --------------------------------------
#: said whenever the issuer is not confirmed
ISSUER_NOT_CONFIRMED = Message(
    "issuer_not_confirmed",
    "the issuer is not confirmed: a signature proves only that the holder of this key "
    "signed, and anyone can make a key",
    "wystawca nie jest potwierdzony: podpis dowodzi tylko, że podpisał posiadacz tego "
    "klucza, a klucz może wygenerować każdy",
)
NO_SIGNER = Message(
    "no_signer",
    "not checked: no valid signature names a signer",
    "nie sprawdzono: żaden poprawny podpis nie wskazuje podpisującego",
)
TRUST_NOT_CHECKED = Message(
    "not_checked",
    "signed by {who}; no trust list was checked, so " + ISSUER_NOT_CONFIRMED.en,
    "podpisał {who_pl}; nie sprawdzono żadnej listy zaufanych wystawców, więc "
    + ISSUER_NOT_CONFIRMED.pl,
)
#: the caller's trust list failed (``error``: the exception's type; code ``not_checked``)
TRUST_LIST_UNREADABLE = Message(
    "trust_list_unreadable",
    "signed by {who}; the trust list {list} could not be read ({error}), so "
    + ISSUER_NOT_CONFIRMED.en,
    "podpisał {who_pl}; nie udało się odczytać listy {list} ({error}), więc "
    + ISSUER_NOT_CONFIRMED.pl,
)
NOT_IN_TRUST_LIST = Message(
    "not_in_trust_list",
    "signed by {who}, who is not in {list}: " + ISSUER_NOT_CONFIRMED.en,
    "podpisał {who_pl}, którego nie ma na liście {list}: " + ISSUER_NOT_CONFIRMED.pl,
)
#: the list knows the signer under another name than the credential gives
NAME_DIFFERS = Message(
    "name_differs",
    "signed by {who}, registered in {list} as {registered}, but the credential names its "
    "issuer {claimed}",
    "podpisał {who_pl}, zarejestrowany na liście {list} jako {registered}, a poświadczenie "
    "podaje jako wystawcę {claimed}",
)
#: a list with history (LoTE) knows the key, but it was not trusted when the credential
#: was issued (a key rotated out before, a provider suspended then)
NOT_TRUSTED_THEN = Message(
    "not_trusted_then",
    "signed by {who}, registered in {list} as {registered}, whose key was not trusted "
    "there on {date}, when the credential was issued",
    "podpisał {who_pl}, zarejestrowany na liście {list} jako {registered}, ale jego klucz "
    "nie był tam zaufany {date}, gdy wydano poświadczenie",
)
#: a list with history confirms a verified provider (code ``confirmed``)
CONFIRMED_PROVIDER = Message(
    "confirmed_provider",
    "issuer confirmed by {list}: {registered}, a verified provider since {since}, verified "
    "by {verified_by} ({who})",
    "wystawca potwierdzony przez {list}: {registered}, zweryfikowany dostawca od {since}, "
    "zweryfikowany przez {verified_by} ({who_pl})",
)
CONFIRMED = Message(
    "confirmed",
    "issuer confirmed by {list}: {registered} ({who})",
    "wystawca potwierdzony przez {list}: {registered} ({who_pl})",
)

# --- the signer (Signer.short, Signer.describe) -------------------------------------------
SEAL_SIGNER = Message("seal_signer", "e-seal of {name}", "e-pieczęć podmiotu {name}")
#: ``signer``: SEAL_SIGNER; ``key``: the certificate's subject; ``id``: its fingerprint
SEAL_SIGNER_DESCRIBED = Message(
    "seal_signer_described",
    "{signer_en} ({key}; certificate {id})",
    "{signer_pl} ({key}; certyfikat {id})",
)
#: a DID signer whose verification method is not the DID itself
DID_SIGNER_KEY = Message("did_signer_key", "{id} (key {key})", "{id} (klucz {key})")

# --- the overall result (Result.label): a page's or a CLI's headline ------------------------
RESULT_VALID = Message("valid", "VERIFIED", "ZWERYFIKOWANO")
RESULT_INVALID = Message("invalid", "NOT VERIFIED", "NIEZWERYFIKOWANE")
RESULT_STATUS_UNKNOWN = Message("status-unknown", "STATUS UNKNOWN", "STATUS NIEZNANY")
RESULT_INDETERMINATE = Message("indeterminate", "INDETERMINATE", "NIEROZSTRZYGNIĘTE")

__all__ = sorted(
    name
    for name, value in dict(globals()).items()
    if isinstance(value, Message)
    or (isinstance(value, dict) and value and all(isinstance(v, Message) for v in value.values()))
)
