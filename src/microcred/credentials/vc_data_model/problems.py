"""What the checks report: a :class:`DataModelProblem` (code, JSON path, reason in EN
and PL, spec section, VC DM 2.0 or 1.1), the :class:`DataModelError` a signer raises
with every problem, and ``_Found``, the collector the checks add to, which keeps at most
:data:`~.constants.MAX_PROBLEMS` problems and fills a :mod:`.messages` constant only for
a problem found, with ``_items`` (at most :data:`~.constants.MAX_VALUES` values of a
list) and ``_key`` (a JSON path)."""

from __future__ import annotations

__all__ = ["DataModelError", "DataModelProblem"]

import re
from collections.abc import Iterator, Mapping
from itertools import islice
from typing import Any

from ...standard.messages import Message
from ..errors import DataModelError, DataModelProblem
from .constants import MAX_PROBLEMS, MAX_VALUES
from .messages import SECTIONS, TOO_MANY_VALUES

# how a value that is not a string or a number is named in a reason
_AN_OBJECT = Message("shown_object", "an object", "obiekt")
_A_LIST = Message("shown_list", "a list", "lista")
_ANOTHER_KIND = Message("shown_other", "a value of another kind", "wartość innego rodzaju")


class _Found:
    """The problems found so far, at most :data:`MAX_PROBLEMS`."""

    def __init__(self, version: str) -> None:
        self.version = version
        self.problems: list[DataModelProblem] = []

    def section(self, message: Message) -> str:
        """The section of this version's spec that ``message``'s rule comes from; empty
        when the rule is not in this version."""
        v2, v1 = SECTIONS[message.code]
        return v1 if self.version == "1.1" else v2

    def add(self, message: Message, path: str, value: Any = None, *, start: Any = None,
            section: str = "", what: str = "", term: str = "") -> None:  # fmt: skip
        """Report ``message`` at ``path`` about ``value`` (and ``start``), citing
        ``section`` instead of its own when given."""
        if len(self.problems) >= MAX_PROBLEMS:
            return
        number = section or self.section(message)
        (value_en, value_pl), (start_en, start_pl) = _show(value), _show(start)
        # each text filled directly (no Reason object): this runs for every problem found
        en = message.en.format(value_en=value_en, start_en=start_en, what=what, term=term)
        pl = message.pl.format(value_pl=value_pl, start_pl=start_pl, what=what, term=term)
        if not number[:1].isalpha():  # a section of this spec, else another spec's
            number = f"VC DM {self.version} §{number}" if number else f"VC DM {self.version}"
        self.problems.append(DataModelProblem(message.code, path, en, pl, number))


def _show(value: Any) -> tuple[str, str]:
    """A value as a reader sees it in a reason (EN, PL), short, whatever it is."""
    if isinstance(value, str):
        text = value if len(value) <= 80 else value[:77] + "…"
        return f"“{text}”", f"„{text}”"
    if value is None:
        return "null", "null"
    if isinstance(value, bool):
        return ("true", "true") if value else ("false", "false")
    if (isinstance(value, int) and abs(value) < 10**30) or isinstance(value, float):
        return repr(value), repr(value)
    if isinstance(value, Mapping):
        return _AN_OBJECT.en, _AN_OBJECT.pl
    if isinstance(value, list | tuple):
        return _A_LIST.en, _A_LIST.pl
    return _ANOTHER_KIND.en, _ANOTHER_KIND.pl


def _items(value: Any, path: str, found: _Found) -> Iterator[tuple[str, Any]]:
    """``value`` read as a list (one value or a list), each with its path; a list longer
    than :data:`MAX_VALUES` is reported and cut."""
    if not isinstance(value, list):
        yield path, value
        return
    if len(value) > MAX_VALUES:
        found.add(TOO_MANY_VALUES, path)
    for index, item in enumerate(islice(value, MAX_VALUES)):
        yield f"{path}[{index}]", item


def _key(path: str, key: str) -> str:
    simple = re.fullmatch(r"[A-Za-z_@$][\w@$\-]*", key) is not None
    return f"{path}.{key}" if simple else f'{path}["{key[:40]}"]'
