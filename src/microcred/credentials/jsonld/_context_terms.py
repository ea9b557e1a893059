"""What the terms of a context list do, found by reading the (pinned) contexts once.

Shape reuse (:mod:`._shapes`) needs to know, without running a JSON-LD processor, which
terms exist anywhere (top level or in a scoped context), which take IRIs, which JSON-LD
interprets, and which hold maps keyed by types, identifiers or graphs.
"""

from __future__ import annotations

__all__ = ["TermKinds", "term_kinds"]

import json
from dataclasses import dataclass, field
from typing import Any

from ...standard.caching import cached
from . import contexts


@dataclass(frozen=True)
class TermKinds:
    """The terms of a context list, by what JSON-LD does with their values."""

    names: frozenset[str] = field(default_factory=frozenset)
    id_aliases: frozenset[str] = field(default_factory=frozenset)  # "id": "@id"
    type_aliases: frozenset[str] = field(default_factory=frozenset)  # "type": "@type"
    id_typed: frozenset[str] = field(default_factory=frozenset)  # "@type": "@id"
    vocab_typed: frozenset[str] = field(default_factory=frozenset)  # "@type": "@vocab"
    json_typed: frozenset[str] = field(default_factory=frozenset)  # "@type": "@json"
    key_maps: frozenset[str] = field(default_factory=frozenset)  # @type / @id / @graph maps


@cached(maxsize=64)
def term_kinds(context_key: str) -> TermKinds:
    """:class:`TermKinds` of the context list ``context_key`` (its canonical JSON)."""
    sets: dict[str, set[str]] = {name: set() for name in (
        "names", "id_aliases", "type_aliases", "id_typed", "vocab_typed", "json_typed",
        "key_maps")}  # fmt: skip

    def walk(context: Any) -> None:
        if isinstance(context, list):
            for item in context:
                walk(item)
            return
        if not isinstance(context, dict):
            return
        for term, definition in context.items():
            if term.startswith("@"):
                continue
            sets["names"].add(term)
            target = definition.get("@id") if isinstance(definition, dict) else definition
            if target == "@id":
                sets["id_aliases"].add(term)
            elif target == "@type":
                sets["type_aliases"].add(term)
            if not isinstance(definition, dict):
                continue
            # A context embedded in a stranger's document may hold anything: only strings
            # are keywords; whatever else is there the JSON-LD processor refuses later.
            coercion = definition.get("@type")
            bucket = {"@id": "id_typed", "@vocab": "vocab_typed", "@json": "json_typed"}
            if isinstance(coercion, str) and coercion in bucket:
                sets[bucket[coercion]].add(term)
            container = definition.get("@container", [])
            container = {
                item
                for item in (container if isinstance(container, list) else [container])
                if isinstance(item, str)
            }
            if container & {"@type", "@id", "@graph"}:
                sets["key_maps"].add(term)
            if "@context" in definition:
                walk(definition["@context"])

    walk(contexts.inline(json.loads(context_key)))
    return TermKinds(**{name: frozenset(values) for name, values in sets.items()})
