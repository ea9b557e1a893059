"""Reading YAML safely, with YAML 1.2 core scalars and the line of every key and value.

:func:`parse` returns plain data plus two maps from a field path to its (line, column):
one for values, one for keys. Refused with a located problem instead of crashing or
silently accepting: foreign tags, merge keys (``<<``), duplicate keys, non-name keys,
alias cycles, nesting deeper than 64 levels, more than 200,000 values (alias bombs).
"""

from __future__ import annotations

__all__ = ["MAX_BYTES", "parse"]

import re
from typing import Any

import yaml

from ..errors import DesignError, FieldProblem
from . import messages as m
from ._problems import Path, dotted, problem

MAX_BYTES = 2 * 1024 * 1024
_MAX_NODES = 200_000
_MAX_DEPTH = 64
_PLAIN_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
Marks = dict[Path, tuple[int, int]]

# libyaml's parser when PyYAML was built with it (about 9x faster here), else pure Python.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeLoader):  # type: ignore[misc,valid-type]
    """SafeLoader that resolves only YAML 1.2 core scalars: null, true/false, decimal
    integers without leading zeros, decimal floats. Everything else stays text, so
    ``NO`` is Norway, ``061`` an ISCED code and ``2025-06-20`` a date for the model."""


_Loader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^[-+]?(?:0|[1-9][0-9]*)$", list("-+0123456789")),
    (
        "tag:yaml.org,2002:float",
        r"^[-+]?(?:(?:0|[1-9][0-9]*)\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$",
        list("-+0123456789."),
    ),
]:
    _Loader.add_implicit_resolver(_tag, re.compile(_pattern), _first)


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Builder:
    """Turns a composed node tree into plain data, remembering where each path was."""

    def __init__(self, loader: _Loader) -> None:
        self.loader = loader
        self.values: Marks = {}
        self.keys: Marks = {}
        self.problems: list[FieldProblem] = []
        self.budget = _MAX_NODES
        self.open: set[int] = set()  # nodes on the current path, to catch alias cycles

    def build(self, node: yaml.Node, path: Path = ()) -> Any:
        self.budget -= 1
        line, column = _mark(node)
        if self.budget < 0:
            raise DesignError([problem(m.TOO_MANY_VALUES, "", line, column, limit=_MAX_NODES)])
        if len(path) > _MAX_DEPTH:
            raise DesignError(
                [problem(m.TOO_DEEP, dotted(path[:8]), line, column, limit=_MAX_DEPTH)]
            )
        self.values[path] = (line, column)
        if isinstance(node, yaml.ScalarNode):
            return self.loader.construct_object(node, deep=True)
        if node.tag not in _PLAIN_TAGS:
            # Scalars with foreign tags are refused by SafeConstructor; collections are
            # built here, so their tags are refused here instead of being ignored.
            self.problems.append(problem(m.YAML_TAG, dotted(path), line, column, tag=node.tag))
            return None
        if id(node) in self.open:
            raise DesignError([problem(m.YAML_ALIAS_CYCLE, dotted(path), line, column)])
        self.open.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self._mapping(node, path)
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        finally:
            self.open.discard(id(node))

    def _mapping(self, node: yaml.MappingNode, path: Path) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line, column = _mark(key_node)
            if key_node.tag == "tag:yaml.org,2002:merge" or key_node.value == "<<":
                self.problems.append(problem(m.YAML_MERGE, dotted(path), line, column))
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                what = m.KEY_COLLECTION
                self.problems.append(
                    problem(m.BAD_KEY, dotted(path), line, column, key=what.en, key_pl=what.pl)
                )
                continue
            key = self.loader.construct_object(key_node, deep=True)
            if not isinstance(key, str | int) or isinstance(key, bool):
                self.problems.append(problem(m.BAD_KEY, dotted(path), line, column, key=repr(key)))
                continue
            key = str(key)
            if key in result:
                first = self.keys[(*path, key)][0]
                field = dotted((*path, key))
                self.problems.append(problem(m.DUPLICATE_KEY, field, line, column, first=first))
                continue
            self.keys[(*path, key)] = (line, column)
            result[key] = self.build(value_node, (*path, key))
        return result


def _decode(text: str | bytes, source: str) -> str:
    if len(text) > MAX_BYTES:
        raise DesignError([problem(m.TOO_LARGE, limit=MAX_BYTES)], source)
    if isinstance(text, str):
        return text
    try:
        return text.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DesignError([problem(m.NOT_UTF8, offset=exc.start)], source) from None


def _is_depth_limit(exc: yaml.MarkedYAMLError) -> bool:
    """libyaml (0.2.6, bundled in PyYAML 6.0.4 wheels) stops at 1,000 nested flow levels
    with its own scanner error ("exceeded maximum nesting depth"); that is the same
    problem as our 64-level limit, reached sooner, and must be reported as such. The
    pure-Python parser has no such limit and ends in a RecursionError instead."""
    return "nesting depth" in str(exc.problem or "") or "nesting depth" in str(exc.context or "")


def parse(text: str | bytes, source: str) -> tuple[dict[str, Any], Marks, Marks]:
    """(data, value marks, key marks); raises :class:`DesignError` with every problem."""
    loader = _Loader(_decode(text, source))
    try:
        node = loader.get_single_node()
        if node is None:
            raise DesignError([problem(m.EMPTY, "", 1)], source)
        builder = _Builder(loader)
        data = builder.build(node)
    except DesignError as exc:
        raise DesignError(exc.problems, source) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        if _is_depth_limit(exc):
            raise DesignError(
                [problem(m.TOO_DEEP, "", line, column, limit=_MAX_DEPTH)], source
            ) from None
        detail = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        raise DesignError(
            [problem(m.YAML_SYNTAX, "", line, column, detail=detail)], source
        ) from None
    except yaml.YAMLError as exc:
        raise DesignError([problem(m.YAML_SYNTAX, detail=str(exc))], source) from None
    except RecursionError:
        raise DesignError([problem(m.TOO_DEEP, limit=_MAX_DEPTH)], source) from None
    finally:
        loader.dispose()
    if builder.problems:
        raise DesignError(builder.problems, source)
    if not isinstance(data, dict):
        raise DesignError([problem(m.NOT_MAPPING, "", 1)], source)
    return data, builder.values, builder.keys
