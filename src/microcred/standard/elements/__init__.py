"""The micro-credential as typed data: specification (design) and award (one learner)."""

from .award import Award, validity_end
from .grading import GradeValue, award_grade, grade_problem
from .learning import Assessment, FurtherInformation, Integration, Workload
from .levels import Level
from .outcomes import LearningOutcome
from .parties import AwardingBody, Learner, LegalIdentifier, NationalId, RegistryEntry
from .quality import QualityAssurance, Relevance
from .spec import DESIGN_FORMAT, MicroCredentialSpec
from .text import LocalizedText

__all__ = [
    "DESIGN_FORMAT",
    "Assessment",
    "Award",
    "AwardingBody",
    "FurtherInformation",
    "GradeValue",
    "Integration",
    "Learner",
    "LearningOutcome",
    "LegalIdentifier",
    "Level",
    "LocalizedText",
    "MicroCredentialSpec",
    "NationalId",
    "QualityAssurance",
    "RegistryEntry",
    "Relevance",
    "Workload",
    "award_grade",
    "grade_problem",
    "validity_end",
]
