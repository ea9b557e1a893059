"""The one bilingual message type of every layer: a :class:`Message` template with a
machine code and its English and Polish text, and the :class:`Reason` it makes once its
``{placeholders}`` are filled.

Each concern keeps its messages as module constants (``standard.compliance.messages``,
``credentials.verify.messages``, ``credentials.jades.messages``...) so that tests import
the constant and compare codes, never wording, and a rule cannot fire silently with the
wrong code. ``tests/test_messages.py`` finds every constant and holds each to the same
rules: a unique code per module, the same placeholders in both languages, and Polish text
that is Polish.
"""

from __future__ import annotations

__all__ = ["Message", "Reason", "Severity"]

import string
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    """How much a reason weighs where it is given: it only informs, it advises, or (in
    the compliance check) it lowers an element's status."""

    INFO = "info"
    ADVICE = "advice"
    WEAK = "weak"


@dataclass(frozen=True)
class Reason:
    """One thing said, in English and Polish, with the machine code of its message."""

    code: str
    en: str
    pl: str
    severity: Severity = Severity.INFO

    def text(self, lang: str = "en") -> str:
        """The text in ``pl`` or ``en``."""
        return self.pl if lang == "pl" else self.en

    def __str__(self) -> str:
        return self.en


@dataclass(frozen=True)
class Message:
    """A message template: a machine code and its English and Polish text, in which
    ``{name}`` placeholders are filled by keyword when it is called.

    A placeholder may differ between the languages (``{what}`` / ``{what_pl}``): each
    text takes the parameters it names and ignores the rest.
    """

    code: str
    en: str
    pl: str
    severity: Severity = Severity.INFO

    def __call__(self, **params: Any) -> Reason:
        """The reason with ``params`` filled in, in both languages."""
        return Reason(self.code, self.en.format(**params), self.pl.format(**params),
                      self.severity)  # fmt: skip

    def text(self, lang: str = "en", **params: Any) -> str:
        """The text in ``pl`` or ``en`` with ``params`` filled in."""
        return (self.pl if lang == "pl" else self.en).format(**params)

    def placeholders(self, lang: str = "en") -> frozenset[str]:
        """The names the text in ``lang`` fills in."""
        text = self.pl if lang == "pl" else self.en
        return frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name)
