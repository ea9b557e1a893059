"""Who signed a credential, and whether anyone vouches for them: the ``trust`` check.

A valid signature proves only that the holder of a key signed the document; anyone can
make a key and write any university's name into a credential. So ``verify`` names the
signer (:class:`Signer`: the DID and key of a Data Integrity or JOSE proof, the subject
of an e-seal certificate) and asks a :class:`TrustList` — a register of recognised
issuers the caller supplies, such as the platform's signed list of verified providers —
whether it knows that signer. The ``trust`` check has three states:

- ``confirmed`` (pass): the list vouches for the signer, under the name it registered;
- ``not_in_trust_list`` (warning): a list was consulted and does not know the signer;
- ``not_checked`` (warning): no list was consulted.

Only ``confirmed`` lets a report present the issuer's name as a fact. E-seals keep their
separate note on the EU eIDAS trusted lists (``jades``), which this check does not read.
"""

from __future__ import annotations

__all__ = ["Signer", "StaticTrustList", "TrustEntry", "TrustList", "trust_check"]

import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Protocol

from . import messages as m
from .report import Check, CheckStatus, Signer

NA, W = CheckStatus.NOT_APPLICABLE, CheckStatus.WARNING


@dataclass(frozen=True)
class TrustEntry:
    """What a trust list says of a signer it knows: the name it registered; and, from a
    list that keeps history (a LoTE), since when it was trusted, who verified it, and
    whether it was trusted when the credential was issued."""

    name: str
    since: dt.datetime | None = None
    verified_by: str | None = None
    trusted: bool = True


class TrustList(Protocol):
    """A register of recognised issuers: ``name`` says which register it is."""

    name: str

    def lookup(self, signer: Signer) -> TrustEntry | None:
        """The entry for ``signer``, or None when the register does not know it. A list
        that keeps history may also have ``lookup_at(signer, at)``: the entry as it
        stood at ``at``, when the credential was issued (``trust_check`` prefers it)."""
        ...


@dataclass(frozen=True)
class StaticTrustList:
    """A trust list given as a mapping from signer ids (DIDs, seal subjects) to the
    names they are registered under."""

    name: str
    entries: Mapping[str, str]

    def lookup(self, signer: Signer) -> TrustEntry | None:
        """The entry registered for the signer's id (whenever it signed)."""
        registered = self.entries.get(signer.id)
        return TrustEntry(registered) if registered is not None else None


def trust_check(
    signer: Signer | None,
    trust_list: TrustList | None,
    claimed_names: Collection[str] = (),
    at: dt.datetime | None = None,
) -> tuple[Check, TrustEntry | None]:
    """The ``trust`` check for ``signer`` (None when no signature verified), and the
    trust list's entry when it confirms the issuer (its name is then the one to show).
    ``claimed_names`` are the issuer's names as the credential states them (any
    language): a registered name that is none of them is reported, not confirmed."""
    if signer is None:
        return Check.of("trust", NA, m.NO_SIGNER()), None
    who = {"who": signer.short("en"), "who_pl": signer.short("pl")}
    if trust_list is None:
        return Check.of("trust", W, m.TRUST_NOT_CHECKED(**who)), None
    try:
        lookup_at = getattr(trust_list, "lookup_at", None)
        entry = lookup_at(signer, at) if callable(lookup_at) else trust_list.lookup(signer)
    except Exception as exc:  # a caller's register failing must not crash verify
        unreadable = m.TRUST_LIST_UNREADABLE(**who, list=trust_list.name, error=type(exc).__name__)
        return Check.of("trust", W, unreadable, code="not_checked"), None
    if entry is None:
        return Check.of("trust", W, m.NOT_IN_TRUST_LIST(**who, list=trust_list.name)), None
    if not entry.trusted:
        when = f"{at:%Y-%m-%d}" if at else "—"
        untrusted = m.NOT_TRUSTED_THEN(**who, list=trust_list.name, registered=entry.name,
                                       date=when)  # fmt: skip
        return Check.of("trust", CheckStatus.FAIL, untrusted), None
    names = {name.strip().casefold() for name in claimed_names}
    if names and entry.name.strip().casefold() not in names:
        claimed = " / ".join(sorted(claimed_names))
        differs = m.NAME_DIFFERS(**who, list=trust_list.name, registered=entry.name,
                                 claimed=claimed)  # fmt: skip
        return Check.of("trust", W, differs), None
    if entry.since and entry.verified_by:
        confirmed = m.CONFIRMED_PROVIDER(**who, list=trust_list.name, registered=entry.name,
                                         since=f"{entry.since:%Y-%m-%d}",
                                         verified_by=entry.verified_by)  # fmt: skip
        return Check.of("trust", CheckStatus.PASS, confirmed, code="confirmed"), entry
    confirmed = m.CONFIRMED(**who, list=trust_list.name, registered=entry.name)
    return Check.of("trust", CheckStatus.PASS, confirmed), entry
