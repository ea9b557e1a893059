"""providers.trust_list: the platform's signed trust list (ETSI TS 119 602) at
/trust-list and the operator's DID document at /.well-known/did.json — checked as a
stranger would: the list read with only the key the served DID document gives, and a
credential confirmed while its provider was verified, not once it was suspended."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client

from microcred.credentials.dids import Resolver
from microcred.credentials.errors import TrustListError
from microcred.credentials.issue import Issuer, issue
from microcred.credentials.keys import KeyPair
from microcred.credentials.lote import read_lote
from microcred.credentials.verify import verify
from microcred.platform.accounts.models import User
from microcred.platform.providers.keys import provider_signing_key
from microcred.platform.providers.models import Decision, Provider
from microcred.platform.providers.services import provider_decide, provider_register

from ...conftest import example_award
from ..conftest import NOW, person, registration

pytestmark = pytest.mark.django_db


def served_operator_key(client: Client) -> KeyPair:
    document = client.get("/.well-known/did.json").json()
    assert document["id"] == "did:web:localhost%3A8000"
    return KeyPair.from_multikey(document["verificationMethod"][-1]["publicKeyMultibase"])


def test_an_empty_list_is_still_a_signed_list() -> None:
    client = Client()
    response = client.get("/trust-list")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/jose"
    listed = read_lote(response.content, operator_key=served_operator_key(client))
    assert listed.services == {}
    with pytest.raises(TrustListError):
        read_lote(response.content, operator_key=KeyPair.generate())


def test_a_credential_is_confirmed_while_its_provider_was_verified(qa_officer: User) -> None:
    client = Client()
    # the provider whose name the example design gives as its awarding body
    provider_a = provider_register(
        user=person("admin@pn.example.org"), now=NOW,
        registration=registration(
            legal_name="Politechnika Nadwiślańska — Centrum Kształcenia Ustawicznego",
            identifier_scheme="regon", identifier="123456785"),
    )  # fmt: skip
    provider_decide(officer=qa_officer, provider=provider_a, decision=Decision.APPROVE,
                    reason="", now=NOW)  # fmt: skip
    provider_a.refresh_from_db()
    did_document = client.get(f"/providers/{provider_a.slug}/did.json").json()
    pair, _ = provider_signing_key(provider_a)
    award = example_award()
    before = issue(award, issuer=Issuer.from_did_document(pair, did_document), formats=("ob3",),
                   now=NOW + timedelta(days=1))["ob3"]  # fmt: skip
    provider_decide(officer=qa_officer, provider=provider_a, decision=Decision.SUSPEND,
                    reason="audit findings", now=NOW + timedelta(days=2))  # fmt: skip
    after = issue(
        award,
        issuer=Issuer.from_did_document(pair, did_document),
        formats=("ob3",),
        now=NOW + timedelta(days=3),
    )["ob3"]  # a key used after the suspension
    listed = read_lote(client.get("/trust-list").content,
                       operator_key=served_operator_key(client))  # fmt: skip
    resolver = Resolver({provider_a.did: did_document})
    codes = {}
    for name, credential in (("before", before), ("after", after)):
        report = verify(credential, resolver=resolver, trust_list=listed,
                        now=NOW + timedelta(days=4))  # fmt: skip
        trust = report.check("trust")
        assert trust is not None
        codes[name] = trust.code
    assert codes == {"before": "confirmed", "after": "not_trusted_then"}


def test_the_list_is_cached_by_its_sequence_number(provider_a: Provider,
                                                   qa_officer: User) -> None:  # fmt: skip
    client = Client()
    first = client.get("/trust-list")
    assert client.get("/trust-list", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    provider_decide(officer=qa_officer, provider=provider_a, decision=Decision.APPROVE,
                    reason="", now=NOW)  # fmt: skip
    changed = client.get("/trust-list", HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]
    listed = read_lote(changed.content, operator_key=served_operator_key(client))
    provider_a.refresh_from_db()
    assert f"{provider_a.did}#key-1" in listed.services
