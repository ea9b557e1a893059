"""The providers' REST endpoints: the same services as the pages.

- ``POST /api/v1/providers`` — register a provider (the caller becomes its administrator);
- ``GET /api/v1/providers`` — the providers the caller may see;
- ``GET /api/v1/providers/{id}`` — one of them;
- ``POST /api/v1/providers/{id}/decisions`` — a QA officer's decision;
- ``GET /api/v1/providers/{id}/keys``, ``POST …/keys/rotate`` — its signing keys (public
  halves) and their rotation;
- ``GET /api/v1/providers/{id}/seals``, ``POST …/seals`` (multipart: ``file``, a PKCS#12,
  and ``password``), ``POST …/seals/renew`` — its e-seal certificates (never their keys),
  an upload, a new TEST one;
- ``GET /api/v1/providers/{id}/evidence``, ``POST …/evidence`` (multipart ``file``) — its
  evidence documents (metadata), and a new one.
"""

from __future__ import annotations

from datetime import date, datetime

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile

from .evidence import evidence_add, evidence_of
from .keys import provider_key_rotate
from .models import (
    Decision,
    EvidenceDocument,
    Provider,
    ProviderDecision,
    ProviderKey,
    SealCertificate,
)
from .seals import provider_seal_renew, provider_seal_upload
from .selectors import provider_for, providers_of
from .services import Registration, provider_decide, provider_register

router = Router(tags=["providers"])


class ProviderOut(Schema):
    id: int
    did: str
    legal_name: str
    identifier_scheme: str
    identifier: str
    country: str
    street_address: str
    postal_code: str
    locality: str
    provider_type: str
    website: str
    status: str
    submitted_at: datetime
    verified_at: datetime | None
    reverify_by: date | None


class DecisionIn(Schema):
    decision: Decision
    reason: str = ""


class DecisionOut(Schema):
    decision: str
    reason: str
    status_before: str
    status_after: str
    decided_at: datetime


@router.post("", response={201: ProviderOut})
def register(request: HttpRequest, payload: Registration) -> Status[Provider]:
    provider = provider_register(user=request.user,  # type: ignore[arg-type]
                                 registration=payload, now=timezone.now())  # fmt: skip
    return Status(201, provider)


@router.get("", response=list[ProviderOut])
def list_providers(request: HttpRequest) -> list[Provider]:
    return list(providers_of(request.user))


@router.get("/{provider_id}", response=ProviderOut)
def get_provider(request: HttpRequest, provider_id: int) -> Provider:
    return provider_for(request.user, provider_id)


@router.post("/{provider_id}/decisions", response={201: DecisionOut})
def decide(request: HttpRequest, provider_id: int,
           payload: DecisionIn) -> Status[ProviderDecision]:  # fmt: skip
    provider = provider_for(request.user, provider_id)
    made = provider_decide(officer=request.user, provider=provider,  # type: ignore[arg-type]
                           decision=payload.decision, reason=payload.reason,
                           now=timezone.now())  # fmt: skip
    return Status(201, made)


class KeyOut(Schema):
    method: str
    algorithm: str
    public_multibase: str
    valid_from: datetime
    valid_until: datetime | None


@router.get("/{provider_id}/keys", response=list[KeyOut])
def list_keys(request: HttpRequest, provider_id: int) -> list[ProviderKey]:
    return list(provider_for(request.user, provider_id).keys.order_by("valid_from", "pk"))


@router.post("/{provider_id}/keys/rotate", response={201: KeyOut})
def rotate_key(request: HttpRequest, provider_id: int) -> Status[ProviderKey]:
    provider = provider_for(request.user, provider_id)
    key = provider_key_rotate(user=request.user, provider=provider,  # type: ignore[arg-type]
                              now=timezone.now())  # fmt: skip
    return Status(201, key)


class SealOut(Schema):
    fingerprint: str
    subject: str
    source: str
    chain_pem: str
    not_before: datetime
    not_after: datetime
    valid_from: datetime
    valid_until: datetime | None


@router.get("/{provider_id}/seals", response=list[SealOut])
def list_seals(request: HttpRequest, provider_id: int) -> list[SealCertificate]:
    provider = provider_for(request.user, provider_id)
    return list(provider.seal_certificates.order_by("valid_from", "pk"))


@router.post("/{provider_id}/seals", response={201: SealOut})
def upload_seal(request: HttpRequest, provider_id: int, file: File[UploadedFile],
                password: Form[str] = "") -> Status[SealCertificate]:  # fmt: skip
    provider = provider_for(request.user, provider_id)
    record = provider_seal_upload(user=request.user,  # type: ignore[arg-type]
                                  provider=provider, data=file.read(1024 * 1024),
                                  password=password, now=timezone.now())  # fmt: skip
    return Status(201, record)


@router.post("/{provider_id}/seals/renew", response={201: SealOut})
def renew_seal(request: HttpRequest, provider_id: int) -> Status[SealCertificate]:
    provider = provider_for(request.user, provider_id)
    record = provider_seal_renew(user=request.user,  # type: ignore[arg-type]
                                 provider=provider, now=timezone.now())  # fmt: skip
    return Status(201, record)


class EvidenceOut(Schema):
    id: int
    original_name: str
    content_type: str
    size: int
    sha256: str
    uploaded_at: datetime


@router.get("/{provider_id}/evidence", response=list[EvidenceOut])
def list_evidence(request: HttpRequest, provider_id: int) -> list[EvidenceDocument]:
    return list(evidence_of(request.user, provider_id))


@router.post("/{provider_id}/evidence", response={201: EvidenceOut})
def add_evidence(request: HttpRequest, provider_id: int,
                 file: File[UploadedFile]) -> Status[EvidenceDocument]:  # fmt: skip
    provider = provider_for(request.user, provider_id)
    document = evidence_add(user=request.user,  # type: ignore[arg-type]
                            provider=provider, name=file.name or "",
                            data=file.read(settings.EVIDENCE_MAX_BYTES + 1),
                            now=timezone.now())  # fmt: skip
    return Status(201, document)
