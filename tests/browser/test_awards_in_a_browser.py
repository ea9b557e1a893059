"""An award and its feedback in a real browser (Debian's Chromium through Playwright), at
desktop and phone width: a provider's administrator opens a published version, sends
the award form empty (each error under its field), issues it to the demo's learner and
lands on the award; the learner finds it under "My micro-credentials", rates it with a
comment, and the provider's QA dashboard shows the comment without the learner's name.
Each page passes axe-core's WCAG 2.1 A/AA check with no serious or critical violation.
``MICROCRED_SCREENSHOTS=DIR`` keeps a full-page screenshot of each."""

from __future__ import annotations

from typing import Any

import pytest

from microcred.platform.accounts.models import User
from microcred.platform.demo import demo_seed
from microcred.platform.issuance.models import Award
from microcred.platform.providers.models import Provider

from ..platform.conftest import NOW
from ..platform.issuance.helpers import published
from .test_pages_in_a_browser import WIDTHS, _log_in, _serious, browser  # noqa: F401
from .test_qa_in_a_browser import _shot

pytestmark = pytest.mark.django_db(transaction=True)
LEARNER = "uczestnik@demo.microcred.eu"


@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_an_award_and_its_feedback(browser: Any, live_server: Any, width: str) -> None:  # noqa: F811
    demo_seed(now=NOW)
    admin = User.objects.get(email="uczelnia@demo.microcred.eu")
    provider = Provider.objects.get(organisation__memberships__user=admin)
    version = published(provider, User.objects.get(email="jakosc@demo.microcred.eu"))
    base, problems = live_server.url, {}
    context = browser.new_context(viewport=WIDTHS[width], locale="pl-PL")
    page = context.new_page()
    _log_in(page, base, admin.email)
    page.goto(f"{base}/designs/versions/{version.pk}/")
    page.click(f"a[href='/awards/versions/{version.pk}/new/']")
    problems["award form"] = _serious(page)
    page.click("main form button")
    assert page.locator("#id_given_name_error").is_visible()
    assert page.locator("#id_email_error").is_visible()
    problems["award form with errors"] = _serious(page)
    _shot(page, f"award-form-errors-{width}")
    page.fill("#id_given_name", "Jan")
    page.fill("#id_family_name", "Kamiński")
    page.fill("#id_email", LEARNER)
    page.fill("#id_date_of_birth", "1999-03-14")
    page.fill("#id_grade", "zaliczone")
    page.click("main form button")
    award = Award.objects.get()
    assert page.url.endswith(f"/awards/{award.pk}/")
    assert award.credential_id in page.inner_text("main")
    problems["award"] = _serious(page)
    _shot(page, f"award-{width}")
    context.close()

    context = browser.new_context(viewport=WIDTHS[width], locale="pl-PL")
    page = context.new_page()
    _log_in(page, base, LEARNER)
    page.goto(base + "/awards/mine/")
    problems["my micro-credentials"] = _serious(page)
    page.click(f"a[href='/awards/{award.pk}/']")
    page.click(f"a[href='/qa/feedback/{award.pk}/']")
    problems["feedback form"] = _serious(page)
    page.click("main form button")  # no rating chosen
    assert page.locator("#id_rating_error").is_visible()
    page.check("input[name=rating][value='5']")
    page.fill("#id_comment", "Dużo praktyki, jasne kryteria oceny.")
    _shot(page, f"feedback-form-{width}")
    page.click("main form button")
    assert page.url.endswith(f"/awards/{award.pk}/")
    assert "5" in page.inner_text("#feedback ~ p, section[aria-labelledby=feedback]")
    context.close()

    context = browser.new_context(viewport=WIDTHS[width], locale="pl-PL")
    page = context.new_page()
    _log_in(page, base, admin.email)
    page.goto(f"{base}/qa/providers/{provider.pk}/")
    section = page.inner_text("section[aria-labelledby=feedback-title]")
    assert "Dużo praktyki, jasne kryteria oceny." in section
    assert "Kamiński" not in section
    assert LEARNER not in section
    problems["dashboard with feedback"] = _serious(page)
    _shot(page, f"qa-dashboard-feedback-{width}")
    context.close()
    assert {where: found for where, found in problems.items() if found} == {}
