"""Providers' evidence documents (the concept "evidence"): an accreditation, an extract
from a national register — PDF, PNG or JPEG, recognised by their first bytes, never by
their names; at most ``settings.EVIDENCE_MAX_BYTES`` (10 MiB). Stored under MEDIA_ROOT
with a random name (the original is kept as metadata), never served directly: only
:func:`evidence_for` hands one out, to the provider's own people, QA officers and
platform administrators (to anyone else it does not exist).
"""

from __future__ import annotations

__all__ = ["evidence_add", "evidence_for", "evidence_of", "sniff_type"]

import hashlib
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import QuerySet

from ..accounts.models import Membership, Role, User
from ..core.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from . import messages as m
from .models import EvidenceDocument, Provider
from .selectors import provider_for

#: the accepted types: their signature (magic bytes), MIME type and extension
_TYPES = (
    (b"%PDF-", "application/pdf", ".pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
)


def sniff_type(head: bytes) -> tuple[str, str] | None:
    """The MIME type and extension of a file starting with ``head``, if accepted."""
    for magic, mime, extension in _TYPES:
        if head.startswith(magic):
            return mime, extension
    return None


def _field_error(message: Any, **params: Any) -> InvalidInputError:
    return InvalidInputError(message, extra={"fields": {"file": [message.code]}}, **params)


@transaction.atomic
def evidence_add(*, user: User, provider: Provider, name: str, data: bytes,
                 now: datetime) -> EvidenceDocument:  # fmt: skip
    """Keep ``data`` (uploaded as ``name``) as ``provider``'s evidence: by its
    administrator or staff; refused (nothing written) when empty, too large or not a
    PDF, PNG or JPEG."""
    if not Membership.objects.filter(user=user, organisation=provider.organisation,
                                     role__in=(Role.PROVIDER_ADMIN, Role.PROVIDER_STAFF)
                                     ).exists():  # fmt: skip
        raise PermissionDeniedError(m.NOT_PROVIDER_PERSON)
    if not data:
        raise _field_error(m.EVIDENCE_EMPTY)
    limit = settings.EVIDENCE_MAX_BYTES
    if len(data) > limit:
        raise _field_error(m.EVIDENCE_TOO_LARGE, limit_mib=f"{limit / 1024 / 1024:g}")
    kind = sniff_type(data[:16])
    if kind is None:
        raise _field_error(m.EVIDENCE_TYPE)
    mime, extension = kind
    document = EvidenceDocument(
        provider=provider, original_name=(name or "document").rsplit("/", 1)[-1][:255],
        content_type=mime, size=len(data), sha256=hashlib.sha256(data).hexdigest(),
        uploaded_by=user, uploaded_at=now,
    )  # fmt: skip
    # the stored name is random (models._evidence_path): only the type's extension is ours
    document.file.save(f"upload{extension}", ContentFile(data), save=False)
    try:
        document.save()
    except Exception:
        document.file.delete(save=False)  # no file left behind by a failed write
        raise
    return document


def evidence_of(user: Any, provider_id: int) -> QuerySet[EvidenceDocument]:
    """The evidence of provider ``provider_id``, if ``user`` may see it."""
    return provider_for(user, provider_id).evidence.order_by("uploaded_at", "pk")


def evidence_for(user: Any, provider_id: int, document_id: int) -> EvidenceDocument:
    """One evidence document, if ``user`` may see its provider; else :class:`NotFoundError`."""
    document = evidence_of(user, provider_id).filter(pk=document_id).first()
    if document is None:
        raise NotFoundError()
    return document
