"""microcred ⇄ the JS reference stack (Digital Bazaar ``@digitalbazaar/vc`` 7 with Data
Integrity ``eddsa-rdfc-2022``, run by node from ``bench/js/``), both directions:

- what microcred signs (every example design) verifies there, and both sign the same
  bytes (same key, same ``created``: Ed25519 is deterministic);
- what the JS reference signs verifies here, with ``verify_proof`` and the full ``verify``;
- a tampered credential is rejected by both; both refuse to sign an undefined term.

The JS side resolves did:key through its Multikey library and loads only microcred's
pinned contexts (``bench/js/lib.mjs``), never the network. The npm packages are installed
once per session (``npm ci`` in ``bench/js``) when missing. Without node the tests skip,
except under ``CI=true``, where a missing node fails them.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from microcred.credentials import rdfc
from microcred.credentials.data_integrity import sign, verify_proof
from microcred.credentials.errors import JsonLdError
from microcred.credentials.keys import KeyPair
from microcred.credentials.ob3 import to_ob3
from microcred.credentials.verify import verify

from ..conftest import EXAMPLES, ROOT, example_award

JS = ROOT / "bench" / "js"
KEY = KeyPair.generate()
CREATED = dt.datetime(2025, 6, 20, tzinfo=dt.UTC)
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
DESIGNS = sorted(EXAMPLES.glob("*.yaml"))
# (what is changed, how) — each must break the proof in both implementations
TAMPERINGS: dict[str, Any] = {
    "name": lambda c: c.update(name=c["name"] + "!"),
    "issuer.name": lambda c: c["issuer"].update(name="Someone Else"),
    "achievement.name": lambda c: c["credentialSubject"]["achievement"].update(name="Other"),
    "validFrom": lambda c: c.update(validFrom="2024-01-01T00:00:00Z"),
    "validUntil added": lambda c: c.update(validUntil="2099-12-31T23:59:59Z"),
    "proof.created": lambda c: c["proof"].update(created="2025-06-21T00:00:00Z"),
}


def _ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


@pytest.fixture(scope="session")
def node() -> str:
    """``node``, with the JS packages installed in bench/js (``npm ci``, once)."""
    found = shutil.which("node")
    if found is None:
        message = "node is not installed: the cross-implementation tests need it"
        if _ci():
            pytest.fail(message)
        pytest.skip(message)
    installed = JS / "node_modules" / ".package-lock.json"  # npm's record of its install
    if (
        not installed.exists()
        or installed.stat().st_mtime < (JS / "package-lock.json").stat().st_mtime
    ):
        npm = shutil.which("npm")
        if npm is None:
            pytest.fail("node is installed but npm is not: cannot install bench/js packages")
        done = subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund"],
            cwd=JS, capture_output=True, text=True, timeout=600, check=False,
        )  # fmt: skip
        if done.returncode:
            pytest.fail(f"npm ci in bench/js failed:\n{done.stdout}\n{done.stderr}")
    return found


@pytest.fixture(scope="module")
def key_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("js") / "key.json"
    path.write_text(json.dumps({"publicKeyMultibase": KEY.public_multibase,
                                "secretKeyMultibase": KEY.secret_multibase}))  # fmt: skip
    return path


def _run(node: str, script: str, documents: list[dict[str, Any]], *args: str) -> list[Any]:
    """Run a bench/js script on documents (one JSON per line), one JSON answer each."""
    done = subprocess.run(
        [node, str(JS / script), *args],
        input="".join(json.dumps(d) + "\n" for d in documents),
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    answers = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    if len(answers) != len(documents):
        pytest.fail(f"node {script} answered {len(answers)} of {len(documents)}:\n{done.stderr}")
    return answers


def _js_verify(node: str, documents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return _run(node, "verify.mjs", documents, "--now", NOW.strftime("%Y-%m-%dT%H:%M:%SZ"))


def _nquads_diff(node: str, document: dict[str, Any]) -> str:
    """Where the two canonical forms differ (for a failure message)."""
    unsecured = {k: v for k, v in document.items() if k != "proof"}
    js = _run(node, "canonize.mjs", [unsecured])[0]
    ours = rdfc.canonicalize(unsecured)
    if js == ours:
        return "the canonical N-Quads are identical"
    lines = difflib.unified_diff(js.splitlines(), ours.splitlines(), "JS", "microcred", lineterm="")
    return "\n".join(lines)


def _unsigned(design: Path) -> dict[str, Any]:
    award = example_award(design, valid_until="2030-06-20",
                          grade={"pl": "bardzo dobry", "en": "very good"})  # fmt: skip
    return to_ob3(award, issuer_id=KEY.did_key)


@pytest.fixture(scope="module")
def unsigned() -> dict[str, dict[str, Any]]:
    return {design.stem: _unsigned(design) for design in DESIGNS}


@pytest.fixture(scope="module")
def ours(unsigned: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Every example design, signed by microcred."""
    return {name: sign(c, KEY, created=CREATED) for name, c in unsigned.items()}


@pytest.fixture(scope="module")
def theirs(
    node: str, key_file: Path, unsigned: dict[str, dict[str, Any]]
) -> dict[str, dict[str, Any]]:
    """Every example design, signed by the JS reference with the same key and time."""
    created = CREATED.strftime("%Y-%m-%dT%H:%M:%SZ")
    signed = _run(node, "sign.mjs", list(unsigned.values()), "--key", str(key_file),
                  "--created", created)  # fmt: skip
    return dict(zip(unsigned, signed, strict=True))


@pytest.fixture(scope="module")
def verified_there(node: str, ours: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The JS reference's verdict on each credential microcred signed."""
    return dict(zip(ours, _js_verify(node, list(ours.values())), strict=True))


@pytest.mark.parametrize("design", [d.stem for d in DESIGNS])
def test_what_microcred_signs_verifies_in_the_js_reference(
    design: str, node: str, ours: dict[str, Any], verified_there: dict[str, Any]
) -> None:
    result = verified_there[design]
    assert result["verified"], f"{result['error']}\n{_nquads_diff(node, ours[design])}"


@pytest.mark.parametrize("design", [d.stem for d in DESIGNS])
def test_what_the_js_reference_signs_verifies_in_microcred(
    design: str, node: str, theirs: dict[str, Any]
) -> None:
    credential = theirs[design]
    result = verify_proof(credential)
    assert result.verified, f"{result.code}: {result.reason}\n{_nquads_diff(node, credential)}"
    report = verify(credential, now=NOW)
    assert report.verified, report.to_dict()


@pytest.mark.parametrize("design", [d.stem for d in DESIGNS])
def test_both_sign_the_same_bytes(
    design: str, ours: dict[str, Any], theirs: dict[str, Any]
) -> None:
    """Same key, same ``created``, deterministic Ed25519: equal proofs mean both hashed
    the same canonical N-Quads and the same proof configuration."""
    assert theirs[design]["proof"]["proofValue"] == ours[design]["proof"]["proofValue"]
    assert {k: v for k, v in theirs[design].items() if k != "proof"} == {
        k: v for k, v in ours[design].items() if k != "proof"
    }


@pytest.fixture(scope="module")
def tampered(ours: dict[str, Any], theirs: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each tampering applied to python-basics signed by microcred and by the JS side."""
    out = {}
    for signer, signed in (("microcred", ours), ("js", theirs)):
        for change, apply in TAMPERINGS.items():
            credential = json.loads(json.dumps(signed["python-basics"]))
            apply(credential)
            out[f"{signer}-signed, {change}"] = credential
    return out


def test_a_tampered_credential_is_rejected_by_both(
    node: str, tampered: dict[str, dict[str, Any]]
) -> None:
    there = dict(zip(tampered, _js_verify(node, list(tampered.values())), strict=True))
    accepted_there = [name for name, result in there.items() if result["verified"]]
    accepted_here = [name for name, c in tampered.items() if verify_proof(c).verified]
    accepted_by_verify = [name for name, c in tampered.items() if verify(c, now=NOW).verified]
    assert accepted_there == [], "the JS reference accepted tampered credentials"
    assert accepted_here == [], "verify_proof accepted tampered credentials"
    assert accepted_by_verify == [], "verify accepted tampered credentials"


def test_both_refuse_to_sign_an_undefined_term(node: str, key_file: Path) -> None:
    """JSON-LD safe mode on both sides: a term no context defines is not signed silently."""
    credential = _unsigned(EXAMPLES / "python-basics.yaml")
    credential["credentialSubject"]["notATerm"] = "would be dropped from the signed data"
    with pytest.raises(JsonLdError):
        sign(credential, KEY, created=CREATED)
    done = subprocess.run(
        [node, str(JS / "sign.mjs"), "--key", str(key_file)],
        input=json.dumps(credential) + "\n", capture_output=True, text=True, timeout=60,
        check=False,
    )  # fmt: skip
    assert done.returncode == 1
    assert done.stdout == ""
    assert "notATerm" in done.stderr or "safe mode" in done.stderr.lower(), done.stderr
