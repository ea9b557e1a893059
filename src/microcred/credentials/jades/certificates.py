"""E-seal keys and certificates: the algorithms a key may sign with, the certificate
references JAdES puts in the header, the checks on a signer certificate, loading a key
and its chain (PKCS#12 or PEM), writing them as PKCS#12, and a self-signed test
certificate whose subject is an awarding body's (:func:`seal_subject`).

A verifier accepts a seal as the issuer's only when the certificate's ``O`` is exactly
one of the issuer's legal names (``verify``'s ``issuer`` check), so the subject is taken
from the design, never typed again::

    subject = seal_subject(spec.awarding_bodies[0])
    # SealSubject(organisation='Politechnika Wrocławska', country='PL',
    #             organisation_identifier='VATPL-8960005851')
    credentials = self_signed_seal_certificate(
        subject.organisation, subject.country,
        organisation_identifier=subject.organisation_identifier)
    Path("seal.p12").write_bytes(dump_seal_credentials(credentials, "password"))

A key file or a subject that cannot be used is refused with a
:class:`~microcred.credentials.errors.SealError` whose reason is one of the message
constants below, in English and Polish (``error.text("pl")``).
"""

from __future__ import annotations

__all__ = [
    "COUNTRY_INVALID",
    "FILE_TOO_LARGE",
    "FILE_UNREADABLE",
    "KEY_MISMATCH",
    "NOT_PKCS12_OR_PEM",
    "NO_CERTIFICATE",
    "NO_KEY",
    "NO_KEY_AND_CERTIFICATE",
    "NO_NAME_IN_LANGUAGE",
    "ORGANISATION_EMPTY",
    "ORGANISATION_IDENTIFIER_INVALID",
    "ORGANISATION_TOO_LONG",
    "PRIVATE_KEY_UNREADABLE",
    "UNSUPPORTED_KEY",
    "VALIDITY_TOO_SHORT",
    "SealCredentials",
    "SealPrivateKey",
    "SealSubject",
    "ca_seal_certificate",
    "dump_seal_credentials",
    "load_seal_credentials",
    "organisation_identifier",
    "seal_subject",
    "self_signed_seal_certificate",
    "self_signed_test_ca",
]

import base64
import datetime as dt
import hashlib
import itertools
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from ...standard.messages import Message
from ..errors import SealError
from ._header import _b64url
from .limits import _CLOCK_SKEW, _MAX_CREDENTIAL_FILE_BYTES

if TYPE_CHECKING:
    from ...standard.elements import AwardingBody

# --- why seal credentials cannot be used (SealError, each code a SealError.code) -------
# Several texts share one error code (unreadable, no_key, invalid_subject): their own code
# is finer, and they are raised with the error's.

#: a key type no seal can be made with (``kind``: RSA-1024, Ed25519PrivateKey...)
UNSUPPORTED_KEY = Message(
    "unsupported_key",
    "unsupported e-seal key ({kind}); use RSA of at least 2048 bits or ECDSA P-256/P-384/P-521",
    "nieobsługiwany klucz pieczęci ({kind}); użyj klucza RSA o długości co najmniej 2048 "
    "bitów albo ECDSA P-256/P-384/P-521",
)
KEY_MISMATCH = Message(
    "key_mismatch",
    "no certificate in the file belongs to the private key",
    "żaden certyfikat w pliku nie należy do klucza prywatnego",
)
#: a credential file the system cannot read (``error``: why, as the system says it)
FILE_UNREADABLE = Message(
    "unreadable",
    "cannot read {file}: {error_en}",
    "nie można odczytać pliku {file}: {error_pl}",
)
#: error code ``unreadable``
NOT_PKCS12_OR_PEM = Message(
    "not_pkcs12_or_pem",
    "{file} is not a PKCS#12 or PEM file, or the password is wrong",
    "plik {file} nie jest plikiem PKCS#12 ani PEM albo hasło jest błędne",
)
#: error code ``unreadable``
PRIVATE_KEY_UNREADABLE = Message(
    "private_key_unreadable",
    "the private key in {file} cannot be read (wrong or missing password?)",
    "nie można odczytać klucza prywatnego z pliku {file} (błędne albo brakujące hasło?)",
)
FILE_TOO_LARGE = Message(
    "too_large",
    "{file} is larger than {limit} bytes",
    "plik {file} jest większy niż {limit} bajtów",
)
#: a PEM file without a private key
NO_KEY = Message(
    "no_key", "{file} holds no private key", "plik {file} nie zawiera klucza prywatnego"
)
#: a PKCS#12 file without a key or a certificate; error code ``no_key``
NO_KEY_AND_CERTIFICATE = Message(
    "no_key_and_certificate",
    "{file} holds no private key and certificate",
    "plik {file} nie zawiera klucza prywatnego i certyfikatu",
)
NO_CERTIFICATE = Message(
    "no_certificate",
    "{file} holds no readable certificate",
    "plik {file} nie zawiera certyfikatu, który można odczytać",
)
# the subject of a self-signed certificate; error code ``invalid_subject``
ORGANISATION_EMPTY = Message(
    "organisation_empty", "the organisation name is empty", "nazwa organizacji jest pusta"
)
ORGANISATION_TOO_LONG = Message(
    "organisation_too_long",
    "the organisation name has {length} characters; a certificate's O= holds at most "
    "{limit} (RFC 5280 ub-organization-name), and a shortened name would not match the "
    "issuer's legal name",
    "nazwa organizacji ma {length} znaków; pole O= certyfikatu mieści najwyżej {limit} "
    "(RFC 5280, `ub-organization-name`), a skrócona nazwa nie zgadzałaby się z nazwą prawną "
    "wystawcy",
)
ORGANISATION_IDENTIFIER_INVALID = Message(
    "organisation_identifier_invalid",
    "organizationIdentifier {identifier!r} is not in the ETSI EN 319 412-1 form: type, "
    "country, '-', identifier (e.g. VATPL-8960005851)",
    "organizationIdentifier {identifier!r} nie ma postaci z ETSI EN 319 412-1: typ, kraj, "
    "'-', identyfikator (np. VATPL-8960005851)",
)
COUNTRY_INVALID = Message(
    "country_invalid",
    "country must be two capital letters (ISO 3166-1), not {country!r}",
    "kraj musi być podany dwiema wielkimi literami (ISO 3166-1), a nie {country!r}",
)
#: ``languages``: those the awarding body's name is given in
NO_NAME_IN_LANGUAGE = Message(
    "no_name_in_language",
    "the awarding body has no name in {lang!r} (it has {languages})",
    "organ przyznający nie ma nazwy w języku {lang!r} (podano ją w językach: {languages})",
)
VALIDITY_TOO_SHORT = Message(
    "invalid_validity",
    "valid_days must be at least 1",
    "okres ważności (valid_days) musi wynosić co najmniej 1 dzień",
)

#: what the system says about a file it cannot open, in Polish
_OS_ERRORS_PL: dict[type[OSError], str] = {
    FileNotFoundError: "nie ma takiego pliku",
    IsADirectoryError: "to jest katalog",
    PermissionError: "brak uprawnień",
}

_TEST_MARK = "(TEST – not qualified)"
#: what cryptography raises on certificate parts it parses lazily (names, keys, extensions)
_CERTIFICATE_ERRORS = (ValueError, TypeError, UnsupportedAlgorithm, InvalidSignature,
                       x509.InvalidVersion, x509.DuplicateExtension,
                       x509.UnsupportedGeneralNameType)  # fmt: skip

SealPrivateKey = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey
_RSA_ALGORITHMS = ("RS256", "PS256", "RS384", "PS384", "RS512", "PS512")
_EC_ALGORITHMS = {"secp256r1": "ES256", "secp384r1": "ES384", "secp521r1": "ES512"}
_PRIVATE_KEY_PEM = re.compile(
    rb"-----BEGIN ((?:ENCRYPTED |RSA |EC )?PRIVATE KEY)-----.+?-----END \1-----", re.DOTALL
)
_MAX_ORGANISATION = 64  # ub-organization-name (RFC 5280 Appendix A.1), in characters
#: the SealError code of a subject a certificate cannot have
_INVALID_SUBJECT = "invalid_subject"
#: ETSI EN 319 412-1 §5.1.4: identity type (3 letters, or 2 and ":" for a national
#: scheme), country (2 letters), optional "+" state or province, "-" and the identifier
_ORGANISATION_IDENTIFIER = re.compile(r"(?:[A-Z]{3}|[A-Z]{2}:)[A-Z]{2}(?:\+[A-Za-z0-9]{1,3})?-\S.*")


class SealCredentials(NamedTuple):
    """An e-seal key and its certificate chain, the signer's certificate first."""

    key: SealPrivateKey
    certificates: list[x509.Certificate]

    @property
    def organisation(self) -> str | None:
        """The organisation name (O) in the signer's certificate's subject, if any."""
        return _attribute(self.certificates[0].subject, NameOID.ORGANIZATION_NAME)


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


# --- seal credentials -----------------------------------------------------------------


def _order(key: SealPrivateKey, certificates: list[x509.Certificate]) -> SealCredentials:
    if not isinstance(key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
        raise SealError(UNSUPPORTED_KEY(kind=type(key).__name__))
    mine = _spki(key.public_key())
    leaf = [c for c in certificates if _spki(c.public_key()) == mine]
    if not leaf:
        raise SealError(KEY_MISMATCH())
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
        polish = _OS_ERRORS_PL.get(type(exc), exc.strerror)
        raise SealError(FILE_UNREADABLE(file=file, error_en=exc.strerror, error_pl=polish)) from exc
    if len(data) > _MAX_CREDENTIAL_FILE_BYTES:
        raise SealError(FILE_TOO_LARGE(file=file, limit=_MAX_CREDENTIAL_FILE_BYTES))
    secret = password.encode("utf-8") if isinstance(password, str) else password
    if b"-----BEGIN" in data:
        return _load_pem(data, secret, file)
    try:
        key, certificate, extra = pkcs12.load_key_and_certificates(data, secret)
    except (ValueError, TypeError) as exc:
        raise SealError(NOT_PKCS12_OR_PEM(file=file), code=FILE_UNREADABLE.code) from exc
    if key is None or certificate is None:
        raise SealError(NO_KEY_AND_CERTIFICATE(file=file), code=NO_KEY.code)
    return _order(cast(SealPrivateKey, key), [certificate, *extra])


def _load_pem(data: bytes, secret: bytes | None, file: Path) -> SealCredentials:
    try:
        certificates = x509.load_pem_x509_certificates(data)
    except ValueError as exc:
        raise SealError(NO_CERTIFICATE(file=file)) from exc
    block = _PRIVATE_KEY_PEM.search(data)
    if block is None:
        raise SealError(NO_KEY(file=file))
    try:
        key = serialization.load_pem_private_key(block.group(0), secret)
    except (ValueError, TypeError) as exc:
        raise SealError(PRIVATE_KEY_UNREADABLE(file=file), code=FILE_UNREADABLE.code) from exc
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
    organisation followed by ``(TEST – not qualified)``), ``O`` (``organisation`` exactly,
    at most 64 characters: a shortened name would never match the issuer's), ``C`` and,
    when given, ``organizationIdentifier`` (ETSI EN 319 412-1 §5.1.4, e.g.
    ``VATPL-1234567890``); key usage is digitalSignature + nonRepudiation (critical),
    basic constraints CA false. No QCStatements: a verifier can never take it for a
    qualified certificate.
    """
    return _seal_certificate(organisation, country, None, key=key, valid_days=valid_days,
                             organisation_identifier=organisation_identifier,
                             not_before=not_before)  # fmt: skip


def self_signed_test_ca(
    name: str, country: str, *, valid_days: int = 3650, not_before: dt.datetime | None = None
) -> SealCredentials:
    """A self-signed TEST certification authority (a new P-256 key) that issues e-seal
    certificates with :func:`ca_seal_certificate`: what a platform's demo gives its
    providers instead of a qualified trust service provider. Its ``CN`` says
    ``TEST CA – not qualified``; basic constraints CA true (path length 0), key usage
    keyCertSign + cRLSign."""
    _refuse_empty(name)
    start = _checked_start(country, valid_days, not_before)
    private = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([
        x509.NameAttribute(NameOID.COMMON_NAME, _shortened(name, "(TEST CA – not qualified)")),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, name[:_MAX_ORGANISATION]),
        x509.NameAttribute(NameOID.COUNTRY_NAME, country),
    ])  # fmt: skip
    builder = _builder(subject, subject, private.public_key(), start,
                       start + dt.timedelta(days=valid_days), ca=True)  # fmt: skip
    return SealCredentials(private, [builder.sign(private, hashes.SHA256())])


def ca_seal_certificate(
    ca: SealCredentials,
    organisation: str,
    country: str,
    *,
    key: SealPrivateKey | None = None,
    valid_days: int = 365,
    organisation_identifier: str | None = None,
    not_before: dt.datetime | None = None,
) -> SealCredentials:
    """An e-seal certificate issued by ``ca`` (:func:`self_signed_test_ca`): the same
    subject, key usage and TEST mark as :func:`self_signed_seal_certificate`, signed by
    the CA, the chain ``[certificate, CA certificate]``; never valid past the CA's."""
    return _seal_certificate(organisation, country, ca, key=key, valid_days=valid_days,
                             organisation_identifier=organisation_identifier,
                             not_before=not_before)  # fmt: skip


def _refuse_empty(name: str) -> None:
    if not name.strip():
        raise SealError(ORGANISATION_EMPTY(), code=_INVALID_SUBJECT)


def _checked_start(country: str, valid_days: int, not_before: dt.datetime | None) -> dt.datetime:
    """The certificate's notBefore, once its country and validity are checked."""
    if not re.fullmatch(r"[A-Z]{2}", country):
        raise SealError(COUNTRY_INVALID(country=country), code=_INVALID_SUBJECT)
    if valid_days < 1:
        raise SealError(VALIDITY_TOO_SHORT())
    start = (not_before or dt.datetime.now(dt.UTC) - _CLOCK_SKEW).replace(microsecond=0)
    if start.tzinfo is None:
        raise SealError("not_before must carry a time zone", code="naive_datetime")
    return start


def _builder(subject: x509.Name, issuer: x509.Name, public_key: Any, start: dt.datetime,
             end: dt.datetime, *, ca: bool) -> x509.CertificateBuilder:  # fmt: skip
    """What every certificate made here holds: a random serial, the validity, key usage
    (critical: keyCertSign + cRLSign for a CA, digitalSignature + nonRepudiation for a
    seal), basic constraints (critical: a CA with path length 0, or not a CA) and the
    subject key identifier."""
    usage = x509.KeyUsage(digital_signature=not ca, content_commitment=not ca,
                          key_encipherment=False, data_encipherment=False, key_agreement=False,
                          key_cert_sign=ca, crl_sign=ca, encipher_only=False,
                          decipher_only=False)  # fmt: skip
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(usage, critical=True)
        .add_extension(x509.BasicConstraints(ca=ca, path_length=0 if ca else None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
    )


def _shortened(name: str, mark: str) -> str:
    """``name`` and ``mark`` within ub-common-name (RFC 5280 App. A), as UTF-8 bytes."""
    short = name.strip()
    while len(f"{short} {mark}".encode()) > 64:
        short = short[:-2].rstrip() + "…"
    return f"{short} {mark}"


def _seal_certificate(
    organisation: str,
    country: str,
    ca: SealCredentials | None,
    *,
    key: SealPrivateKey | None,
    valid_days: int,
    organisation_identifier: str | None,
    not_before: dt.datetime | None,
) -> SealCredentials:
    _refuse_empty(organisation)
    if len(organisation) > _MAX_ORGANISATION:
        raise SealError(ORGANISATION_TOO_LONG(length=len(organisation), limit=_MAX_ORGANISATION),
                        code=_INVALID_SUBJECT)  # fmt: skip
    if organisation_identifier is not None and not _ORGANISATION_IDENTIFIER.fullmatch(
        organisation_identifier
    ):
        raise SealError(ORGANISATION_IDENTIFIER_INVALID(identifier=organisation_identifier),
                        code=_INVALID_SUBJECT)  # fmt: skip
    start = _checked_start(country, valid_days, not_before)
    private = key or ec.generate_private_key(ec.SECP256R1())
    if not isinstance(private, SealPrivateKey) or not _algorithms_for(private.public_key()):
        raise SealError(UNSUPPORTED_KEY(kind=type(private).__name__))
    attributes = [
        x509.NameAttribute(NameOID.COMMON_NAME, _shortened(organisation, _TEST_MARK)),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
    ]
    if organisation_identifier:
        attributes.append(
            x509.NameAttribute(NameOID.ORGANIZATION_IDENTIFIER, organisation_identifier)
        )
    attributes.append(x509.NameAttribute(NameOID.COUNTRY_NAME, country))
    name = x509.Name(attributes)
    end = start + dt.timedelta(days=valid_days)
    if ca is not None:
        end = min(end, ca.certificates[0].not_valid_after_utc)
    builder = _builder(name, ca.certificates[0].subject if ca else name, private.public_key(),
                       start, end, ca=False)  # fmt: skip
    if ca is None:
        return _order(private, [builder.sign(private, hashes.SHA256())])
    builder = builder.add_extension(
        x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.key.public_key()), critical=False
    )
    return _order(private, [builder.sign(ca.key, hashes.SHA256()), *ca.certificates])


# --- the subject of an awarding body's seal -------------------------------------------


class SealSubject(NamedTuple):
    """What an e-seal certificate's subject says about the organisation that seals."""

    organisation: str  # O: exactly the issuer's legal name
    country: str  # C: ISO 3166-1 alpha-2
    organisation_identifier: str | None  # organizationIdentifier (2.5.4.97), when known


#: legal identifier scheme → ETSI EN 319 412-1 §5.1.4 identity type: a VAT number (a
#: Polish NIP is the VAT number without its "PL"), a national trade register (KRS), a
#: Legal Entity Identifier (a global scheme: country "XG")
_IDENTITY_TYPES = {"vat": "VAT", "nip": "VAT", "krs": "NTR", "lei": "LEI"}


def organisation_identifier(scheme: str, value: str, country: str) -> str | None:
    """The ``organizationIdentifier`` (ETSI EN 319 412-1 §5.1.4) for a legal identifier
    of ``scheme`` (a :class:`~microcred.standard.vocab.LegalIdentifierScheme` key) held
    by an organisation in ``country``; ``None`` for a register ETSI names no type for
    (REGON, RSPO, POL-on, Erasmus, PIC, EUID, other)::

        organisation_identifier("nip", "896-000-58-51", "PL")  # 'VATPL-8960005851'
        organisation_identifier("vat", "DE123456789", "DE")    # 'VATDE-123456789'
        organisation_identifier("krs", "0000012345", "PL")     # 'NTRPL-0000012345'
        organisation_identifier("lei", "529900T8BM49AURSDO55", "PL")  # 'LEIXG-529900…'
    """
    kind = _IDENTITY_TYPES.get(str(scheme))
    number = re.sub(r"[\s.\-/]", "", value).upper()
    if kind is None or not number:
        return None
    if kind == "LEI":
        return f"LEIXG-{number}"
    if str(scheme) in ("nip", "krs"):  # Polish registers
        country = "PL"
    if kind == "VAT" and re.match(r"[A-Z]{2}", number):  # an EU VAT number's own prefix
        country, number = number[:2], number[2:]
    return f"{kind}{country.upper()}-{number}" if number else None


def seal_subject(body: AwardingBody, *, lang: str | None = None) -> SealSubject:
    """The subject of ``body``'s e-seal certificate: its name (in ``lang``, or the first
    language the design gives — the legal name as registered is usually the one written
    first) exactly, its country, and the ``organizationIdentifier`` its legal identifier
    maps to (:func:`organisation_identifier`).

    Raises :class:`SealError` when the body has no name in ``lang``.
    """
    names = {str(language): text for language, text in body.name.items()}
    if lang is None:
        organisation = next(iter(names.values()))
    elif lang in names:
        organisation = names[lang]
    else:
        raise SealError(NO_NAME_IN_LANGUAGE(lang=lang, languages=", ".join(names)),
                        code=_INVALID_SUBJECT)  # fmt: skip
    country = str(body.country)
    identifier = body.legal_identifier
    org_id = (
        organisation_identifier(str(identifier.scheme), identifier.value, country)
        if identifier
        else None
    )
    return SealSubject(organisation, country, org_id)


def dump_seal_credentials(
    credentials: SealCredentials, password: str | bytes | None = None
) -> bytes:
    """``credentials`` as a PKCS#12 file (what :func:`load_seal_credentials` reads): the
    key, the signer's certificate and the rest of the chain, encrypted with ``password``
    (AES-256 and PBKDF2, as OpenSSL 3 writes them) or, without one, not encrypted."""
    secret = password.encode("utf-8") if isinstance(password, str) else password
    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(secret) if secret else serialization.NoEncryption()
    )
    leaf, *chain = credentials.certificates
    name = credentials.organisation or "e-seal"
    return pkcs12.serialize_key_and_certificates(
        name.encode("utf-8"), credentials.key, leaf, chain or None, encryption
    )
