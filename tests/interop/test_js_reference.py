"""microcred ⇄ the JS reference stack (Digital Bazaar ``@digitalbazaar/vc`` 7 with Data
Integrity ``eddsa-rdfc-2022``, ``eddsa-jcs-2022`` and ``ecdsa-rdfc-2019``, run by node from
``bench/js/``), as a stranger has it, both directions:

- what microcred signs (every example design, every suite) verifies there, and both sign
  the same bytes in the deterministic suites (same key, same ``created``);
- what the JS reference signs verifies here, with ``verify_proof`` and the full ``verify``;
- a tampered, an expired credential, and one that needs a context only microcred serves
  are rejected; both refuse to sign an undefined term.

The JS side loads ONLY the published contexts, from the npm packages the JS ecosystem
ships them in (``bench/js/lib.mjs``), never microcred's files, and resolves did:key with
Digital Bazaar's did:key driver; every network access is refused (``bench/js/offline.mjs``).
All of microcred's credentials go to one ``verify.mjs`` process. Without node the tests
skip, except under ``CI=true``, where a missing node fails them.
"""

from __future__ import annotations

import difflib
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from microcred.credentials.data_integrity import sign, verify_proof
from microcred.credentials.errors import JsonLdError
from microcred.credentials.jsonld import rdfc
from microcred.credentials.verify import verify

from ..conftest import proof_of
from .conftest import (
    CREATED,
    DESIGNS,
    JS,
    KEYS,
    NOW,
    SUITES,
    TAMPERED_DESIGN,
    TAMPERINGS,
    UNPUBLISHED_CONTEXT,
    iso,
    microcred_signs,
    run_batch,
    run_node,
    tamper,
    unsigned_credential,
)

# the suites the JS reference verifies microcred's credentials in (eddsa-jcs-2022: below)
VERIFIED_THERE = ("eddsa-rdfc-2022", "ecdsa-rdfc-2019")
DETERMINISTIC = ("eddsa-rdfc-2022", "eddsa-jcs-2022")  # Ed25519; ECDSA signs with a nonce
# @digitalbazaar/eddsa-jcs-2022-cryptosuite 1.0.0 compares proof.@context with the
# document's @context item by item with `!==`: an embedded context object (microcred's
# EU terms) never equals its JSON-parsed copy, whoever signed
JCS_EMBEDDED_CONTEXT_ERROR = "document.@context does not start with proof.@context"


def _url_contexts_only(suite: str) -> dict[str, Any]:
    """A minimal OB 3.0 credential whose contexts are all URLs (no embedded one)."""
    issuer = KEYS[SUITES[suite]].did_key
    return {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": "urn:uuid:3b2b3f0e-1f4e-4d39-9a38-4a0e7f1b2c3d",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": issuer, "type": ["Profile"], "name": "Example University"},
        "validFrom": "2025-06-20T00:00:00Z",
        "name": "Teamwork",
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "achievement": {
                "id": "urn:uuid:5b2b3f0e-1f4e-4d39-9a38-4a0e7f1b2c3d",
                "type": ["Achievement"],
                "name": "Teamwork",
                "description": "Works in a team.",
                "criteria": {"narrative": "Peer nominated."},
            },
        },
    }


@pytest.fixture(scope="module")
def theirs(
    node: str, key_files: dict[str, Path], unsigned: dict[tuple[str, str], dict[str, Any]]
) -> dict[tuple[str, str], dict[str, Any]]:
    """(suite, design) -> the credential signed by the JS reference, same key and time
    as microcred's; one ``sign.mjs`` process per suite."""
    signed = {}
    for suite, algorithm in SUITES.items():
        batch = {design: unsigned[suite, design] for design in DESIGNS}
        options = ("--key", str(key_files[algorithm]), "--suite", suite, "--created", iso(CREATED))
        answers = run_batch(node, "sign.mjs", batch, *options)
        signed |= {(suite, design): credential for design, credential in answers.items()}
    return signed


@pytest.fixture(scope="module")
def tampered(
    ours: dict[tuple[str, str], Any], theirs: dict[tuple[str, str], Any]
) -> dict[str, dict[str, Any]]:
    """Each tampering of python-basics, signed by microcred and by the JS side, each suite."""
    return {
        f"{signer}-signed {suite}, {change}": tamper(signed[suite, TAMPERED_DESIGN], change)
        for signer, signed in (("microcred", ours), ("js", theirs))
        for suite in SUITES
        for change in TAMPERINGS
    }


@pytest.fixture(scope="module")
def verdicts(
    node: str,
    ours: dict[tuple[str, str], Any],
    theirs: dict[tuple[str, str], Any],
    tampered: dict[str, dict[str, Any]],
    expired: dict[str, Any],
    unpublished_context: dict[str, Any],
) -> dict[str, dict[str, Any]]:
    """The JS reference's verdict on every document of these tests, from one process."""
    documents = {
        **{f"ours {suite} {design}": c for (suite, design), c in ours.items()},
        **{
            f"theirs eddsa-jcs-2022 {design}": theirs["eddsa-jcs-2022", design]
            for design in DESIGNS
        },
        **{
            f"url contexts only {suite}": microcred_signs(_url_contexts_only(suite), suite)
            for suite in SUITES
        },
        **tampered,
        "expired": expired,
        "unpublished context": unpublished_context,
    }
    return run_batch(node, "verify.mjs", documents, "--now", iso(NOW))


def _nquads_diff(node: str, document: dict[str, Any]) -> str:
    """Where the two canonical forms differ (for a failure message)."""
    unsecured = {k: v for k, v in document.items() if k != "proof"}
    js = run_node(node, "canonize.mjs", [unsecured])[0]
    ours = rdfc.canonicalize(unsecured)
    if js == ours:
        return "the canonical N-Quads are identical"
    lines = difflib.unified_diff(js.splitlines(), ours.splitlines(), "JS", "microcred", lineterm="")
    return "\n".join(lines)


def test_the_published_contexts_are_the_publishers_files(node: str, shared: Path) -> None:
    """The npm packages the JS side loads contexts from hold what W3C, 1EdTech and the
    Data Integrity editors publish (copies in ../shared/vectors/contexts)."""
    done = subprocess.run(
        [node, str(JS / "contexts.mjs")], capture_output=True, text=True, timeout=60, check=True
    )
    served = json.loads(done.stdout)
    index = json.loads((shared / "vectors/contexts/INDEX.json").read_text())
    compared = {url for url in served if url in index}
    assert "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json" in compared
    assert "https://www.w3.org/ns/credentials/v2" in compared
    differ = [
        f"{url} ({served[url]['source']})"
        for url in sorted(compared)
        if served[url]["document"]
        != json.loads((shared / "vectors/contexts" / index[url]).read_text())
    ]
    assert differ == [], "npm context packages differ from the published files"
    assert UNPUBLISHED_CONTEXT not in served


def test_the_js_reference_never_touches_the_network(verdicts: dict[str, Any]) -> None:
    assert {name: v["network"] for name, v in verdicts.items() if v["network"]} == {}


@pytest.mark.parametrize("design", DESIGNS)
@pytest.mark.parametrize("suite", VERIFIED_THERE)
def test_what_microcred_signs_verifies_in_the_js_reference(
    suite: str,
    design: str,
    node: str,
    ours: dict[tuple[str, str], Any],
    verdicts: dict[str, Any],
) -> None:
    result = verdicts[f"ours {suite} {design}"]
    assert result["verified"], f"{result['error']}\n{_nquads_diff(node, ours[suite, design])}"


@pytest.mark.parametrize("suite", SUITES)
def test_url_contexts_only_verifies_in_the_js_reference(
    suite: str, verdicts: dict[str, Any]
) -> None:
    """Without an embedded context, every suite microcred signs with verifies there,
    eddsa-jcs-2022 included."""
    result = verdicts[f"url contexts only {suite}"]
    assert result["verified"], result["error"]


@pytest.mark.parametrize("design", DESIGNS)
def test_eddsa_jcs_2022_with_an_embedded_context_fails_in_the_js_reference(
    design: str, verdicts: dict[str, Any]
) -> None:
    """A limitation of the JS cryptosuite, not of microcred's proof: it fails the same
    way on the credential it signed itself, once that has been through JSON."""
    for signer in ("ours", "theirs"):
        result = verdicts[f"{signer} eddsa-jcs-2022 {design}"]
        assert not result["verified"]
        assert JCS_EMBEDDED_CONTEXT_ERROR in result["error"], result["error"]


@pytest.mark.parametrize("design", DESIGNS)
@pytest.mark.parametrize("suite", SUITES)
def test_what_the_js_reference_signs_verifies_in_microcred(
    suite: str, design: str, node: str, theirs: dict[tuple[str, str], Any]
) -> None:
    credential = theirs[suite, design]
    result = verify_proof(credential)
    assert result.verified, f"{result.code}: {result.reason}\n{_nquads_diff(node, credential)}"
    report = verify(credential, now=NOW)
    assert report.verified, report.to_dict()


@pytest.mark.parametrize("design", DESIGNS)
@pytest.mark.parametrize("suite", DETERMINISTIC)
def test_both_sign_the_same_bytes(
    suite: str,
    design: str,
    ours: dict[tuple[str, str], Any],
    theirs: dict[tuple[str, str], Any],
) -> None:
    """Same key, same ``created``, deterministic Ed25519: equal proofs mean both hashed
    the same canonical form and the same proof configuration."""
    mine, js = ours[suite, design], theirs[suite, design]
    assert proof_of(js)["proofValue"] == proof_of(mine)["proofValue"]
    assert {k: v for k, v in js.items() if k != "proof"} == {
        k: v for k, v in mine.items() if k != "proof"
    }


def test_a_tampered_credential_is_rejected_by_both(
    tampered: dict[str, dict[str, Any]], verdicts: dict[str, Any]
) -> None:
    accepted_there = [name for name in tampered if verdicts[name]["verified"]]
    accepted_here = [name for name, c in tampered.items() if verify_proof(c).verified]
    accepted_by_verify = [name for name, c in tampered.items() if verify(c, now=NOW).verified]
    assert accepted_there == [], "the JS reference accepted tampered credentials"
    assert accepted_here == [], "verify_proof accepted tampered credentials"
    assert accepted_by_verify == [], "verify accepted tampered credentials"


def test_an_expired_credential_is_rejected_by_both(
    expired: dict[str, Any], verdicts: dict[str, Any]
) -> None:
    assert verify_proof(expired).verified
    assert not verify(expired, now=NOW).verified
    result = verdicts["expired"]
    assert not result["verified"]
    assert 'is after "validUntil"' in result["error"], result["error"]


def test_a_context_only_microcred_serves_is_refused_there(
    unpublished_context: dict[str, Any], verdicts: dict[str, Any]
) -> None:
    """What handing the JS side microcred's own contexts used to hide."""
    assert verify_proof(unpublished_context).verified
    result = verdicts["unpublished context"]
    assert not result["verified"]
    assert f"refused: {UNPUBLISHED_CONTEXT}" in result["error"], result["error"]


def test_both_refuse_to_sign_an_undefined_term(node: str, key_files: dict[str, Path]) -> None:
    """JSON-LD safe mode on both sides: a term no context defines is not signed silently."""
    credential = unsigned_credential(TAMPERED_DESIGN)
    credential["credentialSubject"]["notATerm"] = "would be dropped from the signed data"
    with pytest.raises(JsonLdError):
        sign(credential, KEYS["Ed25519"], created=CREATED)
    done = subprocess.run(
        [node, str(JS / "sign.mjs"), "--key", str(key_files["Ed25519"])],
        input=json.dumps(credential) + "\n", capture_output=True, text=True, timeout=60,
        check=False,
    )  # fmt: skip
    assert done.returncode == 1
    assert done.stdout == ""
    assert "notATerm" in done.stderr or "safe mode" in done.stderr.lower(), done.stderr
