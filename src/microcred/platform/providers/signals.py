"""What the providers app tells the apps above it, without importing them: a provider's
status changed (the catalog then lists or delists its micro-credentials in the registry)."""

from __future__ import annotations

from django.dispatch import Signal

#: sent by ``provider_decide`` inside its transaction, with ``provider``
provider_status_changed = Signal()
