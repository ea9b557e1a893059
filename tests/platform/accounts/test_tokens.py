"""accounts.tokens: API keys for machine clients — scoped to one organisation and one
role, shown once, stored as a hash, refused once revoked, and never a way to log in."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from microcred.platform.accounts.models import ApiToken, Role, User
from microcred.platform.accounts.services import membership_grant
from microcred.platform.accounts.tokens import api_token_create, api_token_revoke
from microcred.platform.core.errors import InvalidInputError, PermissionDeniedError
from microcred.platform.providers.models import Provider

from ..conftest import NOW, admin_of, log_in, person

pytestmark = pytest.mark.django_db


def bearer(secret: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_a_key_sees_only_its_own_organisation(provider_a: Provider, provider_b: Provider) -> None:
    token, secret = api_token_create(creator=admin_of(provider_a),
                                     organisation=provider_a.organisation, name="SIS import",
                                     role=Role.PROVIDER_STAFF, now=NOW)  # fmt: skip
    assert re.fullmatch(r"mc_[0-9a-f]{8}_[\w-]{43}", secret)
    assert secret not in token.token_sha256
    client = Client()
    listed = client.get("/api/v1/providers", **bearer(secret))
    assert listed.status_code == 200
    assert [p["id"] for p in listed.json()] == [provider_a.pk]
    assert client.get(f"/api/v1/providers/{provider_b.pk}", **bearer(secret)).status_code == 404
    # a staff key may not rotate the provider's keys or decide on providers
    assert (
        client.post(
            f"/api/v1/providers/{provider_a.pk}/decisions",
            {"decision": "approve"},
            content_type="application/json",
            **bearer(secret),
        ).status_code
        == 403
    )
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_a_qa_key_decides_through_the_api(qa_officer: User, provider_a: Provider) -> None:
    body = qa_officer.memberships.get().organisation
    _, secret = api_token_create(creator=qa_officer, organisation=body, name="review bot",
                                 role=Role.QA_OFFICER, now=NOW)  # fmt: skip
    made = Client().post(f"/api/v1/providers/{provider_a.pk}/decisions",
                         {"decision": "approve"}, content_type="application/json",
                         **bearer(secret))  # fmt: skip
    assert made.status_code == 201
    provider_a.refresh_from_db()
    assert provider_a.verified
    assert provider_a.decisions.get().officer.is_machine


def test_a_revoked_or_wrong_key_is_refused(provider_a: Provider) -> None:
    admin = admin_of(provider_a)
    token, secret = api_token_create(creator=admin, organisation=provider_a.organisation,
                                     name="k", role=Role.PROVIDER_STAFF, now=NOW)  # fmt: skip
    api_token_revoke(user=admin, token=token, now=NOW)
    for key in (secret, secret + "x", "mc_00000000_nothing"):
        response = Client().get("/api/v1/providers", **bearer(key))
        assert response.status_code == 401
        assert response.json()["code"] == "permission_denied"


def test_a_key_is_made_only_by_who_may_grant_its_role(provider_a: Provider,
                                                     provider_b: Provider) -> None:  # fmt: skip
    with pytest.raises(PermissionDeniedError):
        api_token_create(creator=admin_of(provider_b), organisation=provider_a.organisation,
                         name="k", role=Role.PROVIDER_STAFF, now=NOW)  # fmt: skip
    with pytest.raises(InvalidInputError):
        api_token_create(creator=admin_of(provider_a), organisation=provider_a.organisation,
                         name="k", role=Role.QA_OFFICER, now=NOW)  # fmt: skip
    assert not ApiToken.objects.exists()
    assert not User.objects.filter(is_machine=True).exists()


def test_a_key_s_machine_user_cannot_log_in(provider_a: Provider) -> None:
    token, secret = api_token_create(creator=admin_of(provider_a),
                                     organisation=provider_a.organisation, name="k",
                                     role=Role.PROVIDER_STAFF, now=NOW)  # fmt: skip
    for password in (secret, ""):
        response = Client().post("/accounts/login/", {"username": token.user.email,
                                                      "password": password})  # fmt: skip
        assert response.status_code == 200  # the form again, not a redirect


def test_the_keys_page_shows_a_new_key_once(provider_a: Provider,
                                            provider_b: Provider) -> None:  # fmt: skip
    client = Client()
    log_in(client, admin_of(provider_a).email)
    url = f"/accounts/organisations/{provider_a.organisation_id}/api-keys/"
    made = client.post(url, {"name": "LMS", "role": "provider_staff"}, HTTP_ACCEPT_LANGUAGE="en")
    assert made.status_code == 200
    secret = re.search(r"<code>(mc_[0-9a-f]{8}_[\w-]+)</code>", made.content.decode())
    assert secret is not None
    again = client.get(url).content.decode()
    assert secret.group(1) not in again
    assert ApiToken.objects.get().prefix in again
    other = Client()
    log_in(other, admin_of(provider_b).email)
    assert other.get(url).status_code == 404  # another provider's keys do not exist for it
    assert Client().get(url).status_code == 302  # anonymous: to the login page


def test_the_keys_page_asks_the_database_a_fixed_number_of_times(
    provider_a: Provider, django_assert_num_queries: Any
) -> None:
    """Who may manage the keys is one query whatever the number of roles, and the keys
    are one more whatever their number: a person who may give no role there (its staff)
    is told the page does not exist after as few queries."""
    admin = admin_of(provider_a)
    staff = person("staff@a.example.org")
    membership_grant(user=staff, organisation=provider_a.organisation, role=Role.PROVIDER_STAFF,
                     now=NOW)  # fmt: skip
    for number in range(3):
        api_token_create(creator=admin, organisation=provider_a.organisation,
                         name=f"LMS {number}", role=Role.ASSESSOR, now=NOW)  # fmt: skip
    url = f"/accounts/organisations/{provider_a.organisation_id}/api-keys/"
    client, refused = Client(), Client()
    log_in(client, admin.email)
    log_in(refused, staff.email)
    # the session, its user, the organisation, the roles that user may give there, the keys,
    # the roles the menu names
    with django_assert_num_queries(6):
        page = client.get(url)
    assert page.status_code == 200
    assert page.content.decode().count("LMS ") == 3
    with django_assert_num_queries(5):  # the same, the keys aside
        assert refused.get(url).status_code == 404
