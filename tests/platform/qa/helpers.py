"""Helpers of the qa tests: a submitted design version of a verified provider, and
checklists."""

from __future__ import annotations

from datetime import datetime

from microcred.platform.accounts.models import User
from microcred.platform.catalog.models import Design, DesignVersion
from microcred.platform.catalog.services import design_import, design_version_submit
from microcred.platform.providers.models import Decision, Provider
from microcred.platform.providers.services import provider_decide
from microcred.platform.qa.models import Answer
from microcred.platform.qa.services import ChecklistEntry
from microcred.standard.annexes import AnnexIIPrinciple

from ...conftest import EXAMPLES
from ..conftest import NOW, admin_of, as_provider

DESIGN = (EXAMPLES / "python-basics.yaml").read_text(encoding="utf-8")


def verify(provider: Provider, officer: User) -> None:
    if not provider.verified:
        provider_decide(officer=officer, provider=provider, decision=Decision.APPROVE,
                        reason="", now=NOW)  # fmt: skip
        provider.refresh_from_db()


def submitted(provider: Provider, officer: User, *, at: datetime = NOW,
              design: Design | None = None) -> DesignVersion:  # fmt: skip
    """A new submitted version (of ``design``, or of a new design) of ``provider``."""
    verify(provider, officer)
    version = design_import(user=admin_of(provider), provider=provider, now=at,
                            text=as_provider(DESIGN, provider),
                            design=design)  # fmt: skip
    return design_version_submit(user=admin_of(provider), version=version, now=at)


def all_met(**changes: ChecklistEntry) -> dict[str, ChecklistEntry]:
    """Every principle met (with a comment), but for ``changes`` (keys with ``_``)."""
    entries = {str(p): ChecklistEntry(answer=Answer.MET, comment=f"{p} ok")
               for p in AnnexIIPrinciple}  # fmt: skip
    return entries | {key.replace("_", "-"): entry for key, entry in changes.items()}


NOT_MET = ChecklistEntry(answer=Answer.NOT_MET, comment="missing")
