"""The providers' REST endpoints: the same services and permissions as the pages, and
the one error shape ``{"message", "code", "extra"}``."""

from __future__ import annotations

import pytest
from django.test import Client

from microcred.platform.accounts.models import User
from microcred.platform.providers import messages as m
from microcred.platform.providers.models import Provider

from ..conftest import admin_of, person
from .test_views import FORM, logged_in

pytestmark = pytest.mark.django_db


def test_registering_through_the_api() -> None:
    client = logged_in(person("anna@example.org"))
    response = client.post("/api/v1/providers", FORM, content_type="application/json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["identifier"] == "0000654321"
    assert body["status"] == "pending"
    assert Provider.objects.get().pk == body["id"]


def test_an_error_has_one_shape_in_the_asked_language() -> None:
    client = logged_in(person("anna@example.org"))
    response = client.post(
        "/api/v1/providers",
        FORM | {"identifier": "12"},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 422
    body = response.json()
    assert set(body) == {"message", "code", "extra"}
    assert body["code"] == m.IDENTIFIER_FORMAT.code
    assert "is not in the right form" in body["message"]
    assert not Provider.objects.exists()


def test_a_malformed_request_gets_the_same_shape() -> None:
    client = logged_in(person("anna@example.org"))
    response = client.post("/api/v1/providers", {"legal_name": "X"},
                           content_type="application/json")  # fmt: skip
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_input"


def test_the_api_keeps_providers_apart(provider_a: Provider, provider_b: Provider,
                                       qa_officer: User) -> None:  # fmt: skip
    client = logged_in(admin_of(provider_a))
    assert [p["id"] for p in client.get("/api/v1/providers").json()] == [provider_a.pk]
    assert client.get(f"/api/v1/providers/{provider_b.pk}").status_code == 404
    denied = client.post(
        f"/api/v1/providers/{provider_a.pk}/decisions",
        {"decision": "approve"},
        content_type="application/json",
    )
    assert denied.status_code == 403
    assert Client().get("/api/v1/providers").status_code == 401
    officer = logged_in(qa_officer)
    assert len(officer.get("/api/v1/providers").json()) == 2
    made = officer.post(
        f"/api/v1/providers/{provider_b.pk}/decisions",
        {"decision": "approve"},
        content_type="application/json",
    )
    assert made.status_code == 201
    assert made.json()["status_after"] == "approved"


def test_the_openapi_document_lists_the_endpoints() -> None:
    paths = Client().get("/api/v1/openapi.json").json()["paths"]
    assert {"/api/v1/providers", "/api/v1/providers/{provider_id}",
            "/api/v1/providers/{provider_id}/decisions"} <= set(paths)  # fmt: skip
