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
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/_engines.py
from _engines import line, on_each, timed  # noqa: E402

TARGETS = {"issue": 50.0, "revoke": 200.0}


def _setup() -> tuple[object, object]:
    """A verified provider's administrator and its approved design version."""
    from datetime import UTC, datetime

    from microcred.platform.accounts.models import OrganisationKind, Role
    from microcred.platform.accounts.services import (
        membership_grant,
        organisation_create,
        user_create,
    )
    from microcred.platform.catalog.awarding import with_provider_body
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

    listed = StatusList.objects.get()
    print(line("GET /status/{list}", timed(lambda: client.get(f"/status/{listed.pk}"), rounds),
                None))  # fmt: skip


def _run_worker(args: argparse.Namespace, env: dict[str, str]) -> int:
    command = [sys.executable, __file__, "--worker", "--rounds", str(args.rounds)]
    return subprocess.run(command, env=env, check=False).returncode  # noqa: S603


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=100, help="requests of each kind")
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    parser.add_argument("--database-url", metavar="URL",
                        help="PostgreSQL only: an empty database to use instead of a "
                        "throw-away cluster")  # fmt: skip
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.rounds)
        return 0
    sys.path.insert(0, str(ROOT / "src"))
    return on_each(args.only, lambda env: _run_worker(args, env), database_url=args.database_url)


if __name__ == "__main__":
    sys.exit(main())
