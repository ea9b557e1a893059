"""VC-JOSE: compact JWS credentials; the algorithm comes from the resolved key, never
from the header; alg none and header-carried keys are refused."""

from __future__ import annotations

import base64
import datetime as dt
import json
from typing import Any

import pytest

from microcred.credentials.baking import bake
from microcred.credentials.keys import KeyPair
from microcred.credentials.vc_jose import sign_jwt, verify_jwt
from microcred.credentials.verify import verify

from .baking.test_baking import _png
from .verify.test_verify import SIGNED

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def _b64(data: Any) -> bytes:
    raw = data if isinstance(data, bytes) else json.dumps(data).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=")


def _unsigned(key: KeyPair) -> dict[str, Any]:
    document = {k: v for k, v in SIGNED.items() if k != "proof"}
    return document | {"issuer": {**document["issuer"], "id": key.did_key}}


@pytest.mark.parametrize(("algorithm", "alg"), [("Ed25519", "EdDSA"), ("P-256", "ES256")])
def test_round_trip(algorithm: str, alg: str) -> None:
    key = KeyPair.generate(algorithm)  # type: ignore[arg-type]
    token = sign_jwt(_unsigned(key), key)
    header = json.loads(base64.urlsafe_b64decode(token.split(".")[0] + "=="))
    assert header == {"alg": alg, "kid": key.verification_method, "typ": "vc+jwt", "cty": "vc"}
    result, payload = verify_jwt(token)
    assert result.verified
    assert payload == _unsigned(key)
    report = verify(token, now=NOW)
    assert report.verified
    assert report.format == "jwt"
    assert report.verdict == "micro-credential"


def _forge(header: dict[str, Any], payload: Any, signature: bytes = b"c2ln") -> bytes:
    return _b64(header) + b"." + _b64(payload) + b"." + signature


KEY = KeyPair.generate()
TOKEN = sign_jwt(_unsigned(KEY), KEY)


@pytest.mark.parametrize(
    ("token", "code"),
    [
        (_forge({"alg": "none", "kid": KEY.verification_method}, _unsigned(KEY)), "alg_none"),
        (_forge({"alg": "EdDSA", "jwk": KeyPair.generate().public_jwk(),
                 "kid": KEY.verification_method}, _unsigned(KEY)), "header_key"),
        (_forge({"alg": "EdDSA", "x5c": ["MIIB"], "kid": "k"}, {}), "header_key"),
        (_forge({"alg": "ES256", "kid": KEY.verification_method}, _unsigned(KEY)), "alg_mismatch"),
        (_forge({"alg": "HS256", "kid": KEY.verification_method}, _unsigned(KEY)), "alg_mismatch"),
        (_forge({"alg": "EdDSA"}, _unsigned(KEY)), "no_kid"),
        (_forge({"alg": "EdDSA", "kid": "did:example:nobody#k"}, {}), "did_error"),
        (TOKEN.rsplit(".", 1)[0].encode() + b"." + _b64(b"\x00" * 64), "invalid_signature"),
        (TOKEN.split(".")[0].encode() + b"." + _b64({**_unsigned(KEY), "name": "X"}) + b"."
         + TOKEN.split(".")[2].encode(), "invalid_signature"),
        (b"abc.def", "unreadable"),
    ],
    ids=["alg-none", "header-jwk", "header-x5c", "alg-from-header", "hmac", "no-kid",
         "unknown-kid", "bad-signature", "swapped-payload", "two-parts"],
)  # fmt: skip
def test_refused(token: bytes, code: str) -> None:
    report = verify(token, now=NOW)
    assert not report.verified
    failed = [c for c in report.checks if c.status.value == "fail"]
    assert failed[0].code == code, report.to_dict()
    assert failed[0].pl


def test_vc_11_jwt_shape_is_read() -> None:
    key = KeyPair.generate()
    credential = _unsigned(key)
    from joserfc import jws
    from joserfc.jwk import OKPKey

    claims = {"iss": key.did_key, "vc": credential}
    token = jws.serialize_compact({"alg": "Ed25519", "kid": key.verification_method},
                                  json.dumps(claims), OKPKey.import_key(key.private),
                                  algorithms=["Ed25519"])  # fmt: skip
    result, payload = verify_jwt(token)
    assert result.verified
    assert payload == credential


def test_jwt_baked_in_a_png() -> None:
    report = verify(bake(_png(), TOKEN), now=NOW)
    assert report.verified
    assert report.format == "png+jwt"


OTHER = KeyPair.generate()


@pytest.mark.parametrize("shape", ["vc2", "vc11"])
def test_iss_must_be_the_issuer_in_both_shapes(shape: str) -> None:
    key = KeyPair.generate()
    document = _unsigned(key)
    claims = document | {"iss": OTHER.did_key} if shape == "vc2" else {
        "iss": OTHER.did_key, "vc": document}  # fmt: skip
    result, payload = verify_jwt(sign_jwt(claims, key))
    assert (result.verified, result.code, payload) == (False, "iss_mismatch", None)
    assert OTHER.did_key in result.reason
    report = verify(sign_jwt(claims, key), now=NOW)
    assert not report.verified
    assert report.check("proof").code == "iss_mismatch"


def test_iss_equal_to_the_issuer_is_accepted_and_fills_a_vc11_issuer() -> None:
    key = KeyPair.generate()
    document = _unsigned(key)
    assert verify_jwt(sign_jwt(document | {"iss": key.did_key}, key))[0].verified
    without_issuer = {k: v for k, v in document.items() if k != "issuer"}
    result, payload = verify_jwt(sign_jwt({"iss": key.did_key, "vc": without_issuer}, key))
    assert result.verified, result.reason
    assert payload is not None
    assert payload["issuer"] == key.did_key


def test_kid_must_be_a_key_of_the_issuer() -> None:
    """A JWT signed by another key for an issuer it does not belong to."""
    key = KeyPair.generate()
    token = sign_jwt(_unsigned(key), OTHER)  # kid = OTHER's key, issuer = key's DID
    result, payload = verify_jwt(token)
    assert (result.verified, result.code, payload) == (False, "kid_not_issuer", None)
    report = verify(token, now=NOW)
    assert report.check("proof").code == "kid_not_issuer"
