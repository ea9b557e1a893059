"""Benchmark: issuing and revoking single awards through the REST API
(``python bench/issuance.py [--rounds R] [--only sqlite|postgresql] [--database-url URL]``).

For each database — SQLite (a file in a temporary folder) and PostgreSQL (``tasks.py``'s
throw-away cluster, or ``--database-url``) — a fresh process migrates an empty database,
makes a verified provider (its signing key and TEST e-seal made by the platform, as on
approval) and one approved design through the services, then times, through Django's test
``Client`` (routing, middleware, authentication, the service, the JSON):

- ``POST /api/v1/awards`` — one award: the learner's data checked, the standard's award,
  a random status entry, the OB 3.0 credential signed (eddsa-rdfc-2022) and the EDC
  sealed (JAdES), all stored in one transaction;
- ``POST /api/v1/awards/{id}/revoke`` — the bit set, the provider's list signed again and
  stored;
- ``GET /status/{list}`` — the published list;

and prints the median and the 95th percentile in milliseconds, with where one award's time
goes (signing, sealing, the rest), measured in the same process.

Targets (issue 13): issuing one award through the API p95 < 50 ms on loopback; revoking
one and republishing its list ≤ 200 ms. Bulk batches are measured when they exist.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/_engines.py
from _engines import line, on_each, timed  # noqa: E402

#: milliseconds for one award; seconds for the whole bulk batch
TARGETS = {"issue": 50.0, "revoke": 200.0, "bulk_sqlite": 180.0, "bulk_postgresql": 120.0}


def _setup() -> tuple[object, object]:
    """A verified provider's administrator and its approved design version."""
    from datetime import UTC, datetime

    from microcred.platform.accounts.models import OrganisationKind, Role, User
    from microcred.platform.accounts.services import (
        membership_grant,
        organisation_create,
        user_create,
    )
    from microcred.platform.catalog.awarding import with_provider_body
    from microcred.platform.catalog.models import DesignVersion
    from microcred.platform.catalog.services import design_import, design_version_submit
    from microcred.platform.providers.models import Decision, IdentifierScheme, ProviderType
    from microcred.platform.providers.services import (
        Registration,
        provider_decide,
        provider_register,
    )
    from microcred.platform.qa.models import Answer, ReviewDecision
    from microcred.platform.qa.services import ChecklistEntry, design_review
    from microcred.standard import designfile
    from microcred.standard.annexes import AnnexIIPrinciple

    made = User.objects.filter(email="admin@bench.example").first()
    if made is not None:  # the single-award run made them in this database already
        return made, DesignVersion.objects.get(
            design__provider__organisation__memberships__user=made
        )
    now = datetime.now(UTC)
    body = organisation_create(name="QA", kind=OrganisationKind.QA_BODY, now=now)
    password = "bench-password-1"  # noqa: S105 - a throw-away benchmark database
    officer = user_create(email="officer@bench.example", password=password)
    membership_grant(user=officer, organisation=body, role=Role.QA_OFFICER, now=now)
    admin = user_create(email="admin@bench.example", password=password)
    provider = provider_register(user=admin, now=now, registration=Registration(
        legal_name="Uczelnia Benchmarkowa", identifier_scheme=IdentifierScheme.NIP,
        identifier="777-000-11-11", country="PL", street_address="ul. Testowa 1",
        postal_code="00-001", locality="Warszawa", provider_type=ProviderType.UNIVERSITY,
        website="https://bench.example", contact_email="kontakt@bench.example"))  # fmt: skip
    provider_decide(officer=officer, provider=provider, decision=Decision.APPROVE, reason="",
                    now=now)  # fmt: skip
    provider.refresh_from_db()
    text = (ROOT / "examples" / "designs" / "python-basics.yaml").read_text(encoding="utf-8")
    text = designfile.dumps(with_provider_body(designfile.loads(text), provider))
    version = design_import(user=admin, provider=provider, text=text, now=now)
    design_version_submit(user=admin, version=version, now=now)
    design_review(officer=officer, version=version, decision=ReviewDecision.APPROVE, reason="",
                  now=now, checklist={str(p): ChecklistEntry(answer=Answer.MET, comment="ok")
                                      for p in AnnexIIPrinciple})  # fmt: skip
    return admin, version


def _where_the_time_goes(version: object, rounds: int) -> None:
    """One award's work outside HTTP: the library's signing and sealing alone, then the
    whole service."""
    from datetime import UTC, date, datetime

    from microcred.credentials.data_integrity import sign
    from microcred.credentials.issue import build
    from microcred.credentials.jades import seal
    from microcred.platform.catalog.selectors import spec_of
    from microcred.platform.providers.keys import provider_signing_key
    from microcred.platform.providers.seals import provider_seal_credentials
    from microcred.standard.elements import Award, Learner

    provider = version.design.provider  # type: ignore[attr-defined]
    key, method = provider_signing_key(provider)
    credentials = provider_seal_credentials(provider)
    now = datetime.now(UTC)
    learner = Learner(given_name="Anna", family_name="Nowak", email="anna@bench.example",
                      date_of_birth=date(1990, 4, 2))  # fmt: skip
    award = Award(spec=spec_of(version), issued_on=now.date(), learner=learner)  # type: ignore[arg-type]
    ob3 = build(award, kind="ob3", issuer_id=provider.did, now=now)
    edc = build(award, kind="edc", issuer_id=provider.did, now=now)
    print(line("  of which: sign OB 3.0 (library)",
                timed(lambda: sign(ob3, key, verification_method=method, created=now), rounds),
                None))  # fmt: skip
    print(line("  of which: seal EDC (library)",
                timed(lambda: seal(edc, key=credentials.key,
                                    certificates=list(credentials.certificates),
                                    signing_time=now), rounds), None))  # fmt: skip


def worker(rounds: int) -> None:
    """Runs inside the process whose environment names the database."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "microcred.platform.config.settings")
    os.environ["MICROCRED_ALLOWED_HOSTS"] = "testserver"  # Django's test Client's host
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    call_command("migrate", verbosity=0)
    admin, version = _setup()
    client = Client()
    client.force_login(admin)  # type: ignore[arg-type]
    made: list[str] = []
    count = iter(range(10**9))

    def issue() -> None:
        n = next(count)
        response = client.post("/api/v1/awards", content_type="application/json", data={
            "version_id": version.pk, "given_name": "Anna", "family_name": f"Nowak {n}",  # type: ignore[attr-defined]
            "email": f"anna.{n}@bench.example", "date_of_birth": "1990-04-02"})  # fmt: skip
        if response.status_code != 201:
            raise SystemExit(f"issue {response.status_code}: {response.content[:300]!r}")
        made.append(response.json()["id"])

    issue()  # the first request loads the code: not counted
    print(f"{connection.vendor}: one provider, one approved design")
    print(line("POST /api/v1/awards (issue one)", timed(issue, rounds), TARGETS["issue"]))
    _where_the_time_goes(version, rounds)
    revoked = iter(made)

    def revoke() -> None:
        url = f"/api/v1/awards/{next(revoked)}/revoke"
        response = client.post(url, content_type="application/json", data={"reason": "bench"})
        if response.status_code != 200:
            raise SystemExit(f"revoke {response.status_code}: {response.content[:300]!r}")

    print(line("POST …/revoke (and republish)", timed(revoke, min(rounds, len(made))),
                TARGETS["revoke"]))  # fmt: skip
    from microcred.platform.issuance.models import StatusList

    listed = StatusList.objects.get(purpose="revocation")
    print(line("GET /status/{list}", timed(lambda: client.get(f"/status/{listed.pk}"), rounds),
                None))  # fmt: skip


def _cohort(path: Path, rows: int) -> None:
    """A learner list of ``rows`` learners, written a line at a time."""
    with path.open("w", encoding="utf-8") as out:
        out.write("name;email;date_of_birth;student_id\n")
        for n in range(rows):
            out.write(f"Uczeń {n} Żółkiewski;u{n}@bench.example;1990-04-0{1 + n % 9};S{n}\n")


def _rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def bulk(rows: int, workers: int) -> None:
    """A ``rows``-learner CSV batch read, stored, queued and issued by ``workers``
    ``microcred worker --burst`` processes (the database backend's queue), timed end to
    end; then where one row's time goes, measured in this process."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "microcred.platform.config.settings")
    # the learners' e-mails are sent too (from the outbox, after the chunks), into the
    # dummy backend: not 100,000 messages on this console
    os.environ.setdefault("MICROCRED_EMAIL_BACKEND", "django.core.mail.backends.dummy.EmailBackend")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from microcred.platform.issuance.batches import batch_create, batch_start, batch_summary

    call_command("migrate", verbosity=0)
    admin, version = _setup()
    data_dir = Path(os.environ["MICROCRED_DATA_DIR"])
    source = data_dir / "cohort.csv"
    _cohort(source, rows)
    print(f"{connection.vendor}: one {rows:,}-row CSV batch ({source.stat().st_size / 2**20:.1f} "
          f"MiB), {workers} worker process{'es' if workers > 1 else ''}")  # fmt: skip
    began = time.perf_counter()
    batch, _ = batch_create(user=admin, version=version, data=source.read_bytes(),  # type: ignore[arg-type]
                            filename=source.name, now=timezone.now())  # fmt: skip
    read = time.perf_counter() - began
    batch_start(user=admin, batch=batch, now=timezone.now())  # type: ignore[arg-type]
    queued = time.perf_counter() - began
    command = [
        str(Path(sys.executable).parent / "microcred"),
        "worker",
        "--burst",
        "--interval",
        "0.2",
    ]
    started = time.perf_counter()
    running = [subprocess.Popen(command, env=os.environ.copy(), stderr=subprocess.DEVNULL)  # noqa: S603
               for _ in range(workers)]  # fmt: skip
    while not batch_summary(batch).done:  # every row issued or failed: the batch's time
        time.sleep(1)
    worked = time.perf_counter() - started
    total = time.perf_counter() - began
    codes = [process.wait() for process in running]  # then they send the e-mails, and stop
    mailed = time.perf_counter() - started - worked
    summary = batch_summary(batch)
    print(f"  read, checked and stored    {read:7.1f} s   ({rows / read:,.0f} rows/s)")
    print(f"  queued ({batch.chunks.count()} chunk tasks)   {queued - read:7.1f} s")
    print(
        f"  issued by the workers       {worked:7.1f} s   ({summary.issued / worked:,.0f} rows/s)"
    )
    target = TARGETS["bulk_sqlite" if connection.vendor == "sqlite" else "bulk_postgresql"]
    verdict = "ok" if total <= target and summary.issued == rows else f"ABOVE {target:.0f} s"
    print(f"  the whole batch             {total:7.1f} s   ({summary.issued / total:,.0f} rows/s)"
          f"  {verdict}")  # fmt: skip
    print(f"  issued {summary.issued:,}, failed {summary.failed:,}, pending {summary.pending:,};"
          f" workers exited {codes}")  # fmt: skip
    print(f"  then the {summary.issued:,} e-mails sent from the outbox (dummy backend) "
          f"{mailed:5.1f} s")  # fmt: skip
    print(f"  peak RSS: this process (read + store) {_rss_mb(resource.RUSAGE_SELF):.0f} MiB, "
          f"largest worker {_rss_mb(resource.RUSAGE_CHILDREN):.0f} MiB")  # fmt: skip
    _in_the_workers(batch, workers, worked, summary.issued)
    _per_row(batch, version, workers, worked, summary.issued)


def _in_the_workers(batch: object, workers: int, worked: float, issued: int) -> None:
    """Where the workers' time went, from what each chunk recorded of its run."""
    steps = {
        "read": "read the chunk's rows",
        "reserve": "reserve status entries",
        "sign": "build, sign and seal (library)",
        "record": "record (one transaction)",
    }
    laps = [chunk.timings for chunk in batch.chunks.all()]  # type: ignore[attr-defined]
    spent = {step: sum(lap.get(step, 0.0) for lap in laps) for step in steps}
    print(f"  in the workers, per row (wall time of {workers} worker{'s' if workers > 1 else ''}):")
    for step, label in steps.items():
        print(f"    {label:<34} {spent[step] * 1000 / issued:6.2f} ms")
    rest = worked * workers - sum(spent.values())
    print(f"    {'the queue, waiting, the rest':<34} {rest * 1000 / issued:6.2f} ms")


def _per_row(batch: object, version: object, workers: int, worked: float, issued: int) -> None:
    """Where one row's time goes: the library's stages timed here on rows of the batch,
    the rest (database, queue, bookkeeping) what the workers spent beyond them."""
    import json

    from microcred.credentials.cohort import CohortRow, award_from_row
    from microcred.credentials.issue import Issuer, PublishedStatusList, issue
    from microcred.platform.catalog.selectors import spec_of
    from microcred.platform.issuance.models import BatchRow, StatusList
    from microcred.platform.providers.keys import provider_signing_key
    from microcred.platform.providers.seals import provider_seal_credentials

    provider = version.design.provider  # type: ignore[attr-defined]
    key, method = provider_signing_key(provider)
    listed = StatusList.objects.filter(provider=provider, purpose="revocation").first()
    issuer = Issuer(
        provider.did,
        key,
        method,
        provider_seal_credentials(provider),
        PublishedStatusList.of(json.loads(listed.credential)),
    )  # type: ignore[union-attr]
    spec = spec_of(version)  # type: ignore[arg-type]
    sample = list(BatchRow.objects.filter(batch=batch).order_by("line")[:300])
    today = batch.today  # type: ignore[attr-defined]
    awards = [award_from_row(spec, CohortRow(r.line, r.cells), today=today) for r in sample]
    stages = {
        "read the row (award_from_row)": lambda i: award_from_row(
            spec, CohortRow(sample[i].line, sample[i].cells), today=today),
        "OB 3.0: build, check, sign": lambda i: issue(awards[i], issuer=issuer, formats=("ob3",),
                                                     status_index=i),
        "EDC: build, check, seal": lambda i: issue(awards[i], issuer=issuer, formats=("edc",)),
    }  # fmt: skip
    library = 0.0
    print("  one row, per stage (medians over 300 rows of the batch, one core):")
    for label, stage in stages.items():
        spent = []
        for i in range(len(sample)):
            began = time.perf_counter()
            stage(i)
            spent.append((time.perf_counter() - began) * 1000)
        library += statistics.median(spent)
        print(f"    {label:<34} {statistics.median(spent):6.2f} ms")
    per_row = worked * workers * 1000 / issued if issued else 0.0
    print(
        f"    {'database, queue, the rest':<34} {per_row - library:6.2f} ms"
        f"   (a worker's {per_row:.2f} ms a row, less the library's {library:.2f} ms)"
    )


def _run_worker(args: argparse.Namespace, env: dict[str, str]) -> int:
    command = [sys.executable, __file__, "--worker", "--rounds", str(args.rounds)]
    code = 0 if args.bulk_only else subprocess.run(command, env=env, check=False).returncode  # noqa: S603
    if args.rows and not code:
        command = [sys.executable, __file__, "--bulk-worker", "--rows", str(args.rows),
                   "--workers", str(args.workers)]  # fmt: skip
        code = subprocess.run(command, env=env, check=False).returncode  # noqa: S603
    return code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=100, help="requests of each kind")
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    parser.add_argument("--database-url", metavar="URL",
                        help="PostgreSQL only: an empty database to use instead of a "
                        "throw-away cluster")  # fmt: skip
    parser.add_argument(
        "--rows", type=int, default=100_000, help="learners in the bulk batch (0: no bulk batch)"
    )
    parser.add_argument("--workers", type=int, default=2, help="worker processes of the batch")
    parser.add_argument("--bulk-only", action="store_true", help="only the bulk batch")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--bulk-worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.rounds)
        return 0
    if args.bulk_worker:
        bulk(args.rows, args.workers)
        return 0
    sys.path.insert(0, str(ROOT / "src"))
    return on_each(args.only, lambda env: _run_worker(args, env), database_url=args.database_url)


if __name__ == "__main__":
    sys.exit(main())
