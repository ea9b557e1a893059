"""``microcred backup`` / ``restore`` on PostgreSQL (pg_dump's custom format; the dump's
sealed keys checked before a single transaction replaces the database): the same round
trip as tests/cli/test_backup.py, between two databases of the cluster the platform's
tests run on. Runs only there (``tasks.py test`` starts one; or set
MICROCRED_DATABASE_URL to a throw-away cluster), skipped on SQLite."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connection

from ...cli.test_backup import CHECK, MICROCRED, ROWS, SEED, _kek, _python, _run

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only"),
]


@pytest.fixture
def databases() -> Iterator[tuple[str, str]]:
    """Two empty databases on the tests' cluster, as URLs; dropped afterwards."""
    names = [f"mc_backup_{uuid.uuid4().hex[:8]}" for _ in range(2)]
    settings = connection.settings_dict
    auth = settings["USER"] + (f":{settings['PASSWORD']}" if settings["PASSWORD"] else "")
    base = f"postgresql://{auth}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}"
    with connection.cursor() as cursor:
        for name in names:
            cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{base}/{names[0]}", f"{base}/{names[1]}"
    finally:
        with connection.cursor() as cursor:
            for name in names:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_round_trip_between_two_postgresql_databases(
    databases: tuple[str, str], tmp_path: Path
) -> None:
    source, target = databases
    kek = _kek()
    original, restored = tmp_path / "original", tmp_path / "restored"
    done = _run([MICROCRED, "demo", "--no-serve", "--data", str(original)], original, kek, source)
    assert done.returncode == 0, done.stderr[-3000:]
    _python(SEED, original, kek, str(tmp_path), database_url=source)
    rows = json.loads(_python(ROWS, original, kek, database_url=source))
    archive = tmp_path / "pg.tar.gz"
    done = _run([MICROCRED, "backup", str(archive), "--data", str(original)], original, kek,
                source)  # fmt: skip
    assert done.returncode == 0, done.stderr
    restore = [MICROCRED, "restore", str(archive), "--data", str(restored)]
    # another key-encryption key: refused, the target untouched
    other = _run(restore, restored, _kek(), target)
    assert other.returncode == 2
    assert "which this platform does not have" in other.stderr  # the signature's KEK
    assert _python(_TABLES, restored, kek, database_url=target).strip() == "0"
    done = _run(restore, restored, kek, target)
    assert done.returncode == 0, done.stderr
    assert json.loads(_python(ROWS, restored, kek, database_url=target)) == rows
    checked = json.loads(_python(CHECK, restored, kek, str(tmp_path), database_url=target))
    for name in ("ob3.json", "edc.json"):
        assert checked[name][:2] == ["valid", "confirmed"], checked[name]
    assert checked["operator"] == (tmp_path / "operator.txt").read_text()
    again = _run(restore, restored, kek, target)
    assert again.returncode == 2
    assert "give --force" in again.stderr
    forced = _run([*restore, "--force"], restored, kek, target)
    assert forced.returncode == 0, forced.stderr
    assert json.loads(_python(ROWS, restored, kek, database_url=target)) == rows


#: how many tables the platform's database has
_TABLES = """
import django; django.setup()
from django.db import connection
print(len(connection.introspection.table_names()))
"""
