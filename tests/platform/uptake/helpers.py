"""Helpers of the uptake tests: awards of two providers of different types, in two
fields and levels, issued through the issuance services (signed, with status entries)
over two years — one corrected, one revoked — with and without a date of birth."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from microcred.platform.accounts.models import User
from microcred.platform.issuance.models import Award
from microcred.platform.issuance.services import award_correct, award_issue, award_revoke
from microcred.platform.providers.models import Provider

from ...conftest import EXAMPLES
from ..conftest import NOW, admin_of
from ..issuance.helpers import anna, published

#: the versions are approved before every award's date of issue
APPROVED = datetime(2025, 6, 1, 9, 0, tzinfo=UTC)
ENERGY = (EXAMPLES / "energy-audit-basics.yaml").read_text(encoding="utf-8")
#: a design in ISCED-F 003 (broad 00), with no level and no date of birth on its awards
TEAM = (EXAMPLES / "team-communication.yaml").read_text(encoding="utf-8")


@dataclass
class Awards:
    """What :func:`issue_awards` made: the awards by the learner's given name."""

    by_name: dict[str, Award]


def issue_awards(provider_a: Provider, provider_b: Provider, officer: User) -> Awards:
    """Provider A (a university) issues "Python basics" (ISCED-F 061, EQF 4) three times,
    once in 2025, and "Team communication" (ISCED-F 003, no level, no date of birth) once;
    provider B (a VET school) "Energy audit basics" (073 and 052, EQF 5)
    three times in 2026, one of them corrected and one revoked."""
    python = published(provider_a, officer, at=APPROVED)
    team = published(provider_a, officer, at=APPROVED, text=TEAM)
    energy = published(provider_b, officer, at=APPROVED, text=ENERGY)
    a, b = admin_of(provider_a), admin_of(provider_b)
    made: dict[str, Award] = {}
    for version, admin, given, family, born, issued in [
        (python, a, "Anna", "Kowalska", "2000-06-15", "2026-03-10"),  # 25: the birthday passed
        (python, a, "Jan", "Kamiński", "2001-12-01", "2026-11-30"),  # 24: the birthday to come
        (team, a, "Ewa", "Łukasiewicz", "", "2026-11-02"),  # no date of birth
        (python, a, "Olga", "Nowak", "1990-01-01", "2025-12-20"),  # the year before
        (energy, b, "Piotr", "Mazur", "1960-01-01", "2026-11-15"),  # 66
        (energy, b, "Zofia", "Wisniewska", "1985-05-05", "2026-11-20"),  # 41, corrected below
        (energy, b, "Marek", "Zając", "1970-03-03", "2026-10-10"),  # 56, revoked below
    ]:
        made[given] = award_issue(
            user=admin,
            version=version,
            now=NOW,
            request=anna(
                given_name=given,
                family_name=family,
                email=f"{given.lower()}@example.org",
                date_of_birth=born,
                issued_on=issued,
            ),
        )
    made["Zofia"] = award_correct(
        user=b,
        award=made["Zofia"],
        reason="a typo in the family name",
        now=NOW,
        request=anna(
            given_name="Zofia",
            family_name="Wiśniewska",
            email="zofia@example.org",
            date_of_birth="1985-05-05",
            issued_on="2026-11-20",
        ),
    )
    award_revoke(user=b, award=made["Marek"], reason="issued by mistake", now=NOW)
    return Awards(made)
