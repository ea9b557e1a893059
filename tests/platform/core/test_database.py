"""The database the platform's tests run on: SQLite by default, PostgreSQL when
``MICROCRED_DATABASE_URL`` names one (``tasks.py test`` runs them on both)."""

from __future__ import annotations

import os

import pytest
from django.db import connection


@pytest.mark.django_db
def test_the_tests_run_on_the_database_the_environment_names() -> None:
    url = os.environ.get("MICROCRED_DATABASE_URL", "sqlite:")
    expected = "postgresql" if url.startswith(("postgres:", "postgresql:")) else "sqlite"
    assert connection.vendor == expected
    print(f"database: {connection.vendor}")
