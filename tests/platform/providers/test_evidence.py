"""providers.evidence: a provider's documents — PDF, PNG or JPEG by their content, at
most 10 MiB, stored under a random name — seen and downloaded by its own people and the
QA body only (provider B and anonymous get 404), over the page and the API."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings

from microcred.platform.accounts.models import User
from microcred.platform.core.errors import InvalidInputError, PermissionDeniedError
from microcred.platform.providers import messages as m
from microcred.platform.providers.evidence import evidence_add
from microcred.platform.providers.models import EvidenceDocument, Provider

from ..conftest import NOW, admin_of
from .test_views import logged_in

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture(autouse=True)
def media(settings: object, tmp_path: object) -> None:
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]


def test_a_document_is_stored_under_a_random_name(provider_a: Provider) -> None:
    document = evidence_add(user=admin_of(provider_a), provider=provider_a,
                            name="akredytacja PKA.pdf", data=PDF, now=NOW)  # fmt: skip
    assert document.original_name == "akredytacja PKA.pdf"
    assert document.content_type == "application/pdf"
    assert document.file.name.startswith("evidence/")
    assert "akredytacja" not in document.file.name
    assert document.file.name.endswith(".pdf")
    with document.file.open("rb") as handle:
        assert handle.read() == PDF


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("scan.pdf", b"MZ\x90\x00 an executable named .pdf", m.EVIDENCE_TYPE.code),
        ("logo.png", b"<svg xmlns='http://www.w3.org/2000/svg'/>", m.EVIDENCE_TYPE.code),
        ("empty.pdf", b"", m.EVIDENCE_EMPTY.code),
        ("big.pdf", PDF + b"\x00" * 2048, m.EVIDENCE_TOO_LARGE.code),
    ],
)
@override_settings(EVIDENCE_MAX_BYTES=1024)
def test_a_wrong_file_is_refused_with_its_reason(
    provider_a: Provider, name: str, data: bytes, code: str, tmp_path: object
) -> None:
    with pytest.raises(InvalidInputError) as caught:
        evidence_add(user=admin_of(provider_a), provider=provider_a, name=name, data=data,
                     now=NOW)  # fmt: skip
    assert caught.value.code == code
    assert not EvidenceDocument.objects.exists()
    assert not list(tmp_path.rglob("*.*"))  # type: ignore[attr-defined]


def test_only_the_provider_s_people_add(provider_a: Provider, provider_b: Provider,
                                        qa_officer: User) -> None:  # fmt: skip
    for user in (admin_of(provider_b), qa_officer):
        with pytest.raises(PermissionDeniedError):
            evidence_add(user=user, provider=provider_a, name="x.pdf", data=PDF, now=NOW)
    assert not EvidenceDocument.objects.exists()


def test_the_page_lists_and_serves_it_to_its_people_and_the_qa_body_only(
    provider_a: Provider, provider_b: Provider, qa_officer: User
) -> None:
    client = logged_in(admin_of(provider_a))
    upload = SimpleUploadedFile("rejestr.png", PNG, content_type="application/pdf")
    response = client.post(f"/providers/{provider_a.pk}/evidence/", {"file": upload})
    assert response.status_code == 302
    document = EvidenceDocument.objects.get()
    assert document.content_type == "image/png"  # the content decides, not the browser
    page = client.get(f"/providers/{provider_a.pk}/").content.decode()
    assert "rejestr.png" in page
    url = f"/providers/{provider_a.pk}/evidence/{document.pk}/"
    for allowed in (client, logged_in(qa_officer)):
        served = allowed.get(url)
        assert served.status_code == 200
        assert b"".join(served.streaming_content) == PNG  # type: ignore[attr-defined]
        assert "rejestr.png" in served["Content-Disposition"]
    assert logged_in(admin_of(provider_b)).get(url).status_code == 404
    assert (
        logged_in(admin_of(provider_b))
        .get(f"/providers/{provider_b.pk}/evidence/{document.pk}/")
        .status_code
        == 404
    )  # another provider's id in the path does not open it
    assert Client().get(url).status_code == 404  # anonymous


def test_a_wrong_upload_on_the_page_says_why(provider_a: Provider) -> None:
    client = logged_in(admin_of(provider_a))
    upload = SimpleUploadedFile("cv.pdf", b"GIF89a....", content_type="application/pdf")
    response = client.post(f"/providers/{provider_a.pk}/evidence/", {"file": upload},
                           HTTP_ACCEPT_LANGUAGE="en")  # fmt: skip
    assert response.status_code == 422
    assert "is not a PDF, PNG or JPEG" in response.content.decode()
    assert not EvidenceDocument.objects.exists()


def test_the_api_adds_and_lists_within_the_provider(provider_a: Provider,
                                                    provider_b: Provider) -> None:  # fmt: skip
    client = logged_in(admin_of(provider_a))
    made = client.post(f"/api/v1/providers/{provider_a.pk}/evidence",
                       {"file": SimpleUploadedFile("a.pdf", PDF)})  # fmt: skip
    assert made.status_code == 201, made.content
    assert made.json()["content_type"] == "application/pdf"
    listed = client.get(f"/api/v1/providers/{provider_a.pk}/evidence").json()
    assert [d["original_name"] for d in listed] == ["a.pdf"]
    other = logged_in(admin_of(provider_b))
    assert other.get(f"/api/v1/providers/{provider_a.pk}/evidence").status_code == 404
    refused = client.post(f"/api/v1/providers/{provider_a.pk}/evidence",
                          {"file": SimpleUploadedFile("b.pdf", b"nope")})  # fmt: skip
    assert refused.status_code == 422
    assert refused.json()["code"] == m.EVIDENCE_TYPE.code
    assert EvidenceDocument.objects.count() == 1
