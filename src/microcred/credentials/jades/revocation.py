"""Revocation evidence a seal carries: :func:`embedded_revocation` reads the OCSP responses
and CRLs in ``etsiU`` → ``rVals`` (ETSI TS 119 182-1 clause 5.3.5.2, the validation data
of a baseline-LT seal, as Europass adds it) and keeps those that speak, verifiably, about
the seal certificate.

Nothing is fetched: this is the evidence the sealer captured when sealing, which is what
says whether the certificate was revoked *at sealing time* — the question for a seal.

A piece of evidence is used only when:

- the seal certificate's issuer is among the certificates the seal carries (``x5c``,
  ``xVals``, the OCSP response's own) and its key verifies the seal certificate;
- an OCSP response (RFC 6960) is successful, names the seal certificate (serial number,
  issuer name and key hashes, computed by cryptography's ``OCSPRequestBuilder``), and is
  signed by the issuer or by a responder the issuer certified for OCSP signing
  (``id-kp-OCSPSigning``, §4.2.2.2);
- a CRL (RFC 5280 §5) is issued and signed by that issuer.

Like the seal itself, the issuer is not checked against a trust list.
"""

from __future__ import annotations

__all__ = ["Revocation", "embedded_revocation"]

import base64
import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, padding, rsa
from cryptography.x509 import ocsp
from cryptography.x509.oid import ExtendedKeyUsageOID, SignatureAlgorithmOID

from ._header import _etsi_u_entries
from .certificates import _CERTIFICATE_ERRORS, _attribute
from .limits import _MAX_CERTIFICATE_BYTES, _MAX_CERTIFICATES

_MAX_VALUES = 16
_MAX_VALUE_BYTES = 1024 * 1024
_ERRORS = (*_CERTIFICATE_ERRORS, UnsupportedAlgorithm, InvalidSignature, KeyError, IndexError)


@dataclass(frozen=True)
class Revocation:
    """What one verified OCSP response or CRL says about the seal certificate: ``good``
    as of ``as_of`` (thisUpdate / lastUpdate), or ``revoked`` at ``revoked_at``."""

    status: Literal["good", "revoked"]
    kind: Literal["OCSP", "CRL"]
    signer: str
    as_of: dt.datetime
    revoked_at: dt.datetime | None = None
    reason: str | None = None


def embedded_revocation(
    leaf: x509.Certificate, chain: list[x509.Certificate], unprotected: dict[str, Any]
) -> list[Revocation]:
    """Every OCSP response and CRL in the seal's ``rVals`` that verifiably speaks about
    ``leaf``; never raises on what the seal carries."""
    entries = _etsi_u_entries(unprotected)
    pool = list(chain)
    responses: list[ocsp.OCSPResponse] = []
    lists: list[x509.CertificateRevocationList] = []
    for entry in entries:
        for item in _values(entry.get("xVals"))[:_MAX_CERTIFICATES]:
            value = item.get("x509Cert", {}).get("val") if isinstance(item, dict) else None
            der = _der(value, _MAX_CERTIFICATE_BYTES)
            if der is not None:
                try:
                    pool.append(x509.load_der_x509_certificate(der))
                except _ERRORS:
                    continue
        found = entry.get("rVals")
        if not isinstance(found, dict):
            continue
        for item in _values(found.get("ocspVals"))[:_MAX_VALUES]:
            der = _der(item.get("val") if isinstance(item, dict) else None, _MAX_VALUE_BYTES)
            if der is not None:
                try:
                    responses.append(ocsp.load_der_ocsp_response(der))
                except _ERRORS:
                    continue
        for item in _values(found.get("crlVals"))[:_MAX_VALUES]:
            der = _der(item.get("val") if isinstance(item, dict) else None, _MAX_VALUE_BYTES)
            if der is not None:
                try:
                    lists.append(x509.load_der_x509_crl(der))
                except _ERRORS:
                    continue
    if not responses and not lists:
        return []
    for response in responses:
        try:
            pool += list(response.certificates)[:_MAX_CERTIFICATES]
        except _ERRORS:
            continue
    issuer = _issuer(leaf, pool)
    if issuer is None:
        return []
    evidence: list[Revocation] = []
    for response in responses:
        try:
            if (found_ocsp := _from_ocsp(response, leaf, issuer, pool)) is not None:
                evidence.append(found_ocsp)
        except _ERRORS:
            continue
    for crl in lists:
        try:
            if (found_crl := _from_crl(crl, leaf, issuer)) is not None:
                evidence.append(found_crl)
        except _ERRORS:
            continue
    return evidence


def _values(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _der(value: Any, limit: int) -> bytes | None:
    if not isinstance(value, str) or len(value) > limit:
        return None
    try:
        return base64.b64decode(value, validate=True)
    except ValueError:
        return None


def _name(certificate: x509.Certificate) -> str:
    common = _attribute(certificate.subject, x509.NameOID.COMMON_NAME)
    return common or certificate.subject.rfc4514_string()


def _issued_by(certificate: x509.Certificate, issuer: x509.Certificate) -> bool:
    try:
        certificate.verify_directly_issued_by(issuer)
    except (*_ERRORS, ValueError, TypeError):
        return False
    return True


def _issuer(leaf: x509.Certificate, pool: list[x509.Certificate]) -> x509.Certificate | None:
    """The certificate in ``pool`` whose key signed ``leaf``."""
    for candidate in pool:
        if candidate.subject == leaf.issuer and _issued_by(leaf, candidate):
            return candidate
    return None


def _signature_ok(key: Any, signature: bytes, data: bytes, oid: Any, hash_algorithm: Any) -> bool:
    """An OCSP response's signature (RSA PKCS#1 v1.5, ECDSA, EdDSA)."""
    try:
        if isinstance(key, rsa.RSAPublicKey) and oid != SignatureAlgorithmOID.RSASSA_PSS:
            key.verify(signature, data, padding.PKCS1v15(), hash_algorithm)
        elif isinstance(key, ec.EllipticCurvePublicKey):
            key.verify(signature, data, ec.ECDSA(hash_algorithm))
        elif isinstance(key, ed25519.Ed25519PublicKey | ed448.Ed448PublicKey):
            key.verify(signature, data)
        else:
            return False
    except (InvalidSignature, UnsupportedAlgorithm, ValueError, TypeError):
        return False
    return True


def _is_ocsp_signer(certificate: x509.Certificate) -> bool:
    try:
        purposes = certificate.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    except x509.ExtensionNotFound:
        return False
    return ExtendedKeyUsageOID.OCSP_SIGNING in purposes


def _from_ocsp(
    response: ocsp.OCSPResponse,
    leaf: x509.Certificate,
    issuer: x509.Certificate,
    pool: list[x509.Certificate],
) -> Revocation | None:
    if response.response_status is not ocsp.OCSPResponseStatus.SUCCESSFUL:
        return None
    single = None
    for candidate in response.responses:
        wanted = (
            ocsp.OCSPRequestBuilder()
            .add_certificate(leaf, issuer, candidate.hash_algorithm)
            .build()
        )
        if (candidate.serial_number, candidate.issuer_name_hash, candidate.issuer_key_hash) == (
            wanted.serial_number, wanted.issuer_name_hash, wanted.issuer_key_hash,
        ):  # fmt: skip
            single = candidate
            break
    if single is None:
        return None
    responders = [issuer] + [c for c in pool if _is_ocsp_signer(c) and _issued_by(c, issuer)]
    data, signature = response.tbs_response_bytes, response.signature
    oid, hash_algorithm = response.signature_algorithm_oid, response.signature_hash_algorithm
    signer = next((c for c in responders
                   if _signature_ok(c.public_key(), signature, data, oid, hash_algorithm)),
                  None)  # fmt: skip
    if signer is None:
        return None
    status = single.certificate_status
    if status is ocsp.OCSPCertStatus.GOOD:
        return Revocation("good", "OCSP", _name(signer), single.this_update_utc)
    if status is ocsp.OCSPCertStatus.REVOKED and single.revocation_time_utc is not None:
        reason = single.revocation_reason.name if single.revocation_reason else None
        return Revocation("revoked", "OCSP", _name(signer), single.this_update_utc,
                          single.revocation_time_utc, reason)  # fmt: skip
    return None  # "unknown" says nothing


def _from_crl(
    crl: x509.CertificateRevocationList, leaf: x509.Certificate, issuer: x509.Certificate
) -> Revocation | None:
    if crl.issuer != issuer.subject or not crl.is_signature_valid(
        issuer.public_key()  # type: ignore[arg-type]  # X25519/X448 keys cannot sign
    ):
        return None
    entry = crl.get_revoked_certificate_by_serial_number(leaf.serial_number)
    if entry is None:
        return Revocation("good", "CRL", _name(issuer), crl.last_update_utc)
    try:
        reason_extension = entry.extensions.get_extension_for_class(x509.CRLReason).value
        reason: str | None = reason_extension.reason.name
    except x509.ExtensionNotFound:
        reason = None
    return Revocation("revoked", "CRL", _name(issuer), crl.last_update_utc,
                      entry.revocation_date_utc, reason)  # fmt: skip
