"""Every text a person reads about a verified seal, in EN and PL, as
:class:`~microcred.standard.messages.Message` constants, and the failure that carries one
from a check to :func:`~microcred.credentials.jades.verify_seal`.

A constant's code is the ``SealResult.code`` of a failure, the ``SealWarning.code`` of a
warning, or names a detail of ``malformed_seal`` / ``unsupported_seal`` (or the reason a
seal is indeterminate). Tests import the constants and compare codes, never wording::

    result = verify_seal(sealed)
    assert result.code == INVALID_SIGNATURE.code
    assert TRUST_LIST_NOT_CHECKED.code in {w.code for w in result.warnings}

The messages of the time-stamps a seal carries are in :mod:`.timestamps`; those of a
seal that cannot be made (:class:`~microcred.credentials.errors.SealError`) are in
:mod:`.certificates`, :mod:`.sealing` and :mod:`.tsa`.
"""

from __future__ import annotations

from ...standard.messages import Message, Reason
from .limits import MAX_SEAL_BYTES

# __all__ (every message constant) is computed at the end of the module.

# --- a valid seal (SealResult.code "ok") ----------------------------------------------

#: a valid seal
SEAL_VALID = Message(
    "ok",
    "valid e-seal ({alg}) by {signer}: signature, certificate validity and key usage checked",
    "poprawna pieczęć ({alg}) podmiotu {signer}: sprawdzono podpis, ważność certyfikatu i "
    "użycie klucza",
)
#: a valid seal whose expired certificate a time-stamp vouches for (reported as "ok")
SEAL_VALID_AS_OF_TIMESTAMP = Message(
    "ok_as_of_timestamp",
    "valid e-seal ({alg}) by {signer}: signature, certificate validity and key usage checked "
    "as of its time-stamp ({when})",
    "poprawna pieczęć ({alg}) podmiotu {signer}: sprawdzono podpis, ważność certyfikatu i "
    "użycie klucza na czas znacznika czasu ({when})",
)

# --- failures (SealResult.code) -------------------------------------------------------

#: the document is no JWS in the JSON serialization; ``detail`` says why
MALFORMED_SEAL = Message(
    "malformed_seal",
    "not a JAdES e-seal (JWS JSON serialization): {detail_en}",
    "to nie jest pieczęć JAdES (JWS w serializacji JSON): {detail_pl}",
)
SEAL_TOO_LARGE = Message(
    "too_large",
    f"the sealed document is larger than {MAX_SEAL_BYTES} bytes",
    f"zapieczętowany dokument jest większy niż {MAX_SEAL_BYTES} bajtów",
)
#: a well-formed seal of a kind not handled here; ``detail`` says which
UNSUPPORTED_SEAL = Message(
    "unsupported_seal",
    "a kind of JAdES seal this verifier does not handle: {detail_en}",
    "rodzaj pieczęci JAdES, którego ten weryfikator nie obsługuje: {detail_pl}",
)
ALG_NONE = Message(
    "alg_none",
    "an unsigned JWS (alg: none) is refused",
    "niepodpisany JWS (alg: none) jest odrzucany",
)
NO_CERTIFICATE = Message(
    "no_certificate",
    "the seal carries no signer certificate (x5c)",
    "pieczęć nie zawiera certyfikatu podmiotu pieczętującego (x5c)",
)
MALFORMED_CERTIFICATE = Message(
    "malformed_certificate",
    "a certificate in x5c cannot be read",
    "nie można odczytać certyfikatu z x5c",
)
#: ``reference`` is the header parameter: x5t#S256 or x5t#o
CERTIFICATE_MISMATCH = Message(
    "certificate_mismatch",
    "{reference} does not match the certificate in x5c",
    "{reference} nie zgadza się z certyfikatem w x5c",
)
#: ``key`` is the key's kind (RSA-1024, EC secp256k1...) or that it is unknown
UNSUPPORTED_KEY = Message(
    "unsupported_key",
    "the certificate's key ({key_en}) is neither RSA of 2048–8192 bits nor ECDSA P-256/P-384/P-521",
    "klucz certyfikatu ({key_pl}) nie jest ani kluczem RSA 2048–8192 bitów, "
    "ani ECDSA P-256/P-384/P-521",
)
#: the ``key`` of :data:`UNSUPPORTED_KEY` when the certificate's key cannot be read
UNKNOWN_KEY_TYPE = Message("unknown_key_type", "unknown key type", "nieznany typ klucza")
ALG_MISMATCH = Message(
    "alg_mismatch",
    "alg {alg} does not fit the certificate's key",
    "alg {alg} nie pasuje do klucza z certyfikatu",
)
INVALID_SIGNATURE = Message(
    "invalid_signature",
    "the seal does not match the sealed content: the payload or the protected header was "
    "changed, or another key made the signature",
    "pieczęć nie pasuje do zapieczętowanej treści: zmieniono dane lub chroniony nagłówek "
    "albo pieczęć złożono innym kluczem",
)
PAYLOAD_NOT_JSON = Message(
    "payload_not_json",
    "the sealed payload is not a JSON object",
    "zapieczętowana treść nie jest obiektem JSON",
)
#: indeterminate: the certificate expired and ``why`` says what proof is missing
CERTIFICATE_EXPIRED = Message(
    "certificate_expired",
    "the e-seal certificate expired on {date} and nothing proves the seal was made before "
    "then: {why_en}",
    "certyfikat pieczęci wygasł {date} i nic nie dowodzi, że pieczęć złożono wcześniej: {why_pl}",
)
#: failed: revoked at or before the signing time the seal claims
CERTIFICATE_REVOKED = Message(
    "certificate_revoked",
    "the e-seal certificate was revoked on {date}, before the seal was made",
    "certyfikat pieczęci unieważniono {date}, zanim złożono pieczęć",
)
#: indeterminate, reported as ``certificate_revoked``: revoked later, but nothing proves
#: the seal was made before that (``why``)
CERTIFICATE_REVOKED_NO_PROOF = Message(
    "certificate_revoked_no_proof",
    "the e-seal certificate was revoked on {date} and nothing proves the seal was made "
    "before then: {why_en}",
    "certyfikat pieczęci unieważniono {date} i nic nie dowodzi, że pieczęć złożono "
    "wcześniej: {why_pl}",
)
CERTIFICATE_NOT_YET_VALID = Message(
    "certificate_not_yet_valid",
    "the e-seal certificate is valid only from {date}",
    "certyfikat pieczęci jest ważny dopiero od {date}",
)
SIGNING_TIME_IN_FUTURE = Message(
    "signing_time_in_future",
    "the claimed signing time {date} is in the future",
    "deklarowany czas złożenia pieczęci {date} jest w przyszłości",
)
CERTIFICATE_NOT_VALID_AT_SIGNING = Message(
    "certificate_not_valid_at_signing",
    "the certificate was not valid at the claimed signing time {date}",
    "certyfikat nie był ważny w deklarowanym czasie złożenia pieczęci {date}",
)
#: also why :func:`~.sealing.seal` refuses a certificate
WRONG_KEY_USAGE = Message(
    "wrong_key_usage",
    "the certificate's key usage allows neither digitalSignature nor nonRepudiation, so it "
    "cannot seal",
    "użycie klucza w certyfikacie nie obejmuje ani digitalSignature, ani nonRepudiation, "
    "więc nie może on pieczętować",
)
INTERNAL_ERROR = Message(
    "internal_error", "the seal could not be checked", "nie udało się sprawdzić pieczęci"
)

# --- why an expired or revoked certificate leaves a seal indeterminate ----------------

REVOCATION_CLAIM_ONLY = Message(
    "revocation_claim_only",
    "the seal claims to be made on {date}, which only the sealer states (no signature "
    "time-stamp proves it)",
    "pieczęć deklaruje złożenie {date}, co podaje tylko pieczętujący (nie potwierdza tego "
    "znacznik czasu)",
)
NO_SIGNATURE_TIMESTAMP = Message(
    "no_signature_timestamp",
    "the seal carries no signature time-stamp (sigTst)",
    "pieczęć nie zawiera znacznika czasu podpisu (sigTst)",
)

# --- details of malformed_seal --------------------------------------------------------

NOT_UTF8 = Message("not_utf8", "not UTF-8 text", "to nie jest tekst UTF-8")
NO_ALG = Message(
    "no_alg",
    "the protected header names no algorithm (alg)",
    "chroniony nagłówek nie podaje algorytmu (alg)",
)
NOT_JSON = Message("not_json", "not JSON", "to nie jest JSON")
NOT_OBJECT = Message("not_object", "not a JSON object", "to nie jest obiekt JSON")
NO_SIGNATURES = Message(
    "no_signatures", "signatures is not a non-empty list", "`signatures` nie jest niepustą tablicą"
)
SIGNATURE_NOT_OBJECT = Message(
    "signature_not_object", "a signature is not a JSON object", "podpis nie jest obiektem JSON"
)
NO_PAYLOAD = Message(
    "no_payload",
    "no payload (detached payloads are not supported)",
    "brak treści (pieczęcie z odłączoną treścią nie są obsługiwane)",
)
NO_SIGNATURE = Message(
    "no_signature",
    "no protected header or no signature",
    "brak chronionego nagłówka albo podpisu",
)
BAD_SEGMENT = Message(
    "bad_segment",
    "the protected header or the signature is not base64url of a sensible size",
    "chroniony nagłówek albo podpis nie jest base64url rozsądnej długości",
)
BAD_HEADER = Message(
    "bad_header",
    "the protected header is not base64url JSON without duplicate names",
    "chroniony nagłówek nie jest JSON-em w base64url bez powtórzonych nazw",
)
BAD_UNPROTECTED = Message(
    "bad_unprotected",
    "the unprotected header is not a JSON object",
    "niechroniony nagłówek nie jest obiektem JSON",
)
#: ``names``: the parameters found outside the protected header
UNPROTECTED_CLASH = Message(
    "unprotected_clash",
    "{names} outside the protected header",
    "{names} poza chronionym nagłówkiem",
)
BAD_CRIT = Message(
    "bad_crit",
    "crit is not a list of header parameters present",
    "crit nie jest tablicą nazw parametrów obecnych w nagłówku",
)
BAD_B64 = Message(
    "bad_b64",
    "b64 is false but not listed in crit (RFC 7797 §6)",
    "b64 ma wartość `false`, ale nie ma go w crit (RFC 7797 §6)",
)
BAD_TIME = Message(
    "bad_time",
    "the signing time (sigT) is not an RFC 3339 date-time",
    "czas złożenia (sigT) nie jest datą RFC 3339",
)
#: ``error``: what joserfc refused (its message in English, its error code in Polish)
BAD_JWS = Message(
    "bad_jws", "the JWS is not well formed ({error_en})", "JWS jest niepoprawny ({error_pl})"
)

# --- details of unsupported_seal ------------------------------------------------------

SEVERAL_SIGNATURES = Message(
    "several_signatures", "more than one signature", "więcej niż jeden podpis"
)
DETACHED = Message("detached", "a detached signature (sigD)", "podpis odłączony (sigD)")
#: ``names``: the critical parameters not understood
UNKNOWN_CRIT = Message(
    "unknown_crit", "critical header parameters {names}", "krytyczne parametry nagłówka {names}"
)

# --- warnings (SealWarning.code) ------------------------------------------------------

#: the warning every verification carries: no EU trust list was consulted
TRUST_LIST_NOT_CHECKED = Message(
    "trust_list_not_checked",
    "not a qualified e-seal check: the EU trust list was not checked offline, so whether a "
    "qualified trust service provider issued the certificate is unknown",
    "to nie jest weryfikacja kwalifikowanej pieczęci: unijna lista zaufanych dostawców nie "
    "została sprawdzona offline, więc nie wiadomo, czy certyfikat wydał kwalifikowany "
    "dostawca usług zaufania",
)
REVOCATION_NOT_CHECKED = Message(
    "revocation_not_checked",
    "whether the certificate was revoked (CRL/OCSP) was not checked",
    "nie sprawdzono, czy certyfikat unieważniono (CRL/OCSP)",
)
SELF_SIGNED = Message(
    "self_signed",
    "the certificate is self-signed: a test certificate, not an eIDAS e-seal",
    "certyfikat jest samopodpisany: to certyfikat testowy, nie pieczęć eIDAS",
)
#: an expired certificate, accepted on the time-stamp of ``when`` by ``authority``
VALIDATED_AT_TIMESTAMP = Message(
    "validated_at_timestamp",
    "the e-seal certificate has expired ({expired}; time-stamp of {when} by {authority}); "
    "the seal is accepted because its signature time-stamp proves it was made while the "
    "certificate was valid. Not checked: whether that time-stamp authority is trusted (no "
    "trust list offline) and whether the certificate was revoked at that time",
    "certyfikat pieczęci wygasł ({expired}; znacznik czasu z {when} wystawiony przez "
    "{authority}); pieczęć jest uznana, bo jej znacznik czasu dowodzi, że złożono ją w "
    "okresie ważności certyfikatu. Nie sprawdzono: czy urząd znacznika czasu jest zaufany "
    "(brak listy zaufanych dostawców offline) ani czy certyfikat był wtedy unieważniony",
)
REVOCATION_AT_CLAIMED_TIME = Message(
    "revocation_at_claimed_time",
    "the revocation data the seal carries shows the certificate not revoked at the signing "
    "time the seal claims ({date}); no time-stamp confirms that time",
    "dołączone dane o unieważnieniu pokazują, że certyfikat nie był unieważniony w "
    "deklarowanym czasie złożenia pieczęci ({date}); żaden znacznik czasu tego nie "
    "potwierdza",
)
REVOKED_AFTER_SEALING = Message(
    "revoked_after_sealing",
    "the e-seal certificate was revoked on {date}, after its time-stamp proves the seal was "
    "made: the seal stays valid",
    "certyfikat pieczęci unieważniono {date}, już po złożeniu pieczęci potwierdzonym "
    "znacznikiem czasu: pieczęć pozostaje ważna",
)
#: ``names``: the time-stamps other than sigTst (adoTst, arcTst...)
TIMESTAMPS_NOT_CHECKED = Message(
    "timestamps_not_checked",
    "the seal carries time-stamps ({names}) that were not checked",
    "pieczęć zawiera znaczniki czasu ({names}), których nie sprawdzono",
)
NO_SIGNING_TIME = Message(
    "no_signing_time",
    "the seal states no signing time (sigT), which JAdES baseline-B requires",
    "pieczęć nie podaje czasu złożenia (sigT), którego wymaga JAdES baseline-B",
)
NO_CERTIFICATE_REFERENCE = Message(
    "no_certificate_reference",
    "the protected header does not reference the signing certificate (x5t#S256), which "
    "JAdES baseline-B requires",
    "chroniony nagłówek nie wskazuje certyfikatu (x5t#S256), czego wymaga JAdES baseline-B",
)
KID_MISMATCH = Message(
    "kid_mismatch",
    "kid does not name the certificate in x5c (issuer and serial number)",
    "kid nie wskazuje certyfikatu z x5c (wystawca i numer seryjny)",
)
CHAIN_NOT_LINKED = Message(
    "chain_not_linked",
    "the certificates in x5c do not form a chain, each issued by the next",
    "certyfikaty w x5c nie tworzą łańcucha, w którym każdy wydał następny",
)

__all__ = sorted(name for name, value in list(globals().items()) if isinstance(value, Message))


class _FailedCheckError(Exception):
    """One failed check, carried to :func:`verify_seal` (never leaves this package).

    Private control flow, not a ``MicrocredError``: ``verify_seal`` turns it into its
    report (indication, ``code``, the EN + PL ``reason``); it reports, never raises.
    ``code`` is the reason's own unless another is given (the details of
    ``malformed_seal``, the indeterminate ``certificate_revoked``)."""

    def __init__(self, reason: Reason, code: str | None = None) -> None:
        super().__init__(reason.en)
        self.reason = reason
        self.code = code or reason.code


class _IndeterminateError(_FailedCheckError):
    """The signature is valid but the seal cannot be confirmed either (ETSI EN 319 102-1
    INDETERMINATE); the reason says what proof was missing."""


def _malformed(detail: Reason, kind: Message = MALFORMED_SEAL) -> _FailedCheckError:
    """A ``malformed_seal`` (or ``unsupported_seal``) failure that names ``detail``."""
    return _FailedCheckError(kind(detail_en=detail.en, detail_pl=detail.pl))
