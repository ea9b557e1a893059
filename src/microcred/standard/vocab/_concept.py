"""The base of every controlled vocabulary: an enum whose members are SKOS concepts.

A member's value is the short key a provider writes in a design file (``online``); it
also carries the concept's URI in its authority table and its labels in Polish and
English::

    >>> from microcred.standard.vocab import FormOfParticipation
    >>> FormOfParticipation.ONLINE.uri
    'http://data.europa.eu/snb/learning-assessment/920fbb3cbe'
    >>> FormOfParticipation("online").label("pl")
    'online'
"""

from __future__ import annotations

__all__ = ["Concept", "UnknownConceptError"]

from enum import Enum
from typing import Any, Self

from ..errors import UnknownConceptError


class _ConceptAttributes:
    # Declared outside the Enum so that type checkers do not take them for members.
    uri: str
    labels: dict[str, str]
    match: str | None


class Concept(_ConceptAttributes, str, Enum):
    """A controlled-vocabulary concept: key (the enum value), URI, PL and EN labels.

    Subclasses declare members as ``NAME = (key, uri, english, polish)`` and set
    ``scheme`` (the concept scheme URI) with :func:`enum.nonmember`. A fifth item, when
    given, is ``match``: the closest concept in a Europass table for a concept that has
    to live in microcred's namespace (SKOS ``closeMatch``), used when writing Europass
    documents.
    """

    def __new__(cls, *definition: str) -> Self:
        # Members are declared as (key, uri, en, pl[, match]); ``Cls(key)`` looks one up.
        key, uri, en, pl, *match = definition
        member = str.__new__(cls, key)
        member._value_ = key
        member.uri = uri
        member.labels = {"en": en, "pl": pl}
        member.match = match[0] if match else None
        return member

    def __str__(self) -> str:
        return str(self.value)

    def label(self, lang: str = "en") -> str:
        """The concept's label in ``lang`` (``pl`` or ``en``), English when missing."""
        return self.labels.get(lang, self.labels["en"])

    @classmethod
    def from_uri(cls, uri: str) -> Self:
        """The member whose URI is ``uri``; raises :class:`UnknownConceptError` otherwise."""
        for member in cls:
            if member.uri == uri:
                return member
        raise UnknownConceptError(f"{uri!r} is not a concept of {cls.__name__}")

    @classmethod
    def from_uri_or_match(cls, uri: str) -> Self:
        """The member whose URI is ``uri`` or, failing that, the first whose ``match`` is
        (reading a Europass concept into a vocabulary of microcred's)."""
        for member in cls:
            if member.uri == uri:
                return member
        for member in cls:
            if member.match == uri:
                return member
        raise UnknownConceptError(f"{uri!r} is not a concept of {cls.__name__}")

    @classmethod
    def has_key(cls, key: object) -> bool:
        """True when ``key`` is exactly the key of a member (no case folding, no URI)."""
        return isinstance(key, str) and key in cls._value2member_map_

    @classmethod
    def keys(cls) -> list[str]:
        """The keys a design file may use, in declaration order."""
        return [str(m.value) for m in cls]

    @classmethod
    def _missing_(cls, value: Any) -> Self | None:
        # Accept the URI or a case/underscore variant of the key, so that
        # "ONSITE", "supervised_online_id" and the authority-table URI all mean the same.
        if isinstance(value, str):
            text = value.strip()
            key = text.lower().replace("_", "-")
            for member in cls:
                if text == member.uri or key == str(member.value).lower():
                    return member
        return None
