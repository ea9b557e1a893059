"""Building and signing a LoTE (ETSI TS 119 602 §6, JSON binding) from what the operator
knows of its issuers: their names, identifiers, keys and the periods they were trusted."""

from __future__ import annotations

__all__ = ["GRANTED", "LOTE_TYPE", "WITHDRAWN", "KeyPeriod", "Scheme", "SealPeriod",
           "TrustedIssuer", "certificate_fingerprint", "sign_lote", "to_lote"]  # fmt: skip

import base64
import datetime as dt
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from cryptography import x509
from joserfc import jws
from joserfc.registry import HeaderParameter

from ..keys import KeyPair
from ..vc_jose import joserfc_key, jws_alg

#: the LoTE type of microcred's lists of micro-credential providers (its own profile)
LOTE_TYPE = "urn:microcred:lote:MicroCredentialProvidersList"
#: the service type of a provider's signing key
SERVICE_TYPE = "urn:microcred:lote:SvcType/MicroCredential/Issuance"
#: the service type of a provider's e-seal certificate (EDCs are sealed, not signed)
SEAL_SERVICE_TYPE = "urn:microcred:lote:SvcType/MicroCredential/ESeal"
#: service statuses, as TS 119 612 writes them (TS 119 602 leaves them to the profile)
GRANTED = "http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted"
WITHDRAWN = "http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/withdrawn"
#: keep every status change for ever (§6.3.12): old credentials are judged by them
HISTORY_FOR_EVER = 65535


@dataclass(frozen=True)
class KeyPeriod:
    """One signing key of an issuer: its verification method, public key, and when it
    was the key in use (``until`` None: it still is)."""

    method: str
    key: KeyPair
    since: dt.datetime
    until: dt.datetime | None = None


@dataclass(frozen=True)
class SealPeriod:
    """One e-seal certificate of an issuer (DER), and when it was the one in use
    (``until`` None: it still is; a certificate is never trusted past its own
    notAfter, which the seal check judges)."""

    certificate: bytes
    since: dt.datetime
    until: dt.datetime | None = None

    @property
    def fingerprint(self) -> str:
        """The certificate's :func:`certificate_fingerprint`."""
        return certificate_fingerprint(self.certificate)


def certificate_fingerprint(der: bytes) -> str:
    """``sha256:`` and the SHA-256 of a certificate's DER in hex: how ``verify`` names a
    seal's signer (:class:`~microcred.credentials.verify.report.Signer`), and how a list
    and its reader key a seal service."""
    return f"sha256:{hashlib.sha256(der).hexdigest()}"


@dataclass(frozen=True)
class TrustedIssuer:
    """An issuer the list vouches for. ``trusted`` is the history of its verification:
    (time, True) when it was verified (again), (time, False) when it was suspended or its
    verification ended, oldest first."""

    did: str
    names: Mapping[str, str]  # language → legal name
    registration: str  # "VATPL-7770001111", "NTRPL-0000123456" (TS 119 612 §5.4.2 style)
    country: str
    street_address: str
    locality: str
    postal_code: str
    email: str
    website: str
    information_uri: str  # the issuer's page in the operator's registry
    verified_by: str
    keys: Sequence[KeyPeriod]
    trusted: Sequence[tuple[dt.datetime, bool]]
    seals: Sequence[SealPeriod] = ()


@dataclass(frozen=True)
class Scheme:
    """The list's operator and scheme (§6.3)."""

    operator_names: Mapping[str, str]
    scheme_names: Mapping[str, str]
    territory: str
    street_address: str
    locality: str
    postal_code: str
    email: str
    website: str
    information_uri: str
    distribution_point: str
    extra: Mapping[str, Any] = field(default_factory=dict)


def _time(value: dt.datetime) -> str:
    """§6.1.3: UTC, seconds, a Z."""
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _texts(names: Mapping[str, str]) -> list[dict[str, str]]:
    ordered = sorted(names.items(), key=lambda kv: (kv[0] != "en", kv[0]))  # English first
    return [{"lang": lang, "value": text} for lang, text in ordered]


def _uris(*uris: str) -> list[dict[str, str]]:
    return [{"lang": "en", "uriValue": uri} for uri in uris if uri]


def _address(lang: str, street: str, locality: str, postal_code: str,
             country: str) -> dict[str, str]:  # fmt: skip
    address = {"lang": lang, "StreetAddress": street, "Country": country}
    if locality:
        address["Locality"] = locality
    if postal_code:
        address["PostalCode"] = postal_code
    return address


def _statuses(
    issuer: TrustedIssuer, period: KeyPeriod | SealPeriod
) -> list[tuple[dt.datetime, str]]:
    """The key's (or certificate's) status changes, oldest first: granted while it was in
    use and the issuer verified, withdrawn otherwise."""
    times = sorted({period.since, *(t for t, _ in issuer.trusted if t > period.since),
                    *([period.until] if period.until else [])})  # fmt: skip
    changes: list[tuple[dt.datetime, str]] = []
    for moment in times:
        in_use = period.since <= moment and (period.until is None or moment < period.until)
        verified = next((ok for t, ok in reversed(issuer.trusted) if t <= moment), False)
        status = GRANTED if in_use and verified else WITHDRAWN
        if not changes or changes[-1][1] != status:
            changes.append((moment, status))
    return changes


def _with_history(issuer: TrustedIssuer, period: KeyPeriod | SealPeriod, *,
                  name: list[dict[str, str]], service_type: str,
                  identity: dict[str, Any]) -> dict[str, Any]:  # fmt: skip
    """A service: its current status in ``ServiceInformation`` and each earlier one in
    ``ServiceHistory``, newest first, all with the same name, type and digital identity
    (the key's or certificate's statuses: :func:`_statuses`)."""
    changes = _statuses(issuer, period)

    def instance(moment: dt.datetime, status: str) -> dict[str, Any]:
        return {"ServiceName": name, "ServiceTypeIdentifier": service_type,
                "ServiceStatus": status, "StatusStartingTime": _time(moment),
                "ServiceDigitalIdentity": identity}  # fmt: skip

    service: dict[str, Any] = {"ServiceInformation": instance(*changes[-1])}
    if len(changes) > 1:
        service["ServiceHistory"] = [instance(*change) for change in reversed(changes[:-1])]
    return service


def _service(issuer: TrustedIssuer, period: KeyPeriod) -> dict[str, Any]:
    fragment = period.method.rsplit("#", 1)[-1]
    name = [{"lang": "en", "value": f"Micro-credential issuance ({fragment})"},
            {"lang": "pl", "value": f"Wydawanie mikropoświadczeń ({fragment})"}]  # fmt: skip
    identity = {
        "PublicKeyValues": [period.key.public_jwk()],
        "OtherIds": [issuer.did, period.method],
    }
    return _with_history(issuer, period, name=name, service_type=SERVICE_TYPE, identity=identity)


def _seal_service(issuer: TrustedIssuer, period: SealPeriod) -> dict[str, Any]:
    """A seal certificate as a service: §6.5.3's ``X509Certificates`` (base64 DER, the
    ``PkiOb`` ``val``) and its subject, with the issuer's DID in ``OtherIds``."""
    certificate = x509.load_der_x509_certificate(period.certificate)
    name = [
        {"lang": "en", "value": "E-seal of European Digital Credentials"},
        {"lang": "pl", "value": "Pieczęć europejskich poświadczeń cyfrowych (EDC)"},
    ]
    identity = {
        "X509Certificates": [{"val": base64.b64encode(period.certificate).decode("ascii")}],
        "X509SubjectNames": [certificate.subject.rfc4514_string()],
        "OtherIds": [issuer.did, period.fingerprint],
    }
    return _with_history(issuer, period, name=name, service_type=SEAL_SERVICE_TYPE,
                         identity=identity)  # fmt: skip


def _entity(issuer: TrustedIssuer) -> dict[str, Any]:
    lang = "pl" if "pl" in issuer.names else "en"
    return {
        "TrustedEntityInformation": {
            "TEName": _texts(issuer.names),
            "TETradeName": [{"lang": "en", "value": issuer.registration}],
            "TEAddress": {
                "TEPostalAddress": [
                    _address(
                        lang,
                        issuer.street_address,
                        issuer.locality,
                        issuer.postal_code,
                        issuer.country,
                    )
                ],
                "TEElectronicAddress": _uris(f"mailto:{issuer.email}", issuer.website),
            },
            "TEInformationURI": _uris(issuer.information_uri, issuer.website),
            # microcred's own: who verified the provider, and when it was (and was not)
            "TEInformationExtensions": [
                {
                    "VerifiedBy": issuer.verified_by,
                    "VerificationHistory": [
                        {"StatusStartingTime": _time(t), "Verified": ok} for t, ok in issuer.trusted
                    ],
                }
            ],
        },
        "TrustedEntityServices": [
            *(_service(issuer, period) for period in issuer.keys),
            *(_seal_service(issuer, period) for period in issuer.seals),
        ],
    }


def to_lote(scheme: Scheme, issuers: Sequence[TrustedIssuer], *, sequence: int,
            issued: dt.datetime, next_update: dt.datetime) -> dict[str, Any]:  # fmt: skip
    """The list as TS 119 602's JSON (``{"LoTE": …}``); issuers without keys or seal
    certificates are left out."""
    lang = "pl" if "pl" in scheme.operator_names else "en"
    information: dict[str, Any] = {
        "LoTEVersionIdentifier": 1,
        "LoTESequenceNumber": sequence,
        "LoTEType": LOTE_TYPE,
        "SchemeOperatorName": _texts(scheme.operator_names),
        "SchemeOperatorAddress": {
            "SchemeOperatorPostalAddress": [
                _address(
                    lang,
                    scheme.street_address,
                    scheme.locality,
                    scheme.postal_code,
                    scheme.territory,
                )
            ],
            "SchemeOperatorElectronicAddress": _uris(f"mailto:{scheme.email}", scheme.website),
        },
        "SchemeName": _texts(scheme.scheme_names),
        "SchemeInformationURI": _uris(scheme.information_uri),
        "SchemeTerritory": scheme.territory,
        "HistoricalInformationPeriod": HISTORY_FOR_EVER,
        "ListIssueDateTime": _time(issued),
        "NextUpdate": _time(next_update),
        "DistributionPoints": [scheme.distribution_point],
    }
    entities = [_entity(issuer) for issuer in issuers if issuer.keys or issuer.seals]
    lote: dict[str, Any] = {"ListAndSchemeInformation": information}
    if entities:  # §6.4: absent, never empty
        lote["TrustedEntitiesList"] = entities
    return {"LoTE": lote}


def _is_int(value: Any) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError("must be an integer")


class LoteRegistry(jws.JWSRegistry):
    """joserfc's JWS rules for a LoTE: the JAdES signing time ``iat`` in the header, and
    room for a list of thousands of providers (joserfc's defaults are made for tokens)."""

    max_header_length = 4096
    max_payload_length = 16 * 1024 * 1024
    max_signature_length = 2048


def lote_registry(alg: str) -> LoteRegistry:
    """The registry :func:`sign_lote` and :func:`~.read.read_lote` use for ``alg``."""
    return LoteRegistry(header_registry={"iat": HeaderParameter("Signing time", _is_int)},
                        algorithms=[alg])  # fmt: skip


def sign_lote(document: Mapping[str, Any], key: KeyPair, *, kid: str, now: dt.datetime) -> str:
    """The list as a compact JWS signed by the operator's ``key`` (method ``kid``): the
    JSON binding's shape (payload: the whole ``{"LoTE": …}``; ``typ`` jose, ``cty``
    json, ``iat`` the signing time)."""
    alg = jws_alg(key)
    header = {"alg": alg, "typ": "jose", "cty": "json", "kid": kid,
              "iat": int(now.timestamp())}  # fmt: skip
    payload = json.dumps(document, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return jws.serialize_compact(header, payload, joserfc_key(key, private=True),
                                 registry=lote_registry(alg))  # fmt: skip
