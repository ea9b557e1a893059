"""Countries of awarding bodies: the EU and EEA states, plus the neighbours most often seen.

Keys are ISO 3166-1 alpha-2 codes (``PL``); URIs are the EU Publications Office
authority table "country" (alpha-3 codes)::

    >>> Country("PL").uri
    'http://publications.europa.eu/resource/authority/country/POL'
"""

from __future__ import annotations

__all__ = ["EEA_NOT_EU", "EU_MEMBER_STATES", "Country"]

from enum import nonmember

from ._concept import Concept

_AUTH = "http://publications.europa.eu/resource/authority/country/"


class Country(Concept):
    """A country, keyed by ISO 3166-1 alpha-2 code."""

    scheme = nonmember("http://publications.europa.eu/resource/authority/country")

    AT = ("AT", _AUTH + "AUT", "Austria", "Austria")
    BE = ("BE", _AUTH + "BEL", "Belgium", "Belgia")
    BG = ("BG", _AUTH + "BGR", "Bulgaria", "Bułgaria")
    HR = ("HR", _AUTH + "HRV", "Croatia", "Chorwacja")
    CY = ("CY", _AUTH + "CYP", "Cyprus", "Cypr")
    CZ = ("CZ", _AUTH + "CZE", "Czechia", "Czechy")
    DK = ("DK", _AUTH + "DNK", "Denmark", "Dania")
    EE = ("EE", _AUTH + "EST", "Estonia", "Estonia")
    FI = ("FI", _AUTH + "FIN", "Finland", "Finlandia")
    FR = ("FR", _AUTH + "FRA", "France", "Francja")
    DE = ("DE", _AUTH + "DEU", "Germany", "Niemcy")
    GR = ("GR", _AUTH + "GRC", "Greece", "Grecja")
    HU = ("HU", _AUTH + "HUN", "Hungary", "Węgry")
    IE = ("IE", _AUTH + "IRL", "Ireland", "Irlandia")
    IT = ("IT", _AUTH + "ITA", "Italy", "Włochy")
    LV = ("LV", _AUTH + "LVA", "Latvia", "Łotwa")
    LT = ("LT", _AUTH + "LTU", "Lithuania", "Litwa")
    LU = ("LU", _AUTH + "LUX", "Luxembourg", "Luksemburg")
    MT = ("MT", _AUTH + "MLT", "Malta", "Malta")
    NL = ("NL", _AUTH + "NLD", "Netherlands", "Niderlandy")
    PL = ("PL", _AUTH + "POL", "Poland", "Polska")
    PT = ("PT", _AUTH + "PRT", "Portugal", "Portugalia")
    RO = ("RO", _AUTH + "ROU", "Romania", "Rumunia")
    SK = ("SK", _AUTH + "SVK", "Slovakia", "Słowacja")
    SI = ("SI", _AUTH + "SVN", "Slovenia", "Słowenia")
    ES = ("ES", _AUTH + "ESP", "Spain", "Hiszpania")
    SE = ("SE", _AUTH + "SWE", "Sweden", "Szwecja")
    IS = ("IS", _AUTH + "ISL", "Iceland", "Islandia")
    LI = ("LI", _AUTH + "LIE", "Liechtenstein", "Liechtenstein")
    NO = ("NO", _AUTH + "NOR", "Norway", "Norwegia")
    CH = ("CH", _AUTH + "CHE", "Switzerland", "Szwajcaria")
    GB = ("GB", _AUTH + "GBR", "United Kingdom", "Wielka Brytania")
    UA = ("UA", _AUTH + "UKR", "Ukraine", "Ukraina")
    US = ("US", _AUTH + "USA", "United States", "Stany Zjednoczone")

    @property
    def in_eu(self) -> bool:
        """True for the 27 EU member states."""
        return self in EU_MEMBER_STATES

    @property
    def in_eea(self) -> bool:
        """True for the EU member states and Iceland, Liechtenstein and Norway."""
        return self in EU_MEMBER_STATES or self in EEA_NOT_EU


EEA_NOT_EU = frozenset({Country.IS, Country.LI, Country.NO})
EU_MEMBER_STATES = frozenset(
    c
    for c in Country
    if c not in EEA_NOT_EU and c not in {Country.CH, Country.GB, Country.UA, Country.US}
)
