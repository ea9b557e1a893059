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
A cheap pass over the JSON keys decides; only a document that might lose data goes
through pyld to find exactly what.
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

from . import _shapes, contexts
from ._cache import BoundedCache, cached
from ._context_terms import term_kinds
from .errors import ContextError, JsonLdError

_KEYWORDS = frozenset(
    "@base @container @context @direction @graph @id @import @included @index @json "
    "@language @list @nest @none @prefix @propagate @protected @reverse @set @type "
    "@value @version @vocab".split()
)
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


def _context_key(context: Any) -> str:
    return json.dumps(context, sort_keys=True, separators=(",", ":"))


def _terms(context_key: str) -> tuple[frozenset[str], frozenset[str], frozenset[str], bool]:
    """(every term defined anywhere in the contexts, the terms whose values are IRIs,
    the terms whose values are maps keyed by language/index rather than by terms,
    whether a ``@vocab`` catches undefined terms)."""
    kinds = term_kinds(context_key)
    iri = (
        {"id", "type"} | kinds.id_aliases | kinds.type_aliases | kinds.id_typed | kinds.vocab_typed
    )
    return kinds.names, frozenset(iri), kinds.text_maps, kinds.has_vocab


def _might_lose_data(
    node: Any, terms: frozenset[str], iri_terms: frozenset[str], map_terms: frozenset[str]
) -> bool:
    if isinstance(node, list):
        return any(_might_lose_data(item, terms, iri_terms, map_terms) for item in node)
    if not isinstance(node, dict):
        return False
    for key, value in node.items():
        if key == "@context":
            return True  # an embedded context can redefine anything: check exactly
        if key in _KEYWORDS:
            continue
        if key not in terms and not _ABSOLUTE.match(key):
            return True
        if key in iri_terms:
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, str) and not (_ABSOLUTE.match(item) or item in terms):
                    return True
        if key in map_terms:
            # {"pl": "...", "en": "..."}: keys are languages or indexes, values are texts
            if not isinstance(value, dict) or any(
                not isinstance(text, str | list) or not _language_tag_kept(tag)
                for tag, text in value.items()
            ):
                return True
            continue
        if _might_lose_data(value, terms, iri_terms, map_terms):
            return True
    return False


#: pyld keeps resolved contexts in module-level ``cachetools`` caches, which are not
#: thread-safe (two threads evicting at once raise KeyError, which would read as "not valid
#: JSON-LD"): one expansion at a time. It is pure Python, so under the GIL this costs no
#: throughput, and only documents the fast checks cannot clear are expanded.
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


def _safe_context_key(document: Any) -> tuple[str, bool]:
    """(the context key, whether the fast safe-mode check already cleared the document);
    runs the exact check when the fast one cannot clear it."""
    if not isinstance(document, dict) or "@context" not in document:
        raise JsonLdError("a JSON-LD document needs an @context")
    context_key = _context_key(document["@context"])
    terms, iri_terms, map_terms, vocab = _terms(context_key)
    body = {key: value for key, value in document.items() if key != "@context"}
    if not vocab and _might_lose_data(body, terms, iri_terms, map_terms):
        _check_exactly(document)
        return context_key, False
    return context_key, True


def to_quads(document: dict[str, Any]) -> list[ox.Quad]:
    """The RDF quads of a JSON-LD document, refusing anything safe mode forbids."""
    _safe_context_key(document)
    return _parse(document)


_Tuple = tuple[str, ...]
#: the quads of each document shape (:mod:`._shapes`) lately seen
_TEMPLATES: BoundedCache[str, tuple[_Tuple, ...]] = BoundedCache(256)


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
    context_key, cleared = _safe_context_key(document)
    template = _shapes.split(document, context_key) if cleared and reuse_shapes else None
    if template is None:
        return [_as_tuple(q) for q in _parse(document)]
    shape = _TEMPLATES.get_or_compute(
        template.key, lambda: tuple(_as_tuple(q) for q in _parse(template.document))
    )
    return _shapes.fill(shape, template.values)


_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def _pyld_dataset(tuples: list[_Tuple]) -> dict[str, list[dict[str, Any]]]:
    """Quad tuples as the dataset structure pyld's canonicalizer reads.

    Built from the terms, not by printing and re-parsing N-Quads: pyld's N-Quads parser
    unescapes some literals (a backslash before "n") differently from its printer.
    """
    dataset: dict[str, list[dict[str, Any]]] = {}
    for s_kind, s_value, predicate, o_kind, o_value, datatype, language, graph in dict.fromkeys(
        tuples  # an RDF dataset is a set: a statement made twice is one
    ):
        obj: dict[str, str] = {"type": o_kind, "value": o_value}
        if o_kind == "literal":
            obj["datatype"] = _LANG_STRING if language else datatype
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
    dataset = _pyld_dataset(quads)
    canonical: str = _BoundedCanonicalizer().main(dataset, {"format": "application/n-quads"})
    return canonical
