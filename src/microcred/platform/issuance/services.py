"""Writes of the issuance app: one award issued to one learner.

``award_issue`` checks what the person typed (every problem under its field, in the
user's language), builds the standard's :class:`~microcred.standard.elements.Award` and
asks the standard whether it keeps the design's promises, draws a status-list entry,
and has the library sign the credentials (:func:`microcred.credentials.issue.issue`:
Open Badges 3.0 with the provider's Data Integrity proof, the EDC with its e-seal) —
then keeps the award, its credentials and its audit record in one transaction, or
nothing.
"""

from __future__ import annotations

__all__ = [
    "REASON_LIMIT",
    "REPLACED",
    "AwardRequest",
    "award_correct",
    "award_issue",
    "award_revoke",
    "award_suspend",
    "provider_issuer",
]

import datetime as dt
import json
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.db import transaction
from pydantic import ValidationError

from ...credentials.cohort.cells import formula_start
from ...credentials.issue import Issuer, PublishedStatusList, issue
from ...credentials.keys import KeyPair
from ...standard.compliance import check
from ...standard.compliance.messages import LEARNER_PROMISED_MISSING
from ...standard.designfile import validation_reason
from ...standard.elements import Award as AwardSpec
from ...standard.elements import Learner, award_grade, validity_end
from ...standard.errors import GradeError, MicrocredError
from ...standard.messages import Message, Reason
from ..accounts.models import Role, User
from ..catalog.models import DesignVersion, VersionFacets
from ..catalog.selectors import spec_of
from ..core.errors import ConflictError, InvalidInputError, PermissionDeniedError
from ..core.language import current_language
from ..providers.keys import provider_signing_key
from ..providers.models import Provider
from ..providers.seals import provider_seal_credentials
from . import messages as m
from .delivery import outbox_message
from .models import (
    Award,
    AwardAction,
    AwardEvent,
    AwardState,
    OutboxKind,
    StatusList,
    StatusPurpose,
)
from .status_lists import status_bit_set, status_entry_allocate, status_twin

#: the longest name part, as the standard's ``Learner`` takes it
NAME_LIMIT = 200
#: the longest student identifier, as the standard's ``Learner`` takes it
STUDENT_ID_LIMIT = 100
#: the longest reason kept for a revocation
REASON_LIMIT = 2000
#: how a row being changed is locked: that row alone (not the provider's or the list's
#: rows it is read with), and without blocking the foreign-key checks of rows that point
#: at it (``FOR NO KEY UPDATE``: awards inserted meanwhile take ``FOR KEY SHARE``)
_ROW_ONLY: dict[str, Any] = {"no_key": True, "of": ("self",)}
#: the roles that issue a provider's micro-credentials
ISSUERS = (Role.PROVIDER_ADMIN, Role.PROVIDER_STAFF)


@dataclass(frozen=True)
class AwardRequest:
    """What an issuer gives for one learner (as typed: the service checks it)."""

    given_name: str
    family_name: str
    email: str
    issued_on: str = ""
    grade: str = ""
    date_of_birth: str = ""
    student_id: str = ""


def may_issue(user: User, provider_organisation_id: int) -> bool:
    """Whether ``user`` issues for the organisation ``provider_organisation_id``."""
    return user.memberships.filter(organisation_id=provider_organisation_id,
                                   role__in=ISSUERS).exists()  # fmt: skip


def has_control_characters(text: str) -> bool:
    """Whether ``text`` holds a control character (a NUL, which PostgreSQL's text refuses;
    an escape, a bell…): what no name, identifier or reason is typed with. Line breaks
    and tabs are the caller's to allow."""
    return any(unicodedata.category(c) == "Cc" and c not in "\n\r\t" for c in text)


def _text_problem(value: str, limit: int) -> Reason | None:
    if start := formula_start(value):
        return m.FORMULA(start=start)
    if has_control_characters(value) or "\n" in value or "\t" in value:
        return m.CONTROL_CHARACTERS()
    if len(value) > limit:
        return m.TOO_LONG(limit=limit)
    return None


def _date(found: dict[str, list[Reason]], name: str, value: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        found[name] = [m.BAD_DATE(value=value)]
        return None


def _problems(request: AwardRequest, today: dt.date,
              approved_on: dt.date | None) -> tuple[dict[str, list[Reason]], dt.date]:  # fmt: skip
    """Every problem of what was typed, by field, and the date of issue (``today`` by
    default, never later, never before ``approved_on``: the day the version was approved)."""
    found: dict[str, list[Reason]] = {}
    for name, limit in (("given_name", NAME_LIMIT), ("family_name", NAME_LIMIT),
                        ("email", NAME_LIMIT), ("student_id", STUDENT_ID_LIMIT)):  # fmt: skip
        value = getattr(request, name).strip()
        if not value and name != "student_id":
            found[name] = [m.REQUIRED()]
        elif value and (problem := _text_problem(value, limit)):
            found[name] = [problem]
    if "email" not in found:
        try:
            validate_email(request.email.strip())
        except DjangoValidationError:
            found["email"] = [m.BAD_EMAIL(value=request.email.strip())]
    born = _date(found, "date_of_birth", request.date_of_birth.strip())
    if born is not None and born >= today:
        found["date_of_birth"] = [m.BORN_IN_FUTURE(date=born.isoformat(), today=today.isoformat())]
    issued_on = _date(found, "issued_on", request.issued_on.strip()) or today
    if issued_on > today:
        found["issued_on"] = [m.FUTURE_DATE(date=issued_on.isoformat(), today=today.isoformat())]
    elif approved_on is not None and issued_on < approved_on:
        found["issued_on"] = [m.BEFORE_APPROVAL(date=issued_on.isoformat(),
                                                approved=approved_on.isoformat())]  # fmt: skip
    return found, issued_on


#: where a problem of the standard's ``Learner`` belongs in the form
_LEARNER_FIELDS = {"given_name", "family_name", "email", "date_of_birth", "student_id"}


def _refuse(
    found: dict[str, list[Reason]], message: Message = m.AWARD_INVALID
) -> InvalidInputError:
    lang = current_language()
    fields = {name: [reason.text(lang) for reason in reasons] for name, reasons in found.items()}
    texts = next(iter(fields.values()))
    return InvalidInputError(message, first=texts[0], extra={"fields": fields})


def _award_spec(version: DesignVersion, request: AwardRequest, now: datetime) -> AwardSpec:
    """The standard's award, or :class:`InvalidInputError` with every problem by field."""
    spec = spec_of(version)
    # Days are UTC days, as the library's: a credential's validFrom is its date of issue
    # at 00:00Z, so a later day would make it not yet valid when it is issued.
    approved = version.approved_at.astimezone(dt.UTC).date() if version.approved_at else None
    found, issued_on = _problems(request, now.astimezone(dt.UTC).date(), approved)
    grade = None
    if request.grade.strip():
        try:
            grade = award_grade(spec, request.grade.strip())
        except GradeError as exc:  # the standard's rule, in its words
            found["grade"] = [exc.said]
    if found:
        raise _refuse(found)
    try:
        learner = Learner(
            given_name=request.given_name.strip(),
            family_name=request.family_name.strip(),
            email=request.email.strip(),
            date_of_birth=dt.date.fromisoformat(born)
            if (born := request.date_of_birth.strip())
            else None,
            student_id=request.student_id.strip() or None,
        )
    except ValidationError as exc:  # what the checks above let through: the standard's words
        raise _refuse({
            (str(error["loc"][0]) if error["loc"] and error["loc"][0] in _LEARNER_FIELDS
             else "__all__"): [validation_reason(error)]
            for error in exc.errors()}) from None  # fmt: skip
    award = AwardSpec(spec=spec, learner=learner, issued_on=issued_on, grade=grade,
                      valid_until=validity_end(spec, issued_on))  # fmt: skip
    promised = [reason for result in check(award, now=now).elements for reason in result.reasons
                if reason.code == LEARNER_PROMISED_MISSING.code]  # fmt: skip
    if promised:
        raise _refuse({"__all__": promised})
    return award


@transaction.atomic
def award_issue(*, user: User, version: DesignVersion, request: AwardRequest,
                now: datetime) -> Award:  # fmt: skip
    """Issue ``version``'s micro-credential to one learner: only by the provider's
    administrators and staff, only under the version the registry lists (approved, the
    latest approved, its provider verified)."""
    provider = Provider.objects.get(pk=version.design.provider_id)  # its status now, not cached
    if not may_issue(user, provider.organisation_id):
        raise PermissionDeniedError(m.NOT_ISSUER)
    if not VersionFacets.objects.filter(version=version, listed__in=[True]).exists():
        raise ConflictError(m.NOT_PUBLISHED, number=version.number)
    return _issue(user=user, version=version, provider=provider, request=request, now=now)


def provider_issuer(provider: Provider, record: StatusList,
                    signing: tuple[KeyPair, str] | None = None) -> Issuer:  # fmt: skip
    """The issuer of ``provider``'s credentials whose status entries are in ``record``:
    its signing key (``signing``, when the caller opened it already; else opened now,
    :class:`ConflictError` for a provider not verified), the method that key belongs to,
    its e-seal and the published list. The platform made the key and the DID document
    that lists it (under assertionMethod: providers.keys), so the issuer is built from
    the key's method without resolving the document again for every award."""
    key, method = signing or provider_signing_key(provider)
    return Issuer(provider.did, key, method, provider_seal_credentials(provider),
                  PublishedStatusList.of(json.loads(record.credential)))  # fmt: skip


def _issue(*, user: User, version: DesignVersion, provider: Provider, request: AwardRequest,
           now: datetime, replaces: Award | None = None, note: str = "") -> Award:  # fmt: skip
    """The award made, signed and kept, and its history's first line (``note`` its reason)."""
    award = _award_spec(version, request, now)
    record, index = status_entry_allocate(provider=provider, purpose=StatusPurpose.REVOCATION,
                                          now=now)  # fmt: skip
    try:
        issued = issue(award, issuer=provider_issuer(provider, record), formats=("ob3", "edc"),
                       now=now, status_index=index)  # fmt: skip
    except MicrocredError as exc:  # e.g. the e-seal's O= is not the awarding body's name
        raise ConflictError(m.CANNOT_SIGN, detail=exc.text("en"), detail_pl=exc.text("pl")) from exc
    grade, learner = award.grade, award.learner
    assert learner is not None  # noqa: S101 - _award_spec made it
    assert award.issued_on is not None  # noqa: S101 - _award_spec made it
    saved = Award.objects.create(
        version=version, provider=provider, given_name=learner.given_name,
        family_name=learner.family_name, email=learner.email or "",
        date_of_birth=learner.date_of_birth, student_id=learner.student_id or "",
        issued_on=award.issued_on, valid_until=award.valid_until,
        grade_pl=grade.get("pl") if grade else "", grade_en=grade.get("en") if grade else "",
        credential_id=issued.ids["ob3"], ob3=issued.text("ob3"), edc=issued.text("edc"),
        status_list=record, status_index=index, issued_by=user, created_at=now,
        replaces=replaces,
    )  # fmt: skip
    AwardEvent.objects.create(award=saved, action=AwardAction.ISSUED, actor=user, reason=note,
                              at=now)  # fmt: skip
    kind = OutboxKind.CORRECTED if replaces is not None else OutboxKind.ISSUED
    outbox_message(saved, kind, now).save()  # the learner's e-mail, sent by a worker
    return saved


@transaction.atomic
def award_revoke(*, user: User, award: Award, reason: str, now: datetime) -> Award:
    """Revoke ``award`` for good, with a reason: its bit set in the published revocation
    list (signed again), its state and history written — all or nothing. Only the
    provider's administrators and staff; a revoked award stays revoked."""
    locked = (
        Award.objects.select_for_update(**_ROW_ONLY).select_related("provider").get(pk=award.pk)
    )
    if not may_issue(user, locked.provider.organisation_id):
        raise PermissionDeniedError(m.NOT_ISSUER)
    if locked.state == AwardState.REVOKED:
        done = locked.events.filter(action=AwardAction.REVOKED).values_list("at", flat=True).first()
        raise ConflictError(m.ALREADY_REVOKED, date=done.date().isoformat() if done else "—")
    _revoke(locked, user=user, reason=_reason(reason), now=now)
    return locked


def _reason(reason: str, *, needs: Message = m.REVOKE_NEEDS_REASON,
            refused: Message = m.REVOKE_INVALID) -> str:  # fmt: skip
    """A revocation's or a correction's reason, or :class:`InvalidInputError` on it."""
    reason = reason.strip()
    problem = (
        needs() if not reason
        else m.TOO_LONG(limit=REASON_LIMIT) if len(reason) > REASON_LIMIT
        else m.CONTROL_CHARACTERS() if has_control_characters(reason)
        else None
    )  # fmt: skip
    if problem is not None:
        raise _refuse({"reason": [problem]}, refused)
    return reason


def _revoke(locked: Award, *, user: User, reason: str, now: datetime) -> None:
    status_bit_set(record=locked.status_list, index=locked.status_index, value=True, now=now)
    locked.state = AwardState.REVOKED
    locked.save(update_fields=["state"])
    AwardEvent.objects.create(award=locked, action=AwardAction.REVOKED, actor=user, reason=reason,
                              at=now)  # fmt: skip


#: what the history of a corrected award says (its revocation's reason begins so)
REPLACED = "replaced"


@transaction.atomic
def award_correct(*, user: User, award: Award, request: AwardRequest, reason: str,
                  now: datetime) -> Award:  # fmt: skip
    """Correct ``award`` (a typo in a name, a wrong grade) as one step: a new award of the
    same design version with ``request``'s data, linked to the old one, which is revoked
    with the reason "replaced"; both histories say why. Nothing is written when either
    step is refused. Only the provider's administrators and staff, only an award that is
    not revoked, and only while the provider is verified (its key signs the new one)."""
    locked = Award.objects.select_for_update(**_ROW_ONLY).select_related("provider", "version").get(
        pk=award.pk)  # fmt: skip
    provider = Provider.objects.get(pk=locked.provider_id)
    if not may_issue(user, provider.organisation_id):
        raise PermissionDeniedError(m.NOT_ISSUER)
    if locked.state == AwardState.REVOKED:
        raise ConflictError(m.CORRECT_REVOKED)
    why = _reason(reason, needs=m.CORRECT_NEEDS_REASON, refused=m.CORRECT_INVALID)
    new = _issue(user=user, version=locked.version, provider=provider, request=request, now=now,
                 replaces=locked, note=f"corrects {locked.credential_id}: {why}")  # fmt: skip
    _revoke(locked, user=user, reason=f"{REPLACED} by {new.credential_id}: {why}", now=now)
    return new


_STATE_PL = {AwardState.ACTIVE: "aktywne", AwardState.SUSPENDED: "zawieszone",
             AwardState.REVOKED: "unieważnione"}  # fmt: skip


@transaction.atomic
def award_suspend(*, user: User, award: Award, reason: str, now: datetime,
                  suspend: bool = True) -> Award:  # fmt: skip
    """Suspend ``award`` (``suspend=False``: lift its suspension), with a reason: its bit
    set (cleared) in the suspension list that mirrors its revocation list, that list
    signed again, the state and history written — all or nothing. Only the provider's
    administrators and staff; a revoked award stays revoked."""
    locked = Award.objects.select_for_update(**_ROW_ONLY).select_related(
        "provider", "status_list").get(
        pk=award.pk)  # fmt: skip
    if not may_issue(user, locked.provider.organisation_id):
        raise PermissionDeniedError(m.NOT_ISSUER)
    wanted, refusal = ((AwardState.ACTIVE, m.NOT_ACTIVE) if suspend
                       else (AwardState.SUSPENDED, m.NOT_SUSPENDED))  # fmt: skip
    if locked.state != wanted:
        raise ConflictError(
            refusal, state=locked.state, state_pl=_STATE_PL[AwardState(locked.state)]
        )
    why = _reason(reason, needs=m.SUSPEND_NEEDS_REASON, refused=m.SUSPEND_INVALID)
    status_bit_set(record=status_twin(locked.status_list, now), index=locked.status_index,
                   value=suspend, now=now)  # fmt: skip
    locked.state = AwardState.SUSPENDED if suspend else AwardState.ACTIVE
    locked.save(update_fields=["state"])
    action = AwardAction.SUSPENDED if suspend else AwardAction.REINSTATED
    AwardEvent.objects.create(award=locked, action=action, actor=user, reason=why, at=now)
    return locked
