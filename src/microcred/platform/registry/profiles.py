"""A provider's public profile (no login): who it is, since when and by whom it is
verified, its DIDs and its entry in the trust list, and its published designs.

Only a provider a QA body has verified has a public profile: a verified one, and a
suspended one (its page says since when; its designs have left the registry). A
provider awaiting verification, asked for changes or rejected has none (404): the
registry never names a provider no QA body vouches for.
"""

from __future__ import annotations

__all__ = ["KeyPeriod", "ProviderProfile", "country_label", "provider_profile"]

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import QuerySet

from ...standard.vocab import Country
from ..catalog.models import DesignVersion
from ..core.errors import NotFoundError
from ..providers.models import Provider, ProviderStatus
from .selectors import providers_with_slug, published

#: the statuses whose provider has a public profile
_PUBLIC = (ProviderStatus.APPROVED, ProviderStatus.SUSPENDED)


@dataclass(frozen=True)
class KeyPeriod:
    """One signing key, as the trust list and the DID document publish it."""

    method: str
    algorithm: str
    valid_from: datetime
    valid_until: datetime | None


@dataclass(frozen=True)
class ProviderProfile:
    """What the public profile shows of a provider."""

    provider: Provider
    #: the start of its current verified period (None while suspended)
    verified_since: datetime | None
    #: the QA body whose decision last verified it
    verified_by: str
    #: when it was suspended (None while verified)
    suspended_since: datetime | None
    reverify_by: date | None
    keys: list[KeyPeriod]
    designs: QuerySet[DesignVersion]

    @property
    def verified(self) -> bool:
        return self.provider.status == ProviderStatus.APPROVED


def country_label(code: str, lang: str) -> str:
    """A country's name in ``lang`` from the standard's vocabulary (the code when it has
    none)."""
    try:
        return Country(code).label(lang)
    except ValueError:
        return code


def provider_profile(slug: str) -> ProviderProfile:
    """The public profile of the provider ``slug``, or :class:`NotFoundError` when
    there is none (no such provider, or one no QA body has verified)."""
    provider = providers_with_slug(slug[:60]).select_related("organisation").first()
    if provider is None or provider.status not in _PUBLIC:
        raise NotFoundError()
    trail = list(provider.decisions.select_related("qa_body").order_by("decided_at", "pk"))
    verified_since = suspended_since = None
    verified_by = ""
    for decision in trail:
        if decision.status_after == ProviderStatus.APPROVED:
            verified_by = decision.qa_body.name
            if decision.status_before != ProviderStatus.APPROVED:
                verified_since = decision.decided_at
        if decision.status_after == ProviderStatus.SUSPENDED:
            suspended_since = decision.decided_at
    if provider.status == ProviderStatus.APPROVED:
        suspended_since = None
    else:
        verified_since = None
    keys = [
        KeyPeriod(f"{provider.did}#{key.fragment}", key.algorithm, key.valid_from, key.valid_until)
        for key in provider.keys.order_by("valid_from", "pk")
    ]
    return ProviderProfile(
        provider=provider, verified_since=verified_since, verified_by=verified_by,
        suspended_since=suspended_since, reverify_by=provider.reverify_by, keys=keys,
        designs=published().filter(design__provider=provider),
    )  # fmt: skip
