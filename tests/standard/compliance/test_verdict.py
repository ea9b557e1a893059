"""The verdict (micro-credential, participation badge or incomplete), the report's JSON
form in Polish and English, and the verdict of every example design.

Designs are built from the full design of :mod:`.test_elements`, changing one thing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from microcred.standard import designfile
from microcred.standard.annexes import AnnexIElement as E
from microcred.standard.compliance import ComplianceReport, Reason, Verdict, check
from microcred.standard.compliance import messages as m
from microcred.standard.compliance.report import Message
from microcred.standard.messages import Severity

from ...conftest import EXAMPLES
from ._builders import NOW, body, full_spec, make_award, make_spec, outcome

GOOD = full_spec()["learning_outcomes"]
ACTIVITIES_PL = [
    outcome("Uczestnik wziął udział w webinarze o najnowszych zagrożeniach w sieci."),
    outcome("Uczestniczył w sesji pytań i odpowiedzi z ekspertem."),
]
ACTIVITIES_EN = [
    {"statement": {"en": "The participant attended a webinar on the latest online threats."}},
    {"statement": {"en": "Took part in a Q&A session with an expert."}},
]
ACTIVITIES_BOTH = [
    outcome(
        "Uczestnik wziął udział w webinarze o najnowszych zagrożeniach w sieci.",
        "The participant attended a webinar on the latest online threats.",
    ),
    outcome("Uczestniczył w sesji pytań i odpowiedzi.", "Took part in a Q&A session."),
]


def report(**changes: Any) -> ComplianceReport:
    return check(make_spec(**changes), now=NOW)


def incomplete(*elements: E) -> Reason:
    """The verdict reason that names ``elements`` as missing or weak."""
    return m.VERDICT_INCOMPLETE(
        elements=", ".join(e.short_label("en") for e in elements),
        elements_pl=", ".join(e.short_label("pl") for e in elements),
    )


def test_full_design_is_a_micro_credential() -> None:
    found = report()
    assert found.verdict is Verdict.MICRO_CREDENTIAL
    assert found.is_micro_credential
    assert found.verdict_reasons == (m.VERDICT_OK(),)


# --- participation badge ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("changes", "reasons"),
    [
        pytest.param({"learning_outcomes": []}, [m.VERDICT_NO_OUTCOMES], id="no-outcomes"),
        pytest.param(
            {"learning_outcomes": ACTIVITIES_PL}, [m.VERDICT_ONLY_ACTIVITIES], id="activities-pl"
        ),
        pytest.param(
            {"learning_outcomes": ACTIVITIES_EN}, [m.VERDICT_ONLY_ACTIVITIES], id="activities-en"
        ),
        pytest.param(
            {"learning_outcomes": ACTIVITIES_BOTH},
            [m.VERDICT_ONLY_ACTIVITIES],
            id="activities-pl-en",
        ),
        pytest.param(
            {"assessment": {"methods": ["none"]}},
            [m.VERDICT_NO_ASSESSMENT],
            id="attendance-only",
        ),
        pytest.param(
            {"learning_outcomes": ACTIVITIES_BOTH, "assessment": {"methods": ["none"]}},
            [m.VERDICT_ONLY_ACTIVITIES, m.VERDICT_NO_ASSESSMENT],
            id="webinar",
        ),
    ],
)
def test_participation_badge(changes: dict[str, Any], reasons: list[Message]) -> None:
    found = report(**changes)
    assert found.verdict is Verdict.PARTICIPATION_BADGE
    assert not found.is_micro_credential
    assert found.verdict_reasons == tuple(message() for message in reasons)


def test_participation_badge_outranks_incomplete() -> None:
    found = report(learning_outcomes=[], quality_assurance=None)
    assert found.verdict is Verdict.PARTICIPATION_BADGE


def test_an_assessment_not_stated_is_missing_not_a_badge() -> None:
    """A course whose description leaves the assessment out (a postgraduate course's page
    often does) is incomplete, and told to say how it assesses: only a design that says
    there is no assessment is a participation badge."""
    found = report(assessment=None)
    assert found.verdict is Verdict.INCOMPLETE
    assert found.verdict_reasons == (incomplete(E.ASSESSMENT),)
    assessment = next(r for r in found.elements if r.element is E.ASSESSMENT)
    assert [r.code for r in assessment.reasons] == [m.ASSESSMENT_UNSTATED.code]  # fmt: skip


@pytest.mark.parametrize(
    ("assessment", "hinted"),
    [
        pytest.param({"methods": ["other"]}, True, id="other-alone"),
        pytest.param(
            {"methods": ["other"], "description": {"en": "A viva."}}, False, id="other-described"
        ),
        pytest.param({"methods": ["other", "project"]}, False, id="other-and-project"),
    ],
)
def test_other_alone_is_hinted_as_still_unstated(assessment: dict[str, Any], hinted: bool) -> None:
    found = report(assessment={"criteria": {"en": "Rubric."}} | assessment)
    element = next(r for r in found.elements if r.element is E.ASSESSMENT)
    assert (m.ASSESSMENT_OTHER_ONLY.code in [r.code for r in element.reasons]) is hinted
    assert m.ASSESSMENT_OTHER_ONLY.severity is Severity.ADVICE  # a hint, not a flaw


def test_some_activities_among_outcomes_is_incomplete_not_a_badge() -> None:
    found = report(learning_outcomes=[*GOOD, ACTIVITIES_BOTH[0]])
    assert found.verdict is Verdict.INCOMPLETE
    assert found.verdict_reasons == (incomplete(E.LEARNING_OUTCOMES),)


@pytest.mark.parametrize(
    "methods",
    [
        pytest.param(["self-assessment"], id="self-assessment"),
        pytest.param(["project", "none"], id="project-and-none"),
    ],
)
def test_weak_assessment_is_incomplete_not_a_badge(methods: list[str]) -> None:
    found = report(assessment={"methods": methods})
    assert found.verdict is Verdict.INCOMPLETE
    assert found.verdict_reasons == (incomplete(E.ASSESSMENT),)


# --- incomplete ---------------------------------------------------------------------------
INTENT = outcome(
    "Kurs obejmuje podstawy formatowania warunkowego.",
    "The course covers the basics of conditional formatting.",
)


@pytest.mark.parametrize(
    ("changes", "lacking"),
    [
        pytest.param({"learner_identification": []}, [E.LEARNER], id="learner-missing"),
        pytest.param({"learner_identification": ["email"]}, [E.LEARNER], id="learner-weak"),
        pytest.param({"title": None}, [E.TITLE], id="title-missing"),
        pytest.param({"title": {"pl": "SQL", "en": "SQL"}}, [E.TITLE], id="title-weak"),
        pytest.param(
            {"awarding_bodies": []}, [E.COUNTRY, E.AWARDING_BODY], id="awarding-body-missing"
        ),
        pytest.param({"learning_outcomes": [*GOOD, INTENT]}, [E.LEARNING_OUTCOMES], id="intent"),
        pytest.param({"workload": None}, [E.WORKLOAD], id="workload-missing"),
        pytest.param(
            {"workload": {"description": {"pl": "kilka spotkań"}}}, [E.WORKLOAD], id="workload-weak"
        ),
        pytest.param({"levels": [{"value": 4}]}, [E.LEVEL], id="level-weak"),
        pytest.param({"form_of_participation": None}, [E.PARTICIPATION], id="participation"),
        pytest.param({"quality_assurance": None}, [E.QUALITY_ASSURANCE], id="qa-missing"),
        pytest.param(
            {"title": None, "quality_assurance": None},
            [E.TITLE, E.QUALITY_ASSURANCE],
            id="two-in-annex-order",
        ),
    ],
)
def test_incomplete_names_what_is_missing_or_weak(
    changes: dict[str, Any], lacking: list[E]
) -> None:
    found = report(**changes)
    assert found.verdict is Verdict.INCOMPLETE
    assert found.verdict_reasons == (incomplete(*lacking),)


# --- still a micro-credential -------------------------------------------------------------
@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"levels": []}, id="no-level-claimed"),
        pytest.param({"integration": {"option": "stackable"}}, id="optional-element-weak"),
        pytest.param(
            {
                "prerequisites": None,
                "supervision": None,
                "grading": None,
                "integration": None,
                "further_information": None,
            },
            id="no-optional-elements",
        ),
        pytest.param({"workload": {"hours": 40}}, id="hours-only"),
        pytest.param({"quality_assurance": {"types": ["internal"]}}, id="internal-qa-only"),
        pytest.param({"awarding_bodies": [body(legal_identifier=None)]}, id="no-legal-id"),
        pytest.param({"assessment": {"methods": ["project"]}}, id="no-criteria"),
        pytest.param({"title": {"pl": "Analiza danych w arkuszu"}}, id="title-in-polish-only"),
        pytest.param(
            {"learning_outcomes": [*GOOD, outcome("Zna i rozumie zasady ochrony danych.")]},
            id="zna-i-rozumie",
        ),
        pytest.param({"relevance": None, "guidance": None}, id="annex-ii-evidence-missing"),
    ],
)
def test_advice_and_optional_elements_do_not_change_the_verdict(changes: dict[str, Any]) -> None:
    found = report(**changes)
    assert found.verdict is Verdict.MICRO_CREDENTIAL
    assert found.verdict_reasons == (m.VERDICT_OK(),)


# --- awards -------------------------------------------------------------------------------
def test_award_is_a_micro_credential() -> None:
    found = check(make_award(), now=NOW)
    assert found.verdict is Verdict.MICRO_CREDENTIAL


def test_award_without_a_grade_is_still_a_micro_credential() -> None:
    assert check(make_award(grade=None), now=NOW).verdict is Verdict.MICRO_CREDENTIAL


@pytest.mark.parametrize(
    ("changes", "lacking"),
    [
        pytest.param({"learner": None}, E.LEARNER, id="no-learner"),
        pytest.param(
            {"learner": {"given_name": "Anna", "family_name": "Kowalska"}},
            E.LEARNER,
            id="promised-attributes-missing",
        ),
        pytest.param({"issued_on": None}, E.DATE_OF_ISSUE, id="no-date"),
        pytest.param({"issued_on": "2025-06-21"}, E.DATE_OF_ISSUE, id="issued-tomorrow"),
    ],
)
def test_award_incomplete(changes: dict[str, Any], lacking: E) -> None:
    found = check(make_award(**changes), now=NOW)
    assert found.verdict is Verdict.INCOMPLETE
    assert found.verdict_reasons == (incomplete(lacking),)


def test_award_of_a_webinar_is_a_participation_badge() -> None:
    webinar = full_spec() | {"learning_outcomes": ACTIVITIES_BOTH}
    found = check(make_award(spec=webinar), now=NOW)
    assert found.verdict is Verdict.PARTICIPATION_BADGE


# --- the report in Polish and English -----------------------------------------------------
def _all_reasons(data: dict[str, Any]) -> list[dict[str, str]]:
    return [
        *data["verdict_reasons"],
        *(reason for item in data["elements"] for reason in item["reasons"]),
        *(reason for item in data["principles"] for reason in item["reasons"]),
    ]


def _report_in_both() -> ComplianceReport:
    # Incomplete, with weak, missing, advice and not-applicable reasons.
    return report(
        quality_assurance=None,
        workload={"hours": 40},
        learning_outcomes=[*GOOD, INTENT],
        integration=None,
    )


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_to_dict_is_json_and_speaks_the_language(lang: str) -> None:
    found = _report_in_both()
    data = json.loads(json.dumps(found.to_dict(lang)))
    assert data["verdict"] == "incomplete"
    assert data["verdict_label"] == Verdict.INCOMPLETE.label(lang)
    assert [e["element"] for e in data["elements"]] == [str(e) for e in E]
    assert [e["label"] for e in data["elements"]] == [e.label(lang) for e in E]
    assert [e["status"] for e in data["elements"]] == [str(r.status) for r in found.elements]
    assert [p["number"] for p in data["principles"]] == list(range(1, 11))
    reasons = [
        *found.verdict_reasons,
        *(reason for r in found.elements for reason in r.reasons),
        *(reason for r in found.principles for reason in r.reasons),
    ]
    assert [r["message"] for r in _all_reasons(data)] == [reason.text(lang) for reason in reasons]
    assert [r["severity"] for r in _all_reasons(data)] == [str(x.severity) for x in reasons]


def test_to_dict_texts_differ_between_languages_but_codes_do_not() -> None:
    found = _report_in_both()
    pl, en = found.to_dict("pl"), found.to_dict("en")
    assert pl["verdict"] == en["verdict"]
    assert pl["verdict_label"] != en["verdict_label"]
    assert [r["code"] for r in _all_reasons(pl)] == [r["code"] for r in _all_reasons(en)]
    assert [e["status"] for e in pl["elements"]] == [e["status"] for e in en["elements"]]
    assert [p["status"] for p in pl["principles"]] == [p["status"] for p in en["principles"]]
    assert pl["verdict_reasons"][0]["message"] != en["verdict_reasons"][0]["message"]
    differing = [
        code_pl
        for code_pl, text_pl, text_en in zip(
            [r["code"] for r in _all_reasons(pl)],
            [r["message"] for r in _all_reasons(pl)],
            [r["message"] for r in _all_reasons(en)],
            strict=True,
        )
        if text_pl != text_en
    ]
    for message in (
        m.ELEMENT_MISSING,
        m.WORKLOAD_HOURS_ONLY,
        m.OUTCOME_INTENT,
        m.OPTIONAL_NOT_GIVEN,
        m.P_PORTABILITY,
    ):
        assert message.code in differing


# --- the example designs ------------------------------------------------------------------
EXPECTED = {
    "agile-project-management.yaml": Verdict.MICRO_CREDENTIAL,
    "cybersecurity-webinar.yaml": Verdict.PARTICIPATION_BADGE,
    "digital-photography-draft.yaml": Verdict.INCOMPLETE,
    "energy-audit-basics.yaml": Verdict.MICRO_CREDENTIAL,
    "machine-learning-university.yaml": Verdict.MICRO_CREDENTIAL,
    "python-basics.yaml": Verdict.MICRO_CREDENTIAL,
    "spreadsheet-data-analysis.yaml": Verdict.MICRO_CREDENTIAL,
    "team-communication.yaml": Verdict.MICRO_CREDENTIAL,
    "vet-forklift-workplace.yaml": Verdict.MICRO_CREDENTIAL,
}


def test_every_example_design_has_an_expected_verdict() -> None:
    assert sorted(path.name for path in EXAMPLES.glob("*.yaml")) == sorted(EXPECTED)


@pytest.mark.parametrize(("name", "verdict"), EXPECTED.items())
def test_example_design_verdict(name: str, verdict: Verdict) -> None:
    path: Path = EXAMPLES / name
    spec = designfile.loads(path.read_bytes(), source=str(path))
    assert check(spec, now=NOW).verdict is verdict


def test_webinar_example_is_a_badge_for_both_reasons() -> None:
    path = EXAMPLES / "cybersecurity-webinar.yaml"
    found = check(designfile.loads(path.read_bytes(), source=str(path)), now=NOW)
    assert found.verdict_reasons == (m.VERDICT_ONLY_ACTIVITIES(), m.VERDICT_NO_ASSESSMENT())


def test_draft_example_names_what_is_lacking() -> None:
    path = EXAMPLES / "digital-photography-draft.yaml"
    found = check(designfile.loads(path.read_bytes(), source=str(path)), now=NOW)
    assert found.verdict_reasons == (
        incomplete(E.LEARNING_OUTCOMES, E.WORKLOAD, E.LEVEL, E.QUALITY_ASSURANCE),
    )


@pytest.mark.parametrize("verdict", list(Verdict), ids=str)
def test_every_verdict_has_a_label_in_english_and_polish(verdict: Verdict) -> None:
    assert verdict.label("en") != verdict.label("pl")
    assert verdict.label("de") == verdict.label("en")
