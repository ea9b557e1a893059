"""What a design evidences of each of the ten Annex II principles.

A principle is *evidenced* when the design carries every piece of evidence listed for it
below, *partial* when it carries some, *not evidenced* when none, and *by-platform* when
the issuing platform, not the design, provides it (portability).

=====================  ===============================================================
principle              evidence looked for in the design
=====================  ===============================================================
1 quality              internal and external quality assurance
2 transparency         learning outcomes, workload, awarding body listed in a register
3 relevance            the need it answers; employer/partner involvement or ESCO skills
4 valid assessment     an independent assessment method and its criteria
5 learning pathways    integration/stackability option; validation of prior learning
6 recognition          a recognition statement; a level in a qualifications framework
7 portability          by the platform: open-standard documents the learner owns
8 learner-centred      the target group; how learner feedback is gathered
9 authentic            learner identification beyond a name; the awarding body's legal
                       identifier; identity verified during assessment
10 guidance            further information; guidance for learners
=====================  ===============================================================
"""

from __future__ import annotations

__all__ = ["check_principles"]

from ..annexes import AnnexIIPrinciple as P
from ..elements import MicroCredentialSpec
from ..vocab.identity import IdentityAttribute
from ..vocab.quality import QualityAssuranceType
from . import messages as m
from .report import Evidence, PrincipleResult, Reason

_Item = tuple[bool, str, str]  # (present, what in English, what in Polish)


def _judge(principle: P, items: list[_Item]) -> PrincipleResult:
    reasons: list[Reason] = []
    for present, en, pl in items:
        message = m.P_GIVEN if present else m.P_NOT_GIVEN
        reasons.append(message(what=en, what_pl=pl))
    given = sum(1 for present, _, _ in items if present)
    if given == len(items):
        status = Evidence.EVIDENCED
    elif given:
        status = Evidence.PARTIAL
    else:
        status = Evidence.NOT_EVIDENCED
    return PrincipleResult(principle, status, tuple(reasons))


def check_principles(spec: MicroCredentialSpec) -> tuple[PrincipleResult, ...]:
    """Every Annex II principle's result, in Annex II order."""
    qa_types = set(spec.quality_assurance.types) if spec.quality_assurance else set()
    assessment = spec.assessment
    methods = assessment.methods if assessment else []
    independent = any(x.independent for x in methods)
    identity = set(spec.learner_identification)
    bodies = spec.awarding_bodies
    aligned = any(o.esco_skills for o in spec.learning_outcomes)
    partners = bool(spec.relevance and spec.relevance.partners)

    return (
        _judge(
            P.QUALITY,
            [
                (
                    QualityAssuranceType.INTERNAL in qa_types,
                    "internal quality assurance",
                    "wewnętrzne zapewnianie jakości",
                ),
                (
                    any(t.external for t in qa_types),
                    "external quality assurance",
                    "zewnętrzne zapewnianie jakości",
                ),
            ],
        ),
        _judge(
            P.TRANSPARENCY,
            [
                (bool(spec.learning_outcomes), "learning outcomes", "efekty uczenia się"),
                (
                    spec.workload is not None
                    and (spec.workload.ects is not None or spec.workload.hours is not None),
                    "workload in ECTS or hours",
                    "nakład pracy w ECTS lub godzinach",
                ),
                (
                    bool(bodies) and all(b.registries for b in bodies),
                    "awarding body listed in a public register (registries)",
                    "organ wydający wpisany do publicznego rejestru (registries)",
                ),
            ],
        ),
        _judge(
            P.RELEVANCE,
            [
                (
                    spec.relevance is not None,
                    "the need it answers (relevance.need)",
                    "potrzeba, na którą odpowiada (relevance.need)",
                ),
                (
                    partners or aligned,
                    "employer/partner involvement or ESCO skills",
                    "udział pracodawców/partnerów lub umiejętności ESCO",
                ),
            ],
        ),
        _judge(
            P.VALID_ASSESSMENT,
            [
                (independent, "an independent assessment method", "niezależna metoda oceny"),
                (bool(assessment and assessment.criteria), "assessment criteria", "kryteria oceny"),
            ],
        ),
        _judge(
            P.LEARNING_PATHWAYS,
            [
                (
                    spec.integration is not None,
                    "integration/stackability option",
                    "opcja integracji/kumulowania",
                ),
                (
                    spec.validation_of_prior_learning is not None,
                    "validation of prior learning",
                    "walidacja wcześniejszego uczenia się",
                ),
            ],
        ),
        _judge(
            P.RECOGNITION,
            [
                (spec.recognition is not None, "recognition statement", "informacja o uznawaniu"),
                (
                    any(level.concept is not None for level in spec.levels),
                    "level in a qualifications framework",
                    "poziom w ramie kwalifikacji",
                ),
            ],
        ),
        PrincipleResult(P.PORTABILITY, Evidence.BY_PLATFORM, (m.P_PORTABILITY(),)),
        _judge(
            P.LEARNER_CENTRED,
            [
                (spec.target_group is not None, "target group", "grupa docelowa"),
                (
                    spec.learner_feedback is not None,
                    "learner feedback",
                    "informacje zwrotne od osób uczących się",
                ),
            ],
        ),
        _judge(
            P.AUTHENTIC,
            [
                (
                    IdentityAttribute.FULL_NAME in identity and len(identity) > 1,
                    "learner identified beyond a name",
                    "identyfikacja osoby poza imieniem i nazwiskiem",
                ),
                (
                    bool(bodies) and all(b.legal_identifier for b in bodies),
                    "awarding body's legal identifier",
                    "identyfikator prawny organu",
                ),
                (
                    bool(spec.supervision and spec.supervision.verifies_identity),
                    "identity verified during assessment",
                    "weryfikacja tożsamości podczas oceny",
                ),
            ],
        ),
        _judge(
            P.GUIDANCE,
            [
                (
                    spec.further_information is not None,
                    "further information",
                    "dodatkowe informacje",
                ),
                (
                    spec.guidance is not None,
                    "guidance for learners",
                    "poradnictwo dla osób uczących się",
                ),
            ],
        ),
    )
