"""The bulk-issuance API: upload (multipart) → the preview with every refused row by
line → start → a worker → the counts ``microcred batch show --json`` prints; the
Idempotency-Key header; the error shape for a file that is no learner list; strangers."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from microcred.platform.issuance.models import Award
from microcred.platform.issuance.worker import Worker

from ..conftest import admin_of, log_in
from .helpers import published
from .test_batches import cohort

pytestmark = pytest.mark.django_db(transaction=True)


def _post(client, version, data: bytes, **extra):
    body = {"version_id": version.pk, "file": SimpleUploadedFile("lista.csv", data)}
    return client.post("/api/v1/batches", body | extra.pop("form", {}), **extra)


def test_upload_preview_start_and_counts(client, provider_a, qa_officer):
    version = published(provider_a, qa_officer)
    log_in(client, admin_of(provider_a).email)
    bad = "Jan Nowak;zły-adres;1990-04-02;2026-12-01;\n"
    made = _post(client, version, cohort(2, extra=bad), HTTP_IDEMPOTENCY_KEY="upload-1")
    assert made.status_code == 201, made.content
    out = made.json()
    assert (out["rows"], out["pending"], out["failed"], out["done"]) == (3, 2, 1, False)
    assert [r["line"] for r in out["first"]] == [2, 3]
    assert out["refused"][0]["line"] == 4
    assert out["refused"][0]["reasons"][0]["code"]
    again = _post(client, version, cohort(2, extra=bad), HTTP_IDEMPOTENCY_KEY="upload-1")
    assert again.status_code == 200
    assert again.json()["batch"] == out["batch"]
    started = client.post(f"/api/v1/batches/{out['batch']}/start")
    assert started.status_code == 202
    assert client.post(f"/api/v1/batches/{out['batch']}/start").status_code == 409
    Worker(interval=0.05).run(burst=True)
    shown = client.get(f"/api/v1/batches/{out['batch']}").json()
    assert {k: shown[k] for k in ("rows", "issued", "failed", "pending", "done")} == {
        "rows": 3, "issued": 2, "failed": 1, "pending": 0, "done": True}  # fmt: skip
    issued = client.get(f"/api/v1/batches/{out['batch']}/rows?state=issued").json()
    credential = Award.objects.get(email="l0@example.org").credential_id
    assert issued["count"] == 2
    assert issued["results"][0]["credential_id"] == credential


def test_a_bad_file_and_a_stranger_are_refused(client, provider_a, provider_b, qa_officer):
    version = published(provider_a, qa_officer)
    log_in(client, admin_of(provider_a).email)
    refused = _post(client, version, b"\x00\x01\x02")
    assert refused.status_code == 422
    assert refused.json()["code"] == "batch_unreadable"
    made = _post(client, version, cohort(1), form={"start": "true"}).json()
    client.logout()
    log_in(client, admin_of(provider_b).email)
    assert client.get(f"/api/v1/batches/{made['batch']}").status_code == 404
    assert _post(client, version, cohort(1)).status_code == 404
