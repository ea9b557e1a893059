"""RDFC-1.0 canonicalization: W3C and 1EdTech vectors byte for byte, agreement with pyld,
and safe mode (nothing silently dropped)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pyld import jsonld

from microcred.credentials.edc import to_edc
from microcred.credentials.errors import JsonLdError, UnknownContextError
from microcred.credentials.jsonld import contexts, rdfc
from microcred.credentials.jsonld.context_keys import context_json

from ...conftest import SHARED, example_award

VECTORS = SHARED / "vectors"


def _json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _without_proof(document: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in document.items() if key != "proof"}


_DI = "di-eddsa/eddsa-rdfc-2022/"
_ED = "di-eddsa/Ed25519Signature2020/"
_OB = "ob3-examples/ldp-testvector/"
CANONICAL_CASES = [
    (_DI + "signedDataInt.json", _DI + "canonDocDataInt.txt"),
    (_DI + "proofConfigDataInt.json", _DI + "proofCanonDataInt.txt"),
    (_ED + "signedEdSig.json", _ED + "canonDocEdSig.txt"),
    (_OB + "credential.unsigned.json", _OB + "document-canon.nq"),
    (_OB + "proof-config.json", _OB + "proof-canon.nq"),
]


@pytest.mark.parametrize(
    ("document", "canonical"), CANONICAL_CASES, ids=[c[1] for c in CANONICAL_CASES]
)
def test_vector_canonical_form_byte_for_byte(shared: Path, document: str, canonical: str) -> None:
    doc = _without_proof(_json(shared / "vectors" / document))
    expected = (shared / "vectors" / canonical).read_text(encoding="utf-8")
    assert rdfc.canonicalize(doc) == expected


def _vector_documents() -> list[Path]:
    if not VECTORS.is_dir():
        return []
    found = []
    for path in sorted(VECTORS.glob("**/*.json")):
        if "schemas" in path.parts or path.name == "INDEX.json":
            continue
        doc = _json(path)
        if not isinstance(doc, dict) or "@context" not in doc:
            continue
        urls = doc["@context"] if isinstance(doc["@context"], list) else [doc["@context"]]
        if all(not isinstance(u, str) or u in contexts.PINNED for u in urls):
            found.append(path)
    return found


@pytest.mark.parametrize("path", _vector_documents(), ids=lambda p: str(p.relative_to(VECTORS)))
def test_agrees_with_pyld(shared: Path, path: Path) -> None:
    """pyoxigraph's JSON-LD and RDFC-1.0 against pyld's, on every vector document."""
    doc = _json(path)
    reference = jsonld.normalize(
        doc,
        {
            "algorithm": "URDNA2015",
            "format": "application/n-quads",
            "documentLoader": contexts.pyld_loader,
        },
    )
    assert rdfc.canonicalize(doc) == reference


V1 = {
    "@context": ["https://www.w3.org/2018/credentials/v1"],
    "type": ["VerifiableCredential"],
    "issuer": "did:example:issuer",
    "issuanceDate": "2024-01-01T00:00:00Z",
    "credentialSubject": {"id": "did:example:subject"},
}
V2 = {
    "@context": ["https://www.w3.org/ns/credentials/v2"],
    "type": ["VerifiableCredential"],
    "issuer": "did:example:issuer",
    "credentialSubject": {"id": "did:example:subject"},
}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"undefinedTerm": "x"}, "the term 'undefinedTerm' is not defined"),
        ({"credentialSubject": {"id": "did:example:s", "nickname": "x"}}, "'nickname'"),
        ({"id": "relative/path"}, "'relative/path' is not an absolute IRI"),
        ({"issuer": "not an iri"}, "'not an iri' is not an absolute IRI"),
        ({"type": ["VerifiableCredential", "MadeUpType"]}, "'MadeUpType' is not an absolute IRI"),
    ],
    ids=["undefined-term", "undefined-nested-term", "relative-id", "bad-iri", "undefined-type"],
)
@pytest.mark.parametrize("base", [V1, V2], ids=["vc1", "vc2"])
def test_safe_mode_refuses_what_json_ld_would_drop(
    base: dict[str, Any], changes: dict[str, Any], message: str
) -> None:
    with pytest.raises(JsonLdError, match=message):
        rdfc.canonicalize(base | changes)


def test_redefining_a_protected_term_is_refused() -> None:
    doc = V2 | {"@context": [*V2["@context"], {"VerifiableCredential": "urn:evil"}]}
    with pytest.raises(JsonLdError, match="protected term"):
        rdfc.canonicalize(doc)


def test_an_embedded_context_is_checked_exactly() -> None:
    doc = V2 | {"@context": [*V2["@context"], {"nickname": "https://ex.org/nickname"}]}
    doc = doc | {"credentialSubject": {"id": "did:example:s", "nickname": "Ala"}}
    assert '<https://ex.org/nickname> "Ala"' in rdfc.canonicalize(doc)


def test_unknown_context_is_refused() -> None:
    with pytest.raises(UnknownContextError):
        rdfc.canonicalize(V2 | {"@context": ["https://example.org/evil"]})


def test_no_context_is_refused() -> None:
    with pytest.raises(JsonLdError, match="needs an @context"):
        rdfc.canonicalize({"type": "VerifiableCredential"})


@pytest.mark.parametrize(
    "value",
    [
        {"x-bad tag": "Mallory"},
        {"@value": "<a>", "@type": "http://www.w3.org/2001/XMLSchema#integer"},
        {"pl": "Anna", "": "Mallory"},
    ],
    ids=["space-in-tag", "value-object-in-language-map", "empty-tag"],
)
def test_language_map_entries_pyoxigraph_would_drop_are_refused(value: dict[str, str]) -> None:
    """Review finding: pyoxigraph drops a language-map entry whose key is not a BCP 47
    tag, so a signature would not cover a name a reader still shows."""
    document = to_edc(example_award())
    document["credentialSubject"]["givenName"] = value
    with pytest.raises(JsonLdError, match="language tag"):
        rdfc.to_quads(document)
    with pytest.raises(JsonLdError, match="language tag"):
        rdfc.canonicalize(document)


def test_well_formed_language_maps_are_kept() -> None:
    document = to_edc(example_award())
    document["credentialSubject"]["givenName"] = {"pl": "Anna", "EN": "Anne", "@none": "A."}
    texts = sorted(
        str(q.object) for q in rdfc.to_quads(document) if q.predicate.value.endswith("givenName")
    )
    assert texts == ['"A."', '"Anna"@pl', '"Anne"@en']


def _canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"))


@pytest.mark.parametrize("scalar", [1, 1.0, True, False, 0, -0.0, 1.1, None, "1.1"])
def test_context_key_is_the_context_s_canonical_json(scalar: Any) -> None:
    """The remembered JSON of an embedded context is used only for an equal context with
    the same JSON at every number and boolean (1 == 1.0 == True in Python, not in JSON),
    and a context changed in place is not mistaken for the one it was."""
    from microcred.credentials.ob3 import EU_TERMS

    context = ["https://www.w3.org/ns/credentials/v2", json.loads(json.dumps(EU_TERMS))]
    assert context_json(context) == _canonical_json(context)
    assert context_json(context) == _canonical_json(context)  # remembered
    for name in ("@version", "@protected"):
        changed = json.loads(json.dumps(context))
        changed[1][name] = scalar
        assert context_json(changed) == _canonical_json(changed)
        assert context_json(context) == _canonical_json(context)
    context[1]["extra"] = "https://example.org/extra"  # the same object, changed
    assert context_json(context) == _canonical_json(context)
