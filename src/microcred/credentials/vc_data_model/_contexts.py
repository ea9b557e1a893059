"""The contexts of a credential: the base context first, every other a URL or an
object (VC DM 2.0 §4.3, VC DM 1.1 §4.1), every term an inline context maps mapped to a
URL (2.0 §4.5, 1.1 §4.3), no protected term redefined (2.0 §5.2.1, 1.1 §5.3.1; JSON-LD
1.1 §4.1.11), and the top-level terms a type may use (2.0 §4.5). Only pinned contexts
are read; nothing is fetched. Nothing here is public."""

from __future__ import annotations

__all__: list[str] = []

from collections.abc import Mapping
from itertools import islice
from typing import Any

from ...standard.caching import cached
from ..errors import CredentialError
from ..jsonld import contexts
from ..jsonld.context_keys import context_json  # remembered canonical JSON, no pyld
from ._values import _NOT_IN_IRI, is_url
from .constants import MAX_VALUES, V1_CONTEXT, V2_CONTEXT
from .messages import (
    BASE_CONTEXT_NOT_FIRST,
    CONTEXT_ITEM_INVALID,
    CONTEXT_NOT_URL,
    CONTEXT_TERM_NOT_URL,
    MISSING_CONTEXT,
    PROTECTED_TERM_REDEFINED,
    TOO_MANY_VALUES,
)
from .problems import _Found, _key

# --- §4.3 contexts, §5.2.1 protected terms ------------------------------------------


def _context_items(value: Any) -> list[Any]:
    if isinstance(value, list):
        return value[:MAX_VALUES]
    return [] if value is None else [value]


# The context list every Open Badges credential microcred issues carries: VC 2.0, OB 3.0.3
# and the EU terms embedded (ob3/_common.py). It meets every rule here (a test checks it),
# and reading the 4 KiB of EU term definitions again for each credential was a tenth of
# signing one, so a list with exactly that JSON is passed at once. Its canonical JSON
# comes from the JSON-LD layer's remembered context keys, which tell 1 from 1.0 and True.
_EU_TERMS: dict[str, Any] = contexts.load("https://w3id.org/microcred/ns/eu/v1")["@context"]
_OURS = context_json(
    [V2_CONTEXT, "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", _EU_TERMS]
)


def _is_ours(raw: Any) -> bool:
    if not (isinstance(raw, list) and len(raw) == 3 and raw[0] == V2_CONTEXT):
        return False
    if not isinstance(raw[2], dict) or raw[2].keys() != _EU_TERMS.keys():
        return False  # cheap refusals first: a hostile context is never serialized here
    try:
        return context_json(raw) == _OURS
    except (RecursionError, ValueError):  # nested too deep to write: not ours
        return False


def _check_contexts(document: Mapping[str, Any], items: list[Any], found: _Found) -> None:
    raw = document.get("@context")
    if _is_ours(raw):
        return
    if raw is None or items == []:
        found.add(MISSING_CONTEXT, "@context")
        return
    if isinstance(raw, list) and len(raw) > MAX_VALUES:
        found.add(TOO_MANY_VALUES, "@context")
    indexed = isinstance(raw, list)
    protected: dict[str, Any] = {}  # term -> its protected definition
    for index, item in enumerate(items):
        path = f"@context[{index}]" if indexed else "@context"
        if index == 0 and item not in (V2_CONTEXT, V1_CONTEXT):
            found.add(BASE_CONTEXT_NOT_FIRST, path, item)
        if isinstance(item, str):
            if not is_url(item):
                found.add(CONTEXT_NOT_URL, path, item)
            else:
                protected |= _protected_terms(item)
        elif isinstance(item, Mapping):
            _check_inline_context(item, path, protected, found)
        elif index > 0:
            found.add(CONTEXT_ITEM_INVALID, path, item)


@cached(64)
def _protected_terms(url: str) -> Mapping[str, Any]:
    """The protected terms of a pinned context (none for any other URL): the same for
    every document, so worked out once per context (callers only read it)."""
    body = _pinned_body(url)
    if body is None:
        return {}
    everything = body.get("@protected") is True
    return {
        term: _definition(value)
        for term, value in body.items()
        if not term.startswith("@")
        and (everything or (isinstance(value, Mapping) and value.get("@protected") is True))
    }


def _pinned_body(url: str) -> Mapping[str, Any] | None:
    if url not in contexts.PINNED:
        return None
    try:
        body = contexts.load(url).get("@context")
    except CredentialError:
        return None
    return body if isinstance(body, Mapping) else None


def _definition(value: Any) -> Any:
    """A term definition in one form, to compare two (JSON-LD 1.1 §4.1.11)."""
    if isinstance(value, str):
        return {"@id": value}
    if isinstance(value, Mapping):
        return {k: v for k, v in value.items() if k != "@protected"}
    return value


def _same(first: Any, second: Any) -> bool:
    """``first == second`` for JSON values, without recursion: values of more than
    :data:`MAX_VALUES` nodes count as different."""
    pairs = [(first, second)]
    for _ in range(MAX_VALUES):
        if not pairs:
            return True
        a, b = pairs.pop()
        if isinstance(a, Mapping) and isinstance(b, Mapping):
            if a.keys() != b.keys():
                return False
            pairs.extend((a[key], b[key]) for key in a)
        elif isinstance(a, list) and isinstance(b, list):
            if len(a) != len(b):
                return False
            pairs.extend(zip(a, b, strict=True))
        elif isinstance(a, Mapping | list) or isinstance(b, Mapping | list) or a != b:
            return False
    return not pairs


def _check_inline_context(
    context: Mapping[str, Any], path: str, protected: dict[str, Any], found: _Found
) -> None:
    everything = context.get("@protected") is True
    vocab = context.get("@vocab")
    if isinstance(vocab, str) and _NOT_IN_IRI.search(vocab):
        found.add(CONTEXT_TERM_NOT_URL, _key(path, "@vocab"), vocab, term="@vocab")
    for term, value in islice(context.items(), MAX_VALUES):
        if not isinstance(term, str) or term.startswith("@"):
            continue
        if term in protected and not _same(_definition(value), protected[term]):
            found.add(PROTECTED_TERM_REDEFINED, _key(path, term), term=term[:40])
        target = value.get("@id") if isinstance(value, Mapping) else value
        if (
            isinstance(target, str)
            and not target.startswith("@")
            and (_NOT_IN_IRI.search(target) or target.startswith(":"))
        ):
            found.add(CONTEXT_TERM_NOT_URL, _key(path, term), target, term=term[:40])
        if everything or (isinstance(value, Mapping) and value.get("@protected") is True):
            protected[term] = _definition(value)


# --- §4.5 types: the terms the contexts define -------------------------------------


def _top_level_terms(items: list[Any]) -> tuple[set[str], bool, bool]:
    """The terms the contexts define at their top level, whether a ``@vocab`` maps every
    other term, and whether every context was known (pinned or inline)."""
    terms: set[str] = set()
    vocab = False
    if not items:
        return terms, vocab, False
    for item in items:
        body = _pinned_body(item) if isinstance(item, str) else item
        if not isinstance(body, Mapping):
            return terms, vocab, False
        if "@vocab" in body:
            vocab = body["@vocab"] is not None
        terms.update(t for t in islice(body, MAX_VALUES) if isinstance(t, str))
    return terms, vocab, True
