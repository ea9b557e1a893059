"""The certificate's own phrases: message constants, read by the page template by name."""

from __future__ import annotations

import pytest

from microcred.credentials.render import _labels
from microcred.credentials.render._labels import LANGUAGES, PHRASES, phrase, words
from microcred.standard.messages import Message

CONSTANTS = [value for value in vars(_labels).values() if isinstance(value, Message)]


def test_every_phrase_is_a_constant_and_the_template_reads_each() -> None:
    assert len(CONSTANTS) == len(PHRASES) > 20
    for message in CONSTANTS:
        assert PHRASES[message.code] == {"pl": message.pl, "en": message.en}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_words_are_the_phrases_in_one_language(lang: str) -> None:
    said = words(lang)
    assert set(said) == set(PHRASES)
    for message in CONSTANTS:
        assert said[message.code] == phrase(message.code, lang) == getattr(message, lang)


def test_a_phrase_keeps_its_placeholders_for_the_caller() -> None:
    assert phrase(_labels.VERIFY_OFFLINE.code, "pl").endswith("{names}.")
    assert phrase(_labels.DOCUMENT.code, "de") == _labels.DOCUMENT.en
