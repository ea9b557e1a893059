"""The design file format: YAML (or JSON, which is YAML too) read into a
:class:`~microcred.standard.elements.MicroCredentialSpec`, with every problem located.

``loads(text, source=...)`` returns the spec or raises :class:`DesignError` listing
*every* problem found, each with a code, its line, column and field path, in English
and Polish (the messages are :mod:`.messages`' constants); ``dumps(spec)`` writes a
design back as YAML; ``design_schema()`` is the JSON Schema editors can use. No file
I/O here: callers read the file. How YAML is read (YAML 1.2 core scalars, what is
refused) is in :mod:`._yaml`.
"""

from __future__ import annotations

__all__ = [
    "MAX_BYTES",
    "design_schema",
    "dumps",
    "loads",
    "loads_any",
    "loads_award",
    "problem",
    "validation_reason",
]

from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from ..elements import Award, MicroCredentialSpec
from ..errors import DesignError
from ._problems import from_validation_error, problem, validation_reason
from ._yaml import MAX_BYTES, Marks, parse

_Model = TypeVar("_Model", bound=BaseModel)


def _validate(
    model: type[_Model], data: dict[str, Any], values: Marks, keys: Marks, source: str
) -> _Model:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = [from_validation_error(e, model, values, keys) for e in exc.errors()]
        unique = list({(p.field, p.message): p for p in problems}.values())
        unique.sort(key=lambda p: (p.line or 0, p.column or 0))
        raise DesignError(unique, source) from None


def loads(text: str | bytes, *, source: str = "<design>") -> MicroCredentialSpec:
    """Read a design from YAML or JSON text; raise :class:`DesignError` on any problem."""
    return _validate(MicroCredentialSpec, *parse(text, source), source)


def loads_award(text: str | bytes, *, source: str = "<award>") -> Award:
    """Read an award (a design under ``spec`` plus the learner and dates)."""
    return _validate(Award, *parse(text, source), source)


def loads_any(text: str | bytes, *, source: str = "<design>") -> MicroCredentialSpec | Award:
    """Read a design, or an award when the document has a top-level ``spec``."""
    data, values, keys = parse(text, source)
    model: type[MicroCredentialSpec] | type[Award] = (
        Award if "spec" in data else MicroCredentialSpec
    )
    return _validate(model, data, values, keys, source)


def dumps(spec: MicroCredentialSpec) -> str:
    """Write a design as YAML that :func:`loads` reads back to an equal spec."""
    data = spec.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    data = {"format": spec.format, **data}
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def design_schema() -> dict[str, Any]:
    """The JSON Schema of a design file, as ``docs/design.schema.json`` holds it."""
    schema = MicroCredentialSpec.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "microcred micro-credential design"
    return schema
