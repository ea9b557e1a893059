"""How learning happens and how it is assessed (Annex I: type of assessment, form of
participation, supervision and identity verification during assessment).

- :class:`FormOfParticipation` — online / onsite / blended, on the Europass "mode of
  learning and assessment" table (``http://data.europa.eu/snb/learning-assessment/``).
- :class:`SupervisionLevel` — the four Annex I options plus "unsupervised with identity
  verification", on the Europass "supervision and verification" table. That table does
  not tell online from onsite supervision, so those two Annex I options live in
  microcred's namespace and ``match`` the Europass "supervised with ID verification".
- :class:`AssessmentMethod` — what the learner does to show the outcomes, each matched
  to the Europass assessment-type table where it has a counterpart. ``none``
  (attendance only) marks a participation badge, not a micro-credential.

Sources: the European Learning Model repository's controlled-vocabulary lists
(``xsd/loq/cv``) and the EU's EDC samples. The Europass tables carry English labels only;
the Polish labels here are microcred's translations.
"""

from __future__ import annotations

__all__ = ["AssessmentMethod", "FormOfParticipation", "SupervisionLevel"]

from enum import nonmember

from ._concept import Concept
from ._namespace import MICROCRED_VOCAB

_MODE = "http://data.europa.eu/snb/learning-assessment/"
_SUP = "http://data.europa.eu/snb/supervision-verification/"
_ASSESS = MICROCRED_VOCAB + "assessment-method/"
_SUP_OURS = MICROCRED_VOCAB + "supervision/"
_EU_ASSESS = "http://data.europa.eu/snb/assessment/"


class FormOfParticipation(Concept):
    """Form of participation in the learning activity."""

    scheme = nonmember(_MODE + "25831c2")

    ONLINE = ("online", _MODE + "920fbb3cbe", "online", "online")
    ONSITE = ("onsite", _MODE + "9191af2ed9", "onsite (in person)", "stacjonarnie")
    BLENDED = ("blended", _MODE + "e92d221e4d", "blended", "hybrydowo")


class SupervisionLevel(Concept):
    """Supervision and identity verification during assessment (Annex I optional)."""

    scheme = nonmember(_SUP + "25831c2")

    UNSUPERVISED_NO_ID = (
        "unsupervised-no-id",
        _SUP + "c598449d64",
        "unsupervised with no identity verification",
        "bez nadzoru i bez weryfikacji tożsamości",
    )
    UNSUPERVISED_ID = (
        "unsupervised-id",
        _SUP + "df2880c5cb",
        "unsupervised with identity verification",
        "bez nadzoru, z weryfikacją tożsamości",
    )
    # The ELM lists carry a fourth code, 44314532f9, with no label. It is most likely
    # "supervised without ID verification" (the remaining cell of the supervised x ID
    # grid), but unconfirmed, so the concept is ours and that code only its match.
    SUPERVISED_NO_ID = (
        "supervised-no-id",
        _SUP_OURS + "supervised-no-id",
        "supervised with no identity verification",
        "pod nadzorem, bez weryfikacji tożsamości",
        _SUP + "44314532f9",
    )
    SUPERVISED_ONLINE_ID = (
        "supervised-online-id",
        _SUP_OURS + "supervised-online-id",
        "supervised online with identity verification",
        "pod nadzorem online, z weryfikacją tożsamości",
        _SUP + "70be69aaf9",
    )
    SUPERVISED_ONSITE_ID = (
        "supervised-onsite-id",
        _SUP_OURS + "supervised-onsite-id",
        "supervised onsite with identity verification",
        "pod nadzorem na miejscu, z weryfikacją tożsamości",
        _SUP + "70be69aaf9",
    )

    @property
    def verifies_identity(self) -> bool:
        """True when the learner's identity is checked during assessment."""
        return self in (
            SupervisionLevel.UNSUPERVISED_ID,
            SupervisionLevel.SUPERVISED_ONLINE_ID,
            SupervisionLevel.SUPERVISED_ONSITE_ID,
        )


class AssessmentMethod(Concept):
    """A method of assessing the learning outcomes."""

    scheme = nonmember(MICROCRED_VOCAB + "assessment-method")

    WRITTEN_TEST = (
        "written-test",
        _ASSESS + "written-test",
        "written test or exam",
        "test lub egzamin pisemny",
        _EU_ASSESS + "6e6cb2cc78",
    )
    ONLINE_TEST = (
        "online-test",
        _ASSESS + "online-test",
        "online test or quiz",
        "test online",
        _EU_ASSESS + "b1b68f6735",
    )
    ORAL_EXAM = (
        "oral-exam",
        _ASSESS + "oral-exam",
        "oral examination",
        "egzamin ustny",
        _EU_ASSESS + "d30284d7df",
    )
    PRACTICAL_DEMONSTRATION = (
        "practical-demonstration",
        _ASSESS + "practical-demonstration",
        "practical demonstration of skills",
        "praktyczny pokaz umiejętności",
        _EU_ASSESS + "6a4db9f11d",
    )
    PROJECT = (
        "project",
        _ASSESS + "project",
        "project or artefact assessment",
        "projekt (ocena wytworu)",
        _EU_ASSESS + "795dac4096",
    )
    PORTFOLIO = (
        "portfolio",
        _ASSESS + "portfolio",
        "portfolio",
        "portfolio",
        _EU_ASSESS + "4f03b91c0e",
    )
    WORKPLACE_OBSERVATION = (
        "workplace-observation",
        _ASSESS + "workplace-observation",
        "observation at the workplace",
        "obserwacja w miejscu pracy",
        _EU_ASSESS + "6a4db9f11d",
    )
    SIMULATION = (
        "simulation",
        _ASSESS + "simulation",
        "simulation or case study",
        "symulacja lub studium przypadku",
        _EU_ASSESS + "c4256a2726",
    )
    CONTINUOUS = (
        "continuous-assessment",
        _ASSESS + "continuous-assessment",
        "continuous assessment",
        "ocena ciągła",
        _EU_ASSESS + "3484bd7e51",
    )
    PEER_ASSESSMENT = (
        "peer-assessment",
        _ASSESS + "peer-assessment",
        "peer assessment",
        "ocena koleżeńska",
        _EU_ASSESS + "19a2e5e671",
    )
    SELF_ASSESSMENT = (
        "self-assessment",
        _ASSESS + "self-assessment",
        "self-assessment",
        "samoocena",
    )
    PRIOR_LEARNING = (
        "prior-learning-validation",
        _ASSESS + "prior-learning-validation",
        "validation of prior learning",
        "walidacja wcześniej nabytych efektów uczenia się",
    )
    OTHER = (
        "other",
        _ASSESS + "other",
        "other assessment method",
        "inna metoda oceny",
    )
    NONE = (
        "none",
        _ASSESS + "none",
        "no assessment (attendance only)",
        "brak oceny (tylko obecność)",
        _EU_ASSESS + "7331eb4762",
    )

    @property
    def assesses(self) -> bool:
        """False for ``none``: attendance is not an assessment of outcomes."""
        return self is not AssessmentMethod.NONE

    @property
    def independent(self) -> bool:
        """False for self-assessment, which no one else checks."""
        return self not in (AssessmentMethod.NONE, AssessmentMethod.SELF_ASSESSMENT)
