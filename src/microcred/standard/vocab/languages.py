"""The 24 official languages of the EU, keyed by ISO 639-1 code.

URIs are the EU Publications Office authority table "language"::

    >>> Language("pl").uri
    'http://publications.europa.eu/resource/authority/language/POL'
"""

from __future__ import annotations

__all__ = ["Language"]

from enum import nonmember

from ._concept import Concept

_AUTH = "http://publications.europa.eu/resource/authority/language/"


class Language(Concept):
    """An official EU language, keyed by its ISO 639-1 code."""

    scheme = nonmember("http://publications.europa.eu/resource/authority/language")

    BG = ("bg", _AUTH + "BUL", "Bulgarian", "bułgarski")
    CS = ("cs", _AUTH + "CES", "Czech", "czeski")
    DA = ("da", _AUTH + "DAN", "Danish", "duński")
    DE = ("de", _AUTH + "DEU", "German", "niemiecki")
    EL = ("el", _AUTH + "ELL", "Greek", "grecki")
    EN = ("en", _AUTH + "ENG", "English", "angielski")
    ES = ("es", _AUTH + "SPA", "Spanish", "hiszpański")
    ET = ("et", _AUTH + "EST", "Estonian", "estoński")
    FI = ("fi", _AUTH + "FIN", "Finnish", "fiński")
    FR = ("fr", _AUTH + "FRA", "French", "francuski")
    GA = ("ga", _AUTH + "GLE", "Irish", "irlandzki")
    HR = ("hr", _AUTH + "HRV", "Croatian", "chorwacki")
    HU = ("hu", _AUTH + "HUN", "Hungarian", "węgierski")
    IT = ("it", _AUTH + "ITA", "Italian", "włoski")
    LT = ("lt", _AUTH + "LIT", "Lithuanian", "litewski")
    LV = ("lv", _AUTH + "LAV", "Latvian", "łotewski")
    MT = ("mt", _AUTH + "MLT", "Maltese", "maltański")
    NL = ("nl", _AUTH + "NLD", "Dutch", "niderlandzki")
    PL = ("pl", _AUTH + "POL", "Polish", "polski")
    PT = ("pt", _AUTH + "POR", "Portuguese", "portugalski")
    RO = ("ro", _AUTH + "RON", "Romanian", "rumuński")
    SK = ("sk", _AUTH + "SLK", "Slovak", "słowacki")
    SL = ("sl", _AUTH + "SLV", "Slovenian", "słoweński")
    SV = ("sv", _AUTH + "SWE", "Swedish", "szwedzki")
