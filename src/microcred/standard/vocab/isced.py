"""ISCED-F 2013 fields of education and training: the 11 broad and 29 narrow fields.

Keys are the ISCED-F codes as strings (broad ``06``, narrow ``061``); URIs are the Europass
authority table (``http://data.europa.eu/snb/isced-f/<code>``), as in the EU's EDC samples::

    >>> IscedField("061").broad is IscedField("06")
    True
"""

from __future__ import annotations

__all__ = ["IscedField"]

from enum import nonmember

from ._concept import Concept

_SNB = "http://data.europa.eu/snb/isced-f/"


def _f(code: str, en: str, pl: str) -> tuple[str, str, str, str]:
    return (code, _SNB + code, en, pl)


class IscedField(Concept):
    """A broad (two-digit) or narrow (three-digit) ISCED-F 2013 field."""

    scheme = nonmember("http://data.europa.eu/snb/isced-f/25831c2")

    F00 = _f("00", "Generic programmes and qualifications", "Programy i kwalifikacje ogólne")
    F001 = _f("001", "Basic programmes and qualifications", "Programy i kwalifikacje podstawowe")
    F002 = _f("002", "Literacy and numeracy", "Umiejętność czytania, pisania i liczenia")
    F003 = _f("003", "Personal skills and development", "Umiejętności i rozwój osobisty")
    F01 = _f("01", "Education", "Kształcenie")
    F011 = _f("011", "Education", "Kształcenie")
    F02 = _f("02", "Arts and humanities", "Sztuka i nauki humanistyczne")
    F021 = _f("021", "Arts", "Sztuka")
    F022 = _f("022", "Humanities (except languages)", "Nauki humanistyczne (z wyjątkiem języków)")
    F023 = _f("023", "Languages", "Języki")
    F03 = _f(
        "03",
        "Social sciences, journalism and information",
        "Nauki społeczne, dziennikarstwo i informacja",
    )
    F031 = _f("031", "Social and behavioural sciences", "Nauki społeczne i behawioralne")
    F032 = _f("032", "Journalism and information", "Dziennikarstwo i informacja")
    F04 = _f("04", "Business, administration and law", "Biznes, administracja i prawo")
    F041 = _f("041", "Business and administration", "Biznes i administracja")
    F042 = _f("042", "Law", "Prawo")
    F05 = _f(
        "05",
        "Natural sciences, mathematics and statistics",
        "Nauki przyrodnicze, matematyka i statystyka",
    )
    F051 = _f("051", "Biological and related sciences", "Nauki biologiczne i pokrewne")
    F052 = _f("052", "Environment", "Środowisko")
    F053 = _f("053", "Physical sciences", "Nauki fizyczne")
    F054 = _f("054", "Mathematics and statistics", "Matematyka i statystyka")
    F06 = _f(
        "06",
        "Information and Communication Technologies (ICTs)",
        "Technologie informacyjno-komunikacyjne",
    )
    F061 = _f(
        "061",
        "Information and Communication Technologies (ICTs)",
        "Technologie informacyjno-komunikacyjne",
    )
    F07 = _f(
        "07",
        "Engineering, manufacturing and construction",
        "Technika, przemysł i budownictwo",
    )
    F071 = _f("071", "Engineering and engineering trades", "Inżynieria i technika")
    F072 = _f("072", "Manufacturing and processing", "Produkcja i przetwórstwo")
    F073 = _f("073", "Architecture and construction", "Architektura i budownictwo")
    F08 = _f(
        "08",
        "Agriculture, forestry, fisheries and veterinary",
        "Rolnictwo, leśnictwo, rybactwo i weterynaria",
    )
    F081 = _f("081", "Agriculture", "Rolnictwo")
    F082 = _f("082", "Forestry", "Leśnictwo")
    F083 = _f("083", "Fisheries", "Rybactwo")
    F084 = _f("084", "Veterinary", "Weterynaria")
    F09 = _f("09", "Health and welfare", "Zdrowie i opieka społeczna")
    F091 = _f("091", "Health", "Zdrowie")
    F092 = _f("092", "Welfare", "Opieka społeczna")
    F10 = _f("10", "Services", "Usługi")
    F101 = _f("101", "Personal services", "Usługi dla ludności")
    F102 = _f(
        "102",
        "Hygiene and occupational health services",
        "Higiena i bezpieczeństwo pracy",
    )
    F103 = _f("103", "Security services", "Usługi ochrony")
    F104 = _f("104", "Transport services", "Usługi transportowe")

    @property
    def is_broad(self) -> bool:
        """True for a broad (two-digit) field."""
        return len(self.value) == 2

    @property
    def broad(self) -> IscedField:
        """The broad field this field belongs to (itself for a broad field)."""
        return IscedField(self.value[:2])
