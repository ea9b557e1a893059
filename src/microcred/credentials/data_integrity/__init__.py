"""W3C Verifiable Credential Data Integrity 1.0 proofs and their cryptosuites."""

from ..proof_result import ProofResult
from .proofs import sign, verify_proof
from .suites import DEFAULT_SUITES, SUITES, VERIFY_ONLY_SUITES

__all__ = ["DEFAULT_SUITES", "SUITES", "VERIFY_ONLY_SUITES", "ProofResult", "sign", "verify_proof"]
