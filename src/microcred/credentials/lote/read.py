"""Reading a signed LoTE (ETSI TS 119 602, JSON binding) as the trust list the ``trust``
check consults: the signature checked against the operator's key the caller trusts,
then each service's status history read to say whether a signer's key (or e-seal
certificate, known by its SHA-256) was trusted when the credential was issued."""

from __future__ import annotations

__all__ = ["LoteTrustList", "read_lote"]

import base64
import binascii
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from joserfc import jws
from joserfc.errors import JoseError

from .._json import loads_strict
from ..errors import TrustListError
from ..keys import KeyPair
from ..vc_jose import joserfc_key, jws_alg
from ..verify.checks import parse_time
from ..verify.report import Signer
from ..verify.trust import TrustEntry
from .build import GRANTED, certificate_fingerprint, lote_registry

#: a list larger than this is refused before it is parsed (a JWS of the registry's limit)
MAX_BYTES = 24 * 1024 * 1024


@dataclass(frozen=True)
class _Service:
    did: str
    name: str
    verified_by: str
    changes: tuple[tuple[dt.datetime, str], ...]  # the key's statuses, oldest first
    verified: tuple[tuple[dt.datetime, bool], ...]  # the provider's verification, oldest first


def _time(value: Any) -> dt.datetime:
    moment = parse_time(value)
    if moment is None:
        raise TrustListError(f"not a LoTE date: {value!r}")
    return moment


def _text(values: Any, lang: str) -> str:
    texts = {v.get("lang"): v.get("value") for v in values or [] if isinstance(v, dict)}
    return str(texts.get(lang) or texts.get("en") or next(iter(texts.values()), ""))


@dataclass(frozen=True)
class LoteTrustList:
    """A verified LoTE, as a :class:`~microcred.credentials.verify.trust.TrustList`."""

    name: str
    issued: dt.datetime
    services: dict[str, _Service]  # verification method → what the list says of it
    seals: dict[str, _Service] = field(default_factory=dict)  # "sha256:…" → the same

    def lookup(self, signer: Signer) -> TrustEntry | None:
        """What the list says of ``signer``'s key now (at the list's issue time)."""
        return self.lookup_at(signer, None)

    def lookup_at(self, signer: Signer, at: dt.datetime | None) -> TrustEntry | None:
        """What the list says of ``signer``'s key at ``at`` (when the credential was
        issued; the list's issue time when not given); None when the key is not listed."""
        if signer.kind == "seal":  # a seal's signer is its certificate's fingerprint
            service = self.seals.get(signer.id)
        else:
            service = self.services.get(signer.key or "") if signer.kind == "did" else None
            if service is not None and service.did != signer.id:
                return None
        if service is None:
            return None
        moment = at or self.issued
        status, since = None, None
        for change_at, change in service.changes:
            if change_at > moment:
                break
            if change != status:
                status, since = change, change_at
        trusted = status == GRANTED
        # since when the provider has been verified without a break, at that moment
        verified_since = None
        for change_at, ok in service.verified:
            if change_at > moment:
                break
            verified_since = (verified_since or change_at) if ok else None
        return TrustEntry(service.name, since=verified_since or since,
                          verified_by=service.verified_by, trusted=trusted)  # fmt: skip


def read_lote(data: str | bytes, *, operator_key: KeyPair) -> LoteTrustList:
    """The list in ``data`` (a compact JWS) if ``operator_key`` signed it; raises
    :class:`TrustListError` otherwise."""
    if isinstance(data, str):
        data = data.encode("ascii", "replace")
    if len(data) > MAX_BYTES:
        raise TrustListError("the trust list is too large")
    alg = jws_alg(operator_key)
    try:
        token = jws.deserialize_compact(data.strip(), joserfc_key(operator_key, private=False),
                                        registry=lote_registry(alg))  # fmt: skip
    except (JoseError, ValueError) as exc:
        raise TrustListError(f"the trust list's signature does not verify ({exc})") from exc
    try:
        document = loads_strict(token.payload)
        information = document["LoTE"]["ListAndSchemeInformation"]
        name = _text(information.get("SchemeName") or information["SchemeOperatorName"], "en")
        issued = _time(information["ListIssueDateTime"])
        services: dict[str, _Service] = {}
        seals: dict[str, _Service] = {}
        for entity in document["LoTE"].get("TrustedEntitiesList", []):
            info = entity["TrustedEntityInformation"]
            legal = _text(info["TEName"], "pl")
            ours = next((e for e in info.get("TEInformationExtensions", [])
                         if isinstance(e, dict) and "VerifiedBy" in e), {})  # fmt: skip
            verified_by = ours.get("VerifiedBy", "")
            verified = tuple(sorted((_time(h["StatusStartingTime"]), bool(h["Verified"]))
                                    for h in ours.get("VerificationHistory", [])))  # fmt: skip
            for service in entity["TrustedEntityServices"]:
                instances = [service["ServiceInformation"], *service.get("ServiceHistory", [])]
                ids = service["ServiceInformation"]["ServiceDigitalIdentity"].get("OtherIds", [])
                did, methods = ids[0], [i for i in ids if "#" in i]
                changes = tuple(sorted((_time(i["StatusStartingTime"]), i["ServiceStatus"])
                                       for i in instances))  # fmt: skip
                said = _Service(did, legal, str(verified_by), changes, verified)
                for method in methods:
                    services[method] = said
                identity = service["ServiceInformation"]["ServiceDigitalIdentity"]
                for certificate in identity.get("X509Certificates", []):
                    der = base64.b64decode(certificate["val"], validate=True)
                    seals[certificate_fingerprint(der)] = said
    except (KeyError, IndexError, TypeError, AttributeError, ValueError, binascii.Error) as exc:
        raise TrustListError(f"not a LoTE this reader knows ({type(exc).__name__})") from exc
    return LoteTrustList(name, issued, services, seals)
