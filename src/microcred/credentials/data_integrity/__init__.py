"""W3C Verifiable Credential Data Integrity 1.0 proofs and their cryptosuites."""

from .proofs import DEFAULT_SUITES, SUITES, ProofResult, sign, verify_proof

__all__ = ["DEFAULT_SUITES", "SUITES", "ProofResult", "sign", "verify_proof"]
