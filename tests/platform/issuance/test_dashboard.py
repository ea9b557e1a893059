"""A provider's awards dashboard: awards per design and month, per state, the latest
revocations with their reasons (computed by the database on awards issued through the
services); the page for the provider's people (everything) and the QA body (the figures,
no learner's name), 404 to anyone else; the CSV's cells never formulas."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import pytest
from django.test import Client

from microcred.platform.accounts.models import User
from microcred.platform.issuance.dashboard import (
    _month_starts,
    issued_per_design_month,
    latest_revocations,
    state_counts,
)
from microcred.platform.issuance.services import award_issue, award_revoke
from microcred.platform.providers.models import Provider

from ..conftest import NOW, admin_of, log_in, person
from ..uptake.helpers import APPROVED, ENERGY, issue_awards
from .helpers import anna, published

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 12, 1)


def test_the_last_twelve_months() -> None:
    months = _month_starts(TODAY, 12)
    assert (months[0], months[-1], len(months)) == (dt.date(2026, 1, 1), dt.date(2026, 12, 1), 12)
    assert _month_starts(dt.date(2026, 2, 28), 3) == [
        dt.date(2025, 12, 1),
        dt.date(2026, 1, 1),
        dt.date(2026, 2, 1),
    ]


def test_awards_per_design_and_month(
    provider_a: Provider, provider_b: Provider, qa_officer: User, django_assert_max_num_queries: Any
) -> None:
    made = issue_awards(provider_a, provider_b, qa_officer)
    with django_assert_max_num_queries(2):
        found = issued_per_design_month(provider_a, today=TODAY)
    python, team = made.by_name["Anna"].version, made.by_name["Ewa"].version
    # the most issued design first; Olga's award of 2025-12 is older than twelve months
    assert [d[0] for d in found.designs] == [python.design_id, team.design_id]
    assert found.designs[0][1:] == (python.title_pl, python.title_en)
    assert found.counts == {(0, 2): 1, (0, 10): 1, (1, 10): 1}  # March; November twice
    assert found.total == 3
    assert [(r[0], r[3], r[4]) for r in found.rows()] == [
        (python.design_id, dt.date(2026, 3, 1), 1),
        (python.design_id, dt.date(2026, 11, 1), 1),
        (team.design_id, dt.date(2026, 11, 1), 1),
    ]
    # twelve months back from January 2026: Olga's award of December 2025 only
    assert issued_per_design_month(provider_a, today=dt.date(2026, 1, 31)).counts == {(0, 10): 1}


def test_states_and_revocations(
    provider_a: Provider, provider_b: Provider, qa_officer: User
) -> None:
    issue_awards(provider_a, provider_b, qa_officer)
    # B: Piotr, Zofia's corrected award (active) and the one it replaced, Marek (revoked)
    assert state_counts(provider_b) == {"active": 2, "suspended": 0, "revoked": 2}
    assert state_counts(provider_a) == {"active": 4, "suspended": 0, "revoked": 0}
    revoked = list(latest_revocations(provider_b))
    assert {a.given_name for a in revoked} == {"Zofia", "Marek"}
    reasons = {a.given_name: a.revocation_reason for a in revoked}
    assert reasons["Marek"] == "issued by mistake"
    assert reasons["Zofia"].startswith("replaced by ")
    assert all(a.revoked_at == NOW for a in revoked)
    assert list(latest_revocations(provider_a)) == []


@pytest.fixture
def world(provider_a: Provider, provider_b: Provider, qa_officer: User) -> dict[str, Any]:
    issue_awards(provider_a, provider_b, qa_officer)
    return {"a": provider_a, "b": provider_b, "officer": qa_officer}


def _page(email: str, url: str) -> Any:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    log_in(client, email)
    return client.get(url)


def test_the_provider_s_people_see_everything(world: dict[str, Any]) -> None:
    b = world["b"]
    page = _page(admin_of(b).email, f"/awards/providers/{b.pk}/dashboard/?q=zajac")
    text = page.content.decode()
    assert page.status_code == 200
    assert 'class="columns"' in text
    assert "Latest revocations" in text
    assert "issued by mistake" in text  # a revocation's reason
    found = text[text.index('id="search-title"') : text.index('id="revocations-title"')]
    assert "Marek Zając" in found
    assert "Piotr" not in found
    assert 'id="feedback-title"' in text
    assert "BATCHES" not in text  # the marked place is a template comment


def test_the_qa_body_sees_the_figures_without_names(world: dict[str, Any]) -> None:
    b = world["b"]
    page = _page(world["officer"].email, f"/awards/providers/{b.pk}/dashboard/?q=zajac")
    text = page.content.decode()
    assert page.status_code == 200
    assert 'class="columns"' in text
    for private in ("Zając", "Mazur", "issued by mistake", "marek@example.org", 'name="q"'):
        assert private not in text
    csv_url = f"/awards/providers/{b.pk}/dashboard/awards-per-month.csv"
    assert _page(world["officer"].email, csv_url).status_code == 200


@pytest.mark.parametrize("who", ["learner", "other provider"])
def test_no_one_else_sees_it(world: dict[str, Any], who: str) -> None:
    email = "marek@example.org" if who == "learner" else admin_of(world["a"]).email
    if who == "learner":
        person(email)
    b = world["b"]
    assert _page(email, f"/awards/providers/{b.pk}/dashboard/").status_code == 404
    csv_url = f"/awards/providers/{b.pk}/dashboard/awards-per-month.csv"
    assert _page(email, csv_url).status_code == 404


def test_the_csv_neutralises_a_title_that_looks_like_a_formula(
    provider_a: Provider, qa_officer: User
) -> None:
    text = ENERGY.replace("pl: ", 'pl: =HYPERLINK("https://evil.example") ', 1)
    version = published(provider_a, qa_officer, at=APPROVED, text=text)
    assert version.title_pl.startswith("=HYPERLINK")
    award_issue(
        user=admin_of(provider_a),
        version=version,
        now=NOW,
        request=anna(date_of_birth="1990-01-01", issued_on="2026-11-05"),
    )
    response = _page(
        admin_of(provider_a).email,
        f"/awards/providers/{provider_a.pk}/dashboard/awards-per-month.csv",
    )
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeffdesign,title_pl,title_en,month,awards\r\n")
    rows = list(csv.reader(io.StringIO(body.removeprefix("\ufeff"))))
    assert rows[1][1].startswith("'=HYPERLINK")
    assert rows[1][3:] == ["2026-11", "1"]


def test_a_revoked_award_s_reason_is_listed_first(provider_a: Provider, qa_officer: User) -> None:
    version = published(provider_a, qa_officer)
    admin = admin_of(provider_a)
    first = award_issue(
        user=admin, version=version, now=NOW, request=anna(date_of_birth="1990-01-01")
    )
    second = award_issue(
        user=admin,
        version=version,
        now=NOW,
        request=anna(email="b@example.org", date_of_birth="1990-01-01"),
    )
    award_revoke(user=admin, award=first, reason="first", now=NOW)
    award_revoke(user=admin, award=second, reason="second", now=NOW + dt.timedelta(hours=1))
    assert [a.revocation_reason for a in latest_revocations(provider_a)] == ["second", "first"]
