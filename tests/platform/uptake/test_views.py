"""The uptake page, its CSV and its API: for the QA body and the platform's
administrators (a learner, a provider, an employer: 403; anonymous: to the login page),
the year checked, every CSV cell safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client

from microcred.platform.accounts.models import OrganisationKind, Role, User
from microcred.platform.accounts.services import membership_grant
from microcred.platform.providers.models import Provider
from microcred.platform.uptake.exports import csv_lines
from microcred.platform.uptake.selectors import Tally, Uptake

from ..conftest import NOW, admin_of, log_in, organisation, person
from .helpers import issue_awards

pytestmark = pytest.mark.django_db
URLS = ["/uptake/", "/uptake/export.csv", "/api/v1/uptake", "/api/v1/uptake/years"]


@pytest.fixture
def officer(provider_a: Provider, provider_b: Provider, qa_officer: User) -> Client:
    issue_awards(provider_a, provider_b, qa_officer)
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    log_in(client, qa_officer.email)
    return client


def test_the_page_draws_every_breakdown(officer: Client) -> None:
    page = officer.get("/uptake/?year=2026")
    assert page.status_code == 200
    text = page.content.decode()
    assert text.count('<svg class="bars"') == 4
    assert text.count('<svg class="columns"') == 1
    for heading in (
        "Field of education (ISCED-F)",
        "EQF level",
        "Provider type",
        "Learner&#x27;s age at issue",
        "Awards issued per month, 2026",
    ):
        assert heading in text
    # the numbers are written on the chart and in its table
    assert (
        '<th scope="row">07 Engineering, manufacturing and construction</th><td class="num">3'
        in text
    )
    assert '<option value="2025">2025</option>' in text
    assert 'href="/uptake/export.csv?year=2026"' in text


def test_a_bad_year_is_said(officer: Client) -> None:
    page = officer.get("/uptake/?year=1999")
    assert page.status_code == 422
    assert "The year must be a number from 2000 to 2100." in page.content.decode()
    api = officer.get("/api/v1/uptake?year=next")
    assert api.status_code == 422
    assert api.json()["code"] == "uptake_bad_year"
    assert "year" in api.json()["extra"]["fields"]
    assert officer.get("/uptake/export.csv?year=x").status_code == 422


def test_the_csv(officer: Client) -> None:
    response = officer.get("/uptake/export.csv?year=2026")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="microcred-uptake-2026.csv"' in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffdimension,key,label,awards\r\n")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert ["total", "awards", "2026", "6"] in rows
    assert ["provider_type", "vet_school", "VET school", "3"] in rows
    assert ["learner_group", "65-plus", "65 and over", "1"] in rows
    assert ["period", "2026-11", "November", "4"] in rows


def test_a_csv_cell_is_never_a_formula() -> None:
    tally = [
        Tally("=1+1", '=HYPERLINK("https://evil.example","x")', 1),
        Tally("@SUM(A1)", "-2", 2),
        Tally("+x", "\tx", 3),
    ]
    uptake = Uptake(
        year=None,
        total=1,
        revoked=0,
        providers=1,
        learners=1,
        by_field=tally,
        by_level=[],
        by_provider_type=[],
        by_learner_group=[],
        by_period=[],
    )
    rows = list(csv.reader(io.StringIO("".join(csv_lines(uptake)).removeprefix("\ufeff"))))
    cells = [cell for row in rows[1:] for cell in row]
    assert not [c for c in cells if c.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert ["field", "'=1+1", '\'=HYPERLINK("https://evil.example","x")', "1"] in rows


def test_the_api(officer: Client) -> None:
    found = officer.get("/api/v1/uptake?year=2026").json()
    assert (found["year"], found["awards"], found["revoked"]) == (2026, 6, 1)
    assert {"key": "vet_school", "label": "VET school", "count": 3} in found["by_provider_type"]
    assert officer.get("/api/v1/uptake").json()["by_period"] == [
        {"key": "2025", "label": "2025", "count": 1},
        {"key": "2026", "label": "2026", "count": 6},
    ]
    assert officer.get("/api/v1/uptake/years").json() == [2026, 2025]


def test_the_platform_s_administrator_sees_them(db: None) -> None:
    admin = person("admin@platform.example.org")
    membership_grant(
        user=admin,
        organisation=organisation(OrganisationKind.PLATFORM),
        role=Role.PLATFORM_ADMIN,
        now=NOW,
    )
    client = Client()
    log_in(client, admin.email)
    assert [client.get(url).status_code for url in URLS] == [200, 200, 200, 200]


@pytest.mark.parametrize("who", ["learner", "provider", "employer"])
def test_no_one_else_sees_them(who: str, provider_a: Provider) -> None:
    user = {
        "learner": lambda: person("learner@example.org"),
        "provider": lambda: admin_of(provider_a),
        "employer": lambda: person("hr@firm.example.org"),
    }[who]()
    if who == "employer":
        membership_grant(
            user=user,
            organisation=organisation(OrganisationKind.EMPLOYER),
            role=Role.EMPLOYER,
            now=NOW,
        )
    client = Client()
    log_in(client, user.email)
    assert [client.get(url).status_code for url in URLS] == [403, 403, 403, 403]
    page = client.get("/").content.decode()
    assert 'href="/uptake/"' not in page  # not in the menu either


def test_anonymous_is_asked_to_log_in(db: None) -> None:
    client = Client()
    assert client.get("/uptake/").status_code == 302
    assert client.get("/uptake/export.csv").status_code == 302
    assert client.get("/api/v1/uptake").status_code == 401
