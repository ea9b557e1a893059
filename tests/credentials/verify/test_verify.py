"""verify(): every check, on good, tampered and hostile input; never raises, never slow."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from microcred.credentials.data_integrity import sign
from microcred.credentials.dids import Resolver
from microcred.credentials.keys import KeyPair
from microcred.credentials.ob3 import to_ob3
from microcred.credentials.verify import CheckStatus, Result, verify
from microcred.credentials.verify import messages as m
from microcred.standard.compliance import Verdict

from ...conftest import example_award

KEY = KeyPair.generate()
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def _credential(name: str = "python-basics.yaml", **award: Any) -> dict[str, Any]:
    learner = {"given_name": "Anna", "family_name": "Kowalska", "email": "anna@example.org",
               "date_of_birth": "1990-04-02"}  # fmt: skip
    unsigned = to_ob3(example_award(name, **({"learner": learner} | award)), issuer_id=KEY.did_key)
    return sign(unsigned, KEY, created=dt.datetime(2025, 6, 20, tzinfo=dt.UTC))


SIGNED = _credential()


def _statuses(report: Any) -> dict[str, str]:
    return {c.name: f"{c.status}:{c.code}" for c in report.checks}


def test_a_good_credential_verifies_with_its_eu_elements() -> None:
    report = verify(SIGNED, now=NOW)
    assert report.verified, report.to_dict()
    assert report.result is Result.VALID
    assert _statuses(report) == {
        "format": "pass:ok", "schema": "pass:ok", "data-model": "pass:ok",
        "contexts": "pass:ok", "proof": "pass:ok",
        "issuer": "pass:ok", "dates": "pass:ok", "status": "not-applicable:no_status",
        "eu-elements": "pass:micro-credential", "trust": "warning:not_checked",
    }  # fmt: skip
    assert report.verdict == "micro-credential"
    assert report.eu_elements["workload"] == "present"
    assert report.eu_elements["learner"] == "present"
    title = SIGNED["credentialSubject"]["achievement"]["name"]
    assert report.summary("pl") == {
        "title": title, "awarding_body": SIGNED["issuer"]["name"], "learner": "Anna Kowalska",
        "issued_on": "2025-06-20", "valid_until": None,
    }  # fmt: skip
    assert report.to_dict("en")["summary"]["title"] == "Python basics"


def test_bytes_and_text_are_accepted() -> None:
    assert verify(json.dumps(SIGNED).encode(), now=NOW).verified
    assert verify(json.dumps(SIGNED), now=NOW).verified


def test_participation_badge_verifies_but_says_so() -> None:
    report = verify(_credential("cybersecurity-webinar.yaml"), now=NOW)
    assert report.verified
    assert report.verdict == "participation-badge"
    check = report.check("eu-elements")
    assert check is not None
    assert check.status is CheckStatus.WARNING
    assert check.pl.startswith(Verdict.PARTICIPATION_BADGE.label("pl"))


@pytest.mark.parametrize(
    ("change", "check", "code"),
    [
        (lambda d: d["credentialSubject"]["achievement"].update(name="Inna"), "proof",
         "invalid_signature"),
        (lambda d: d.update(issuer={**d["issuer"], "id": KeyPair.generate().did_key}), "proof",
         "invalid_signature"),
        (lambda d: d["@context"].append("https://evil.example/ctx"), "contexts", "unknown_context"),
        (lambda d: d.pop("proof"), "proof", "no_proof"),
        (lambda d: d.update(validFrom="2027-01-01T00:00:00Z"), "dates", "not_yet_valid"),
        (lambda d: d.update(validUntil="2025-12-01T00:00:00Z"), "dates", "expired"),
        (lambda d: d.update(validUntil="yesterday"), "dates", "malformed_date"),
        (lambda d: d.pop("credentialSubject"), "schema", "schema_invalid"),
    ],
    ids=["tampered-field", "other-issuer", "unknown-context", "no-proof", "not-yet-valid",
         "expired", "bad-date", "no-subject"],
)  # fmt: skip
def test_each_failure_is_named(change: Any, check: str, code: str) -> None:
    document = json.loads(json.dumps(SIGNED))
    change(document)
    report = verify(document, now=NOW)
    assert not report.verified
    found = report.check(check)
    assert found is not None
    assert (found.status, found.code) == (CheckStatus.FAIL, code), report.to_dict()
    assert found.en
    assert found.pl


def test_signed_by_someone_else_is_an_issuer_mismatch() -> None:
    other = KeyPair.generate()
    unsigned = {k: v for k, v in SIGNED.items() if k != "proof"}
    forged = sign(unsigned, other, created=dt.datetime(2025, 6, 20, tzinfo=dt.UTC))
    report = verify(forged, now=NOW)
    issuer = report.check("issuer")
    assert issuer is not None
    assert (issuer.status, issuer.code) == (CheckStatus.FAIL, "issuer_mismatch")


def test_key_not_listed_for_assertion_is_refused() -> None:
    did = "did:web:uczelnia.example.pl"
    vm = f"{did}#key-1"
    document = {
        "id": did,
        "verificationMethod": [{"id": vm, "type": "Multikey", "controller": did,
                                "publicKeyMultibase": KEY.public_multibase}],
        "authentication": [vm],
    }  # fmt: skip
    unsigned = {k: v for k, v in SIGNED.items() if k != "proof"}
    unsigned = unsigned | {"issuer": {**unsigned["issuer"], "id": did}}
    signed = sign(unsigned, KEY, verification_method=vm)
    report = verify(signed, now=NOW, resolver=Resolver({did: document}))
    issuer = report.check("issuer")
    assert issuer is not None
    assert issuer.code == "not_assertion_method"
    document["assertionMethod"] = [vm]
    assert verify(signed, now=NOW, resolver=Resolver({did: document})).verified


def test_clock_skew_is_injectable() -> None:
    document = json.loads(json.dumps(SIGNED))
    document["validUntil"] = "2025-12-31T23:58:00Z"
    resigned = sign({k: v for k, v in document.items() if k != "proof"}, KEY)
    assert verify(resigned, now=NOW).verified  # within the default 5 minutes
    assert not verify(resigned, now=NOW, clock_skew=dt.timedelta(0)).verified


def test_status_list_entry_without_a_way_to_check_is_status_unknown() -> None:
    document = {k: v for k, v in SIGNED.items() if k != "proof"}
    document["credentialStatus"] = {
        "id": "https://example.edu/status/1#94567", "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation", "statusListIndex": "94567",
        "statusListCredential": "https://example.edu/status/1",
    }  # fmt: skip
    report = verify(sign(document, KEY), now=NOW)
    assert report.result is Result.STATUS_UNKNOWN
    assert not report.verified


@pytest.mark.parametrize(
    "data",
    [b"", b"null", b"[]", b"\xff\xfe", b"{" * 5000, b'"text"', b"[" * 100_000,
     b'{"a": ' + b"[" * 70 + b"]" * 70 + b"}"],
    ids=["empty", "null", "list", "not-utf8", "unclosed", "string", "deep-list", "deep-json"],
)  # fmt: skip
def test_garbage_is_a_format_failure(data: bytes) -> None:
    report = verify(data, now=NOW)
    assert not report.verified
    assert report.checks[0].name == "format"
    assert report.checks[0].status is CheckStatus.FAIL


def test_hostile_256_kib_document_is_rejected() -> None:
    """Big and full of look-alike blank nodes: rejected (how fast: bench/credentials.py)."""
    hostile = dict(SIGNED)
    hostile["credentialSubject"] = {
        **SIGNED["credentialSubject"],
        "evidence": [
            {"type": ["Evidence"], "name": "x", "narrative": "y" * 40} for _ in range(2500)
        ],
    }
    data = json.dumps(hostile).encode()
    assert 200_000 < len(data) < 300_000
    report = verify(data, now=NOW)
    assert not report.verified
    assert report.check("proof").code in ("invalid_signature", "jsonld_error")  # type: ignore[union-attr]


def _poison(size: int) -> dict[str, Any]:
    """Blank nodes that all reference each other: exponential to canonicalize naively."""

    def links(i: int) -> list[dict[str, str]]:
        return [{"@id": f"_:b{j}"} for j in range(size) if j != i]

    nodes = [{"@id": f"_:b{i}", "https://ex.org/p": links(i)} for i in range(size)]
    return {"@context": {"@vocab": "https://ex.org/"}, "@graph": nodes}


def _identical_subtrees(children: int) -> dict[str, Any]:
    child = {"https://ex.org/c": {"https://ex.org/v": "same"}}
    parent = {"https://ex.org/kids": [child] * children}
    return {
        "@context": {"@vocab": "https://ex.org/"},
        "@id": "urn:x",
        "https://ex.org/a": [parent, parent],
    }


@pytest.mark.parametrize(
    "document", [_poison(60), _identical_subtrees(40)], ids=["clique", "subtrees"]
)
def test_poison_graphs_are_refused_not_canonicalized_forever(document: dict[str, Any]) -> None:
    from microcred.credentials.errors import JsonLdError
    from microcred.credentials.jsonld import rdfc

    with pytest.raises(JsonLdError, match="too complex to canonicalize"):
        rdfc.canonicalize(document)
    proof = {"type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022",
             "proofPurpose": "assertionMethod", "verificationMethod": KEY.verification_method,
             "proofValue": "z" + "1" * 80}  # fmt: skip
    signed_like = {**document, "proof": proof}
    result = verify(signed_like, now=NOW).check("proof")
    assert result is not None
    assert result.code == "jsonld_error"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20)),
                    lambda inner: st.one_of(st.lists(inner, max_size=4),
                                            st.dictionaries(st.sampled_from(
                                                ["@context", "type", "proof", "issuer", "id",
                                                 "credentialSubject", "validFrom", "name", "x"]),
                                                inner, max_size=6)),
                    max_leaves=30))  # fmt: skip
def test_fuzz_verify_never_raises(document: Any) -> None:
    report = verify(json.dumps(document), now=NOW)
    assert not report.verified
    assert all(c.code != "internal_error" for c in report.checks), report.to_dict()


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_fuzz_mutated_credential_never_raises(data: st.DataObject) -> None:
    text = json.dumps(SIGNED)
    position = data.draw(st.integers(0, len(text) - 1))
    replacement = data.draw(st.text(max_size=3))
    mutated = text[:position] + replacement + text[position + 1 :]
    report = verify(mutated, now=NOW)
    assert all(c.code != "internal_error" for c in report.checks), report.to_dict()
    if mutated != text:
        assert report.result in (Result.INVALID, Result.VALID)  # valid only if semantically equal


def _paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path] if path else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*path, index))
    return found


PATHS = _paths(SIGNED)
JUNK = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=8),
    st.just([]), st.just({}), st.just({"@context": "https://evil.example"}), st.just([None]),
    st.just({"type": None}), st.just("2025-13-45T00:00:00Z"),
)  # fmt: skip


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PATHS), JUNK)
def test_fuzz_any_value_replaced_never_crashes(path: tuple[Any, ...], junk: Any) -> None:
    document = json.loads(json.dumps(SIGNED))
    target = document
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = junk
    report = verify(document, now=NOW)
    assert all(c.code != "internal_error" for c in report.checks), report.to_dict()


def test_did_web_on_loopback_is_refused_without_a_connection(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import socket

    from microcred.credentials.fetch import fetch_public_https

    def no_connection(*args: object, **kwargs: object) -> None:
        raise AssertionError("a connection was attempted")

    monkeypatch.setattr(socket, "create_connection", no_connection)
    did = "did:web:127.0.0.1"
    unsigned = {k: v for k, v in SIGNED.items() if k != "proof"}
    unsigned = unsigned | {"issuer": {**unsigned["issuer"], "id": did}}
    forged = sign(unsigned, KEY, verification_method=f"{did}#key-1")
    report = verify(forged, now=NOW, resolver=Resolver(fetch=fetch_public_https))
    proof = report.check("proof")
    assert proof is not None
    assert proof.code == "fetch_refused"
    assert "non-public address" in proof.en


def test_duplicate_json_keys_are_refused() -> None:
    """Parsers disagree on which duplicate wins: the signed data could differ from the
    data another reader shows, so such JSON is not read at all."""
    text = json.dumps(SIGNED)
    forged = text.replace('"validFrom":', '"validFrom": "2099-01-01T00:00:00Z", "validFrom":', 1)
    report = verify(forged, now=NOW)
    assert not report.verified
    assert report.checks[0].code == "duplicate_key"
    assert report.checks[0].pl.startswith(m.DUPLICATE_KEY.text("pl", error_pl=""))


def test_every_result_has_a_label_in_both_languages() -> None:
    labels = {(result.label("en"), result.label("pl")) for result in Result}
    assert len(labels) == len(Result)
    assert Result.VALID.label("pl") == m.RESULT_VALID.pl
    assert Result.STATUS_UNKNOWN.label("en") == m.RESULT_STATUS_UNKNOWN.en
