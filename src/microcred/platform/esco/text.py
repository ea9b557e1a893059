"""Text as the ESCO search compares it: lower case, without diacritics, spaces collapsed.

``fold("Łódź  Zarządzanie")`` is ``"lodz zarzadzanie"``. Unicode decomposition (NFKD)
takes accents off most letters; a few Latin letters have no decomposition (Polish ``ł``,
``ø``, ``đ``, ``ß``…) and are mapped by hand, since a person typing without Polish
characters writes ``l`` for ``ł``.
"""

from __future__ import annotations

__all__ = ["fold"]

import re
import unicodedata

_UNDECOMPOSED = str.maketrans({
    "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ß": "ss", "æ": "ae",
    "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i", "ħ": "h",
})  # fmt: skip
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """``text`` lower-cased, without diacritics, every run of white space one space."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", bare.casefold()).strip()
