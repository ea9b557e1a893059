"""Every problem a design file can have, as code + English + Polish, and the
translation of pydantic's validation errors into them."""

from __future__ import annotations

__all__ = ["Path", "dotted", "from_validation_error", "problem"]

import difflib
from typing import Any

from pydantic import BaseModel

from ..errors import FieldProblem

Path = tuple[str | int, ...]

# code -> (English, Polish); {placeholders} filled by problem()
MESSAGES: dict[str, tuple[str, str]] = {
    "file_unreadable": ("cannot read the file: {reason}", "nie można odczytać pliku: {reason_pl}"),
    "too_large": ("the file is larger than {limit} bytes", "plik jest większy niż {limit} bajtów"),
    "not_utf8": ("not UTF-8 text (byte {offset})", "to nie jest tekst UTF-8 (bajt {offset})"),
    "empty": ("the file is empty", "plik jest pusty"),
    "not_mapping": (
        "a design must be a mapping of fields (key: value)",
        "projekt musi być zbiorem pól (klucz: wartość)",
    ),
    "yaml_syntax": ("not valid YAML/JSON: {detail}", "niepoprawny YAML/JSON: {detail}"),
    "yaml_tag": ("YAML tag {tag} is not allowed", "znacznik YAML {tag} jest niedozwolony"),
    "yaml_merge": (
        "YAML merge keys (<<) are not supported; write the fields out",
        "klucze scalające YAML (<<) nie są obsługiwane; wpisz pola wprost",
    ),
    "yaml_alias_cycle": (
        "a YAML alias refers to itself",
        "alias YAML odwołuje się sam do siebie",
    ),
    "too_deep": (
        "nested more than {limit} levels deep",
        "zagnieżdżenie głębsze niż {limit} poziomów",
    ),
    "too_many_values": (
        "more than {limit} values (alias expansion?)",
        "więcej niż {limit} wartości (rozwinięcie aliasów?)",
    ),
    "bad_key": ("a key must be a name, not {key}", "klucz musi być nazwą, a nie {key}"),
    "duplicate_key": (
        "given twice (first on line {first})",
        "podano dwa razy (po raz pierwszy w wierszu {first})",
    ),
    "unknown_field": ("unknown field{hint}", "nieznane pole{hint_pl}"),
    "missing_field": ("required field is missing", "brak wymaganego pola"),
    "unknown_value": (
        "unknown value {value}; expected one of: {expected}",
        "nieznana wartość {value}; dozwolone: {expected}",
    ),
    "wrong_type": ("expected {expected}, got {got}", "oczekiwano: {expected_pl}; podano {got}"),
    "text_per_language": (
        "give the text per language, e.g. {{pl: ..., en: ...}}; got {got}",
        "podaj tekst dla każdego języka, np. {{pl: ..., en: ...}}; podano {got}",
    ),
    "invalid_value": ("{detail}", "nieprawidłowa wartość: {detail}"),
}

# pydantic error type -> (English, Polish) of what was expected
_EXPECTED = {
    "decimal_parsing": ("a number", "liczba"),
    "decimal_type": ("a number", "liczba"),
    "int_parsing": ("a whole number", "liczba całkowita"),
    "int_type": ("a whole number", "liczba całkowita"),
    "int_from_float": ("a whole number", "liczba całkowita"),
    "float_parsing": ("a number", "liczba"),
    "float_type": ("a number", "liczba"),
    "string_type": ("text", "tekst"),
    "bool_type": ("true or false", "true lub false"),
    "bool_parsing": ("true or false", "true lub false"),
    "list_type": ("a list", "lista"),
    "dict_type": ("a mapping (key: value)", "zbiór pól (klucz: wartość)"),
    "model_type": ("a mapping (key: value)", "zbiór pól (klucz: wartość)"),
    "model_attributes_type": ("a mapping (key: value)", "zbiór pól (klucz: wartość)"),
    "date_from_datetime_parsing": ("a date (YYYY-MM-DD)", "data (RRRR-MM-DD)"),
    "date_parsing": ("a date (YYYY-MM-DD)", "data (RRRR-MM-DD)"),
    "date_type": ("a date (YYYY-MM-DD)", "data (RRRR-MM-DD)"),
}
_TEXT_FIELDS = {
    "title", "description", "statement", "prerequisites", "grading", "target_group",
    "learner_feedback", "recognition", "validation_of_prior_learning", "guidance", "name",
    "body", "criteria", "text", "need", "grade", "towards",
}  # fmt: skip


def problem(
    code: str, field: str = "", line: int | None = None, column: int | None = None, **params: Any
) -> FieldProblem:
    """A :class:`FieldProblem` of kind ``code`` with its English and Polish message."""
    en, pl = MESSAGES[code]
    params.setdefault("reason_pl", params.get("reason", ""))
    return FieldProblem(field, en.format(**params), line, column, code, pl.format(**params))


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
        return problem(
            "unknown_field", field, line, column,
            hint=f"; did you mean {close[0]!r}?" if close else "",
            hint_pl=f"; czy chodziło o {close[0]!r}?" if close else "",
        )  # fmt: skip
    if kind == "missing":
        return problem("missing_field", field, line, column)
    if kind == "enum":
        expected = error.get("ctx", {}).get("expected", "").replace("'", "")
        return problem(
            "unknown_value", field, line, column,
            value=_shown(error["input"]), expected=expected.replace(" or ", ", "),
        )  # fmt: skip
    if kind in _EXPECTED:
        got = _shown(error.get("input"))
        named = [p for p in path if isinstance(p, str)]
        if kind == "dict_type" and named and named[-1] in _TEXT_FIELDS:
            return problem("text_per_language", field, line, column, got=got)
        en, pl = _EXPECTED[kind]
        return problem("wrong_type", field, line, column, expected=en, expected_pl=pl, got=got)
    detail = str(error["msg"]).removeprefix("Value error, ")
    return problem("invalid_value", field, line, column, detail=detail)


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
