"""An award's certificate (PDF) and baked badge: made from its signed credentials, which
come back out byte for byte; the certificate rendered once; only for who sees the award."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from microcred.credentials.baking import extract, extract_pdf
from microcred.platform.issuance import documents
from microcred.platform.issuance.documents import EDC_NAME, OB3_NAME

from ..conftest import admin_of, log_in, person
from .test_views import award, version  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _own_cache(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    documents._certificates.cache_clear()
    yield
    documents._certificates.cache_clear()


def test_the_certificate_carries_both_credentials_and_is_rendered_once(client, award):  # noqa: F811
    person(award.email)
    log_in(client, award.email)
    url = reverse("issuance:certificate", args=[award.pk])
    first = client.get(url + "?lang=en")
    assert first.status_code == 200
    assert first["Content-Type"] == "application/pdf"
    pdf = first.content
    attached = extract_pdf(pdf)
    assert attached[OB3_NAME] == award.ob3.encode("utf-8")
    assert attached[EDC_NAME] == award.edc.encode("utf-8")
    again = client.get(url + "?lang=en")
    assert again.content == pdf
    assert documents._certificates().hits == 1
    assert documents._certificates().misses == 1


def test_the_badge_has_the_credential_baked_in(client, provider_a, award):  # noqa: F811
    log_in(client, admin_of(provider_a).email)
    response = client.get(reverse("issuance:badge", args=[award.pk]))
    assert response.status_code == 200
    assert json.loads(extract(response.content)) == json.loads(award.ob3)  # the same credential


def test_others_get_neither(client, provider_b, award):  # noqa: F811
    log_in(client, admin_of(provider_b).email)
    for name in ("issuance:certificate", "issuance:badge"):
        assert client.get(reverse(name, args=[award.pk])).status_code == 404
