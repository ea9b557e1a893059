"""The structure of the Council Recommendation's annexes: the Annex I elements and the
ten Annex II principles, with their Polish and English names as the Recommendation
gives them (Official Journal C 243, 27.6.2022).
"""

from __future__ import annotations

__all__ = ["AnnexIElement", "AnnexIIPrinciple"]

from enum import nonmember

from .messages import Message
from .vocab import MICROCRED_VOCAB, Concept

_EL = MICROCRED_VOCAB + "annex-i/"
_PR = MICROCRED_VOCAB + "annex-ii/"


class AnnexIElement(Concept):
    """A standard European element describing a micro-credential (Annex I)."""

    scheme = nonmember(MICROCRED_VOCAB + "annex-i")

    LEARNER = (
        "learner",
        _EL + "learner",
        "Identification of the learner",
        "Identyfikacja osoby uczącej się",
    )
    TITLE = ("title", _EL + "title", "Title of the micro-credential", "Tytuł mikropoświadczenia")
    COUNTRY = (
        "country",
        _EL + "country",
        "Country(ies)/Region(s) of the issuer",
        "Państwo(-wa)/region(y) organu wydającego",
    )
    AWARDING_BODY = (
        "awarding-body",
        _EL + "awarding-body",
        "Awarding body(ies)",
        "Organ(y) przyznający(-ce)",
    )
    DATE_OF_ISSUE = ("date-of-issue", _EL + "date-of-issue", "Date of issuing", "Data wydania")
    LEARNING_OUTCOMES = (
        "learning-outcomes",
        _EL + "learning-outcomes",
        "Learning outcomes",
        "Efekty uczenia się",
    )
    WORKLOAD = (
        "workload",
        _EL + "workload",
        "Notional workload needed to achieve the learning outcomes (in ECTS, wherever possible)",
        "Nominalny nakład pracy potrzebny do osiągnięcia efektów uczenia się "
        "(w miarę możliwości w ECTS)",
    )
    LEVEL = (
        "level",
        _EL + "level",
        "Level (and cycle, if applicable) of the learning experience (EQF, QF-EHEA)",
        "Poziom (i w stosownym przypadku cykl) aktywności edukacyjnej (ERK, QF-EHEA)",
    )
    ASSESSMENT = ("assessment", _EL + "assessment", "Type of assessment", "Rodzaj oceny")
    PARTICIPATION = (
        "participation",
        _EL + "participation",
        "Form of participation in the learning activity",
        "Forma uczestnictwa w działaniu edukacyjnym",
    )
    QUALITY_ASSURANCE = (
        "quality-assurance",
        _EL + "quality-assurance",
        "Type of quality assurance used to underpin the micro-credential",
        "Metoda zapewniania jakości stosowana jako podstawa mikropoświadczenia",
    )
    PREREQUISITES = (
        "prerequisites",
        _EL + "prerequisites",
        "Prerequisites needed to enrol in the learning activity",
        "Warunki, które należy spełnić, aby uczestniczyć w działaniu edukacyjnym",
    )
    SUPERVISION = (
        "supervision",
        _EL + "supervision",
        "Supervision and identity verification during assessment",
        "Nadzór i weryfikacja tożsamości podczas oceny",
    )
    GRADE = ("grade", _EL + "grade", "Grade achieved", "Uzyskany stopień")
    INTEGRATION = (
        "integration",
        _EL + "integration",
        "Integration/stackability options",
        "Opcje integracji/kumulowania",
    )
    FURTHER_INFORMATION = (
        "further-information",
        _EL + "further-information",
        "Further information",
        "Dodatkowe informacje",
    )

    @property
    def mandatory(self) -> bool:
        """True for the eleven mandatory elements."""
        return self not in _OPTIONAL

    def short_label(self, lang: str = "en") -> str:
        """A short name for tables and forms ("Workload" rather than the full Annex text)."""
        return _SHORT[self].text(lang)


_OPTIONAL = frozenset(
    {
        AnnexIElement.PREREQUISITES,
        AnnexIElement.SUPERVISION,
        AnnexIElement.GRADE,
        AnnexIElement.INTEGRATION,
        AnnexIElement.FURTHER_INFORMATION,
    }
)


# a short name of each element, for tables and forms
_SHORT: dict[AnnexIElement, Message] = {
    AnnexIElement.LEARNER: Message(
        "learner", "Learner identification", "Identyfikacja osoby uczącej się"
    ),
    AnnexIElement.TITLE: Message("title", "Title", "Tytuł"),
    AnnexIElement.COUNTRY: Message(
        "country", "Country/region of the issuer", "Państwo/region wydawcy"
    ),
    AnnexIElement.AWARDING_BODY: Message("awarding-body", "Awarding body", "Organ przyznający"),
    AnnexIElement.DATE_OF_ISSUE: Message("date-of-issue", "Date of issue", "Data wydania"),
    AnnexIElement.LEARNING_OUTCOMES: Message(
        "learning-outcomes", "Learning outcomes", "Efekty uczenia się"
    ),
    AnnexIElement.WORKLOAD: Message("workload", "Notional workload", "Nakład pracy"),
    AnnexIElement.LEVEL: Message("level", "Level (EQF, QF-EHEA)", "Poziom (ERK, QF-EHEA)"),
    AnnexIElement.ASSESSMENT: Message("assessment", "Type of assessment", "Rodzaj oceny"),
    AnnexIElement.PARTICIPATION: Message(
        "participation", "Form of participation", "Forma uczestnictwa"
    ),
    AnnexIElement.QUALITY_ASSURANCE: Message(
        "quality-assurance", "Quality assurance", "Zapewnianie jakości"
    ),
    AnnexIElement.PREREQUISITES: Message("prerequisites", "Prerequisites", "Warunki uczestnictwa"),
    AnnexIElement.SUPERVISION: Message(
        "supervision", "Supervision and identity check", "Nadzór i weryfikacja tożsamości"
    ),
    AnnexIElement.GRADE: Message("grade", "Grade achieved", "Uzyskana ocena"),
    AnnexIElement.INTEGRATION: Message(
        "integration", "Integration/stackability", "Integracja/kumulowanie"
    ),
    AnnexIElement.FURTHER_INFORMATION: Message(
        "further-information", "Further information", "Dodatkowe informacje"
    ),
}


class AnnexIIPrinciple(Concept):
    """A European principle for the design and issuance of micro-credentials (Annex II)."""

    scheme = nonmember(MICROCRED_VOCAB + "annex-ii")

    QUALITY = ("quality", _PR + "quality", "Quality", "Jakość")
    TRANSPARENCY = ("transparency", _PR + "transparency", "Transparency", "Przejrzystość")
    RELEVANCE = ("relevance", _PR + "relevance", "Relevance", "Adekwatność")
    VALID_ASSESSMENT = (
        "valid-assessment",
        _PR + "valid-assessment",
        "Valid assessment",
        "Ważna ocena",
    )
    LEARNING_PATHWAYS = (
        "learning-pathways",
        _PR + "learning-pathways",
        "Learning pathways",
        "Ścieżki uczenia się",
    )
    RECOGNITION = ("recognition", _PR + "recognition", "Recognition", "Uznawanie")
    PORTABILITY = ("portability", _PR + "portability", "Portable", "Przenośność")
    LEARNER_CENTRED = (
        "learner-centred",
        _PR + "learner-centred",
        "Learner-centred",
        "Zorientowanie na osobę uczącą się",
    )
    AUTHENTIC = ("authentic", _PR + "authentic", "Authentic", "Autentyczność")
    GUIDANCE = (
        "guidance",
        _PR + "guidance",
        "Information and guidance",
        "Informacje i poradnictwo",
    )

    @property
    def number(self) -> int:
        """The principle's number in Annex II (1–10)."""
        return list(AnnexIIPrinciple).index(self) + 1
