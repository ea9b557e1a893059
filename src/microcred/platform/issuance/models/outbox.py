"""The e-mails to learners, as an outbox: one message per award, written in the
transaction that makes the award, sent later by a worker.

A message's ``Message-ID`` is chosen when it is written, so a message sent again after a
crash between sending and recording it is the same message (mail clients show it once);
the one-to-one link to the award is what makes "one message per award, never two".
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _

from .awards import Award


class OutboxKind(models.TextChoices):
    ISSUED = "issued", _("New micro-credential")
    CORRECTED = "corrected", _("Corrected micro-credential")


class OutboxState(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class OutboxMessage(models.Model):
    """The e-mail telling a learner of their award, with its claim link."""

    award = models.OneToOneField(Award, on_delete=models.CASCADE, related_name="message")
    kind = models.CharField(max_length=10, choices=OutboxKind.choices)
    #: the RFC 5322 Message-ID, the same on every attempt
    message_id = models.CharField(max_length=200, unique=True)
    state = models.CharField(max_length=10, choices=OutboxState.choices,
                             default=OutboxState.PENDING)  # fmt: skip
    attempts = models.PositiveIntegerField(default=0)
    #: when it may be tried (again): retries wait longer each time
    next_attempt_at = models.DateTimeField()
    lease_token = models.CharField(max_length=64, blank=True)
    lease_until = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering: ClassVar[list[str]] = ["created_at", "pk"]
        indexes: ClassVar[list[Any]] = [
            models.Index(fields=["state", "next_attempt_at"], name="outbox_due"),
        ]

    def __str__(self) -> str:
        return f"{self.message_id} {self.state}"
