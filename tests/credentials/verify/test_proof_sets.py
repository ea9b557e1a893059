"""verify() on credentials with a proof set or chain: the ``proof`` check names every
proof's outcome in English and Polish; the issuer binding uses the issuer's proof."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from microcred.credentials.data_integrity import ProofResult
from microcred.credentials.data_integrity.ed25519_signature_2020 import CONTEXT
from microcred.credentials.keys import KeyPair
from microcred.credentials.ob3 import to_ob3
from microcred.credentials.verify import Check, CheckStatus, Result, verify
from microcred.credentials.verify import messages as m
from microcred.credentials.verify.checks import proof_check
from microcred.standard.messages import Message

from ...conftest import example_award
from ..data_integrity.test_ed25519_signature_2020 import _sign_2020
from ..data_integrity.test_proof_sets import UNKNOWN, add_proof

ISSUER, NOTARY = KeyPair.generate(), KeyPair.generate()
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
UNSIGNED = to_ob3(example_award(), issuer_id=ISSUER.did_key)


def _checks(document: dict[str, Any]) -> tuple[Result, Check, Check]:
    report = verify(document, now=NOW)
    proof, issuer = report.check("proof"), report.check("issuer")
    assert proof is not None
    assert issuer is not None
    return report.result, proof, issuer


def test_an_unknown_proof_is_named_and_the_credential_verifies() -> None:
    signed = add_proof(UNSIGNED, ISSUER)
    signed["proof"].append(UNKNOWN)
    result, proof, issuer = _checks(signed)
    assert result is Result.VALID
    assert (proof.status, proof.code, issuer.status) == (CheckStatus.PASS, "ok", CheckStatus.PASS)
    first = m.PROOF_SET_VALID(number=1, suite="eddsa-rdfc-2022", by=ISSUER.verification_method)
    not_checked = m.PROOF_UNSUPPORTED_TYPE.text("pl", type="BbsBlsSignature2020")
    second = m.PROOF_SET_NOT_CHECKED(number=2, reason_en="unsupported proof type "
                                     "'BbsBlsSignature2020'", reason_pl=not_checked)  # fmt: skip
    both = m.PROOF_SET_FEW(count=2, proofs_en=f"{first.en}; {second.en}",
                           proofs_pl=f"{first.pl}; {second.pl}")  # fmt: skip
    assert (proof.en, proof.pl) == (both.en, both.pl)


def test_a_tampered_proof_is_named_and_the_credential_fails() -> None:
    signed = add_proof(add_proof(UNSIGNED, ISSUER), NOTARY)
    signed["proof"][1]["created"] = "2025-06-21T12:00:00Z"
    result, proof, issuer = _checks(signed)
    assert result is Result.INVALID
    assert (proof.status, proof.code) == (CheckStatus.FAIL, "invalid_signature")
    assert issuer.status is CheckStatus.NOT_APPLICABLE
    second = m.PROOF_SET_FAILED(number=2, reason_en="the signature does not match the document",
                                reason_pl=m.PROOF_FAILURES["invalid_signature"].pl)  # fmt: skip
    assert f"; {second.en}" in proof.en
    assert proof.pl.endswith(f"; {second.pl}")


def test_the_issuer_binding_uses_the_issuers_proof() -> None:
    signed = add_proof(add_proof(UNSIGNED, NOTARY), ISSUER)
    result, proof, issuer = _checks(signed)
    assert result is Result.VALID
    assert proof.status is CheckStatus.PASS
    assert (issuer.status, issuer.code) == (CheckStatus.PASS, "ok"), issuer.en


def test_a_set_without_the_issuers_proof_is_not_the_issuers() -> None:
    signed = add_proof(UNSIGNED, NOTARY)
    signed["proof"].append(UNKNOWN)
    result, proof, issuer = _checks(signed)
    assert proof.status is CheckStatus.PASS
    assert (result, issuer.code) == (Result.INVALID, "issuer_mismatch")


def test_legacy_and_current_suites_in_one_set() -> None:
    """A credential re-secured with eddsa-rdfc-2022 next to its Ed25519Signature2020."""
    unsigned = {**UNSIGNED, "@context": [*UNSIGNED["@context"], CONTEXT]}
    legacy = _sign_2020(unsigned, ISSUER)
    signed = add_proof({**legacy, "proof": [legacy["proof"]]}, ISSUER)
    result, proof, issuer = _checks(signed)
    assert result is Result.VALID, proof.en
    assert issuer.status is CheckStatus.PASS
    method = ISSUER.verification_method
    first = m.PROOF_SET_VALID(number=1, suite="Ed25519Signature2020", by=method)
    second = m.PROOF_SET_VALID(number=2, suite="eddsa-rdfc-2022", by=method)
    assert proof.en == m.PROOF_SET_FEW.text("en", count=2, proofs_en=f"{first.en}; {second.en}")
    assert proof.pl == m.PROOF_SET_FEW.text("pl", count=2, proofs_pl=f"{first.pl}; {second.pl}")


def test_a_w3c_proof_chain(shared: Path) -> None:
    folder = shared / "vectors/di-eddsa/proof-set-chain"
    chain = json.loads((folder / "signedProofChain2.json").read_text())
    _, proof, issuer = _checks(chain)
    assert (proof.status, proof.code) == (CheckStatus.PASS, "ok")
    by = chain["proof"][0]["verificationMethod"]
    first = m.PROOF_SET_VALID(number=1, suite="eddsa-rdfc-2022", by=by)
    assert proof.en.startswith(m.PROOF_SET_FEW.text("en", count=4, proofs_en=f"{first.en}; "))
    assert proof.pl.startswith(m.PROOF_SET_FEW.text("pl", count=4, proofs_pl=f"{first.pl}; "))
    # the vector's issuer (https://vc.example/issuers/5678) signed none of them
    assert issuer.code == "issuer_mismatch"
    del chain["proof"][2]  # the link proof 4 follows
    _, broken, _ = _checks(chain)
    assert (broken.status, broken.code) == (CheckStatus.FAIL, "previous_proof_missing")
    third = m.PROOF_SET_FAILED.text(
        "pl", number=3, reason_pl=m.PROOF_FAILURES["previous_proof_missing"].pl
    )
    assert third in broken.pl


@pytest.mark.parametrize(
    ("count", "message"), [(2, m.PROOF_SET_FEW), (4, m.PROOF_SET_FEW), (5, m.PROOF_SET_MANY)]
)
def test_polish_counts_proofs(count: int, message: Message) -> None:
    signed = add_proof(UNSIGNED, ISSUER)
    signed["proof"].extend([UNKNOWN] * (count - 1))
    _, proof, _ = _checks(signed)
    assert proof.pl.startswith(message.text("pl", count=count, proofs_pl=""))
    assert proof.en.startswith(message.text("en", count=count, proofs_en=""))


def test_one_proof_of_an_unknown_type_fails() -> None:
    signed = {**UNSIGNED, "proof": {**UNKNOWN, "type": "Ed25519Signature2018"}}
    result, proof, _ = _checks(signed)
    assert (result, proof.status, proof.code) == (
        Result.INVALID,
        CheckStatus.FAIL,
        "unsupported_proof",
    )
    assert proof.pl == m.PROOF_UNSUPPORTED_TYPE.text("pl", type="Ed25519Signature2018")


@pytest.mark.parametrize(
    "code",
    ["no_proof", "malformed_proof", "unsupported_proof", "suite_not_allowed", "wrong_purpose",
     "missing_suite_context", "context_mismatch", "wrong_key_type", "invalid_signature",
     "previous_proof_missing", "previous_proof_unverified", "proof_chain_cycle",
     "too_many_proofs", "no_checkable_proof", "did_error", "jsonld_error", "unknown_context"],
)  # fmt: skip
def test_every_proof_code_has_a_polish_reason(code: str) -> None:
    check = proof_check(ProofResult(False, code, "reason", {"type": "X", "cryptosuite": "y"}))
    named = {"unsupported_proof": m.PROOF_UNSUPPORTED_TYPE.text("pl", type="X"),
             "suite_not_allowed": m.PROOF_SUITE_NOT_ALLOWED.text("pl", suite="y")}  # fmt: skip
    assert check.pl == named.get(code, m.PROOF_FAILURES[code].pl)
    assert (check.code, check.en) == (code, "reason")
