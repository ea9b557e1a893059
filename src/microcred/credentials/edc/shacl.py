"""Validate a European Digital Credential against the EU's SHACL shapes (pySHACL).

The shapes ship in ``shapes/`` (European Learning Model repository: the EDC generic
application profile, with and without controlled-vocabulary constraints, and the ELM
ontology, EUPL-1.2). The credential is turned into RDF by :mod:`..rdfc` (offline, pinned
contexts) and validated; every violation comes back as a short sentence naming the
node, the property and what the shape asked for.
"""

from __future__ import annotations

__all__ = ["ShapeViolation", "validate"]

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import pyoxigraph as ox
from pyshacl import validate as pyshacl_validate
from rdflib import Graph, Namespace, URIRef

from .. import rdfc

SH = Namespace("http://www.w3.org/ns/shacl#")
_SHAPES = ("EDC-generic-no-cv.ttl", "EDC-generic-full.ttl")


@dataclass(frozen=True)
class ShapeViolation:
    """One SHACL result, in words."""

    focus: str
    path: str
    message: str
    shape: str

    def __str__(self) -> str:
        return f"{self.focus} {self.path}: {self.message}"


@cache
def _graphs() -> tuple[Graph, Graph]:
    folder = resources.files(__package__).joinpath("shapes")
    shapes = Graph()
    for name in _SHAPES:
        shapes.parse(data=folder.joinpath(name).read_text(encoding="utf-8"), format="turtle")
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


def validate(credential: dict[str, Any]) -> list[ShapeViolation]:
    """Every violation of the EDC shapes (empty: the credential conforms)."""
    quads = rdfc.to_quads(credential)
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
    data = Graph()
    serialized = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    data.parse(data=(serialized or b"").decode("utf-8"), format="nt")
    shapes, ontology = _graphs()
    # inplace: the data graph is ours and thrown away, so pySHACL need not copy it before
    # mixing the ontology in.
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
