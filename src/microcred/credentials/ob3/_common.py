"""What the Open Badges 3.0 builder and reader share: contexts, the error, and which
EU element goes under which term (the table is ``docs/ob3-mapping.md``)."""

from __future__ import annotations

__all__ = ["CONTEXTS", "EU_CONTEXT", "EU_TERMS", "IDENTITY_TYPES", "LEVEL_VOCABS", "OB3_CONTEXT",
           "OB3_SCHEMA", "TEXTS", "Ob3Error", "has_eu_terms"]  # fmt: skip

from typing import Any

from ...standard.vocab import EqfLevel, Framework, IdentityAttribute, PrkLevel, QfEheaCycle
from ..errors import Ob3Error
from ..jsonld import contexts

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
# The URL microcred's EU terms were first published under. It resolves nowhere, so a
# verifier that knows only the published contexts cannot read a credential that names it;
# credentials issued with it still verify here (the context stays pinned).
EU_CONTEXT = "https://w3id.org/microcred/ns/eu/v1"
# The same term definitions, embedded in every credential microcred issues: any JSON-LD
# processor reads them offline without knowing microcred (docs/ob3-mapping.md, "Why an
# embedded context"). Equal to the pinned context's ``@context``, so the RDF of a
# credential is the same whichever of the two forms it carries.
EU_TERMS: dict[str, Any] = contexts.load(EU_CONTEXT)["@context"]
CONTEXTS: list[str | dict[str, Any]] = [VC_CONTEXT, OB3_CONTEXT, EU_TERMS]


def has_eu_terms(context: Any) -> bool:
    """Whether a document's ``@context`` gives the ``eu*`` terms microcred's meaning:
    the embedded definitions or the (older) context URL."""
    items = context if isinstance(context, list) else [context]
    return any(item in (EU_CONTEXT, EU_TERMS) for item in items)


OB3_SCHEMA = (
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
)

LEVEL_VOCABS = {Framework.EQF: EqfLevel, Framework.PRK: PrkLevel, Framework.QF_EHEA: QfEheaCycle}
# OB 3.0 IdentityObject.identityType for each identity attribute ("ext:" = extension)
IDENTITY_TYPES = {
    IdentityAttribute.FULL_NAME: "name",
    IdentityAttribute.EMAIL: "emailAddress",
    IdentityAttribute.NATIONAL_ID: "nationalIdentityNumber",
    IdentityAttribute.STUDENT_ID: "sisSourcedId",
    IdentityAttribute.DATE_OF_BIRTH: "ext:dateOfBirth",
    IdentityAttribute.IDENTIFIER: "identifier",
}
# spec field -> extension term, for the language-map texts
TEXTS = {
    "title": "euTitle",
    "description": "euDescription",
    "prerequisites": "euPrerequisites",
    "grading": "euGrading",
    "target_group": "euTargetGroup",
    "learner_feedback": "euLearnerFeedback",
    "recognition": "euRecognition",
    "validation_of_prior_learning": "euValidationOfPriorLearning",
    "guidance": "euGuidance",
}
