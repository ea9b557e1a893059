"""Logging in: throttled after repeated failures (django-axes), and a forgotten password
reset through a link sent by e-mail."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from ..conftest import PASSWORD, log_in, person

pytestmark = pytest.mark.django_db


def test_five_wrong_passwords_lock_the_account_from_that_address() -> None:
    person("anna@example.org")
    client = Client()
    for _ in range(5):
        wrong = client.post(
            reverse("accounts:login"),
            {"username": "anna@example.org", "password": "nope-nope-nope"},
        )
        assert wrong.status_code in (200, 429)
    locked = client.post(reverse("accounts:login"),
                         {"username": "anna@example.org", "password": PASSWORD},
                         HTTP_ACCEPT_LANGUAGE="en")  # fmt: skip
    assert locked.status_code == 429
    assert "Too many failed logins" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    other = Client(REMOTE_ADDR="192.0.2.10")  # another address is not locked out
    log_in(other, "anna@example.org")


def test_a_success_clears_the_count_of_failures() -> None:
    person("anna@example.org")
    client = Client()
    for _ in range(4):
        client.post(reverse("accounts:login"), {"username": "anna@example.org", "password": "x"})
    log_in(client, "anna@example.org")
    client.post(reverse("accounts:logout"))
    for _ in range(4):
        client.post(reverse("accounts:login"), {"username": "anna@example.org", "password": "x"})
    log_in(client, "anna@example.org")


def test_a_forgotten_password_is_reset_through_the_emailed_link() -> None:
    person("anna@example.org")
    client = Client()
    sent = client.post(reverse("accounts:password_reset"), {"email": "anna@example.org"})
    assert sent.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["anna@example.org"]
    link = re.search(r"https?://\S+/password-reset/\S+/", mail.outbox[0].body)
    assert link is not None
    path = "/" + link.group(0).split("/", 3)[3]
    form = client.get(path, follow=True)
    assert form.status_code == 200
    new = "another-long-password-2"
    done = client.post(form.redirect_chain[-1][0] if form.redirect_chain else path,
                       {"new_password1": new, "new_password2": new})  # fmt: skip
    assert done.status_code == 302
    log_in(Client(), "anna@example.org", new)
    used_again = client.get(path, follow=True, HTTP_ACCEPT_LANGUAGE="en")
    assert "does not work any more" in used_again.content.decode()


def test_an_unknown_address_gets_the_same_answer_and_no_mail() -> None:
    response = Client().post(reverse("accounts:password_reset"), {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []
