"""Previews of a version, made by the library's builders for a sample learner: the OB 3.0
credential and the EDC (unsigned, read back by the library's readers), the PDF
certificate (the OB 3.0 JSON attached), the design file; a design the builders cannot
use yet says why; no one outside the provider gets any of them."""

from __future__ import annotations

import io
import json
from typing import Any

import pypdf
import pytest
from django.test import Client

from microcred.credentials.baking import extract_pdf
from microcred.credentials.edc import from_edc
from microcred.credentials.ob3 import from_ob3
from microcred.platform.catalog import messages as m
from microcred.platform.catalog.previews import SAMPLE_CREDENTIAL_ID, preview_document
from microcred.platform.catalog.services import design_import
from microcred.platform.core.errors import ConflictError
from microcred.platform.providers.models import Provider
from microcred.standard import designfile

from ...conftest import EXAMPLES
from ..conftest import NOW, admin_of, log_in

pytestmark = pytest.mark.django_db
GOOD = (EXAMPLES / "python-basics.yaml").read_text(encoding="utf-8")


def test_the_previews_are_the_library_s_documents_for_a_sample_learner(
    provider_a: Provider, provider_b: Provider
) -> None:
    version = design_import(user=admin_of(provider_a), provider=provider_a, text=GOOD, now=NOW)
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    log_in(client, admin_of(provider_a).email)
    base = f"/designs/versions/{version.pk}"
    ob3 = client.get(f"{base}/preview/ob3.json")
    assert ob3.status_code == 200
    credential = json.loads(ob3.content)
    assert credential["id"] == SAMPLE_CREDENTIAL_ID
    assert "proof" not in credential
    award = from_ob3(credential)
    assert award.spec.title == designfile.loads(GOOD).title
    edc = client.get(f"{base}/preview/edc.jsonld")
    assert edc["Content-Type"].startswith("application/ld+json")
    assert from_edc(json.loads(edc.content)).learner.family_name.endswith("preview)")
    pdf = client.get(f"{base}/preview/certificate.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    attached = extract_pdf(pdf.content)
    assert json.loads(attached["credential-ob3.json"])["id"] == SAMPLE_CREDENTIAL_ID
    page = client.get(f"{base}/").content.decode()
    assert "sample learner" in page
    assert "preview/ob3.json" in page
    other = Client()
    log_in(other, admin_of(provider_b).email)
    for path in ("preview/ob3.json", "preview/edc.jsonld", "preview/certificate.pdf"):
        assert other.get(f"{base}/{path}").status_code == 404


def test_a_design_the_builders_cannot_use_yet_says_why(provider_a: Provider) -> None:
    version = design_import(user=admin_of(provider_a), provider=provider_a,
                            text="title: {en: Only a title}", now=NOW)  # fmt: skip
    with pytest.raises(ConflictError) as raised:
        preview_document(version, "edc", NOW)
    assert raised.value.code == m.PREVIEW_IMPOSSIBLE.code
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    log_in(client, admin_of(provider_a).email)
    page = client.get(f"/designs/versions/{version.pk}/preview/edc.jsonld")
    assert page.status_code == 409
    assert "awarding body" in page.content.decode()


def test_the_preview_certificate_points_at_the_platform_s_verification_page(
    provider_a: Provider, settings: Any
) -> None:
    """The QR code and the printed address are the platform's public one with
    ``/verify/<id>`` (as a real certificate's), the id the sample one no award has; the
    learner says it is a preview."""
    settings.PUBLIC_URL = "https://rejestr.example.eu"
    version = design_import(user=admin_of(provider_a), provider=provider_a, text=GOOD, now=NOW)
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    log_in(client, admin_of(provider_a).email)
    pdf = client.get(f"/designs/versions/{version.pk}/preview/certificate.pdf").content
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = " ".join(page.extract_text() for page in reader.pages)
    joined = "".join(text.split())  # the address is broken across lines
    assert f"https://rejestr.example.eu/verify/{SAMPLE_CREDENTIAL_ID}" in joined
    assert ".invalid" not in text
    assert "(podgląd / preview)" in " ".join(text.split())
