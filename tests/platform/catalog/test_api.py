"""The catalog's REST endpoints call the studio's services: a design as JSON saved as a
draft and as a next version, the compliance preview, export, previews, submit and the
badge — bad input refused by field with nothing written, other providers kept out."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from microcred.platform.catalog import messages as m
from microcred.platform.catalog.models import Design, DesignVersion
from microcred.platform.providers.models import Provider
from microcred.standard import designfile

from ...conftest import EXAMPLES
from ..conftest import admin_of, log_in

pytestmark = pytest.mark.django_db
GOOD = (EXAMPLES / "python-basics.yaml").read_text(encoding="utf-8")
DESIGN = designfile.loads(GOOD).model_dump(mode="json", exclude_none=True, exclude_defaults=True)
API = "/api/v1/catalog"


def client_of(provider: Provider) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    log_in(client, admin_of(provider).email)
    return client


def test_a_design_created_versioned_exported_and_submitted(provider_a: Provider) -> None:
    client = client_of(provider_a)
    created = client.post(f"{API}/providers/{provider_a.pk}/designs", DESIGN,
                          content_type="application/json")  # fmt: skip
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["compliance"]["verdict"] == "micro-credential"
    assert body["design"]["title"] == DESIGN["title"]
    again = client.post(f"{API}/designs/{body['design_id']}/versions",
                        {**DESIGN, "title": {"en": "Python, again"}},
                        content_type="application/json")  # fmt: skip
    assert again.status_code == 201
    assert (again.json()["number"], again.json()["title_en"]) == (2, "Python, again")
    exported = client.get(f"{API}/versions/{body['id']}/design.yaml")
    assert designfile.loads(exported.content) == designfile.loads(GOOD)
    ob3 = client.get(f"{API}/versions/{body['id']}/preview/ob3")
    assert "OpenBadgeCredential" in ob3.json()["type"]
    assert client.get(f"{API}/versions/{body['id']}").json()["number"] == 1
    imported = client.post(f"{API}/providers/{provider_a.pk}/designs/import", {"text": GOOD},
                           content_type="application/json")  # fmt: skip
    assert imported.status_code == 201
    submitted = client.post(f"{API}/versions/{body['id']}/submit")
    assert submitted.status_code == 409  # the provider is not verified yet
    assert submitted.json()["code"] == m.PROVIDER_NOT_VERIFIED.code


def test_bad_designs_are_refused_by_field_and_nothing_is_written(provider_a: Provider) -> None:
    client = client_of(provider_a)
    bad = {**DESIGN, "workload": {"ects": "lots"}, "form_of_participation": "by-pigeon"}
    refused = client.post(f"{API}/providers/{provider_a.pk}/designs", bad,
                          content_type="application/json")  # fmt: skip
    assert refused.status_code == 422
    error = refused.json()
    assert error["code"] == m.DESIGN_INVALID.code
    assert set(error["extra"]["fields"]) == {"workload.ects", "form_of_participation"}
    check = client.post(f"{API}/compliance", bad, content_type="application/json")
    assert check.status_code == 422
    assert not Design.objects.exists()
    badge = client.post(f"{API}/compliance", {"learning_outcomes": [
        {"statement": {"en": "Attended the workshop"}}], "assessment": {"methods": ["none"]}},
        content_type="application/json")  # fmt: skip
    assert badge.json()["verdict"] == "participation-badge"


def test_the_badge_endpoints(provider_a: Provider) -> None:
    client = client_of(provider_a)
    created = client.post(f"{API}/providers/{provider_a.pk}/designs", DESIGN,
                          content_type="application/json").json()  # fmt: skip
    out = io.BytesIO()
    Image.new("RGB", (32, 32), "#1a7f37").save(out, format="PNG")
    upload = SimpleUploadedFile("b.png", out.getvalue(), content_type="image/png")
    done = client.post(f"{API}/designs/{created['design_id']}/badge", {"image": upload})
    assert done.json() == {"design_id": created["design_id"], "media_type": "image/png",
                           "uploaded": True}  # fmt: skip
    wrong = SimpleUploadedFile("b.png", b"%PDF-1.7", content_type="image/png")
    refused = client.post(f"{API}/designs/{created['design_id']}/badge", {"image": wrong})
    assert refused.status_code == 422
    assert refused.json()["code"] == m.BADGE_WRONG_TYPE.code
    assert Design.objects.get().badge_type == "image/png"
    assert client.delete(f"{API}/designs/{created['design_id']}/badge").json()["uploaded"] is False


def test_the_endpoints_keep_providers_apart(provider_a: Provider, provider_b: Provider) -> None:
    mine = client_of(provider_a).post(f"{API}/providers/{provider_a.pk}/designs", DESIGN,
                                      content_type="application/json").json()  # fmt: skip
    other = client_of(provider_b)
    version, design = mine["id"], mine["design_id"]
    assert other.post(f"{API}/providers/{provider_a.pk}/designs", DESIGN,
                      content_type="application/json").status_code == 404  # fmt: skip
    assert other.post(f"{API}/providers/{provider_a.pk}/designs/import", {"text": GOOD},
                      content_type="application/json").status_code == 404  # fmt: skip
    assert other.post(f"{API}/designs/{design}/versions", DESIGN,
                      content_type="application/json").status_code == 404  # fmt: skip
    for path in (f"/versions/{version}", f"/versions/{version}/design.yaml",
                 f"/versions/{version}/preview/ob3",
                 f"/versions/{version}/preview/edc"):  # fmt: skip
        assert other.get(API + path).status_code == 404, path
    assert other.post(f"{API}/versions/{version}/submit").status_code == 404
    png = SimpleUploadedFile("b.png", b"\x89PNG", content_type="image/png")
    assert other.post(f"{API}/designs/{design}/badge", {"image": png}).status_code == 404
    assert other.delete(f"{API}/designs/{design}/badge").status_code == 404
    assert DesignVersion.objects.count() == 1
    assert Client().post(f"{API}/compliance", DESIGN,
                         content_type="application/json").status_code == 401  # fmt: skip


def test_the_openapi_document_lists_the_catalog_endpoints() -> None:
    paths = set(Client().get("/api/v1/openapi.json").json()["paths"])
    assert {f"{API}/providers/{{provider_id}}/designs", f"{API}/designs/{{design_id}}/versions",
            f"{API}/compliance", f"{API}/versions/{{version_id}}/design.yaml",
            f"{API}/versions/{{version_id}}/preview/{{kind}}",
            f"{API}/designs/{{design_id}}/badge"} <= paths  # fmt: skip
