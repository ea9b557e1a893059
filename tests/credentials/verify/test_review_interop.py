"""Security review of the interop changes (proof sets and chains, Ed25519Signature2020,
embedded contexts, Status List 2021, VC-JOSE, the trust check, the VC data model checker,
SVG baking): each test is one attempt to make ``verify()`` call a forged, tampered or
misleading credential valid, to crash it, or to confirm an issuer no one vouches for.

Attempts that held are ordinary tests (they state the guarantee). Attempts that
succeeded are ``xfail(strict=True)``: they assert the safe behaviour, so they turn into
failures ("XPASS strict") the day the weakness is fixed and the mark should go.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest
from cryptography.hazmat.primitives import hashes

from microcred.credentials.baking.svg import extract_svg
from microcred.credentials.data_integrity import sign, verify_proof
from microcred.credentials.data_integrity.ed25519_signature_2020 import CONTEXT as ED2020
from microcred.credentials.edc import to_edc
from microcred.credentials.errors import BakingError
from microcred.credentials.jades import seal, self_signed_seal_certificate
from microcred.credentials.jsonld import rdfc
from microcred.credentials.keys import KeyPair
from microcred.credentials.ob3 import EU_TERMS, to_ob3
from microcred.credentials.status import (
    StatusList,
    check_status,
    status_entry,
    status_list_credential,
)
from microcred.credentials.vc_jose import sign_jwt, verify_jwt
from microcred.credentials.verify import CheckStatus, Result, StaticTrustList, verify

from ...conftest import example_award
from ..data_integrity.test_ed25519_signature_2020 import _sign_2020
from ..data_integrity.test_proof_sets import UNKNOWN, add_proof

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
BEFORE_EXPIRY = dt.datetime(2025, 11, 1, tzinfo=dt.UTC)
ISSUER, ATTACKER = KeyPair.generate(), KeyPair.generate()
LIST_URL = "https://uni.example/status/1"
CRED = "https://www.w3.org/2018/credentials#"
XSD_DATETIME = "http://www.w3.org/2001/XMLSchema#dateTime"


def _unsigned(**members: Any) -> dict[str, Any]:
    return {**to_ob3(example_award(), issuer_id=ISSUER.did_key), **members}


def _revoked_list(key: KeyPair = ISSUER, list_id: str = LIST_URL, *bits: int) -> dict[str, Any]:
    status_list = StatusList()
    for bit in bits:
        status_list.set(bit)
    return sign(status_list_credential(status_list, credential_id=list_id, issuer=key.did_key), key)


def _codes(report: Any) -> dict[str, str]:
    return {check.name: check.code for check in report.checks}


# A credential the issuer revoked (bit 5 of its list) and that expired on 2025-12-01.
REVOKED_AND_EXPIRED = sign(
    _unsigned(credentialStatus=status_entry(LIST_URL, 5), validUntil="2025-12-01T00:00:00Z"),
    ISSUER,
)
ISSUERS_LIST = _revoked_list(ISSUER, LIST_URL, 5)


def _fetch(url: str) -> dict[str, Any]:
    assert url == LIST_URL
    return ISSUERS_LIST


def test_the_revoked_and_expired_credential_is_invalid() -> None:
    report = verify(REVOKED_AND_EXPIRED, now=NOW, status_fetcher=_fetch)
    assert report.result is Result.INVALID
    assert (_codes(report)["status"], _codes(report)["dates"]) == ("revoked", "expired")


# --- 3. JSON-LD: the RDF is signed, the JSON is read -------------------------------


def test_status_and_expiry_renamed_to_their_iris_are_still_seen() -> None:
    """Same RDF, different JSON: ``credentialStatus`` and ``validUntil`` written as
    absolute-IRI keys make the same quads, so the issuer's proof still holds, but
    ``check_status`` and ``check_dates`` look only for the term names."""
    forged = copy.deepcopy(REVOKED_AND_EXPIRED)
    forged[CRED + "credentialStatus"] = forged.pop("credentialStatus")
    forged[CRED + "validUntil"] = {"@value": forged.pop("validUntil"), "@type": XSD_DATETIME}
    unsecured = {k: v for k, v in forged.items() if k != "proof"}
    original = {k: v for k, v in REVOKED_AND_EXPIRED.items() if k != "proof"}
    assert rdfc.canonicalize(unsecured) == rdfc.canonicalize(original)  # the proof holds
    report = verify(forged, now=NOW, status_fetcher=_fetch)
    assert report.result is Result.INVALID, report.to_dict()
    assert _codes(report)["contexts"] == "hidden_member"
    assert "credentialStatus, validUntil" in report.check("contexts").en  # type: ignore[union-attr]


def test_status_hidden_behind_an_embedded_alias_is_still_seen() -> None:
    forged = copy.deepcopy(REVOKED_AND_EXPIRED)
    alias = {"st": {"@id": CRED + "credentialStatus", "@type": "@id"}}
    forged["@context"] = [*forged["@context"], alias]
    forged["st"] = forged.pop("credentialStatus")
    report = verify(forged, now=BEFORE_EXPIRY, status_fetcher=_fetch)
    assert report.check("proof").status is CheckStatus.PASS  # type: ignore[union-attr]
    assert report.result is Result.INVALID, report.to_dict()
    assert _codes(report)["contexts"] == "hidden_member"


def test_legacy_suite_status_renamed_to_its_iri_is_still_seen() -> None:
    unsigned = _unsigned(credentialStatus=status_entry(LIST_URL, 5))
    unsigned["@context"] = [*unsigned["@context"], ED2020]
    signed = _sign_2020(unsigned, ISSUER)
    assert verify(signed, now=NOW, status_fetcher=_fetch).result is Result.INVALID
    signed[CRED + "credentialStatus"] = signed.pop("credentialStatus")
    report = verify(signed, now=NOW, status_fetcher=_fetch)
    assert report.result is Result.INVALID, report.to_dict()
    assert _codes(report)["contexts"] == "hidden_member"


def test_jcs_signs_the_json_so_a_renamed_member_fails() -> None:
    signed = sign(
        _unsigned(credentialStatus=status_entry(LIST_URL, 5)), ISSUER, suite="eddsa-jcs-2022"
    )
    signed[CRED + "credentialStatus"] = signed.pop("credentialStatus")
    report = verify(signed, now=NOW, status_fetcher=_fetch)
    assert _codes(report)["proof"] == "invalid_signature"


def test_a_term_out_of_its_scope_is_not_unsigned_data() -> None:
    signed = sign(_unsigned(), ISSUER)
    forged = copy.deepcopy(signed)
    forged["achievement"] = {"name": "Doctor of Medicine", "description": "unsigned"}
    forged["issuer"]["identityHash"] = "Mallory"
    report = verify(forged, now=NOW)
    assert not report.verified, "members JSON-LD drops are covered by no signature"


def test_the_shape_cache_canonicalizes_like_the_direct_path() -> None:
    document = _unsigned()
    document["type"] = [*document["type"], "urn:x-microcred-shape:0"]
    assert rdfc.canonicalize(document) == rdfc.canonicalize(document, reuse_shapes=False)


def test_protected_eu_terms_cannot_be_redefined_by_an_appended_context() -> None:
    """A context appended after the EU terms that turns euTitle into something the RDF
    does not carry (``@nest``, ``@index``) is refused by the JSON-LD processor."""
    signed = sign(_unsigned(), ISSUER)
    real_title = {"@id": "https://w3id.org/microcred/vocab#title", "@container": "@language"}
    for redefinition in ("@nest", "@index"):
        forged = copy.deepcopy(signed)
        forged["@context"] = [
            *forged["@context"],
            {"realTitle": real_title, "euTitle": redefinition},
        ]
        achievement = forged["credentialSubject"]["achievement"]
        achievement["realTitle"] = achievement.pop("euTitle")
        achievement["euTitle"] = {"en": "Doctor of Medicine"}
        report = verify(forged, now=NOW)
        assert not report.verified
        assert _codes(report)["proof"] == "jsonld_error"


def test_eu_terms_under_a_foreign_embedded_context_are_not_read() -> None:
    """A stranger's credential with its own eu* definitions: only native fields are read."""
    key = KeyPair.generate()
    unsigned = to_ob3(example_award(), issuer_id=key.did_key)
    foreign = {
        term: {"@id": f"https://evil.example/{term}", "@container": "@language"}
        for term in ("euTitle", "euDescription")
    }
    unsigned["@context"] = [c for c in unsigned["@context"] if c != EU_TERMS] + [foreign]
    achievement = unsigned["credentialSubject"]["achievement"]
    keep = {"euTitle", "euDescription"}
    unsigned["credentialSubject"]["achievement"] = {
        k: v for k, v in achievement.items() if not k.startswith("eu") or k in keep
    }
    unsigned["credentialSubject"]["achievement"]["euTitle"] = {"en": "Doctor of Medicine"}
    for node in (unsigned, unsigned["issuer"], unsigned["credentialSubject"]):
        for member in [k for k in node if k.startswith("eu")]:
            del node[member]
    report = verify(sign(unsigned, key), now=NOW)
    assert _codes(report)["contexts"] == "embedded_context"
    assert report.award is not None
    assert report.award.spec.title is not None
    assert report.award.spec.title.get("en") != "Doctor of Medicine"


def test_a_scoped_vocab_in_an_embedded_context_is_not_a_safe_mode_bypass() -> None:
    """An embedded ``@vocab`` (top level or scoped) maps undefined terms instead of
    dropping them: the added member is in the RDF, and the issuer's proof fails."""
    signed = sign(_unsigned(), ISSUER)
    for context in (
        {"@vocab": "https://evil.example/"},
        {"x": {"@id": "https://evil.example/x", "@context": {"@vocab": "https://evil.example/"}}},
    ):
        forged = copy.deepcopy(signed)
        forged["@context"] = [*forged["@context"], context]
        forged["credentialSubject"]["achievement"]["creditsAvailable"] = 60
        assert not verify(forged, now=NOW).verified


# --- 1. proof sets and chains ------------------------------------------------------


def test_an_unknown_proof_naming_the_issuers_key_does_not_lend_its_name() -> None:
    """The attacker's valid proof next to an unverifiable "proof" claiming the issuer."""
    forged = add_proof(_unsigned(), ATTACKER)
    forged["proof"].append({**UNKNOWN, "verificationMethod": ISSUER.verification_method})
    report = verify(forged, now=NOW)
    assert report.result is Result.INVALID
    assert _codes(report)["issuer"] == "issuer_mismatch"
    assert report.signer is not None
    assert report.signer.id == ATTACKER.did_key


def test_the_issuers_proof_relabelled_unknown_leaves_the_attackers_one() -> None:
    """Tampered content with the issuer's proof turned into an unknown type (not
    checked) and a valid proof by another key: not the issuer's credential."""
    signed = add_proof(_unsigned(), ISSUER)
    signed["name"] = "Doctor of Medicine"
    signed["proof"][0]["type"] = "BbsBlsSignature2020"
    forged = add_proof({k: v for k, v in signed.items() if k != "proof"}, ATTACKER)
    forged["proof"].insert(0, signed["proof"][0])
    report = verify(forged, now=NOW)
    assert report.result is Result.INVALID
    assert _codes(report)["issuer"] == "issuer_mismatch"


def test_a_chain_link_after_an_unknown_proof_stands_on_nothing() -> None:
    unsigned = _unsigned()
    first = {
        **UNKNOWN,
        "type": "DataIntegrityProof",
        "cryptosuite": "bbs-2023",
        "id": "urn:uuid:first",
    }
    chained = add_proof({**unsigned, "proof": [first]}, ISSUER, previous="urn:uuid:first")
    result = verify_proof(chained)
    assert (result.verified, result.code) == (False, "no_checkable_proof")


def test_a_chain_cycle_and_a_missing_previous_proof_fail() -> None:
    unsigned = _unsigned()
    a = add_proof(unsigned, ISSUER, proof_id="urn:a", previous="urn:b")
    assert verify_proof(a).code == "previous_proof_missing"
    cyc = add_proof(unsigned, ISSUER, proof_id="urn:a", previous="urn:a")
    assert not verify_proof(cyc).verified


def test_a_bare_did_key_of_someone_else_is_not_the_issuer() -> None:
    forged = sign(_unsigned(), ATTACKER, verification_method=ATTACKER.did_key)
    report = verify(forged, now=NOW)
    assert _codes(report)["proof"] == "ok"
    assert _codes(report)["issuer"] == "issuer_mismatch"


def test_a_one_element_proof_array_and_a_proof_object_are_the_same() -> None:
    signed = sign(_unsigned(), ISSUER)
    assert isinstance(signed["proof"], list)
    as_object = {**signed, "proof": signed["proof"][0]}
    assert verify(signed, now=NOW).verified
    assert verify(as_object, now=NOW).verified
    tampered = {**as_object, "name": "Doctor of Medicine"}
    assert _codes(verify(tampered, now=NOW))["proof"] == "invalid_signature"


# --- 2. Ed25519Signature2020 --------------------------------------------------------


def test_an_ed25519_signature_2020_proof_is_not_an_eddsa_rdfc_2022_one() -> None:
    """The two suites sign the same bytes but under different proof options: a proof
    relabelled from one to the other fails."""
    unsigned = _unsigned()
    unsigned["@context"] = [*unsigned["@context"], ED2020]
    legacy = _sign_2020(unsigned, ISSUER)
    relabelled = copy.deepcopy(legacy)
    relabelled["proof"] = {
        **relabelled["proof"],
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-rdfc-2022",
    }
    assert verify_proof(legacy).verified
    assert verify_proof(relabelled).code == "invalid_signature"


def test_an_ed25519_signature_2020_proof_by_a_p256_key_fails() -> None:
    p256 = KeyPair.generate("P-256")
    unsigned = _unsigned()
    unsigned["@context"] = [*unsigned["@context"], ED2020]
    signed = _sign_2020(unsigned, ISSUER, method=p256.verification_method)
    assert verify_proof(signed).code == "wrong_key_type"


# --- 4. status ----------------------------------------------------------------------


def test_another_list_of_the_same_issuer_does_not_clear_a_revoked_credential() -> None:
    other = _revoked_list(ISSUER, "https://uni.example/status/2")  # bit 5 clear there
    report = verify(REVOKED_AND_EXPIRED, now=BEFORE_EXPIRY, status_fetcher=lambda url: other)
    assert report.result is not Result.VALID, report.to_dict()
    assert _codes(report)["status"] == "status_list_other_id"
    # while a set bit in the issuer's list under another id still shows the revocation
    moved = _revoked_list(ISSUER, "https://cdn.example/status/1", 5)
    report = verify(REVOKED_AND_EXPIRED, now=BEFORE_EXPIRY, status_fetcher=lambda url: moved)
    assert _codes(report)["status"] == "revoked"


def test_a_list_signed_by_someone_else_never_clears_the_status() -> None:
    """The attacker's own list, under the credential's list URL or under another id."""
    for list_id, code in ((LIST_URL, "status_list_issuer"),
                          ("https://evil.example/s", "status_list_mismatch")):  # fmt: skip
        listing = _revoked_list(ATTACKER, list_id)
        report = verify(
            REVOKED_AND_EXPIRED, now=BEFORE_EXPIRY, status_fetcher=lambda url, doc=listing: doc
        )
        assert report.result is Result.STATUS_UNKNOWN
        assert _codes(report)["status"] == code


def test_a_list_claiming_the_issuer_as_an_object_but_signed_by_another_key() -> None:
    unsigned = status_list_credential(StatusList(), credential_id=LIST_URL, issuer=ISSUER.did_key)
    unsigned["issuer"] = {"id": ISSUER.did_key}
    listing = sign(unsigned, ATTACKER)
    report = verify(REVOKED_AND_EXPIRED, now=BEFORE_EXPIRY, status_fetcher=lambda url: listing)
    assert report.result is Result.STATUS_UNKNOWN
    assert _codes(report)["status"] == "status_list_invalid"


def test_a_bitstring_entry_is_not_read_from_a_2021_list() -> None:
    listing = copy.deepcopy(ISSUERS_LIST)
    listing["type"] = ["VerifiableCredential", "StatusList2021Credential"]
    results = check_status(
        REVOKED_AND_EXPIRED, fetcher=lambda url: listing, verify_list=lambda doc: (True, "ok")
    )
    assert [r.code for r in results] == ["not_a_status_list"]


@pytest.mark.parametrize("index", ["-5", "5.0", "0x5", "٥", " 5", True, 5.0, 2**70])
def test_index_tricks_are_unknown_never_valid(index: Any) -> None:
    entry = {**status_entry(LIST_URL, 5), "statusListIndex": index}
    results = check_status(
        {"issuer": ISSUER.did_key, "credentialStatus": entry},
        fetcher=lambda url: ISSUERS_LIST,
        verify_list=lambda doc: (True, "ok"),
    )
    assert [r.state for r in results] == ["unknown"]


def test_a_huge_status_index_is_unknown_not_an_internal_error() -> None:
    entry = {**status_entry(LIST_URL, 5), "statusListIndex": "1" * 5000}
    signed = sign(_unsigned(credentialStatus=entry), ISSUER)
    report = verify(signed, now=NOW, status_fetcher=_fetch)
    assert "internal_error" not in _codes(report).values(), report.to_dict()


# --- 5. VC-JOSE ---------------------------------------------------------------------


def test_an_out_of_range_exp_is_a_failed_check_not_an_internal_error() -> None:
    token = sign_jwt({**_unsigned(), "exp": 10**20}, ISSUER)
    report = verify(token, now=NOW)
    assert "internal_error" not in _codes(report).values(), report.to_dict()
    verify_jwt(token)  # "never raises"


def test_a_jwt_by_another_key_for_the_issuer_fails_in_both_shapes() -> None:
    credential = _unsigned()
    vc2 = sign_jwt(credential, ATTACKER)
    assert _codes(verify(vc2, now=NOW))["proof"] == "kid_not_issuer"
    vc11 = sign_jwt({"iss": ATTACKER.did_key, "vc": credential}, ATTACKER)
    assert _codes(verify(vc11, now=NOW))["proof"] == "iss_mismatch"
    bare = sign_jwt(
        {**credential, "issuer": {"id": ISSUER.did_key}}, ATTACKER, kid=ATTACKER.did_key
    )
    assert _codes(verify(bare, now=NOW))["proof"] == "kid_not_issuer"
    no_issuer = {k: v for k, v in credential.items() if k != "issuer"}
    vc11_iss = sign_jwt({"iss": ISSUER.did_key, "vc": no_issuer}, ATTACKER)
    assert _codes(verify(vc11_iss, now=NOW))["proof"] == "kid_not_issuer"


# --- 6. trust -----------------------------------------------------------------------


def test_a_look_alike_seal_certificate_is_not_confirmed() -> None:
    award = example_award()
    name = award.spec.awarding_bodies[0].name.get("pl")
    start = dt.datetime(2025, 6, 1, tzinfo=dt.UTC)
    real = self_signed_seal_certificate(name, "PL", not_before=start)
    fake = self_signed_seal_certificate(name, "PL", not_before=start)
    fingerprint = real.certificates[0].fingerprint(hashes.SHA256()).hex()
    registry = StaticTrustList("Rejestr", {f"sha256:{fingerprint}": name})
    edc = to_edc(award, issuer_id="did:web:uni.example")
    genuine = verify(
        seal(edc, key=real.key, certificates=real.certificates, signing_time=NOW),
        now=NOW,
        trust_list=registry,
    )
    assert genuine.issuer_confirmed
    forged = verify(
        seal(edc, key=fake.key, certificates=fake.certificates, signing_time=NOW),
        now=NOW,
        trust_list=registry,
    )
    assert not forged.issuer_confirmed, "another key with the same subject name"


def test_a_confirmed_issuer_cannot_show_another_name_in_english() -> None:
    unsigned = _unsigned()
    registered = unsigned["issuer"]["euName"]["pl"]
    unsigned["issuer"]["euName"] = {"pl": registered, "en": "Harvard University"}
    report = verify(
        sign(unsigned, ISSUER),
        now=NOW,
        trust_list=StaticTrustList("Rejestr", {ISSUER.did_key: registered}),
    )
    assert not (
        report.issuer_confirmed and report.summary("en")["awarding_body"] == "Harvard University"
    )
    # confirmed: shown under the registered name, the credential's own words after it
    assert report.issuer_confirmed
    assert report.summary("en")["awarding_body"] == f"{registered} (Harvard University)"


def test_name_case_and_spacing_do_not_confirm_another_signer() -> None:
    unsigned = _unsigned()
    registered = unsigned["issuer"]["euName"]["pl"]
    signed = sign({**unsigned, "issuer": {**unsigned["issuer"], "id": ATTACKER.did_key}}, ATTACKER)
    registry = StaticTrustList("Rejestr", {ISSUER.did_key: f"  {registered.upper()} "})
    report = verify(signed, now=NOW, trust_list=registry)
    assert report.verified
    assert not report.issuer_confirmed
    assert _codes(report)["trust"] == "not_in_trust_list"


def test_a_proof_set_names_the_issuer_as_signer_not_a_cosigner() -> None:
    signed = add_proof(add_proof(_unsigned(), ATTACKER), ISSUER)
    registry = StaticTrustList("Rejestr", {ATTACKER.did_key: "Politechnika"})
    report = verify(signed, now=NOW, trust_list=registry)
    assert report.signer is not None
    assert report.signer.id == ISSUER.did_key
    assert not report.issuer_confirmed


# --- 7. hostile inputs: the data model checker, SVG ---------------------------------


def _deep_list(depth: int) -> Any:
    node: Any = "x"
    for _ in range(depth):
        node = [node]
    return node


@pytest.mark.parametrize(
    "members",
    [
        {"@context": ["https://www.w3.org/ns/credentials/v2"] + [{"a": "b"}] * 20000},
        {"type": ["VerifiableCredential"] + ["T"] * 60000},
        {"credentialSubject": [{"id": "x"}] * 60000},
        {"relatedResource": [{"id": "urn:a"}] * 60000},
        {"validFrom": "9" * 60 + "-01-01T00:00:00Z"},
        {"name": _deep_list(60)},
        {
            "@context": [
                "https://www.w3.org/ns/credentials/v2",
                {f"t{i}": {"@id": f"urn:{i}", "@protected": True} for i in range(20000)},
            ]
        },
    ],
    ids=["contexts", "types", "subjects", "related", "year", "deep", "terms"],
)
def test_hostile_json_is_answered(members: dict[str, Any]) -> None:
    """Answered, without an internal error (how fast: bench/credentials.py's hostile
    documents; timing has no place in a unit test)."""
    document = {**sign(_unsigned(), ISSUER), **members}
    report = verify(document, now=NOW)
    assert not report.verified
    assert "internal_error" not in _codes(report).values()


_NS = 'xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"'


@pytest.mark.parametrize(
    "svg",
    [
        f'<!DOCTYPE svg SYSTEM "x.dtd"><svg {_NS}><openbadges:credential>&x;'
        "</openbadges:credential></svg>",
        f'<!DOCTYPE svg [<!ATTLIST openbadges:credential verify CDATA "a.b.c">]><svg {_NS}>'
        "<openbadges:credential/></svg>",
        f'<!DOCTYPE svg [<!ENTITY % p SYSTEM "https://evil.example/">%p;]><svg {_NS}>'
        "<openbadges:credential/></svg>",
        f'<?xml version="1.0" standalone="yes"?><!DOCTYPE svg SYSTEM "x.dtd"><svg {_NS}>'
        "<openbadges:credential>&x;</openbadges:credential></svg>",
    ],
    ids=["entity-from-unread-dtd", "attlist-default", "parameter-entity", "standalone"],
)
def test_svg_dtd_tricks_are_refused(svg: str) -> None:
    with pytest.raises(BakingError):
        extract_svg(svg)


def test_an_svg_doctype_naming_a_local_file_is_never_read() -> None:
    svg = (
        f'<!DOCTYPE svg SYSTEM "file:///etc/passwd"><svg {_NS}><openbadges:credential>'
        "{}</openbadges:credential></svg>"
    )
    assert extract_svg(svg) == "{}"
