"""A bulk batch in a real browser (Debian's Chromium through Playwright), at desktop and
phone width: a provider's administrator uploads a Windows-1250 CSV with a bad row, sees
the preview (the first rows, the bad row with its line and reason), starts it, and the
progress bar — HTMX polling — reaches 100 % while the database queue's worker issues the
rows; then the learner opens the claim link from the e-mail, with no account. Each page
passes axe-core's WCAG 2.1 A/AA check with no serious or critical violation.
``MICROCRED_SCREENSHOTS=DIR`` keeps a full-page screenshot of each."""

from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from django.test import override_settings

from microcred.platform.accounts.models import User
from microcred.platform.demo import demo_seed
from microcred.platform.issuance.worker import Worker
from microcred.platform.providers.models import Provider

from ..platform.conftest import NOW
from ..platform.issuance.helpers import published
from .test_pages_in_a_browser import WIDTHS, _log_in, _serious, browser  # noqa: F401
from .test_qa_in_a_browser import _shot

pytestmark = pytest.mark.django_db(transaction=True)


@override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")
@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_a_batch_from_upload_to_claim(browser: Any, live_server: Any, tmp_path: Path,  # noqa: F811
                                      width: str) -> None:  # fmt: skip
    demo_seed(now=NOW)
    admin = User.objects.get(email="uczelnia@demo.microcred.eu")
    provider = Provider.objects.get(organisation__memberships__user=admin)
    version = published(provider, User.objects.get(email="jakosc@demo.microcred.eu"))
    rows = ["name;email;date_of_birth"]
    rows += [f"Łucja Żółkiewska {n};lucja{n}@example.org;1999-03-1{n % 9}" for n in range(12)]
    rows.append("Jan Nowak;jan@@example;1999-03-14")
    cohort = tmp_path / "lista-kursu.csv"
    cohort.write_bytes(("\n".join(rows) + "\n").encode("cp1250"))
    base, problems = live_server.url, {}
    context = browser.new_context(viewport=WIDTHS[width], locale="pl-PL")
    page = context.new_page()
    _log_in(page, base, admin.email)
    page.goto(f"{base}/awards/versions/{version.pk}/new/")
    page.click(f"a[href='/awards/versions/{version.pk}/batch/']")
    problems["upload"] = _serious(page)
    page.set_input_files("#id_file", str(cohort))
    page.click("main form button")
    assert "/awards/batches/" in page.url
    text = page.inner_text("main")
    assert "Żółkiewska 0" in text
    assert "jan@@example" in text
    assert "14" in text
    problems["preview"] = _serious(page)
    _shot(page, f"batch-preview-{width}")
    page.click("main form[action$='/start/'] button")
    assert page.locator("progress").is_visible()
    problems["progress"] = _serious(page)
    worker = threading.Thread(target=lambda: Worker(interval=0.05).run(burst=True))
    worker.start()
    worker.join(timeout=120)
    page.wait_for_selector("text=100%", timeout=15_000)  # HTMX polled the fragment
    assert "12" in page.inner_text("#progress")
    problems["done"] = _serious(page)
    _shot(page, f"batch-done-{width}")
    context.close()

    link = re.search(r"https?://\S+(/awards/claim/\S+/)", mail.outbox[0].body).group(1)
    context = browser.new_context(viewport=WIDTHS[width], locale="pl-PL")
    page = context.new_page()
    page.goto(base + link)  # no account, no log-in
    assert "Żółkiewska" in page.inner_text("main")
    problems["claim"] = _serious(page)
    _shot(page, f"claim-{width}")
    context.close()
    assert {where: found for where, found in problems.items() if found} == {}
