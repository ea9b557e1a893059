"""Controlled vocabularies as enums carrying their authority-table URIs and PL/EN labels.

Each vocabulary is a :class:`~._concept.Concept` enum: the member's value is the key a
design file uses; ``.uri`` is the concept in its EU authority table (or in microcred's
namespace where the EU has none, see :mod:`._namespace`); ``.label("pl"|"en")``.
"""

from ._concept import Concept, UnknownConceptError
from ._namespace import MICROCRED_VOCAB
from .countries import Country
from .identity import IdentityAttribute, LegalIdentifierScheme
from .isced import IscedField
from .languages import Language
from .learning import AssessmentMethod, FormOfParticipation, SupervisionLevel
from .levels import EqfLevel, Framework, PrkLevel, QfEheaCycle
from .pathways import IntegrationOption
from .quality import QualityAssuranceType

__all__ = [
    "MICROCRED_VOCAB",
    "AssessmentMethod",
    "Concept",
    "Country",
    "EqfLevel",
    "FormOfParticipation",
    "Framework",
    "IdentityAttribute",
    "IntegrationOption",
    "IscedField",
    "Language",
    "LegalIdentifierScheme",
    "PrkLevel",
    "QfEheaCycle",
    "QualityAssuranceType",
    "SupervisionLevel",
    "UnknownConceptError",
]
