"""The issuance pages and endpoints: who sees what, the form's errors under their fields,
the API's error shape, and the published status list (public, cached, ETag)."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from microcred.credentials.status import read_status_list
from microcred.platform.issuance import messages as m
from microcred.platform.issuance.models import Award
from microcred.platform.issuance.services import award_issue

from ..conftest import NOW, admin_of, log_in, person
from .helpers import anna, published

pytestmark = pytest.mark.django_db


@pytest.fixture
def version(provider_a, qa_officer):
    return published(provider_a, qa_officer)


@pytest.fixture
def award(provider_a, version):
    return award_issue(user=admin_of(provider_a), version=version,
                       request=anna(date_of_birth="1990-04-02"), now=NOW)  # fmt: skip


def test_the_form_issues_and_shows_the_award(client, provider_a, version):
    log_in(client, admin_of(provider_a).email)
    url = reverse("issuance:issue", args=[version.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "date of birth" in page.content.decode().lower() or "urodzenia" in page.content.decode()
    typed = {"given_name": "Jan", "family_name": "Nowak", "email": "jan@example.org",
             "date_of_birth": "1991-02-03"}  # fmt: skip
    response = client.post(url, typed)
    award = Award.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("issuance:award", args=[award.pk])
    shown = client.get(response["Location"]).content.decode()
    assert "Jan Nowak" in shown
    assert award.credential_id in shown
    ob3 = client.get(reverse("issuance:ob3", args=[award.pk]))
    assert json.loads(ob3.content)["id"] == award.credential_id
    listing = client.get(reverse("issuance:provider_awards", args=[provider_a.pk]))
    assert "Jan Nowak" in listing.content.decode()


def test_the_form_shows_each_error_under_its_field(client, provider_a, version):
    log_in(client, admin_of(provider_a).email)
    response = client.post(reverse("issuance:issue", args=[version.pk]),
                           {"given_name": "", "family_name": "Nowak", "email": "nope",
                            "date_of_birth": "1991-02-03"})  # fmt: skip
    assert response.status_code == 422
    html = response.content.decode()
    assert 'id="id_given_name_error"' in html
    assert 'id="id_email_error"' in html
    assert not Award.objects.exists()


def test_outsiders_see_nothing(client, provider_b, award, version):
    for who in (admin_of(provider_b).email, "someone@example.org"):
        if who == "someone@example.org":
            person(who)
        client.logout()
        log_in(client, who)
        for url in (reverse("issuance:award", args=[award.pk]),
                    reverse("issuance:ob3", args=[award.pk]),
                    reverse("issuance:issue", args=[version.pk]),
                    f"/api/v1/awards/{award.pk}"):  # fmt: skip
            assert client.get(url).status_code == 404, (who, url)
    client.logout()
    assert client.get(reverse("issuance:award", args=[award.pk])).status_code == 302  # log in


def test_the_learner_sees_their_award(client, award):
    person("anna@example.org")
    log_in(client, "anna@example.org")
    mine = client.get(reverse("issuance:mine")).content.decode()
    assert reverse("issuance:award", args=[award.pk]) in mine
    page = client.get(reverse("issuance:award", args=[award.pk])).content.decode()
    assert reverse("qa:feedback", args=[award.pk]) in page
    assert client.get("/api/v1/awards/mine").json()[0]["id"] == str(award.pk)


def test_the_api_issues_and_refuses_with_reasons(client, provider_a, version):
    log_in(client, admin_of(provider_a).email)
    body = {"version_id": version.pk, "given_name": "Ewa", "family_name": "Lis",
            "email": "ewa@example.org", "date_of_birth": "1995-05-05"}  # fmt: skip
    made = client.post("/api/v1/awards", body, content_type="application/json")
    assert made.status_code == 201, made.content
    out = made.json()
    assert out["links"]["ob3"].endswith(f"/awards/{out['id']}/ob3.json")
    assert client.get(f"/api/v1/awards/{out['id']}").json()["credential_id"] == out["credential_id"]
    bad = client.post("/api/v1/awards", body | {"email": "x"}, content_type="application/json")
    assert bad.status_code == 422
    assert bad.json()["code"] == m.AWARD_INVALID.code
    assert "email" in bad.json()["extra"]["fields"]
    page = client.get(f"/api/v1/awards?provider_id={version.design.provider_id}").json()
    assert page["count"] == 1
    assert page["results"][0]["given_name"] == "Ewa"
    assert Award.objects.count() == 1


def test_the_status_list_is_public_cached_and_answers_304(client, award):
    url = reverse("status:list", args=[award.status_list_id])
    response = client.get(url)
    assert response.status_code == 200
    published = json.loads(response.content)
    assert published["id"] == award.status_list.url
    assert published["credentialSubject"]["statusPurpose"] == "revocation"
    assert "max-age" in response["Cache-Control"]
    assert response["ETag"]
    again = client.get(url, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert client.get(url.replace(str(award.status_list_id)[:8], "00000000")).status_code == 404


def test_revocation_in_the_page_and_the_api(client, provider_a, award):
    log_in(client, admin_of(provider_a).email)
    page = reverse("issuance:award", args=[award.pk])
    assert reverse("issuance:revoke", args=[award.pk]) in client.get(page).content.decode()
    refused = client.post(reverse("issuance:revoke", args=[award.pk]), {"reason": ""})
    assert refused.status_code == 422
    assert 'id="id_reason_error"' in refused.content.decode()
    done = client.post(reverse("issuance:revoke", args=[award.pk]), {"reason": "Błąd w danych"})
    assert done.status_code == 302
    award.refresh_from_db()
    assert award.state == "revoked"
    again = client.post(f"/api/v1/awards/{award.pk}/revoke", {"reason": "x"},
                        content_type="application/json")  # fmt: skip
    assert again.status_code == 409
    assert again.json()["code"] == m.ALREADY_REVOKED.code
    listed = json.loads(client.get(reverse("status:list", args=[award.status_list_id])).content)
    assert read_status_list(listed).get(award.status_index)


def test_the_learner_may_not_revoke(client, award):
    person("anna@example.org")
    log_in(client, "anna@example.org")
    response = client.post(f"/api/v1/awards/{award.pk}/revoke", {"reason": "mine"},
                           content_type="application/json")  # fmt: skip
    assert response.status_code == 403
    award.refresh_from_db()
    assert award.state == "active"


def test_the_status_list_answers_conditional_requests_as_http_says(client, award):
    url = reverse("status:list", args=[award.status_list_id])
    etag = client.get(url)["ETag"]
    for sent in ("*", f'"x", {etag}', f"W/{etag}"):
        response = client.get(url, HTTP_IF_NONE_MATCH=sent)
        assert response.status_code == 304, sent
        assert response["ETag"] == etag
        assert "max-age" in response["Cache-Control"]
    assert client.get(url, HTTP_IF_NONE_MATCH='"old-1"').status_code == 200
    head = client.head(url)
    assert head.status_code == 200
    assert head["ETag"] == etag
    assert client.post(url).status_code == 405


def test_outsiders_and_assessors_revoke_nothing(client, provider_a, provider_b, award):
    from microcred.platform.accounts.models import Role
    from microcred.platform.accounts.services import membership_grant
    from microcred.platform.accounts.tokens import api_token_create

    assessor = person("assessor@a.example.org")
    membership_grant(user=assessor, organisation=provider_a.organisation, role=Role.ASSESSOR,
                     now=NOW)  # fmt: skip
    _token, key_b = api_token_create(creator=admin_of(provider_b), now=NOW,
                                     organisation=provider_b.organisation, name="B's system",
                                     role=Role.PROVIDER_STAFF)  # fmt: skip
    sequence = award.status_list.sequence
    refused = client.post(f"/api/v1/awards/{award.pk}/revoke", {"reason": "x"},
                          content_type="application/json",
                          HTTP_AUTHORIZATION=f"Bearer {key_b}")  # fmt: skip
    assert refused.status_code == 404
    log_in(client, admin_of(provider_b).email)
    assert client.post(reverse("issuance:revoke", args=[award.pk]),
                       {"reason": "x"}).status_code == 404  # fmt: skip
    client.logout()
    log_in(client, assessor.email)
    assert client.post(reverse("issuance:revoke", args=[award.pk]),
                       {"reason": "x"}).status_code == 403  # fmt: skip
    award.refresh_from_db()
    award.status_list.refresh_from_db()
    assert award.state == "active"
    assert award.status_list.sequence == sequence


def test_the_qa_body_sees_no_learners(client, provider_a, qa_officer, award):
    log_in(client, qa_officer.email)
    assert client.get(reverse("issuance:provider_awards", args=[provider_a.pk])).status_code == 404
    assert client.get(f"/api/v1/awards?provider_id={provider_a.pk}").status_code == 404
    assert client.get(reverse("issuance:award", args=[award.pk])).status_code == 404


def test_the_learner_is_found_whatever_the_case_of_the_address(client, award):
    learner = person("Anna@Example.ORG")  # the award was issued to anna@example.org
    log_in(client, learner.email)
    assert client.get(reverse("issuance:award", args=[award.pk])).status_code == 200


def test_correction_in_the_page_and_the_api(client, provider_a, award):
    log_in(client, admin_of(provider_a).email)
    url = reverse("issuance:correct", args=[award.pk])
    assert url in client.get(reverse("issuance:award", args=[award.pk])).content.decode()
    typed = {"given_name": "Anna", "family_name": "Kowalska-Nowak", "email": award.email,
             "issued_on": award.issued_on.isoformat(), "date_of_birth": "1990-04-02"}  # fmt: skip
    refused = client.post(url, typed)  # no reason
    assert refused.status_code == 422
    html = refused.content.decode()
    assert 'id="id_correct_reason_error"' in html
    assert html.count('id="id_reason"') == 1  # the revocation's reason: one element per id
    done = client.post(url, typed | {"reason": "nazwisko po ślubie"})
    new = Award.objects.get(replaces=award)
    assert done["Location"] == reverse("issuance:award", args=[new.pk])
    page = client.get(done["Location"]).content.decode()
    assert award.credential_id in page  # links to the award it corrects
    again = client.post(f"/api/v1/awards/{new.pk}/correct", typed | {"reason": "x"},
                        content_type="application/json")  # fmt: skip
    assert again.status_code == 201
    assert again.json()["replaces"] == str(new.pk)


def test_staff_suspend_and_reinstate_from_the_page_and_the_api(client, provider_a, award):
    log_in(client, admin_of(provider_a).email)
    page = client.get(reverse("issuance:award", args=[award.pk])).content.decode()
    assert reverse("issuance:suspend", args=[award.pk]) in page
    refused = client.post(reverse("issuance:suspend", args=[award.pk]), {"reason": ""})
    assert refused.status_code == 422
    done = client.post(reverse("issuance:suspend", args=[award.pk]), {"reason": "appeal"})
    assert done.status_code == 302
    shown = client.get(f"/api/v1/awards/{award.pk}").json()
    assert shown["state"] == "suspended"
    assert "/status/" in shown["suspension_list"]
    back = client.post(f"/api/v1/awards/{award.pk}/reinstate", {"reason": "upheld"},
                       content_type="application/json")  # fmt: skip
    assert back.status_code == 200
    assert back.json()["state"] == "active"
    again = client.post(f"/api/v1/awards/{award.pk}/reinstate", {"reason": "x"},
                        content_type="application/json")  # fmt: skip
    assert again.status_code == 409


def test_a_learner_may_not_suspend(client, award):
    learner = person(award.email)  # the learner's own account: they see it, nothing more
    log_in(client, learner.email)
    response = client.post(reverse("issuance:suspend", args=[award.pk]), {"reason": "mine"})
    assert response.status_code == 403
