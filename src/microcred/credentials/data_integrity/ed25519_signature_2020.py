"""``Ed25519Signature2020`` (W3C VC Data Integrity EdDSA Cryptosuites v1.0, Appendix A
"The Ed25519Signature2020 Suite"): the legacy suite of DCC-issued credentials, many
university Open Badges and the VC-API test suites. Verification only: new proofs are
``eddsa-rdfc-2022``, which signs the same bytes under another proof type.

The proof type is the suite (no ``cryptosuite``); the document's ``@context`` carries the
suite context; the proof configuration takes the document's ``@context`` (Appendix A
"Proof Configuration"); the signed bytes are SHA-256 of its RDFC-1.0 form, then SHA-256
of the document's; ``proofValue`` is multibase base58-btc::

    {"@context": ["https://www.w3.org/ns/credentials/v2",
                  "https://w3id.org/security/suites/ed25519-2020/v1"],
     ...,
     "proof": {"type": "Ed25519Signature2020", "created": "2023-02-24T23:36:38Z",
               "verificationMethod": "did:key:z6Mk...#z6Mk...",
               "proofPurpose": "assertionMethod", "proofValue": "z57Mm1vboMtZ..."}}

The key is an ``Ed25519VerificationKey2020`` (Appendix A "Verification Methods") or, as
the JS reference accepts, a ``Multikey`` (what a did:key resolves to here).
"""

from __future__ import annotations

__all__ = ["CONTEXT", "SUITE"]

from ._suite import Cryptosuite
from .eddsa_rdfc_2022 import _canonicalize

CONTEXT = "https://w3id.org/security/suites/ed25519-2020/v1"
SUITE = Cryptosuite(
    "Ed25519Signature2020",
    "Ed25519",
    _canonicalize,
    proof_type="Ed25519Signature2020",
    required_context=CONTEXT,
    method_types=frozenset({"Ed25519VerificationKey2020", "Multikey"}),
)
