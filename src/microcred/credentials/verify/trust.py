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

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Protocol

from .report import Check, CheckStatus, Signer


@dataclass(frozen=True)
class TrustEntry:
    """What a trust list says of a signer it knows: the name it registered."""

    name: str


class TrustList(Protocol):
    """A register of recognised issuers: ``name`` says which register it is."""

    name: str

    def lookup(self, signer: Signer) -> TrustEntry | None:
        """The entry for ``signer``, or None when the register does not know it."""
        ...


@dataclass(frozen=True)
class StaticTrustList:
    """A trust list given as a mapping from signer ids (DIDs, seal subjects) to the
    names they are registered under."""

    name: str
    entries: Mapping[str, str]

    def lookup(self, signer: Signer) -> TrustEntry | None:
        """The entry registered for the signer's id."""
        registered = self.entries.get(signer.id)
        return TrustEntry(registered) if registered is not None else None


_NOT_CONFIRMED_EN = (
    "the issuer is not confirmed: a signature proves only that the holder of this key "
    "signed, and anyone can make a key"
)
_NOT_CONFIRMED_PL = (
    "wystawca nie jest potwierdzony: podpis dowodzi tylko, że podpisał posiadacz tego "
    "klucza, a klucz może wygenerować każdy"
)


def trust_check(
    signer: Signer | None, trust_list: TrustList | None, claimed_names: Collection[str] = ()
) -> tuple[Check, TrustEntry | None]:
    """The ``trust`` check for ``signer`` (None when no signature verified), and the
    trust list's entry when it confirms the issuer (its name is then the one to show).
    ``claimed_names`` are the issuer's names as the credential states them (any
    language): a registered name that is none of them is reported, not confirmed."""
    return _trust(signer, trust_list, claimed_names)


def _trust(
    signer: Signer | None,
    trust_list: TrustList | None,
    claimed_names: Collection[str],
) -> tuple[Check, TrustEntry | None]:
    if signer is None:
        return Check("trust", CheckStatus.NOT_APPLICABLE, "no_signer",
                     "not checked: no valid signature names a signer",
                     "nie sprawdzono: żaden poprawny podpis nie wskazuje "
                     "podpisującego"), None  # fmt: skip
    who = signer.short()
    if trust_list is None:
        return Check("trust", CheckStatus.WARNING, "not_checked",
                     f"signed by {who}; no trust list was checked, so {_NOT_CONFIRMED_EN}",
                     f"podpisał {who}; nie sprawdzono żadnej listy zaufanych wystawców, więc "
                     f"{_NOT_CONFIRMED_PL}"), None  # fmt: skip
    try:
        entry = trust_list.lookup(signer)
    except Exception as exc:  # a caller's register failing must not crash verify
        return Check("trust", CheckStatus.WARNING, "not_checked",
                     f"signed by {who}; the trust list {trust_list.name} could not be read "
                     f"({type(exc).__name__}), so {_NOT_CONFIRMED_EN}",
                     f"podpisał {who}; nie udało się odczytać listy {trust_list.name} "
                     f"({type(exc).__name__}), więc {_NOT_CONFIRMED_PL}"), None  # fmt: skip
    if entry is None:
        return Check("trust", CheckStatus.WARNING, "not_in_trust_list",
                     f"signed by {who}, who is not in {trust_list.name}: {_NOT_CONFIRMED_EN}",
                     f"podpisał {who}, którego nie ma na liście {trust_list.name}: "
                     f"{_NOT_CONFIRMED_PL}"), None  # fmt: skip
    names = {name.strip().casefold() for name in claimed_names}
    if names and entry.name.strip().casefold() not in names:
        claimed = " / ".join(sorted(claimed_names))
        return Check("trust", CheckStatus.WARNING, "name_differs",
                     f"signed by {who}, registered in {trust_list.name} as {entry.name}, "
                     f"but the credential names its issuer {claimed}",
                     f"podpisał {who}, zarejestrowany na liście {trust_list.name} jako "
                     f"{entry.name}, a poświadczenie podaje jako wystawcę "
                     f"{claimed}"), None  # fmt: skip
    return Check("trust", CheckStatus.PASS, "confirmed",
                 f"issuer confirmed by {trust_list.name}: {entry.name} ({who})",
                 f"wystawca potwierdzony przez {trust_list.name}: {entry.name} "
                 f"({who})"), entry  # fmt: skip
