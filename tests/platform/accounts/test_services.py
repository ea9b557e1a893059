"""accounts.services: people, organisations, memberships."""

from __future__ import annotations

import pytest

from microcred.platform.accounts import messages as m
from microcred.platform.accounts.models import Membership, OrganisationKind, Role, User
from microcred.platform.accounts.selectors import has_role, organisations_where, roles_of
from microcred.platform.accounts.services import membership_grant, user_create
from microcred.platform.core.errors import ConflictError, InvalidInputError

from ..conftest import NOW, PASSWORD, organisation, person

pytestmark = pytest.mark.django_db


def test_a_person_logs_in_with_an_email_address() -> None:
    user = user_create(email="Anna@Example.ORG", password=PASSWORD, full_name=" Anna ")
    assert user.email == "Anna@example.org"
    assert user.full_name == "Anna"
    assert user.check_password(PASSWORD)


def test_an_email_address_is_taken_once_whatever_its_case() -> None:
    person("anna@example.org")
    with pytest.raises(ConflictError) as raised:
        user_create(email="ANNA@example.org", password=PASSWORD)
    assert raised.value.code == m.EMAIL_TAKEN.code
    assert User.objects.count() == 1


def test_a_weak_password_is_refused_and_nothing_saved() -> None:
    with pytest.raises(InvalidInputError) as raised:
        user_create(email="anna@example.org", password="12345")  # noqa: S106
    assert raised.value.code == m.WEAK_PASSWORD.code
    assert "password" in raised.value.extra["fields"]
    assert not User.objects.exists()


def test_a_role_belongs_to_its_kind_of_organisation() -> None:
    user = person("anna@example.org")
    employer = organisation(OrganisationKind.EMPLOYER)
    with pytest.raises(InvalidInputError) as raised:
        membership_grant(user=user, organisation=employer, role=Role.QA_OFFICER, now=NOW)
    assert raised.value.code == m.ROLE_WRONG_ORGANISATION.code
    assert not Membership.objects.exists()


def test_a_membership_granted_twice_is_one() -> None:
    user = person("anna@example.org")
    body = organisation(OrganisationKind.QA_BODY)
    first = membership_grant(user=user, organisation=body, role=Role.QA_OFFICER, now=NOW)
    again = membership_grant(user=user, organisation=body, role=Role.QA_OFFICER, now=NOW)
    assert first.pk == again.pk
    assert roles_of(user) == {Role.QA_OFFICER}
    assert has_role(user, Role.QA_OFFICER, Role.PLATFORM_ADMIN)
    assert not has_role(user, Role.PROVIDER_ADMIN)
    assert list(organisations_where(user, Role.QA_OFFICER)) == [body]


def test_every_role_of_the_issue_exists() -> None:
    assert {r.value for r in Role} >= {
        "platform_admin", "qa_officer", "provider_admin", "provider_staff", "assessor",
        "counsellor", "employer",
    }  # fmt: skip
