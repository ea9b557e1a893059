"""microcred → ``@digitalcredentials/verifier-core`` (the verifier of the Learner Credential
Wallet and VerifierPlus), run by node from ``bench/js/verifier-core.mjs``, offline and with
no issuer registry:

- what microcred signs with eddsa-rdfc-2022 (every example design) is accepted: signature
  and expiry pass (the registry step is false: there is none);
- tampered and expired credentials are rejected; verifier-core has no eddsa-jcs-2022 and
  no ecdsa-rdfc-2019 suite, so it rejects those as "invalid signature".

verifier-core brings its own document loader (its npm context packages, did:key, did:web,
and any other URL fetched over the network) and fetches the JSON Schema the credential
names. Nothing can be injected, so ``bench/js/offline.mjs`` refuses and records every
network access: a credential it could only verify online is not accepted, and
:func:`test_a_context_it_would_fetch_fails_here` shows that this guard bites. The OB 3.0
AchievementCredential schema is served from ../shared (a copy of the published file), so
the schema check runs too. All credentials go to one node process.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .conftest import (
    DESIGNS,
    SUITES,
    TAMPERED_DESIGN,
    TAMPERINGS,
    UNPUBLISHED_CONTEXT,
    run_batch,
    tamper,
)

# the suites verifier-core 1.0.0-beta.11 verifies: its DataIntegrityProof has only the
# eddsa-rdfc-2022 cryptosuite (and it knows the legacy Ed25519Signature2020)
ACCEPTED_SUITE = "eddsa-rdfc-2022"
SCHEMA = (
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
)
INVALID_SIGNATURE = "invalid_signature: The signature is not valid."


@pytest.fixture(scope="module")
def verdicts(
    node: str,
    shared: Path,
    ours: dict[tuple[str, str], Any],
    expired: dict[str, Any],
    unpublished_context: dict[str, Any],
) -> dict[str, dict[str, Any]]:
    """verifier-core's verdict on every document of these tests, from one process."""
    documents = {
        **{f"{suite} {design}": credential for (suite, design), credential in ours.items()},
        **{
            f"tampered {change}": tamper(ours[ACCEPTED_SUITE, TAMPERED_DESIGN], change)
            for change in TAMPERINGS
        },
        "expired": expired,
        "unpublished context": unpublished_context,
    }
    schema = shared / "vectors/schemas/ob3/achievementcredential.json"
    return run_batch(node, "verifier-core.mjs", documents, "--schema", str(schema))


@pytest.mark.parametrize("design", DESIGNS)
def test_verifier_core_accepts_what_microcred_signs(design: str, verdicts: dict[str, Any]) -> None:
    result = verdicts[f"{ACCEPTED_SUITE} {design}"]
    assert result["network"] == [], "verifier-core went to the network"
    assert result["errors"] == []
    assert result["steps"]["valid_signature"] is True
    assert result["steps"]["expiration"] is True
    assert result["steps"]["registered_issuer"] is False  # no registry to be found in
    assert result["accepted"], result


@pytest.mark.parametrize("design", DESIGNS)
def test_verifier_core_schema_check(design: str, verdicts: dict[str, Any]) -> None:
    """Its check against the OB 3.0 JSON Schema the credential names finds nothing: the
    proof is a one-element array, as that schema wants (1EdTech/openbadges-specification
    #473), not the single object VC DM 2.0 also allows."""
    (check,) = verdicts[f"{ACCEPTED_SUITE} {design}"]["schema"]
    assert check["schema"] == SCHEMA
    assert check["errors"] == []


@pytest.mark.parametrize("suite", [suite for suite in SUITES if suite != ACCEPTED_SUITE])
def test_verifier_core_has_no_other_suite(suite: str, verdicts: dict[str, Any]) -> None:
    """It says "invalid signature" where it has no suite for the proof: a credential of
    these suites is not accepted by the wallet, however right its proof."""
    for design in DESIGNS:
        result = verdicts[f"{suite} {design}"]
        assert not result["accepted"]
        assert result["errors"] == [INVALID_SIGNATURE]
        assert result["network"] == []


def test_a_tampered_credential_is_rejected(verdicts: dict[str, Any]) -> None:
    rejected = {change: verdicts[f"tampered {change}"]["errors"] for change in TAMPERINGS}
    assert rejected == {change: [INVALID_SIGNATURE] for change in TAMPERINGS}


def test_an_expired_credential_is_rejected(verdicts: dict[str, Any]) -> None:
    result = verdicts["expired"]
    assert result["steps"]["valid_signature"] is True
    assert result["steps"]["expiration"] is False
    assert not result["accepted"]


def test_a_context_it_would_fetch_fails_here(verdicts: dict[str, Any]) -> None:
    """verifier-core fetches a context it does not bundle; offline, that is refused and
    the credential is not accepted (it reports the failure as an invalid signature)."""
    result = verdicts["unpublished context"]
    assert f"fetch {UNPUBLISHED_CONTEXT}" in result["network"]
    assert not result["accepted"]
