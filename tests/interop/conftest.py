"""What the cross-implementation tests share: node with the JS packages of ``bench/js``,
the keys, every example design as an OB 3.0 credential signed by microcred in each suite,
the tamperings, and :func:`run_node`, which hands a batch of documents to one node process.

Each verifier gets all its credentials in one node invocation (a session fixture in its
test module), so that node start-up and module loading are paid once per verifier.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from microcred.credentials.data_integrity import sign
from microcred.credentials.keys import KeyPair
from microcred.credentials.ob3 import to_ob3

from ..conftest import EXAMPLES, ROOT, best_grade, example_award, proof_of

JS = ROOT / "bench" / "js"
CREATED = dt.datetime(2025, 6, 20, tzinfo=dt.UTC)
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)  # verifier-core reads the real clock instead
DESIGNS = [path.stem for path in sorted(EXAMPLES.glob("*.yaml"))]
KEYS = {"Ed25519": KeyPair.generate(), "P-256": KeyPair.generate("P-256")}
# the suites microcred signs with -> the key algorithm each needs
SUITES = {"eddsa-rdfc-2022": "Ed25519", "eddsa-jcs-2022": "Ed25519", "ecdsa-rdfc-2019": "P-256"}
TAMPERED_DESIGN = "python-basics"
# (what is changed, how) — each must break the proof in every implementation
TAMPERINGS: dict[str, Any] = {
    "name": lambda c: c.update(name=c["name"] + "!"),
    "issuer.name": lambda c: c["issuer"].update(name="Someone Else"),
    "achievement.name": lambda c: c["credentialSubject"]["achievement"].update(name="Other"),
    "validFrom": lambda c: c.update(validFrom="2024-01-01T00:00:00Z"),
    "validUntil added": lambda c: c.update(validUntil="2099-12-31T23:59:59Z"),
    "proof.created": lambda c: proof_of(c).update(created="2025-06-21T00:00:00Z"),
}
# a context URL only microcred's own loader serves (the pre-cab49b9 EU terms)
UNPUBLISHED_CONTEXT = "https://w3id.org/microcred/ns/eu/v1"


def iso(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


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


def run_node(node: str, script: str, documents: list[dict[str, Any]], *args: str) -> list[Any]:
    """Run a bench/js script on documents (one JSON per line), one JSON answer each."""
    done = subprocess.run(
        [node, str(JS / script), *args],
        input="".join(json.dumps(d) + "\n" for d in documents),
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    answers = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    if len(answers) != len(documents):
        pytest.fail(f"node {script} answered {len(answers)} of {len(documents)}:\n{done.stderr}")
    return answers


def run_batch(
    node: str, script: str, documents: dict[str, dict[str, Any]], *args: str
) -> dict[str, Any]:
    """:func:`run_node` on named documents: name -> answer."""
    return dict(
        zip(documents, run_node(node, script, list(documents.values()), *args), strict=True)
    )


@pytest.fixture(scope="session")
def key_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Key algorithm -> a microcred key file of that key, for the JS side."""
    folder = tmp_path_factory.mktemp("keys")
    files = {}
    for algorithm, key in KEYS.items():
        files[algorithm] = folder / f"{algorithm}.json"
        pair = {
            "publicKeyMultibase": key.public_multibase,
            "secretKeyMultibase": key.secret_multibase,
        }
        files[algorithm].write_text(json.dumps(pair))
    return files


def unsigned_credential(
    design: str, suite: str = "eddsa-rdfc-2022", **fields: Any
) -> dict[str, Any]:
    """The OB 3.0 credential of an example design, issued by the key ``suite`` needs."""
    fields = {
        "valid_until": "2099-06-20",
        "grade": best_grade(f"{design}.yaml"),  # a grade of the design's own scale
        **fields,
    }
    award = example_award(f"{design}.yaml", **fields)
    return to_ob3(award, issuer_id=KEYS[SUITES[suite]].did_key)


def microcred_signs(credential: dict[str, Any], suite: str = "eddsa-rdfc-2022") -> dict[str, Any]:
    return sign(credential, KEYS[SUITES[suite]], suite=suite, created=CREATED)


def tamper(credential: dict[str, Any], change: str) -> dict[str, Any]:
    copy: dict[str, Any] = json.loads(json.dumps(credential))
    TAMPERINGS[change](copy)
    return copy


@pytest.fixture(scope="session")
def unsigned() -> dict[tuple[str, str], dict[str, Any]]:
    """(suite, design) -> the unsigned credential, for every suite and example design."""
    return {
        (suite, design): unsigned_credential(design, suite)
        for suite in SUITES
        for design in DESIGNS
    }


@pytest.fixture(scope="session")
def ours(unsigned: dict[tuple[str, str], dict[str, Any]]) -> dict[tuple[str, str], dict[str, Any]]:
    """(suite, design) -> the credential signed by microcred in that suite."""
    return {
        (suite, design): microcred_signs(credential, suite)
        for (suite, design), credential in unsigned.items()
    }


@pytest.fixture(scope="session")
def expired() -> dict[str, Any]:
    """python-basics, valid until 2025-07-01, signed by microcred (eddsa-rdfc-2022)."""
    return microcred_signs(unsigned_credential(TAMPERED_DESIGN, valid_until="2025-07-01"))


@pytest.fixture(scope="session")
def unpublished_context() -> dict[str, Any]:
    """python-basics with the EU terms behind :data:`UNPUBLISHED_CONTEXT` instead of
    embedded, signed by microcred (its own loader serves that URL): what a stranger
    cannot verify, and what handing the JS side microcred's contexts used to hide."""
    credential = unsigned_credential(TAMPERED_DESIGN)
    credential["@context"] = [
        UNPUBLISHED_CONTEXT if isinstance(item, dict) else item for item in credential["@context"]
    ]
    return microcred_signs(credential)
