"""Benchmark: the statistics pages on many awards
(``python bench/dashboards.py [--awards N] [--rounds R] [--only sqlite|postgresql]``).

For each database — SQLite (a file in a temporary folder) and PostgreSQL (``tasks.py``'s
throw-away cluster, or ``--database-url``) — a fresh process migrates an empty database,
sets up the demo (its providers, published designs and 18 awards issued through the
services), then copies those awards row by row with ``bulk_create`` up to ``--awards``
(each copy a new learner — a name with Polish letters, an e-mail address, a date of
birth for four in five —, dated over the past two years, one in thirty revoked; the
copies' credentials are left empty: no statistic reads them), and times:

- ``uptake_of`` for one year and for every year (the QA body's figures: totals, fields,
  levels, provider types, age bands, months or years);
- the provider's awards dashboard selectors: awards per design per month, per state, the
  latest revocations, a learner search typed without diacritics;
- ``GET /uptake/?year=Y`` and ``GET /awards/providers/ID/dashboard/?q=…`` through
  Django's test ``Client`` (the pages with their charts);

printing the median and the 95th percentile in milliseconds.
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

_GIVEN = ["Łukasz", "Zofia", "Jan", "Małgorzata", "Piotr", "Anna", "Michał", "Żaneta"]
_FAMILY = ["Kamiński", "Wiśniewska", "Nowak", "Dąbrowska", "Zając", "Król", "Wójcik", "Lis"]


def _copies(total: int) -> int:
    """Copy the demo's awards up to ``total`` rows; the number of rows."""
    import datetime as dt
    import random
    import uuid

    from django.utils import timezone

    from microcred.platform.issuance.models import Award

    rng = random.Random(13)  # noqa: S311 - made-up data, the same each run
    real = list(Award.objects.all())
    today = timezone.localdate()
    batch: list[Award] = []
    for i in range(total - len(real)):
        base = real[i % len(real)]
        new = uuid.uuid4()
        born = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(365 * 55))
        batch.append(Award(
            id=new, version_id=base.version_id, provider_id=base.provider_id,
            given_name=_GIVEN[i % 8], family_name=f"{_FAMILY[(i // 8) % 8]}-{i}",
            email=f"learner.{i}@bench.example", date_of_birth=born if i % 5 else None,
            issued_on=today - dt.timedelta(days=rng.randrange(730)),
            credential_id=f"urn:uuid:{new}", ob3="{}", edc="{}",
            status_list_id=base.status_list_id, status_index=10**6 + i,
            state="revoked" if i % 30 == 0 else "active", issued_by_id=base.issued_by_id,
            created_at=base.created_at,
        ))  # fmt: skip
        if len(batch) == 5000:
            Award.objects.bulk_create(batch)
            batch = []
    Award.objects.bulk_create(batch)
    return Award.objects.count()


def worker(awards: int, rounds: int) -> None:
    """Runs inside the process whose environment names the database."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "microcred.platform.config.settings")
    os.environ["MICROCRED_ALLOWED_HOSTS"] = "testserver"  # Django's test Client's host
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from microcred.platform.accounts.models import User
    from microcred.platform.demo import demo_awards, demo_designs, demo_seed
    from microcred.platform.issuance.dashboard import (
        issued_per_design_month,
        latest_revocations,
        state_counts,
    )
    from microcred.platform.issuance.learner_search import awards_matching
    from microcred.platform.providers.models import Provider
    from microcred.platform.uptake.selectors import uptake_of

    call_command("migrate", verbosity=0)
    now = timezone.now()
    demo_seed(now=now)
    files = [(p.name, p.read_text(encoding="utf-8"))
             for p in sorted((ROOT / "examples" / "designs").glob("*.yaml"))]  # fmt: skip
    demo_designs(files, now=now)
    demo_awards(now=now)
    count = _copies(awards)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    officer = User.objects.get(email="jakosc@demo.microcred.eu")
    admin = User.objects.get(email="uczelnia@demo.microcred.eu")
    provider = Provider.objects.get(organisation__memberships__user=admin)
    mine = provider.awards.count()
    year, today = now.year, timezone.localdate()
    print(f"{connection.vendor}: {count} awards, {mine} of them the provider's")
    cases = [
        ("uptake_of (one year)", lambda: uptake_of(officer, year=year)),
        ("uptake_of (every year)", lambda: uptake_of(officer)),
        ("awards per design per month", lambda: issued_per_design_month(provider, today=today)),
        ("awards per state", lambda: state_counts(provider)),
        ("latest revocations", lambda: list(latest_revocations(provider))),
        ("learner search 'kaminski'", lambda: list(awards_matching(provider, "kaminski"))),
        ("learner search 'lukasz krol-1'",
         lambda: list(awards_matching(provider, "lukasz krol-1"))),
    ]  # fmt: skip
    for label, call in cases:
        call()  # the first call loads the code: not counted
        print(line(label, timed(call, rounds), None))
    for label, email, url in [
        ("GET /uptake/?year=Y", officer.email, f"/uptake/?year={year}"),
        ("GET …/dashboard/?q=kaminski", admin.email,
         f"/awards/providers/{provider.pk}/dashboard/?q=kaminski"),
    ]:  # fmt: skip
        client = Client()
        client.force_login(User.objects.get(email=email))
        if client.get(url).status_code != 200:
            raise SystemExit(f"{url}: not 200")
        print(line(label, timed(lambda c=client, u=url: c.get(u), rounds), None))


def _run_worker(args: argparse.Namespace, env: dict[str, str]) -> int:
    command = [sys.executable, __file__, "--worker", "--awards", str(args.awards),
               "--rounds", str(args.rounds)]  # fmt: skip
    return subprocess.run(command, env=env, check=False).returncode  # noqa: S603


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--awards", type=int, default=100_000, help="awards in the database")
    parser.add_argument("--rounds", type=int, default=20, help="calls of each kind")
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    parser.add_argument("--database-url", metavar="URL",
                        help="a PostgreSQL database instead of a throw-away cluster")  # fmt: skip
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.awards, args.rounds)
        return 0
    return on_each(args.only, lambda env: _run_worker(args, env),
                   database_url=args.database_url)  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
