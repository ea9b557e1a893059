"""The SHACL shape cache: a credential of a shape found to conform conforms without
pySHACL, and nothing the shapes look at (an ill-typed date, a missing or extra property,
another type or concept) can hide behind a cached shape — checked against pySHACL on
generated variants."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from microcred.credentials.edc.build import to_edc
from microcred.credentials.edc.shacl import _CONFORMING, _cache_policy, _shape_key, validate
from microcred.credentials.jsonld import rdfc

from ...conftest import example_award


def _edc(i: int = 0, **changes: Any) -> dict[str, Any]:
    learner = {"given_name": f"Anna{i}", "family_name": "Kowalska", "email": f"a{i}@example.org"}
    return to_edc(example_award(**({"learner": learner, "issued_on": "2025-06-20"} | changes)))


def _key(document: dict[str, Any]) -> str | None:
    return _shape_key(rdfc.to_quads(document))


def test_the_eu_shapes_allow_the_cache() -> None:
    policy = _cache_policy()
    assert policy is not None
    vocabulary, kept = policy
    assert "http://data.europa.eu/snb/model/elm/LearningAchievement" in vocabulary
    assert "http://data.europa.eu/snb/model/elm/levelOfCompletion" in kept  # sh:maxInclusive


def test_credentials_of_one_design_share_a_shape_and_conform_once() -> None:
    first, second = _edc(1), _edc(2, issued_on="2026-01-31")
    assert first["credentialSubject"]["id"] != second["credentialSubject"]["id"]
    assert _key(first) == _key(second)
    assert validate(first) == []
    assert _key(first) in _CONFORMING
    assert validate(second) == []  # from the cache


def test_an_ill_typed_date_is_not_hidden_by_the_cache() -> None:
    good = _edc(3)
    assert validate(good) == []
    bad = good | {"validFrom": "yesterday"}  # the same JSON shape, an ill-typed literal
    assert _key(bad) != _key(good)
    assert any(v.path == "cred:validFrom" for v in validate(bad))


def test_equal_literals_make_another_shape() -> None:
    # Equal values collapse into one RDF term, which changes what counts see.
    plain = _edc(4)
    same = to_edc(example_award(learner={"given_name": "Kowalska", "family_name": "Kowalska"}))
    differ = to_edc(example_award(learner={"given_name": "Anna", "family_name": "Kowalska"}))
    assert _key(same) != _key(differ)
    assert _key(plain) != _key(same)


def test_literals_rdflib_makes_equal_are_equal_in_the_key() -> None:
    """Review finding: "…00Z" and "…00.000Z" are one xsd:dateTime value to rdflib (so to
    pySHACL), and two distinct dates break maxCount 1: the two must not share a key."""
    one_value = _edc(5) | {"validFrom": ["2030-01-01T00:00:00Z", "2030-01-01T00:00:00.000Z"]}
    two_values = _edc(5) | {"validFrom": ["2030-01-01T00:00:00Z", "2031-01-01T00:00:00Z"]}
    assert _key(one_value) != _key(two_values)
    assert validate(one_value) == validate(one_value, use_cache=False) == []
    assert any("More than 1 values" in v.message for v in validate(two_values))


_FIELDS = ["validFrom", "issued", "issuer", "credentialSubject", "credentialSchema", "type",
           "displayParameter", "validUntil", "expirationDate", "id"]  # fmt: skip


@st.composite
def _variants(draw: st.DrawFn) -> dict[str, Any]:
    """A credential of the python-basics design with one random change or none."""
    document = copy.deepcopy(_edc(draw(st.integers(0, 3))))
    change = draw(st.sampled_from(["none", "delete", "date", "string", "type", "nested"]))
    field = draw(st.sampled_from(_FIELDS))
    if change == "delete":
        document.pop(field, None)
    elif change == "date":
        document[draw(st.sampled_from(["validFrom", "issued", "validUntil"]))] = draw(
            st.sampled_from(["2025-06-20T00:00:00Z", "2025-13-45T00:00:00Z", "later", "2025",
                             ["2025-06-20T00:00:00Z", "2025-06-20T00:00:00.000Z"],
                             ["2025-06-20T00:00:00Z", "2025-06-21T00:00:00Z"]])
        )  # fmt: skip
    elif change == "string":
        document["credentialSubject"]["givenName"] = {"en": draw(st.text(max_size=5))}
    elif change == "type":
        edc = "EuropeanDigitalCredential"
        document["type"] = draw(
            st.sampled_from([["VerifiableCredential"], ["VerifiableCredential", edc], [edc]])
        )
    elif change == "nested":
        claim = document["credentialSubject"]["hasClaim"][0]
        claim.pop(draw(st.sampled_from(["awardedBy", "specifiedBy", "provenBy", "title"])), None)
    return document


@settings(max_examples=40, deadline=None)
@given(document=_variants())
def test_cache_agrees_with_pyshacl(document: dict[str, Any]) -> None:
    try:
        uncached = validate(document, use_cache=False)
    except Exception as exc:
        try:
            validate(document)
        except type(exc):
            return
        raise AssertionError("the cached path accepted what pySHACL's path refused") from exc
    assert validate(document) == uncached
    assert validate(document) == uncached  # and again, now that its shape may be cached
