"""accounts.invitations: who may invite whom, the e-mailed link, and its acceptance —
once, by the person it names, within seven days; the pages end to end."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client

from microcred.platform.accounts import messages as m
from microcred.platform.accounts.invitations import invitation_accept, invitation_create
from microcred.platform.accounts.models import Invitation, Membership, Role, User
from microcred.platform.core.errors import (
    ConflictError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
)
from microcred.platform.providers.models import Provider

from ..conftest import NOW, admin_of, log_in, person

pytestmark = pytest.mark.django_db(transaction=True)  # the e-mail goes on commit
BASE = "https://platform.example/accounts/invitations/"


def invite(provider: Provider, email: str = "staff@a.example.org",
           role: Role = Role.PROVIDER_STAFF) -> str:  # fmt: skip
    """Invite through the service; the token, read from the e-mail sent."""
    invitation_create(inviter=admin_of(provider), organisation=provider.organisation,
                      role=role, email=email, now=NOW, link_base=BASE)  # fmt: skip
    link = re.search(re.escape(BASE) + r"(\S+)/", mail.outbox[-1].body)
    assert link is not None
    return link.group(1)


def test_an_invitation_is_mailed_and_only_its_hash_kept(provider_a: Provider) -> None:
    token = invite(provider_a)
    assert mail.outbox[-1].to == ["staff@a.example.org"]
    assert provider_a.legal_name in mail.outbox[-1].subject
    stored = Invitation.objects.get()
    assert token not in stored.token_sha256
    assert stored.expires_at == NOW + timedelta(days=7)


def test_the_invited_person_accepts_once(provider_a: Provider) -> None:
    token = invite(provider_a)
    staff = person("Staff@A.example.org")
    membership = invitation_accept(token=token, user=staff, now=NOW + timedelta(days=1))
    assert (membership.organisation, membership.role) == (provider_a.organisation,
                                                          Role.PROVIDER_STAFF)  # fmt: skip
    with pytest.raises(NotFoundError) as raised:
        invitation_accept(token=token, user=staff, now=NOW + timedelta(days=1))
    assert raised.value.code == m.INVITATION_UNKNOWN.code


def test_another_person_a_late_acceptance_or_a_wrong_token_is_refused(
    provider_a: Provider,
) -> None:
    token = invite(provider_a)
    with pytest.raises(PermissionDeniedError) as raised:
        invitation_accept(token=token, user=person("other@example.org"), now=NOW)
    assert raised.value.code == m.INVITATION_OTHER_PERSON.code
    with pytest.raises(ConflictError) as late:
        invitation_accept(token=token, user=person("staff@a.example.org"),
                          now=NOW + timedelta(days=7))  # fmt: skip
    assert late.value.code == m.INVITATION_EXPIRED.code
    with pytest.raises(NotFoundError):
        invitation_accept(token=token + "x", user=person("x@example.org"), now=NOW)
    assert not Membership.objects.filter(role=Role.PROVIDER_STAFF).exists()


def test_only_those_who_may_invite_do(provider_a: Provider, provider_b: Provider,
                                      qa_officer: User) -> None:  # fmt: skip
    for inviter, organisation, role in (
        (admin_of(provider_b), provider_a.organisation, Role.PROVIDER_STAFF),  # another's
        (qa_officer, provider_a.organisation, Role.PROVIDER_STAFF),
    ):
        with pytest.raises(PermissionDeniedError):
            invitation_create(inviter=inviter, organisation=organisation, role=role,
                              email="x@example.org", now=NOW, link_base=BASE)  # fmt: skip
    with pytest.raises(InvalidInputError):  # a role of another kind of organisation
        invitation_create(
            inviter=admin_of(provider_a),
            organisation=provider_a.organisation,
            role=Role.QA_OFFICER,
            email="x@example.org",
            now=NOW,
            link_base=BASE,
        )
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_the_pages_from_invitation_to_a_new_account(provider_a: Provider) -> None:
    admin = Client()
    log_in(admin, admin_of(provider_a).email)
    sent = admin.post(f"/providers/{provider_a.pk}/invite/",
                      {"email": "assessor@example.org", "role": "assessor"})  # fmt: skip
    assert sent.status_code == 302
    link = re.search(r"https?://\S+/accounts/invitations/\S+/", mail.outbox[-1].body)
    assert link is not None
    path = "/" + link.group(0).split("/", 3)[3]
    newcomer = Client()
    page = newcomer.get(path, HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    assert "Make the account and accept" in page.content.decode()
    accepted = newcomer.post(path, {"full_name": "Ola Nowak", "password": "a-good-password-9",
                                    "password_again": "a-good-password-9"})  # fmt: skip
    assert accepted.status_code == 302
    user = User.objects.get(email="assessor@example.org")
    assert Membership.objects.filter(user=user, role=Role.ASSESSOR,
                                     organisation=provider_a.organisation).exists()  # fmt: skip
    assert newcomer.get(f"/providers/{provider_a.pk}/").status_code == 200  # now one of them
    assert newcomer.get(path).status_code == 404  # used
