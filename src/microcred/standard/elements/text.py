"""Multilingual text: one string per EU language, as a design file writes it.

Wire format (YAML or JSON), keyed by ISO 639-1 code::

    title:
      pl: Podstawy języka Python
      en: Python basics
"""

from __future__ import annotations

__all__ = ["NO_TEXT", "TEXT_EMPTY", "LocalizedText"]

from collections.abc import Iterator

from pydantic import RootModel, field_validator

from ..messages import Message
from ..vocab.languages import Language
from ._base import refuse_control_characters

#: a translation that is blank
TEXT_EMPTY = Message("text_empty", "the text in {langs} is empty", "pusty tekst w języku: {langs}")
#: no translation at all
NO_TEXT = Message(
    "no_text",
    "give the text in at least one language, e.g. pl: ... or en: ...",
    "podaj tekst w co najmniej jednym języku, np. pl: ... lub en: ...",
)


class LocalizedText(RootModel[dict[Language, str]]):
    """Text in one or more EU languages; at least one non-blank translation."""

    @field_validator("root")
    @classmethod
    def _not_blank(cls, value: dict[Language, str]) -> dict[Language, str]:
        cleaned = {lang: refuse_control_characters(text.strip()) for lang, text in value.items()}
        blank = [str(lang) for lang, text in cleaned.items() if not text]
        if blank:
            raise ValueError(TEXT_EMPTY(langs=", ".join(blank)))
        if not cleaned:
            raise ValueError(NO_TEXT())
        return cleaned

    def get(self, lang: str = "en") -> str:
        """The text in ``lang``, else English, else Polish, else the first one given."""
        known = set(Language.keys())
        for key in (lang, "en", "pl"):
            text = self.root.get(Language(key)) if key in known else None
            if text:
                return text
        return next(iter(self.root.values()))

    def items(self) -> Iterator[tuple[Language, str]]:
        """Each (language, text) pair."""
        yield from self.root.items()

    @property
    def languages(self) -> list[Language]:
        """The languages this text is given in."""
        return list(self.root)

    def __str__(self) -> str:
        return self.get()
