"""A worker's part of a batch: claim a chunk under a lease, issue its rows, record them.

One chunk at a time, in three steps:

1. **claim** (:func:`chunk_claim`): a chunk not done whose lease is free or has run out
   (its worker died) is taken with a new lease token — ``SELECT … FOR UPDATE SKIP
   LOCKED`` on PostgreSQL, so workers on several machines never wait for each other;
   SQLite's writers take turns anyway;
2. **reserve and sign**: each row without a status entry gets one (drawn at random, kept
   on the row, so a chunk done again after a crash signs with the same entries), then
   the library signs the Open Badges credential and seals the EDC, outside any
   transaction (the CPU's part);
3. **record**: in one transaction, and only while the lease is still this worker's, the
   awards, their first history lines, their outbox e-mails and the rows' outcomes are
   written and the chunk is marked done. A worker whose lease was taken over writes
   nothing. So every row ends issued exactly once or failed with its reason.

A chunk that keeps failing (a bug, a database that went away) is tried
:data:`MAX_ATTEMPTS` times, then its rows fail with the last error: a batch always ends.
"""

from __future__ import annotations

__all__ = [
    "MAX_ATTEMPTS",
    "Claim",
    "LeaseLostError",
    "chunk_claim",
    "chunk_process",
    "lease",
    "work",
]

import logging
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from ...credentials.cohort import CohortRow, award_from_row
from ...credentials.errors import RowError
from ...credentials.issue import Issuer, build, issue
from ...credentials.keys import KeyPair
from ...standard.elements import Award as AwardSpec
from ...standard.elements import validity_end
from ...standard.errors import MicrocredError
from ..catalog.selectors import spec_of
from ..core.errors import PlatformError
from ..providers.keys import provider_signing_key
from ..providers.models import Provider
from . import messages as m
from .batch_rows import awarded_emails, reasons_json
from .delivery import outbox_message
from .models import (
    Award,
    AwardAction,
    AwardEvent,
    Batch,
    BatchChunk,
    BatchRow,
    ChunkState,
    OutboxKind,
    RowState,
    StatusList,
)
from .services import provider_issuer
from .status_lists import status_entries_allocate

logger = logging.getLogger(__name__)


def lease() -> timedelta:
    """How long a claimed chunk is a worker's (500 rows take a few seconds):
    ``ISSUANCE_LEASE_SECONDS``, a minute by default."""
    return timedelta(seconds=settings.ISSUANCE_LEASE_SECONDS)


#: tries of one chunk before its rows fail with the last error
MAX_ATTEMPTS = 5


class _Stopwatch:
    """Seconds spent in each step of a chunk, kept with the chunk (``timings``): where a
    batch's time went, for the benchmark and for anyone asking why a batch is slow."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def since(self) -> float:
        return round(time.perf_counter() - self._last, 4)

    def lap(self, name: str) -> None:
        self.laps[name] = self.since()
        self._last = time.perf_counter()


class LeaseLostError(Exception):
    """The chunk's lease ran out and another worker took it: this one writes nothing."""


@dataclass(frozen=True)
class Claim:
    """A chunk this worker holds: its id and the lease token that proves it."""

    chunk_id: int
    batch_id: str
    number: int
    token: str
    attempts: int


def _claimable(now: datetime) -> Q:
    return Q(state=ChunkState.PENDING) & (Q(lease_until__isnull=True) | Q(lease_until__lt=now))


def chunk_claim(*, now: datetime, batch_id: str | None = None,
                chunk_id: int | None = None) -> Claim | None:  # fmt: skip
    """A claimable chunk (of ``batch_id``, or the chunk ``chunk_id``), leased to the
    caller, or ``None`` when there is none."""
    token = secrets.token_hex(16)
    with transaction.atomic():
        chunks = BatchChunk.objects.filter(_claimable(now), batch__started_at__isnull=False)
        if batch_id is not None:
            chunks = chunks.filter(batch_id=batch_id)
        if chunk_id is not None:
            chunks = chunks.filter(pk=chunk_id)
        chunk = chunks.select_for_update(skip_locked=True, of=("self",)).order_by("pk").first()
        if chunk is None:
            return None
        chunk.lease_token, chunk.lease_until, chunk.claimed_at = token, now + lease(), now
        chunk.attempts += 1
        chunk.save(update_fields=["lease_token", "lease_until", "claimed_at", "attempts"])
    return Claim(chunk.pk, str(chunk.batch_id), chunk.number, token, chunk.attempts)


def _hold(claim: Claim) -> BatchChunk:
    """The chunk, locked, if the lease is still the caller's; else :class:`LeaseLostError`."""
    mine = BatchChunk.objects.filter(pk=claim.chunk_id, lease_token=claim.token)
    # its own row only: the order by the batch's ordering joined the batch row into the
    # lock, and two workers then waited on each other for it (seen on PostgreSQL)
    chunk = mine.select_for_update(no_key=True, of=("self",)).order_by("pk").first()
    if chunk is None or chunk.state == ChunkState.DONE:
        raise LeaseLostError(f"chunk {claim.chunk_id}: lease lost")
    return chunk


@dataclass
class _Signer:
    """What signing a batch's rows needs, made once per batch in a worker."""

    batch: Batch
    issuers: dict[object, Issuer] = field(default_factory=dict)
    #: the provider's signing key and its method, as the issuers were made with
    signing: tuple[KeyPair, str] | None = None

    def still_signing(self) -> None:
        """:class:`ConflictError` when the provider may no longer issue (the QA body
        suspended it since the batch began); the issuers made again when its key changed."""
        provider = Provider.objects.get(pk=self.batch.provider_id)
        signing = provider_signing_key(provider)
        if self.signing is None or signing[1] != self.signing[1]:
            self.issuers.clear()
        self.signing, self.batch.provider = signing, provider

    def issuer(self, record: StatusList) -> Issuer:
        if record.pk not in self.issuers:
            self.issuers[record.pk] = provider_issuer(self.batch.provider, record, self.signing)
        return self.issuers[record.pk]


_signers: dict[str, _Signer] = {}


def _signer(batch_id: str) -> _Signer:
    if batch_id not in _signers:
        _signers.clear()  # one batch's keys at a time
        batch = Batch.objects.select_related("provider", "version", "created_by").get(pk=batch_id)
        _signers[batch_id] = _Signer(batch)
    return _signers[batch_id]


def _reserve(claim: Claim, rows: list[BatchRow], now: datetime) -> None:
    need = [row for row in rows if row.status_list_id is None]
    if not need:
        return
    batch = _signer(claim.batch_id).batch
    with transaction.atomic():
        _hold(claim)
        entries = status_entries_allocate(provider=batch.provider, count=len(need), now=now)
        for row, (record, index) in zip(need, entries, strict=True):
            row.status_list, row.status_index = record, index
        _update_rows("status_list_id = %s, status_index = %s",
                     [(_uuid(row.status_list_id), row.status_index, row.pk)
                      for row in need])  # fmt: skip


def _uuid(value: object) -> object:
    """A UUID as the database stores it (text on SQLite, uuid on PostgreSQL)."""
    return Award._meta.pk.get_db_prep_value(value, connection) if value is not None else None


def _insert(objects: list[Any]) -> None:
    """``INSERT`` ``objects`` (all of one model) with one prepared statement.

    Written by hand because Django 5.2's ``bulk_create`` sends each column to PostgreSQL
    as one array (``UNNEST``), which psycopg writes out in Python, escaping every
    character of every value with a regular expression: for a chunk's 500 credentials
    (~37 KB of JSON each) that was nine tenths of recording it (profiled). Each field's
    value is prepared by the field itself, as ``save()`` would; the values are
    parameters, never SQL; the pre-save hooks and signals ``bulk_create`` skips are
    skipped here too."""
    if not objects:
        return
    meta = objects[0]._meta
    fields = [f for f in meta.concrete_fields
              if not (f.primary_key and getattr(objects[0], f.attname) is None)]  # fmt: skip
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    rows = [tuple(f.get_db_prep_save(getattr(o, f.attname), connection) for f in fields)
            for o in objects]  # fmt: skip
    table = connection.ops.quote_name(meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)  # noqa: S608


def _update_rows(assignments: str, values: list[tuple[Any, ...]]) -> None:
    """``UPDATE`` each batch row (its id last in its values) with one prepared statement.

    Written by hand because Django's ``bulk_update`` builds one ``CASE WHEN`` per row and
    field: for a chunk's 200 rows that took ten times the statement itself (profiled);
    ``executemany`` sends the one statement with each row's values (psycopg pipelines
    them), on SQLite and PostgreSQL alike. The values are parameters, never SQL."""
    table = connection.ops.quote_name(BatchRow._meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(f"UPDATE {table} SET {assignments} WHERE id = %s", values)  # noqa: S608


def chunk_process(claim: Claim, *, now: datetime | None = None) -> tuple[int, int]:
    """Issue the pending rows of the claimed chunk; how many were issued and failed.
    Raises :class:`LeaseLostError` (nothing written) when another worker took it over."""
    moment = now or timezone.now()
    clock = _Stopwatch()
    rows = list(BatchRow.objects.filter(batch_id=claim.batch_id, chunk=claim.number,
                                        state=RowState.PENDING).order_by("line"))  # fmt: skip
    signer = _signer(claim.batch_id)
    batch = signer.batch
    clock.lap("read")
    try:
        signer.still_signing()  # suspended, or its key rotated, since the last chunk?
        _reserve(claim, rows, moment)
        lists = {r.pk: r for r in StatusList.objects.filter(
            pk__in={row.status_list_id for row in rows})}  # fmt: skip
        issuers = {pk: signer.issuer(record) for pk, record in lists.items()}
        clock.lap("reserve")
    except PlatformError as exc:  # the provider cannot sign now (suspended, no e-seal…)
        return _record(claim, rows, [], moment, failure=exc)
    spec = spec_of(batch.version)
    held = _held_emails(batch, rows)
    awards: list[Award] = []
    for done, row in enumerate(rows):
        if done and not done % _RENEW_EVERY:
            _renew(claim)
        cells = dict(row.cells)
        if (email := cells.get("email", "").lower()) and email in held:
            said = m.ALREADY_AWARDED(email=cells["email"], credential=held[email])
            row.state, row.reasons = RowState.FAILED, reasons_json(said)
            continue
        extra = {k.removeprefix("extra:"): v for k, v in cells.items() if k.startswith("extra:")}
        plain = {k: v for k, v in cells.items() if not k.startswith("extra:")}
        try:
            award = award_from_row(spec, CohortRow(row.line, plain, extra), today=batch.today)
            assert row.status_index is not None  # noqa: S101 - _reserve gave one
            assert row.status_list_id is not None  # noqa: S101 - _reserve gave one
            credential_id, ob3, edc = _credentials(award, plain, issuers[row.status_list_id],
                                                   row.status_index, moment)  # fmt: skip
        except RowError as exc:
            row.state, row.reasons = RowState.FAILED, reasons_json(*exc.reasons)
            continue
        except MicrocredError as exc:
            said = m.ROW_NOT_ISSUED(detail=exc.text("en"), detail_pl=exc.text("pl"))
            row.state, row.reasons = RowState.FAILED, reasons_json(said)
            continue
        learner, grade = award.learner, award.grade
        assert learner is not None  # noqa: S101 - award_from_row made one
        made = Award(
            version=batch.version, provider=batch.provider, given_name=learner.given_name,
            family_name=learner.family_name, email=learner.email or "",
            date_of_birth=learner.date_of_birth, student_id=learner.student_id or "",
            issued_on=award.issued_on or batch.today,
            valid_until=validity_end(spec, award.issued_on or batch.today),
            grade_pl=(grade.get("pl") or "") if grade else "",
            grade_en=(grade.get("en") or "") if grade else "",
            credential_id=credential_id, ob3=ob3, edc=edc,
            status_list_id=row.status_list_id, status_index=row.status_index,
            issued_by=batch.created_by, created_at=moment,
        )  # fmt: skip
        row.state, row.award = RowState.ISSUED, made
        awards.append(made)
    clock.lap("sign")
    return _record(claim, rows, awards, moment, clock=clock)


#: rows signed between two renewals of the chunk's lease
_RENEW_EVERY = 100


def _renew(claim: Claim) -> None:
    """The lease extended while the chunk is signed (a slow e-seal, a busy machine), or
    :class:`LeaseLostError` when it already ran out and another worker took the chunk."""
    renewed = BatchChunk.objects.filter(pk=claim.chunk_id, lease_token=claim.token).update(
        lease_until=timezone.now() + lease())  # fmt: skip
    if not renewed:
        raise LeaseLostError(f"chunk {claim.chunk_id}: lease lost")


def _held_emails(batch: Batch, rows: list[BatchRow]) -> dict[str, str]:
    """Of the chunk's learners, those who hold the batch's micro-credential by now (an
    award issued since the list was read: another batch, the form), folded e-mail →
    credential id: refused like at reading, so no learner gets it twice."""
    emails = {e.lower() for row in rows if (e := (row.cells or {}).get("email"))}
    return awarded_emails(batch.version, emails) if emails else {}


def _credentials(award: AwardSpec, cells: dict[str, str], issuer: Issuer, index: int,
                 now: datetime) -> tuple[str, str, str]:  # fmt: skip
    """The award's OB 3.0 credential (its id, its text) and EDC, signed and sealed; a row
    with an ``evidence_url`` or a ``narrative`` gets them in the Open Badges credential's
    ``evidence`` (OB 3.0 §B.1.8: what the learner did, for whoever checks it)."""
    evidence: dict[str, object] = {"type": ["Evidence"]}
    if url := cells.get("evidence_url"):
        evidence["id"] = url
    if narrative := cells.get("narrative"):
        evidence["narrative"] = narrative
    if len(evidence) == 1:
        issued = issue(award, issuer=issuer, formats=("ob3", "edc"), now=now, status_index=index)
        return issued.ids["ob3"], issued.text("ob3"), issued.text("edc")
    unsigned = {**build(award, kind="ob3", issuer_id=issuer.id, now=now), "evidence": [evidence]}
    ob3 = issue(unsigned, issuer=issuer, formats=("ob3",), now=now, status_index=index)
    edc = issue(award, issuer=issuer, formats=("edc",), now=now)
    return ob3.ids["ob3"], ob3.text("ob3"), edc.text("edc")


def _record(claim: Claim, rows: list[BatchRow], awards: list[Award], now: datetime,
            failure: PlatformError | None = None,
            clock: _Stopwatch | None = None) -> tuple[int, int]:  # fmt: skip
    """Write the chunk's outcome in one transaction, under the lease."""
    if failure is not None:
        said = m.ROW_NOT_ISSUED(detail=failure.text("en"), detail_pl=failure.text("pl"))
        for row in rows:
            row.state, row.reasons = RowState.FAILED, reasons_json(said)
    reasons = BatchRow._meta.get_field("reasons")
    with transaction.atomic():
        chunk = _hold(claim)
        _insert(awards)
        batch = _signer(claim.batch_id).batch
        _insert([AwardEvent(award=a, action=AwardAction.ISSUED, actor=batch.created_by,
                            reason=f"batch {batch.pk}", at=now) for a in awards])  # fmt: skip
        _insert([outbox_message(a, OutboxKind.ISSUED, now) for a in awards])
        if clock is not None:
            chunk.timings = clock.laps | {"record": clock.since()}
        _update_rows("state = %s, reasons = %s, award_id = %s",
                     [(row.state, reasons.get_db_prep_value(row.reasons, connection),
                       _uuid(row.award_id), row.pk) for row in rows])  # fmt: skip
        _finish(chunk, now)
    issued = sum(1 for row in rows if row.state == RowState.ISSUED)
    return issued, len(rows) - issued


def _finish(chunk: BatchChunk, now: datetime) -> None:
    chunk.state, chunk.lease_token, chunk.lease_until = ChunkState.DONE, "", None
    chunk.save(update_fields=["state", "lease_token", "lease_until", "timings"])
    # the batch's row locked first: two workers ending its last two chunks at once then
    # take turns, and the second sees the first's chunk done (PostgreSQL, read committed)
    list(Batch.objects.select_for_update(no_key=True).filter(pk=chunk.batch_id).values("pk"))
    open_chunks = BatchChunk.objects.filter(batch_id=chunk.batch_id, state=ChunkState.PENDING)
    if not open_chunks.exists():
        Batch.objects.filter(pk=chunk.batch_id, finished_at__isnull=True).update(finished_at=now)


def _give_up(claim: Claim, error: str, now: datetime) -> None:
    """The rows of a chunk tried :data:`MAX_ATTEMPTS` times fail with the last error."""
    said = m.ROW_GAVE_UP(attempts=claim.attempts, error=error or "—")
    with transaction.atomic():
        chunk = _hold(claim)
        BatchRow.objects.filter(batch_id=claim.batch_id, chunk=claim.number,
                                state=RowState.PENDING).update(
            state=RowState.FAILED, reasons=reasons_json(said))  # fmt: skip
        _finish(chunk, now)


def _failed(claim: Claim, exc: Exception, now: datetime) -> None:
    """Record an unexpected error and let the chunk go (tried again after a pause)."""
    logger.exception("chunk %s of batch %s failed", claim.number, claim.batch_id)
    BatchChunk.objects.filter(pk=claim.chunk_id, lease_token=claim.token).update(
        last_error=f"{type(exc).__name__}: {exc}"[:2000], lease_token="",
        lease_until=now + timedelta(seconds=2**claim.attempts))  # fmt: skip


def chunk_run(claim: Claim, *, clock: Callable[[], datetime] = timezone.now) -> None:
    """Process a claimed chunk, or give it up after :data:`MAX_ATTEMPTS` tries; an
    unexpected error is recorded and the chunk left for another try."""
    if claim.attempts > MAX_ATTEMPTS:
        error = BatchChunk.objects.filter(pk=claim.chunk_id).values_list("last_error", flat=True)
        _give_up(claim, error.first() or "", clock())
        return
    try:
        chunk_process(claim, now=clock())
    except LeaseLostError:
        logger.warning("chunk %s of batch %s: lease lost, left to its new worker",
                       claim.number, claim.batch_id)  # fmt: skip
    except Exception as exc:
        _failed(claim, exc, clock())


def work(*, batch_id: str | None = None, until_idle: bool = True, deliver: bool = True,
         interval: float = 1.0, clock: Callable[[], datetime] = timezone.now,
         progress: Callable[[], None] | None = None) -> None:  # fmt: skip
    """Claim and issue chunks (of ``batch_id``, or any batch's) and send due e-mails,
    until there is nothing left (``until_idle``) or for ever."""
    from .delivery import outbox_deliver

    while True:
        claim = chunk_claim(now=clock(), batch_id=batch_id)
        if claim is not None:
            chunk_run(claim, clock=clock)
            if progress is not None:
                progress()
            continue
        if deliver and outbox_deliver(now=clock()):
            continue
        if until_idle:
            return
        time.sleep(interval)
