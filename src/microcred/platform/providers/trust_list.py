"""The platform's trust list (the concept "trust list"): every provider that ever held a
signing key, with each key's periods (and each e-seal certificate's, for EDCs) and the
provider's verification history, as an
ETSI TS 119 602 list of trusted entities (:mod:`microcred.credentials.lote`) signed by
the operator's key; and the operator's DID document, with which anyone checks it.

The list is built from the audit trail and the keys, so it says what was true at any
time: a credential signed before a key was rotated or the provider suspended is still
confirmed, one signed after is not. Its sequence number counts the changes (decisions
and keys); a list of the same number is served from the cache.
"""

from __future__ import annotations

__all__ = ["operator_did", "operator_did_document", "operator_key_pair", "trust_list_jws"]

from datetime import datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Prefetch
from django.urls import reverse

from ...credentials.dids import DidDocument, did_web_document
from ...credentials.keys import KeyPair
from ...credentials.lote import KeyPeriod, Scheme, SealPeriod, TrustedIssuer, sign_lote, to_lote
from .key_encryption import open_sealed, seal
from .models import (
    Decision,
    OperatorKey,
    Provider,
    ProviderDecision,
    ProviderKey,
    SealCertificate,
)

#: how long a published list is meant to hold before the next one
_NEXT_UPDATE = timedelta(days=1)


def operator_did() -> str:
    """The operator's did:web: the platform's host."""
    return f"did:web:{settings.DID_WEB_HOST}"


@transaction.atomic
def _operator_key(now: datetime) -> OperatorKey:
    key = OperatorKey.objects.select_for_update().filter(valid_until=None).first()
    if key is not None:
        return key
    pair = KeyPair.generate("Ed25519")
    fragment = f"key-{OperatorKey.objects.count() + 1}"
    kek, sealed = seal(pair.secret_multibase.encode("ascii"),
                       associated=f"{operator_did()}#{fragment}")  # fmt: skip
    return OperatorKey.objects.create(
        fragment=fragment,
        public_multibase=pair.public_multibase,
        kek_id=kek,
        sealed_private=sealed,
        valid_from=now,
    )


def operator_key_pair(now: datetime) -> tuple[KeyPair, str]:
    """The operator's key in use (made on first use), opened, and its method's URL."""
    key = _operator_key(now)
    method = f"{operator_did()}#{key.fragment}"
    secret = open_sealed(key.kek_id, bytes(key.sealed_private), associated=method)
    return KeyPair.from_multikey(key.public_multibase, secret.decode("ascii")), method


def operator_did_document(now: datetime) -> DidDocument:
    """The operator's DID document (every key it ever had); its first key is made only
    when there is none (a public read takes no lock otherwise)."""
    if not OperatorKey.objects.exists():
        _operator_key(now)
    keys = {k.fragment: KeyPair.from_multikey(k.public_multibase)
            for k in OperatorKey.objects.all()}  # fmt: skip
    return did_web_document(operator_did(), keys)


def _registration(provider: Provider) -> str:
    """The provider's identifier as TS 119 612 writes trade names: VAT for tax numbers,
    NTR for national trade registers ("VATPL-7770001111", "NTRPL-0000123456")."""
    if provider.identifier_scheme == "eu_vat":
        return f"VAT{provider.identifier[:2]}-{provider.identifier[2:]}"
    kind = "VAT" if provider.identifier_scheme == "nip" else "NTR"
    return f"{kind}{provider.country}-{provider.identifier}"


def _seal_period(record: SealCertificate) -> SealPeriod:
    """A seal certificate as the list gives it: in use from when it was given until it
    was replaced, never past its own notAfter."""
    der = x509.load_pem_x509_certificate(record.chain_pem.encode("ascii")).public_bytes(
        serialization.Encoding.DER
    )
    until = min(record.valid_until or record.not_after, record.not_after)
    return SealPeriod(der, max(record.valid_from, record.not_before), until)


def _issuer(provider: Provider, keys: list[ProviderKey],
            seals: list[SealCertificate]) -> TrustedIssuer:  # fmt: skip
    decisions = list(provider.decisions.all())  # prefetched, in order (trust_list_jws)
    history: list[tuple[datetime, bool]] = []
    for decision in decisions:
        verified = decision.status_after == "approved"
        if not history or history[-1][1] != verified:
            history.append((decision.decided_at, verified))
    approvals = [d for d in decisions if d.decision == Decision.APPROVE]
    return TrustedIssuer(
        did=provider.did, names={"pl": provider.legal_name, "en": provider.legal_name},
        registration=_registration(provider), country=provider.country,
        street_address=provider.street_address or "—", locality=provider.locality,
        postal_code=provider.postal_code, email=provider.contact_email,
        website=provider.website,
        information_uri=settings.PUBLIC_URL + reverse("providers:did_json", args=[provider.slug]),
        verified_by=approvals[-1].qa_body.name if approvals else "",
        keys=[KeyPeriod(f"{provider.did}#{k.fragment}", KeyPair.from_multikey(k.public_multibase),
                        k.valid_from, k.valid_until) for k in keys],
        trusted=history, seals=[_seal_period(s) for s in seals],
    )  # fmt: skip


def _sequence() -> int:
    return (ProviderDecision.objects.count() + ProviderKey.objects.count()
            + SealCertificate.objects.count() + 1)  # fmt: skip


def trust_list_jws(now: datetime) -> tuple[str, int]:
    """The signed list (a compact JWS) and its sequence number."""
    sequence = _sequence()
    # the number and the operator's key in use: a database restored from a backup (or
    # another test's) may reach the same number with other contents and another key
    operator = OperatorKey.objects.filter(valid_until=None).first() or _operator_key(now)
    cache_key = f"microcred:trust-list:{sequence}:{operator.public_multibase}"
    cached = cache.get(cache_key)
    if cached is not None:
        return cached, sequence
    keys: dict[int, list[ProviderKey]] = {}
    for key in ProviderKey.objects.order_by("valid_from", "pk"):
        keys.setdefault(key.provider_id, []).append(key)
    seals: dict[int, list[SealCertificate]] = {}
    for record in SealCertificate.objects.order_by("valid_from", "pk"):
        seals.setdefault(record.provider_id, []).append(record)
    trail = ProviderDecision.objects.select_related("qa_body").order_by("decided_at", "pk")
    providers = (Provider.objects.filter(pk__in=keys).order_by("legal_name", "pk")
                 .prefetch_related(Prefetch("decisions", queryset=trail)))  # fmt: skip
    who = settings.OPERATOR
    scheme = Scheme(
        operator_names={"pl": who["name_pl"], "en": who["name_en"]},
        scheme_names={"pl": f"{who['name_pl']}: zweryfikowani dostawcy mikropoświadczeń",
                      "en": f"{who['name_en']}: verified micro-credential providers"},
        territory=who["country"], street_address=who["street_address"],
        locality=who["locality"], postal_code=who["postal_code"],
        email=who["email"], website=settings.PUBLIC_URL,
        information_uri=settings.PUBLIC_URL + "/", distribution_point=settings.PUBLIC_URL
        + reverse("trust_list"),
    )  # fmt: skip
    document = to_lote(scheme, [_issuer(p, keys[p.pk], seals.get(p.pk, []))
                                for p in providers], sequence=sequence,
                       issued=now, next_update=now + _NEXT_UPDATE)  # fmt: skip
    pair, method = operator_key_pair(now)
    signed = sign_lote(document, pair, kid=method, now=now)
    cache.set(cache_key, signed, timeout=3600)
    return signed, sequence
