"""Qualification frameworks and their levels (Annex I "level ... (EQF, QF-EHEA)").

- :class:`EqfLevel` — European Qualifications Framework, levels 1–8 (Europass table).
- :class:`QfEheaCycle` — Framework of Qualifications of the European Higher Education Area.
- :class:`PrkLevel` — Polska Rama Kwalifikacji (Polish Qualifications Framework), 1–8,
  referenced to the EQF one to one (PRK level n = EQF level n); URIs from the Europass
  table of national qualifications framework levels ("qdr").

QF-EHEA has no Europass table; its cycles live in microcred's namespace.

A design names the framework and the level::

    levels:
      - {framework: eqf, value: 6}
      - {framework: prk, value: 6}
"""

from __future__ import annotations

__all__ = ["EqfLevel", "Framework", "PrkLevel", "QfEheaCycle"]

from enum import nonmember

from ._concept import Concept
from ._namespace import MICROCRED_VOCAB

_EQF = "http://data.europa.eu/snb/eqf/"
_QDR = "http://data.europa.eu/snb/qdr/"


class EqfLevel(Concept):
    """A level of the European Qualifications Framework."""

    scheme = nonmember(_EQF + "25831c2")

    L1 = ("1", _EQF + "1", "EQF level 1", "poziom 1 ERK")
    L2 = ("2", _EQF + "2", "EQF level 2", "poziom 2 ERK")
    L3 = ("3", _EQF + "3", "EQF level 3", "poziom 3 ERK")
    L4 = ("4", _EQF + "4", "EQF level 4", "poziom 4 ERK")
    L5 = ("5", _EQF + "5", "EQF level 5", "poziom 5 ERK")
    L6 = ("6", _EQF + "6", "EQF level 6", "poziom 6 ERK")
    L7 = ("7", _EQF + "7", "EQF level 7", "poziom 7 ERK")
    L8 = ("8", _EQF + "8", "EQF level 8", "poziom 8 ERK")


class PrkLevel(Concept):
    """A level of the Polish Qualifications Framework (PRK)."""

    scheme = nonmember(_QDR + "25831c2")

    L1 = ("1", _QDR + "c_fcf3bd8d", "PQF level 1", "poziom 1 PRK")
    L2 = ("2", _QDR + "c_14db1595", "PQF level 2", "poziom 2 PRK")
    L3 = ("3", _QDR + "c_e018d301", "PQF level 3", "poziom 3 PRK")
    L4 = ("4", _QDR + "c_c145999e", "PQF level 4", "poziom 4 PRK")
    L5 = ("5", _QDR + "c_045fd11d", "PQF level 5", "poziom 5 PRK")
    L6 = ("6", _QDR + "c_cb086da3", "PQF level 6", "poziom 6 PRK")
    L7 = ("7", _QDR + "c_e860b49b", "PQF level 7", "poziom 7 PRK")
    L8 = ("8", _QDR + "c_ec518d13", "PQF level 8", "poziom 8 PRK")

    @property
    def eqf(self) -> EqfLevel:
        """The EQF level this PRK level is referenced to."""
        return EqfLevel(self.value)


_QF = MICROCRED_VOCAB + "qf-ehea/"


class QfEheaCycle(Concept):
    """A cycle of the Framework of Qualifications of the EHEA (Bologna cycles)."""

    scheme = nonmember(MICROCRED_VOCAB + "qf-ehea")

    SHORT = ("short-cycle", _QF + "short-cycle", "QF-EHEA short cycle", "krótki cykl (QF-EHEA)")
    FIRST = (
        "first-cycle",
        _QF + "first-cycle",
        "QF-EHEA first cycle",
        "pierwszy stopień (QF-EHEA)",
    )
    SECOND = (
        "second-cycle",
        _QF + "second-cycle",
        "QF-EHEA second cycle",
        "drugi stopień (QF-EHEA)",
    )
    THIRD = ("third-cycle", _QF + "third-cycle", "QF-EHEA third cycle", "trzeci stopień (QF-EHEA)")

    @property
    def eqf(self) -> EqfLevel:
        """The EQF level the cycle corresponds to (EQF Recommendation 2017, Annex III)."""
        return EqfLevel(str(list(QfEheaCycle).index(self) + 5))


class Framework(Concept):
    """A qualifications framework a level can be claimed in."""

    scheme = nonmember(MICROCRED_VOCAB + "framework")

    EQF = (
        "eqf",
        _EQF + "25831c2",
        "European Qualifications Framework (EQF)",
        "Europejska Rama Kwalifikacji (ERK)",
    )
    QF_EHEA = (
        "qf-ehea",
        MICROCRED_VOCAB + "qf-ehea",
        "Framework of Qualifications for the European Higher Education Area (QF-EHEA)",
        "Ramy kwalifikacji dla europejskiego obszaru szkolnictwa wyższego (QF-EHEA)",
    )
    PRK = (
        "prk",
        MICROCRED_VOCAB + "prk",
        "Polish Qualifications Framework (PQF/PRK)",
        "Polska Rama Kwalifikacji (PRK)",
    )
