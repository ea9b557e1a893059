"""E-seal keys and certificates: the algorithms a key may sign with, the certificate
references JAdES puts in the header, the checks on a signer certificate, loading a key
and its chain (PKCS#12 or PEM) and a self-signed test certificate."""

from __future__ import annotations

__all__ = [
    "SealCredentials",
    "SealPrivateKey",
    "load_seal_credentials",
    "self_signed_seal_certificate",
]

import base64
import datetime as dt
import hashlib
import itertools
import os
import re
from pathlib import Path
from typing import Any, NamedTuple, cast

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from ._header import _b64url
from .errors import SealError
from .limits import _CLOCK_SKEW, _MAX_CREDENTIAL_FILE_BYTES

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


class SealCredentials(NamedTuple):
    """An e-seal key and its certificate chain, the signer's certificate first."""

    key: SealPrivateKey
    certificates: list[x509.Certificate]


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
