"""How learning happens and how it is assessed (Annex I: type of assessment, form of
participation, supervision and identity verification during assessment).

- :class:`FormOfParticipation` — online / onsite / blended, on the Europass "mode of
  learning and assessment" table (``http://data.europa.eu/snb/learning-assessment/``).
- :class:`SupervisionLevel` — the four Annex I options, on the Europass
  "supervision and verification" table.
- :class:`AssessmentMethod` — what the learner does to show the outcomes. ``none``
  (attendance only) marks a participation badge, not a micro-credential.
"""

from __future__ import annotations

__all__ = ["AssessmentMethod", "FormOfParticipation", "SupervisionLevel"]

from enum import nonmember

from ._concept import Concept
from ._namespace import MICROCRED_VOCAB

_MODE = "http://data.europa.eu/snb/learning-assessment/"
_SUP = "http://data.europa.eu/snb/supervision-verification/"
_ASSESS = MICROCRED_VOCAB + "assessment-method/"


class FormOfParticipation(Concept):
    """Form of participation in the learning activity."""

    scheme = nonmember(_MODE + "25831c2")

    ONLINE = ("online", _MODE + "920fbb3cbe", "online", "online")
    ONSITE = ("onsite", _MODE + "@ONSITE@", "onsite (in person)", "stacjonarnie")
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
    SUPERVISED_NO_ID = (
        "supervised-no-id",
        _SUP + "@SUPNOID@",
        "supervised with no identity verification",
        "pod nadzorem, bez weryfikacji tożsamości",
    )
    SUPERVISED_ONLINE_ID = (
        "supervised-online-id",
        _SUP + "@SUPONLINE@",
        "supervised online with identity verification",
        "pod nadzorem online, z weryfikacją tożsamości",
    )
    SUPERVISED_ONSITE_ID = (
        "supervised-onsite-id",
        _SUP + "@SUPONSITE@",
        "supervised onsite with identity verification",
        "pod nadzorem na miejscu, z weryfikacją tożsamości",
    )

    @property
    def verifies_identity(self) -> bool:
        """True when the learner's identity is checked during assessment."""
        return self in (
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
    )
    ONLINE_TEST = ("online-test", _ASSESS + "online-test", "online test or quiz", "test online")
    ORAL_EXAM = ("oral-exam", _ASSESS + "oral-exam", "oral examination", "egzamin ustny")
    PRACTICAL_DEMONSTRATION = (
        "practical-demonstration",
        _ASSESS + "practical-demonstration",
        "practical demonstration of skills",
        "praktyczny pokaz umiejętności",
    )
    PROJECT = (
        "project",
        _ASSESS + "project",
        "project or artefact assessment",
        "projekt (ocena wytworu)",
    )
    PORTFOLIO = ("portfolio", _ASSESS + "portfolio", "portfolio", "portfolio")
    WORKPLACE_OBSERVATION = (
        "workplace-observation",
        _ASSESS + "workplace-observation",
        "observation at the workplace",
        "obserwacja w miejscu pracy",
    )
    SIMULATION = (
        "simulation",
        _ASSESS + "simulation",
        "simulation or case study",
        "symulacja lub studium przypadku",
    )
    PEER_ASSESSMENT = (
        "peer-assessment",
        _ASSESS + "peer-assessment",
        "peer assessment",
        "ocena koleżeńska",
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
    NONE = (
        "none",
        _ASSESS + "none",
        "no assessment (attendance only)",
        "brak oceny (tylko obecność)",
    )

    @property
    def assesses(self) -> bool:
        """False for ``none``: attendance is not an assessment of outcomes."""
        return self is not AssessmentMethod.NONE

    @property
    def independent(self) -> bool:
        """False for self-assessment, which no one else checks."""
        return self not in (AssessmentMethod.NONE, AssessmentMethod.SELF_ASSESSMENT)
