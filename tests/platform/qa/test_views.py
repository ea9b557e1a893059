"""The QA pages and endpoints: who sees what (the QA officer, provider A's admin and
staff, provider B's admin, a learner, an anonymous visitor), the checklist form (its
fieldsets, the error summary linking to fields, nothing half-saved), the API's decision,
and the demo's reviews with full checklists."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from microcred.platform.accounts.models import Role, User
from microcred.platform.accounts.services import membership_grant
from microcred.platform.catalog.models import DesignStatus, DesignVersion
from microcred.platform.providers.models import Provider
from microcred.platform.qa import messages as m
from microcred.platform.qa.models import Answer, ChecklistAnswer, DesignReview, ReviewDecision
from microcred.platform.qa.services import ChecklistEntry, design_review
from microcred.standard.annexes import AnnexIIPrinciple

from ..conftest import NOW, admin_of, person
from .helpers import submitted

pytestmark = pytest.mark.django_db

SURVEY = ChecklistEntry(answer=Answer.NOT_MET, comment="add a feedback survey")


@pytest.fixture
def world(provider_a: Provider, provider_b: Provider, qa_officer: User) -> dict[str, Any]:
    """A's design with one request for changes and a second version awaiting review."""
    first = submitted(provider_a, qa_officer)
    design_review(officer=qa_officer, version=first, decision=ReviewDecision.REQUEST_CHANGES,
                  reason="describe learner feedback", now=NOW,
                  checklist={"learner-centred": SURVEY})  # fmt: skip
    second = submitted(provider_a, qa_officer, design=first.design)
    staff = person("staff@a.example.org")
    membership_grant(user=staff, organisation=provider_a.organisation,
                     role=Role.PROVIDER_STAFF, now=NOW)  # fmt: skip
    submitted(provider_b, qa_officer)
    return {"first": first, "second": second, "officer": qa_officer,
            "a_admin": admin_of(provider_a), "a_staff": staff, "b_admin": admin_of(provider_b),
            "learner": person("learner@example.org"), "a": provider_a, "b": provider_b}  # fmt: skip


def client_of(user: User | None) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    if user is not None:
        client.force_login(user)
    return client


WHO = ["officer", "a_admin", "a_staff", "b_admin", "learner", "anonymous"]


def urls(world: dict[str, Any]) -> dict[str, str]:
    design, version, a = world["first"].design_id, world["second"].pk, world["a"].pk
    return {
        "queue": "/qa/designs/", "review": f"/qa/designs/{version}/review/",
        "history": f"/qa/history/{design}/", "stats": "/qa/stats/",
        "dashboard": f"/qa/providers/{a}/",
        "api-queue": "/api/v1/qa/queue",
        "api-checklist": f"/api/v1/qa/versions/{version}/checklist",
        "api-history": f"/api/v1/qa/designs/{design}/history", "api-stats": "/api/v1/qa/stats",
        "api-dashboard": f"/api/v1/qa/providers/{a}/dashboard",
    }  # fmt: skip


# the status each person gets (anonymous: the login page for pages, 401 for the API)
EXPECTED = {
    "officer": dict.fromkeys(["queue", "review", "history", "stats", "dashboard", "api-queue",
                              "api-checklist", "api-history", "api-stats", "api-dashboard"], 200),
    "a_admin": {"queue": 403, "review": 403, "history": 200, "stats": 403, "dashboard": 200,
                "api-queue": 403, "api-checklist": 403, "api-history": 200, "api-stats": 403,
                "api-dashboard": 200},
    "b_admin": {"queue": 403, "review": 403, "history": 404, "stats": 403, "dashboard": 404,
                "api-queue": 403, "api-checklist": 403, "api-history": 404, "api-stats": 403,
                "api-dashboard": 404},
    "anonymous": {"queue": 302, "review": 302, "history": 302, "stats": 302, "dashboard": 302,
                  "api-queue": 401, "api-checklist": 401, "api-history": 401, "api-stats": 401,
                  "api-dashboard": 401},
}  # fmt: skip
EXPECTED["a_staff"] = EXPECTED["a_admin"]
EXPECTED["learner"] = EXPECTED["b_admin"]


@pytest.mark.parametrize("who", WHO)
def test_permission_matrix(world: dict[str, Any], who: str) -> None:
    client = client_of(None if who == "anonymous" else world[who])
    got = {name: client.get(url).status_code for name, url in urls(world).items()}
    assert got == EXPECTED[who]


def test_another_provider_never_sees_the_history(world: dict[str, Any]) -> None:
    page = client_of(world["b_admin"]).get(urls(world)["history"]).content.decode()
    assert "describe learner feedback" not in page
    own = client_of(world["a_staff"]).get(urls(world)["history"]).content.decode()
    assert "describe learner feedback" in own  # the provider reads what to change
    assert "add a feedback survey" in own
    dashboard = client_of(world["a_admin"]).get(urls(world)["api-dashboard"]).json()
    comments = [a["comment"] for r in dashboard["reviews"] for a in r["checklist"]]
    assert "add a feedback survey" in comments
    assert dashboard["open_change_requests"] == []  # the second version answers it
    assert dashboard["stats"]["changes_requested"] == 1
    assert dashboard["reviews"][0]["reason"] == "describe learner feedback"


def test_the_checklist_page_has_a_fieldset_per_principle(world: dict[str, Any]) -> None:
    page = client_of(world["officer"]).get(urls(world)["review"]).content.decode()
    assert page.count("<fieldset") == 2 * len(AnnexIIPrinciple) + 1
    for principle in AnnexIIPrinciple:
        assert f'id="p-{principle}"' in page
        assert f'for="id_{principle}-comment"' in page
        assert f'name="{principle}-answer"' in page
    assert "Annex I elements that bear on it" in page


def form(**data: str) -> dict[str, str]:
    return {"decision": "approve", "reason": ""} | {k.replace("_", "-"): v for k, v in data.items()}


def test_a_refused_approval_lists_its_errors_and_writes_nothing(world: dict[str, Any]) -> None:
    before = DesignReview.objects.count(), ChecklistAnswer.objects.count()
    response = client_of(world["officer"]).post(urls(world)["review"],
                                                form(quality_answer="not_met"))  # fmt: skip
    assert response.status_code == 422
    page = response.content.decode()
    assert 'class="error-summary"' in page
    assert 'href="#id_quality-answer_0"' in page
    assert 'href="#id_transparency-answer_0"' in page
    assert m.APPROVAL_WITH_UNMET.en.split(":")[0] in page
    assert (DesignReview.objects.count(), ChecklistAnswer.objects.count()) == before
    world["second"].refresh_from_db()
    assert world["second"].status == DesignStatus.SUBMITTED


def test_a_bad_choice_is_a_field_error(world: dict[str, Any]) -> None:
    response = client_of(world["officer"]).post(urls(world)["review"],
                                                {"decision": "publish-anyway"})  # fmt: skip
    assert response.status_code == 422
    assert 'href="#id_decision_0"' in response.content.decode()
    assert DesignReview.objects.count() == 1


def test_the_page_records_an_approval(world: dict[str, Any]) -> None:
    answers = {f"{p}_answer": "met" for p in AnnexIIPrinciple}
    answers["portability_answer"] = "not_applicable"
    answers["portability_comment"] = "issued by the platform"
    response = client_of(world["officer"]).post(urls(world)["review"], form(**answers))
    assert response.status_code == 302
    assert response["Location"] == urls(world)["history"]
    review = DesignReview.objects.get(version=world["second"])
    assert review.answers.get(principle="portability").comment == "issued by the platform"


def test_the_api_records_a_request_for_changes(world: dict[str, Any]) -> None:
    url = f"/api/v1/qa/versions/{world['second'].pk}/reviews"
    client = client_of(world["officer"])
    bad = client.post(url, json.dumps({"decision": "reject", "reason": ""}),
                      content_type="application/json")  # fmt: skip
    assert bad.status_code == 422
    assert set(bad.json()["extra"]["fields"]) == {"reason", "checklist"}
    assert DesignReview.objects.count() == 1
    body = {
        "decision": "request_changes",
        "reason": "criteria",
        "checklist": {"valid-assessment": {"answer": "not_met", "comment": "no criteria"}},
    }
    made = client.post(url, json.dumps(body), content_type="application/json")
    assert made.status_code == 201, made.content
    found = {a["principle"]: a for a in made.json()["checklist"]}
    assert found["valid-assessment"] == {"principle": "valid-assessment", "answer": "not_met",
                                         "comment": "no criteria"}  # fmt: skip
    again = client.post(url, json.dumps(body), content_type="application/json")
    assert again.status_code == 409
    provider = client_of(world["a_admin"]).post(url, json.dumps(body),
                                                content_type="application/json")  # fmt: skip
    assert provider.status_code == 403


def test_the_api_checklist_carries_evidence(world: dict[str, Any]) -> None:
    got = client_of(world["officer"]).get(urls(world)["api-checklist"]).json()
    assert [p["principle"] for p in got["principles"]] == [str(p) for p in AnnexIIPrinciple]
    quality = got["principles"][0]
    assert quality["evidence"] in {"evidenced", "partial", "not-evidenced"}
    assert quality["reasons"]
    assert "quality-assurance" in [e["element"] for e in quality["elements"]]


def test_the_demo_records_full_checklists() -> None:
    from microcred.platform.demo import demo_designs, demo_seed

    from ...conftest import EXAMPLES

    demo_seed(now=NOW)
    files = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.glob("*.yaml"))]
    published = demo_designs(files, now=NOW)
    assert published >= 8
    approved = DesignVersion.objects.filter(status=DesignStatus.APPROVED)
    for version in approved:
        review = version.reviews.get()
        assert list(review.answers.values_list("answer", flat=True)) == ["met"] * 10
        assert all(review.answers.values_list("comment", flat=True))
    asked = DesignReview.objects.get(decision=ReviewDecision.REQUEST_CHANGES)
    assert asked.answers.get(principle="learner-centred").answer == "not_met"
    assert demo_designs(files, now=NOW) == published  # idempotent: nothing reviewed twice
    assert DesignReview.objects.count() == published + 1


def test_the_dashboard_shows_an_open_request_with_its_comments(
    provider_a: Provider, qa_officer: User
) -> None:
    version = submitted(provider_a, qa_officer)
    design_review(officer=qa_officer, version=version, decision=ReviewDecision.REQUEST_CHANGES,
                  reason="see the checklist", now=NOW,
                  checklist={"learner-centred": SURVEY})  # fmt: skip
    page = client_of(admin_of(provider_a)).get(f"/qa/providers/{provider_a.pk}/")
    text = page.content.decode()
    assert page.status_code == 200
    opened = text.index("Open requests for changes")
    assert text.index("add a feedback survey") > opened
    assert text.index("see the checklist") > opened
    assert "No open request for changes." not in text
