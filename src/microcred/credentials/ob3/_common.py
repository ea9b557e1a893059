"""What the Open Badges 3.0 builder and reader share: contexts, the error, and which
EU element goes under which term (the table is ``docs/ob3-mapping.md``)."""

from __future__ import annotations

__all__ = ["CONTEXTS", "EU_CONTEXT", "IDENTITY_TYPES", "LEVEL_VOCABS", "OB3_CONTEXT", "OB3_SCHEMA",
           "TEXTS", "Ob3Error"]  # fmt: skip

from ...standard.vocab import EqfLevel, Framework, IdentityAttribute, PrkLevel, QfEheaCycle
from ..errors import CredentialError

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
EU_CONTEXT = "https://w3id.org/microcred/ns/eu/v1"
CONTEXTS = [VC_CONTEXT, OB3_CONTEXT, EU_CONTEXT]
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


class Ob3Error(CredentialError):
    """The document is not an Open Badges 3.0 credential this module can read."""

    code = "not_ob3"
    description = "not an Open Badges 3.0 credential"
