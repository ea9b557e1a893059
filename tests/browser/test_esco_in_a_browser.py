"""ESCO in a real browser (Chromium through Playwright, as test_pages_in_a_browser):
the skill search and a skill's page pass the accessibility check at desktop and phone
width; the skill picker, inside a form, is used with the keyboard alone — type, move
down to a result, add it, remove a chip — and posts the chosen URIs; without JavaScript
it is a textarea of URIs that posts the same way.

The picker's search box needs HTMX, which the design studio vendors as
``core/static/core/htmx.min.js``: that part is skipped (failing under CI) without it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest

from microcred.platform.esco.models import OccupationSkill, Skill
from microcred.platform.esco.services import esco_load

from ..platform.conftest import NOW
from ..platform.esco.conftest import POLISH, write_cut
from . import test_pages_in_a_browser as pages
from .esco_urls import MUSICAL

chromium = pages.browser  # that module's browser fixture, under this name here
HTMX = (Path(__file__).resolve().parents[2] / "src" / "microcred" / "platform" / "core" / "static"
        / "core" / "htmx.min.js")  # fmt: skip
SCREENSHOTS = os.environ.get("MICROCRED_SCREENSHOTS")  # a folder: the pages saved there

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.urls("tests.browser.esco_urls")]


@pytest.fixture(scope="module")
def esco_cut(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first real skills and occupations (some with a Polish label, most without)."""
    return write_cut(shared / "esco", tmp_path_factory.mktemp("esco") / "esco", skills=1500,
                     occupations=400)  # fmt: skip


def _polish_skill() -> Skill:
    """A skill with a Polish label, needed by an occupation."""
    needed = OccupationSkill.objects.values("skill_id")
    found = Skill.objects.exclude(label_pl="").filter(pk__in=needed).order_by("label_pl").first()
    assert found is not None
    return found


def _shot(page: Any, name: str) -> None:
    if SCREENSHOTS:
        page.screenshot(path=str(Path(SCREENSHOTS) / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("width", sorted(pages.WIDTHS))
def test_the_esco_pages_pass_the_accessibility_check(
    chromium: Any, live_server: Any, esco_cut: Path, width: str
) -> None:
    esco_load(directory=esco_cut / "v1.1.1", pl=esco_cut / POLISH, now=NOW)
    context = chromium.new_context(viewport=pages.WIDTHS[width], locale="pl-PL")
    page = context.new_page()
    problems = {}
    skill = _polish_skill()
    page.goto(live_server.url + "/esco/skills/?" + urlencode({"q": skill.label_pl}))
    problems["search"] = pages._serious(page)
    page.click("ul.esco-results a >> nth=0")
    assert page.locator("h1").inner_text() == skill.label_pl
    assert page.locator("main li").count() >= 1  # an occupation needing it
    _shot(page, f"esco-skill-{width}-pl")
    problems["skill"] = pages._serious(page)
    page.goto(live_server.url + "/esco/skills/0005c151-5b5a-4a66-8aac-60e734beb1ab/")
    assert page.locator("h1 abbr.esco-lang").inner_text() == "EN"
    problems["skill without Polish"] = pages._serious(page)
    context.close()
    assert {k: v for k, v in problems.items() if v} == {}


@pytest.mark.parametrize("width", sorted(pages.WIDTHS))
def test_the_picker_is_used_with_the_keyboard(
    chromium: Any, live_server: Any, esco_cut: Path, width: str
) -> None:
    if not HTMX.exists():
        message = f"{HTMX} is not there (the design studio vendors HTMX)"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message)
        pytest.skip(message)
    esco_load(directory=esco_cut / "v1.1.1", pl=esco_cut / POLISH, now=NOW)
    context = chromium.new_context(viewport=pages.WIDTHS[width], locale="pl-PL")
    page = context.new_page()
    page.goto(live_server.url + "/picker-test/")
    box = page.locator("input[data-esco-input]")
    assert box.is_visible()
    assert not page.locator("textarea[name=skills]").is_visible()
    assert page.locator(".esco-chip").count() == 1  # the skill chosen before
    skill = _polish_skill()
    box.focus()
    page.keyboard.insert_text(skill.label_pl)  # one input event: one request after 300 ms
    page.wait_for_selector(f'.esco-option[data-esco-uri="{skill.uri}"]')
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.dataset.escoUri") == skill.uri
    page.keyboard.press("Enter")
    assert page.locator(".esco-chip").count() == 2
    assert skill.label_pl in page.locator("[data-esco-status]").inner_text()
    _shot(page, f"esco-picker-{width}-pl")
    assert pages._serious(page) == []
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.dataset.escoInput") == ""
    page.locator("[data-esco-remove] >> nth=0").focus()  # the first chip: MUSICAL
    page.keyboard.press("Enter")
    assert page.locator(".esco-chip").count() == 1
    page.click("form.card p button")
    assert page.locator("body").inner_text().split() == [skill.uri]
    context.close()


def test_without_javascript_the_picker_is_a_textarea(
    chromium: Any, live_server: Any, esco_cut: Path
) -> None:
    context = chromium.new_context(java_script_enabled=False, locale="en-GB")
    page = context.new_page()
    page.goto(live_server.url + "/picker-test/")
    textarea = page.locator("textarea[name=skills]")
    assert textarea.is_visible()
    assert not page.locator("input[data-esco-input]").is_visible()
    other = "http://data.europa.eu/esco/skill/000f1d3d-220f-4789-9c0a-cc742521fb02"
    textarea.fill(f"{MUSICAL}\n{other}\n")
    page.click("form.card p button")
    assert page.locator("body").inner_text().split() == [MUSICAL, other]
    context.close()
