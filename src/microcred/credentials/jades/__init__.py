"""JAdES e-seals on European Digital Credentials, the way Europass applies them.

A sealed EDC is a JWS in the general JSON serialization (RFC 7515 §7.2.1) whose payload
is the credential itself, unencoded (RFC 7797, ``b64: false``), with one signature made by
the provider's e-seal key. Its protected header is a JAdES baseline-B header (ETSI TS
119 182-1: clause 5.1 for the RFC 7515 parameters, 5.2 for the JAdES ones such as
``sigT``, 5.3 for ``etsiU``, 6 for the baseline levels; clause numbers as the EU's DSS
library cites them) carrying the signer's certificate chain in ``x5c``::

    {"payload": "{\\"id\\":\\"urn:credential:...\\",\\"type\\":[...], ...}",
     "signatures": [{
       "protected": base64url({
           "alg": "ES256", "cty": "octet-stream",
           "kid": base64(DER IssuerSerial of the certificate),
           "x5t#S256": base64url(SHA-256 of the certificate),
           "x5c": [base64(DER certificate), ...],
           "typ": "jose+json", "b64": false,
           "sigT": "2026-01-01T12:00:00Z", "crit": ["b64", "sigT"]}),
       "signature": base64url(sign(protected + "." + payload))}]}

The EU's own samples are sealed by Europass (RS256, baseline-LTA): they add a content
timestamp (``adoTst``) to the protected header and an ``etsiU`` unprotected header with a
signature timestamp, validation data and an archive timestamp. :func:`seal` makes the
baseline-B part, which needs no network; :func:`add_signature_timestamp` adds a signature
time-stamp (baseline-T) from a time-stamping authority, e.g. one reached over HTTPS by
:func:`rfc3161_timestamper` (:mod:`.tsa`); :func:`verify_seal` reads both.

A seal outlives its certificate only through a time-stamp: :func:`verify_seal` checks
signature time-stamps (``sigTst``, RFC 3161 tokens; :mod:`.timestamps`) and, once the
certificate has expired, accepts the seal if one of them proves it was made while the
certificate was valid. Without such proof the result is *indeterminate* (ETSI EN 319
102-1): the signature is valid, but whether it was made in time cannot be confirmed.

Signing and signature checks are joserfc's (RFC 7515 JSON serialization with RFC 7797);
this module adds the JAdES header parameters, the trust policy (the algorithm is pinned
from the certificate's key, ``alg: none`` refused, ``x5t#S256`` bound to ``x5c[0]``) and
the certificate checks. No trust list and no revocation service is consulted, so a valid
seal is always reported with the ``trust_list_not_checked`` warning: it says the content
is intact and was sealed with this certificate's key, not that the certificate is a
qualified eIDAS e-seal certificate::

    credentials = load_seal_credentials("e-seal.p12", password)  # or a PEM file
    sealed = seal(edc, key=credentials.key, certificates=credentials.certificates)
    result = verify_seal(sealed)  # result.verified, result.code, result.reason(_pl),
                                  # result.document, result.organisation, result.warnings
"""

from __future__ import annotations

__all__ = [
    "MAX_SEAL_BYTES",
    "TRUST_LIST_NOT_CHECKED",
    "Indication",
    "SealCredentials",
    "SealError",
    "SealResult",
    "SealWarning",
    "TimeStamp",
    "add_signature_timestamp",
    "load_seal_credentials",
    "rfc3161_timestamper",
    "seal",
    "self_signed_seal_certificate",
    "verify_seal",
]

from ..errors import SealError
from .certificates import SealCredentials, load_seal_credentials, self_signed_seal_certificate
from .certificates import SealPrivateKey as SealPrivateKey  # in signatures, not in __all__
from .limits import MAX_SEAL_BYTES
from .messages import TRUST_LIST_NOT_CHECKED
from .sealing import add_signature_timestamp, seal
from .timestamps import TimeStamp
from .tsa import rfc3161_timestamper
from .verification import Indication, SealResult, SealWarning, verify_seal
