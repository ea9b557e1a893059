"""Every text a person reads about a seal, in EN and PL, and the failure that carries
one from a check to :func:`~microcred.credentials.jades.verify_seal`.

Codes are the ``SealResult.code`` of a failure, the details of ``malformed_seal`` and
``unsupported_seal``, and the ``SealWarning.code`` of a warning."""

from __future__ import annotations

__all__ = ["TRUST_LIST_NOT_CHECKED"]

from .limits import MAX_SEAL_BYTES

#: the warning every verification carries: no EU trust list was consulted
TRUST_LIST_NOT_CHECKED = "trust_list_not_checked"

# fmt: off
_TEXT: dict[str, tuple[str, str]] = {
    # failures (SealResult.code)
    "malformed_seal": ("not a JAdES e-seal (JWS JSON serialization): {en}",
                       "to nie jest pieczęć JAdES (JWS w serializacji JSON): {pl}"),
    "too_large": (f"the sealed document is larger than {MAX_SEAL_BYTES} bytes",
                  f"zapieczętowany dokument jest większy niż {MAX_SEAL_BYTES} bajtów"),
    "unsupported_seal": ("a kind of JAdES seal this verifier does not handle: {en}",
                         "rodzaj pieczęci JAdES, którego ten weryfikator nie obsługuje: {pl}"),
    "alg_none": ("an unsigned JWS (alg: none) is refused",
                 "niepodpisany JWS (alg: none) jest odrzucany"),
    "no_certificate": ("the seal carries no signer certificate (x5c)",
                       "pieczęć nie zawiera certyfikatu podmiotu pieczętującego (x5c)"),
    "malformed_certificate": ("a certificate in x5c cannot be read",
                              "nie można odczytać certyfikatu z x5c"),
    "certificate_mismatch": ("{en} does not match the certificate in x5c",
                             "{pl} nie zgadza się z certyfikatem w x5c"),
    "unsupported_key": ("the certificate's key ({en}) is neither RSA of 2048–8192 bits nor "
                        "ECDSA P-256/P-384/P-521",
                        "klucz certyfikatu ({pl}) nie jest ani kluczem RSA 2048–8192 bitów, "
                        "ani ECDSA P-256/P-384/P-521"),
    "alg_mismatch": ("alg {en} does not fit the certificate's key",
                     "alg {pl} nie pasuje do klucza z certyfikatu"),
    "invalid_signature": ("the seal does not match the sealed content: the payload or the "
                          "protected header was changed, or another key made the signature",
                          "pieczęć nie pasuje do zapieczętowanej treści: zmieniono dane lub "
                          "chroniony nagłówek albo pieczęć złożono innym kluczem"),
    "payload_not_json": ("the sealed payload is not a JSON object",
                         "zapieczętowana treść nie jest obiektem JSON"),
    "certificate_expired": ("the e-seal certificate expired on {en}",
                            "certyfikat pieczęci wygasł {pl}"),
    "certificate_expired_no_proof": (
        "the e-seal certificate expired on {en} and nothing proves the seal was made "
        "before then",
        "certyfikat pieczęci wygasł {pl} i nic nie dowodzi, że pieczęć złożono wcześniej"),
    "certificate_revoked": ("the e-seal certificate was revoked on {en}, before the seal "
                            "was made", "certyfikat pieczęci unieważniono {pl}, zanim złożono "
                            "pieczęć"),
    "certificate_revoked_no_proof": (
        "the e-seal certificate was revoked on {en} and nothing proves the seal was made "
        "before then", "certyfikat pieczęci unieważniono {pl} i nic nie dowodzi, że pieczęć "
        "złożono wcześniej"),
    "revocation_claim_only": ("the seal claims to be made on {en}, which only the sealer "
                              "states (no signature time-stamp proves it)",
                              "pieczęć deklaruje złożenie {pl}, co podaje tylko pieczętujący "
                              "(nie potwierdza tego znacznik czasu)"),
    "no_signature_timestamp": ("the seal carries no signature time-stamp (sigTst)",
                               "pieczęć nie zawiera znacznika czasu podpisu (sigTst)"),
    "certificate_not_yet_valid": ("the e-seal certificate is valid only from {en}",
                                  "certyfikat pieczęci jest ważny dopiero od {pl}"),
    "signing_time_in_future": ("the claimed signing time {en} is in the future",
                               "deklarowany czas złożenia pieczęci {pl} jest w przyszłości"),
    "certificate_not_valid_at_signing": (
        "the certificate was not valid at the claimed signing time {en}",
        "certyfikat nie był ważny w deklarowanym czasie złożenia pieczęci {pl}"),
    "wrong_key_usage": ("the certificate's key usage allows neither digitalSignature nor "
                        "nonRepudiation, so it cannot seal",
                        "użycie klucza w certyfikacie nie obejmuje ani digitalSignature, "
                        "ani nonRepudiation, więc nie może on pieczętować"),
    "internal_error": ("the seal could not be checked", "nie udało się sprawdzić pieczęci"),
    # details of malformed_seal and unsupported_seal
    "not_utf8": ("not UTF-8 text", "to nie jest tekst UTF-8"),
    "no_alg": ("the protected header names no algorithm (alg)",
               "chroniony nagłówek nie podaje algorytmu (alg)"),
    "not_json": ("not JSON", "to nie jest JSON"),
    "not_object": ("not a JSON object", "to nie jest obiekt JSON"),
    "no_signatures": ("signatures is not a non-empty list", "signatures nie jest niepustą listą"),
    "signature_not_object": ("a signature is not a JSON object", "podpis nie jest obiektem JSON"),
    "no_payload": ("no payload (detached payloads are not supported)",
                   "brak treści (pieczęcie z odłączoną treścią nie są obsługiwane)"),
    "no_signature": ("no protected header or no signature",
                     "brak chronionego nagłówka albo podpisu"),
    "bad_segment": ("the protected header or the signature is not base64url of a sensible size",
                    "chroniony nagłówek albo podpis nie jest base64url rozsądnej długości"),
    "bad_header": ("the protected header is not base64url JSON without duplicate names",
                   "chroniony nagłówek nie jest JSON-em w base64url bez powtórzonych nazw"),
    "bad_unprotected": ("the unprotected header is not a JSON object",
                        "niechroniony nagłówek nie jest obiektem JSON"),
    "unprotected_clash": ("{en} outside the protected header",
                          "{pl} poza chronionym nagłówkiem"),
    "bad_crit": ("crit is not a list of header parameters present",
                 "crit nie jest listą obecnych parametrów nagłówka"),
    "bad_b64": ("b64 is false but not listed in crit (RFC 7797 §6)",
                "b64 jest false, ale nie ma go w crit (RFC 7797 §6)"),
    "bad_time": ("the signing time (sigT) is not an RFC 3339 date-time",
                 "czas złożenia (sigT) nie jest datą RFC 3339"),
    "bad_jws": ("the JWS is not well formed ({en})", "JWS jest niepoprawny ({pl})"),
    "several_signatures": ("more than one signature", "więcej niż jeden podpis"),
    "detached": ("a detached signature (sigD)", "podpis odłączony (sigD)"),
    "unknown_crit": ("critical header parameters {en}", "krytyczne parametry nagłówka {pl}"),
    # warnings (SealWarning.code)
    TRUST_LIST_NOT_CHECKED: (
        "not a qualified e-seal check: the EU trust list was not checked offline, so whether "
        "a qualified trust service provider issued the certificate is unknown",
        "to nie jest weryfikacja kwalifikowanej pieczęci: unijna lista zaufanych dostawców "
        "nie została sprawdzona offline, więc nie wiadomo, czy certyfikat wydał "
        "kwalifikowany dostawca usług zaufania"),
    "revocation_not_checked": ("whether the certificate was revoked (CRL/OCSP) was not checked",
                               "nie sprawdzono, czy certyfikat unieważniono (CRL/OCSP)"),
    "self_signed": ("the certificate is self-signed: a test certificate, not an eIDAS e-seal",
                    "certyfikat jest samopodpisany: to certyfikat testowy, nie pieczęć eIDAS"),
    "validated_at_timestamp": (
        "the e-seal certificate has expired ({en}); the seal is accepted because its "
        "signature time-stamp proves it was made while the certificate was valid. Not "
        "checked: whether that time-stamp authority is trusted (no trust list offline) and "
        "whether the certificate was revoked at that time",
        "certyfikat pieczęci wygasł ({pl}); pieczęć jest uznana, bo jej znacznik czasu "
        "dowodzi, że złożono ją w okresie ważności certyfikatu. Nie sprawdzono: czy urząd "
        "znacznika czasu jest zaufany (brak listy zaufanych dostawców offline) ani czy "
        "certyfikat był wtedy unieważniony"),
    "revocation_at_claimed_time": (
        "the revocation data the seal carries shows the certificate not revoked at the "
        "signing time the seal claims ({en}); no time-stamp confirms that time",
        "dołączone dane o unieważnieniu pokazują, że certyfikat nie był unieważniony w "
        "deklarowanym czasie złożenia pieczęci ({pl}); żaden znacznik czasu tego nie "
        "potwierdza"),
    "revoked_after_sealing": (
        "the e-seal certificate was revoked on {en}, after its time-stamp proves the seal "
        "was made: the seal stays valid",
        "certyfikat pieczęci unieważniono {pl}, już po złożeniu pieczęci potwierdzonym "
        "znacznikiem czasu: pieczęć pozostaje ważna"),
    "timestamps_not_checked": ("the seal carries time-stamps ({en}) that were not checked",
                               "pieczęć zawiera znaczniki czasu ({pl}), których nie sprawdzono"),
    "no_signing_time": ("the seal states no signing time (sigT), which JAdES baseline-B requires",
                        "pieczęć nie podaje czasu złożenia (sigT), którego wymaga JAdES "
                        "baseline-B"),
    "no_certificate_reference": ("the protected header does not reference the signing "
                                 "certificate (x5t#S256), which JAdES baseline-B requires",
                                 "chroniony nagłówek nie wskazuje certyfikatu (x5t#S256), czego "
                                 "wymaga JAdES baseline-B"),
    "kid_mismatch": ("kid does not name the certificate in x5c (issuer and serial number)",
                     "kid nie wskazuje certyfikatu z x5c (wystawca i numer seryjny)"),
    "chain_not_linked": ("the certificates in x5c do not form a chain, each issued by the next",
                         "certyfikaty w x5c nie tworzą łańcucha, w którym każdy wydał następny"),
}
# fmt: on


def _texts(code: str, en: str = "", pl: str = "") -> tuple[str, str]:
    text_en, text_pl = _TEXT[code]
    return text_en.format(en=en), text_pl.format(pl=pl or en)


class _FailedCheckError(Exception):
    """One failed check, carried to :func:`verify_seal` (never leaves this package).

    Private control flow, not a ``MicrocredError``: ``verify_seal`` turns it into its
    report (indication, code, EN + PL reason); it reports, never raises."""

    def __init__(self, code: str, en: str = "", pl: str = "") -> None:
        super().__init__(code)
        self.code = code
        self.reason, self.reason_pl = _texts(code, en, pl)


class _IndeterminateError(_FailedCheckError):
    """The signature is valid but the seal cannot be confirmed either (ETSI EN 319 102-1
    INDETERMINATE); ``why`` says what proof was missing."""

    def __init__(self, code: str, en: str, why_en: str, why_pl: str) -> None:
        super().__init__(code, en)
        head_en, head_pl = _texts(f"{code}_no_proof", en)
        self.reason, self.reason_pl = f"{head_en}: {why_en}", f"{head_pl}: {why_pl}"


def _malformed(detail: str, code: str = "malformed_seal", en: str = "") -> _FailedCheckError:
    """A failure whose reason names one of the details in ``_TEXT``."""
    return _FailedCheckError(code, *_texts(detail, en))
