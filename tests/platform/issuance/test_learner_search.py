"""A provider's awards found by the learner's name or e-mail address, whatever the case
and the diacritics, on each database the tests run on; a query's regular-expression
characters are text; another provider's awards are never found."""

from __future__ import annotations

import re

import pytest

from microcred.platform.accounts.models import User
from microcred.platform.issuance.learner_search import awards_matching, folded_pattern
from microcred.platform.issuance.services import award_issue
from microcred.platform.providers.models import Provider

from ..conftest import NOW, admin_of
from .helpers import anna, published

pytestmark = pytest.mark.django_db
LEARNERS = [
    ("Łukasz", "Żółkiewski", "lukasz@example.org"),
    ("Jan", "Kamiński", "jk@example.org"),
    ("Anna", "Kowalska", "a.kowalska+mc@example.org"),
    ("Søren", "Müller", "sm@example.org"),
]


@pytest.fixture
def issued(provider_a: Provider, provider_b: Provider, qa_officer: User) -> None:
    version = published(provider_a, qa_officer)
    for given, family, email in LEARNERS:
        award_issue(
            user=admin_of(provider_a),
            version=version,
            now=NOW,
            request=anna(
                given_name=given, family_name=family, email=email, date_of_birth="1990-01-01"
            ),
        )
    other = published(provider_b, qa_officer)
    award_issue(
        user=admin_of(provider_b),
        version=other,
        now=NOW,
        request=anna(
            given_name="Jan",
            family_name="Kamiński",
            email="jan@b.example.org",
            date_of_birth="1990-01-01",
        ),
    )


@pytest.mark.usefixtures("issued")
@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("kaminski", ["Kamiński"]),
        ("KAMIŃSKI", ["Kamiński"]),
        ("Kaminski jan", ["Kamiński"]),
        ("lukasz zolkiewski", ["Żółkiewski"]),
        ("ŁUKASZ", ["Żółkiewski"]),
        ("żółk", ["Żółkiewski"]),
        ("soren muller", ["Müller"]),
        ("MÜLLER", ["Müller"]),
        ("a.kowalska+mc@", ["Kowalska"]),
        ("EXAMPLE.ORG", ["Kamiński", "Kowalska", "Müller", "Żółkiewski"]),
        ("kowalsky", []),
        (".*", []),
        ("[", []),
        ("a+", ["Kowalska"]),
        ("a++", []),
        ("   ", []),  # "+" is text
    ],
)
def test_found(provider_a: Provider, query: str, found: list[str]) -> None:
    names = sorted(a.family_name for a in awards_matching(provider_a, query))
    assert names == found


@pytest.mark.usefixtures("issued")
def test_only_the_provider_s_awards(provider_b: Provider) -> None:
    assert [a.email for a in awards_matching(provider_b, "kaminski")] == ["jan@b.example.org"]


def test_the_pattern() -> None:
    pattern = folded_pattern("lodz.")
    assert re.fullmatch(pattern, "Łódź.")
    assert re.fullmatch(pattern, "LODZ.")
    assert not re.fullmatch(pattern, "lodzx")
