"""The :class:`~microcred.standard.errors.FieldProblem` of a message of
:mod:`.messages`, and the translation of pydantic's validation errors into them."""

from __future__ import annotations

__all__ = ["Path", "dotted", "from_validation_error", "problem", "validation_reason"]

import difflib
from typing import Any

from pydantic import BaseModel

from ..errors import FieldProblem
from ..messages import Message, Reason
from . import messages as m

Path = tuple[str | int, ...]

# a pydantic error type that says a value was not given -> what was expected
_EXPECTED: dict[str, Message] = {
    kind: expected
    for expected, kinds in (
        (m.EXPECTED_NUMBER, ("decimal_parsing", "decimal_type", "float_parsing", "float_type")),
        (m.EXPECTED_WHOLE_NUMBER, ("int_parsing", "int_type", "int_from_float")),
        (m.EXPECTED_TEXT, ("string_type",)),
        (m.EXPECTED_BOOLEAN, ("bool_type", "bool_parsing")),
        (m.EXPECTED_LIST, ("list_type",)),
        (m.EXPECTED_MAPPING, ("dict_type", "model_type", "model_attributes_type")),
        (m.EXPECTED_DATE, ("date_from_datetime_parsing", "date_parsing", "date_type")),
    )
    for kind in kinds
}
# pydantic's constraint errors, said in Polish too (the English is pydantic's message)
_CONSTRAINTS = {
    message.code: message
    for message in (
        m.NOT_GREATER_THAN, m.NOT_AT_LEAST, m.NOT_AT_MOST, m.STRING_TOO_SHORT,
        m.STRING_TOO_LONG, m.LIST_TOO_SHORT, m.LIST_TOO_LONG, m.PATTERN_MISMATCH,
        m.TOO_MANY_DIGITS, m.TOO_MANY_DECIMALS,
    )
}  # fmt: skip
_TEXT_FIELDS = {
    "title", "description", "statement", "prerequisites", "grading", "target_group",
    "learner_feedback", "recognition", "validation_of_prior_learning", "guidance", "name",
    "body", "criteria", "text", "need", "grade", "towards",
}  # fmt: skip


def problem(
    message: Message,
    field: str = "",
    line: int | None = None,
    column: int | None = None,
    **params: Any,
) -> FieldProblem:
    """The :class:`FieldProblem` that ``message`` says, with its ``params`` filled in.

    A Polish placeholder ``{x_pl}`` not given takes ``x`` (a system's own words, such as
    an operating system's reason, are not translated).
    """
    for name in message.placeholders("pl") - params.keys():
        if name.endswith("_pl") and name[:-3] in params:
            params[name] = params[name[:-3]]
    return FieldProblem(field, message(**params), line, column)


def dotted(path: Path) -> str:
    """``("levels", 0, "value")`` as ``levels[0].value``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _shown(value: Any) -> str:
    if isinstance(value, str | int | float | bool):
        text = repr(value)
        return text if len(text) <= 60 else text[:57] + "..."
    return type(value).__name__


def from_validation_error(
    error: Any, model: type[BaseModel], values: dict[Path, tuple[int, int]],
    keys: dict[Path, tuple[int, int]],
) -> FieldProblem:  # fmt: skip
    """One pydantic error as a located :class:`FieldProblem`.

    Pydantic's ``loc`` holds union branch names and wrappers that are not field names;
    only the parts that exist in the file are kept. Problems about a key (unknown,
    missing) point at the key's line; problems about a value at the value's.
    """
    path: Path = tuple(p for p in error["loc"] if isinstance(p, int) or not _is_internal(p))
    kind = error["type"]
    marks = keys if kind == "extra_forbidden" else values
    located = path
    while located and located not in marks:
        located = located[:-1]
    mark = marks.get(located) or values.get(located)
    line, column = mark if mark else (None, None)
    field = dotted(path)
    if kind == "extra_forbidden":
        close = difflib.get_close_matches(
            str(path[-1]) if path else "", _known(model, path[:-1]), n=1
        )
        hint = [m.DID_YOU_MEAN.text(lang, name=close[0]) if close else "" for lang in ("en", "pl")]
        return problem(m.UNKNOWN_FIELD, field, line, column, hint=hint[0], hint_pl=hint[1])
    if kind == "missing":
        return problem(m.MISSING_FIELD, field, line, column)
    if kind == "enum":
        expected = error.get("ctx", {}).get("expected", "").replace("'", "")
        return problem(
            m.UNKNOWN_VALUE, field, line, column,
            value=_shown(error["input"]), expected=expected.replace(" or ", ", "),
        )  # fmt: skip
    if what := _EXPECTED.get(kind):
        got = _shown(error.get("input"))
        named = [p for p in path if isinstance(p, str)]
        if kind == "dict_type" and named and named[-1] in _TEXT_FIELDS:
            return problem(m.TEXT_PER_LANGUAGE, field, line, column, got=got)
        return problem(
            m.WRONG_TYPE, field, line, column, expected=what.en, expected_pl=what.pl, got=got
        )
    said = validation_reason(error)
    return problem(m.INVALID_VALUE, field, line, column, detail=said.en, detail_pl=said.pl)


def validation_reason(error: Any) -> Reason:
    """What one pydantic error (an item of ``ValidationError.errors()``) says, in English
    and Polish: the :class:`~microcred.standard.messages.Reason` a validator raised
    (``ValueError(reason)``), or pydantic's message with the Polish of its constraint;
    else pydantic's message in both (its code is then pydantic's error type)."""
    detail = str(error["msg"]).removeprefix("Value error, ")
    context = error.get("ctx") or {}
    cause = context.get("error")
    if isinstance(cause, ValueError) and cause.args and isinstance(cause.args[0], Reason):
        return cause.args[0]
    if constraint := _CONSTRAINTS.get(error["type"]):
        try:
            return Reason(constraint.code, detail, constraint.text("pl", **context))
        except (KeyError, IndexError, ValueError):  # a context pydantic changed
            pass
    return Reason(str(error["type"]), detail, detail)


def _is_internal(part: str) -> bool:
    return "[" in part or part == "root" or part.startswith(("function-", "lax-", "json-"))


def _known(model: type[BaseModel], path: Path) -> list[str]:
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
