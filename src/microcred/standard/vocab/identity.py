"""How learners and organisations are identified (Annex I "identification of the
learner", Annex II principle 9 "authentic").

A design declares which :class:`IdentityAttribute` each award will record about the
learner; an awarding body names its legal identity with a :class:`LegalIdentifierScheme`.
"""

from __future__ import annotations

__all__ = ["IdentityAttribute", "LegalIdentifierScheme"]

from enum import nonmember

from ._concept import Concept
from ._namespace import MICROCRED_VOCAB

_ID = MICROCRED_VOCAB + "identity-attribute/"
_LEGAL = MICROCRED_VOCAB + "legal-identifier/"


class IdentityAttribute(Concept):
    """An attribute recorded about the learner on each award."""

    scheme = nonmember(MICROCRED_VOCAB + "identity-attribute")

    FULL_NAME = ("full-name", _ID + "full-name", "full name", "imię i nazwisko")
    DATE_OF_BIRTH = ("date-of-birth", _ID + "date-of-birth", "date of birth", "data urodzenia")
    EMAIL = ("email", _ID + "email", "e-mail address", "adres e-mail")
    NATIONAL_ID = (
        "national-id",
        _ID + "national-id",
        "national identification number (e.g. PESEL)",
        "numer identyfikacyjny (np. PESEL)",
    )
    STUDENT_ID = ("student-id", _ID + "student-id", "student or learner number", "numer albumu")
    IDENTIFIER = (
        "identifier",
        _ID + "identifier",
        "persistent identifier (DID, wallet)",
        "trwały identyfikator (DID, portfel)",
    )


class LegalIdentifierScheme(Concept):
    """A register whose number establishes an organisation's legal identity."""

    scheme = nonmember(MICROCRED_VOCAB + "legal-identifier")

    VAT = ("vat", _LEGAL + "vat", "EU VAT number", "numer VAT UE")
    NIP = ("nip", _LEGAL + "nip", "Polish tax number (NIP)", "NIP")
    KRS = ("krs", _LEGAL + "krs", "Polish National Court Register (KRS)", "KRS")
    REGON = ("regon", _LEGAL + "regon", "Polish statistical number (REGON)", "REGON")
    RSPO = (
        "rspo",
        _LEGAL + "rspo",
        "Polish register of schools (RSPO)",
        "Rejestr Szkół i Placówek Oświatowych (RSPO)",
    )
    POLON = (
        "polon",
        _LEGAL + "polon",
        "Polish higher-education register (POL-on)",
        "System POL-on",
    )
    ERASMUS = ("erasmus", _LEGAL + "erasmus", "Erasmus code", "kod Erasmus")
    PIC = (
        "pic",
        _LEGAL + "pic",
        "EU Participant Identification Code (PIC)",
        "kod identyfikacyjny uczestnika UE (PIC)",
    )
    EUID = (
        "euid",
        _LEGAL + "euid",
        "European Unique Identifier (EUID)",
        "europejski unikalny identyfikator (EUID)",
    )
    LEI = ("lei", _LEGAL + "lei", "Legal Entity Identifier (LEI)", "identyfikator LEI")
    OTHER = ("other", _LEGAL + "other", "other national register", "inny rejestr krajowy")
