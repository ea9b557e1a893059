"""The canonical JSON of a ``@context`` value, remembered for embedded contexts.

It is the key that identifies a context list in the caches of term kinds and document
shapes (:mod:`.rdfc`, :mod:`._shapes`), of proof configurations
(:mod:`..data_integrity._suite`), and the quick "is this microcred's own context list"
test of the data model checks (:mod:`..vc_data_model._contexts`). Kept apart from
:mod:`.rdfc` and free of pyld and pyoxigraph, so that the data model checks (and
VC-JOSE) do not load a JSON-LD processor to compute it.
"""

from __future__ import annotations

__all__ = ["context_json"]

import json
from typing import Any

from ...standard.caching import BoundedCache


def context_json(context: Any) -> str:
    """The context (list) as canonical JSON (``json.dumps`` with sorted keys, compact),
    remembered for embedded contexts: what identifies it in the caches of term kinds,
    shapes and proof configurations."""
    if isinstance(context, list):  # a list's JSON is its items' JSON, comma-separated
        return "[" + ",".join(_context_item_key(item) for item in context) + "]"
    return _context_item_key(context)


def _dumps(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"))


def _context_item_key(item: Any) -> str:
    """One context's canonical JSON, remembered for embedded contexts (OB 3.0 credentials
    of microcred carry the EU terms, ~4 KiB, in each): a context equal to one seen
    before, and with the same JSON type at each number or boolean (where Python's ``==``
    says ``1 == 1.0 == True``), has its JSON."""
    if not isinstance(item, dict):
        return _dumps(item)
    shape = tuple(item)
    seen = _CONTEXT_TEXTS.get(shape)
    if seen is not None:
        known, text, scalars = seen
        if item == known and all(
            _dumps(_at(item, path)) == _dumps(_at(known, path)) for path in scalars
        ):
            return text
    text = _dumps(item)
    _CONTEXT_TEXTS.put(shape, (json.loads(text), text, tuple(_scalar_paths(item))))
    return text


def _at(node: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        node = node[step]
    return node


def _scalar_paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The paths of the numbers and booleans in a JSON value."""
    if isinstance(node, dict):
        items: Any = node.items()
    elif isinstance(node, list):
        items = enumerate(node)
    else:
        return [path] if isinstance(node, (int, float)) else []  # bool is an int
    return [found for key, value in items for found in _scalar_paths(value, (*path, key))]


#: embedded contexts lately seen, by their keys: (a copy, its canonical JSON, the paths of
#: its numbers and booleans)
_CONTEXT_TEXTS: BoundedCache[tuple[str, ...], tuple[Any, str, tuple[tuple[Any, ...], ...]]] = (
    BoundedCache(64)
)
