"""A new provider's whole journey, through the web pages only, in a real browser (Debian's
Chromium driven by Playwright, as test_pages_in_a_browser):

1. a person (an account made by the service: the platform has no self sign-up) logs in
   and registers a provider with the registration form, every field found by its label;
2. a QA officer, in a browser of their own, finds it in the verification queue and
   approves it;
3. the provider designs a micro-credential in the design studio (its first awarding body
   already the provider, as verified): the live compliance
   report says "incomplete" as the title is typed and "micro-credential" once the
   mandatory Annex I elements are filled in, with no save between; an ESCO skill is
   attached to a learning outcome with the skill picker (a small real cut of the ESCO
   export loaded in the test database; that step is skipped with a warning without it);
   the draft is saved and submitted to the QA body;
4. the QA officer fills in the Annex II checklist and approves the design;
5. an anonymous visitor searches the registry with a word of the title in another
   inflected form, opens the design's public page (the provider verified, the Annex I
   elements), and follows the link to the provider's public profile — at desktop and
   at phone width.

Every page visited passes axe-core's WCAG 2.1 A/AA check with no serious or critical
violation. ``MICROCRED_SCREENSHOTS=DIR`` keeps a full-page screenshot of each step.
"""

from __future__ import annotations

import os
import re
import warnings
from pathlib import Path
from typing import Any

import pytest

from microcred.platform.accounts.models import OrganisationKind, Role
from microcred.platform.accounts.services import membership_grant, organisation_create, user_create
from microcred.platform.esco.models import Skill
from microcred.platform.esco.services import esco_load
from microcred.standard.annexes import AnnexIElement, AnnexIIPrinciple

from ..platform.conftest import NOW
from ..platform.esco.conftest import ENGLISH, POLISH, write_cut
from .test_pages_in_a_browser import WIDTHS, _serious, browser  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-journey-password-1"  # noqa: S105 - test accounts only
FOUNDER, OFFICER = "anna.nowak@uczelnia.example.org", "jan.kowalski@jakosc.example.org"
LEGAL_NAME = "Akademia Danych Przykładowa"
TITLE_PL, TITLE_EN = "Analiza danych w arkuszu kalkulacyjnym", "Spreadsheet data analysis"
LIVE = 10_000  # ms: the live check waits 500 ms after typing stops, on a busy machine more
QUERY = "arkusz"  # the title says "arkuszu" (locative): another form of the same word


def _shot(page: Any, name: str, *, full_page: bool = True) -> None:
    folder = os.environ.get("MICROCRED_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"journey-{name}.png"), full_page=full_page)


class Journey:
    """The pages visited, and axe-core's serious and critical findings on each."""

    def __init__(self) -> None:
        self.problems: dict[str, list[str]] = {}

    def check(self, page: Any, name: str) -> None:
        self.problems[name] = _serious(page)
        _shot(page, name)


def _log_in(browser: Any, base: str, email: str, locale: str = "en-GB") -> Any:  # noqa: F811
    page = browser.new_context(viewport=WIDTHS["desktop"], locale=locale).new_page()
    page.goto(base + "/accounts/login/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"^(?!.*/accounts/login/)"))
    return page


def _esco_skill(shared: Path, tmp: Path) -> Skill | None:
    """A skill of a real cut of ESCO, loaded; None (with a warning) without the export."""
    root = shared / "esco"
    if not (root / ENGLISH / "skills_en.csv").is_file():
        warnings.warn(f"the ESCO export is not in {root}: the journey attaches no ESCO skill",
                      stacklevel=2)  # fmt: skip
        return None
    cut = write_cut(root, tmp / "esco", skills=400, occupations=50)
    esco_load(directory=cut / "v1.1.1", pl=cut / POLISH, now=NOW)
    return Skill.objects.exclude(label_en="").order_by("label_en").first()


def _register(page: Any, base: str, journey: Journey) -> str:
    """The founder registers the provider; the provider's page address."""
    page.goto(base + "/providers/register/")
    journey.check(page, "register")
    form = page.get_by_role("main").locator("form")
    form.get_by_label("Legal name", exact=True).fill(LEGAL_NAME)
    form.get_by_label("Identifier type", exact=True).select_option(label="NIP")
    form.get_by_label("Identifier", exact=True).fill("777-000-11-11")
    form.get_by_label("Street and number", exact=True).fill("ul. Przykładowa 12")
    form.get_by_label("Postal code", exact=True).fill("00-950")
    form.get_by_label("Town or city", exact=True).fill("Warszawa")
    form.get_by_label("Country (ISO code, e.g. PL)", exact=True).fill("PL")
    form.get_by_label("Provider type", exact=True).select_option(label="University")
    form.get_by_label("Website", exact=True).fill("https://akademia-danych.example.org")
    form.get_by_label("Contact e-mail", exact=True).fill("kontakt@akademia-danych.example.org")
    form.get_by_label("National register entry", exact=True).fill("POL-on: ADP-0042")
    form.get_by_label("Accreditations and quality certificates", exact=True).fill(
        "Ocena instytucjonalna PKA (2024), ISO 21001."
    )
    form.get_by_role("button", name="Submit for verification").click()
    page.wait_for_url(re.compile(r"/providers/\d+/$"))
    assert page.get_by_role("heading", level=1).inner_text().startswith(LEGAL_NAME)
    assert "Awaiting verification" in page.get_by_role("main").inner_text()
    journey.check(page, "provider-registered")
    return str(page.url)


def _verify(page: Any, base: str, journey: Journey) -> None:
    """The QA officer approves the provider from the verification queue."""
    page.goto(base + "/providers/queue/")
    journey.check(page, "provider-queue")
    page.get_by_role("link", name=LEGAL_NAME).click()
    page.wait_for_url(re.compile(r"/providers/\d+/$"))
    page.get_by_label("Decision", exact=True).select_option(label="Approve")
    page.get_by_label("Reason", exact=True).fill("NIP i wpis w POL-on sprawdzone.")
    page.get_by_role("button", name="Record the decision").click()
    main = page.get_by_role("main")
    from playwright.sync_api import expect

    expect(main).to_contain_text("Verified")
    expect(
        main.get_by_role("row", name=re.compile("NIP i wpis w POL-on sprawdzone."))
    ).to_contain_text("Approve")  # the audit trail
    journey.check(page, "provider-verified")


def _section(page: Any, element: AnnexIElement) -> Any:
    """The studio's fieldset of an Annex I element, found by its legend."""
    return page.get_by_role("group", name=element.label("en"))


def _design(page: Any, provider_url: str, skill: Skill | None, journey: Journey) -> str:
    """The provider designs the micro-credential in the studio, saves it and submits it;
    the version's address."""
    from playwright.sync_api import expect

    page.goto(provider_url)
    page.get_by_role("main").get_by_role("link", name="Micro-credentials").click()
    page.get_by_role("link", name="New micro-credential").click()
    page.wait_for_url(re.compile(r"/designs/providers/\d+/new/$"))
    live = page.locator("#live")  # the compliance report (aria-live), beside the form
    expect(live).to_contain_text("The compliance report appears here as you fill in the form.")
    journey.check(page, "studio-empty")

    title = _section(page, AnnexIElement.TITLE)
    title.get_by_label("Title (PL)", exact=True).fill(TITLE_PL)
    verdict = live.get_by_role("heading", level=2)
    # checked as typed, nothing saved: a title alone describes no learning outcome
    expect(verdict).to_have_text(
        "EU compliance: participation badge (not a micro-credential)", timeout=LIVE
    )
    title.get_by_label("Title (EN)", exact=True).fill(TITLE_EN)
    title.get_by_label("Description (PL)", exact=True).fill(
        "Kurs dla pracowników biurowych: od porządkowania danych po tabele przestawne."
    )
    title.get_by_label("Description (EN)", exact=True).fill(
        "A course for office workers: from tidying data to pivot tables."
    )
    title.get_by_label("Short identifier", exact=True).fill("spreadsheet-analysis")

    # the first awarding body is the provider, as the QA body verified it: already filled in
    body = _section(page, AnnexIElement.AWARDING_BODY).get_by_role(
        "group", name="Awarding body 1", exact=True
    )
    expect(body.get_by_label("Name (PL)", exact=True)).to_have_value(LEGAL_NAME)
    expect(body.get_by_label(AnnexIElement.COUNTRY.label("en"), exact=True)).to_have_value("PL")
    expect(body.get_by_label("Legal identifier: register", exact=True)).to_have_value("nip")
    expect(body.get_by_label("Legal identifier: number", exact=True)).to_have_value("7770001111")
    expect(body.get_by_label("Website", exact=True)).to_have_value(
        "https://akademia-danych.example.org"
    )
    body.get_by_label("Name (EN)", exact=True).fill("Sample Data Academy")

    learner = _section(page, AnnexIElement.LEARNER)
    for attribute in ("full name", "date of birth", "e-mail address"):
        learner.get_by_label(attribute, exact=True).check()

    outcomes = _section(page, AnnexIElement.LEARNING_OUTCOMES)
    statements = [
        ("Uczestnik porządkuje dane w arkuszu i usuwa duplikaty.",
         "The learner tidies data in a spreadsheet and removes duplicates."),
        ("Tworzy tabelę przestawną podsumowującą dane sprzedaży.",
         "Builds a pivot table summarising sales data."),
        ("Przedstawia wyniki analizy na wykresie z opisem.",
         "Presents the results of the analysis in a captioned chart."),
    ]  # fmt: skip
    for number, (pl, en) in enumerate(statements, start=1):
        row = outcomes.get_by_role("group", name=f"Outcome {number}", exact=True)
        row.get_by_label("Statement (PL)", exact=True).fill(pl)
        row.get_by_label("Statement (EN)", exact=True).fill(en)
    expect(verdict).to_have_text("EU compliance: incomplete micro-credential", timeout=LIVE)

    workload = _section(page, AnnexIElement.WORKLOAD)
    workload.get_by_label("ECTS credits", exact=True).fill("2")
    workload.get_by_label("Hours", exact=True).fill("50")
    _section(page, AnnexIElement.LEVEL).get_by_label(
        "European Qualifications Framework (EQF)", exact=True
    ).select_option(label="EQF level 4")

    assessment = _section(page, AnnexIElement.ASSESSMENT)
    assessment.get_by_label("online test or quiz", exact=True).check()
    assessment.get_by_label("project or artefact assessment", exact=True).check()
    assessment.get_by_label("How (PL)", exact=True).fill(
        "Test online i projekt: raport z analizy danych w arkuszu."
    )
    assessment.get_by_label("How (EN)", exact=True).fill(
        "An online test and a project: a report analysing data in a spreadsheet."
    )
    assessment.get_by_label("Criteria (PL)", exact=True).fill(
        "Co najmniej 60% punktów z testu i projekt oceniony według rubryki."
    )
    assessment.get_by_label("Criteria (EN)", exact=True).fill(
        "At least 60% in the test and a project assessed against a rubric."
    )
    _section(page, AnnexIElement.PARTICIPATION).get_by_label(
        AnnexIElement.PARTICIPATION.label("en"), exact=True
    ).select_option(label="online")

    qa = _section(page, AnnexIElement.QUALITY_ASSURANCE)
    qa.get_by_label("internal quality assurance of the provider", exact=True).check()
    qa.get_by_label("external quality assurance of the provider (e.g. ESG, listed in DEQAR)",
                    exact=True).check()  # fmt: skip
    qa.get_by_label("Quality assurance body (PL)", exact=True).fill("Polska Komisja Akredytacyjna")
    qa.get_by_label("Quality assurance body (EN)", exact=True).fill(
        "Polish Accreditation Committee"
    )
    qa.get_by_label("Description (PL)", exact=True).fill(
        "Kurs objęty wewnętrznym systemem zapewniania jakości uczelni."
    )
    qa.get_by_label("Description (EN)", exact=True).fill(
        "The course is covered by the university's internal quality assurance."
    )
    _section(page, AnnexIElement.SUPERVISION).get_by_label(
        AnnexIElement.SUPERVISION.label("en"), exact=True
    ).select_option(label="supervised online with identity verification")

    # the mandatory elements complete, still nothing saved
    expect(verdict).to_have_text("EU compliance: micro-credential", timeout=LIVE)
    journey.check(page, "studio-complete")

    if skill is not None:  # the ESCO skill picker, in the first outcome
        first = outcomes.get_by_role("group", name="Outcome 1", exact=True)
        first.get_by_role("searchbox", name="Search ESCO skills").fill(skill.label_en)
        first.locator(f'.esco-option[data-esco-uri="{skill.uri}"]').click()
        chips = first.get_by_role("list", name="Chosen skills")
        expect(chips.get_by_role("listitem")).to_have_count(1)
        expect(chips).to_contain_text(skill.label_en)
        expect(live).to_contain_text("1 outcome(s) aligned to ESCO skills", timeout=LIVE)
        # removing a chip, and adding it again, are changes of the form the report hears
        chips.get_by_role("button", name=f"Remove: {skill.label_en}").click()
        expect(chips.get_by_role("listitem")).to_have_count(0)
        expect(live).not_to_contain_text("aligned to ESCO skills", timeout=LIVE)
        first.locator(f'.esco-option[data-esco-uri="{skill.uri}"]').click()
        expect(live).to_contain_text("1 outcome(s) aligned to ESCO skills", timeout=LIVE)
        journey.check(page, "studio-esco")
        first.scroll_into_view_if_needed()
        _shot(page, "studio-esco-viewport", full_page=False)  # the outcome beside the report

    page.get_by_role("button", name="Save the draft").click()
    page.wait_for_url(re.compile(r"/designs/versions/\d+/$"))
    version_url = str(page.url)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Draft")
    if skill is not None:
        expect(page.get_by_role("main")).to_contain_text("1 outcome(s) aligned to ESCO skills")
    journey.check(page, "design-draft")
    page.get_by_role("button", name="Submit to the QA body").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Submitted")
    journey.check(page, "design-submitted")
    return version_url


def _approve(page: Any, base: str, journey: Journey) -> None:
    """The QA officer reviews the design against Annex II and approves it."""
    from playwright.sync_api import expect

    page.goto(base + "/qa/designs/")
    journey.check(page, "qa-queue")
    page.get_by_role("link", name=re.compile(f"^Review: {TITLE_PL}")).click()
    page.wait_for_url(re.compile(r"/qa/designs/\d+/review/$"))
    journey.check(page, "qa-review")
    for principle in AnnexIIPrinciple:
        finding = page.get_by_role("group", name=f"Finding — {principle.label('en')}")
        finding.get_by_label("Met", exact=True).check()
    page.get_by_label(f"Comment — {AnnexIIPrinciple.QUALITY.label('en')}").fill(
        "Wewnętrzny system jakości uczelni, oceniany przez PKA."
    )
    decision = page.get_by_role("group", name="Decision", exact=True)
    decision.get_by_label("Approve and publish", exact=True).check()
    page.get_by_role("button", name="Record the decision").click()
    page.wait_for_url(re.compile(r"/qa/history/\d+/$"))
    expect(page.get_by_role("main")).to_contain_text("Publication approved")
    journey.check(page, "qa-approved")


def _visit(browser: Any, base: str, width: str, journey: Journey) -> None:  # noqa: F811
    """An anonymous visitor, in Polish: the registry search, the page, the profile."""
    from playwright.sync_api import expect

    context = browser.new_context(viewport=WIDTHS[width], locale="pl-PL")
    page = context.new_page()
    page.goto(base + "/registry/?q=" + QUERY)
    journey.check(page, f"registry-search-{width}")
    page.get_by_role("main").get_by_role("link", name=TITLE_PL, exact=True).click()
    page.wait_for_url(re.compile(r"/registry/\d+/$"))
    main = page.get_by_role("main")
    expect(page.get_by_role("heading", level=1)).to_contain_text(TITLE_PL)
    expect(page.get_by_role("heading", level=1)).to_contain_text("mikropoświadczenie")
    expect(main).to_contain_text("Zweryfikowany")  # the provider, verified
    for element in (AnnexIElement.LEARNING_OUTCOMES, AnnexIElement.WORKLOAD,
                    AnnexIElement.ASSESSMENT, AnnexIElement.QUALITY_ASSURANCE):  # fmt: skip
        expect(main.get_by_role("term").filter(has_text=element.short_label("pl"))).to_have_count(1)
    journey.check(page, f"registry-page-{width}")
    main.get_by_role("link", name=LEGAL_NAME, exact=True).click()
    page.wait_for_url(re.compile(r"/registry/providers/[\w-]+/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(LEGAL_NAME)
    expect(page.get_by_role("main").get_by_role("link", name=TITLE_PL)).to_have_count(1)
    journey.check(page, f"provider-profile-{width}")
    context.close()


def test_a_provider_s_journey_from_registration_to_the_registry(
    browser: Any,  # noqa: F811
    live_server: Any,
    shared: Path,
    tmp_path: Path,
) -> None:
    founder = user_create(email=FOUNDER, password=PASSWORD, full_name="Anna Nowak")
    body = organisation_create(name="Komisja Jakości", kind=OrganisationKind.QA_BODY, now=NOW)
    officer = user_create(email=OFFICER, password=PASSWORD, full_name="Jan Kowalski")
    membership_grant(user=officer, organisation=body, role=Role.QA_OFFICER, now=NOW)
    skill = _esco_skill(shared, tmp_path)
    base, journey = live_server.url, Journey()

    provider_page = _log_in(browser, base, founder.email)
    qa_page = _log_in(browser, base, officer.email)
    provider_url = _register(provider_page, base, journey)
    _verify(qa_page, base, journey)
    _design(provider_page, provider_url, skill, journey)
    _approve(qa_page, base, journey)
    for width in ("desktop", "phone"):
        _visit(browser, base, width, journey)
    provider_page.context.close()
    qa_page.context.close()
    assert {where: found for where, found in journey.problems.items() if found} == {}
