"""Every VC data model negative case (the W3C suite's, ``test_vc_data_model.NEGATIVE``)
is refused by ``microcred sign`` and by the library's signers, and failed by ``verify``
with a readable reason — even when its signature is valid."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from microcred.cli import cli
from microcred.credentials._json import types_of
from microcred.credentials.data_integrity import sign
from microcred.credentials.data_integrity.proofs import hash_data
from microcred.credentials.data_integrity.suites import SUITES
from microcred.credentials.errors import ProofError
from microcred.credentials.keys import KeyPair, multibase_encode
from microcred.credentials.vc_data_model import DataModelError, data_model_problems
from microcred.credentials.vc_jose import sign_jwt
from microcred.credentials.verify import CheckStatus, verify

from ..test_vc_data_model import NEGATIVE

KEY = KeyPair.generate()
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def key_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("key") / "key.json"
    CliRunner().invoke(cli, ["keys", "generate", "--out", str(path)], catch_exceptions=False)
    return path


@pytest.mark.parametrize(("document", "code", "path"), NEGATIVE)
def test_the_cli_refuses_to_sign_it(
    document: Any, code: str, path: str, key_file: Path, tmp_path: Path
) -> None:
    unsigned = tmp_path / "unsigned.json"
    unsigned.write_text(json.dumps(document), encoding="utf-8")
    result = CliRunner().invoke(cli, ["sign", "--key", str(key_file), "--suite",
                                      "eddsa-jcs-2022", str(unsigned)])  # fmt: skip
    assert result.exit_code == 2, result.output
    assert f"[{code}]" in result.stderr or not isinstance(document, dict)
    assert "Traceback" not in result.output
    assert result.stdout == ""  # nothing signed


@pytest.mark.parametrize(("document", "code", "path"), NEGATIVE)
def test_the_library_signers_refuse_a_credential(document: Any, code: str, path: str) -> None:
    if "VerifiableCredential" not in types_of(document) and "credentialSubject" not in document:
        pytest.skip("not presented as a credential: Data Integrity signs any JSON-LD")
    refusal = DataModelError if "proof" not in document else ProofError
    with pytest.raises(refusal):
        sign(document, KEY, suite="eddsa-jcs-2022")
    with pytest.raises(refusal):
        sign_jwt(document, KEY)


def _signed_anyway(document: dict[str, Any]) -> dict[str, Any]:
    """A valid eddsa-jcs-2022 proof over the document, made without the signer's guard,
    as a careless or hostile issuer would."""
    suite = SUITES["eddsa-jcs-2022"]
    options = {"type": "DataIntegrityProof", "cryptosuite": suite.name,
               "created": "2025-06-20T00:00:00Z", "verificationMethod": KEY.verification_method,
               "proofPurpose": "assertionMethod"}  # fmt: skip
    if "@context" in document:
        options["@context"] = document["@context"]
    proof = {**options, "proofValue": multibase_encode(KEY.sign(hash_data(suite, options,
                                                                         document)))}  # fmt: skip
    return {**document, "proof": proof}


@pytest.mark.parametrize(("document", "code", "path"), NEGATIVE)
def test_verify_fails_it_with_a_reason(document: Any, code: str, path: str) -> None:
    signed = document if "proof" in document or not isinstance(document, dict) else (
        _signed_anyway(document))  # fmt: skip
    report = verify(signed, now=NOW)
    check = report.check("data-model")
    if not isinstance(document, dict):
        assert report.check("format").status is CheckStatus.FAIL  # type: ignore[union-attr]
        return
    assert check is not None
    # VC DM 2.0 §5.8 reads a date-time without a zone as UTC: a warning, not a rejection
    warning_only = code == "date_without_timezone"
    assert check.status is (CheckStatus.WARNING if warning_only else CheckStatus.FAIL)
    assert check.code == data_model_problems(document)[0].code
    assert check.en
    assert check.pl


def test_a_valid_signature_does_not_save_a_non_conforming_credential() -> None:
    document = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": "https ://not-a-url/1",
        "type": ["VerifiableCredential"],
        "issuer": KEY.did_key,
        "validFrom": "2025-06-20T00:00:00Z",
        "credentialSubject": {},
    }
    report = verify(_signed_anyway(document), now=NOW)
    assert report.check("proof").status is CheckStatus.PASS  # type: ignore[union-attr]
    check = report.check("data-model")
    assert check is not None
    assert check.status is CheckStatus.FAIL
    assert "id: " in check.en
    assert "credentialSubject: " in check.en
