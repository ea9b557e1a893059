"""The QA pages in a real browser (Debian's Chromium through Playwright), at desktop and
phone width: a QA officer opens the queue, sends an empty approval (the error summary at
the top links to the principles), records an approval with the Annex II checklist and
lands on the review history; the statistics; the provider's QA dashboard. Each page
passes axe-core's WCAG 2.1 A/AA check with no serious or critical violation.
``MICROCRED_SCREENSHOTS=DIR`` keeps a full-page screenshot of each."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from microcred.platform.accounts.models import User
from microcred.platform.catalog.services import design_import, design_version_submit
from microcred.platform.demo import demo_designs, demo_seed
from microcred.platform.providers.models import Provider
from microcred.standard.annexes import AnnexIIPrinciple

from ..conftest import EXAMPLES
from ..platform.conftest import NOW, as_provider
from .test_pages_in_a_browser import WIDTHS, _log_in, _serious, browser  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)


def _shot(page: Any, name: str) -> None:
    folder = os.environ.get("MICROCRED_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_the_qa_pages(browser: Any, live_server: Any, width: str) -> None:  # noqa: F811
    demo_seed(now=NOW)
    files = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.glob("*.yaml"))]
    demo_designs(files, now=NOW)
    admin = User.objects.get(email="uczelnia@demo.microcred.eu")
    provider = Provider.objects.get(organisation__memberships__user=admin)
    text = as_provider((EXAMPLES / "python-basics.yaml").read_text(encoding="utf-8"), provider)
    version = design_import(user=admin, provider=provider, text=text, now=NOW)
    design_version_submit(user=admin, version=version, now=NOW)
    base, problems = live_server.url, {}
    context = browser.new_context(viewport=WIDTHS[width], locale="pl-PL")
    page = context.new_page()
    _log_in(page, base, "jakosc@demo.microcred.eu")
    page.goto(base + "/qa/designs/")
    problems["queue"] = _serious(page)
    page.click("a.button >> nth=0")
    assert f"/qa/designs/{version.pk}/review/" in page.url
    problems["checklist"] = _serious(page)
    _shot(page, f"qa-checklist-{width}")
    page.check("#id_decision_0")  # approve, with nothing answered
    page.click("main form button")
    assert page.locator(".error-summary a").count() == len(AnnexIIPrinciple)
    assert page.evaluate("document.activeElement.id") == "error-summary"
    problems["checklist with errors"] = _serious(page)
    _shot(page, f"qa-checklist-errors-{width}")
    page.click(".error-summary a >> nth=2")
    assert page.evaluate("document.activeElement.id") == "id_relevance-answer_0"
    for principle in AnnexIIPrinciple:
        page.check(f"#id_{principle}-answer_0")  # met
    page.fill("#id_quality-comment", "Wewnętrzne i zewnętrzne zapewnianie jakości opisane.")
    page.check("#id_decision_0")
    page.click("main form button")
    assert f"/qa/history/{version.design_id}/" in page.url
    problems["history"] = _serious(page)
    _shot(page, f"qa-history-{width}")
    page.goto(base + "/qa/stats/")
    problems["statistics"] = _serious(page)
    _shot(page, f"qa-stats-{width}")
    context.close()
    context = browser.new_context(viewport=WIDTHS[width], locale="pl-PL")
    page = context.new_page()
    _log_in(page, base, admin.email)
    page.goto(base + "/qa/mine/")
    assert f"/qa/providers/{provider.pk}/" in page.url
    problems["dashboard"] = _serious(page)
    _shot(page, f"qa-dashboard-{width}")
    context.close()
    assert {where: found for where, found in problems.items() if found} == {}
