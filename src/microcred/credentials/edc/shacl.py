"""Validate a European Digital Credential against the EU's SHACL shapes (pySHACL).

The shapes ship in ``shapes/`` (European Learning Model repository: the EDC generic
application profile, with and without controlled-vocabulary constraints, and the ELM
ontology, EUPL-1.2). The credential is turned into RDF by :mod:`..jsonld.rdfc` (offline, pinned
contexts) and validated; every violation comes back as a short sentence naming the node,
the property and what the shape asked for.

pySHACL takes ~80 ms per credential, so a graph *shape* found to conform is remembered
(:func:`_shape_key`): EDCs issued from one design differ in the learner, identifiers and
dates, not in anything the shapes look at, and the next one of the same shape conforms
without running pySHACL again. The key keeps everything a constraint in the shapes can
depend on — the graph's structure, every IRI the shapes or the ontology name, each
literal's datatype, language, and whether pySHACL would find it well-typed (rdflib's
``ill_typed`` and the Python type of its value, which is what ``sh:datatype`` checks),
which literals are equal once rdflib has normalized them, and the exact value of every
literal a value-comparing constraint reads (``sh:maxInclusive`` …) — and abstracts the
rest (other IRIs, blank nodes, literal text). Shapes with a constraint this cannot
account for (SPARQL-based, or a comparison on a complex path) turn the cache off. Only
conformance is remembered: a credential with violations always gets pySHACL's own
report.
"""

from __future__ import annotations

import threading

__all__ = ["ShapeViolation", "validate"]

import hashlib
import logging
from dataclasses import dataclass
from importlib import resources
from typing import Any

import pyoxigraph as ox
from pyshacl import ShapesGraph
from pyshacl import validate as pyshacl_validate
from rdflib import Graph, Literal, Namespace, URIRef

from ...standard.caching import BoundedCache, cached
from ..jsonld import rdfc

SH = Namespace("http://www.w3.org/ns/shacl#")
_SHAPES = ("EDC-generic-no-cv.ttl", "EDC-generic-full.ttl")
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
#: constraint parameters that compare a value node with a value, or two properties' values
_COMPARING = ("minInclusive", "maxInclusive", "minExclusive", "maxExclusive", "minLength",
              "maxLength", "pattern", "in", "hasValue", "languageIn")  # fmt: skip
_PAIRS = ("equals", "disjoint", "lessThan", "lessThanOrEquals")
_UNACCOUNTABLE = ("sparql", "SPARQLConstraint", "SPARQLTarget", "select", "ask", "js")
#: the shape keys (:func:`_shape_key`) of graphs found to conform
_CONFORMING: BoundedCache[str, bool] = BoundedCache(4096)


class _IllTypedLiteralFilter(logging.Filter):
    """rdflib logs a traceback for every literal whose text does not fit its datatype
    (``validFrom: "yesterday"``); the shapes report each one in words, so these records
    are dropped instead of reaching a user's terminal."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("Failed to convert Literal lexical form")


_RDFLIB_TERM_LOG = logging.getLogger("rdflib.term")
if not any(isinstance(f, _IllTypedLiteralFilter) for f in _RDFLIB_TERM_LOG.filters):
    _RDFLIB_TERM_LOG.addFilter(_IllTypedLiteralFilter())


@dataclass(frozen=True)
class ShapeViolation:
    """One SHACL result, in words."""

    focus: str
    path: str
    message: str
    shape: str

    def __str__(self) -> str:
        return f"{self.focus} {self.path}: {self.message}"


@cached(maxsize=1)
def _graphs() -> tuple[Graph, Graph]:
    """(the shapes, the ELM ontology), parsed once and then only read, by every thread."""
    folder = resources.files(__package__).joinpath("shapes")
    shapes = Graph()
    for name in _SHAPES:
        shapes.parse(data=folder.joinpath(name).read_text(encoding="utf-8"), format="turtle")
    # pySHACL adds its two "system" triples to the shapes graph on every run; added here,
    # before any thread sees the graph, those later additions change nothing, so no
    # thread's reading of the graph meets a graph changing under it.
    ShapesGraph(shapes)
    ontology = Graph()
    ontology.parse(
        data=folder.joinpath("ELM-ontology.ttl").read_text(encoding="utf-8"), format="turtle"
    )
    return shapes, ontology


def _short(node: Any) -> str:
    text = str(node)
    for prefix, short in (("http://data.europa.eu/snb/model/elm/", "elm:"),
                          ("https://www.w3.org/2018/credentials#", "cred:"),
                          ("http://purl.org/dc/terms/", "dc:")):  # fmt: skip
        if text.startswith(prefix):
            return short + text[len(prefix) :]
    return text


@cached(maxsize=1)
def _cache_policy() -> tuple[frozenset[str], frozenset[str]] | None:
    """(IRIs the shapes or the ontology name, predicates whose literal values are kept
    exactly), or None when the shapes hold a constraint the shape key cannot account
    for."""
    shapes, ontology = _graphs()
    if any(term == SH[name] for triple in shapes for term in triple for name in _UNACCOUNTABLE):
        return None
    kept: set[str] = set()
    for name in (*_COMPARING, *_PAIRS):
        for shape, value in shapes.subject_objects(SH[name]):
            path = shapes.value(shape, SH.path)
            if not isinstance(path, URIRef):  # a node shape or a complex path
                return None
            kept.add(str(path))
            if name in _PAIRS:
                if not isinstance(value, URIRef):
                    return None
                kept.add(str(value))
    vocabulary = {str(t) for g in (shapes, ontology) for triple in g for t in triple
                  if isinstance(t, URIRef)}  # fmt: skip
    return frozenset(vocabulary), frozenset(kept)


@cached(maxsize=65536)
def _as_pyshacl_sees(lexical: str, datatype: str, language: str | None) -> tuple[str, str]:
    """(the literal's text as rdflib normalizes it, what ``sh:datatype`` sees of it besides
    its datatype). pySHACL works on rdflib terms, and rdflib rewrites well-typed literals
    into one canonical form ("…00.000Z" and "…00Z", "01" and "1" become one value), so
    which literals are equal must be judged on that form, not on the text received."""
    if language:
        return lexical, "lang"
    term = Literal(lexical, datatype=None if datatype == _XSD_STRING else URIRef(datatype))
    return str(term), f"{getattr(term, 'ill_typed', None)}:{type(term.value).__name__}"


def _shape_key(quads: list[ox.Quad]) -> str | None:
    """The SHACL-relevant shape of a graph (see the module docstring), as a hash; None
    when the cache is off."""
    policy = _cache_policy()
    if policy is None:
        return None
    vocabulary, kept = policy
    ids: dict[tuple[str, ...], int] = {}

    def number(kind: str, *value: str) -> str:
        return str(ids.setdefault((kind, *value), len(ids)))

    def term(node: Any, predicate: str) -> str:
        if isinstance(node, ox.NamedNode):
            return f"<{node.value}>" if node.value in vocabulary else "i" + number("i", node.value)
        if isinstance(node, ox.BlankNode):
            return "b" + number("b", node.value)
        if isinstance(node, ox.Literal):
            datatype, language = node.datatype.value, node.language
            if predicate in kept:
                return repr((_as_pyshacl_sees(node.value, datatype, language)[0], datatype,
                             language))  # fmt: skip
            text, typing = _as_pyshacl_sees(node.value, datatype, language)
            index = number("l", text, datatype, language or "")
            return f"l{index}^{datatype}@{language}:{typing}"
        return "g" if isinstance(node, ox.DefaultGraph) else "?" + repr(node)

    digest = hashlib.sha256()
    for quad in quads:
        predicate = quad.predicate.value
        parts = (term(quad.subject, predicate), term(quad.predicate, predicate),
                 term(quad.object, predicate), term(quad.graph_name, predicate))  # fmt: skip
        digest.update(("\t".join(parts) + "\n").encode("utf-8"))
    return digest.hexdigest()


def validate(credential: dict[str, Any], *, use_cache: bool = True) -> list[ShapeViolation]:
    """Every violation of the EDC shapes (empty: the credential conforms). With
    ``use_cache``, a credential whose graph has the shape of one found to conform
    before conforms without running pySHACL again (see the module docstring)."""
    quads = rdfc.to_quads(credential)
    key = _shape_key(quads) if use_cache else None
    if key is not None and _CONFORMING.get(key):
        return []
    violations = _pyshacl(quads)
    if key is not None and not violations:
        _CONFORMING.put(key, True)
    return violations


_PYSHACL_LOCK = threading.Lock()


def _pyshacl(quads: list[ox.Quad]) -> list[ShapeViolation]:
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
    data = Graph()
    serialized = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    data.parse(data=(serialized or b"").decode("utf-8"), format="nt")
    shapes, ontology = _graphs()
    # inplace: the data graph is ours and thrown away, so pySHACL need not copy it before
    # mixing the ontology in.
    # One pySHACL run at a time: the shapes graph is shared, and pySHACL and rdflib keep
    # state on it while validating (a KeyError was seen once in 8-thread verify runs).
    # Pure Python under the GIL, so the lock costs no throughput.
    with _PYSHACL_LOCK:
        _, report, _ = pyshacl_validate(data, shacl_graph=shapes, ont_graph=ontology,
                                        inference="none", allow_warnings=True,
                                        inplace=True)  # fmt: skip
    violations = []
    for result in report.subjects(predicate=URIRef(str(SH.resultSeverity))):
        severity = report.value(result, SH.resultSeverity)
        if severity != SH.Violation:
            continue
        violations.append(ShapeViolation(
            focus=_short(report.value(result, SH.focusNode)),
            path=_short(report.value(result, SH.resultPath) or ""),
            message=str(report.value(result, SH.resultMessage) or "does not conform"),
            shape=_short(report.value(result, SH.sourceShape) or ""),
        ))  # fmt: skip
    return sorted(violations, key=lambda v: (v.focus, v.path))
