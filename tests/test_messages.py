"""Every text a person reads is a :class:`~microcred.standard.messages.Message` constant,
said in English and Polish, and the Polish is Polish.

The test imports every module of the library (not the platform) and holds each message
constant it finds to the same rules; it also fails on the older shapes of bilingual
text (a module-level dictionary of ``(English, Polish)`` pairs).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections import defaultdict
from types import ModuleType
from typing import Any

import microcred
from microcred.standard.messages import Message, Reason

_POLISH_LETTERS = re.compile(r"[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]")
# English words that are no Polish words (``a``, ``to``, ``do``, ``no`` and ``status`` are)
_ENGLISH = frozenset(
    "the is are was were not of and or with an for this that has have been be it its from "
    "which must should does cannot can credential credentials signature proof key keys "
    "issuer valid invalid expired revoked suspended unknown missing given found checked "
    "trusted file files list design learner grade seal certificate name date".split()
)
# what is not prose: placeholders, code, URLs, identifiers, quoted terms, JSON members
_NOT_PROSE = re.compile(
    r"\{[^}]*\}"  # {placeholder}
    r"|``[^`]*``|`[^`]*`"  # code
    r"|'[^']*'|\"[^\"]*\"|„[^”]*”"  # quoted terms
    r"|\([A-Za-z@$][\w@$.:/\-]*(?:, [A-Za-z@$][\w@$.:/\-]*)*\)"  # (jsonMember, other)
    r"|\S*[_@/:.=<>$]\S*"  # identifiers, URLs, paths, dotted names
    r"|\b[a-z]+[A-Z]\w*"  # camelCase members
    r"|\b[A-Z][A-Z0-9\-]+\b"  # acronyms: JSON, EDC, OB, PDF
)


def _modules() -> list[ModuleType]:
    names = [
        info.name
        for info in pkgutil.walk_packages(microcred.__path__, "microcred.")
        if not info.name.startswith("microcred.platform")
    ]
    return [importlib.import_module(name) for name in sorted(names)]


MODULES = _modules()


def _held(module: ModuleType) -> dict[str, Message]:
    """The messages a module holds: its constants, and the values of its dictionaries
    of messages (labels of an enumeration: ``_RESULT_LABELS[Result.VALID]``)."""
    held: dict[str, Message] = {}
    for name, value in vars(module).items():
        if isinstance(value, Message):
            held[name] = value
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, Message):
                    held[f"{name}[{key!r}]"] = item
    return held


def _own_messages(module: ModuleType) -> dict[str, Message]:
    """The messages ``module`` defines (not those it imports: a message counts in the
    first module, in the package's order, that holds it)."""
    return {
        name: value for name, value in _held(module).items() if _home[id(value)] == module.__name__
    }


_home: dict[int, str] = {}
for _module in MODULES:
    for _value in _held(_module).values():
        _home.setdefault(id(_value), _module.__name__)

MESSAGES: list[tuple[str, str, Message]] = [
    (module.__name__, name, message)
    for module in MODULES
    for name, message in _own_messages(module).items()
]


def _english_words(polish: str) -> list[str]:
    prose = _NOT_PROSE.sub(" ", polish)
    # whole words, letters with diacritics included ("listą" is no "list")
    return [word for word in re.findall(r"[^\W\d_]+", prose) if word.lower() in _ENGLISH]


def _stem(placeholder: str) -> str:
    return re.sub(r"_(pl|en)$", "", placeholder)


def test_the_library_has_its_messages_as_constants() -> None:
    modules = {module for module, _, _ in MESSAGES}
    assert len(MESSAGES) > 300, len(MESSAGES)
    for expected in (
        "microcred.standard.compliance.messages",
        "microcred.standard.elements.grading",
    ):
        assert expected in modules, expected


def test_codes_are_unique_within_a_module() -> None:
    codes: dict[tuple[str, str], list[str]] = defaultdict(list)
    for module, name, message in MESSAGES:
        codes[(module, message.code)].append(name)
    twice = {key: names for key, names in codes.items() if len(names) > 1}
    assert not twice, twice


def test_both_languages_fill_the_same_placeholders() -> None:
    different = [
        f"{module}.{name}: {sorted(message.placeholders('en'))} / "
        f"{sorted(message.placeholders('pl'))}"
        for module, name, message in MESSAGES
        if {_stem(p) for p in message.placeholders("en")}
        != {_stem(p) for p in message.placeholders("pl")}
    ]
    assert not different, "\n".join(different)


def test_every_polish_text_is_polish() -> None:
    english = [
        f"{module}.{name}: {words} in {message.pl!r}"
        for module, name, message in MESSAGES
        if (words := _english_words(message.pl))
    ]
    assert not english, "\n".join(english)


def test_no_polish_text_is_the_english_one() -> None:
    same = [
        f"{module}.{name}: {message.en!r}"
        for module, name, message in MESSAGES
        if message.pl == message.en and re.search(r"[A-Za-z]{3}", _NOT_PROSE.sub(" ", message.en))
    ]
    assert not same, "\n".join(same)


def _pairs(value: Any) -> bool:
    """A dictionary whose values hold English and Polish text side by side."""
    if not isinstance(value, dict) or not value:
        return False
    texts = [v for v in value.values() if isinstance(v, tuple)]
    return bool(texts) and any(
        any(isinstance(s, str) and _POLISH_LETTERS.search(s) for s in t) for t in texts
    )


# Polish words with their grammatical tags: a lexicon, not a text in two languages
_LEXICONS = frozenset({"microcred.standard.compliance.outcome_rules._PL_KNOWN"})


def test_no_module_keeps_bilingual_text_in_another_shape() -> None:
    other = [
        f"{module.__name__}.{name}"
        for module in MODULES
        for name, value in vars(module).items()
        if _pairs(value) and f"{module.__name__}.{name}" not in _LEXICONS
    ]
    assert not other, other


def test_the_checker_sees_english_in_polish() -> None:
    """The rule above can fail: it finds the English of a half-translated text, and
    leaves code, placeholders and quoted terms alone."""
    assert _english_words("certyfikat pieczęci is not valid") == ["is", "not", "valid"]
    assert _english_words("status: revoked") == ["revoked"]
    assert _english_words("podaj hasło do pliku z listą") == []
    assert _english_words("brak właściwości `issuer` ani validFrom (issuer.name)") == []
    assert _english_words("nie można odczytać {what} z pliku JSON 'design file'") == []
    assert Message("x", "{a} of {b_en}", "{a} z {b_pl}")(a=1, b_en="x", b_pl="y") == Reason(
        "x", "1 of x", "1 z y"
    )
