"""The bulk-issuance pages: upload → preview (bad rows by line) → start → progress →
results, run by a real worker over the database queue; the claim link from the e-mail
(no account); who may see a batch."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from microcred.platform.issuance.models import Award, Batch, OutboxMessage, OutboxState
from microcred.platform.issuance.worker import Worker

from ..conftest import admin_of, log_in, person
from .helpers import published
from .test_batches import cohort

pytestmark = pytest.mark.django_db(transaction=True)


def _upload(client, version, data: bytes, name: str = "lista.csv", key: str = "k"):
    sent = {"file": SimpleUploadedFile(name, data), "idempotency_key": key}
    return client.post(reverse("issuance:upload", args=[version.pk]), sent)


@override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")
def test_upload_preview_start_progress_results_and_claim(client, provider_a, qa_officer):
    version = published(provider_a, qa_officer)
    log_in(client, admin_of(provider_a).email)
    assert client.get(reverse("issuance:upload", args=[version.pk])).status_code == 200
    bad = "Jan Nowak;zły-adres;1990-04-02;2026-12-01;\n"
    response = _upload(client, version, cohort(3, extra=bad))
    batch = Batch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("issuance:batch", args=[batch.pk])
    again = _upload(client, version, cohort(3, extra=bad))  # a double click: the same key
    assert again["Location"] == response["Location"]
    assert Batch.objects.count() == 1
    preview = client.get(response["Location"]).content.decode()
    assert "Żółć0" in preview
    assert "zły-adres" in preview
    assert ">5<" in preview
    assert "Issue 3 awards" in preview or "Wydaj 3" in preview
    assert not Award.objects.exists()
    client.post(reverse("issuance:batch_start", args=[batch.pk]))
    fragment = client.get(reverse("issuance:batch_progress", args=[batch.pk]),
                          HTTP_HX_REQUEST="true")  # fmt: skip
    assert fragment.status_code == 200
    assert 'hx-trigger="every 1s"' in fragment.content.decode()
    Worker(interval=0.05).run(burst=True)  # the database queue's worker, in this process
    done = client.get(reverse("issuance:batch_progress", args=[batch.pk]), HTTP_HX_REQUEST="true")
    assert done.status_code == 286
    assert "hx-trigger" not in done.content.decode()
    assert "100%" in done.content.decode()
    results = b"".join(client.get(reverse("issuance:batch_results",
                                          args=[batch.pk])).streaming_content)  # fmt: skip
    rows = list(csv.reader(io.StringIO(results.decode())))
    assert [r[3] for r in rows[1:]] == ["issued", "issued", "issued", "failed"]
    # every learner got one e-mail, with the claim link; a second run sends nothing more
    assert len(mail.outbox) == 3
    assert OutboxMessage.objects.filter(state=OutboxState.SENT).count() == 3
    Worker(interval=0.05).run(burst=True)
    assert len(mail.outbox) == 3
    message = next(m for m in mail.outbox if m.to == ["l0@example.org"])
    assert message.extra_headers["Message-ID"].startswith("<award-")
    link = re.search(r"https?://\S+/awards/claim/\S+/", message.body).group(0)
    assert link == rows[1][7]
    client.logout()
    path = link.split("://", 1)[1].split("/", 1)[1]
    claim = client.get("/" + path)
    assert claim.status_code == 200
    assert "Żółć0" in claim.content.decode()
    assert claim["Cache-Control"] == "private, no-store"
    assert "noindex" in claim["X-Robots-Tag"]
    ob3 = client.get("/" + path + "ob3.json")
    award = Award.objects.get(email="l0@example.org")
    assert json.loads(ob3.content)["id"] == award.credential_id
    assert client.get("/" + path[:-5] + "XXXX/").status_code == 404  # a forged link


def test_others_see_no_batch_and_a_bad_file_is_said(client, provider_a, provider_b, qa_officer):
    version = published(provider_a, qa_officer)
    log_in(client, admin_of(provider_a).email)
    refused = _upload(client, version, b"\x00\x01 not a list")
    assert refused.status_code == 422
    assert not Batch.objects.exists()
    _upload(client, version, cohort(1))
    batch = Batch.objects.get()
    for who in (admin_of(provider_b), person("learner@example.org")):
        client.logout()
        log_in(client, who.email)
        assert client.get(reverse("issuance:batch", args=[batch.pk])).status_code == 404
        assert client.post(reverse("issuance:batch_start", args=[batch.pk])).status_code == 404
    client.logout()
    log_in(client, admin_of(provider_a).email)
    listing = client.get(reverse("issuance:provider_batches", args=[provider_a.pk]))
    assert "lista.csv" in listing.content.decode()
    client.post(reverse("issuance:batch_discard", args=[batch.pk]))
    assert not Batch.objects.exists()
