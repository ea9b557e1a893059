"""The suites this package knows, by the name ``allowed_suites`` and ``sign(suite=)`` use.

- :data:`SUITES`: those :func:`~.proofs.sign` signs with (VC Data Integrity EdDSA
  Cryptosuites v1.0 §3.3 ``eddsa-rdfc-2022``, §3.4 ``eddsa-jcs-2022``; ECDSA
  Cryptosuites v1.0 §3.2 ``ecdsa-rdfc-2019``), each named by its ``cryptosuite``.
- :data:`VERIFY_ONLY_SUITES`: legacy suites that are verified, never signed with, each
  named by its proof ``type`` (``Ed25519Signature2020``, vc-di-eddsa Appendix A).
- :data:`DEFAULT_SUITES`: the default allow-list of ``verify_proof``: all of the above,
  so that honest credentials of the ecosystem verify; a caller narrows it.
"""

from __future__ import annotations

__all__ = ["DEFAULT_SUITES", "SUITES", "VERIFY_ONLY_SUITES", "named_suite"]

from typing import Any

from . import ecdsa_rdfc_2019, ed25519_signature_2020, eddsa_jcs_2022, eddsa_rdfc_2022
from ._suite import DATA_INTEGRITY_PROOF, Cryptosuite

SUITES: dict[str, Cryptosuite] = {
    suite.name: suite
    for suite in (eddsa_rdfc_2022.SUITE, eddsa_jcs_2022.SUITE, ecdsa_rdfc_2019.SUITE)
}
VERIFY_ONLY_SUITES: dict[str, Cryptosuite] = {
    suite.name: suite for suite in (ed25519_signature_2020.SUITE,)
}
DEFAULT_SUITES = frozenset(SUITES) | frozenset(VERIFY_ONLY_SUITES)
_LEGACY_TYPES = {suite.proof_type: suite for suite in VERIFY_ONLY_SUITES.values()}


def named_suite(proof: dict[str, Any]) -> tuple[str | None, Cryptosuite | None]:
    """(the suite name a proof gives, the suite it is) — the name is ``None`` when the
    proof names none, the suite ``None`` when this package does not know it."""
    kind = proof.get("type")
    if kind == DATA_INTEGRITY_PROOF:
        name = proof.get("cryptosuite")
        return (name, SUITES.get(name)) if isinstance(name, str) else (None, None)
    if isinstance(kind, str) and kind in _LEGACY_TYPES:
        return kind, _LEGACY_TYPES[kind]
    return None, None
