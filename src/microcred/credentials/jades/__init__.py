"""JAdES e-seals on European Digital Credentials, the way Europass applies them.

A sealed EDC is a JWS in the general JSON serialization (RFC 7515 §7.2.1) whose payload
is the credential itself, unencoded (RFC 7797, ``b64: false``), with one signature made by
the provider's e-seal key. Its protected header is a JAdES baseline-B header (ETSI TS
119 182-1: clause 5.1 for the RFC 7515 parameters, 5.2 for the JAdES ones such as
``sigT``, 5.3 for ``etsiU``, 6 for the baseline levels; clause numbers as the EU's DSS
library cites them) carrying the signer's certificate chain in ``x5c``::

    {"payload": "{\\"id\\":\\"urn:credential:...\\",\\"type\\":[...], ...}",
     "signatures": [{
       "protected": base64url({
           "alg": "ES256", "cty": "octet-stream",
           "kid": base64(DER IssuerSerial of the certificate),
           "x5t#S256": base64url(SHA-256 of the certificate),
           "x5c": [base64(DER certificate), ...],
           "typ": "jose+json", "b64": false,
           "sigT": "2026-01-01T12:00:00Z", "crit": ["b64", "sigT"]}),
       "signature": base64url(sign(protected + "." + payload))}]}

The EU's own samples are sealed by Europass (RS256, baseline-LTA): they add a content
timestamp (``adoTst``) to the protected header and an ``etsiU`` unprotected header with a
signature timestamp, validation data and an archive timestamp. :func:`seal` makes the
baseline-B part, which needs no network; :func:`verify_seal` reads both.

Signing and signature checks are joserfc's (RFC 7515 JSON serialization with RFC 7797);
this module adds the JAdES header parameters, the trust policy (the algorithm is pinned
from the certificate's key, ``alg: none`` refused, ``x5t#S256`` bound to ``x5c[0]``) and
the certificate checks. No trust list and no revocation service is consulted, so a valid
seal is always reported with the ``trust_list_not_checked`` warning: it says the content
is intact and was sealed with this certificate's key, not that the certificate is a
qualified eIDAS e-seal certificate::

    credentials = load_seal_credentials("e-seal.p12", password)  # or a PEM file
    sealed = seal(edc, key=credentials.key, certificates=credentials.certificates)
    result = verify_seal(sealed)  # result.verified, result.code, result.reason(_pl),
                                  # result.document, result.organisation, result.warnings
"""

from __future__ import annotations

__all__ = [
    "MAX_SEAL_BYTES",
    "TRUST_LIST_NOT_CHECKED",
    "SealCredentials",
    "SealError",
    "SealResult",
    "SealWarning",
    "load_seal_credentials",
    "seal",
    "self_signed_seal_certificate",
    "verify_seal",
]

import base64
import datetime as dt
import hashlib
import itertools
import json
import os
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, cast

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from joserfc import jws
from joserfc.errors import BadSignatureError, JoseError
from joserfc.jwk import ECKey, RSAKey
from joserfc.registry import HeaderParameter, HeaderRegistryDict

from .errors import CredentialError

#: the largest sealed document (serialized) that is read
MAX_SEAL_BYTES = 8 * 1024 * 1024
#: the warning every verification carries: no EU trust list was consulted
TRUST_LIST_NOT_CHECKED = "trust_list_not_checked"

_MAX_HEADER_BYTES = 512 * 1024  # the EU samples' protected header is ~8 KiB (adoTst)
_MAX_CERTIFICATES = 10
_MAX_CERTIFICATE_BYTES = 64 * 1024
_MAX_CREDENTIAL_FILE_BYTES = 1024 * 1024
_CLOCK_SKEW = dt.timedelta(minutes=5)
_TEST_MARK = "(TEST – not qualified)"
#: what cryptography raises on certificate parts it parses lazily (names, keys, extensions)
_CERTIFICATE_ERRORS = (ValueError, TypeError, UnsupportedAlgorithm, InvalidSignature,
                       x509.InvalidVersion, x509.DuplicateExtension,
                       x509.UnsupportedGeneralNameType)  # fmt: skip

SealPrivateKey = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey
_RSA_ALGORITHMS = ("RS256", "PS256", "RS384", "PS384", "RS512", "PS512")
_EC_ALGORITHMS = {"secp256r1": "ES256", "secp384r1": "ES384", "secp521r1": "ES512"}
_DIGESTS = {"S256": hashlib.sha256, "S384": hashlib.sha384, "S512": hashlib.sha512}
#: header parameters a ``crit`` list may name: checked, or informative claims (a
#: signature policy, sigPId, is neither: a seal that makes it critical is refused)
_UNDERSTOOD = frozenset("b64 sigT iat adoTst x5t#o sigX5ts srCms sigPl srAts".split())
#: parameters that bind the signature; never accepted from the unprotected header
_PROTECTED_ONLY = frozenset(
    "alg crit b64 x5c x5t#S256 x5t#o sigX5ts kid sigT iat jwk jku x5u sigD".split()
)
_RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$")
_B64URL = re.compile(r"^[A-Za-z0-9_-]*$")
_PRIVATE_KEY_PEM = re.compile(
    rb"-----BEGIN ((?:ENCRYPTED |RSA |EC )?PRIVATE KEY)-----.+?-----END \1-----", re.DOTALL
)


class SealError(CredentialError):
    """An e-seal that cannot be made, or seal credentials that cannot be used.

    Raised by the builders (:func:`seal`, :func:`load_seal_credentials`,
    :func:`self_signed_seal_certificate`) on misuse; :func:`verify_seal` never raises it
    for anything in the sealed document.
    """

    code = "seal_error"
    description = "the e-seal could not be made"

    def __init__(self, message: str | None = None, *, code: str | None = None) -> None:
        super().__init__(message)
        if code:
            self.code = code


class SealCredentials(NamedTuple):
    """An e-seal key and its certificate chain, the signer's certificate first."""

    key: SealPrivateKey
    certificates: list[x509.Certificate]


@dataclass(frozen=True)
class SealWarning:
    """Something a person should know about a seal that does not make it invalid."""

    code: str
    reason: str
    reason_pl: str


@dataclass(frozen=True)
class SealResult:
    """The outcome of :func:`verify_seal`.

    ``document`` is the sealed payload whenever it parses as a JSON object, even when
    ``verified`` is false (so that a report can say what was presented); trust it only
    when ``verified`` is true. The signer fields come from ``x5c[0]`` whenever it parses.
    """

    verified: bool
    code: str
    reason: str
    reason_pl: str
    document: dict[str, Any] | None = None
    subject: str | None = None
    organisation: str | None = None
    organisation_identifier: str | None = None
    country: str | None = None
    signing_time: dt.datetime | None = None
    algorithm: str | None = None
    not_before: dt.datetime | None = None
    not_after: dt.datetime | None = None
    warnings: list[SealWarning] = field(default_factory=list)

    def text(self, lang: str = "en") -> str:
        """The reason in ``pl`` or ``en``."""
        return self.reason_pl if lang == "pl" else self.reason


# --- the JWS machinery (joserfc, with the JAdES header parameters registered) ----------


def _is_object(value: Any) -> None:
    if not isinstance(value, dict):
        raise ValueError("must be a JSON object")


def _is_list(value: Any) -> None:
    if not isinstance(value, list):
        raise ValueError("must be a JSON array")


def _is_int(value: Any) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError("must be an integer")


#: ETSI TS 119 182-1 clause 5.2 (signed) and 5.3 (``etsiU``, unsigned) header parameters
_JADES_HEADERS: HeaderRegistryDict = {
    "sigT": HeaderParameter("Claimed signing time", "str"),
    "iat": HeaderParameter("Claimed signing time (V1.2.1)", _is_int),
    "x5t#o": HeaderParameter("Other X.509 certificate digest", _is_object),
    "sigX5ts": HeaderParameter("X.509 certificates digests", _is_list),
    "srCms": HeaderParameter("Signer commitments", _is_list),
    "sigPl": HeaderParameter("Signature production place", _is_object),
    "srAts": HeaderParameter("Signer attributes", _is_object),
    "adoTst": HeaderParameter("All data objects time-stamp", _is_object),
    "sigPId": HeaderParameter("Signature policy identifier", _is_object),
    "sigD": HeaderParameter("Signed data (detached)", _is_object),
    "etsiU": HeaderParameter("Unsigned JAdES properties", _is_list),
}


class _JadesRegistry(jws.JWSRegistry):
    # joserfc's defaults (a 512-byte header, a 128 kB payload) are made for tokens; an
    # x5c chain alone exceeds the first, an EDC with its display images the second.
    max_header_length = _MAX_HEADER_BYTES
    max_payload_length = MAX_SEAL_BYTES
    max_signature_length = 2048


def _registry(alg: str) -> _JadesRegistry:
    return _JadesRegistry(
        header_registry=_JADES_HEADERS, algorithms=[alg], strict_check_header=False
    )


def _joserfc_key(key: Any) -> ECKey | RSAKey:
    if isinstance(key, ec.EllipticCurvePrivateKey | ec.EllipticCurvePublicKey):
        return ECKey.import_key(key)
    return RSAKey.import_key(key)


# --- certificates ---------------------------------------------------------------------


def _algorithms_for(public_key: Any) -> tuple[str, ...]:
    """The JWS algorithms a certificate's key may sign with (RFC 7518 §3.1)."""
    if isinstance(public_key, rsa.RSAPublicKey) and 2048 <= public_key.key_size <= 8192:
        return _RSA_ALGORITHMS
    if (
        isinstance(public_key, ec.EllipticCurvePublicKey)
        and public_key.curve.name in _EC_ALGORITHMS
    ):
        return (_EC_ALGORITHMS[public_key.curve.name],)
    return ()


def _key_kind(public_key: Any) -> str:
    if isinstance(public_key, rsa.RSAPublicKey):
        return f"RSA-{public_key.key_size}"
    if isinstance(public_key, ec.EllipticCurvePublicKey):
        return f"EC {public_key.curve.name}"
    return type(public_key).__name__


def _der(tag: int, content: bytes) -> bytes:
    size = len(content)
    if size < 0x80:
        return bytes([tag, size]) + content
    length = size.to_bytes((size.bit_length() + 7) // 8, "big")
    return bytes([tag, 0x80 | len(length)]) + length + content


def _issuer_serial_kid(certificate: x509.Certificate) -> str:
    """``kid`` as Europass writes it: base64 DER ``IssuerSerial`` (RFC 5035 §4)."""
    serial = certificate.serial_number
    width = (serial.bit_length() if serial >= 0 else (~serial).bit_length()) // 8 + 1
    issuer = _der(0x30, _der(0xA4, certificate.issuer.public_bytes()))  # GeneralNames
    integer = _der(0x02, serial.to_bytes(width, "big", signed=True))
    return base64.b64encode(_der(0x30, issuer + integer)).decode("ascii")


def _thumbprint(certificate: x509.Certificate) -> str:
    digest = hashlib.sha256(certificate.public_bytes(serialization.Encoding.DER)).digest()
    return _b64url(digest)


def _key_usage_ok(certificate: x509.Certificate) -> bool:
    try:
        usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return False
    return bool(usage.digital_signature or usage.content_commitment)


def _attribute(name: x509.Name, oid: x509.ObjectIdentifier) -> str | None:
    values = name.get_attributes_for_oid(oid)
    if not values:
        return None
    value = values[0].value
    return value if isinstance(value, str) else value.decode("utf-8", "replace")


def _is_self_signed(certificate: x509.Certificate) -> bool:
    try:
        if certificate.issuer != certificate.subject:
            return False
        certificate.verify_directly_issued_by(certificate)
    except _CERTIFICATE_ERRORS:
        return False
    return True


def _chain_links(chain: list[x509.Certificate]) -> bool:
    for child, parent in itertools.pairwise(chain):
        try:
            child.verify_directly_issued_by(parent)
        except _CERTIFICATE_ERRORS:
            return False
    return True


def _spki(public_key: Any) -> bytes:
    return cast(
        bytes,
        public_key.public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        ),
    )


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# --- sealing --------------------------------------------------------------------------


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def seal(
    document: dict[str, Any],
    *,
    key: SealPrivateKey,
    certificates: list[x509.Certificate],
    signing_time: dt.datetime | None = None,
) -> dict[str, Any]:
    """``document`` sealed as a JAdES baseline-B signature, JWS JSON serialization.

    ``certificates`` is the e-seal certificate first, then any intermediates (all go in
    ``x5c``, ETSI TS 119 182-1 clause 5.1.8). The protected header follows the EU's
    sealed samples parameter for parameter: ``alg`` (ES256/ES384/ES512 for EC keys, RS256
    for RSA; clause 5.1.2), ``cty`` (clause 5.1.3, ``octet-stream`` as Europass writes
    it), ``kid`` (the certificate's issuer and serial number, clause 5.1.4),
    ``x5t#S256`` (clause 5.1.7), ``x5c``, ``typ: jose+json``, ``b64: false`` (RFC 7797),
    ``sigT`` (the claimed signing time, clause 5.2.1, whole seconds UTC) and ``crit``
    (clause 5.1.9). Time-stamps (baseline-T and above) need a time-stamping authority and
    are not added.

    Raises :class:`SealError` when the key does not belong to the first certificate, the
    key type is not supported, the certificate is not valid at ``signing_time`` or does
    not allow signing (key usage), or the document is not JSON.
    """
    if not isinstance(document, dict):
        raise SealError("only a JSON object (a credential) can be sealed", code="not_json")
    if not certificates:
        raise SealError("the e-seal certificate is missing", code="no_certificate")
    leaf = certificates[0]
    public_key = leaf.public_key()
    algorithms = _algorithms_for(public_key)
    if not algorithms or not isinstance(key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
        raise SealError(
            f"unsupported e-seal key ({_key_kind(public_key)}); use RSA of at "
            "least 2048 bits or ECDSA P-256/P-384/P-521",
            code="unsupported_key",
        )
    if _spki(key.public_key()) != _spki(public_key):
        raise SealError("the key does not belong to the first certificate", code="key_mismatch")
    when = signing_time or dt.datetime.now(dt.UTC)
    if when.tzinfo is None:
        raise SealError("signing_time must carry a time zone", code="naive_datetime")
    when = when.astimezone(dt.UTC).replace(microsecond=0)
    if not leaf.not_valid_before_utc <= when <= leaf.not_valid_after_utc:
        raise SealError(
            f"the e-seal certificate is not valid at {_utc(when)} (valid "
            f"{_utc(leaf.not_valid_before_utc)} – {_utc(leaf.not_valid_after_utc)})",
            code="certificate_not_valid",
        )
    if not _key_usage_ok(leaf):
        raise SealError(
            "the certificate's key usage allows neither digitalSignature nor nonRepudiation",
            code="wrong_key_usage",
        )
    try:
        payload = json.dumps(
            document, ensure_ascii=False, separators=(",", ":"), allow_nan=False
        ).encode("utf-8")
    except (TypeError, ValueError) as exc:
        raise SealError(f"the document is not JSON: {exc}", code="not_json") from exc
    if len(payload) > MAX_SEAL_BYTES:
        raise SealError(f"the document is larger than {MAX_SEAL_BYTES} bytes", code="too_large")
    alg = algorithms[0]
    header: dict[str, Any] = {
        "alg": alg,
        "cty": "octet-stream",
        "kid": _issuer_serial_kid(leaf),
        "x5t#S256": _thumbprint(leaf),
        "x5c": [
            base64.b64encode(c.public_bytes(serialization.Encoding.DER)).decode("ascii")
            for c in certificates
        ],
        "typ": "jose+json",
        "b64": False,
        "sigT": _utc(when),
        "crit": ["b64", "sigT"],
    }
    sealed = jws.serialize_json(
        [{"protected": header}],
        payload,
        _joserfc_key(key),
        algorithms=[alg],
        registry=_registry(alg),
    )
    return dict(sealed)


# --- verification ---------------------------------------------------------------------

# Every text a person reads, EN and PL: failures, details of malformed seals, warnings.
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


def _warning(code: str, en: str = "") -> SealWarning:
    return SealWarning(code, *_texts(code, en))


class _FailedCheckError(Exception):
    """One failed check, carried to :func:`verify_seal` (never leaves this module)."""

    def __init__(self, code: str, en: str = "", pl: str = "") -> None:
        super().__init__(code)
        self.code = code
        self.reason, self.reason_pl = _texts(code, en, pl)


def _malformed(detail: str, code: str = "malformed_seal", en: str = "") -> _FailedCheckError:
    """A failure whose reason names one of the details in ``_TEXT``."""
    return _FailedCheckError(code, *_texts(detail, en))


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise ValueError("duplicate member names")
    return result


def _b64url_json(segment: str) -> dict[str, Any]:
    if not _B64URL.match(segment) or len(segment) % 4 == 1:
        raise ValueError("not base64url")
    raw = base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))
    value = json.loads(raw, object_pairs_hook=_no_duplicates)
    if not isinstance(value, dict):
        raise ValueError("not a JSON object")
    return value


def _parse(sealed: Any) -> tuple[str, str, str, dict[str, Any], dict[str, Any]]:
    """(payload, protected segment, signature, protected header, unprotected header) of a
    general (RFC 7515 §7.2.1, what Europass writes) or flattened (§7.2.2) serialization."""
    if isinstance(sealed, bytes | bytearray | memoryview):
        if len(sealed) > MAX_SEAL_BYTES:
            raise _FailedCheckError("too_large")
        try:
            sealed = bytes(sealed).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _malformed("not_utf8") from exc
    if isinstance(sealed, str):
        if len(sealed) > MAX_SEAL_BYTES:
            raise _FailedCheckError("too_large")
        try:
            sealed = json.loads(sealed)
        except (ValueError, RecursionError) as exc:
            raise _malformed("not_json") from exc
    if not isinstance(sealed, dict):
        raise _malformed("not_object")
    member = sealed
    if "signatures" in sealed:
        signatures = sealed["signatures"]
        if not isinstance(signatures, list) or not signatures:
            raise _malformed("no_signatures")
        if len(signatures) > 1:
            raise _malformed("several_signatures", "unsupported_seal")
        member = signatures[0]
    if not isinstance(member, dict):
        raise _malformed("signature_not_object")
    payload, protected, signature = (
        sealed.get("payload"), member.get("protected"), member.get("signature"))  # fmt: skip
    if not isinstance(payload, str):
        raise _malformed("no_payload")
    if len(payload) > MAX_SEAL_BYTES:
        raise _FailedCheckError("too_large")
    if not isinstance(protected, str) or not isinstance(signature, str):
        raise _malformed("no_signature")
    if len(protected) > _MAX_HEADER_BYTES or len(signature) > 2048 or not _B64URL.match(signature):
        raise _malformed("bad_segment")
    try:
        header = _b64url_json(protected)
    except (ValueError, RecursionError) as exc:
        raise _malformed("bad_header") from exc
    unprotected = member.get("header", {})
    if not isinstance(unprotected, dict):
        raise _malformed("bad_unprotected")
    clash = set(unprotected) & (set(header) | _PROTECTED_ONLY)
    if clash:  # RFC 7515 §7.2.1: the two headers are disjoint
        raise _malformed("unprotected_clash", en=", ".join(sorted(clash)))
    return payload, protected, signature, header, unprotected


def _check_header(header: dict[str, Any]) -> str:
    """The ``alg``, once ``crit`` and ``b64`` are acceptable (RFC 7515 §4.1.11, RFC 7797
    §6; ETSI TS 119 182-1 clause 5.1.9)."""
    alg = header.get("alg")
    if not isinstance(alg, str) or not alg:
        raise _malformed("no_alg")
    if alg.lower() == "none":
        raise _FailedCheckError("alg_none")
    crit = header.get("crit", [])
    if (
        not isinstance(crit, list)
        or (not crit and "crit" in header)
        or not all(isinstance(name, str) and name in header for name in crit)
    ):
        raise _malformed("bad_crit")
    if "sigD" in header:
        raise _malformed("detached", "unsupported_seal")
    unknown = [name for name in crit if name not in _UNDERSTOOD]
    if unknown:
        raise _malformed("unknown_crit", "unsupported_seal", ", ".join(unknown))
    b64 = header.get("b64", True)
    if not isinstance(b64, bool) or (b64 is False and "b64" not in crit):
        raise _malformed("bad_b64")
    return alg


def _certificates(header: dict[str, Any]) -> list[x509.Certificate]:
    """``x5c``: base64 (not base64url) DER certificates, signer first (RFC 7515 §4.1.6)."""
    x5c = header.get("x5c")
    if x5c is None:
        raise _FailedCheckError("no_certificate")
    if (
        not isinstance(x5c, list)
        or not x5c
        or len(x5c) > _MAX_CERTIFICATES
        or not all(isinstance(c, str) and len(c) < _MAX_CERTIFICATE_BYTES for c in x5c)
    ):
        raise _FailedCheckError("malformed_certificate")
    try:
        return [x509.load_der_x509_certificate(base64.b64decode(c, validate=True)) for c in x5c]
    except _CERTIFICATE_ERRORS as exc:
        raise _FailedCheckError("malformed_certificate") from exc


def _check_reference(
    header: dict[str, Any], leaf: x509.Certificate, found: list[SealWarning]
) -> None:
    """``x5t#S256`` (clause 5.1.7) or ``x5t#o`` (clause 5.2.2.2) must name ``x5c[0]``."""
    der = leaf.public_bytes(serialization.Encoding.DER)
    referenced = False
    if "x5t#S256" in header:
        referenced = True
        if header["x5t#S256"] != _b64url(hashlib.sha256(der).digest()):
            raise _FailedCheckError("certificate_mismatch", "x5t#S256")
    other = header.get("x5t#o")
    if isinstance(other, dict) and other.get("digAlg") in _DIGESTS:
        referenced = True
        digest = _DIGESTS[other["digAlg"]](der).digest()
        if other.get("digVal") != _b64url(digest):
            raise _FailedCheckError("certificate_mismatch", "x5t#o")
    if not referenced and "sigX5ts" not in header:
        found.append(_warning("no_certificate_reference"))
    kid = header.get("kid")
    try:
        expected = _issuer_serial_kid(leaf)
    except _CERTIFICATE_ERRORS as exc:
        raise _FailedCheckError("malformed_certificate") from exc
    if kid is not None and kid != expected:
        found.append(_warning("kid_mismatch"))


def _signing_time(header: dict[str, Any]) -> dt.datetime | None:
    sig_t, iat = header.get("sigT"), header.get("iat")
    try:
        if sig_t is not None:
            if not isinstance(sig_t, str) or not _RFC3339.match(sig_t):
                raise ValueError(sig_t)
            return dt.datetime.fromisoformat(sig_t).astimezone(dt.UTC)
        if iat is not None:
            if not isinstance(iat, int) or isinstance(iat, bool):
                raise ValueError(iat)
            return dt.datetime.fromtimestamp(iat, dt.UTC)
    except (ValueError, OverflowError, OSError) as exc:
        raise _malformed("bad_time") from exc
    return None


def _check_signature(
    payload: str,
    protected: str,
    signature: str,
    unprotected: dict[str, Any],
    alg: str,
    leaf: x509.Certificate,
) -> Any:
    """The decoded payload, once joserfc has checked the signature with ``leaf``'s key."""
    member: dict[str, Any] = {"protected": protected, "signature": signature}
    if unprotected:
        member["header"] = unprotected
    value = cast(jws.GeneralJSONSerialization, {"payload": payload, "signatures": [member]})
    try:
        result = jws.deserialize_json(
            value, _joserfc_key(leaf.public_key()), algorithms=[alg], registry=_registry(alg)
        )
    except BadSignatureError as exc:
        raise _FailedCheckError("invalid_signature") from exc
    except (JoseError, ValueError, TypeError) as exc:  # headers joserfc refuses, bad base64
        raise _malformed("bad_jws", en=str(exc)) from exc
    try:
        document = json.loads(result.payload)
    except (ValueError, RecursionError) as exc:
        raise _FailedCheckError("payload_not_json") from exc
    return document


def _check_times(
    leaf: x509.Certificate, signed_at: dt.datetime | None, now: dt.datetime, skew: dt.timedelta
) -> None:
    """The certificate's validity at ``now`` and at the claimed signing time (RFC 5280
    §4.1.2.5); without a checked time-stamp the signing time is only a claim."""
    start, end = leaf.not_valid_before_utc, leaf.not_valid_after_utc
    if now > end:
        raise _FailedCheckError("certificate_expired", _utc(end))
    if now + skew < start:
        raise _FailedCheckError("certificate_not_yet_valid", _utc(start))
    if signed_at is not None:
        if signed_at > now + skew:
            raise _FailedCheckError("signing_time_in_future", _utc(signed_at))
        if not start <= signed_at <= end:
            raise _FailedCheckError("certificate_not_valid_at_signing", _utc(signed_at))


def verify_seal(
    sealed: Any,
    *,
    now: dt.datetime | None = None,
    clock_skew: dt.timedelta = _CLOCK_SKEW,
) -> SealResult:
    """Check a JAdES e-seal (JWS JSON serialization, general or flattened); never raises
    on anything in ``sealed`` (a dict, JSON text or bytes).

    In order: the structure (RFC 7515 §7.2, one signature, payload attached); the header
    (``alg: none`` refused, every ``crit`` parameter understood, ``b64: false`` listed in
    ``crit``; ETSI TS 119 182-1 clause 5.1.9); the signer certificate ``x5c[0]`` (clause
    5.1.8) and its reference ``x5t#S256``/``x5t#o`` (clauses 5.1.7, 5.2.2.2); the
    algorithm, pinned from the certificate's key type (RSA → RS*/PS*, P-256 → ES256 …)
    and never taken from the header alone; the signature over the protected header and
    the payload, so a changed or swapped payload fails; that the payload is a JSON
    object; the certificate's validity at ``now`` and at the claimed signing time
    (``sigT``, clause 5.2.1); its key usage (digitalSignature or nonRepudiation).

    Every result carries the ``trust_list_not_checked`` and ``revocation_not_checked``
    warnings: the EU trust list, CRLs and OCSP are not consulted offline, and the
    time-stamps of baseline-T/LT/LTA seals are reported, not checked.

    Raises :class:`SealError` only when ``now`` has no time zone (caller misuse).
    """
    if now is not None and now.tzinfo is None:
        raise SealError("now must carry a time zone", code="naive_datetime")
    moment = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    found: list[SealWarning] = [
        _warning(TRUST_LIST_NOT_CHECKED),
        _warning("revocation_not_checked"),
    ]
    facts: dict[str, Any] = {}
    try:
        with warnings.catch_warnings():  # cryptography's warnings about a stranger's
            warnings.simplefilter("ignore")  # certificate (negative serial…) are reported
            _verify(sealed, moment, clock_skew, found, facts)
    except _FailedCheckError as failure:
        return SealResult(False, failure.code, failure.reason, failure.reason_pl,
                          warnings=found, **facts)  # fmt: skip
    except Exception:  # fail closed: a bug here must become neither a traceback nor a pass
        reason, reason_pl = _texts("internal_error")
        return SealResult(False, "internal_error", reason, reason_pl, warnings=found, **facts)
    signer = facts.get("organisation") or facts["subject"]
    if facts.get("country"):
        signer += f" ({facts['country']})"
    ok_en = f"valid e-seal ({facts['algorithm']}) by {signer}: signature, certificate validity "
    ok_en += "and key usage checked"
    ok_pl = f"poprawna pieczęć ({facts['algorithm']}) podmiotu {signer}: sprawdzono podpis, "
    ok_pl += "ważność certyfikatu i użycie klucza"
    return SealResult(True, "ok", ok_en, ok_pl, warnings=found, **facts)


def _verify(
    sealed: Any,
    now: dt.datetime,
    skew: dt.timedelta,
    found: list[SealWarning],
    facts: dict[str, Any],
) -> None:
    payload, protected, signature, header, unprotected = _parse(sealed)
    alg = _check_header(header)
    facts["algorithm"] = alg
    chain = _certificates(header)
    leaf = chain[0]
    try:
        facts.update(
            subject=leaf.subject.rfc4514_string(),
            organisation=_attribute(leaf.subject, NameOID.ORGANIZATION_NAME),
            organisation_identifier=_attribute(leaf.subject, NameOID.ORGANIZATION_IDENTIFIER),
            country=_attribute(leaf.subject, NameOID.COUNTRY_NAME),
            not_before=leaf.not_valid_before_utc,
            not_after=leaf.not_valid_after_utc,
        )
    except _CERTIFICATE_ERRORS as exc:  # cryptography parses names lazily
        raise _FailedCheckError("malformed_certificate") from exc
    try:
        public_key = leaf.public_key()
    except _CERTIFICATE_ERRORS as exc:
        raise _FailedCheckError("unsupported_key", "unknown key type") from exc
    _check_reference(header, leaf, found)
    allowed = _algorithms_for(public_key)
    if not allowed:
        raise _FailedCheckError("unsupported_key", _key_kind(public_key))
    if alg not in allowed:
        raise _FailedCheckError("alg_mismatch", repr(alg))
    signed_at = _signing_time(header)
    facts["signing_time"] = signed_at
    if signed_at is None:
        found.append(_warning("no_signing_time"))
    stamps = _timestamps(header, unprotected)
    if stamps:
        found.append(_warning("timestamps_not_checked", ", ".join(stamps)))
    if _is_self_signed(leaf):
        found.append(_warning("self_signed"))
    elif not _chain_links(chain):
        found.append(_warning("chain_not_linked"))
    document = _check_signature(payload, protected, signature, unprotected, alg, leaf)
    if not isinstance(document, dict):
        raise _FailedCheckError("payload_not_json")
    facts["document"] = document
    _check_times(leaf, signed_at, now, skew)
    try:
        usage_ok = _key_usage_ok(leaf)
    except _CERTIFICATE_ERRORS as exc:
        raise _FailedCheckError("malformed_certificate") from exc
    if not usage_ok:
        raise _FailedCheckError("wrong_key_usage")


def _timestamps(header: dict[str, Any], unprotected: dict[str, Any]) -> list[str]:
    """The time-stamps a seal carries: ``adoTst`` (clause 5.2), ``sigTst``, ``arcTst``…
    inside ``etsiU`` (clause 5.3, each entry base64url JSON as Europass writes them)."""
    names = ["adoTst"] if "adoTst" in header else []
    entries = unprotected.get("etsiU")
    for entry in entries if isinstance(entries, list) else []:
        try:
            item = _b64url_json(entry) if isinstance(entry, str) else entry
        except (ValueError, RecursionError):
            continue
        if isinstance(item, dict):
            names += [name for name in item if name.endswith("Tst")]
    return list(dict.fromkeys(names))


# --- seal credentials -----------------------------------------------------------------


def _order(key: SealPrivateKey, certificates: list[x509.Certificate]) -> SealCredentials:
    if not isinstance(key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
        raise SealError(
            f"unsupported e-seal key ({type(key).__name__}); use RSA or ECDSA",
            code="unsupported_key",
        )
    mine = _spki(key.public_key())
    leaf = [c for c in certificates if _spki(c.public_key()) == mine]
    if not leaf:
        raise SealError(
            "no certificate in the file belongs to the private key", code="key_mismatch"
        )
    rest = [c for c in certificates if c is not leaf[0]]
    return SealCredentials(key, [leaf[0], *rest])


def load_seal_credentials(
    path: str | os.PathLike[str], password: str | bytes | None = None
) -> SealCredentials:
    """The e-seal key and certificate chain from a PKCS#12 file (``.p12``/``.pfx``) or a
    PEM file holding the certificate(s) and the private key (encrypted or not).

    The certificate that belongs to the key comes first, the others follow in file
    order. Raises :class:`SealError` for an unreadable file, a wrong password, a file with
    no key or no matching certificate, or an unsupported key type.
    """
    file = Path(path)
    try:
        with file.open("rb") as handle:
            data = handle.read(_MAX_CREDENTIAL_FILE_BYTES + 1)
    except OSError as exc:
        raise SealError(f"cannot read {file}: {exc.strerror}", code="unreadable") from exc
    if len(data) > _MAX_CREDENTIAL_FILE_BYTES:
        raise SealError(
            f"{file} is larger than {_MAX_CREDENTIAL_FILE_BYTES} bytes", code="too_large"
        )
    secret = password.encode("utf-8") if isinstance(password, str) else password
    if b"-----BEGIN" in data:
        return _load_pem(data, secret, file)
    try:
        key, certificate, extra = pkcs12.load_key_and_certificates(data, secret)
    except (ValueError, TypeError) as exc:
        raise SealError(
            f"{file} is not a PKCS#12 or PEM file, or the password is wrong", code="unreadable"
        ) from exc
    if key is None or certificate is None:
        raise SealError(f"{file} holds no private key and certificate", code="no_key")
    return _order(cast(SealPrivateKey, key), [certificate, *extra])


def _load_pem(data: bytes, secret: bytes | None, file: Path) -> SealCredentials:
    try:
        certificates = x509.load_pem_x509_certificates(data)
    except ValueError as exc:
        raise SealError(f"{file} holds no readable certificate", code="no_certificate") from exc
    block = _PRIVATE_KEY_PEM.search(data)
    if block is None:
        raise SealError(f"{file} holds no private key", code="no_key")
    try:
        key = serialization.load_pem_private_key(block.group(0), secret)
    except (ValueError, TypeError) as exc:
        raise SealError(
            f"the private key in {file} cannot be read (wrong or missing password?)",
            code="unreadable",
        ) from exc
    return _order(cast(SealPrivateKey, key), certificates)


def self_signed_seal_certificate(
    organisation: str,
    country: str,
    *,
    key: SealPrivateKey | None = None,
    valid_days: int = 365,
    organisation_identifier: str | None = None,
    not_before: dt.datetime | None = None,
) -> SealCredentials:
    """A self-signed e-seal certificate for demos and tests, clearly not a qualified one.

    The key is a new P-256 key unless ``key`` is given. The subject holds ``CN`` (the
    organisation followed by ``(TEST – not qualified)``), ``O``, ``C`` and, when given,
    ``organizationIdentifier`` (ETSI EN 319 412-1 §5.1.4, e.g. ``VATPL-1234567890``); key
    usage is digitalSignature + nonRepudiation (critical), basic constraints CA false. No
    QCStatements: a verifier can never take it for a qualified certificate.
    """
    if not organisation.strip():
        raise SealError("the organisation name is empty", code="invalid_subject")
    if not re.fullmatch(r"[A-Z]{2}", country):
        raise SealError(
            f"country must be two capital letters (ISO 3166-1), not {country!r}",
            code="invalid_subject",
        )
    if valid_days < 1:
        raise SealError("valid_days must be at least 1", code="invalid_validity")
    start = (not_before or dt.datetime.now(dt.UTC) - _CLOCK_SKEW).replace(microsecond=0)
    if start.tzinfo is None:
        raise SealError("not_before must carry a time zone", code="naive_datetime")
    private = key or ec.generate_private_key(ec.SECP256R1())
    if not isinstance(private, SealPrivateKey) or not _algorithms_for(private.public_key()):
        raise SealError(
            f"unsupported e-seal key ({type(private).__name__}); use RSA of at least 2048 bits "
            "or ECDSA P-256/P-384/P-521",
            code="unsupported_key",
        )
    short = organisation.strip()  # CN: ub-common-name (RFC 5280 App. A), as UTF-8 bytes
    while len(f"{short} {_TEST_MARK}".encode()) > 64:
        short = short[:-2].rstrip() + "…"
    attributes = [
        x509.NameAttribute(NameOID.COMMON_NAME, f"{short} {_TEST_MARK}"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation[:64]),
    ]
    if organisation_identifier:
        attributes.append(
            x509.NameAttribute(NameOID.ORGANIZATION_IDENTIFIER, organisation_identifier)
        )
    attributes.append(x509.NameAttribute(NameOID.COUNTRY_NAME, country))
    name = x509.Name(attributes)
    usage = x509.KeyUsage(
        digital_signature=True,
        content_commitment=True,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(private.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + dt.timedelta(days=valid_days))
        .add_extension(usage, critical=True)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(private.public_key()), critical=False
        )
        .sign(private, hashes.SHA256())
    )
    return _order(private, [certificate])
