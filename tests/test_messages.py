"""Every text a person reads is a :class:`~microcred.standard.messages.Message` constant,
said in English and Polish, and the Polish is Polish.

The test imports every module of the library (not the platform) and holds each message
constant it finds to the same rules; it also fails on the older shapes of bilingual
text (a module-level dictionary of ``(English, Polish)`` pairs). A message counts once, in
the module that defines it (read from the module's source), however many modules import it.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import sys
from collections import defaultdict
from pathlib import Path
from types import ModuleType
from typing import Any, NamedTuple

import pytest

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


def _defined_names(module: ModuleType) -> frozenset[str]:
    """The names ``module`` assigns at its top level (``X = Message(...)``,
    ``_LABELS: dict[...] = {...}``), read from its source: what it defines, not what it
    imports."""
    source = Path(module.__file__ or "").read_text(encoding="utf-8")
    names: set[str] = set()
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets = [node.target]
        else:
            continue
        for target in targets:
            names.update(n.id for n in ast.walk(target) if isinstance(n, ast.Name))
    return frozenset(names)


class _Held(NamedTuple):
    """A message as a module holds it: under a name, or under a key of a dictionary."""

    name: str  # ``GRADE_FAILING`` or ``_LABELS[<Status.OK: 'ok'>]``
    holder: str  # the module-level name: ``GRADE_FAILING`` or ``_LABELS``
    message: Message

    @property
    def constant(self) -> bool:
        return self.name == self.holder


def _held(module: ModuleType) -> list[_Held]:
    """The messages a module holds: its constants, and the values of its dictionaries
    of messages (labels of an enumeration: ``_RESULT_LABELS[Result.VALID]``)."""
    held: list[_Held] = []
    for name, value in vars(module).items():
        if isinstance(value, Message):
            held.append(_Held(name, name, value))
        elif isinstance(value, dict):
            held.extend(
                _Held(f"{name}[{key!r}]", name, item)
                for key, item in value.items()
                if isinstance(item, Message)
            )
    return held


def _homes(modules: list[ModuleType]) -> dict[int, str]:
    """The module that defines each message (by identity): the one that assigns it to a
    constant at its top level, else the one that assigns a dictionary holding it; a
    message no module assigns (made in a class body, say) counts in the first module,
    in the package's order, that holds it."""
    ranked: dict[int, tuple[int, int, str]] = {}
    for order, module in enumerate(modules):
        defined = _defined_names(module)
        for held in _held(module):
            rank = (0 if held.constant else 1) if held.holder in defined else 2
            candidate = (rank, order, module.__name__)
            ranked[id(held.message)] = min(ranked.get(id(held.message), candidate), candidate)
    return {key: name for key, (_, _, name) in ranked.items()}


def _own_messages(module: ModuleType, homes: dict[int, str]) -> dict[str, Message]:
    """The messages ``module`` defines, each once (under its constant's name when it is
    also the value of a dictionary there)."""
    own: dict[int, _Held] = {}
    for held in _held(module):
        if homes[id(held.message)] != module.__name__:
            continue
        if id(held.message) not in own or (held.constant and not own[id(held.message)].constant):
            own[id(held.message)] = held
    return {held.name: held.message for held in own.values()}


_HOMES = _homes(MODULES)

MESSAGES: list[tuple[str, str, Message]] = [
    (module.__name__, name, message)
    for module in MODULES
    for name, message in _own_messages(module, _HOMES).items()
]


def _codes_twice(messages: list[tuple[str, str, Message]]) -> dict[tuple[str, str], list[str]]:
    """The codes that more than one message of a module carries; one message held under
    two names (a constant, and a dictionary's value) counts once."""
    codes: dict[tuple[str, str], dict[int, str]] = defaultdict(dict)
    for module, name, message in messages:
        codes[(module, message.code)].setdefault(id(message), name)
    return {key: sorted(names.values()) for key, names in codes.items() if len(names) > 1}


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
    twice = _codes_twice(MESSAGES)
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
_LEXICONS = frozenset({"microcred.standard.compliance.outcome_rules._polish._PL_KNOWN"})


def _other_shapes(module: ModuleType) -> list[str]:
    """The module-level dictionaries of ``module`` that hold ``(English, Polish)`` pairs."""
    return [
        f"{module.__name__}.{name}"
        for name, value in vars(module).items()
        if _pairs(value) and f"{module.__name__}.{name}" not in _LEXICONS
    ]


def test_no_module_keeps_bilingual_text_in_another_shape() -> None:
    other = [name for module in MODULES for name in _other_shapes(module)]
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


def test_the_checker_sees_bilingual_pairs() -> None:
    """A dictionary of ``(English, Polish)`` pairs fails; one of messages does not."""
    module = ModuleType("microcred.fake")
    vars(module).update(
        REASONS={"revoked": ("revoked", "unieważnione"), "ok": ("valid", "ważne")},
        LABELS={"ok": Message("ok", "valid", "ważne")},
        PAIRS={"x": ("a", "b")},  # no Polish in it
    )
    assert _other_shapes(module) == ["microcred.fake.REASONS"]


def test_a_message_counts_where_it_is_defined(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A message counts in the module that assigns it (as a constant, else in a
    dictionary), not in one that imports it, whatever the modules' order; held there
    twice, it counts once."""
    (tmp_path / "a_uses.py").write_text(
        "from b_defines import GONE, LABELS\n_MORE = {1: GONE}\n",
        encoding="utf-8",
    )
    (tmp_path / "b_defines.py").write_text(
        "from microcred.standard.messages import Message\n"
        "GONE = Message('gone', 'gone', 'nie ma')\n"
        "LABELS = {1: GONE, 2: Message('here', 'here', 'jest')}\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    modules = [importlib.import_module(name) for name in ("a_uses", "b_defines")]
    try:
        homes = _homes(modules)
        assert _own_messages(modules[0], homes) == {}
        own = _own_messages(modules[1], homes)
        assert sorted(own) == ["GONE", "LABELS[2]"]
        listed = [("b_defines", name, message) for name, message in own.items()]
        assert _codes_twice(listed) == {}
        held_twice = [*listed, ("b_defines", "LABELS[1]", own["GONE"])]
        assert _codes_twice(held_twice) == {}
        twin = Message("gone", "went", "poszło")
        assert _codes_twice([*listed, ("b_defines", "TWIN", twin)]) == {
            ("b_defines", "gone"): ["GONE", "TWIN"]
        }
    finally:
        for name in ("a_uses", "b_defines"):
            sys.modules.pop(name, None)


def test_the_library_messages_count_where_they_are_defined() -> None:
    from microcred.credentials.jades import _header, messages

    assert _HOMES[id(messages.ALG_NONE)] == messages.__name__
    assert vars(_header)["ALG_NONE"] is messages.ALG_NONE
    assert not _own_messages(_header, _HOMES)
