"""Screenshots of the platform's main pages, and axe-core's findings on each, for people to look at.

Not a test: run it by hand against a running demo (``microcred demo --port 8731``)::

    python tests/browser/screenshots.py http://127.0.0.1:8731 OUT_DIR

It saves ``<page>-<desktop|phone>-<pl|en>.png`` (full page, 1280 and 390 px wide) in
OUT_DIR, the pictures of ``docs/img/`` (pages in a state worth showing) in OUT_DIR/docs,
and prints, for each page, axe-core's WCAG 2.1 A/AA violations counted by impact and how
many checks it left to a person, then the totals. Needs Debian's Chromium and
``npm ci --prefix tests/browser`` (as the browser tests do). For the pictures of
``docs/img/``, start the demo on an empty ``--data`` folder.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
LOCALES = {"pl": "pl-PL", "en": "en-GB"}
PROVIDER = "uczelnia@demo.microcred.eu"
QA_OFFICER = "jakosc@demo.microcred.eu"
LEARNER = "uczestnik@demo.microcred.eu"
# the demo's published password (microcred.platform.demo.DEMO_PASSWORD, which needs Django set up)
PASSWORD = "demo-microcred-2026"  # noqa: S105


def _axe(page: Any) -> tuple[list[dict[str, Any]], int]:
    """axe-core's WCAG 2.1 A/AA violations on the page, and how many checks it left to a person."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("() => axe.run(document, {runOnly: {type: 'tag', values: "
                           "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})")  # fmt: skip
    return list(result["violations"]), len(result["incomplete"])


def _public(page: Any, base: str) -> list[tuple[str, str]]:
    """(name, URL) of each public page to take, found by following the demo's links."""
    page.goto(base + "/registry/")
    public = base + str(page.locator("main ol.results li a").first.get_attribute("href"))
    profile = page.locator("main ol.results li a[href*='/registry/providers/']").first
    return [
        ("home", base + "/"),
        ("registry", base + "/registry/"),
        ("registry-page", public),
        ("provider-profile", base + str(profile.get_attribute("href"))),
        ("login", base + "/accounts/login/"),
    ]


def _log_in(page: Any, base: str, email: str) -> None:
    page.goto(base + "/accounts/login/")
    page.fill("#id_username", email)
    page.fill("#id_password", PASSWORD)
    page.click("main form button")
    page.wait_for_load_state()


def _provider(page: Any, base: str) -> list[tuple[str, str]]:
    """(name, URL) of a provider's pages, after logging in as the demo's university."""
    _log_in(page, base, PROVIDER)
    page.goto(base + "/providers/")
    provider = base + str(page.locator("main table a").first.get_attribute("href"))
    page.goto(provider)
    page.locator("main a.button").first.click()
    page.wait_for_load_state()
    version = base + str(page.locator("main table a").first.get_attribute("href"))
    return [
        ("home-logged-in", base + "/"),
        ("provider-register", base + "/providers/register/"),
        ("provider-detail", provider),
        ("design-version", version),
    ]


def _learner(page: Any, base: str) -> list[tuple[str, str]]:
    """(name, URL) of the learner's pages, after logging in as the demo's learner."""
    _log_in(page, base, LEARNER)
    page.goto(base + "/awards/mine/")
    award = base + str(page.locator("main article a").first.get_attribute("href"))
    return [("my-awards", base + "/awards/mine/"), ("award", award)]


def _shoot(browser: Any, out: Path, name: str, lang: str, width: str) -> Any:
    """A new page at this width and language; the caller goes somewhere and calls .snap()."""
    context = browser.new_context(viewport=WIDTHS[width], locale=LOCALES[lang])
    page = context.new_page()
    path = out / f"{name}-{width}-{lang}.png"
    page.snap = lambda: (page.screenshot(path=str(path), full_page=True), context.close())
    return page


def docs_pictures(browser: Any, base: str, out: Path) -> None:
    """The pictures in docs/img/, each a page in a state worth showing."""
    page = _shoot(browser, out, "registry-page", "pl", "desktop")
    page.goto(base + "/registry/")
    page.locator("main ol.results li a").first.click()
    page.snap()
    page = _shoot(browser, out, "registry-search", "en", "phone")
    page.goto(base + "/registry/?q=python")
    page.snap()
    page = _shoot(browser, out, "home", "pl", "desktop")
    page.goto(base + "/")
    page.snap()
    page = _shoot(browser, out, "login", "pl", "phone")
    page.goto(base + "/accounts/login/")
    page.snap()
    page = _shoot(browser, out, "provider-register-error", "en", "desktop")
    _log_in(page, base, LEARNER)
    page.goto(base + "/providers/register/")
    page.fill("#id_legal_name", "Test")
    page.fill("#id_identifier", "123")
    page.fill("#id_street_address", "ul. Przykładowa 1")
    page.fill("#id_postal_code", "00-001")
    page.fill("#id_locality", "Warszawa")
    page.fill("#id_website", "https://x.example.org")
    page.fill("#id_contact_email", "a@example.org")
    page.click("main form.card button")
    page.wait_for_load_state()
    page.snap()
    page = _shoot(browser, out, "provider-queue", "pl", "phone")
    _log_in(page, base, QA_OFFICER)
    page.goto(base + "/providers/queue/")
    page.snap()
    page = _shoot(browser, out, "menu-open", "pl", "phone")
    _log_in(page, base, QA_OFFICER)
    page.goto(base + "/providers/queue/")
    page.click("summary")
    page.keyboard.press("Tab")
    page.screenshot(path=str(out / "menu-open-phone-pl.png"))  # the viewport: the menu
    page.context.close()
    page = _shoot(browser, out, "provider-detail-qa", "pl", "desktop")
    _log_in(page, base, QA_OFFICER)
    page.goto(base + "/providers/queue/")
    page.locator("main table a").first.click()
    page.wait_for_load_state()
    page.snap()
    for name, lang, width, status in (("design-version-incomplete", "pl", "desktop", "draft"),
                                      ("design-version", "en", "phone", "approved")):  # fmt: skip
        page = _shoot(browser, out, name, lang, width)
        _log_in(page, base, PROVIDER)
        page.goto(base + "/providers/")
        page.locator("main table a").first.click()
        page.locator("main a.button").first.click()
        page.locator(f"main tr:has(.status-{status}) a").first.click()
        page.wait_for_load_state()
        page.snap()
    for lang, width in (("pl", "desktop"), ("en", "phone")):
        page = _shoot(browser, out, "provider-profile", lang, width)
        page.goto(base + "/registry/")
        page.locator("main ol.results li a[href*='/registry/providers/']").first.click()
        page.wait_for_load_state()
        page.snap()
    page = _shoot(browser, out, "api-keys", "en", "phone")
    _log_in(page, base, PROVIDER)
    page.goto(base + "/providers/")
    page.locator("main table a").first.click()
    page.locator("main a[href*=api-keys]").first.click()
    page.fill("#id_name", "Student information system")
    page.click("main form.card button")
    page.wait_for_load_state()
    page.snap()
    for lang, width in (("pl", "desktop"), ("en", "phone")):
        page = _shoot(browser, out, "award", lang, width)
        _log_in(page, base, LEARNER)
        page.goto(base + "/awards/mine/")
        page.locator("main article a").first.click()
        page.wait_for_load_state()
        page.snap()
    page = _shoot(browser, out, "qa-dashboard-feedback", "pl", "desktop")
    _log_in(page, base, PROVIDER)
    page.goto(base + "/qa/mine/")
    page.wait_for_load_state()
    page.snap()
    # last, as it takes a provider's offers out of the registry: a suspended provider's profile
    page = _shoot(browser, out, "provider-profile-suspended", "pl", "phone")
    page.goto(base + "/registry/")
    link = page.locator("main ol.results li a[href*='/registry/providers/']").first
    profile, name = base + str(link.get_attribute("href")), link.inner_text()
    _log_in(page, base, QA_OFFICER)
    page.goto(base + "/providers/")
    page.locator("main table a", has_text=name).first.click()
    page.select_option("#id_decision", "suspend")
    page.fill("#id_reason", "Kontrola jakości w toku (demo).")
    page.click("main form.card button")
    page.wait_for_load_state()
    page.goto(profile)
    page.snap()


def main(base: str, out: Path) -> None:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    totals: Counter[str] = Counter()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for lang, locale in LOCALES.items():
            for width, viewport in WIDTHS.items():
                context = browser.new_context(viewport=viewport, locale=locale)
                page = context.new_page()
                for pages in (_public, _provider, _learner):  # each logs in after the last
                    for name, url in pages(page, base):
                        page.goto(url)
                        page.screenshot(path=str(out / f"{name}-{width}-{lang}.png"),
                                        full_page=True)  # fmt: skip
                        found, unsure = _axe(page)
                        counts = Counter(v["impact"] for v in found)
                        totals.update(counts)
                        totals["(left to a person)"] += unsure
                        detail = "; ".join(f"{v['id']}({v['impact']})" for v in found)
                        print(f"{name:18} {width:7} {lang}: {dict(counts) or 'none'} {detail}"
                              f" — {unsure} left to a person")  # fmt: skip
                context.close()
        docs_pictures(browser, base, out / "docs")
        browser.close()
    print("total violations by impact:", dict(totals) or "none")


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/"), Path(sys.argv[2]))
