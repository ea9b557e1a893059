"""Telling learners: the claim link of an award and the e-mail that carries it, sent
from the outbox (:class:`~.models.OutboxMessage`) by the workers, with retries.

The claim link is the award's id signed with the platform's secret (Django's
:class:`~django.core.signing.Signer`): the same link every time it is made, so a message
sent again after a crash is the same message, under the same ``Message-ID``; nothing is
stored to look it up, and no one makes one without the secret. Sending claims a few
due messages under a lease (a worker that dies mid-send leaves them to the next one once
the lease ends: at least once, never a second outbox entry), sends each through Django's
e-mail framework (``EMAIL_BACKEND``: the console in the demo, SMTP in production) and
records the outcome; a failure waits longer each time, and is given up after
:data:`MAX_ATTEMPTS`.
"""

from __future__ import annotations

__all__ = [
    "MAX_ATTEMPTS",
    "award_from_claim",
    "claim_url",
    "outbox_deliver",
    "outbox_message",
]

import logging
import secrets
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse

from .models import Award, OutboxKind, OutboxMessage, OutboxState

logger = logging.getLogger(__name__)

#: tries before a message is given up (then: failed, with the last error)
MAX_ATTEMPTS = 6
#: how long a worker holds the messages it claimed
LEASE = timedelta(minutes=2)
_SALT = "microcred.issuance.claim"


def _signer() -> signing.Signer:
    return signing.Signer(salt=_SALT)


def claim_url(award: Award) -> str:
    """The learner's link to their award: no account needed."""
    token = _signer().sign(str(award.pk))
    return settings.PUBLIC_URL + reverse("issuance:claim", args=[token])


def award_from_claim(token: str) -> Award | None:
    """The award a claim link names, or ``None`` for a link the platform did not make."""
    try:
        award_id = _signer().unsign(token)
    except signing.BadSignature:
        return None
    return Award.objects.select_related("version", "provider").filter(pk=award_id).first()


def _host() -> str:
    return urlsplit(settings.PUBLIC_URL).hostname or "localhost"


def outbox_message(award: Award, kind: OutboxKind, now: datetime) -> OutboxMessage:
    """The unsaved outbox entry of ``award`` (saved by the caller, in the award's
    transaction): its ``Message-ID`` fixed now."""
    return OutboxMessage(award=award, kind=kind, message_id=f"<award-{award.pk}@{_host()}>",
                         next_attempt_at=now, created_at=now)  # fmt: skip


def _email(message: OutboxMessage) -> EmailMessage:
    award = message.award
    version = award.version
    title_pl, title_en = version.title("pl"), version.title("en")
    link = claim_url(award)
    corrected = message.kind == OutboxKind.CORRECTED
    subject = (
        f"Poprawione mikropoświadczenie / Corrected micro-credential: {title_pl}" if corrected
        else f"Twoje mikropoświadczenie / Your micro-credential: {title_pl}"
    )  # fmt: skip
    provider = award.provider.legal_name
    pl = (
        f"Dzień dobry {award.given_name},\n\n"
        + (f"{provider} poprawił(a) Twoje mikropoświadczenie „{title_pl}”; poprzednie "
           "unieważniono i zastąpiono nowym.\n" if corrected else
           f"{provider} wydał(a) Ci mikropoświadczenie „{title_pl}”.\n")
        + f"Odbierz je (bez zakładania konta): {link}\n"
    )  # fmt: skip
    en = (
        f"Hello {award.given_name},\n\n"
        + (f"{provider} corrected your micro-credential \"{title_en}\"; the previous one was "
           "revoked and replaced.\n" if corrected else
           f"{provider} awarded you the micro-credential \"{title_en}\".\n")
        + f"Claim it (no account needed): {link}\n"
    )  # fmt: skip
    return EmailMessage(subject=subject, body=f"{pl}\n---\n\n{en}",
                        from_email=settings.DEFAULT_FROM_EMAIL, to=[award.email],
                        headers={"Message-ID": message.message_id})  # fmt: skip


def _claim(now: datetime, limit: int) -> list[OutboxMessage]:
    """Up to ``limit`` due messages leased to the caller, each attempt counted as it is
    claimed (so a message whose every try is cut short still ends, given up)."""
    token = secrets.token_hex(16)
    with transaction.atomic():
        due = (
            OutboxMessage.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(state=OutboxState.PENDING, next_attempt_at__lte=now)
            .filter(Q(lease_until__isnull=True) | Q(lease_until__lt=now))
            .order_by("next_attempt_at", "pk")
            .values_list("pk", flat=True)[:limit]
        )
        ids = list(due)
        OutboxMessage.objects.filter(pk__in=ids).update(
            lease_token=token, lease_until=now + LEASE, attempts=F("attempts") + 1)  # fmt: skip
    return list(OutboxMessage.objects.filter(pk__in=ids, lease_token=token)
                .select_related("award__version", "award__provider"))  # fmt: skip


def _retry_later(message: OutboxMessage, error: Exception, now: datetime) -> None:
    """The message left for a later try (its lease released), or given up after
    :data:`MAX_ATTEMPTS`, with the error kept."""
    OutboxMessage.objects.filter(pk=message.pk, lease_token=message.lease_token).update(
        last_error=f"{type(error).__name__}: {error}"[:2000], lease_token="", lease_until=None,
        state=OutboxState.FAILED if message.attempts >= MAX_ATTEMPTS else OutboxState.PENDING,
        next_attempt_at=now + timedelta(minutes=2**message.attempts))  # fmt: skip


def outbox_deliver(*, now: datetime, limit: int = 50) -> int:
    """Send up to ``limit`` due messages; how many were tried. Each sent message is
    recorded as soon as it is sent (a crash may send that one again, as the same message);
    a worker whose lease was taken over stops; a mail server that cannot be reached leaves
    every claimed message for a later try. Never raises for a failure of the backend."""
    claimed = _claim(now, limit)
    if not claimed:
        return 0
    try:
        connection = get_connection()
        connection.open()
    except Exception as exc:  # the mail server is down: try again later, keep working
        logger.warning("e-mail backend unavailable: %s", exc)
        for message in claimed:
            _retry_later(message, exc, now)
        return len(claimed)
    try:
        for message in claimed:
            try:
                connection.send_messages([_email(message)])
            except Exception as exc:  # any failure of a backend is tried again later
                _retry_later(message, exc, now)
                continue
            mine = OutboxMessage.objects.filter(pk=message.pk, lease_token=message.lease_token)
            if not mine.update(state=OutboxState.SENT, sent_at=now, lease_token="",
                               lease_until=None, last_error=""):  # fmt: skip
                break  # the lease ran out and another worker has the rest
    finally:
        connection.close()
    return len(claimed)
