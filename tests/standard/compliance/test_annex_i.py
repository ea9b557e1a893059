"""Annex I elements in the compliance report: present, weak, missing, at-award or
not-applicable, each with its reason codes.

Every test starts from :func:`._builders.full_spec` and changes one thing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from microcred.standard.annexes import AnnexIElement as E
from microcred.standard.compliance import ElementResult, check
from microcred.standard.compliance import ElementStatus as S
from microcred.standard.compliance import messages as m
from microcred.standard.compliance.report import Message
from microcred.standard.elements import MicroCredentialSpec
from microcred.standard.vocab import Country

from ._builders import NOW, body, full_spec, make_award, make_spec, outcome


def result(element: E, **changes: Any) -> ElementResult:
    """The element's result for :func:`full_spec` with ``changes``."""
    return check(make_spec(**changes), now=NOW).element(element)


def award_result(element: E, *, now: dt.datetime = NOW, **changes: Any) -> ElementResult:
    """The element's result for :func:`make_award` with ``changes``."""
    return check(make_award(**changes), now=now).element(element)


def codes(element_result: ElementResult) -> list[str]:
    return [reason.code for reason in element_result.reasons]


# --- the full design, and each element taken away -----------------------------------------
FULL = {
    E.LEARNER: (S.AT_AWARD, [m.LEARNER_AT_AWARD]),
    E.TITLE: (S.PRESENT, [m.ELEMENT_PRESENT]),
    E.COUNTRY: (S.PRESENT, [m.ELEMENT_PRESENT]),
    E.AWARDING_BODY: (S.PRESENT, [m.ELEMENT_PRESENT]),
    E.DATE_OF_ISSUE: (S.AT_AWARD, [m.DATE_AT_AWARD]),
    E.LEARNING_OUTCOMES: (S.PRESENT, [m.OUTCOMES_COUNT, m.OUTCOMES_ESCO]),
    E.WORKLOAD: (S.PRESENT, [m.WORKLOAD_ECTS, m.WORKLOAD_HOURS]),
    E.LEVEL: (S.PRESENT, [m.LEVEL_CLAIMED, m.LEVEL_CLAIMED]),
    E.ASSESSMENT: (S.PRESENT, [m.ASSESSMENT_METHODS]),
    E.PARTICIPATION: (S.PRESENT, [m.ELEMENT_PRESENT]),
    E.QUALITY_ASSURANCE: (S.PRESENT, [m.QA_TYPES]),
    E.PREREQUISITES: (S.PRESENT, [m.ELEMENT_PRESENT]),
    E.SUPERVISION: (S.PRESENT, [m.ELEMENT_PRESENT]),
    E.GRADE: (S.AT_AWARD, [m.GRADE_AT_AWARD]),
    E.INTEGRATION: (S.PRESENT, [m.ELEMENT_PRESENT, m.ELEMENT_PRESENT]),
    E.FURTHER_INFORMATION: (S.PRESENT, [m.ELEMENT_PRESENT]),
}


def test_every_element_is_checked_once_in_annex_order() -> None:
    report = check(make_spec(), now=NOW)
    assert [r.element for r in report.elements] == list(E)
    assert set(FULL) == set(E)


def test_eleven_elements_are_mandatory() -> None:
    report = check(make_spec(), now=NOW)
    optional = {r.element for r in report.elements if not r.mandatory}
    assert optional == {
        E.PREREQUISITES,
        E.SUPERVISION,
        E.GRADE,
        E.INTEGRATION,
        E.FURTHER_INFORMATION,
    }


@pytest.mark.parametrize(("element", "expected"), FULL.items(), ids=str)
def test_full_design(element: E, expected: tuple[S, list[Message]]) -> None:
    status, messages = expected
    found = result(element)
    assert found.status is status
    assert codes(found) == [message.code for message in messages]


ABSENT = {
    E.LEARNER: (
        {"learner_identification": []},
        S.MISSING,
        [m.LEARNER_NOT_DECLARED],
    ),
    E.TITLE: ({"title": None}, S.MISSING, [m.ELEMENT_MISSING]),
    E.COUNTRY: ({"awarding_bodies": []}, S.MISSING, [m.ELEMENT_MISSING]),
    E.AWARDING_BODY: ({"awarding_bodies": []}, S.MISSING, [m.ELEMENT_MISSING]),
    E.LEARNING_OUTCOMES: ({"learning_outcomes": []}, S.MISSING, [m.ELEMENT_MISSING]),
    E.WORKLOAD: ({"workload": None}, S.MISSING, [m.ELEMENT_MISSING]),
    E.LEVEL: ({"levels": []}, S.NOT_APPLICABLE, [m.LEVEL_NOT_CLAIMED]),
    E.ASSESSMENT: ({"assessment": None}, S.MISSING, [m.ASSESSMENT_UNSTATED]),
    E.PARTICIPATION: ({"form_of_participation": None}, S.MISSING, [m.ELEMENT_MISSING]),
    E.QUALITY_ASSURANCE: ({"quality_assurance": None}, S.MISSING, [m.ELEMENT_MISSING]),
    E.PREREQUISITES: ({"prerequisites": None}, S.NOT_APPLICABLE, [m.OPTIONAL_NOT_GIVEN]),
    E.SUPERVISION: ({"supervision": None}, S.NOT_APPLICABLE, [m.OPTIONAL_NOT_GIVEN]),
    E.GRADE: ({"grading": None}, S.NOT_APPLICABLE, [m.OPTIONAL_NOT_GIVEN]),
    E.INTEGRATION: ({"integration": None}, S.NOT_APPLICABLE, [m.OPTIONAL_NOT_GIVEN]),
    E.FURTHER_INFORMATION: (
        {"further_information": None},
        S.NOT_APPLICABLE,
        [m.OPTIONAL_NOT_GIVEN],
    ),
}


def test_every_design_element_can_be_left_out() -> None:
    # The date of issue belongs to each award; it is left out of an award below.
    assert set(ABSENT) == set(E) - {E.DATE_OF_ISSUE}


@pytest.mark.parametrize(("element", "case"), ABSENT.items(), ids=str)
def test_element_left_out(element: E, case: tuple[dict[str, Any], S, list[Message]]) -> None:
    changes, status, messages = case
    found = result(element, **changes)
    assert found.status is status
    assert codes(found) == [message.code for message in messages]


def test_empty_design_is_reported_not_refused() -> None:
    report = check(MicroCredentialSpec(), now=NOW)
    statuses = {r.element: r.status for r in report.elements}
    assert statuses == {
        E.LEARNER: S.MISSING,
        E.TITLE: S.MISSING,
        E.COUNTRY: S.MISSING,
        E.AWARDING_BODY: S.MISSING,
        E.DATE_OF_ISSUE: S.AT_AWARD,
        E.LEARNING_OUTCOMES: S.MISSING,
        E.WORKLOAD: S.MISSING,
        E.LEVEL: S.NOT_APPLICABLE,
        E.ASSESSMENT: S.MISSING,
        E.PARTICIPATION: S.MISSING,
        E.QUALITY_ASSURANCE: S.MISSING,
        E.PREREQUISITES: S.NOT_APPLICABLE,
        E.SUPERVISION: S.NOT_APPLICABLE,
        E.GRADE: S.NOT_APPLICABLE,
        E.INTEGRATION: S.NOT_APPLICABLE,
        E.FURTHER_INFORMATION: S.NOT_APPLICABLE,
    }


# --- 1. identification of the learner -----------------------------------------------------
@pytest.mark.parametrize(
    ("attributes", "status", "messages"),
    [
        pytest.param(["full-name", "national-id"], S.AT_AWARD, [m.LEARNER_AT_AWARD], id="pesel"),
        pytest.param(["full-name", "student-id"], S.AT_AWARD, [m.LEARNER_AT_AWARD], id="album"),
        pytest.param(
            ["full-name"], S.AT_AWARD, [m.LEARNER_AT_AWARD, m.LEARNER_NAME_ONLY], id="name-only"
        ),
        pytest.param(
            ["email", "student-id"], S.WEAK, [m.LEARNER_AT_AWARD, m.LEARNER_NO_NAME], id="no-name"
        ),
    ],
)
def test_learner_identification_declared_by_the_design(
    attributes: list[str], status: S, messages: list[Message]
) -> None:
    found = result(E.LEARNER, learner_identification=attributes)
    assert found.status is status
    assert codes(found) == [message.code for message in messages]


def test_award_learner_with_date_of_birth_is_present() -> None:
    found = award_result(E.LEARNER)
    assert found.status is S.PRESENT
    assert codes(found) == [m.LEARNER_AT_AWARD.code]


def test_award_learner_with_a_name_only_is_weak() -> None:
    found = award_result(E.LEARNER, learner={"given_name": "Anna", "family_name": "Kowalska"})
    assert found.status is S.WEAK
    assert codes(found) == [
        m.LEARNER_AT_AWARD.code,
        m.LEARNER_PROMISED_MISSING.code,
        m.LEARNER_NAME_ONLY.code,
    ]


def test_award_must_record_what_the_design_promises() -> None:
    learner = {"given_name": "Jan", "family_name": "Nowak", "email": "jan.nowak@example.pl"}
    found = award_result(E.LEARNER, learner=learner)  # the design promises a date of birth
    assert found.status is S.WEAK
    assert codes(found) == [m.LEARNER_AT_AWARD.code, m.LEARNER_PROMISED_MISSING.code]
    assert "date of birth" in found.reasons[1].en
    assert "data urodzenia" in found.reasons[1].pl


def test_award_without_learner_is_missing() -> None:
    found = award_result(E.LEARNER, learner=None)
    assert found.status is S.MISSING
    assert codes(found) == [m.ELEMENT_MISSING.code]


def test_award_without_promises_judges_the_learner_record() -> None:
    spec = full_spec() | {"learner_identification": []}
    learner = {"given_name": "Jan", "family_name": "Nowak", "email": "jan.nowak@example.pl"}
    found = award_result(E.LEARNER, spec=spec, learner=learner)
    assert found.status is S.PRESENT


# --- 2. title -----------------------------------------------------------------------------
def test_title_too_short_is_weak() -> None:
    found = result(E.TITLE, title={"pl": "SQL", "en": "SQL"})
    assert found.status is S.WEAK
    assert codes(found) == [m.ELEMENT_PRESENT.code, m.TITLE_TOO_SHORT.code]


def test_title_of_four_characters_is_enough() -> None:
    assert result(E.TITLE, title={"pl": "Java", "en": "Java"}).status is S.PRESENT


def test_title_in_one_language_gets_advice() -> None:
    found = result(E.TITLE, title={"pl": "Analiza danych w arkuszu kalkulacyjnym"})
    assert found.status is S.PRESENT
    assert codes(found) == [m.ELEMENT_PRESENT.code, m.TITLE_ONE_LANGUAGE.code]


def test_a_foreign_provider_is_asked_for_english_not_polish() -> None:
    """The second language of a title is English and the provider's own: a German title
    is asked for English, never for Polish; an English-only title for the provider's own
    language."""
    german = result(E.TITLE, title={"de": "Datenanalyse in der Tabellenkalkulation"})
    advice = german.reasons[-1]
    assert advice.code == m.TITLE_ONE_LANGUAGE.code
    assert "English" in advice.en
    assert "Polish" not in advice.en
    assert "po polsku" not in advice.pl
    assert "niemiecki" in advice.pl
    english = result(E.TITLE, title={"en": "Data analysis in a spreadsheet"})
    assert english.reasons[-1].code == m.TITLE_ENGLISH_ONLY.code


# --- 3. country/region, 4. awarding body --------------------------------------------------
def test_country_of_every_awarding_body() -> None:
    partner = body(name={"pl": "Volkshochschule Görlitz", "en": "Görlitz Adult School"})
    partner |= {"country": "DE", "region": None}
    found = result(E.COUNTRY, awarding_bodies=[body(), partner])
    assert found.status is S.PRESENT
    assert codes(found) == [m.ELEMENT_PRESENT.code]
    assert Country.DE.label("pl") in found.reasons[0].pl
    assert Country.PL.label("en") in found.reasons[0].en


def test_awarding_body_without_legal_identifier_gets_advice() -> None:
    found = result(E.AWARDING_BODY, awarding_bodies=[body(legal_identifier=None)])
    assert found.status is S.PRESENT
    assert codes(found) == [m.ELEMENT_PRESENT.code, m.AWARDING_BODY_NO_LEGAL_ID.code]


def test_each_awarding_body_without_legal_identifier_is_named() -> None:
    partner = body(name={"pl": "Fundacja Cyfrowa", "en": "Digital Foundation"})
    partner |= {"legal_identifier": None}
    found = result(E.AWARDING_BODY, awarding_bodies=[body(), partner])
    assert codes(found) == [m.ELEMENT_PRESENT.code, m.AWARDING_BODY_NO_LEGAL_ID.code]
    assert found.reasons[1] == m.AWARDING_BODY_NO_LEGAL_ID(
        name="Digital Foundation", name_pl="Fundacja Cyfrowa"
    )


# --- 5. date of issue ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("issued_on", "status", "messages"),
    [
        pytest.param("2025-06-19", S.PRESENT, [m.ELEMENT_PRESENT], id="yesterday"),
        pytest.param("2025-06-20", S.PRESENT, [m.ELEMENT_PRESENT], id="today"),
        pytest.param("2025-06-21", S.WEAK, [m.ELEMENT_PRESENT, m.DATE_IN_FUTURE], id="tomorrow"),
        pytest.param(None, S.MISSING, [m.ELEMENT_MISSING], id="not-given"),
    ],
)
def test_award_date_of_issue(issued_on: str | None, status: S, messages: list[Message]) -> None:
    found = award_result(E.DATE_OF_ISSUE, issued_on=issued_on)
    assert found.status is status
    assert codes(found) == [message.code for message in messages]


def test_date_of_issue_is_judged_against_the_injected_now() -> None:
    later = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    assert award_result(E.DATE_OF_ISSUE, issued_on="2025-12-24").status is S.WEAK
    assert award_result(E.DATE_OF_ISSUE, issued_on="2025-12-24", now=later).status is S.PRESENT


def test_future_date_reason_names_the_date() -> None:
    found = award_result(E.DATE_OF_ISSUE, issued_on="2025-12-24")
    assert m.DATE_IN_FUTURE(date="2025-12-24") in found.reasons


# --- 6. learning outcomes -----------------------------------------------------------------
GOOD_OUTCOME = outcome(
    "Uczestnik potrafi zbudować tabelę przestawną podsumowującą dane sprzedażowe.",
    "The learner can build a pivot table that summarises sales data.",
)
INTENT_OUTCOME = outcome(
    "Kurs obejmuje podstawy formatowania warunkowego.",
    "The course covers the basics of conditional formatting.",
)
ACTIVITY_OUTCOMES = [
    outcome(
        "Uczestnik wziął udział w webinarze o arkuszach kalkulacyjnych.",
        "The participant attended a webinar on spreadsheets.",
    ),
    outcome("Uczestniczył w sesji pytań i odpowiedzi.", "Took part in a Q&A session."),
]


def test_outcomes_counted_and_esco_alignment_counted() -> None:
    found = result(E.LEARNING_OUTCOMES)
    assert found.reasons == (m.OUTCOMES_COUNT(n=2), m.OUTCOMES_ESCO(n=1))


def test_outcomes_without_esco_are_still_present() -> None:
    found = result(E.LEARNING_OUTCOMES, learning_outcomes=[GOOD_OUTCOME])
    assert found.status is S.PRESENT
    assert codes(found) == [m.OUTCOMES_COUNT.code]


def test_one_weak_outcome_makes_the_element_weak_and_is_named_per_language() -> None:
    found = result(E.LEARNING_OUTCOMES, learning_outcomes=[GOOD_OUTCOME, INTENT_OUTCOME])
    assert found.status is S.WEAK
    assert codes(found) == [m.OUTCOMES_COUNT.code, m.OUTCOME_INTENT.code, m.OUTCOME_INTENT.code]
    pl, en = INTENT_OUTCOME["statement"]["pl"], INTENT_OUTCOME["statement"]["en"]
    assert found.reasons[1] == m.OUTCOME_INTENT(n=2, lang="pl", text=pl)
    assert found.reasons[2] == m.OUTCOME_INTENT(n=2, lang="en", text=en)


def test_every_outcome_an_activity() -> None:
    found = result(E.LEARNING_OUTCOMES, learning_outcomes=ACTIVITY_OUTCOMES)
    assert found.status is S.WEAK
    assert codes(found) == [
        m.OUTCOMES_COUNT.code,
        *[m.OUTCOME_ACTIVITY.code] * 4,
        m.OUTCOMES_ALL_ACTIVITIES.code,
    ]


def test_some_outcomes_activities_is_not_all_activities() -> None:
    found = result(E.LEARNING_OUTCOMES, learning_outcomes=[GOOD_OUTCOME, ACTIVITY_OUTCOMES[0]])
    assert found.status is S.WEAK
    assert m.OUTCOME_ACTIVITY.code in codes(found)
    assert m.OUTCOMES_ALL_ACTIVITIES.code not in codes(found)


def test_activity_in_one_language_makes_the_outcome_an_activity() -> None:
    mixed = outcome(
        "Uczestnik wziął udział w webinarze o arkuszach kalkulacyjnych.",
        "The learner can build a pivot table that summarises sales data.",
    )
    found = result(E.LEARNING_OUTCOMES, learning_outcomes=[mixed])
    assert codes(found)[-1] == m.OUTCOMES_ALL_ACTIVITIES.code


def test_unobservable_outcome_gets_advice_only() -> None:
    zna = outcome("Zna i rozumie zasady ochrony danych osobowych.")
    found = result(E.LEARNING_OUTCOMES, learning_outcomes=[GOOD_OUTCOME, zna])
    assert found.status is S.PRESENT
    assert found.reasons[1] == m.OUTCOME_UNOBSERVABLE(
        n=2, lang="pl", text=zna["statement"]["pl"], verb="zna"
    )


def test_long_outcome_is_quoted_shortened() -> None:
    text = "The learner can " + "carefully " * 70 + "build a pivot table."
    found = result(E.LEARNING_OUTCOMES, learning_outcomes=[{"statement": {"en": text}}])
    assert found.status is S.PRESENT
    assert found.reasons[1] == m.OUTCOME_TOO_LONG(n=1, lang="en", text=text[:77] + "...", words=77)


def test_duplicate_outcome_gets_advice() -> None:
    shouting = outcome(
        GOOD_OUTCOME["statement"]["pl"].upper(), GOOD_OUTCOME["statement"]["en"].upper()
    )
    found = result(E.LEARNING_OUTCOMES, learning_outcomes=[GOOD_OUTCOME, shouting])
    assert found.status is S.PRESENT
    assert found.reasons[-1] == m.OUTCOME_DUPLICATE(n=2, first=1)


def test_outcome_in_another_language_is_not_judged_by_polish_or_english_rules() -> None:
    german = {"statement": {"de": "Der Teilnehmer hat am Webinar teilgenommen."}}
    found = result(E.LEARNING_OUTCOMES, learning_outcomes=[german])
    assert found.status is S.PRESENT
    assert codes(found) == [m.OUTCOMES_COUNT.code]


# --- 7. workload --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("workload", "status", "messages"),
    [
        pytest.param({"ects": 2}, S.PRESENT, [m.WORKLOAD_ECTS], id="ects-only"),
        pytest.param(
            {"hours": 40}, S.PRESENT, [m.WORKLOAD_HOURS, m.WORKLOAD_HOURS_ONLY], id="hours-only"
        ),
        pytest.param(
            {"description": {"pl": "kilka spotkań w weekendy"}},
            S.WEAK,
            [m.WORKLOAD_NO_AMOUNT],
            id="no-amount",
        ),
        pytest.param(
            {"ects": 1, "hours": 100},
            S.PRESENT,
            [m.WORKLOAD_ECTS, m.WORKLOAD_HOURS, m.WORKLOAD_INCONSISTENT],
            id="100h-per-ects",
        ),
        pytest.param(
            {"ects": 90, "hours": 2500},
            S.PRESENT,
            [m.WORKLOAD_ECTS, m.WORKLOAD_LARGE, m.WORKLOAD_HOURS],
            id="90-ects",
        ),
        pytest.param(
            {"ects": 60, "hours": 1600},
            S.PRESENT,
            [m.WORKLOAD_ECTS, m.WORKLOAD_HOURS],
            id="60-ects",
        ),
    ],
)
def test_workload(workload: dict[str, Any], status: S, messages: list[Message]) -> None:
    found = result(E.WORKLOAD, workload=workload)
    assert found.status is status
    assert codes(found) == [message.code for message in messages]


@pytest.mark.parametrize(
    ("ects", "hours", "consistent"),
    [
        ("1", "19", False),
        ("1", "20", True),
        ("1", "25", True),
        ("1", "36", True),
        ("1", "37", False),
        ("2", "50", True),
        ("1.5", "40", True),
        ("2", "10", False),
    ],
)
def test_workload_hours_per_ects(ects: str, hours: str, consistent: bool) -> None:
    found = result(E.WORKLOAD, workload={"ects": ects, "hours": hours})
    assert found.status is S.PRESENT
    assert (m.WORKLOAD_INCONSISTENT.code not in codes(found)) is consistent


def test_inconsistent_workload_reason_gives_the_ratio() -> None:
    found = result(E.WORKLOAD, workload={"ects": 2, "hours": 10})
    assert found.reasons[-1] == m.WORKLOAD_INCONSISTENT(hours="10", ects="2", ratio="5.0")


# --- 8. level -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("levels", "status", "messages"),
    [
        pytest.param([{"framework": "prk", "value": 5}], S.PRESENT, [m.LEVEL_CLAIMED], id="prk"),
        pytest.param([{"value": 4}], S.WEAK, [m.LEVEL_NO_FRAMEWORK], id="no-framework"),
        pytest.param(
            [{"framework": "eqf", "value": 4}, {"framework": "prk", "value": 6}],
            S.WEAK,
            [m.LEVEL_CLAIMED, m.LEVEL_CLAIMED, m.LEVEL_INCONSISTENT],
            id="eqf4-prk6",
        ),
        pytest.param(
            [{"framework": "qf-ehea", "value": "first-cycle"}, {"framework": "eqf", "value": 6}],
            S.PRESENT,
            [m.LEVEL_CLAIMED, m.LEVEL_CLAIMED],
            id="first-cycle-is-eqf6",
        ),
        pytest.param(
            [{"framework": "qf-ehea", "value": "first-cycle"}, {"framework": "eqf", "value": 5}],
            S.WEAK,
            [m.LEVEL_CLAIMED, m.LEVEL_CLAIMED, m.LEVEL_INCONSISTENT],
            id="first-cycle-is-not-eqf5",
        ),
    ],
)
def test_level(levels: list[dict[str, Any]], status: S, messages: list[Message]) -> None:
    found = result(E.LEVEL, levels=levels)
    assert found.status is status
    assert codes(found) == [message.code for message in messages]


# --- 9. type of assessment ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("methods", "status", "messages"),
    [
        pytest.param(
            ["none"], S.MISSING, [m.ASSESSMENT_METHODS, m.ASSESSMENT_NONE], id="attendance-only"
        ),
        pytest.param(
            ["project", "none"],
            S.WEAK,
            [m.ASSESSMENT_METHODS, m.ASSESSMENT_NONE_MIXED],
            id="none-with-project",
        ),
        pytest.param(
            ["self-assessment"],
            S.WEAK,
            [m.ASSESSMENT_METHODS, m.ASSESSMENT_SELF_ONLY],
            id="self-assessment-only",
        ),
        pytest.param(
            ["self-assessment", "peer-assessment"],
            S.PRESENT,
            [m.ASSESSMENT_METHODS],
            id="self-and-peer",
        ),
        pytest.param(["oral-exam"], S.PRESENT, [m.ASSESSMENT_METHODS], id="oral-exam"),
    ],
)
def test_assessment_methods(methods: list[str], status: S, messages: list[Message]) -> None:
    criteria = full_spec()["assessment"]["criteria"]
    found = result(E.ASSESSMENT, assessment={"methods": methods, "criteria": criteria})
    assert found.status is status
    assert codes(found) == [message.code for message in messages]


def test_assessment_without_criteria_gets_advice() -> None:
    found = result(E.ASSESSMENT, assessment={"methods": ["project"]})
    assert found.status is S.PRESENT
    assert codes(found) == [m.ASSESSMENT_METHODS.code, m.ASSESSMENT_NO_CRITERIA.code]


# --- 10. form of participation ------------------------------------------------------------
@pytest.mark.parametrize("form", ["online", "onsite", "blended"])
def test_form_of_participation(form: str) -> None:
    found = result(E.PARTICIPATION, form_of_participation=form)
    assert found.status is S.PRESENT
    assert codes(found) == [m.ELEMENT_PRESENT.code]


# --- 11. quality assurance ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("types", "messages"),
    [
        pytest.param(["internal"], [m.QA_TYPES, m.QA_INTERNAL_ONLY], id="internal-only"),
        pytest.param(["external-programme"], [m.QA_TYPES], id="external-only"),
        pytest.param(["internal", "eqavet"], [m.QA_TYPES], id="internal-and-eqavet"),
    ],
)
def test_quality_assurance(types: list[str], messages: list[Message]) -> None:
    found = result(E.QUALITY_ASSURANCE, quality_assurance={"types": types})
    assert found.status is S.PRESENT
    assert codes(found) == [message.code for message in messages]


# --- 12. prerequisites, 13. supervision ---------------------------------------------------
def test_prerequisites_in_one_language_are_present() -> None:
    found = result(E.PREREQUISITES, prerequisites={"pl": "Ukończone 18 lat."})
    assert found.status is S.PRESENT
    assert codes(found) == [m.ELEMENT_PRESENT.code]


@pytest.mark.parametrize(
    "level", ["unsupervised-no-id", "supervised-no-id", "supervised-online-id"]
)
def test_any_supervision_level_is_present(level: str) -> None:
    found = result(E.SUPERVISION, supervision=level)
    assert found.status is S.PRESENT
    assert codes(found) == [m.ELEMENT_PRESENT.code]


# --- 14. grade ----------------------------------------------------------------------------
def test_award_with_grade_is_present() -> None:
    found = award_result(E.GRADE)
    assert found.status is S.PRESENT
    assert codes(found) == [m.ELEMENT_PRESENT.code]


def test_award_grade_without_a_grading_scheme_is_present() -> None:
    spec = full_spec() | {"grading": None}
    assert award_result(E.GRADE, spec=spec).status is S.PRESENT


def test_award_without_grade_under_a_grading_scheme_is_weak() -> None:
    found = award_result(E.GRADE, grade=None)
    assert found.status is S.WEAK
    assert codes(found) == [m.GRADE_NOT_RECORDED.code]


def test_award_without_grade_or_scheme_is_not_applicable() -> None:
    found = award_result(E.GRADE, spec=full_spec() | {"grading": None}, grade=None)
    assert found.status is S.NOT_APPLICABLE
    assert codes(found) == [m.OPTIONAL_NOT_GIVEN.code]


PASS_FAIL = [
    {"name": {"pl": "niezaliczone", "en": "fail"}, "passing": False},
    {"name": {"pl": "zaliczone", "en": "pass"}},
]


def test_award_grade_on_the_scale_is_present() -> None:
    found = award_result(E.GRADE, spec=full_spec() | {"grading_scale": PASS_FAIL})
    assert found.status is S.PRESENT
    assert codes(found) == [m.ELEMENT_PRESENT.code]


@pytest.mark.parametrize(
    ("grade", "code"),
    [
        ({"pl": "bardzo dobry", "en": "very good"}, "grade_not_on_scale"),
        ({"pl": "niezaliczone", "en": "fail"}, "grade_failing"),
        ({"pl": "zaliczone", "en": "fail"}, "grade_ambiguous"),
    ],
    ids=["not-on-scale", "failing", "translations-disagree"],
)
def test_award_grade_off_the_scale_is_weak(grade: dict[str, str], code: str) -> None:
    """Someone else's award is reported, not refused: the grade is weak, with the
    standard's reason in both languages."""
    spec = full_spec() | {"grading_scale": PASS_FAIL}
    found = award_result(E.GRADE, spec=spec, grade=grade)
    assert found.status is S.WEAK
    assert codes(found) == [m.ELEMENT_PRESENT.code, m.GRADE_OFF_SCALE.code]
    reason = found.reasons[-1]
    assert grade["en"] in reason.en or grade["pl"] in reason.en
    assert "skal" in reason.pl
    assert check(make_award(spec=spec, grade=grade), now=NOW).verdict.value == "micro-credential"


def test_a_scale_without_a_grading_text_names_its_grades() -> None:
    spec = full_spec() | {"grading": None, "grading_scale": PASS_FAIL}
    found = check(MicroCredentialSpec.model_validate(spec), now=NOW).element(E.GRADE)
    assert found.status is S.AT_AWARD
    assert found.reasons[0].en == m.GRADE_AT_AWARD.en.format(scheme="fail / pass")


# --- 15. integration/stackability ---------------------------------------------------------
@pytest.mark.parametrize(
    ("integration", "status", "messages"),
    [
        pytest.param({"option": "stand-alone"}, S.PRESENT, [m.ELEMENT_PRESENT], id="stand-alone"),
        pytest.param(
            {"option": "stackable"},
            S.WEAK,
            [m.ELEMENT_PRESENT, m.INTEGRATION_NO_TARGET],
            id="stackable-towards-nothing",
        ),
        pytest.param(
            {"option": "integrated"},
            S.WEAK,
            [m.ELEMENT_PRESENT, m.INTEGRATION_NO_TARGET],
            id="integrated-into-nothing",
        ),
        pytest.param(
            {"option": "integrated", "towards": [{"pl": "Studia podyplomowe"}, {"en": "MBA"}]},
            S.PRESENT,
            [m.ELEMENT_PRESENT] * 3,
            id="integrated-into-two",
        ),
    ],
)
def test_integration(integration: dict[str, Any], status: S, messages: list[Message]) -> None:
    found = result(E.INTEGRATION, integration=integration)
    assert found.status is status
    assert codes(found) == [message.code for message in messages]


# --- 16. further information --------------------------------------------------------------
@pytest.mark.parametrize(
    "info",
    [
        pytest.param({"url": "https://cku.example.pl/arkusze"}, id="url"),
        pytest.param({"text": {"pl": "Zapisy w sekretariacie."}}, id="text"),
    ],
)
def test_further_information(info: dict[str, Any]) -> None:
    found = result(E.FURTHER_INFORMATION, further_information=info)
    assert found.status is S.PRESENT
    assert codes(found) == [m.ELEMENT_PRESENT.code]
