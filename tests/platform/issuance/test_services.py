"""award_issue: a real award, signed by the provider's key and sealed by its e-seal,
verified by the library as a stranger would (the published DID document and status
list); and every refusal, with nothing written."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection

from microcred.credentials.dids import Resolver
from microcred.credentials.status import local_fetcher
from microcred.credentials.verify import verify
from microcred.platform.accounts.models import Role
from microcred.platform.accounts.services import membership_grant
from microcred.platform.catalog.services import design_import
from microcred.platform.core.errors import ConflictError, InvalidInputError, PermissionDeniedError
from microcred.platform.issuance import messages as m
from microcred.platform.issuance.models import (
    Award,
    AwardAction,
    AwardEvent,
    AwardState,
    StatusList,
)
from microcred.platform.issuance.services import (
    REPLACED,
    award_correct,
    award_issue,
    award_revoke,
)
from microcred.platform.issuance.status_lists import status_bit_set
from microcred.platform.providers.keys import provider_did_document
from microcred.platform.providers.models import Decision
from microcred.platform.providers.services import provider_decide

from ...conftest import EXAMPLES
from ..conftest import NOW, admin_of, person
from .helpers import anna, published

pytestmark = pytest.mark.django_db


def _verified(award: Award, **kwargs: object) -> object:
    did = award.provider.did
    lists = {award.status_list.url: json.loads(award.status_list.credential)}
    return verify(
        award.ob3.encode(),
        now=NOW + timedelta(hours=1),
        resolver=Resolver({did: provider_did_document(award.provider.slug)}),
        status_fetcher=local_fetcher(lists),
        **kwargs,
    )  # type: ignore[arg-type]


def test_an_award_is_signed_sealed_and_verifies(provider_a, qa_officer):
    version = published(provider_a, qa_officer)
    request = anna(date_of_birth="1990-04-02", grade="pass")
    award = award_issue(user=admin_of(provider_a), version=version, request=request, now=NOW)
    ob3 = json.loads(award.ob3)
    assert ob3["issuer"]["id"] == provider_a.did
    assert award.date_of_birth.isoformat() == "1990-04-02"  # kept: a correction starts from it
    assert award.grade("pl") == "zaliczone"
    assert award.grade("en") == "pass"
    assert ob3["credentialStatus"]["statusListCredential"] == award.status_list.url
    assert int(ob3["credentialStatus"]["statusListIndex"]) == award.status_index
    assert award.credential_id == ob3["id"]
    assert award.valid_until is not None
    assert award.valid_until.year == 2031
    report = _verified(award)
    assert report.result.value == "valid", report.summary()  # type: ignore[attr-defined]
    edc = json.loads(award.edc)
    assert "signatures" in edc
    assert "payload" in edc
    sealed = verify(award.edc.encode(), now=NOW + timedelta(hours=1))
    proof = {c.name: c.status.value for c in sealed.checks}  # type: ignore[attr-defined]
    assert proof.get("proof") == "pass", sealed.summary()  # type: ignore[attr-defined]
    assert AwardEvent.objects.filter(award=award, action="issued").count() == 1


def test_a_revoked_award_is_seen_revoked_by_a_verifier(provider_a, qa_officer):
    version = published(provider_a, qa_officer)
    award = award_issue(user=admin_of(provider_a), version=version,
                        request=anna(date_of_birth="1990-04-02"), now=NOW)  # fmt: skip
    second = anna(email="b@example.org", date_of_birth="1990-04-02")
    other = award_issue(user=admin_of(provider_a), version=version, request=second, now=NOW)
    award_revoke(user=admin_of(provider_a), award=award, reason="Plagiat w projekcie końcowym.",
                 now=NOW)  # fmt: skip
    award.refresh_from_db()
    assert award.state == AwardState.REVOKED
    assert award.status_list.sequence == 2
    report = _verified(award)
    status = next(c for c in report.checks if c.name == "status")  # type: ignore[attr-defined]
    assert status.code == "revoked"
    other.refresh_from_db()
    assert _verified(other).result.value == "valid"  # type: ignore[attr-defined]
    event = award.events.get(action=AwardAction.REVOKED)
    assert event.reason == "Plagiat w projekcie końcowym."
    with pytest.raises(ConflictError) as caught:
        award_revoke(user=admin_of(provider_a), award=award, reason="again", now=NOW)
    assert caught.value.code == m.ALREADY_REVOKED.code


def test_a_revocation_needs_a_reason_and_an_issuer(provider_a, provider_b, qa_officer):
    version = published(provider_a, qa_officer)
    award = award_issue(user=admin_of(provider_a), version=version,
                        request=anna(date_of_birth="1990-04-02"), now=NOW)  # fmt: skip
    with pytest.raises(InvalidInputError) as caught:
        award_revoke(user=admin_of(provider_a), award=award, reason="  ", now=NOW)
    assert "reason" in caught.value.extra["fields"]
    with pytest.raises(PermissionDeniedError):
        award_revoke(user=admin_of(provider_b), award=award, reason="no", now=NOW)
    award.refresh_from_db()
    assert award.state == AwardState.ACTIVE
    assert award.status_list.sequence == 1
    assert not award.events.filter(action=AwardAction.REVOKED).exists()


def test_a_bit_cleared_again_publishes_a_clear_list(provider_a, qa_officer):
    version = published(provider_a, qa_officer)
    award = award_issue(user=admin_of(provider_a), version=version,
                        request=anna(date_of_birth="1990-04-02"), now=NOW)  # fmt: skip
    status_bit_set(record=award.status_list, index=award.status_index, value=True, now=NOW)
    status_bit_set(record=award.status_list, index=award.status_index, value=False, now=NOW)
    award.refresh_from_db()
    assert award.status_list.sequence == 3
    assert _verified(award).result.value == "valid"  # type: ignore[attr-defined]


def test_entries_are_random_and_never_shared(provider_a, qa_officer):
    version = published(provider_a, qa_officer)
    awards = [award_issue(user=admin_of(provider_a), version=version,
                          request=anna(email=f"l{n}@example.org", date_of_birth="1990-04-02"),
                          now=NOW) for n in range(6)]  # fmt: skip
    indexes = [a.status_index for a in awards]
    assert len(set(indexes)) == 6
    assert indexes != sorted(indexes) or max(indexes) > 1000  # not handed out in order
    assert StatusList.objects.get(purpose="revocation").used == 6


def test_staff_issue_and_others_may_not(provider_a, provider_b, qa_officer):
    version = published(provider_a, qa_officer)
    staff = person("staff@a.example.org")
    membership_grant(user=staff, organisation=provider_a.organisation,
                     role=Role.PROVIDER_STAFF, now=NOW)  # fmt: skip
    award_issue(user=staff, version=version, request=anna(date_of_birth="1990-04-02"), now=NOW)
    assessor = person("assessor@a.example.org")
    membership_grant(user=assessor, organisation=provider_a.organisation, role=Role.ASSESSOR,
                     now=NOW)  # fmt: skip
    for outsider in (admin_of(provider_b), assessor, qa_officer):
        with pytest.raises(PermissionDeniedError):
            award_issue(user=outsider, version=version, request=anna(date_of_birth="1990-04-02"),
                        now=NOW)  # fmt: skip
    assert Award.objects.count() == 1


@pytest.mark.parametrize(("changes", "field", "code"), [
    ({"given_name": ""}, "given_name", m.REQUIRED.code),
    ({"email": "not-an-address"}, "email", m.BAD_EMAIL.code),
    ({"family_name": "=HYPERLINK(\"x\")"}, "family_name", m.FORMULA.code),
    ({"issued_on": "2026-12-02"}, "issued_on", m.FUTURE_DATE.code),
    ({"issued_on": "30.11.2026"}, "issued_on", m.BAD_DATE.code),
    ({"grade": "niezaliczone"}, "grade", "grade_failing"),
    ({"grade": "wybitny"}, "grade", "grade_not_on_scale"),
    ({"date_of_birth": ""}, "__all__", "learner_promised_missing"),
])  # fmt: skip
def test_bad_input_is_refused_by_field_and_nothing_written(provider_a, qa_officer, changes, field,
                                                            code):  # fmt: skip
    version = published(provider_a, qa_officer)
    request = anna(**({"date_of_birth": "1990-04-02"} | changes))
    with pytest.raises(InvalidInputError) as caught:
        award_issue(user=admin_of(provider_a), version=version, request=request, now=NOW)
    assert field in caught.value.extra["fields"]
    assert Award.objects.count() == StatusList.objects.filter(used__gt=0).count() == 0
    assert caught.value.code == m.AWARD_INVALID.code
    del code  # the texts are the standard's; the code is checked in the API test


def test_only_the_published_version_is_issued(provider_a, qa_officer):
    version = published(provider_a, qa_officer)
    draft = design_import(user=admin_of(provider_a), provider=provider_a, now=NOW,
                          text=version.source, design=version.design)  # fmt: skip
    with pytest.raises(ConflictError) as caught:
        award_issue(user=admin_of(provider_a), version=draft,
                    request=anna(date_of_birth="1990-04-02"), now=NOW)  # fmt: skip
    assert caught.value.code == m.NOT_PUBLISHED.code
    assert not Award.objects.exists()


def test_a_suspended_provider_issues_nothing(provider_a, qa_officer):
    version = published(provider_a, qa_officer)
    provider_decide(officer=qa_officer, provider=provider_a, decision=Decision.SUSPEND,
                    reason="audit", now=NOW)  # fmt: skip
    with pytest.raises(ConflictError):
        award_issue(user=admin_of(provider_a), version=version,
                    request=anna(date_of_birth="1990-04-02"), now=NOW)  # fmt: skip
    assert not Award.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_concurrent_awards_never_share_an_entry(provider_a, qa_officer):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers: the race needs PostgreSQL")
    version = published(provider_a, qa_officer)
    admin = admin_of(provider_a)

    def issue_five(worker: int) -> list[int]:
        try:
            return [award_issue(user=admin, version=version, now=NOW, request=anna(
                email=f"w{worker}-{n}@example.org", date_of_birth="1990-04-02")).status_index
                for n in range(5)]  # fmt: skip
        finally:
            connection.close()

    with ThreadPoolExecutor(4) as pool:
        indexes = [i for found in pool.map(issue_five, range(4)) for i in found]
    assert len(indexes) == len(set(indexes)) == 20
    assert StatusList.objects.get(purpose="revocation").used == 20


@pytest.mark.django_db(transaction=True)
def test_concurrent_revocations_on_one_list_lose_no_bit(provider_a, qa_officer):
    """Four threads revoke (and suspend) different awards of one list at once: each
    read-change-sign of the list is under its row lock, so every bit is in the list
    published last."""
    from microcred.credentials.status import read_status_list
    from microcred.platform.issuance.services import award_suspend

    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers: the race needs PostgreSQL")
    version = published(provider_a, qa_officer)
    admin = admin_of(provider_a)
    awards = [award_issue(user=admin, version=version, now=NOW, request=anna(
        email=f"r{n}@example.org", date_of_birth="1990-04-02")) for n in range(12)]  # fmt: skip

    def change(n: int) -> None:
        try:
            if n % 3 == 2:
                award_suspend(user=admin, award=awards[n], reason="check", now=NOW)
            else:
                award_revoke(user=admin, award=awards[n], reason=f"reason {n}", now=NOW)
        finally:
            connection.close()

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(change, range(12)))
    revocations = StatusList.objects.get(purpose="revocation")
    bits = read_status_list(json.loads(revocations.credential))
    suspensions = read_status_list(json.loads(revocations.twin.credential))
    for n, award in enumerate(awards):
        assert bits.get(award.status_index) == (n % 3 != 2), n
        assert suspensions.get(award.status_index) == (n % 3 == 2), n
    assert revocations.sequence == 1 + 8  # signed when made, then once per revocation


def test_the_date_of_issue_is_a_utc_day(provider_a, qa_officer):
    """At 00:30 in Warsaw on 2 December (23:30 UTC on the 1st) the day is still the 1st:
    a credential dated the 2nd would be valid from 00:00 UTC, half an hour ahead."""
    version = published(provider_a, qa_officer)
    late = datetime(2026, 12, 1, 23, 30, tzinfo=UTC)
    award = award_issue(user=admin_of(provider_a), version=version, now=late,
                        request=anna(issued_on="", date_of_birth="1990-04-02"))  # fmt: skip
    assert award.issued_on.isoformat() == "2026-12-01"
    assert json.loads(award.ob3)["validFrom"].startswith("2026-12-01T")
    ahead = anna(email="b@example.org", issued_on="2026-12-02", date_of_birth="1990-04-02")
    with pytest.raises(InvalidInputError) as caught:
        award_issue(user=admin_of(provider_a), version=version, now=late, request=ahead)
    assert "UTC" in caught.value.extra["fields"]["issued_on"][0]


def test_no_award_is_dated_before_the_approval(provider_a, qa_officer):
    version = published(provider_a, qa_officer)
    with pytest.raises(InvalidInputError) as caught:
        award_issue(user=admin_of(provider_a), version=version, now=NOW,
                    request=anna(issued_on="2026-11-30", date_of_birth="1990-04-02"))  # fmt: skip
    assert caught.value.extra["fields"]["issued_on"]
    assert not Award.objects.exists()


@pytest.mark.parametrize(("changes", "field"), [
    ({"given_name": "E\x00wa"}, "given_name"),
    ({"student_id": "a\x00"}, "student_id"),
    ({"family_name": "Nowak\nKowalska"}, "family_name"),
    ({"date_of_birth": "2030-01-01"}, "date_of_birth"),
])  # fmt: skip
def test_control_characters_and_future_births_are_named(provider_a, qa_officer, changes, field):
    version = published(provider_a, qa_officer)
    with pytest.raises(InvalidInputError) as caught:
        award_issue(user=admin_of(provider_a), version=version, now=NOW,
                    request=anna(**({"date_of_birth": "1990-04-02"} | changes)))  # fmt: skip
    assert list(caught.value.extra["fields"]) == [field]
    assert not Award.objects.exists()


def test_a_signing_failure_leaves_nothing(provider_a, qa_officer):
    """The e-seal refused (its TEST certificate, made on approval, has expired a year
    later): no award, no history, no entry counted."""
    version = published(provider_a, qa_officer)
    later = NOW + timedelta(days=400)
    with pytest.raises(ConflictError) as caught:
        award_issue(user=admin_of(provider_a), version=version, now=later,
                    request=anna(issued_on="", date_of_birth="1990-04-02"))  # fmt: skip
    assert caught.value.code == m.CANNOT_SIGN.code
    assert not Award.objects.exists()
    assert not AwardEvent.objects.exists()
    assert not StatusList.objects.filter(used__gt=0).exists()


def test_a_correction_replaces_the_award_in_one_step(provider_a, qa_officer):
    version = published(provider_a, qa_officer)
    old = award_issue(user=admin_of(provider_a), version=version, now=NOW,
                      request=anna(family_name="Kowalsak", date_of_birth="1990-04-02"))  # fmt: skip
    new = award_correct(user=admin_of(provider_a), award=old, now=NOW, reason="literówka",
                        request=anna(date_of_birth="1990-04-02"))  # fmt: skip
    old.refresh_from_db()
    assert old.state == AwardState.REVOKED
    assert new.replaces_id == old.pk
    assert new.family_name == "Kowalska"
    assert _verified(new).result.value == "valid"  # type: ignore[attr-defined]
    status = next(c for c in _verified(old).checks if c.name == "status")  # type: ignore[attr-defined]
    assert status.code == "revoked"
    revoked = old.events.get(action=AwardAction.REVOKED)
    assert revoked.reason.startswith(f"{REPLACED} by {new.credential_id}")
    assert new.events.get(action=AwardAction.ISSUED).reason.startswith("corrects ")
    with pytest.raises(ConflictError):
        award_correct(user=admin_of(provider_a), award=old, now=NOW, reason="again",
                      request=anna(date_of_birth="1990-04-02"))  # fmt: skip


@pytest.mark.parametrize(("request_changes", "reason", "field"), [
    ({"email": "nope"}, "literówka", "email"),
    ({}, "", "reason"),
    ({}, "a\x00b", "reason"),
])  # fmt: skip
def test_a_refused_correction_changes_nothing(provider_a, qa_officer, request_changes, reason,
                                               field):  # fmt: skip
    version = published(provider_a, qa_officer)
    old = award_issue(user=admin_of(provider_a), version=version, now=NOW,
                      request=anna(date_of_birth="1990-04-02"))  # fmt: skip
    sequence = old.status_list.sequence
    corrected = anna(**({"date_of_birth": "1990-04-02"} | request_changes))
    with pytest.raises(InvalidInputError) as caught:
        award_correct(user=admin_of(provider_a), award=old, now=NOW, reason=reason,
                      request=corrected)  # fmt: skip
    assert field in caught.value.extra["fields"]
    assert caught.value.code in (m.CORRECT_INVALID.code, m.AWARD_INVALID.code)
    old.refresh_from_db()
    old.status_list.refresh_from_db()
    assert old.state == AwardState.ACTIVE
    assert old.status_list.sequence == sequence
    assert Award.objects.count() == 1
    assert StatusList.objects.get(purpose="revocation").used == 1


def test_what_the_design_promises_is_kept_with_the_award(provider_a, qa_officer):
    """A design recording the date of birth and the student number: both on the award's
    row (a correction starts from them) as in its credential (hashed there)."""
    text = (EXAMPLES / "machine-learning-university.yaml").read_text(encoding="utf-8")
    version = published(provider_a, qa_officer, text=text)
    award = award_issue(user=admin_of(provider_a), version=version, now=NOW,
                        request=anna(date_of_birth="1990-04-02", student_id="S-1234"))  # fmt: skip
    assert award.student_id == "S-1234"
    assert award.date_of_birth.isoformat() == "1990-04-02"
    kinds = {i["identityType"] for i in json.loads(award.ob3)["credentialSubject"]["identifier"]}
    assert {"sisSourcedId", "ext:dateOfBirth"} <= kinds


def test_a_suspension_is_published_and_lifted_and_a_suspended_provider_may_revoke(
        provider_a, qa_officer):  # fmt: skip
    from microcred.credentials.status import read_status_list
    from microcred.platform.issuance.services import award_suspend

    version = published(provider_a, qa_officer)
    admin = admin_of(provider_a)
    award = award_issue(user=admin, version=version, now=NOW,
                        request=anna(date_of_birth="1990-04-02"))  # fmt: skip
    with pytest.raises(InvalidInputError):
        award_suspend(user=admin, award=award, reason=" ", now=NOW)
    award_suspend(user=admin, award=award, reason="appeal under way", now=NOW)
    award.refresh_from_db()
    twin = award.status_list.twin
    assert award.state == AwardState.SUSPENDED
    assert twin.purpose == "suspension"
    bits = read_status_list(json.loads(twin.credential))
    assert bits.get(award.status_index)
    assert bits.purpose == "suspension"
    assert not read_status_list(json.loads(award.status_list.credential)).get(award.status_index)
    with pytest.raises(ConflictError):
        award_suspend(user=admin, award=award, reason="again", now=NOW)
    award_suspend(user=admin, award=award, reason="appeal upheld", now=NOW, suspend=False)
    award.refresh_from_db()
    twin.refresh_from_db()
    assert award.state == AwardState.ACTIVE
    assert not read_status_list(json.loads(twin.credential)).get(award.status_index)
    actions = list(award.events.values_list("action", flat=True))
    assert actions == [AwardAction.ISSUED, AwardAction.SUSPENDED, AwardAction.REINSTATED]
    # a provider the QA body suspends issues nothing, but may still revoke
    provider_decide(officer=qa_officer, provider=provider_a, decision=Decision.SUSPEND,
                    reason="audit", now=NOW)  # fmt: skip
    award_revoke(user=admin, award=award, reason="found in the audit", now=NOW)
    award.refresh_from_db()
    assert award.state == AwardState.REVOKED
