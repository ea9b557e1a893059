"""The statistics pages in a real browser (Debian's Chromium through Playwright), at
desktop and phone width, on the demo's awards: a provider's administrator opens the
awards dashboard (the monthly chart with its legend, the tiles), finds a learner typed
without diacritics and opens the numbers behind the chart; the QA officer opens the
uptake page, picks a year and sees every chart. Each page passes axe-core's WCAG 2.1
A/AA check with no serious or critical violation, and no chart is wider than the page.
``MICROCRED_SCREENSHOTS=DIR`` keeps a full-page screenshot of each."""

from __future__ import annotations

from typing import Any

import pytest

from microcred.platform.accounts.models import User
from microcred.platform.demo import demo_awards, demo_designs, demo_seed
from microcred.platform.providers.models import Provider

from ..conftest import EXAMPLES
from ..platform.conftest import NOW
from .test_pages_in_a_browser import WIDTHS, _log_in, _serious, browser  # noqa: F401
from .test_qa_in_a_browser import _shot

pytestmark = pytest.mark.django_db(transaction=True)

#: a page wider than its window scrolls sideways: a chart must never make it so
_OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_the_dashboards(browser: Any, live_server: Any, width: str) -> None:  # noqa: F811
    demo_seed(now=NOW)
    files = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.glob("*.yaml"))]
    demo_designs(files, now=NOW)
    demo_awards(now=NOW)
    admin = User.objects.get(email="uczelnia@demo.microcred.eu")
    provider = Provider.objects.get(organisation__memberships__user=admin)
    base, problems = live_server.url, {}

    context = browser.new_context(viewport=WIDTHS[width], locale="pl-PL")
    page = context.new_page()
    _log_in(page, base, admin.email)
    page.goto(f"{base}/awards/providers/{provider.pk}/")
    page.click(f"a[href='/awards/providers/{provider.pk}/dashboard/']")
    assert page.locator("svg.columns rect.bar").count() >= 2
    assert page.locator("figure.chart ul.legend li").count() >= 2
    page.fill("#id_q", "kaminski")
    page.click("form[role=search] button")
    assert "Jan Kamiński" in page.inner_text("section[aria-labelledby=search-title]")
    page.click("figure.chart details.numbers summary")
    assert page.locator("figure.chart details.numbers table").is_visible()
    assert page.evaluate(_OVERFLOW) <= 0
    problems["provider's dashboard"] = _serious(page)
    _shot(page, f"provider-dashboard-{width}")
    context.close()

    context = browser.new_context(viewport=WIDTHS[width], locale="pl-PL")
    page = context.new_page()
    _log_in(page, base, "jakosc@demo.microcred.eu")
    page.goto(base + "/")
    page.goto(base + "/uptake/")
    page.select_option("#id_year", str(NOW.year))
    page.click("form.filters button")
    assert page.url.endswith(f"/uptake/?year={NOW.year}")
    assert page.locator("svg.bars").count() == 4
    assert page.locator("svg.columns").count() == 1
    assert "Upowszechnienie mikropoświadczeń" in page.inner_text("h1")
    assert page.evaluate(_OVERFLOW) <= 0
    problems["uptake"] = _serious(page)
    _shot(page, f"uptake-{width}")
    page.goto(f"{base}/awards/providers/{provider.pk}/dashboard/")
    assert page.locator("#id_q").count() == 0  # the QA body: figures, no learner's name
    problems["provider's dashboard, QA body"] = _serious(page)
    context.close()
    assert not any(problems.values()), problems
