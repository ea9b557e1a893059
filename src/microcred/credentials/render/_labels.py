"""The fixed words of the certificate, in Polish and English.

The names of the Annex I elements come from :class:`~microcred.standard.annexes.AnnexIElement`
(``short_label``); this module holds only the certificate's own phrases, each a
:class:`~microcred.standard.messages.Message` whose code is the name the page template
uses (``t.document``).
"""

from __future__ import annotations

__all__ = ["LANGUAGES", "MONTHS", "phrase", "words"]

from ...standard.messages import Message

LANGUAGES = ("pl", "en")

# --- the heading and the learner -----------------------------------------------------
DOCUMENT = Message("document", "Micro-credential", "Mikropoświadczenie")
KIND = Message(
    "kind",
    "Certificate under the Council Recommendation of 16 June 2022",
    "Certyfikat zgodny z zaleceniem Rady UE z 16 czerwca 2022 r.",
)
CERTIFY = Message("certify", "This is to certify that", "Zaświadcza się, że")
AWARDED = Message("awarded", "has been awarded the micro-credential", "uzyskuje mikropoświadczenie")
BORN = Message("born", "born", "ur.")
STUDENT_ID = Message("student_id", "student ID", "nr albumu")
NO_LEARNER = Message("no_learner", "(no learner named)", "(osoba nie została wskazana)")
NO_TITLE = Message("no_title", "(untitled)", "(bez tytułu)")

# --- the description -----------------------------------------------------------------
OUTCOMES_INTRO = Message(
    "outcomes_intro",
    "The holder of this micro-credential has achieved these learning outcomes:",
    "Osoba posiadająca to mikropoświadczenie osiągnęła następujące efekty uczenia się:",
)
DETAILS = Message("details", "About this micro-credential", "Opis mikropoświadczenia")
ISSUED_BY = Message("issued_by", "Issued by", "Wydawca")
HOURS = Message("hours", "hours", "godz.")
HOUR = Message("hour", "hour", "godz.")
ECTS = Message("ects", "ECTS", "ECTS")
LEVEL_UNKNOWN_FRAMEWORK = Message(
    "level_unknown_framework",
    "level {value} (no framework stated)",
    "poziom {value} (bez wskazania ramy kwalifikacji)",
)
SCALE = Message("scale", "grading scale", "skala ocen")
TOWARDS = Message("towards", "counts towards", "zaliczane do")

# --- verification --------------------------------------------------------------------
VERIFY_TITLE = Message("verify_title", "Verification", "Weryfikacja")
VERIFY_QR_CLI = Message(
    "verify_qr_cli", "Verify: scan the QR code or run", "Zweryfikuj: zeskanuj kod QR lub uruchom"
)
VERIFY_QR = Message("verify_qr", "Verify: scan the QR code", "Zweryfikuj: zeskanuj kod QR")
VERIFY_OFFLINE = Message(
    "verify_offline",
    "This PDF carries the signed digital credential: {names}.",
    "Plik PDF zawiera podpisane poświadczenie cyfrowe: {names}.",
)
VERIFY_OFFLINE_MANY = Message(
    "verify_offline_many",
    "This PDF carries the signed digital credentials: {names}.",
    "Plik PDF zawiera podpisane poświadczenia cyfrowe: {names}.",
)

# The phrases by the template's name (``t.document``); made from the constants above.
_PHRASES: dict[str, Message] = {
    value.code: value for value in dict(globals()).values() if isinstance(value, Message)
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
    """The phrase ``key`` in ``lang`` (English for any language but Polish), its
    ``{placeholders}`` left to the caller."""
    message = _PHRASES[key]
    return message.pl if lang == "pl" else message.en


def words(lang: str) -> dict[str, str]:
    """Every phrase in ``lang`` by the template's name (``t.document``)."""
    return {key: phrase(key, lang) for key in _PHRASES}
