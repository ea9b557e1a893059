"""The certificate's own phrases: message constants, read by the page template by name."""

from __future__ import annotations

import pytest

from microcred.credentials.render import _labels
from microcred.credentials.render._labels import LANGUAGES, phrase, words
from microcred.standard.messages import Message

CONSTANTS = [value for value in vars(_labels).values() if isinstance(value, Message)]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_template_reads_every_constant_in_one_language(lang: str) -> None:
    said = words(lang)
    assert len(CONSTANTS) == len(said) > 20
    for message in CONSTANTS:
        assert said[message.code] == phrase(message.code, lang) == getattr(message, lang)


def test_a_phrase_keeps_its_placeholders_for_the_caller() -> None:
    assert phrase(_labels.VERIFY_OFFLINE.code, "pl").endswith("{names}.")
    assert phrase(_labels.DOCUMENT.code, "de") == _labels.DOCUMENT.en
