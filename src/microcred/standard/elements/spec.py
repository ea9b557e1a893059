"""The micro-credential specification: the design a provider writes, one per offer.

Every Annex I element that belongs to the design is a field here; the two that belong to
each learner's award (identification of the learner, date of issue) live on
:class:`~microcred.standard.elements.award.Award`, and the design says which identity
attributes each award will record. Mandatory Annex I elements are optional in the model
on purpose: a design missing one still loads, and the compliance check names what is
missing instead of refusing the file. See ``docs/design-format.md`` for the file format.
"""

from __future__ import annotations

__all__ = ["DESIGN_FORMAT", "LISTED_TWICE", "MicroCredentialSpec"]

from typing import Annotated, Any, Literal

from pydantic import Field, field_validator

from ..messages import Message
from ..vocab.identity import IdentityAttribute
from ..vocab.isced import IscedField
from ..vocab.languages import Language
from ..vocab.learning import FormOfParticipation, SupervisionLevel
from ._base import Element
from .grading import GradeValue, check_scale
from .learning import Assessment, FurtherInformation, Integration, Workload
from .levels import Level
from .outcomes import LearningOutcome
from .parties import AwardingBody
from .quality import QualityAssurance, Relevance
from .text import LocalizedText

DESIGN_FORMAT: Literal["microcred-design/1"] = "microcred-design/1"

#: a value listed twice where each may appear once (languages, identity attributes...)
LISTED_TWICE = Message(
    "listed_twice", "listed more than once: {repeated}", "podano więcej niż raz: {repeated}"
)

Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9._-]{0,99}$")]


class MicroCredentialSpec(Element):
    """A micro-credential design with every Annex I element and Annex II evidence."""

    format: Literal["microcred-design/1"] = DESIGN_FORMAT
    id: Slug | None = None
    version: Annotated[int, Field(ge=1)] = 1

    # Annex I, mandatory (those that belong to the design)
    title: LocalizedText | None = None
    awarding_bodies: list[AwardingBody] = []
    learner_identification: list[IdentityAttribute] = []
    learning_outcomes: list[LearningOutcome] = []
    workload: Workload | None = None
    levels: list[Level] = []
    assessment: Assessment | None = None
    form_of_participation: FormOfParticipation | None = None
    quality_assurance: QualityAssurance | None = None

    # Annex I, optional
    prerequisites: LocalizedText | None = None
    supervision: SupervisionLevel | None = None
    grading: LocalizedText | None = None
    grading_scale: list[GradeValue] = Field(
        default=[],
        description="The grades awarded, lowest first; an award's grade must be one of them.",
    )
    integration: Integration | None = None
    further_information: FurtherInformation | None = None

    # Description and Annex II evidence
    description: LocalizedText | None = None
    fields_of_education: list[IscedField] = []
    languages: list[Language] = []
    target_group: LocalizedText | None = None
    learner_feedback: LocalizedText | None = None
    relevance: Relevance | None = None
    recognition: LocalizedText | None = None
    validation_of_prior_learning: LocalizedText | None = None
    guidance: LocalizedText | None = None
    validity_months: Annotated[int | None, Field(ge=1, le=1200)] = None

    @property
    def primary_language(self) -> str:
        """The language a one-language text of the design is in (a grade typed at
        issuance, an OB 3.0 ``name``): the first of ``languages``, else the title's
        first, else English."""
        if self.languages:
            return str(self.languages[0])
        return str(self.title.languages[0]) if self.title else "en"

    @field_validator("learner_identification", "fields_of_education", "languages")
    @classmethod
    def _no_repeats(cls, values: list[Any]) -> list[Any]:
        repeated = sorted({str(v) for v in values if values.count(v) > 1})
        if repeated:
            raise ValueError(LISTED_TWICE(repeated=", ".join(repeated)))
        return values

    @field_validator("grading_scale")
    @classmethod
    def _scale(cls, values: list[GradeValue]) -> list[GradeValue]:
        return check_scale(values)
