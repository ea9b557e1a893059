"""The uptake figures, counted on awards issued through the services: each breakdown
right, the year filter, a corrected award counted once, a revoked one still counted; a
fixed number of queries whatever the number of awards; only the QA body and the
platform's administrators."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import translation

from microcred.platform.accounts.models import OrganisationKind, Role, User
from microcred.platform.accounts.services import membership_grant
from microcred.platform.core.errors import PermissionDeniedError
from microcred.platform.providers.models import Provider
from microcred.platform.uptake import messages as m
from microcred.platform.uptake.selectors import Tally, uptake_of, uptake_years

from ..conftest import NOW, admin_of, organisation, person
from ..issuance.helpers import anna
from .helpers import issue_awards

pytestmark = pytest.mark.django_db


def _counts(tallies: list[Tally]) -> dict[str, int]:
    return {t.key: t.count for t in tallies if t.count}


@pytest.fixture
def awards(provider_a: Provider, provider_b: Provider, qa_officer: User) -> None:
    issue_awards(provider_a, provider_b, qa_officer)


@pytest.mark.usefixtures("awards")
def test_the_figures_of_a_year(qa_officer: User) -> None:
    found = uptake_of(qa_officer, year=2026)
    assert (found.total, found.revoked, found.providers, found.learners) == (6, 1, 2, 6)
    # a design in two fields (073 and 052) counts in each broad field
    assert _counts(found.by_field) == {"00": 1, "06": 2, "07": 3, "05": 3}
    assert _counts(found.by_level) == {"4": 2, "5": 3, "none": 1}
    assert _counts(found.by_provider_type) == {"university": 3, "vet_school": 3}
    assert _counts(found.by_learner_group) == {
        "under-25": 1,
        "25-34": 1,
        "35-44": 1,
        "55-64": 1,
        "65-plus": 1,
        "none": 1,
    }
    assert _counts(found.by_period) == {"2026-03": 1, "2026-10": 1, "2026-11": 4}
    assert [t.key for t in found.by_period] == [f"2026-{m:02d}" for m in range(1, 13)]


@pytest.mark.usefixtures("awards")
def test_every_year_and_the_years(qa_officer: User) -> None:
    found = uptake_of(qa_officer)
    assert found.total == 7  # the corrected award's first issue is not counted
    assert _counts(found.by_period) == {"2025": 1, "2026": 6}
    assert uptake_years() == [2026, 2025]
    assert uptake_of(qa_officer, year=2025).total == 1
    assert uptake_of(qa_officer, year=2024).total == 0


@pytest.mark.usefixtures("awards")
def test_every_category_is_listed_with_its_label(qa_officer: User) -> None:
    found = uptake_of(qa_officer, year=2026, lang="pl")
    # every broad field; "not given" only when some design gives none
    assert [t.key for t in found.by_field] == [f"{n:02d}" for n in range(11)]
    assert [t.key for t in found.by_level] == [*(str(n) for n in range(1, 9)), "none"]
    assert [t.key for t in uptake_of(qa_officer, year=2025).by_level][-1] == "8"
    assert [t.key for t in found.by_provider_type] == [
        "university",
        "vet_school",
        "employer",
        "ngo",
        "training_company",
    ]
    assert uptake_of(qa_officer, year=2025, lang="pl").by_learner_group[-1] == Tally(
        "none", "nie podano daty urodzenia", 0
    )  # said, even when zero
    labels = {t.key: t.label for t in found.by_field}
    assert labels["06"] == "06 Technologie informacyjno-komunikacyjne"
    assert found.by_period[10].label == "Listopad"
    with translation.override("en"):
        assert uptake_of(qa_officer, year=2026, lang="en").by_period[10].label == "November"


def test_the_queries_do_not_grow_with_the_awards(
    provider_a: Provider, provider_b: Provider, qa_officer: User, django_assert_max_num_queries: Any
) -> None:
    awards = issue_awards(provider_a, provider_b, qa_officer)
    with django_assert_max_num_queries(5):
        uptake_of(qa_officer, year=2026)
    version = awards.by_name["Anna"].version
    for n in range(5):
        from microcred.platform.issuance.services import award_issue

        award_issue(
            user=admin_of(provider_a),
            version=version,
            now=NOW,
            request=anna(email=f"more{n}@example.org", date_of_birth="1999-01-01"),
        )
    with django_assert_max_num_queries(5):
        assert uptake_of(qa_officer, year=2026).total == 11


def test_the_platform_s_administrators_see_it(db: None) -> None:
    admin = person("admin@platform.example.org")
    membership_grant(
        user=admin,
        organisation=organisation(OrganisationKind.PLATFORM),
        role=Role.PLATFORM_ADMIN,
        now=NOW,
    )
    assert uptake_of(admin).total == 0


@pytest.mark.parametrize("who", ["learner", "provider", "employer", "anonymous"])
def test_no_one_else_sees_it(who: str, provider_a: Provider) -> None:
    from django.contrib.auth.models import AnonymousUser

    users: dict[str, Any] = {
        "learner": person("learner@example.org"),
        "provider": admin_of(provider_a),
        "anonymous": AnonymousUser(),
    }
    if who == "employer":
        users[who] = person("hr@firm.example.org")
        membership_grant(
            user=users[who],
            organisation=organisation(OrganisationKind.EMPLOYER),
            role=Role.EMPLOYER,
            now=NOW,
        )
    with pytest.raises(PermissionDeniedError) as raised:
        uptake_of(users[who])
    assert raised.value.code == m.NOT_OVERSEER.code
