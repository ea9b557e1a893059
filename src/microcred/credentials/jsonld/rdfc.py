"""JSON-LD → RDF → RDFC-1.0 canonical N-Quads, offline and in "safe mode".

``canonicalize(document)`` returns the canonical N-Quads (RDF Dataset Canonicalization
1.0, W3C Recommendation 2024) that Data Integrity ``*-rdfc-*`` cryptosuites hash::

    <urn:uuid:58172aac-...> <https://schema.org/name> "Alumni Credential" .
    _:c14n0 <https://w3id.org/security#cryptosuite> "eddsa-rdfc-2022"^^<...> .

How: the document's pinned contexts are inlined (:func:`contexts.inline`) and
pyoxigraph's Rust JSON-LD parser turns it into quads — the same quads pyld, the
pure-Python JSON-LD processor, makes (the tests check it on every vector), in less time.
pyld's RDFC-1.0 (URDNA2015) implementation then canonicalizes them: pyoxigraph has one
too, but on a graph with many look-alike blank nodes (1EdTech's full OpenBadgeCredential
example) it labels them differently from the JS reference rdf-canonize and from pyld,
which agree — a signature it produced would not verify elsewhere. On the small graphs of
real credentials pyld's canonicalization takes a tenth of a millisecond. pyld's JSON-LD
expansion is used only where pyoxigraph has no hook: to name exactly which property
JSON-LD would drop.

Safe mode (what jsonld.js calls ``safe: true``): a JSON-LD processor silently drops a
property whose term the contexts do not define, and a node whose ``id`` is not an
absolute IRI; a signature over the remaining quads would then not cover data the reader
sees. :func:`canonicalize` refuses such documents with :class:`JsonLdError` instead.
pyld's expansion decides, once per document shape (:func:`_checked`).
"""

from __future__ import annotations

__all__ = ["canonicalize", "expand", "to_quads"]

import json
import re
import threading
from typing import Any

import pyoxigraph as ox
from pyld import jsonld
from pyld.canon import URDNA2015
from pyld.nquads import RDF_LANGSTRING

from ...standard.caching import BoundedCache, cached
from ..errors import ContextError, JsonLdError
from . import _rdfc10, _shapes, contexts
from .context_keys import context_json

_ABSOLUTE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S*$")


@cached(maxsize=4096)
def _language_tag_kept(tag: str) -> bool:
    """Whether pyoxigraph keeps a text with this language tag: it drops a language-map
    entry whose key is not a well-formed BCP 47 tag, so a signature would not cover it
    while a reader of the JSON still shows it. pyoxigraph's own check is used so that
    the two can never disagree."""
    try:
        ox.Literal("", language=tag)
    except ValueError:
        return False
    return True


#: pyld keeps resolved contexts in module-level ``cachetools`` caches, which are not
#: thread-safe (two threads evicting at once raise KeyError, which would read as "not valid
#: JSON-LD"): one expansion at a time. It is pure Python, so under the GIL this costs no
#: throughput, and a document shape is expanded once (:func:`_checked`).
_PYLD_LOCK = threading.Lock()


def expand(document: dict[str, Any]) -> list[Any]:
    """The document expanded by pyld (JSON-LD 1.1 Expansion) with the pinned contexts
    only, one expansion at a time in the process: every pyld expansion in this package
    goes through here or :func:`_check_exactly`. Raises pyld's errors, and ours through
    the loader."""
    with _PYLD_LOCK:
        expanded: list[Any] = jsonld.expand(document, {"documentLoader": contexts.pyld_loader})
    return expanded


def _check_exactly(document: dict[str, Any]) -> None:
    """Expand with pyld and fail on the first property or IRI JSON-LD would drop."""
    dropped: list[str] = []
    processor = jsonld.JsonLdProcessor(on_property_dropped=dropped.append)
    try:
        options = {"documentLoader": contexts.pyld_loader, "base": None}
        with _PYLD_LOCK:
            expanded = processor.expand(document, options)
    except ContextError:
        raise
    except Exception as exc:  # pyld raises its own JsonLdError with nested causes
        raise JsonLdError(f"not valid JSON-LD: {_pyld_reason(exc)}") from None
    if dropped:
        raise JsonLdError(f"the term {dropped[0]!r} is not defined by the contexts")
    _check_iris(expanded)


def _check_iris(node: Any) -> None:
    """Every ``@id``/``@type`` an absolute IRI and every ``@language`` a tag pyoxigraph
    keeps, in an expanded document."""
    if isinstance(node, list):
        for item in node:
            _check_iris(item)
    elif isinstance(node, dict):
        language = node.get("@language")
        if language is not None and not (
            isinstance(language, str) and _language_tag_kept(language)
        ):
            raise JsonLdError(f"{language!r} is not a well-formed language tag (BCP 47)")
        for key, value in node.items():
            if key in ("@id", "@type") and key in node and "@value" not in node:
                for item in value if isinstance(value, list) else [value]:
                    if isinstance(item, str) and not (
                        _ABSOLUTE.match(item) or item.startswith("_:")
                    ):
                        raise JsonLdError(f"{item!r} is not an absolute IRI ({key})")
            elif key != "@value":
                _check_iris(value)


def _pyld_reason(exc: BaseException) -> str:
    cause: BaseException | None = exc
    message = str(exc)
    while cause is not None:
        details = getattr(cause, "message", None) or str(cause.args[0] if cause.args else "")
        if details:
            message = str(details)
        cause = getattr(cause, "cause", None) or cause.__cause__
    if isinstance(exc.__cause__, ContextError):
        raise exc.__cause__
    return message.splitlines()[0][:200]


def _inline_everywhere(node: Any) -> Any:
    """A copy of the document with every ``@context`` (top-level or embedded) inlined."""
    if isinstance(node, list):
        return [_inline_everywhere(item) for item in node]
    if isinstance(node, dict):
        return {
            key: contexts.inline(value) if key == "@context" else _inline_everywhere(value)
            for key, value in node.items()
        }
    return node


def _parse(document: dict[str, Any]) -> list[ox.Quad]:
    inlined = _inline_everywhere(document)
    try:
        return list(ox.parse(json.dumps(inlined), format=ox.RdfFormat.JSON_LD))
    except SyntaxError as exc:
        raise JsonLdError(f"not valid JSON-LD: {exc}") from None


def _checked(document: Any, reuse_shapes: bool = True) -> _shapes.Template | None:
    """Refuse, with :class:`JsonLdError`, a document JSON-LD would not read in full; return
    its shape (:mod:`._shapes`) when it has one.

    The exact check (pyld's expansion: every dropped property, relative IRI, malformed
    language tag) runs once per document shape and its verdict is remembered: whether
    JSON-LD drops something depends only on what the shape keeps — keys, nesting, type
    values, language-map keys, IRIs that are not absolute — never on the plain strings
    and absolute IRIs a shape replaces by markers. A document without a shape (one that
    embeds a context in a nested node) is checked every time. This replaced a fast pass
    over term names that did not know where a term is defined (a term of a type-scoped
    context, written outside that type, passed it and was dropped unsigned).
    """
    if not isinstance(document, dict) or "@context" not in document:
        raise JsonLdError("a JSON-LD document needs an @context")
    context_key = context_json(document["@context"])
    template = _shapes.split(document, context_key) if reuse_shapes else None
    if template is None:
        _check_exactly(document)
        return None
    problem = _SAFE_SHAPES.get_or_compute(template.key, lambda: _problem(template.document))
    if problem:
        raise JsonLdError(problem)
    return template


def _problem(document: dict[str, Any]) -> str:
    """What the exact check finds wrong with ``document``, or "" (kept per shape)."""
    try:
        _check_exactly(document)
    except ContextError:
        raise  # an unknown context is not a property of the shape: never remembered
    except JsonLdError as exc:
        return exc.message
    return ""


#: the exact check's verdict for each document shape lately seen ("" = reads in full)
_SAFE_SHAPES: BoundedCache[str, str] = BoundedCache(1024)


def to_quads(document: dict[str, Any]) -> list[ox.Quad]:
    """The RDF quads of a JSON-LD document, refusing anything safe mode forbids: the
    same refusals as :func:`canonicalize` (the remembered verdict of the document's
    shape), then the document itself parsed."""
    _checked(document)
    return _parse(document)


_Tuple = tuple[str, ...]
#: the quads of each document shape (:mod:`._shapes`) lately seen
_TEMPLATES: BoundedCache[str, tuple[tuple[_Tuple, ...], _shapes.Plan]] = BoundedCache(256)


def _as_tuple(quad: ox.Quad) -> _Tuple:
    """(subject kind, subject, predicate, object kind, object, datatype, language, graph)."""
    subject, obj, graph = quad.subject, quad.object, quad.graph_name
    if isinstance(subject, ox.NamedNode):
        s_kind, s_value = "IRI", subject.value
    elif isinstance(subject, ox.BlankNode):
        s_kind, s_value = "blank node", "_:" + subject.value
    else:
        raise JsonLdError(f"unsupported RDF subject {subject!r}")
    if isinstance(obj, ox.Literal):
        o = ("literal", obj.value, obj.datatype.value, obj.language or "")
    elif isinstance(obj, ox.NamedNode):
        o = ("IRI", obj.value, "", "")
    elif isinstance(obj, ox.BlankNode):
        o = ("blank node", "_:" + obj.value, "", "")
    else:
        raise JsonLdError(f"unsupported RDF term {obj!r}")
    if isinstance(graph, ox.DefaultGraph):
        g = "@default"
    elif isinstance(graph, ox.BlankNode):
        g = "_:" + graph.value
    elif isinstance(graph, ox.NamedNode):
        g = graph.value
    else:
        raise JsonLdError(f"unsupported graph name {graph!r}")
    return (s_kind, s_value, quad.predicate.value, *o, g)


def _tuples(document: dict[str, Any], reuse_shapes: bool = True) -> list[_Tuple]:
    """The document's quads as tuples, through a cached shape when it has one
    (:mod:`._shapes`), directly otherwise."""
    template = _checked(document, reuse_shapes)
    if template is None:
        return [_as_tuple(q) for q in _parse(document)]
    shape, plan = _TEMPLATES.get_or_compute(template.key, lambda: _template_quads(template))
    return _shapes.fill(shape, plan, template.values)


def _template_quads(template: _shapes.Template) -> tuple[tuple[_Tuple, ...], _shapes.Plan]:
    quads = tuple(_as_tuple(q) for q in _parse(template.document))
    return quads, _shapes.plan(quads)


def _pyld_dataset(tuples: list[_Tuple]) -> dict[str, list[dict[str, Any]]]:
    """Quad tuples as the dataset structure pyld's canonicalizer reads.

    Built from the terms, not by printing and re-parsing N-Quads: pyld's N-Quads parser
    unescapes some literals (a backslash before "n") differently from its printer.
    """
    dataset: dict[str, list[dict[str, Any]]] = {}
    # ``tuples`` holds no statement twice (:func:`_canonical` dedupes: an RDF dataset is
    # a set), as pyld's canonicalizer expects
    for s_kind, s_value, predicate, o_kind, o_value, datatype, language, graph in tuples:
        obj: dict[str, str] = {"type": o_kind, "value": o_value}
        if o_kind == "literal":
            obj["datatype"] = RDF_LANGSTRING if language else datatype
            if language:
                obj["language"] = language
        dataset.setdefault(graph, []).append(
            {
                "subject": {"type": s_kind, "value": s_value},
                "predicate": {"type": "IRI", "value": predicate},
                "object": obj,
            }
        )
    return dataset


MAX_QUADS = 20_000
MAX_N_DEGREE_WORK = 20_000


class _BoundedCanonicalizer(URDNA2015):  # type: ignore[misc]
    """pyld's RDFC-1.0 with the work limit RDFC-1.0 asks implementations to have: a
    "poison" dataset of look-alike blank nodes makes the N-degree hashing step explode
    (it tries every permutation of tied neighbours), so every step of it is counted —
    each call and each neighbour hashed inside a permutation — and capped."""

    def __init__(self) -> None:
        super().__init__()
        self.work = 0

    def _spend(self) -> None:
        self.work += 1
        if self.work > MAX_N_DEGREE_WORK:
            raise JsonLdError("the document's blank nodes are too complex to canonicalize")

    def hash_n_degree_quads(self, id_: str, issuer: Any) -> Any:
        self._spend()
        return super().hash_n_degree_quads(id_, issuer)

    def hash_related_blank_node(self, related: str, quad: Any, issuer: Any, position: str) -> Any:
        self._spend()
        return super().hash_related_blank_node(related, quad, issuer, position)


def canonicalize(document: dict[str, Any], *, reuse_shapes: bool = True) -> str:
    """The RDFC-1.0 canonical N-Quads of ``document`` (sorted, one quad per line).

    Refuses (JsonLdError) documents of more than 20,000 quads and "poison" graphs whose
    blank nodes would make canonicalization explode. ``reuse_shapes=False`` processes the
    JSON-LD afresh instead of through a cached document shape (:mod:`._shapes`).
    """
    quads = _tuples(document, reuse_shapes)
    if len(quads) > MAX_QUADS:
        raise JsonLdError(f"the document has more than {MAX_QUADS} RDF statements")
    return _canonical(quads)


def _canonical(quads: list[_Tuple], *, shortcut: bool = True) -> str:
    """RDFC-1.0 of the quads: :mod:`._rdfc10` when no two blank nodes share a
    first-degree hash (the credentials' case), pyld's full algorithm otherwise."""
    unique = list(dict.fromkeys(quads))  # an RDF dataset is a set: a statement made twice is one
    if shortcut:
        fast = _rdfc10.canonical_nquads(unique)  # type: ignore[arg-type]
        if fast is not None:
            return fast
    dataset = _pyld_dataset(unique)
    canonical: str = _BoundedCanonicalizer().main(dataset, {"format": "application/n-quads"})
    return canonical
