"""Reusing JSON-LD processing across documents of the same shape.

Turning a credential into RDF costs about 3 ms, nearly all of it processing the same
contexts and the same scoped term definitions again; the data that differs between two
credentials of one design — names, identifiers, dates, hashes — is a few strings. So the
*shape* of a document is its JSON with every plain string value replaced by a marker
(and every plain ``@id`` value by a marker IRI); a shape's RDF is computed once
(:mod:`.rdfc`) and kept, and a document of that shape gets its quads by putting its own
strings back where the markers are.

This is sound because JSON-LD never looks inside a plain string: a string under a term
with no ``@type`` coercion, or coerced to a datatype, becomes a literal with exactly that
lexical form; an absolute IRI under ``id``/``@id``-typed terms becomes exactly that IRI.
Everything JSON-LD *does* interpret stays in the shape as it is: keys, ``type`` values
and other ``@vocab`` terms, compact IRIs whose prefix is a term, ``@json`` values,
language and index map keys, numbers, booleans, blank node identifiers, embedded
contexts (a document with one is not templated at all). The tests compare this path with
the direct one and with pyld on many generated credentials.

Written by hand because no JSON-LD library offers it: pyld caches resolved contexts but
still expands every node in Python, and pyoxigraph has no hook to keep processed contexts.
"""

from __future__ import annotations

__all__ = ["Template", "split"]

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ._context_terms import term_kinds

_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:(?:[^\s<>\"{}|^`\\%]|%[0-9A-Fa-f]{2})*$")
#: the markers: a string value becomes ``_OPEN`` + its number + ``_CLOSE`` (private-use
#: characters), an ``@id`` value the IRI ``_IRI_PREFIX`` + its number
_OPEN = "\ue000"
_CLOSE = "\ue001"
_IRI_PREFIX = "urn:x-microcred-shape:"
#: the string marks as a context key (``json.dumps``, ASCII only) writes them
_ESCAPED_MARKS = tuple(json.dumps(mark)[1:-1] for mark in (_OPEN, _CLOSE))


@dataclass(frozen=True)
class Template:
    """A document's shape, and the values that fill its markers, in order."""

    key: str
    document: dict[str, Any]
    values: tuple[str, ...]


class _EmbeddedContextError(Exception):
    """The document embeds a context or uses a construct the shapes do not model.

    Private control flow, not a ``MicrocredError``: raised and caught inside
    :func:`split`, which then returns None (the document is processed directly)."""


class _WritesAMarkerError(Exception):
    """The document writes a marker (or a part of one) itself."""


def _writes_a_marker(text: str) -> bool:
    return _OPEN in text or _CLOSE in text or _IRI_PREFIX in text


def split(document: dict[str, Any], context_key: str) -> Template | None:
    """The document's shape and values, or None when it must be processed directly:
    one that embeds a context in a nested node, or that writes a marker itself (filling
    the shape would then replace the document's own text too)."""
    if _writes_a_marker(context_key) or any(m in context_key for m in _ESCAPED_MARKS):
        return None  # the context is kept in the shape as it is (its key escapes non-ASCII)
    kinds = term_kinds(context_key)
    iri_terms = kinds.id_typed | kinds.id_aliases | {"id", "@id"}
    interpreted = (
        {"type"} | kinds.type_aliases | kinds.vocab_typed | kinds.json_typed | kinds.key_maps
    )
    names = kinds.names
    values: list[str] = []

    iri_marks = 0

    def mark_iri(value: str) -> Any:
        nonlocal iri_marks
        prefix = value.split(":", 1)[0]
        if prefix in names or not _IRI.match(value) or value.startswith("_:"):
            return value  # a compact IRI, a blank node or not an IRI: part of the shape
        if _writes_a_marker(value):
            raise _WritesAMarkerError
        values.append(value)
        iri_marks += 1
        return _IRI_PREFIX + str(len(values) - 1)

    def mark_string(value: str) -> str:
        if _writes_a_marker(value):
            raise _WritesAMarkerError
        values.append(value)
        return _OPEN + str(len(values) - 1) + _CLOSE

    def value_of(key: str, value: Any) -> Any:
        if key in interpreted or (key.startswith("@") and key not in ("@id", "@value")):
            return value
        if isinstance(value, list):
            return [value_of(key, item) for item in value]
        if isinstance(value, dict):
            return node(value)
        if isinstance(value, str):
            if key in iri_terms:
                return mark_iri(value)
            return mark_string(value)
        return value

    def node(item: dict[str, Any]) -> dict[str, Any]:
        if "@context" in item:
            raise _EmbeddedContextError
        return {key: value_of(key, value) for key, value in item.items()}

    try:
        body = node({k: v for k, v in document.items() if k != "@context"})
    except (_EmbeddedContextError, _WritesAMarkerError):
        return None
    text = json.dumps(body, sort_keys=True, ensure_ascii=False)
    # Every key and every string the shape keeps is in ``text`` as written (the markers
    # are not characters JSON escapes): one marker more than were put there is one the
    # document wrote itself.
    strings = len(values) - iri_marks
    if (
        text.count(_OPEN) != strings
        or text.count(_CLOSE) != strings
        or text.count(_IRI_PREFIX) != iri_marks
    ):
        return None
    shaped = {"@context": document["@context"], **body}
    return Template(context_key + text, shaped, tuple(values))


#: where the markers are in a shape's quads: (quad index, ((part index, value index), ...))
Plan = tuple[tuple[int, tuple[tuple[int, int], ...]], ...]


def plan(quads: Sequence[tuple[Any, ...]]) -> Plan:
    """Where :func:`fill` puts each value: the parts of the shape's quads that are markers
    (a part is a marker as a whole, or holds none)."""
    found = []
    for index, quad in enumerate(quads):
        slots = tuple(
            (position, value)
            for position, part in enumerate(quad)
            if isinstance(part, str) and (value := _marker_index(part)) is not None
        )
        if slots:
            found.append((index, slots))
    return tuple(found)


_MARKER = re.compile(
    re.escape(_OPEN) + "([0-9]+)" + re.escape(_CLOSE) + "|" + re.escape(_IRI_PREFIX) + "([0-9]+)"
)


def _marker_index(part: str) -> int | None:
    match = _MARKER.fullmatch(part)
    if match is None:
        return None
    return int(match.group(1) or match.group(2))


def fill(
    quads: Sequence[tuple[Any, ...]], where: Plan, values: tuple[str, ...]
) -> list[tuple[Any, ...]]:
    """The template's quads with the markers replaced by ``values`` (a new list: the
    template's own quads are shared, through a cache, by every thread). ``where`` is the
    shape's :func:`plan`."""
    filled = list(quads)
    for index, slots in where:
        quad = list(quads[index])
        for position, value in slots:
            quad[position] = values[value]
        filled[index] = tuple(quad)
    return filled
