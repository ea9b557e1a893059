"""The journey the issue asks for, through the pages and the public API: a provider
registers → the QA body verifies it → the provider imports a design and submits it →
the QA body approves it → it appears in the registry's search → its public page; and a
suspended provider's offers leave the registry."""

from __future__ import annotations

import pytest
from django.test import Client

from microcred.platform.accounts.models import User
from microcred.platform.catalog.models import DesignVersion
from microcred.platform.providers.models import Provider
from microcred.standard.annexes import AnnexIIPrinciple
from tests.platform.providers.test_views import FORM

from ...conftest import EXAMPLES
from ..conftest import as_provider, log_in, person

pytestmark = pytest.mark.django_db


def test_from_registration_to_the_registry(qa_officer: User) -> None:
    provider_person = person("anna@fundacja.example.org")
    provider_client, qa = Client(), Client()
    log_in(provider_client, provider_person.email)
    log_in(qa, qa_officer.email)
    assert provider_client.post("/providers/register/", FORM).status_code == 302
    provider = Provider.objects.get()
    assert qa.post(f"/providers/{provider.pk}/decide/", {"decision": "approve"}).status_code == 302
    design = as_provider((EXAMPLES / "python-basics.yaml").read_text(encoding="utf-8"), provider)
    imported = provider_client.post(f"/designs/providers/{provider.pk}/", {"text": design})
    version = DesignVersion.objects.get()
    assert imported["Location"] == f"/designs/versions/{version.pk}/"
    assert provider_client.post(f"/designs/versions/{version.pk}/submit/").status_code == 302
    not_yet = Client().get("/registry/?q=python").content.decode()
    assert f"/registry/{version.pk}/" not in not_yet  # submitted, not approved: not public
    queue = qa.get("/qa/designs/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert version.title_pl in queue or version.title_en in queue
    approved = qa.post(
        f"/qa/designs/{version.pk}/review/",
        {"decision": "approve", "reason": ""}
        | {f"{principle}-answer": "met" for principle in AnnexIIPrinciple},
    )
    assert approved.status_code == 302
    anonymous = Client()
    found = anonymous.get("/registry/?q=python", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f"/registry/{version.pk}/" in found
    public = anonymous.get(f"/registry/{version.pk}/", HTTP_ACCEPT_LANGUAGE="en")
    assert public.status_code == 200
    assert "Fundacja Testowa" in public.content.decode()
    listed = anonymous.get("/api/v1/registry/designs?q=python").json()["results"]
    assert [d["id"] for d in listed] == [version.pk]
    assert listed[0]["eqf_level"] == 4
    assert listed[0]["url"].endswith(f"/registry/{version.pk}/")
    assert (
        qa.post(
            f"/providers/{provider.pk}/decide/", {"decision": "suspend", "reason": "audit"}
        ).status_code
        == 302
    )
    assert anonymous.get(f"/registry/{version.pk}/").status_code == 404
    assert anonymous.get("/api/v1/registry/designs").json()["results"] == []
