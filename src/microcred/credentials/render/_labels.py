"""The fixed words of the certificate, in Polish and English.

The names of the Annex I elements come from :class:`~microcred.standard.annexes.AnnexIElement`
(``short_label``); this table holds only the certificate's own phrases.
"""

from __future__ import annotations

__all__ = ["LANGUAGES", "MONTHS", "PHRASES", "phrase"]

LANGUAGES = ("pl", "en")

PHRASES: dict[str, dict[str, str]] = {
    "document": {"pl": "Mikropoświadczenie", "en": "Micro-credential"},
    "kind": {
        "pl": "Certyfikat zgodny z zaleceniem Rady UE z 16 czerwca 2022 r.",
        "en": "Certificate under the Council Recommendation of 16 June 2022",
    },
    "certify": {"pl": "Zaświadcza się, że", "en": "This is to certify that"},
    "awarded": {
        "pl": "uzyskuje mikropoświadczenie",
        "en": "has been awarded the micro-credential",
    },
    "born": {"pl": "ur.", "en": "born"},
    "student_id": {"pl": "nr albumu", "en": "student ID"},
    "no_learner": {"pl": "(osoba nie została wskazana)", "en": "(no learner named)"},
    "no_title": {"pl": "(bez tytułu)", "en": "(untitled)"},
    "outcomes_intro": {
        "pl": "Osoba posiadająca to mikropoświadczenie osiągnęła następujące efekty uczenia się:",
        "en": "The holder of this micro-credential has achieved these learning outcomes:",
    },
    "details": {"pl": "Opis mikropoświadczenia", "en": "About this micro-credential"},
    "issued_by": {"pl": "Wydawca", "en": "Issued by"},
    "hours": {"pl": "godz.", "en": "hours"},
    "hour": {"pl": "godz.", "en": "hour"},
    "ects": {"pl": "ECTS", "en": "ECTS"},
    "level_unknown_framework": {
        "pl": "poziom {value} (bez wskazania ramy kwalifikacji)",
        "en": "level {value} (no framework stated)",
    },
    "scale": {"pl": "skala ocen", "en": "grading scale"},
    "towards": {"pl": "zaliczane do", "en": "counts towards"},
    "verify_title": {"pl": "Weryfikacja", "en": "Verification"},
    "verify_qr_cli": {
        "pl": "Zweryfikuj: zeskanuj kod QR lub uruchom",
        "en": "Verify: scan the QR code or run",
    },
    "verify_qr": {"pl": "Zweryfikuj: zeskanuj kod QR", "en": "Verify: scan the QR code"},
    "verify_offline": {
        "pl": "Plik PDF zawiera podpisane poświadczenie cyfrowe: {names}.",
        "en": "This PDF carries the signed digital credential: {names}.",
    },
    "verify_offline_many": {
        "pl": "Plik PDF zawiera podpisane poświadczenia cyfrowe: {names}.",
        "en": "This PDF carries the signed digital credentials: {names}.",
    },
}

MONTHS = {
    "pl": (
        "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września "
        "października listopada grudnia"
    ).split(),
    "en": (
        "January February March April May June July August September October November December"
    ).split(),
}


def phrase(key: str, lang: str) -> str:
    """The phrase ``key`` in ``lang``."""
    return PHRASES[key][lang]
