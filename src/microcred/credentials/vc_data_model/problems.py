"""What the checks report: a :class:`DataModelProblem` (code, JSON path, reason in EN
and PL, spec section, VC DM 2.0 or 1.1), the :class:`DataModelError` a signer raises
with every problem, and ``_Found``, the collector the checks add to, which keeps at most
:data:`~.constants.MAX_PROBLEMS` problems, with ``_items`` (at most
:data:`~.constants.MAX_VALUES` values of a list) and ``_key`` (a JSON path)."""

from __future__ import annotations

__all__ = ["DataModelError", "DataModelProblem"]

import re
from collections.abc import Iterator, Mapping
from itertools import islice
from typing import Any

from ..errors import DataModelError, DataModelProblem
from ._messages import _TEXT
from .constants import MAX_PROBLEMS, MAX_VALUES


class _Found:
    """The problems found so far, at most :data:`MAX_PROBLEMS`."""

    def __init__(self, version: str) -> None:
        self.version = version
        self.problems: list[DataModelProblem] = []

    def add(self, code: str, path: str, value: Any = None, *, start: Any = None,
            section: str = "", what: str = "", term: str = "") -> None:  # fmt: skip
        if len(self.problems) >= MAX_PROBLEMS:
            return
        sec20, sec11, en, pl = _TEXT[code]
        number = section or (sec11 if self.version == "1.1" else sec20)
        (v_en, v_pl), (start_en, start_pl) = _show(value), _show(start)
        en = en.format(v=v_en, start=start_en, what=what, term=term)
        pl = pl.format(v=v_pl, start=start_pl, what=what, term=term)
        if not number[:1].isalpha():  # a section of this spec, else another spec's
            number = f"VC DM {self.version} §{number}" if number else f"VC DM {self.version}"
        self.problems.append(DataModelProblem(code, path, en, pl, number))


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
        return "an object", "obiekt"
    if isinstance(value, list | tuple):
        return "a list", "lista"
    return "a value of another kind", "wartość innego rodzaju"


def _items(value: Any, path: str, found: _Found) -> Iterator[tuple[str, Any]]:
    """``value`` read as a list (one value or a list), each with its path; a list longer
    than :data:`MAX_VALUES` is reported and cut."""
    if not isinstance(value, list):
        yield path, value
        return
    if len(value) > MAX_VALUES:
        found.add("too_many_values", path)
    for index, item in enumerate(islice(value, MAX_VALUES)):
        yield f"{path}[{index}]", item


def _key(path: str, key: str) -> str:
    simple = re.fullmatch(r"[A-Za-z_@$][\w@$\-]*", key) is not None
    return f"{path}.{key}" if simple else f'{path}["{key[:40]}"]'
