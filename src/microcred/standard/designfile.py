"""The design file format: YAML (or JSON, which is YAML too) read into a
:class:`~microcred.standard.elements.MicroCredentialSpec`, with every problem located.

``loads(text, source=...)`` returns the spec or raises :class:`DesignError` listing
*every* problem found, each with its line, column and field path; ``dumps(spec)``
writes a design back as YAML. No file I/O here: callers read the file.

YAML is read with the YAML 1.2 core rules, not PyYAML's 1.1 defaults, so that a
hand-written design means what it looks like: ``country: NO`` is Norway (not
``false``), ``field: 061`` is the string ``"061"`` (not octal 49), ``issued_on:
2025-06-20`` stays a date string for the model to parse. A key given twice is an error
instead of the last one silently winning.
"""

from __future__ import annotations

__all__ = ["dumps", "loads", "loads_any", "loads_award"]

import difflib
import re
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .elements import Award, MicroCredentialSpec
from .errors import DesignError, FieldProblem

_Model = TypeVar("_Model", bound=BaseModel)
_Path = tuple[str | int, ...]
_MAX_BYTES = 2 * 1024 * 1024
_MAX_NODES = 200_000


# libyaml's parser when PyYAML was built with it (about 5x faster), else pure Python.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeLoader):  # type: ignore[misc,valid-type]
    """SafeLoader with YAML 1.2 core scalars (see the module docstring)."""


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


_PLAIN_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Builder:
    """Turns a composed YAML node tree into plain data, remembering where each path was."""

    def __init__(self, loader: _Loader) -> None:
        self.loader = loader
        self.where: dict[_Path, tuple[int, int]] = {}
        self.problems: list[FieldProblem] = []
        self.budget = _MAX_NODES

    def build(self, node: yaml.Node, path: _Path = ()) -> Any:
        # YAML aliases can make a small file expand exponentially ("billion laughs");
        # count the nodes visited, not the bytes read.
        self.budget -= 1
        if self.budget < 0:
            line, _ = _mark(node)
            problem = FieldProblem("", f"more than {_MAX_NODES} values (alias expansion?)", line)
            raise DesignError([problem])
        self.where[path] = _mark(node)
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.tag not in _PLAIN_TAGS:
            # Scalars with foreign tags are refused by SafeConstructor; collections are
            # built here, so refuse their tags here too instead of ignoring them.
            self._problem(path, f"not valid YAML/JSON: tag {node.tag!r} is not allowed", node)
            return None
        if isinstance(node, yaml.MappingNode):
            self.loader.flatten_mapping(node)
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self.loader.construct_object(key_node, deep=True)
                if not isinstance(key, str | int) or isinstance(key, bool):
                    self._problem(path, f"a key must be a name, not {key!r}", key_node)
                    continue
                key = str(key)
                if key in result:
                    line = self.where[(*path, key)][0]
                    self._problem((*path, key), f"given twice (first on line {line})", key_node)
                    continue
                self.where[(*path, key)] = _mark(key_node)
                result[key] = self.build(value_node, (*path, key))
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        return self.loader.construct_object(node, deep=True)

    def _problem(self, path: _Path, message: str, node: yaml.Node) -> None:
        line, column = _mark(node)
        self.problems.append(FieldProblem(_dotted(path), message, line, column))


def _dotted(path: _Path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _parse(text: str | bytes, source: str) -> tuple[Any, dict[_Path, tuple[int, int]]]:
    if isinstance(text, bytes):
        if len(text) > _MAX_BYTES:
            raise DesignError([FieldProblem("", f"file is larger than {_MAX_BYTES} bytes")], source)
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            problem = FieldProblem("", f"not UTF-8 text (byte {exc.start})")
            raise DesignError([problem], source) from None
    if len(text) > _MAX_BYTES:
        raise DesignError([FieldProblem("", f"file is larger than {_MAX_BYTES} bytes")], source)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise DesignError([FieldProblem("", "the file is empty", 1)], source)
        builder = _Builder(loader)
        try:
            data = builder.build(node)
        except DesignError as exc:
            raise DesignError(exc.problems, source) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        what = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        problem = FieldProblem("", f"not valid YAML/JSON: {what}", line, column)
        raise DesignError([problem], source) from None
    except yaml.YAMLError as exc:
        raise DesignError([FieldProblem("", f"not valid YAML/JSON: {exc}")], source) from None
    finally:
        loader.dispose()
    if builder.problems:
        raise DesignError(builder.problems, source)
    if not isinstance(data, dict):
        problem = FieldProblem("", "a design must be a mapping of fields (key: value)", 1)
        raise DesignError([problem], source)
    return data, builder.where


def _validate(
    model: type[_Model], data: dict[str, Any], where: dict[_Path, tuple[int, int]], source: str
) -> _Model:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = [_problem_from(error, model, where) for error in exc.errors()]
        problems.sort(key=lambda p: (p.line or 0, p.column or 0))
        raise DesignError(_dedupe(problems), source) from None


def _problem_from(
    error: Any, model: type[BaseModel], where: dict[_Path, tuple[int, int]]
) -> FieldProblem:
    # Pydantic's loc holds union branch names ("function-after[...]") and enum
    # wrappers that are not field names; keep only the parts that exist in the file.
    path: _Path = tuple(p for p in error["loc"] if isinstance(p, int) or not _is_internal(p))
    located = path
    while located and located not in where:
        located = located[:-1]
    line, column = where.get(located, (None, None))
    return FieldProblem(_dotted(path), _message(error, model, path), line, column)


def _is_internal(part: str) -> bool:
    return "[" in part or part in {"root"} or part.startswith(("function-", "lax-", "json-"))


def _message(error: Any, model: type[BaseModel], path: _Path) -> str:
    kind = error["type"]
    if kind == "extra_forbidden":
        name = str(path[-1]) if path else ""
        known = _known_fields(model, path[:-1])
        close = difflib.get_close_matches(name, known, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        return f"unknown field{hint}"
    if kind == "enum":
        expected = error.get("ctx", {}).get("expected", "")
        return f"unknown value {error['input']!r}; expected one of: {expected.replace(chr(39), '')}"
    if kind == "missing":
        return "required field is missing"
    if kind in _EXPECTED:
        got = error.get("input")
        shown = f"{got!r}" if isinstance(got, str | int | float | bool) else type(got).__name__
        if kind == "dict_type" and _is_text(path):
            return f"give the text per language, e.g. {{pl: ..., en: ...}}; got {shown}"
        return f"expected {_EXPECTED[kind]}, got {shown}"
    message = str(error["msg"])
    return message.removeprefix("Value error, ")


_EXPECTED = {
    "decimal_parsing": "a number",
    "decimal_type": "a number",
    "int_parsing": "a whole number",
    "int_type": "a whole number",
    "int_from_float": "a whole number",
    "float_parsing": "a number",
    "float_type": "a number",
    "string_type": "text",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping (key: value)",
    "model_type": "a mapping (key: value)",
    "model_attributes_type": "a mapping (key: value)",
    "date_from_datetime_parsing": "a date (YYYY-MM-DD)",
    "date_parsing": "a date (YYYY-MM-DD)",
    "date_type": "a date (YYYY-MM-DD)",
}
_TEXT_FIELDS = {
    "title", "description", "statement", "prerequisites", "grading", "target_group",
    "learner_feedback", "recognition", "validation_of_prior_learning", "guidance", "name",
    "body", "criteria", "text", "need", "grade",
}  # fmt: skip


def _is_text(path: _Path) -> bool:
    named = [p for p in path if isinstance(p, str)]
    return bool(named) and (named[-1] in _TEXT_FIELDS or named[-1] == "towards")


def _known_fields(model: type[BaseModel], path: _Path) -> list[str]:
    current: Any = model
    for part in path:
        if isinstance(part, int):
            continue
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return []
        current = _inner_model(field.annotation)
        if current is None:
            return []
    return list(getattr(current, "model_fields", {}))


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _dedupe(problems: list[FieldProblem]) -> list[FieldProblem]:
    seen: set[tuple[str, str]] = set()
    out = []
    for problem in problems:
        if (problem.field, problem.message) not in seen:
            seen.add((problem.field, problem.message))
            out.append(problem)
    return out


def loads(text: str | bytes, *, source: str = "<design>") -> MicroCredentialSpec:
    """Read a design from YAML or JSON text; raise :class:`DesignError` on any problem."""
    data, where = _parse(text, source)
    return _validate(MicroCredentialSpec, data, where, source)


def loads_award(text: str | bytes, *, source: str = "<award>") -> Award:
    """Read an award (a design under ``spec`` plus the learner and dates)."""
    data, where = _parse(text, source)
    return _validate(Award, data, where, source)


def loads_any(text: str | bytes, *, source: str = "<design>") -> MicroCredentialSpec | Award:
    """Read a design, or an award when the document has a top-level ``spec``."""
    data, where = _parse(text, source)
    if "spec" in data:
        return _validate(Award, data, where, source)
    return _validate(MicroCredentialSpec, data, where, source)


def dumps(spec: MicroCredentialSpec) -> str:
    """Write a design as YAML that :func:`loads` reads back to an equal spec."""
    data = spec.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    data = {"format": spec.format, **data}
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
