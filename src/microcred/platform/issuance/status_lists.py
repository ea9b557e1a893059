"""A provider's Bitstring Status Lists: an entry given to each award, and the list
published, signed by the provider, at its stable URL.

The entry is drawn at random among the list's free ones (Bitstring Status List 1.0
§2.1: a verifier who fetches the list learns nothing from the position), under a row
lock on the list, with the award's unique ``(status_list, status_index)`` as the guard;
a list is left once half of it is given out, so that a random draw finds a free entry
in two tries on average. Changing a bit reads the published list, sets the bit, signs
it again (:mod:`microcred.credentials.status`) and counts the new sequence, the ETag.
"""

from __future__ import annotations

__all__ = ["published_status_list", "status_bit_set", "status_entry_allocate"]

import json
import secrets
from datetime import datetime

from django.db.models import F

from ...credentials.data_integrity import sign
from ...credentials.status import (
    MIN_ENTRIES,
    read_status_list,
    status_list_credential,
    with_status_list,
)
from ...credentials.status import (
    StatusList as Bitstring,
)
from ..core.errors import NotFoundError
from ..providers.keys import provider_signing_key
from ..providers.models import Provider
from .models import Award, StatusList, StatusPurpose

#: a list is left for a new one once this share of its entries is given out
_FILL = 2


def _signed(document: dict[str, object], provider: Provider, now: datetime) -> str:
    key, method = provider_signing_key(provider)
    return json.dumps(sign(document, key, verification_method=method, created=now),
                      ensure_ascii=False)  # fmt: skip


def _stamp(now: datetime) -> str:
    return now.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _new_list(provider: Provider, purpose: StatusPurpose, now: datetime) -> StatusList:
    record = StatusList(provider=provider, purpose=purpose, size=MIN_ENTRIES, created_at=now,
                        updated_at=now)  # fmt: skip
    unsigned = status_list_credential(Bitstring(str(purpose), MIN_ENTRIES),
                                      credential_id=record.url, issuer=provider.did,
                                      valid_from=_stamp(now))  # fmt: skip
    record.credential = _signed(unsigned, provider, now)
    record.save()
    return record


def status_entry_allocate(*, provider: Provider, purpose: StatusPurpose,
                          now: datetime) -> tuple[StatusList, int]:  # fmt: skip
    """A free entry of one of ``provider``'s lists for ``purpose`` (a new list when every
    one is half full), counted as used; call inside the transaction that saves the award."""
    # The provider's row is the lock that makes "find a list with room, else make one"
    # one step: without it, two first awards at once each made a list of their own.
    Provider.objects.select_for_update().only("pk").get(pk=provider.pk)
    record = (
        StatusList.objects.select_for_update()
        .filter(provider=provider, purpose=purpose, used__lt=F("size") / _FILL)
        .order_by("created_at", "pk")
        .first()
    )
    if record is None:
        record = StatusList.objects.select_for_update().get(pk=_new_list(provider, purpose, now).pk)
    taken = Award.objects.filter(status_list=record)
    while True:
        index = secrets.randbelow(record.size)
        if not taken.filter(status_index=index).exists():
            break
    StatusList.objects.filter(pk=record.pk).update(used=F("used") + 1)
    return record, index


def status_bit_set(*, record: StatusList, index: int, value: bool, now: datetime) -> StatusList:
    """Set (or clear) entry ``index`` of ``record`` and publish the list signed again;
    the row is locked for the read-change-sign, so concurrent changes lose no bit."""
    locked = StatusList.objects.select_for_update().select_related("provider").get(pk=record.pk)
    published = json.loads(locked.credential)
    bits = read_status_list(published)
    bits.set(index, value)
    locked.credential = _signed(with_status_list(published, bits, valid_from=_stamp(now)),
                                locked.provider, now)  # fmt: skip
    locked.sequence += 1
    locked.updated_at = now
    locked.save(update_fields=["credential", "sequence", "updated_at"])
    return locked


def published_status_list(list_id: str) -> StatusList:
    """The list published at ``/status/<list_id>`` (public), or :class:`NotFoundError`."""
    record = StatusList.objects.filter(pk=list_id).only("credential", "sequence", "updated_at")
    found = record.first()
    if found is None:
        raise NotFoundError()
    return found
