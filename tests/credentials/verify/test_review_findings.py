"""Regressions for forgeries a security review tried: each must not verify."""

from __future__ import annotations

import datetime as dt
from typing import Any

from microcred.credentials.data_integrity import sign
from microcred.credentials.dids import Resolver
from microcred.credentials.jades import seal, self_signed_seal_certificate
from microcred.credentials.keys import KeyPair
from microcred.credentials.status import (
    LIST_ELSEWHERE,
    StatusList,
    status_entry,
    status_list_credential,
)
from microcred.credentials.vc_jose import sign_jwt
from microcred.credentials.verify import Result, verify
from microcred.credentials.verify import messages as m

from .test_verify import SIGNED

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def _unsigned(issuer: str) -> dict[str, Any]:
    document = {k: v for k, v in SIGNED.items() if k != "proof"}
    return document | {"issuer": {**document["issuer"], "id": issuer}}


def _did_web(did: str, key: KeyPair, controller: str | None = None) -> dict[str, Any]:
    return {"id": did, "verificationMethod": [{"id": f"{did}#k", "type": "Multikey",
            "controller": controller or did, "publicKeyMultibase": key.public_multibase}],
            "assertionMethod": [f"{did}#k"]}  # fmt: skip


def test_a_did_web_on_another_host_cannot_speak_for_the_issuer() -> None:
    attacker = KeyPair.generate()
    evil = "did:web:uni.example.evil.com"
    documents = {evil: _did_web(evil, attacker, controller="did:web:uni.example")}
    forged = sign(_unsigned("did:web:uni.example"), attacker, verification_method=f"{evil}#k")
    report = verify(forged, now=NOW, resolver=Resolver(documents))
    assert not report.verified
    assert report.check("proof").code == "did_error"  # type: ignore[union-attr]


def test_another_tenant_on_the_same_host_is_not_the_issuer() -> None:
    attacker = KeyPair.generate()
    tenant = "did:web:uni.example:users:mallory"
    forged = sign(_unsigned("did:web:uni.example"), attacker, verification_method=f"{tenant}#k")
    report = verify(forged, now=NOW, resolver=Resolver({tenant: _did_web(tenant, attacker)}))
    assert not report.verified
    assert report.check("issuer").code == "issuer_mismatch"  # type: ignore[union-attr]


def test_a_seal_by_another_organisation_than_the_issuer_fails() -> None:
    credentials = self_signed_seal_certificate("Evil Org", "PL")
    report = verify(seal(_unsigned(KeyPair.generate().did_key), key=credentials.key,
                         certificates=credentials.certificates))  # fmt: skip
    assert not report.verified
    assert report.check("issuer").code == "seal_organisation_differs"  # type: ignore[union-attr]


def test_jwt_expiry_and_issuer_claims_count() -> None:
    from joserfc import jws
    from joserfc.jwk import OKPKey

    key = KeyPair.generate()
    credential = _unsigned(key.did_key)

    def token(claims: dict[str, Any]) -> str:
        import json

        return jws.serialize_compact({"alg": "Ed25519", "kid": key.verification_method},
                                     json.dumps(claims), OKPKey.import_key(key.private),
                                     algorithms=["Ed25519"])  # fmt: skip

    expired = verify(token({"iss": key.did_key, "exp": 1_000_000_000, "vc": credential}), now=NOW)
    assert expired.check("dates").code == "expired"  # type: ignore[union-attr]
    other = verify(token({"iss": "did:example:other", "vc": credential}), now=NOW)
    assert other.check("proof").code == "iss_mismatch"  # type: ignore[union-attr]
    vc2 = verify(sign_jwt(credential | {"exp": 1_000_000_000}, key), now=NOW)
    assert vc2.check("dates").code == "expired"  # type: ignore[union-attr]


def test_a_status_list_from_another_url_is_used_only_when_the_issuer_signed_it() -> None:
    """A list served from another URL than its id: the issuer's own list is used and the
    report says so; anyone else's is refused (status unknown, never valid)."""
    key = KeyPair.generate()
    document = _unsigned(key.did_key) | {
        "credentialStatus": status_entry("https://u.example/s/1", 5)
    }
    credential = sign(document, key)
    revoked = StatusList()
    revoked.set(5)
    issuers_list = sign(status_list_credential(revoked, credential_id="https://cdn.example/s/1",
                                               issuer=key.did_key), key)  # fmt: skip
    report = verify(credential, now=NOW, status_fetcher=lambda url: issuers_list)
    assert report.result is Result.INVALID
    status = report.check("status")
    assert status is not None
    assert status.code == "revoked"
    assert "names itself https://cdn.example/s/1" in status.en
    elsewhere = LIST_ELSEWHERE(url="https://u.example/s/1", id="https://cdn.example/s/1")
    assert status.pl == m.REVOKED.text("pl", notes_pl=f"; {elsewhere.pl}")  # naming both

    stranger = KeyPair.generate()
    strangers_list = sign(status_list_credential(StatusList(), credential_id="https://u.example/OLD",
                                                 issuer=stranger.did_key), stranger)  # fmt: skip
    report = verify(credential, now=NOW, status_fetcher=lambda url: strangers_list)
    assert report.result is Result.STATUS_UNKNOWN
    assert report.check("status").code == "status_list_mismatch"  # type: ignore[union-attr]
