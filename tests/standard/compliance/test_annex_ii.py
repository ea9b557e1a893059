"""Annex II principles in the compliance report: evidenced, partial or not evidenced by
the design, and portability provided by the platform.

Each case starts from the full design of :mod:`.test_elements` and takes away some of
the evidence; the reasons list the evidence looked for, given (``+``) or not (``-``), in
the order :mod:`microcred.standard.compliance.annex_ii` lists it.
"""

from __future__ import annotations

from typing import Any

import pytest

from microcred.standard.annexes import AnnexIIPrinciple as P
from microcred.standard.compliance import Evidence, check
from microcred.standard.compliance import messages as m
from microcred.standard.elements import MicroCredentialSpec

from ._builders import NOW, body, make_spec, outcome

NO_ESCO = [outcome("Uczestnik potrafi zbudować tabelę przestawną podsumowującą dane.")]


def evidence(principle: P, **changes: Any) -> tuple[Evidence, str]:
    """The principle's status and its reasons as a ``+``/``-`` string."""
    found = check(make_spec(**changes), now=NOW).principle(principle)
    signs = {m.P_GIVEN.code: "+", m.P_NOT_GIVEN.code: "-"}
    return found.status, "".join(signs[reason.code] for reason in found.reasons)


def test_full_design_evidences_every_principle_the_design_can() -> None:
    report = check(make_spec(), now=NOW)
    assert [r.principle for r in report.principles] == list(P)
    assert {r.principle: r.status for r in report.principles} == {
        principle: Evidence.BY_PLATFORM if principle is P.PORTABILITY else Evidence.EVIDENCED
        for principle in P
    }


def test_principles_are_numbered_in_annex_order() -> None:
    report = check(make_spec(), now=NOW)
    assert [r.principle.number for r in report.principles] == list(range(1, 11))


def test_empty_design_evidences_nothing_but_portability() -> None:
    report = check(MicroCredentialSpec(), now=NOW)
    statuses = {r.principle: r.status for r in report.principles}
    assert statuses.pop(P.PORTABILITY) is Evidence.BY_PLATFORM
    assert set(statuses.values()) == {Evidence.NOT_EVIDENCED}


@pytest.mark.parametrize(
    "spec",
    [
        pytest.param(make_spec(), id="full"),
        pytest.param(MicroCredentialSpec(), id="empty"),
        pytest.param(make_spec(awarding_bodies=[]), id="no-awarding-body"),
    ],
)
def test_portability_is_provided_by_the_platform(spec: MicroCredentialSpec) -> None:
    found = check(spec, now=NOW).principle("portability")
    assert found.status is Evidence.BY_PLATFORM
    assert [r.code for r in found.reasons] == [m.P_PORTABILITY.code]


E, PART, NOT = Evidence.EVIDENCED, Evidence.PARTIAL, Evidence.NOT_EVIDENCED

CASES = [
    # 1. quality: internal QA, external QA
    pytest.param(P.QUALITY, {}, E, "++", id="quality-internal-and-external"),
    pytest.param(
        P.QUALITY, {"quality_assurance": {"types": ["internal"]}}, PART, "+-", id="quality-internal"
    ),
    pytest.param(
        P.QUALITY,
        {"quality_assurance": {"types": ["qualifications-framework"]}},
        PART,
        "-+",
        id="quality-zsk-only",
    ),
    pytest.param(
        P.QUALITY,
        {"quality_assurance": {"types": ["internal", "eqavet"]}},
        E,
        "++",
        id="quality-internal-and-eqavet",
    ),
    pytest.param(P.QUALITY, {"quality_assurance": None}, NOT, "--", id="quality-none"),
    # 2. transparency: outcomes, workload, awarding body in a register
    pytest.param(P.TRANSPARENCY, {"workload": None}, PART, "+-+", id="transparency-no-workload"),
    pytest.param(
        P.TRANSPARENCY,
        {"awarding_bodies": [body(registries=[])]},
        PART,
        "++-",
        id="transparency-no-register",
    ),
    pytest.param(
        P.TRANSPARENCY,
        {"awarding_bodies": [body(), body(registries=[])]},
        PART,
        "++-",
        id="transparency-one-body-not-in-a-register",
    ),
    pytest.param(
        P.TRANSPARENCY,
        {"learning_outcomes": [], "workload": None, "awarding_bodies": []},
        NOT,
        "---",
        id="transparency-none",
    ),
    # 3. relevance: the need; partners or ESCO skills
    pytest.param(
        P.RELEVANCE,
        {"relevance": {"need": {"pl": "Potrzeba pracodawców."}}},
        E,
        "++",
        id="relevance-esco-without-partners",
    ),
    pytest.param(
        P.RELEVANCE,
        {"relevance": {"need": {"pl": "Potrzeba pracodawców."}}, "learning_outcomes": NO_ESCO},
        PART,
        "+-",
        id="relevance-need-only",
    ),
    pytest.param(P.RELEVANCE, {"relevance": None}, PART, "-+", id="relevance-esco-only"),
    pytest.param(
        P.RELEVANCE,
        {"relevance": None, "learning_outcomes": NO_ESCO},
        NOT,
        "--",
        id="relevance-none",
    ),
    # 4. valid assessment: an independent method, criteria
    pytest.param(
        P.VALID_ASSESSMENT,
        {"assessment": {"methods": ["project"]}},
        PART,
        "+-",
        id="assessment-no-criteria",
    ),
    pytest.param(
        P.VALID_ASSESSMENT,
        {"assessment": {"methods": ["self-assessment"], "criteria": {"pl": "Lista kontrolna."}}},
        PART,
        "-+",
        id="assessment-self-only",
    ),
    pytest.param(
        P.VALID_ASSESSMENT,
        {"assessment": {"methods": ["none"]}},
        NOT,
        "--",
        id="assessment-attendance-only",
    ),
    pytest.param(P.VALID_ASSESSMENT, {"assessment": None}, NOT, "--", id="assessment-none"),
    # 5. learning pathways: integration option, validation of prior learning
    pytest.param(
        P.LEARNING_PATHWAYS, {"integration": None}, PART, "-+", id="pathways-no-integration"
    ),
    pytest.param(
        P.LEARNING_PATHWAYS,
        {"validation_of_prior_learning": None},
        PART,
        "+-",
        id="pathways-no-prior-learning",
    ),
    pytest.param(
        P.LEARNING_PATHWAYS,
        {"integration": None, "validation_of_prior_learning": None},
        NOT,
        "--",
        id="pathways-none",
    ),
    # 6. recognition: a statement, a level in a framework
    pytest.param(P.RECOGNITION, {"recognition": None}, PART, "-+", id="recognition-level-only"),
    pytest.param(
        P.RECOGNITION, {"levels": [{"value": 4}]}, PART, "+-", id="recognition-level-no-framework"
    ),
    pytest.param(
        P.RECOGNITION, {"recognition": None, "levels": []}, NOT, "--", id="recognition-none"
    ),
    # 8. learner-centred: target group, learner feedback
    pytest.param(
        P.LEARNER_CENTRED, {"target_group": None}, PART, "-+", id="learner-centred-no-group"
    ),
    pytest.param(
        P.LEARNER_CENTRED,
        {"learner_feedback": None},
        PART,
        "+-",
        id="learner-centred-no-feedback",
    ),
    pytest.param(
        P.LEARNER_CENTRED,
        {"target_group": None, "learner_feedback": None},
        NOT,
        "--",
        id="learner-centred-none",
    ),
    # 9. authentic: learner beyond a name, legal identifier, identity verified
    pytest.param(
        P.AUTHENTIC,
        {"learner_identification": ["full-name"]},
        PART,
        "-++",
        id="authentic-name-only",
    ),
    pytest.param(
        P.AUTHENTIC,
        {"learner_identification": ["email", "student-id"]},
        PART,
        "-++",
        id="authentic-no-name",
    ),
    pytest.param(
        P.AUTHENTIC,
        {"awarding_bodies": [body(), body(legal_identifier=None)]},
        PART,
        "+-+",
        id="authentic-one-body-without-legal-id",
    ),
    pytest.param(
        P.AUTHENTIC,
        {"supervision": "supervised-no-id"},
        PART,
        "++-",
        id="authentic-supervised-without-id",
    ),
    pytest.param(P.AUTHENTIC, {"supervision": None}, PART, "++-", id="authentic-no-supervision"),
    pytest.param(
        P.AUTHENTIC,
        {"supervision": "supervised-online-id"},
        E,
        "+++",
        id="authentic-online-proctoring",
    ),
    pytest.param(
        P.AUTHENTIC,
        {
            "learner_identification": ["full-name"],
            "awarding_bodies": [body(legal_identifier=None)],
            "supervision": "unsupervised-no-id",
        },
        NOT,
        "---",
        id="authentic-none",
    ),
    # 10. information and guidance: further information, guidance
    pytest.param(
        P.GUIDANCE, {"further_information": None}, PART, "-+", id="guidance-no-information"
    ),
    pytest.param(P.GUIDANCE, {"guidance": None}, PART, "+-", id="guidance-no-guidance"),
    pytest.param(
        P.GUIDANCE,
        {"further_information": None, "guidance": None},
        NOT,
        "--",
        id="guidance-none",
    ),
]


def test_every_principle_the_design_evidences_has_cases() -> None:
    covered = {case.values[0] for case in CASES}
    assert covered == set(P) - {P.PORTABILITY}
    for principle in covered:
        statuses = {case.values[2] for case in CASES if case.values[0] is principle}
        assert {PART, NOT} <= statuses, principle


@pytest.mark.parametrize(("principle", "changes", "status", "signs"), CASES)
def test_principle(principle: P, changes: dict[str, Any], status: Evidence, signs: str) -> None:
    assert evidence(principle, **changes) == (status, signs)


def test_each_piece_of_evidence_is_looked_for_once_in_both_languages() -> None:
    found = check(make_spec(), now=NOW)
    looked_for = [
        reason
        for result in found.principles
        for reason in result.reasons
        if reason.code in (m.P_GIVEN.code, m.P_NOT_GIVEN.code)
    ]
    evidence = [value for name, value in vars(m).items() if name.startswith("EVIDENCE_")]
    assert sorted(r.en[2:] for r in looked_for) == sorted(e.en for e in evidence)
    assert sorted(r.pl[2:] for r in looked_for) == sorted(e.pl for e in evidence)
