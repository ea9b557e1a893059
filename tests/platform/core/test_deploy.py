"""Running it for real: the health endpoint, and Django's deployment checks clean with
the production settings (TLS on, a secret key of its own, debug off)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.django_db
def test_the_health_endpoint_answers_with_the_database() -> None:
    response = Client().get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert response["Cache-Control"] == "no-store"


def test_the_deployment_checks_are_clean_with_the_production_settings(tmp_path: Path) -> None:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("MICROCRED_", "DJANGO_"))
    }  # a production environment's
    env |= {"MICROCRED_HTTPS": "1", "MICROCRED_DATA_DIR": str(tmp_path),
            "MICROCRED_SECRET_KEY": "x" * 20 + "-production-secret-key-of-sixty-characters-1234",
            "MICROCRED_ALLOWED_HOSTS": "microcred.example.eu",
            "DJANGO_SETTINGS_MODULE": "microcred.platform.config.settings"}  # fmt: skip
    done = subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level",
                           "WARNING"], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120, check=False)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout
