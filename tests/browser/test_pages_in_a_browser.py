"""The platform in a real browser (Debian's Chromium driven by Playwright): a QA officer
and a provider go through the pages, and every public page and the provider's design
page pass an automated accessibility check (axe-core, WCAG 2.1 A and AA) with no serious
or critical violation — at desktop and phone width.

Needs ``/usr/bin/chromium`` (``.ci/run`` installs it) and ``tests/browser/node_modules``
(``tasks.py test`` runs ``npm ci`` there); without them the test is skipped, and fails
under ``CI=true``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from microcred.platform.demo import DEMO_PASSWORD, demo_designs, demo_seed

from ..conftest import EXAMPLES
from ..platform.conftest import NOW

CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
PUBLIC = ["/", "/registry/", "/registry/?q=python", "/accounts/login/",
          "/accounts/password-reset/"]  # fmt: skip

pytestmark = pytest.mark.django_db(transaction=True)


def _missing() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is not installed (apt-get install chromium)"
    if not AXE.exists():
        return "axe-core is not installed (npm ci --prefix tests/browser)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "playwright is not installed"
    return None


@pytest.fixture(scope="module")
def browser() -> Any:
    missing = _missing()
    if missing:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(missing)
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # the sync Playwright API runs a loop
    try:
        with sync_playwright() as playwright:
            launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=[
                "--no-sandbox", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"])  # fmt: skip
            yield launched
            launched.close()
    finally:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


def _serious(page: Any) -> list[str]:
    """axe-core's serious and critical violations of WCAG 2.1 A/AA on the page."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("() => axe.run(document, {runOnly: {type: 'tag', values: "
                           "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})")  # fmt: skip
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def _log_in(page: Any, base: str, email: str) -> None:
    page.goto(base + "/accounts/login/")
    page.fill("#id_username", email)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("form.card button")
    page.wait_for_load_state()


@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_the_pages_work_and_pass_the_accessibility_check(browser: Any, live_server: Any,
                                                         width: str) -> None:  # fmt: skip
    demo_seed(now=NOW)
    files = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.glob("*.yaml"))]
    demo_designs(files, now=NOW)
    base = live_server.url
    context = browser.new_context(viewport=WIDTHS[width], locale="pl-PL")
    page = context.new_page()
    problems: dict[str, list[str]] = {}
    for path in PUBLIC:
        response = page.goto(base + path)
        assert response is not None, path
        assert response.status < 400, path
        problems[path] = _serious(page)
    page.goto(base + "/registry/")
    page.click("ol.results li a >> nth=0")  # the first micro-credential in the registry
    problems["a registry page"] = _serious(page)
    page.click("main a[href^='/registry/providers/']")  # its provider's public profile
    assert "/registry/providers/" in page.url
    problems["a provider's public profile"] = _serious(page)
    _log_in(page, base, "uczelnia@demo.microcred.eu")
    page.goto(base + "/providers/")
    page.click("table a >> nth=0")
    problems["a provider's page"] = _serious(page)
    page.click("a.button >> nth=0")  # the provider's micro-credentials
    page.fill("#id_text", (EXAMPLES / "digital-photography-draft.yaml").read_text())
    page.click("form.card button")
    assert "/designs/versions/" in page.url
    problems["a design's compliance report"] = _serious(page)
    context.close()
    failing = {where: found for where, found in problems.items() if found}
    assert failing == {}


@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_the_design_studio_checks_as_the_provider_types(browser: Any, live_server: Any,
                                                        width: str) -> None:  # fmt: skip
    """The studio: typing an outcome that describes an activity turns the live verdict
    into a participation badge without saving anything; the page passes axe-core.
    With ``MICROCRED_SCREENSHOTS=DIR`` the pages are saved there as PNG."""
    demo_seed(now=NOW)
    shots = os.environ.get("MICROCRED_SCREENSHOTS")
    base = live_server.url
    context = browser.new_context(viewport=WIDTHS[width], locale="en-GB")
    page = context.new_page()
    _log_in(page, base, "uczelnia@demo.microcred.eu")
    page.goto(base + "/providers/")
    page.click("table a >> nth=0")
    page.click("a.button >> nth=0")  # the provider's micro-credentials
    page.fill("#id_text", (EXAMPLES / "python-basics.yaml").read_text())
    page.click("form.card button")
    page.click("text=Edit as a new version")
    live = page.locator("#live")
    assert "micro-credential" in live.inner_text()
    problems = {"the studio": _serious(page)}
    if shots:
        page.screenshot(path=f"{shots}/studio-{width}.png", full_page=False)
        page.screenshot(path=f"{shots}/studio-{width}-full.png", full_page=True)
    page.fill("#id_outcomes-0-statement_en", "Attended the webinar")
    page.fill("#id_outcomes-0-statement_pl", "Uczestniczył w webinarze")
    page.fill("#id_outcomes-1-statement_en", "")
    page.fill("#id_outcomes-1-statement_pl", "")
    page.fill("#id_outcomes-2-statement_en", "")
    page.fill("#id_outcomes-2-statement_pl", "")
    for row in (1, 2):  # the ESCO picker's chips, each removed by its button
        chips = page.locator(f"#id_outcomes-{row}-esco_skills-picker [data-esco-remove]")
        while chips.count():
            chips.first.click()
    page.wait_for_function(
        "document.querySelector('#live').innerText.includes('participation badge')",
        timeout=10_000)  # fmt: skip
    if width == "phone":  # the sticky bar over the form says it too
        assert "participation badge" in page.locator("#verdict-bar").inner_text()
        if shots:
            page.screenshot(path=f"{shots}/studio-typing-{width}.png")
    page.fill("#id_workload_ects", "lots")
    page.wait_for_function("document.querySelector('#live').innerText.includes('lots')",
                           timeout=10_000)  # fmt: skip
    problems["the studio with a problem"] = _serious(page)
    if shots:
        page.locator("#live").screenshot(path=f"{shots}/studio-live-{width}.png")
    page.click("button[value=save]")  # refused: the ECTS field says why, nothing saved
    assert "lots" in page.locator("#id_workload_ects_error").inner_text()
    problems["the studio's field errors"] = _serious(page)
    if shots:
        page.locator("#id_workload_ects").scroll_into_view_if_needed()
        page.screenshot(path=f"{shots}/studio-errors-{width}.png")
    page.fill("#id_workload_ects", "2")
    page.click("button[value=save]")
    assert page.locator("h1").inner_text().startswith("Python basics")
    assert "participation badge" in page.locator("main").inner_text()
    problems["a version with its badge and previews"] = _serious(page)
    if shots:
        page.screenshot(path=f"{shots}/version-{width}.png", full_page=True)
    context.close()
    assert {where: found for where, found in problems.items() if found} == {}
