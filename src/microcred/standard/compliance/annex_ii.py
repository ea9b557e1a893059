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

:data:`BEARING_ELEMENTS` names, for each principle, the Annex I elements of the design
that bear on it: where a reviewer looks in the element report to judge the principle
(the QA body's checklist shows their statuses beside the principle's evidence).
"""

from __future__ import annotations

__all__ = ["BEARING_ELEMENTS", "check_principles", "elements_bearing_on"]

from types import MappingProxyType

from ..annexes import AnnexIElement as E
from ..annexes import AnnexIIPrinciple as P
from ..elements import MicroCredentialSpec
from ..vocab.identity import IdentityAttribute
from ..vocab.quality import QualityAssuranceType
from . import messages as m
from .report import Evidence, Message, PrincipleResult, Reason

_Item = tuple[bool, Message]  # (present, what is looked for)

#: the Annex I elements that bear on each Annex II principle, in Annex II order: those the
#: evidence below reads (quality assurance for quality, the assessment for valid
#: assessment...) and those the Annex II text names (transparency: outcomes, workload,
#: level; learning pathways: stackability, prerequisites; recognition: level and ECTS;
#: authentic: "the identity of the learner, the legal identity of the issuer, the date and
#: location of issuance"; information and guidance: further information)
BEARING_ELEMENTS: MappingProxyType[P, tuple[E, ...]] = MappingProxyType({
    P.QUALITY: (E.QUALITY_ASSURANCE, E.AWARDING_BODY),
    P.TRANSPARENCY: (E.TITLE, E.LEARNING_OUTCOMES, E.WORKLOAD, E.LEVEL, E.AWARDING_BODY),
    P.RELEVANCE: (E.LEARNING_OUTCOMES,),
    P.VALID_ASSESSMENT: (E.ASSESSMENT, E.SUPERVISION, E.GRADE),
    P.LEARNING_PATHWAYS: (E.INTEGRATION, E.PREREQUISITES, E.LEVEL, E.WORKLOAD),
    P.RECOGNITION: (E.LEVEL, E.WORKLOAD, E.QUALITY_ASSURANCE),
    P.PORTABILITY: (E.LEARNER, E.AWARDING_BODY),
    P.LEARNER_CENTRED: (E.PREREQUISITES, E.PARTICIPATION, E.LEARNING_OUTCOMES),
    P.AUTHENTIC: (E.LEARNER, E.AWARDING_BODY, E.COUNTRY, E.DATE_OF_ISSUE, E.SUPERVISION),
    P.GUIDANCE: (E.FURTHER_INFORMATION, E.INTEGRATION, E.PREREQUISITES),
})  # fmt: skip


def elements_bearing_on(principle: P | str) -> tuple[E, ...]:
    """The Annex I elements that bear on ``principle`` (a member or its key)."""
    return BEARING_ELEMENTS[P(principle)]


def _judge(principle: P, items: list[_Item]) -> PrincipleResult:
    reasons: list[Reason] = []
    for present, what in items:
        message = m.P_GIVEN if present else m.P_NOT_GIVEN
        reasons.append(message(what=what.en, what_pl=what.pl))
    given = sum(1 for present, _ in items if present)
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
                (QualityAssuranceType.INTERNAL in qa_types, m.EVIDENCE_INTERNAL_QA),
                (any(t.external for t in qa_types), m.EVIDENCE_EXTERNAL_QA),
            ],
        ),
        _judge(
            P.TRANSPARENCY,
            [
                (bool(spec.learning_outcomes), m.EVIDENCE_OUTCOMES),
                (
                    spec.workload is not None
                    and (spec.workload.ects is not None or spec.workload.hours is not None),
                    m.EVIDENCE_WORKLOAD,
                ),
                (bool(bodies) and all(b.registries for b in bodies), m.EVIDENCE_REGISTERED),
            ],
        ),
        _judge(
            P.RELEVANCE,
            [
                (spec.relevance is not None, m.EVIDENCE_NEED),
                (partners or aligned, m.EVIDENCE_PARTNERS),
            ],
        ),
        _judge(
            P.VALID_ASSESSMENT,
            [
                (independent, m.EVIDENCE_INDEPENDENT),
                (bool(assessment and assessment.criteria), m.EVIDENCE_CRITERIA),
            ],
        ),
        _judge(
            P.LEARNING_PATHWAYS,
            [
                (spec.integration is not None, m.EVIDENCE_INTEGRATION),
                (spec.validation_of_prior_learning is not None, m.EVIDENCE_PRIOR_LEARNING),
            ],
        ),
        _judge(
            P.RECOGNITION,
            [
                (spec.recognition is not None, m.EVIDENCE_RECOGNITION),
                (any(level.concept is not None for level in spec.levels), m.EVIDENCE_LEVEL),
            ],
        ),
        PrincipleResult(P.PORTABILITY, Evidence.BY_PLATFORM, (m.P_PORTABILITY(),)),
        _judge(
            P.LEARNER_CENTRED,
            [
                (spec.target_group is not None, m.EVIDENCE_TARGET_GROUP),
                (spec.learner_feedback is not None, m.EVIDENCE_FEEDBACK),
            ],
        ),
        _judge(
            P.AUTHENTIC,
            [
                (
                    IdentityAttribute.FULL_NAME in identity and len(identity) > 1,
                    m.EVIDENCE_IDENTIFIED,
                ),
                (bool(bodies) and all(b.legal_identifier for b in bodies), m.EVIDENCE_LEGAL_ID),
                (
                    bool(spec.supervision and spec.supervision.verifies_identity),
                    m.EVIDENCE_IDENTITY_VERIFIED,
                ),
            ],
        ),
        _judge(
            P.GUIDANCE,
            [
                (spec.further_information is not None, m.EVIDENCE_FURTHER_INFORMATION),
                (spec.guidance is not None, m.EVIDENCE_GUIDANCE),
            ],
        ),
    )
