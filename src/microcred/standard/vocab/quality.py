"""Types of quality assurance underpinning a micro-credential (Annex I mandatory element,
Annex II principle 1 "quality": internal and external quality assurance).

The EU's nearest table is the Europass accreditation type (programme / institutional
quality assurance or licence), too coarse for Annex I; the concepts here follow the
instruments Annex II names (ESG for higher education, EQAVET for VET, national
qualifications frameworks and registers, quality labels), live in microcred's namespace,
and ``match`` the Europass accreditation type where one corresponds.
"""

from __future__ import annotations

__all__ = ["QualityAssuranceType"]

from enum import nonmember

from ._concept import Concept
from ._namespace import MICROCRED_VOCAB

_QA = MICROCRED_VOCAB + "qa-type/"
_ACCR = "http://data.europa.eu/snb/accreditation/"


class QualityAssuranceType(Concept):
    """A type of quality assurance."""

    scheme = nonmember(MICROCRED_VOCAB + "qa-type")

    INTERNAL = (
        "internal",
        _QA + "internal",
        "internal quality assurance of the provider",
        "wewnętrzny system zapewniania jakości organizatora",
    )
    EXTERNAL_INSTITUTIONAL = (
        "external-institutional",
        _QA + "external-institutional",
        "external quality assurance of the provider (e.g. ESG, listed in DEQAR)",
        "zewnętrzna ocena jakości organizatora (np. ESG, wpis w DEQAR)",
        _ACCR + "bb4618238e",
    )
    EXTERNAL_PROGRAMME = (
        "external-programme",
        _QA + "external-programme",
        "external accreditation of this programme or micro-credential",
        "zewnętrzna akredytacja programu lub mikropoświadczenia",
        _ACCR + "820101cba6",
    )
    QUALIFICATIONS_FRAMEWORK = (
        "qualifications-framework",
        _QA + "qualifications-framework",
        "included in a national qualifications framework or register (e.g. ZSK)",
        "włączenie do krajowej ramy lub rejestru kwalifikacji (np. ZSK)",
        _ACCR + "820101cba6",
    )
    EQAVET = (
        "eqavet",
        _QA + "eqavet",
        "EQAVET-based quality assurance in VET",
        "zapewnianie jakości w kształceniu zawodowym zgodne z EQAVET",
        _ACCR + "bb4618238e",
    )
    MANAGEMENT_STANDARD = (
        "management-standard",
        _QA + "management-standard",
        "certified management standard (e.g. ISO 21001, ISO 29993)",
        "certyfikowany system zarządzania (np. ISO 21001, ISO 29993)",
        _ACCR + "bb4618238e",
    )
    QUALITY_LABEL = (
        "quality-label",
        _QA + "quality-label",
        "quality label or register entry (e.g. a regional training standard)",
        "znak jakości lub wpis do rejestru (np. standard usług szkoleniowych)",
        _ACCR + "bb4618238e",
    )

    @property
    def external(self) -> bool:
        """True for every type but the provider's own internal quality assurance."""
        return self is not QualityAssuranceType.INTERNAL
