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

__all__ = [
    "published_status_list",
    "status_bit_set",
    "status_entries_allocate",
    "status_entry_allocate",
    "status_twin",
]

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
from ..providers.keys import provider_status_key
from ..providers.models import Provider
from .models import StatusList, StatusPurpose

#: a list is left for a new one once this share of its entries is given out
_FILL = 2


def _signed(document: dict[str, object], provider: Provider, now: datetime) -> str:
    key, method = provider_status_key(provider)
    return json.dumps(sign(document, key, verification_method=method, created=now),
                      ensure_ascii=False)  # fmt: skip


def _stamp(now: datetime) -> str:
    return now.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _new_list(provider: Provider, purpose: StatusPurpose, now: datetime) -> StatusList:
    """A new, empty list of ``provider``, signed; a revocation list with its suspension
    twin (the same size: entry ``i`` of both is the same award's)."""
    record = StatusList(provider=provider, purpose=purpose, size=MIN_ENTRIES, created_at=now,
                        updated_at=now, taken=bytes(MIN_ENTRIES // 8))  # fmt: skip
    unsigned = status_list_credential(Bitstring(str(purpose), MIN_ENTRIES),
                                      credential_id=record.url, issuer=provider.did,
                                      valid_from=_stamp(now))  # fmt: skip
    record.credential = _signed(unsigned, provider, now)
    if purpose == StatusPurpose.REVOCATION:
        record.twin = _new_list(provider, StatusPurpose.SUSPENSION, now)
    record.save()
    return record


def status_twin(record: StatusList, now: datetime) -> StatusList:
    """The suspension list of the revocation list ``record`` (made now for a list made
    before lists had twins); call inside a transaction."""
    # only the list's own row is locked (its twin may be missing: an outer join)
    locked = StatusList.objects.select_for_update(no_key=True, of=("self",)).select_related(
        "twin", "provider").get(pk=record.pk)  # fmt: skip
    if locked.twin is None:
        locked.twin = _new_list(locked.provider, StatusPurpose.SUSPENSION, now)
        locked.save(update_fields=["twin"])
    return locked.twin


def status_entries_allocate(*, provider: Provider, count: int,
                            now: datetime) -> list[tuple[StatusList, int]]:  # fmt: skip
    """``count`` free entries of ``provider``'s revocation lists (a new list when every
    one is half full), each drawn at random and marked taken; call inside the
    transaction that records them (an award, or a batch row's reservation)."""
    # The provider's row is the lock that makes "find a list with room, else make one"
    # one step: without it, two first awards at once each made a list of their own.
    Provider.objects.select_for_update(no_key=True).only("pk").get(pk=provider.pk)
    purpose = StatusPurpose.REVOCATION
    lists = (
        StatusList.objects.select_for_update(no_key=True)
        .filter(provider=provider, purpose=purpose, used__lt=F("size") / _FILL)
        .order_by("created_at", "pk")
    )
    candidates = list(lists)
    found: list[tuple[StatusList, int]] = []
    while len(found) < count:
        record = (
            candidates.pop(0)
            if candidates
            else StatusList.objects.select_for_update(no_key=True).get(
                pk=_new_list(provider, purpose, now).pk
            )
        )  # every list is half full: a new one
        room = record.size // _FILL - record.used
        if room <= 0:
            continue
        take = min(room, count - len(found))
        found += [(record, index) for index in _draw(record, take)]
        StatusList.objects.filter(pk=record.pk).update(used=F("used") + take,
                                                       taken=record.taken)  # fmt: skip
        record.used += take
    return found


def status_entry_allocate(*, provider: Provider, purpose: StatusPurpose,
                          now: datetime) -> tuple[StatusList, int]:  # fmt: skip
    """One free entry of one of ``provider``'s lists for ``purpose`` (only revocation
    lists are drawn from: a suspension list mirrors its revocation list's entries)."""
    if purpose != StatusPurpose.REVOCATION:
        raise ValueError("entries are drawn from revocation lists")
    return status_entries_allocate(provider=provider, count=1, now=now)[0]


def _draw(record: StatusList, count: int) -> list[int]:
    """``count`` entries of ``record`` drawn at random among the free ones and marked
    taken in ``record.taken`` (the list at most half full: two draws a hit on average)."""
    taken = bytearray(record.taken or bytes(record.size // 8))
    drawn: list[int] = []
    while len(drawn) < count:
        index = secrets.randbelow(record.size)
        byte, bit = divmod(index, 8)
        mask = 0x80 >> bit  # most significant bit first, as the published bitstring
        if not taken[byte] & mask:
            taken[byte] |= mask
            drawn.append(index)
    record.taken = bytes(taken)
    return drawn


def status_bit_set(*, record: StatusList, index: int, value: bool, now: datetime) -> StatusList:
    """Set (or clear) entry ``index`` of ``record`` and publish the list signed again;
    the row is locked for the read-change-sign, so concurrent changes lose no bit."""
    locked = StatusList.objects.select_for_update(no_key=True, of=("self",)).select_related(
        "provider").get(pk=record.pk)  # fmt: skip
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
