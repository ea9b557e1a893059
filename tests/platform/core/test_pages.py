"""Every page as an anonymous visitor and in each role: never a server error, and the
page in the language asked for."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from microcred.platform.accounts.models import User
from microcred.platform.demo import DEMO_PASSWORD, demo_seed
from microcred.platform.providers.models import Provider

from ..conftest import NOW, log_in

pytestmark = pytest.mark.django_db


def _urls() -> list[str]:
    provider = Provider.objects.order_by("pk").first()
    assert provider is not None
    return [
        reverse("core:home"), reverse("accounts:login"), reverse("providers:mine"),
        reverse("providers:register"), reverse("providers:queue"),
        reverse("providers:detail", args=[provider.pk]),
        reverse("providers:detail", args=[999_999]),
        "/api/v1/providers", f"/api/v1/providers/{provider.pk}", "/api/v1/providers/999999",
        "/api/v1/openapi.json", "/api/v1/docs",
        f"/api/v1/providers/{provider.pk}/keys", "/providers/nip-7770001111/did.json",
        "/providers/no-such-provider/did.json", "/accounts/invitations/not-a-token/",
        "/accounts/organisations/1/api-keys/", "/accounts/organisations/999/api-keys/",
        f"/designs/providers/{provider.pk}/", "/designs/versions/1/",
        "/designs/versions/1/design.yaml",
        "/trust-list", "/.well-known/did.json", "/health", "/qa/designs/", "/registry/",
        "/registry/?q=%C5%BC%C3%B3%C5%82w", "/registry/1/", "/api/v1/registry/designs?q=x",
        "/registry/1/achievement.jsonld", "/registry/1/elm.jsonld", "/registry/export.csv?q=x",
        "/registry/providers/nip-7770001111/", "/registry/providers/no-such-provider/",
        "/api/v1/registry/designs/1/achievement", "/api/v1/registry/designs/1/elm",
        "/api/v1/registry/designs.csv", "/api/v1/registry/providers/nip-7770001111",
        "/qa/designs/1/review/", "/qa/designs/999999/review/", "/qa/history/1/",
        "/qa/history/999999/", "/qa/stats/", "/qa/mine/", f"/qa/providers/{provider.pk}/",
        "/qa/providers/999999/", "/api/v1/qa/queue", "/api/v1/qa/versions/1/checklist",
        "/api/v1/qa/designs/1/history", "/api/v1/qa/stats",
        f"/api/v1/qa/providers/{provider.pk}/dashboard",
        "/esco/skills/", "/esco/skills/?q=zarz%C4%85dzanie&picker=p",
        "/esco/skills/00000000-0000-0000-0000-000000000000/", "/api/v1/esco/skills?q=x&lang=pl",
    ]  # fmt: skip


def test_no_page_fails_for_anyone() -> None:
    logins = demo_seed(now=NOW)
    clients = {"anonymous": Client()}
    for login in logins:
        client = Client()
        log_in(client, login.email, DEMO_PASSWORD)
        clients[login.email] = client
    for who, client in clients.items():
        for url in _urls():
            response = client.get(url)
            assert response.status_code < 500, (who, url, response.status_code)
        posted = client.post(reverse("providers:decide", args=[1]), {"decision": "nonsense"})
        assert posted.status_code < 500, (who, posted.status_code)
        garbage = client.post("/api/v1/providers", "{not json", content_type="application/json")
        assert garbage.status_code < 500, (who, garbage.status_code)
        rotated = client.post(reverse("providers:rotate_key", args=[1]))
        assert rotated.status_code < 500, (who, rotated.status_code)
        reviewed = client.post(
            "/qa/designs/1/review/", {"decision": "approve", "quality-answer": "x"}
        )
        assert reviewed.status_code < 500, (who, reviewed.status_code)
        garbage = client.post(
            "/api/v1/qa/versions/1/reviews", '{"checklist": 3}', content_type="application/json"
        )
        assert garbage.status_code < 500, (who, garbage.status_code)


@pytest.mark.parametrize(("language", "text"), [("pl", "Zaloguj się"), ("en", "Log in")])
def test_the_page_is_in_the_language_asked_for(language: str, text: str) -> None:
    page = Client().get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE=language)
    assert f'lang="{language}"' in page.content.decode()
    assert text in page.content.decode()


def test_an_error_page_has_the_message_and_its_status() -> None:
    demo_seed(now=NOW)
    client = Client()
    user = User.objects.get(email="pracodawca@demo.microcred.eu")
    client.force_login(user)
    response = client.get(reverse("providers:queue"), HTTP_ACCEPT_LANGUAGE="pl")
    assert response.status_code == 403
    assert "weryfikuje tylko pracownik" in response.content.decode()


@pytest.mark.parametrize(
    ("language", "name"),
    [("en", "QA body officer"), ("pl", "Pracownik instytucji zapewniania jakości")],
)
def test_the_home_page_names_the_visitor_s_roles(qa_officer: User, language: str,
                                                  name: str) -> None:  # fmt: skip
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    log_in(client, qa_officer.email)
    page = client.get("/").content.decode()
    assert f"<strong>{name}</strong>" in page
    assert "qa_officer</strong>" not in page  # the code is for the menu, not for a person


def test_the_menu_marks_the_page_the_visitor_is_on() -> None:
    page = Client().get("/registry/").content.decode()
    assert page.count('href="/registry/" aria-current="page"') == 2  # the wide and phone menus
    assert 'href="/esco/skills/" aria-current' not in page
