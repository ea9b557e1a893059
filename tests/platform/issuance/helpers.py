"""Helpers of the issuance tests: a published design version of a verified provider, its
awarding body the provider itself (what its e-seal certifies)."""

from __future__ import annotations

from datetime import datetime

from microcred.platform.accounts.models import User
from microcred.platform.catalog.models import DesignVersion
from microcred.platform.catalog.services import design_import, design_version_submit
from microcred.platform.issuance.services import AwardRequest
from microcred.platform.providers.models import Provider
from microcred.platform.qa.models import ReviewDecision
from microcred.platform.qa.services import design_review

from ..conftest import NOW, admin_of, as_provider
from ..qa.helpers import DESIGN, all_met, verify


def published(provider: Provider, officer: User, *, at: datetime = NOW,
              text: str | None = None) -> DesignVersion:  # fmt: skip
    """A design of ``provider`` approved by ``officer``: the version the registry lists."""
    verify(provider, officer)
    admin = admin_of(provider)
    version = design_import(user=admin, provider=provider, now=at,
                            text=as_provider(text or DESIGN, provider))  # fmt: skip
    design_version_submit(user=admin, version=version, now=at)
    design_review(officer=officer, version=version, decision=ReviewDecision.APPROVE, reason="",
                  checklist=all_met(), now=at)  # fmt: skip
    version.refresh_from_db()
    return version


def anna(**changes: str) -> AwardRequest:
    """A valid award request; ``changes`` replace any field."""
    fields = {"given_name": "Anna", "family_name": "Kowalska", "email": "anna@example.org",
              "issued_on": "2026-12-01", "grade": ""} | changes  # fmt: skip
    return AwardRequest(**fields)
