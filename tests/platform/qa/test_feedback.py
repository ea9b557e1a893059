"""Learners' feedback: one per award, only by its learner, not on a revoked award;
shown on the provider's QA dashboard (page and API) to its people and the QA body,
never with the learner's name."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.urls import reverse

from microcred.platform.core.errors import ConflictError, InvalidInputError, PermissionDeniedError
from microcred.platform.issuance.models import AwardState
from microcred.platform.issuance.services import award_issue
from microcred.platform.qa import messages as m
from microcred.platform.qa.feedback import COMMENT_LIMIT, feedback_give, feedback_summary
from microcred.platform.qa.models import LearnerFeedback

from ..conftest import NOW, admin_of, log_in, person
from ..issuance.helpers import anna, published

pytestmark = pytest.mark.django_db


@pytest.fixture
def awards(provider_a, qa_officer):
    version = published(provider_a, qa_officer)
    return [award_issue(user=admin_of(provider_a), version=version,
                        request=anna(email=f"learner{n}@example.org", date_of_birth="1990-04-02"),
                        now=NOW) for n in range(3)]  # fmt: skip


def test_feedback_is_given_once_and_summarised(awards, provider_a):
    learners = [person(a.email) for a in awards]
    for award, learner, rating in zip(awards, learners, (5, 4, 5), strict=True):
        feedback_give(user=learner, award=award, rating=rating, comment=f"ok {rating}", now=NOW)
    with pytest.raises(ConflictError) as caught:
        feedback_give(user=learners[0], award=awards[0], rating=1, comment="again", now=NOW)
    assert caught.value.code == m.FEEDBACK_GIVEN.code
    summary = feedback_summary(provider_a)
    assert summary.count == 3
    assert summary.average == pytest.approx(14 / 3)
    assert dict(summary.distribution) == {5: 2, 4: 1, 3: 0, 2: 0, 1: 0}
    assert [(v.count, round(v.average, 2)) for v in summary.versions] == [(3, 4.67)]
    assert {c.comment for c in summary.recent} == {"ok 5", "ok 4"}


def test_only_the_learner_gives_it(awards, provider_a, provider_b):
    for who in (admin_of(provider_a), admin_of(provider_b), person("other@example.org")):
        with pytest.raises(PermissionDeniedError):
            feedback_give(user=who, award=awards[0], rating=5, comment="", now=NOW)
    assert not LearnerFeedback.objects.exists()


@pytest.mark.parametrize(("rating", "comment", "field"), [
    (0, "", "rating"), (6, "", "rating"), ("five", "", "rating"), (None, "", "rating"),
    (5, "x" * (COMMENT_LIMIT + 1), "comment"),
])  # fmt: skip
def test_bad_feedback_is_refused_by_field(awards, rating, comment, field):
    learner = person(awards[0].email)
    with pytest.raises(InvalidInputError) as caught:
        feedback_give(user=learner, award=awards[0], rating=rating, comment=comment, now=NOW)
    assert field in caught.value.extra["fields"]
    assert not LearnerFeedback.objects.exists()


def test_no_feedback_on_a_revoked_award(awards):
    learner = person(awards[0].email)
    type(awards[0]).objects.filter(pk=awards[0].pk).update(state=AwardState.REVOKED)
    awards[0].refresh_from_db()
    with pytest.raises(ConflictError):
        feedback_give(user=learner, award=awards[0], rating=5, comment="", now=NOW)
    assert not LearnerFeedback.objects.exists()


def test_the_learner_gives_it_in_the_page(client, awards):
    person(awards[0].email)
    log_in(client, awards[0].email)
    url = reverse("qa:feedback", args=[awards[0].pk])
    refused = client.post(url, {"comment": "no rating"})
    assert refused.status_code == 422
    assert 'id="id_rating_error"' in refused.content.decode()
    response = client.post(url, {"rating": "4", "comment": "Dobre ćwiczenia."})
    assert response.status_code == 302
    assert LearnerFeedback.objects.get().rating == 4
    assert "4" in client.get(url).content.decode()
    assert client.post(url, {"rating": "1"}).status_code == 409
    assert LearnerFeedback.objects.count() == 1


def test_the_dashboard_shows_it_without_names(client, awards, provider_a, provider_b, qa_officer):
    learner = person(awards[0].email)
    feedback_give(user=learner, award=awards[0], rating=2, comment="Za szybkie tempo.", now=NOW)
    for who in (admin_of(provider_a).email, qa_officer.email):
        client.logout()
        log_in(client, who)
        page = client.get(reverse("qa:dashboard", args=[provider_a.pk])).content.decode()
        assert "Za szybkie tempo." in page
        assert awards[0].email not in page
        api = client.get(f"/api/v1/qa/providers/{provider_a.pk}/dashboard").json()["feedback"]
        assert api["count"] == 1
        assert api["distribution"]["2"] == 1
        assert api["recent"][0]["comment"] == "Za szybkie tempo."
        assert "email" not in str(api)
        assert "Kowalska" not in str(api)
    client.logout()
    log_in(client, admin_of(provider_b).email)
    assert client.get(reverse("qa:dashboard", args=[provider_a.pk])).status_code == 404
    assert client.get(f"/api/v1/qa/providers/{provider_a.pk}/dashboard").status_code == 404


def test_the_api_takes_it_once(client, awards):
    person(awards[1].email)
    log_in(client, awards[1].email)
    url = f"/api/v1/qa/awards/{awards[1].pk}/feedback"
    made = client.post(url, {"rating": 5, "comment": "Polecam"}, content_type="application/json")
    assert made.status_code == 201
    assert made.json()["rating"] == 5
    again = client.post(url, {"rating": 3}, content_type="application/json")
    assert again.status_code == 409
    assert again.json()["code"] == m.FEEDBACK_GIVEN.code
    bad = client.post(f"/api/v1/qa/awards/{awards[2].pk}/feedback", {"rating": 5},
                      content_type="application/json")  # fmt: skip
    assert bad.status_code == 404  # not this learner's award


@pytest.mark.django_db(transaction=True)
def test_two_requests_at_once_keep_one(provider_a, qa_officer):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers: the race needs PostgreSQL")
    version = published(provider_a, qa_officer)
    award = award_issue(user=admin_of(provider_a), version=version,
                        request=anna(date_of_birth="1990-04-02"), now=NOW)  # fmt: skip
    learner = person(award.email)

    def give(rating: int) -> str:
        try:
            feedback_give(user=learner, award=award, rating=rating, comment="", now=NOW)
            return "given"
        except ConflictError:
            return "refused"
        finally:
            connection.close()

    with ThreadPoolExecutor(4) as pool:
        outcomes = list(pool.map(give, (5, 4, 3, 2)))
    assert outcomes.count("given") == 1
    assert LearnerFeedback.objects.filter(award=award).count() == 1


def test_no_feedback_form_on_a_revoked_award_nor_for_the_provider(client, awards, provider_a):
    person(awards[0].email)
    type(awards[0]).objects.filter(pk=awards[0].pk).update(state=AwardState.REVOKED)
    log_in(client, awards[0].email)
    page = client.get(reverse("issuance:award", args=[awards[0].pk])).content.decode()
    assert reverse("qa:feedback", args=[awards[0].pk]) not in page
    form = client.get(reverse("qa:feedback", args=[awards[0].pk])).content.decode()
    assert "<form" not in form.split("<main", 1)[1]
    client.logout()
    log_in(client, admin_of(provider_a).email)
    assert client.get(reverse("qa:feedback", args=[awards[1].pk])).status_code == 404
