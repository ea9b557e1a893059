"""Bulk batches through the services: a learner list read row by row (bad rows named by
line, good ones issued), started, worked in chunks under leases, reported; the same
key issues nothing new; a lease taken over writes nothing; every credential verifies."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta

import pytest

from microcred.credentials.dids import Resolver
from microcred.credentials.status import local_fetcher
from microcred.credentials.verify import verify
from microcred.platform.core.errors import ConflictError, InvalidInputError, PermissionDeniedError
from microcred.platform.issuance import batch_work
from microcred.platform.issuance.batch_work import LeaseLostError, chunk_claim, chunk_process, work
from microcred.platform.issuance.batches import (
    CHUNK_ROWS,
    batch_create,
    batch_report,
    batch_start,
    batch_summary,
)
from microcred.platform.issuance.models import (
    Award,
    BatchChunk,
    BatchRow,
    OutboxMessage,
    RowState,
    StatusList,
)
from microcred.platform.issuance.services import award_issue
from microcred.platform.providers.keys import provider_did_document

from ..conftest import NOW, admin_of, person
from .helpers import anna, published

pytestmark = pytest.mark.django_db

HEADER = "name;email;date_of_birth;issued_on;grade\n"


def cohort(n: int, *, extra: str = "") -> bytes:
    """A Polish-Excel CSV (Windows-1250, ``;``) of ``n`` good learners, then ``extra``."""
    lines = [f"Łucja Żółć{i};l{i}@example.org;1990-04-02;2026-12-01;\n" for i in range(n)]
    return (HEADER + "".join(lines) + extra).encode("cp1250")


def _go(provider, officer, data: bytes, **kwargs):
    version = published(provider, officer)
    user = admin_of(provider)
    batch, created = batch_create(user=user, version=version, data=data, filename="k.csv",
                                  now=NOW, **kwargs)  # fmt: skip
    return user, version, batch, created


def test_bad_rows_are_named_by_line_and_good_rows_are_issued(provider_a, qa_officer):
    bad = ("=HYPERLINK(\"x\");x@example.org;1990-04-02;2026-12-01;\n"
           "Jan Kowalski;not-an-email;1990-04-02;2026-12-01;\n"
           "Ewa Nowak;ewa@example.org;1990-04-02;2030-01-01;\n"
           "Łucja Żółć0;l0@example.org;1990-04-02;2026-12-01;\n")  # fmt: skip
    user, _version, batch, created = _go(provider_a, qa_officer, cohort(3, extra=bad))
    assert created
    assert batch.rows == 7
    assert batch.started_at is None
    failed = dict(BatchRow.objects.filter(batch=batch, state=RowState.FAILED)
                  .values_list("line", "reasons"))  # fmt: skip
    assert sorted(failed) == [5, 6, 7, 8]
    assert "formula" in failed[5][0]["en"]
    assert "e-mail" in failed[6][0]["en"].lower() or "email" in failed[6][0]["en"].lower()
    assert "future" in failed[7][0]["en"]
    assert "line 2" in failed[8][0]["en"]  # the same learner as on line 2
    assert not Award.objects.exists()  # nothing issued before the start
    batch_start(user=user, batch=batch, now=NOW, enqueue=False)
    work(batch_id=str(batch.pk), deliver=False, clock=lambda: NOW)
    summary = batch_summary(batch)
    assert (summary.rows, summary.issued, summary.failed, summary.pending) == (7, 3, 4, 0)
    assert summary.done
    assert summary.as_json()["done"] is True
    awards = list(Award.objects.filter(batch_row__batch=batch))
    assert len(awards) == 3
    assert OutboxMessage.objects.count() == 3
    assert {a.family_name for a in awards} == {"Żółć0", "Żółć1", "Żółć2"}
    award = awards[0]
    lists = {r.url: json.loads(r.credential) for r in StatusList.objects.all()}
    report = verify(award.ob3.encode(), now=NOW + timedelta(hours=1),
                    resolver=Resolver({award.provider.did: provider_did_document(
                        award.provider.slug)}),
                    status_fetcher=local_fetcher(lists))  # fmt: skip
    assert report.verified, report


def test_the_report_is_formula_safe_and_complete(provider_a, qa_officer):
    bad = "@SUM(1);x@example.org;1990-04-02;2026-12-01;\n"
    user, _, batch, _ = _go(provider_a, qa_officer, cohort(2, extra=bad))
    batch_start(user=user, batch=batch, now=NOW, enqueue=False)
    work(batch_id=str(batch.pk), deliver=False, clock=lambda: NOW)
    rows = list(csv.reader(io.StringIO("".join(batch_report(batch)).lstrip("\ufeff"))))
    assert rows[0][:4] == ["line", "learner", "email", "outcome"]
    assert [r[3] for r in rows[1:]] == ["issued", "issued", "failed"]
    assert rows[3][1] == ""
    assert "formula" in rows[3][4]
    issued = rows[1]
    assert issued[5].startswith("urn:uuid:")
    assert "/awards/claim/" in issued[7]
    assert "/status/" in issued[8]
    assert issued[9].isdigit()
    assert "/status/" in issued[10]
    assert issued[11] == issued[9]
    errors = list(csv.reader(io.StringIO("".join(batch_report(batch, failed_only=True)))))
    assert len(errors) == 2


def test_the_same_key_issues_nothing_new(provider_a, qa_officer):
    user, version, batch, created = _go(provider_a, qa_officer, cohort(3), idempotency_key="k1")
    again, created_again = batch_create(user=user, version=version, data=cohort(3),
                                        filename="k.csv", now=NOW,
                                        idempotency_key="k1")  # fmt: skip
    assert created
    assert not created_again
    assert again.pk == batch.pk
    with pytest.raises(ConflictError) as refused:
        batch_create(user=user, version=version, data=cohort(4), filename="k.csv", now=NOW,
                     idempotency_key="k1")  # fmt: skip
    assert refused.value.code == "batch_idempotency_key_reused"
    batch_start(user=user, batch=batch, now=NOW, enqueue=False)
    with pytest.raises(ConflictError):
        batch_start(user=user, batch=batch, now=NOW, enqueue=False)
    work(batch_id=str(batch.pk), deliver=False, clock=lambda: NOW)
    assert Award.objects.count() == 3


def test_a_learner_who_holds_it_already_is_refused(provider_a, qa_officer):
    version = published(provider_a, qa_officer)
    user = admin_of(provider_a)
    award_issue(user=user, version=version, now=NOW,
                request=anna(email="L1@example.org", date_of_birth="1990-04-02"))  # fmt: skip
    batch, _ = batch_create(user=user, version=version, data=cohort(3), filename="k.csv", now=NOW)
    reasons = BatchRow.objects.get(batch=batch, line=3).reasons
    assert reasons[0]["code"] == "row_already_awarded"


def test_unusable_files_and_strangers_are_refused_with_nothing_kept(provider_a, qa_officer):
    version = published(provider_a, qa_officer)
    for data in (b"", b"\x00\x01\x02binary", b"name;email\n"):
        with pytest.raises(InvalidInputError):
            batch_create(user=admin_of(provider_a), version=version, data=data,
                         filename="k.csv", now=NOW)  # fmt: skip
    with pytest.raises(PermissionDeniedError):
        batch_create(user=person("x@example.org"), version=version, data=cohort(1),
                     filename="k.csv", now=NOW)  # fmt: skip
    assert not BatchRow.objects.exists()


def test_a_taken_over_lease_writes_nothing_and_the_new_holder_issues(provider_a, qa_officer):
    user, _, batch, _ = _go(provider_a, qa_officer, cohort(CHUNK_ROWS + 5))
    batch_start(user=user, batch=batch, now=NOW, enqueue=False)
    first = chunk_claim(now=NOW, batch_id=str(batch.pk))
    assert first is not None
    assert first.number == 0
    # the first worker stalls past its lease: another takes the chunk over
    later = NOW + batch_work.lease() + timedelta(seconds=1)
    second = chunk_claim(now=later, batch_id=str(batch.pk))
    assert second is not None
    assert second.chunk_id == first.chunk_id
    assert second.attempts == 2
    with pytest.raises(LeaseLostError):
        chunk_process(first, now=NOW)
    assert not Award.objects.exists()
    assert chunk_process(second, now=later) == (CHUNK_ROWS, 0)
    work(batch_id=str(batch.pk), deliver=False, clock=lambda: later)
    assert Award.objects.count() == CHUNK_ROWS + 5
    assert BatchChunk.objects.filter(batch=batch).count() == 2
    entries = list(Award.objects.values_list("status_list", "status_index"))
    assert len(set(entries)) == len(entries)
    batch.refresh_from_db()
    assert batch.finished_at == later


def test_a_chunk_that_keeps_failing_ends_with_its_reason(provider_a, qa_officer, monkeypatch):
    user, _, batch, _ = _go(provider_a, qa_officer, cohort(2))
    batch_start(user=user, batch=batch, now=NOW, enqueue=False)

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(batch_work, "chunk_process", broken)
    moment = NOW
    for _ in range(batch_work.MAX_ATTEMPTS + 1):
        moment += timedelta(minutes=5)  # past every pause
        work(batch_id=str(batch.pk), deliver=False, clock=lambda at=moment: at)
    rows = list(BatchRow.objects.filter(batch=batch).values_list("state", "reasons"))
    assert [state for state, _ in rows] == ["failed", "failed"]
    assert "disk on fire" in rows[0][1][0]["en"]
    assert rows[0][1][0]["code"] == "row_gave_up"
    assert batch_summary(batch).done


def test_a_row_s_evidence_is_in_its_credential_and_it_verifies(provider_a, qa_officer):
    data = ("name;email;date_of_birth;evidence_url;narrative\n"
            "Ewa Nowak;ewa@example.org;1990-04-02;https://portfolio.example.org/ewa;"
            "Zbudowała analizator logów w Pythonie.\n"
            "Jan Nowak;jan@example.org;1990-04-02;;\n").encode()  # fmt: skip
    user, _, batch, _ = _go(provider_a, qa_officer, data)
    batch_start(user=user, batch=batch, now=NOW, enqueue=False)
    work(batch_id=str(batch.pk), deliver=False, clock=lambda: NOW)
    ewa, jan = (
        Award.objects.get(email="ewa@example.org"),
        Award.objects.get(email="jan@example.org"),
    )
    evidence = json.loads(ewa.ob3)["evidence"]
    assert evidence == [{"type": ["Evidence"], "id": "https://portfolio.example.org/ewa",
                         "narrative": "Zbudowała analizator logów w Pythonie."}]  # fmt: skip
    assert "evidence" not in json.loads(jan.ob3)
    lists = {r.url: json.loads(r.credential) for r in StatusList.objects.all()}
    report = verify(ewa.ob3.encode(), now=NOW + timedelta(hours=1),
                    resolver=Resolver({ewa.provider.did: provider_did_document(ewa.provider.slug)}),
                    status_fetcher=local_fetcher(lists))  # fmt: skip
    assert report.verified, report
    assert json.loads(ewa.ob3)["credentialStatus"]["statusListIndex"] == str(
        BatchRow.objects.get(batch=batch, line=2).status_index)  # fmt: skip


def test_a_file_unreadable_further_on_is_refused_whole(provider_a, qa_officer):
    version = published(provider_a, qa_officer)
    broken = cohort(3, extra='"Jan Nowak;jan@example.org;1990-04-02;2026-12-01;\n').decode("cp1250")
    with pytest.raises(InvalidInputError) as refused:
        batch_create(user=admin_of(provider_a), version=version, filename="k.csv", now=NOW,
                     data=broken.encode("cp1250"))  # fmt: skip
    assert refused.value.code == "batch_unreadable"
    assert not BatchRow.objects.exists()


def test_a_learner_awarded_between_reading_and_issuing_is_refused(provider_a, qa_officer):
    user, version, batch, _ = _go(provider_a, qa_officer, cohort(3))
    award_issue(user=user, version=version, now=NOW,
                request=anna(email="l1@example.org", date_of_birth="1990-04-02"))  # fmt: skip
    batch_start(user=user, batch=batch, now=NOW, enqueue=False)
    work(batch_id=str(batch.pk), deliver=False, clock=lambda: NOW)
    assert batch_summary(batch).issued == 2
    row = BatchRow.objects.get(batch=batch, line=3)
    assert row.reasons[0]["code"] == "row_already_awarded"
    assert Award.objects.filter(email="l1@example.org").count() == 1


def test_a_provider_suspended_mid_batch_issues_no_more(provider_a, qa_officer):
    from microcred.platform.providers.models import Decision
    from microcred.platform.providers.services import provider_decide

    user, _, batch, _ = _go(provider_a, qa_officer, cohort(CHUNK_ROWS + 3))
    batch_start(user=user, batch=batch, now=NOW, enqueue=False)
    first = chunk_claim(now=NOW, batch_id=str(batch.pk))
    assert chunk_process(first, now=NOW) == (CHUNK_ROWS, 0)
    provider_decide(officer=qa_officer, provider=provider_a, decision=Decision.SUSPEND,
                    reason="audit", now=NOW)  # fmt: skip
    work(batch_id=str(batch.pk), deliver=False, clock=lambda: NOW)
    summary = batch_summary(batch)
    assert (summary.issued, summary.failed, summary.pending) == (CHUNK_ROWS, 3, 0)
    reason = BatchRow.objects.filter(batch=batch, state=RowState.FAILED).first().reasons[0]
    assert reason["code"] == "row_not_issued"


def test_a_mail_server_down_leaves_the_e_mails_for_later(provider_a, qa_officer, settings):
    from microcred.platform.issuance.delivery import outbox_deliver
    from microcred.platform.issuance.models import OutboxState

    user, _, batch, _ = _go(provider_a, qa_officer, cohort(2))
    batch_start(user=user, batch=batch, now=NOW, enqueue=False)
    work(batch_id=str(batch.pk), deliver=False, clock=lambda: NOW)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 1
    assert outbox_deliver(now=NOW) == 2  # tried, not sent, and no exception
    pending = OutboxMessage.objects.filter(state=OutboxState.PENDING)
    assert pending.count() == 2
    assert all(m.attempts == 1 and m.last_error and m.next_attempt_at > NOW for m in pending)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert outbox_deliver(now=NOW + timedelta(hours=1)) == 2
    assert OutboxMessage.objects.filter(state=OutboxState.SENT).count() == 2
