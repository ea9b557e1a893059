"""Shape reuse (credentials/jsonld/_shapes.py) gives exactly the canonical form that processing
each document afresh gives, and that pyld gives, whatever the learner's data."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyld import jsonld

from microcred.credentials.jsonld import _shapes, contexts, rdfc
from microcred.credentials.jsonld.context_keys import context_json
from microcred.credentials.ob3 import to_ob3
from microcred.standard import designfile
from microcred.standard.elements import Award

from ...conftest import EXAMPLES

# without its grading scale: any text is a grade (the strings are what is tested here)
SPEC = designfile.loads((EXAMPLES / "python-basics.yaml").read_bytes()).model_dump() | {
    "grading_scale": []
}
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
NAMES = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters=BIDI),
    min_size=1, max_size=30,
).filter(lambda s: s.strip() and s == s.strip())  # fmt: skip
IRIS = st.one_of(
    st.uuids().map(lambda u: f"urn:uuid:{u}"),
    st.just("did:example:same"),
    st.text("abcdef0123456789", min_size=1, max_size=12).map(lambda t: f"https://ex.org/{t}"),
)


def _pyld(document: dict[str, Any]) -> str:
    options = {"algorithm": "URDNA2015", "format": "application/n-quads",
               "documentLoader": contexts.pyld_loader}  # fmt: skip
    return str(jsonld.normalize(document, options))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(given_name=NAMES, family_name=NAMES, credential_id=IRIS, issuer=IRIS,
       day=st.integers(1, 28), grade=NAMES)  # fmt: skip
def test_reused_shape_equals_fresh_processing_and_pyld(
    given_name: str, family_name: str, credential_id: str, issuer: str, day: int, grade: str
) -> None:
    award = Award.model_validate({
        "id": credential_id, "spec": SPEC, "issued_on": f"2025-06-{day:02d}",
        "learner": {"given_name": given_name, "family_name": family_name},
        "grade": {"pl": grade, "en": grade},
    })  # fmt: skip
    document = to_ob3(award, issuer_id=issuer)
    reused = rdfc.canonicalize(document)
    assert reused == rdfc.canonicalize(document, reuse_shapes=False)
    assert reused == _pyld(document)


def test_documents_of_one_design_share_a_shape() -> None:
    def shape(name: str) -> str:
        learner = {"given_name": name, "family_name": "X"}
        award = Award.model_validate({"spec": SPEC, "issued_on": "2025-06-20", "learner": learner})
        document = to_ob3(award, issuer_id="did:example:issuer")
        template = _shapes.split(
            document, json.dumps(document["@context"], sort_keys=True, separators=(",", ":"))
        )
        assert template is not None
        return template.key

    assert shape("Anna") == shape("Zofia")


def test_interpreted_values_stay_in_the_shape() -> None:
    document = {
        "@context": ["https://www.w3.org/ns/credentials/v2",
                     "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": "did:example:1", "type": ["Profile"], "name": "Uczelnia"},
        "credentialSubject": {"type": ["AchievementSubject"], "achievement": {
            "id": "urn:x:1", "type": ["Achievement"], "achievementType": "MicroCredential",
            "name": "Kurs", "criteria": {"narrative": "x"}, "description": "d"}},
    }  # fmt: skip
    key = json.dumps(document["@context"], sort_keys=True, separators=(",", ":"))
    template = _shapes.split(document, key)
    assert template is not None
    text = json.dumps(template.document)
    assert '"type": ["Achievement"]' in text  # types are interpreted: part of the shape
    assert '"OpenBadgeCredential"' in text
    assert "Uczelnia" not in text  # data: marked
    assert "did:example:1" not in text
    assert "MicroCredential" not in text  # a plain string in the OB 3.0 context
    assert rdfc.canonicalize(document) == _pyld(document)


def test_embedded_contexts_are_not_templated() -> None:
    document = {"@context": ["https://www.w3.org/ns/credentials/v2"],
                "type": "VerifiableCredential",
                "credentialSubject": {"@context": {"n": "https://ex.org/n"}, "n": "x"}}  # fmt: skip
    key = json.dumps(document["@context"], sort_keys=True, separators=(",", ":"))
    assert _shapes.split(document, key) is None
    assert rdfc.canonicalize(document) == _pyld(document)


_OB3_CONTEXT = ["https://www.w3.org/ns/credentials/v2",
                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]  # fmt: skip


def _ob3(**changes: Any) -> dict[str, Any]:
    document = {
        "@context": list(_OB3_CONTEXT),
        "id": "urn:uuid:6a9c2f1e-0000-4000-8000-000000000001",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": "did:example:1", "type": ["Profile"], "name": "Uczelnia"},
        "validFrom": "2025-06-20T00:00:00Z",
        "credentialSubject": {"type": ["AchievementSubject"], "achievement": {
            "id": "urn:x:1", "type": ["Achievement"], "name": "Kurs",
            "criteria": {"narrative": "x"}, "description": "d"}},
    }  # fmt: skip
    return document | changes


@pytest.mark.parametrize(
    "changes",
    [
        {"name": "\ue0000\ue001"},  # a marked string
        {"name": "a\ue000b"},  # part of a marker in a marked string
        {"id": "urn:x-microcred-shape:0"},  # a marked IRI
        {"type": ["VerifiableCredential", "OpenBadgeCredential", "urn:x-microcred-shape:0"]},
        {"type": ["VerifiableCredential", "OpenBadgeCredential", "X\ue001"]},  # a kept value
        {"urn:x-microcred-shape:0": "x"},  # a key
        {"@context": [*_OB3_CONTEXT, {"n\ue000": "https://ex.org/n"}]},  # the context
        {"@context": [*_OB3_CONTEXT, {"n": "urn:x-microcred-shape:0"}]},
    ],
    ids=["string", "part", "iri", "type-iri", "type-part", "key", "context-key", "context-iri"],
)
def test_a_document_writing_a_marker_is_not_templated(changes: dict[str, Any]) -> None:
    document = _ob3(**changes)
    key = context_json(document["@context"])
    assert _shapes.split(document, key) is None
    assert _shapes.split(_ob3(), context_json(_ob3()["@context"])) is not None


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=NAMES, subject=IRIS)
def test_filled_shape_equals_the_direct_quads(name: str, subject: str) -> None:
    """The quads :func:`_shapes.fill` puts together from a cached shape (its plan) are
    the quads of processing the document itself (blank node labels aside)."""
    document = _ob3(name=name, credentialSubject={
        **_ob3()["credentialSubject"], "id": subject})  # fmt: skip
    reused = rdfc._tuples(document)
    direct = rdfc._tuples(document, reuse_shapes=False)
    assert len(reused) == len(direct)
    assert rdfc._canonical(reused, shortcut=False) == rdfc._canonical(direct, shortcut=False)
