"""The demo's data: made through the services, idempotent, every role present; and
``microcred demo --no-serve`` end to end in a fresh data directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from microcred.platform.accounts.models import Membership, Organisation, Role, User
from microcred.platform.catalog.awarding import first_body_problem
from microcred.platform.catalog.models import DesignVersion
from microcred.platform.catalog.selectors import spec_of
from microcred.platform.demo import DEMO_PASSWORD, demo_awards, demo_designs, demo_seed
from microcred.platform.issuance.models import Award
from microcred.platform.providers.models import Provider, ProviderStatus
from microcred.platform.qa.models import LearnerFeedback

from ..conftest import EXAMPLES
from .conftest import NOW

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_the_demo_has_every_role_and_a_second_run_adds_nothing() -> None:
    logins = demo_seed(now=NOW)
    counts = (User.objects.count(), Organisation.objects.count(), Membership.objects.count(),
              Provider.objects.count())  # fmt: skip
    assert demo_seed(now=NOW) == logins
    files = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.glob("*.yaml"))]
    published = demo_designs(files, now=NOW)
    assert published >= 8  # the issue asks for eight; the incomplete example stays a draft
    assert demo_designs(files, now=NOW) == published
    for version in DesignVersion.objects.select_related("design__provider"):  # its provider's
        assert first_body_problem(spec_of(version), version.design.provider) is None
    assert counts == (User.objects.count(), Organisation.objects.count(),
                      Membership.objects.count(), Provider.objects.count())  # fmt: skip
    statuses = sorted(Provider.objects.values_list("status", flat=True))
    assert statuses == [ProviderStatus.APPROVED, ProviderStatus.APPROVED, ProviderStatus.PENDING]
    roles = set(Membership.objects.values_list("role", flat=True))
    assert roles == {Role.PLATFORM_ADMIN, Role.QA_OFFICER, Role.PROVIDER_ADMIN, Role.COUNSELLOR,
                     Role.EMPLOYER}  # fmt: skip
    assert all(User.objects.get(email=login.email).check_password(DEMO_PASSWORD)
               for login in logins)  # fmt: skip
    awarded = demo_awards(now=NOW)
    assert awarded >= 12
    assert demo_awards(now=NOW) == awarded
    mine = Award.objects.filter(email="uczestnik@demo.microcred.eu")
    assert mine.count() >= 2  # the demo's learner login holds some
    assert LearnerFeedback.objects.count() >= awarded // 2
    for award in Award.objects.select_related("provider"):  # each signed by its provider
        assert json.loads(award.ob3)["issuer"]["id"] == award.provider.did


def test_the_demo_command_sets_up_a_fresh_directory(tmp_path: Path) -> None:
    ours = ("DJANGO_SETTINGS_MODULE", "MICROCRED_DATA_DIR", "MICROCRED_DATABASE_URL")
    env = {k: v for k, v in os.environ.items() if k not in ours}
    command = [str(Path(sys.executable).parent / "microcred"), "demo", "--no-serve",
               "--data", str(tmp_path / "demo")]  # fmt: skip
    first = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT,
                           timeout=300, check=False)  # fmt: skip
    assert first.returncode == 0, first.stderr
    assert "jakosc@demo.microcred.eu" in first.stdout
    assert (tmp_path / "demo" / "microcred.sqlite3").is_file()
    assert oct((tmp_path / "demo" / "secret-key").stat().st_mode & 0o777) == "0o600"
    again = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT,
                           timeout=300, check=False)  # fmt: skip
    assert again.returncode == 0, again.stderr
    assert again.stdout == first.stdout
