"""The RDFC-1.0 shortcut (credentials/jsonld/_rdfc10.py) gives pyld's canonical N-Quads byte for
byte whenever it answers, and hands every dataset with a first-degree tie to pyld."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from microcred.credentials.edc import to_edc
from microcred.credentials.errors import ContextError, JsonLdError
from microcred.credentials.jsonld import _rdfc10, rdfc
from microcred.credentials.ob3 import to_ob3

from ...conftest import EXAMPLES, SHARED, example_award

VECTORS = SHARED / "vectors"
_XSD = "http://www.w3.org/2001/XMLSchema#"


def _pyld(quads: list[tuple[str, ...]]) -> str:
    return rdfc._canonical(quads, shortcut=False)


def _documents() -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    if VECTORS.is_dir():
        for path in sorted(VECTORS.glob("**/*.json")):
            if "schemas" in path.parts or path.name == "INDEX.json":
                continue
            document = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(document, dict) and "@context" in document:
                found.append((str(path.relative_to(VECTORS)), document))
    for design in sorted(EXAMPLES.glob("*.yaml")):
        award = example_award(design.name)
        found.append((f"{design.stem} ob3", to_ob3(award, issuer_id="did:example:issuer")))
        found.append((f"{design.stem} edc", to_edc(award, issuer_id="did:example:issuer")))
    return found


@pytest.mark.parametrize(("name", "document"), _documents(), ids=[n for n, _ in _documents()])
def test_documents_canonical_form_is_pyld_s(name: str, document: dict[str, Any]) -> None:
    try:
        quads = rdfc._tuples(document, reuse_shapes=False)
    except (JsonLdError, ContextError):
        pytest.skip("unpinned context or not safe JSON-LD: refused before canonicalization")
    unique = list(dict.fromkeys(quads))
    fast = _rdfc10.canonical_nquads(unique)  # type: ignore[arg-type]
    if fast is not None:
        assert fast == _pyld(quads)
    assert rdfc.canonicalize(document) == _pyld(quads)


def test_credentials_take_the_shortcut() -> None:
    award = example_award()
    for document in (to_ob3(award, issuer_id="did:example:issuer"),
                     to_edc(award, issuer_id="did:example:issuer")):  # fmt: skip
        quads = list(dict.fromkeys(rdfc._tuples(document)))
        assert _rdfc10.canonical_nquads(quads) is not None  # type: ignore[arg-type]


def _quad(s: str, p: str, o: Any, g: str = "@default") -> tuple[str, ...]:
    s_kind = "blank node" if s.startswith("_:") else "IRI"
    if isinstance(o, tuple):  # a literal: (value, datatype, language)
        return (s_kind, s, p, "literal", *o, g)
    o_kind = "blank node" if o.startswith("_:") else "IRI"
    return (s_kind, s, p, o_kind, o, "", "", g)


def test_a_tie_goes_to_pyld() -> None:
    quads = [_quad("https://ex.org/a", "https://ex.org/p", "_:x"),
             _quad("https://ex.org/a", "https://ex.org/p", "_:y")]  # fmt: skip
    assert _rdfc10.canonical_nquads(quads) is None  # type: ignore[arg-type]
    assert _pyld(quads).count("_:c14n") == 2


def test_an_input_label_in_the_canonical_namespace_goes_to_pyld() -> None:
    quads = [_quad("_:c14n0", "https://ex.org/p", ("v", _XSD + "string", ""))]
    assert _rdfc10.canonical_nquads(quads) is None  # type: ignore[arg-type]


BLANKS = st.sampled_from(["_:b0", "_:b1", "_:b2", "_:b3", "_:b4"])
IRIS = st.sampled_from(["https://ex.org/a", "https://ex.org/b", "urn:x:c"])
TEXTS = st.text(alphabet='ab\\"\t\n\r é\u2028', max_size=6)
LITERALS = st.tuples(
    TEXTS,
    st.sampled_from([_XSD + "string", _XSD + "dateTime", _XSD + "integer"]),
    st.just(""),
) | st.tuples(TEXTS, st.just("http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"),
              st.sampled_from(["en", "pl", "en-GB"]))  # fmt: skip
QUADS = st.lists(
    st.builds(
        _quad,
        BLANKS | IRIS,
        st.sampled_from(["https://ex.org/p", "https://ex.org/q"]),
        BLANKS | IRIS | LITERALS,
        st.sampled_from(["@default", "@default", "_:b0", "_:g", "https://ex.org/g"]),
    ),
    max_size=14,
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(quads=QUADS)
def test_random_datasets_canonical_form_is_pyld_s(quads: list[tuple[str, ...]]) -> None:
    """Self-references, blank graph names, escapes, language tags, duplicates, ties."""
    fast = _rdfc10.canonical_nquads(list(dict.fromkeys(quads)))  # type: ignore[arg-type]
    if fast is not None:
        assert fast == _pyld(quads)
