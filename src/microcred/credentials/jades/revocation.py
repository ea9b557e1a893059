"""Revocation evidence a seal carries: :func:`embedded_revocation` reads the OCSP responses
and CRLs in ``etsiU`` → ``rVals`` (ETSI TS 119 182-1 clause 5.3.5.2, the validation data
of a baseline-LT seal, as Europass adds it) and keeps those that speak, verifiably, about
the seal certificate.

Nothing is fetched: this is the evidence the sealer captured when sealing, which is what
says whether the certificate was revoked *at sealing time* — the question for a seal.

A piece of evidence is used only when:

- the seal certificate's issuer is among the certificates the seal carries (``x5c``,
  ``xVals``, the OCSP response's own), its key verifies the seal certificate, and it is
  not the seal certificate itself (a self-signed seal cannot vouch for itself);
- an OCSP response (RFC 6960) is successful, names the seal certificate (serial number,
  issuer name and key hashes, computed by cryptography's ``OCSPRequestBuilder``), and is
  signed by the issuer or by a responder the issuer certified for OCSP signing
  (``id-kp-OCSPSigning``, §4.2.2.2), valid when the response was produced;
- a CRL (RFC 5280 §5) is issued and signed by that issuer, valid when the CRL was
  issued, and complete for the seal certificate (no delta CRL, no issuing distribution
  point that leaves it out).

Everything is capped over the whole seal (certificates, responses, CRLs), and the
signature of a response is checked before any responder's delegation.

Like the seal itself, the issuer is not checked against a trust list.
"""

from __future__ import annotations

__all__ = ["Revocation", "embedded_revocation"]

import contextlib
import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, padding, rsa
from cryptography.x509 import ocsp
from cryptography.x509.oid import ExtendedKeyUsageOID, SignatureAlgorithmOID

from ._header import _base64_der, _etsi_u_entries
from .certificates import _CERTIFICATE_ERRORS, _attribute
from .limits import _MAX_CERTIFICATE_BYTES, _MAX_CERTIFICATES

_MAX_VALUES = 16  # OCSP responses, and CRLs, over the whole seal
_MAX_RESPONDERS = 4  # certificates taken from one OCSP response
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
    try:
        return _evidence(leaf, chain, unprotected)
    except (*_ERRORS, AttributeError):
        # Validation data sits outside the seal's signature: data that cannot be read
        # proves nothing, and must not sink the seal either.
        return []


def _collect(
    unprotected: dict[str, Any],
) -> tuple[list[x509.Certificate], list[ocsp.OCSPResponse], list[x509.CertificateRevocationList]]:
    """The certificates, OCSP responses and CRLs of every ``etsiU`` entry, capped over
    the whole seal (not per entry), skipping what does not parse."""
    certificates: list[x509.Certificate] = []
    responses: list[ocsp.OCSPResponse] = []
    lists: list[x509.CertificateRevocationList] = []
    for entry in _etsi_u_entries(unprotected):
        for item in _values(entry.get("xVals")):
            if len(certificates) >= _MAX_CERTIFICATES:
                break
            holder = item.get("x509Cert") if isinstance(item, dict) else None
            der = _base64_der(holder.get("val") if isinstance(holder, dict) else None,
                       _MAX_CERTIFICATE_BYTES)  # fmt: skip
            if der is not None:
                with contextlib.suppress(*_ERRORS):
                    certificates.append(x509.load_der_x509_certificate(der))
        found = entry.get("rVals")
        if not isinstance(found, dict):
            continue
        for kind, loader, into in (("ocspVals", ocsp.load_der_ocsp_response, responses),
                                   ("crlVals", x509.load_der_x509_crl, lists)):  # fmt: skip
            for item in _values(found.get(kind)):
                if len(into) >= _MAX_VALUES:
                    break
                der = _base64_der(
                    item.get("val") if isinstance(item, dict) else None, _MAX_VALUE_BYTES
                )
                if der is not None:
                    with contextlib.suppress(*_ERRORS):
                        into.append(loader(der))  # type: ignore[arg-type]
    return certificates, responses, lists


def _evidence(
    leaf: x509.Certificate, chain: list[x509.Certificate], unprotected: dict[str, Any]
) -> list[Revocation]:
    certificates, responses, lists = _collect(unprotected)
    if not responses and not lists:
        return []
    pool = chain[:_MAX_CERTIFICATES] + certificates
    for response in responses:
        with contextlib.suppress(*_ERRORS):
            pool += list(response.certificates)[:_MAX_RESPONDERS]
    issuer = _issuer(leaf, pool)
    if issuer is None or _same_key(issuer, leaf):
        return []  # a self-signed seal certificate cannot vouch for itself
    evidence: list[Revocation] = []
    for response in responses:
        with contextlib.suppress(*_ERRORS):
            if (found_ocsp := _from_ocsp(response, leaf, issuer)) is not None:
                evidence.append(found_ocsp)
    for crl in lists:
        with contextlib.suppress(*_ERRORS):
            if (found_crl := _from_crl(crl, leaf, issuer)) is not None:
                evidence.append(found_crl)
    return evidence


def _values(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


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
        try:
            named = candidate.subject == leaf.issuer
        except _ERRORS:  # a name cryptography parses lazily and cannot read
            continue
        if named and _issued_by(leaf, candidate):
            return candidate
    return None


def _same_key(one: x509.Certificate, other: x509.Certificate) -> bool:
    try:
        return one.public_key() == other.public_key()
    except _ERRORS:
        return False


def _valid_at(certificate: x509.Certificate, moment: dt.datetime) -> bool:
    return certificate.not_valid_before_utc <= moment <= certificate.not_valid_after_utc


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
    response: ocsp.OCSPResponse, leaf: x509.Certificate, issuer: x509.Certificate
) -> Revocation | None:
    """RFC 6960: a successful response naming ``leaf``, signed by its issuer or by a
    responder the issuer certified for OCSP signing (§4.2.2.2, the responder certificate
    carried in the response), each valid when the response was produced; never by the
    seal certificate itself."""
    if response.response_status is not ocsp.OCSPResponseStatus.SUCCESSFUL:
        return None
    single = None
    for candidate in response.responses:
        with contextlib.suppress(*_ERRORS):
            wanted = (
                ocsp.OCSPRequestBuilder()
                .add_certificate(leaf, issuer, candidate.hash_algorithm)
                .build()
            )
            if (candidate.serial_number, candidate.issuer_name_hash,
                    candidate.issuer_key_hash) == (wanted.serial_number, wanted.issuer_name_hash,
                                                   wanted.issuer_key_hash):  # fmt: skip
                single = candidate
                break
    if single is None:
        return None
    produced = response.produced_at_utc
    data, signature = response.tbs_response_bytes, response.signature
    oid, hash_algorithm = response.signature_algorithm_oid, response.signature_hash_algorithm
    signer: x509.Certificate | None = None
    for responder in [issuer, *list(response.certificates)[:_MAX_RESPONDERS]]:
        if _same_key(responder, leaf) or not _valid_at(responder, produced):
            continue
        # The signature first (one operation), the delegation only for the one that signed.
        if not _signature_ok(responder.public_key(), signature, data, oid, hash_algorithm):
            continue
        if responder is issuer or (_is_ocsp_signer(responder) and _issued_by(responder, issuer)):
            signer = responder
            break
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


def _complete_for(crl: x509.CertificateRevocationList, leaf: x509.Certificate) -> bool:
    """Whether the CRL lists every revoked certificate of ``leaf``'s kind (RFC 5280
    §5.2.4-5): not a delta CRL, and an issuing distribution point, if any, that does not
    leave ``leaf`` out (only CA or attribute certificates, some reasons, indirect, or a
    partition ``leaf`` does not name in its CRL distribution points)."""
    extensions = crl.extensions
    try:
        extensions.get_extension_for_class(x509.DeltaCRLIndicator)
        return False
    except x509.ExtensionNotFound:
        pass
    try:
        point = extensions.get_extension_for_class(x509.IssuingDistributionPoint).value
    except x509.ExtensionNotFound:
        return True
    if (point.only_contains_ca_certs or point.only_contains_attribute_certs
            or point.only_some_reasons or point.indirect_crl or point.relative_name):  # fmt: skip
        return False
    if point.full_name is None:
        return True
    try:
        named = leaf.extensions.get_extension_for_class(x509.CRLDistributionPoints).value
    except x509.ExtensionNotFound:
        return False
    return any(dp.full_name and set(dp.full_name) & set(point.full_name) for dp in named)


def _from_crl(
    crl: x509.CertificateRevocationList, leaf: x509.Certificate, issuer: x509.Certificate
) -> Revocation | None:
    if (
        crl.issuer != issuer.subject
        or not _valid_at(issuer, crl.last_update_utc)
        or not _complete_for(crl, leaf)
        or not crl.is_signature_valid(
            issuer.public_key()  # type: ignore[arg-type]  # X25519/X448 keys cannot sign
        )
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
