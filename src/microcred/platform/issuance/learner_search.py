"""A provider's awards found by the learner's name or e-mail address, whatever the case
and the diacritics: ``kaminski`` finds "Jan Kamiński", ``ŁUKASZ`` finds "Lukasz".

The award's row keeps the names as typed (no folded copy to search: the issuance app's
model is not this module's to change), so the database folds them as it compares: each
letter of the folded query (:func:`microcred.platform.esco.text.fold`, as the ESCO and
registry searches fold) becomes a character class of every letter that folds to it, in
both cases — ``l`` is ``[lLĺĹļĻľĽŀĿłŁ]`` — matched case-insensitively as a regular
expression (PostgreSQL's ``~*``; on SQLite, Django's ``REGEXP`` function, Python's
``re``). Every word of the query must occur in the learner's given name, family name
or e-mail address. Letters that fold to two (``ß`` → ``ss``, ``æ`` → ``ae``) match only
themselves.
"""

from __future__ import annotations

__all__ = ["MAX_QUERY", "MAX_WORDS", "awards_matching", "folded_pattern"]

import re
import string
from functools import cache

from django.db.models import CharField, QuerySet, Value
from django.db.models.functions import Concat

from ..esco.text import fold
from ..providers.models import Provider
from .models import Award

#: the longest query read, and the most words of it used
MAX_QUERY, MAX_WORDS = 200, 5


@cache
def _classes() -> dict[str, str]:
    """Each ASCII letter and every Latin letter (to U+024F) that folds to it."""
    found: dict[str, set[str]] = {c: {c, c.upper()} for c in string.ascii_lowercase}
    for code in range(0xC0, 0x250):
        char = chr(code)
        folded = fold(char)
        if len(folded) == 1 and folded in found:
            found[folded].update((char, char.upper(), char.lower()))
    return {letter: "".join(sorted(chars)) for letter, chars in found.items()}


def folded_pattern(word: str) -> str:
    """The regular expression that matches ``word`` (already folded) in text that is not:
    a class per letter, every other character as itself."""
    classes = _classes()
    return "".join(f"[{classes[c]}]" if c in classes else re.escape(c) for c in word)


def awards_matching(provider: Provider, query: str, *, limit: int = 50) -> QuerySet[Award]:
    """``provider``'s awards whose learner matches every word of ``query`` (at most
    ``limit``, the latest first); none for an empty query."""
    words = fold(query[:MAX_QUERY]).split()[:MAX_WORDS]
    if not words:
        return Award.objects.none()
    found = Award.objects.filter(provider=provider).annotate(
        _learner=Concat("given_name", Value(" "), "family_name", Value(" "), "email",
                        output_field=CharField()),
    )  # fmt: skip
    for word in words:
        found = found.filter(_learner__iregex=folded_pattern(word))
    return found.select_related("version").order_by("-created_at", "pk")[:limit]
