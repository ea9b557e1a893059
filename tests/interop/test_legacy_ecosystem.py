"""What the ecosystem issues → microcred: Open Badges 3.0 credentials and Status List 2021
lists signed as the Digital Credentials Consortium's stack signs them, verified offline.

``bench/js/sign-legacy.mjs`` issues, for every example design, with one Ed25519 did:key
(an ``Ed25519VerificationKey2020``, ``did:key:z6Mk…#z6Mk…``, as DCC's signing-service):

- **VC 1.1**, as DCC issues Open Badges: ``@context`` credentials/v1, OB 3.0, Status List
  2021, Ed25519Signature2020 (VC Data Integrity EdDSA Cryptosuites v1.0, Appendix A);
  ``issuanceDate``/``expirationDate``, no ``credentialSchema`` (VC 1.1 has no
  ``JsonSchema`` type); an ``Ed25519Signature2020`` proof; a
  ``StatusList2021Entry`` pointing at a list of 100,000 entries, the size DCC's
  credential-status-manager publishes (under the 16KB the 2021 report asks for);
- **VC 2.0** with the same legacy proof and a ``StatusList2021Entry`` pointing at a list of
  131,072 entries;

and the two ``StatusList2021Credential``s (``@digitalbazaar/vc-status-list``), signed the
same way, each with python-basics' index revoked. microcred's ``verify()`` reads them with
``status.local_fetcher`` (no network): the proof, issuer and data-model checks pass, the
revoked credential shows revoked, the others not; each tampering breaks the proof; a list
edited to clear a revocation is not used. The JS stack (``verify-legacy.mjs``: vc 7 with
Ed25519Signature2020 and vc-status-list's ``checkStatus``) agrees on every document, in
one node process, offline. microcred keeps the embedded EU context of its credentials
(an embedded context is plain JSON-LD; the DCC stack signs it as it is), so the EU
elements are read too.
"""

from __future__ import annotations

import base64
import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from microcred.credentials.data_integrity import verify_proof
from microcred.credentials.status import MIN_ENTRIES, local_fetcher
from microcred.credentials.verify import Result, VerificationReport, verify

from ..conftest import proof_of
from .conftest import CREATED, DESIGNS, NOW, TAMPERED_DESIGN, iso, run_batch, unsigned_credential

VC11 = "https://www.w3.org/2018/credentials/v1"
VC2 = "https://www.w3.org/ns/credentials/v2"
STATUS_LIST_2021 = "https://w3id.org/vc/status-list/2021/v1"
ED25519_2020 = "https://w3id.org/security/suites/ed25519-2020/v1"
DCC_LIST_SIZE = 100_000  # DCC credential-status-manager: CREDENTIAL_STATUS_LIST_SIZE
# form -> (the list its credentials point at, its number of entries)
LISTS = {
    "vc11": ("https://status.uczelnia.example.pl/2021/dcc", DCC_LIST_SIZE),
    "vc2": ("https://status.uczelnia.example.pl/2021/spec", MIN_ENTRIES),
}
FORMS = tuple(LISTS)
REVOKED = TAMPERED_DESIGN
# the checks this test is about; `schema`, `eu-elements` and `trust` are not
CHECKS = ("data-model", "proof", "issuer", "status")
TAMPERINGS: dict[str, Any] = {
    "name": lambda c: c.update(name=c["name"] + "!"),
    "issuer.name": lambda c: c["issuer"].update(name="Someone Else"),
    "achievement.name": lambda c: c["credentialSubject"]["achievement"].update(name="Other"),
    "issuance date": lambda c: c.update(
        {"issuanceDate" if "issuanceDate" in c else "validFrom": "2024-01-01T00:00:00Z"}
    ),
    "proof.created": lambda c: proof_of(c).update(created="2025-06-21T00:00:00Z"),
}


def _index(design: str) -> int:
    """The status list entry of a design's credential: apart, and past 65,536."""
    return 70_000 + 1_000 * DESIGNS.index(design)


def _as_issued(design: str, form: str) -> dict[str, Any]:
    """The unsigned credential of ``design`` in ``form``, as the DCC stack issues it."""
    credential = unsigned_credential(design)
    contexts = credential["@context"]
    assert contexts[0] == VC2
    url = LISTS[form][0]
    if form == "vc11":
        credential["@context"] = [VC11, *contexts[1:]]
        credential["issuanceDate"] = credential.pop("validFrom")
        credential["expirationDate"] = credential.pop("validUntil")
        # VC 1.1's context has no "JsonSchema" (DCC's credentials name no schema)
        del credential["credentialSchema"]
    credential["@context"] += [STATUS_LIST_2021, ED25519_2020]
    index = _index(design)
    credential["credentialStatus"] = {
        "id": f"{url}#{index}",
        "type": "StatusList2021Entry",
        "statusPurpose": "revocation",
        "statusListIndex": str(index),
        "statusListCredential": url,
    }
    return credential


def _tamper(credential: dict[str, Any], change: str) -> dict[str, Any]:
    copy: dict[str, Any] = json.loads(json.dumps(credential))
    TAMPERINGS[change](copy)
    return copy


@pytest.fixture(scope="module")
def issued(node: str, key_files: dict[str, Path]) -> dict[str, dict[str, Any]]:
    """``"<form> <design>"`` -> the credential, and ``"list <form>"`` -> its status
    list, all signed by ``sign-legacy.mjs`` in one node process."""
    requests: dict[str, dict[str, Any]] = {
        f"{form} {design}": _as_issued(design, form) for form in FORMS for design in DESIGNS
    }
    for form, (url, size) in LISTS.items():
        request = {"id": url, "statusPurpose": "revocation", "length": size,
                   "set": [_index(REVOKED)]}  # fmt: skip
        requests[f"list {form}"] = {"statusList2021": request}
    options = ("--key", str(key_files["Ed25519"]), "--created", iso(CREATED))
    return run_batch(node, "sign-legacy.mjs", requests, *options)


@pytest.fixture(scope="module")
def lists(issued: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Status list URL -> the signed StatusList2021Credential."""
    return {url: issued[f"list {form}"] for form, (url, _) in LISTS.items()}


@pytest.fixture(scope="module")
def tampered(issued: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Each tampering of each form's python-basics."""
    return {
        f"{form} {change}": _tamper(issued[f"{form} {TAMPERED_DESIGN}"], change)
        for form in FORMS
        for change in TAMPERINGS
    }


@pytest.fixture(scope="module")
def reports(
    issued: dict[str, dict[str, Any]], lists: dict[str, Any], tampered: dict[str, Any]
) -> dict[str, VerificationReport]:
    """microcred's ``verify()`` on every credential and tampering, status lists local."""
    fetcher = local_fetcher(lists)
    documents = {name: c for name, c in issued.items() if not name.startswith("list ")}
    return {
        name: verify(credential, now=NOW, status_fetcher=fetcher)
        for name, credential in (documents | tampered).items()
    }


@pytest.fixture(scope="module")
def js_verdicts(
    node: str,
    tmp_path_factory: pytest.TempPathFactory,
    issued: dict[str, dict[str, Any]],
    lists: dict[str, Any],
    tampered: dict[str, Any],
) -> dict[str, dict[str, Any]]:
    """The legacy JS stack's verdict on the same documents, from one process."""
    served = tmp_path_factory.mktemp("lists") / "lists.json"
    served.write_text(json.dumps(lists), encoding="utf-8")
    documents = {name: c for name, c in issued.items() if not name.startswith("list ")}
    return run_batch(node, "verify-legacy.mjs", documents | tampered,
                     "--now", iso(NOW), "--lists", str(served))  # fmt: skip


def _checks(report: VerificationReport) -> dict[str, tuple[str, str]]:
    found = {}
    for name in CHECKS:
        check = report.check(name)
        assert check is not None, name
        found[name] = (check.status.value, check.code)
    return found


def test_the_issuer_signs_as_dcc_does(issued: dict[str, dict[str, Any]]) -> None:
    """The shapes this test is about: the legacy proof by a did:key#z6Mk… method, the
    suite and Status List 2021 contexts, a VC 1.1 status list in the 2021 encoding."""
    for form in FORMS:
        credential = issued[f"{form} {TAMPERED_DESIGN}"]
        proof = proof_of(credential)
        issuer = credential["issuer"]["id"]
        assert proof["type"] == "Ed25519Signature2020"
        assert proof["verificationMethod"] == f"{issuer}#{issuer.removeprefix('did:key:')}"
        assert credential["@context"][-2:] == [STATUS_LIST_2021, ED25519_2020]
        listing = issued[f"list {form}"]
        assert listing["@context"] == [VC11, STATUS_LIST_2021, ED25519_2020]
        assert listing["issuer"] == issuer
        assert listing["credentialSubject"]["type"] == "StatusList2021"
        assert listing["credentialSubject"]["encodedList"].startswith("H4sI")  # no "u"
        assert proof_of(listing)["type"] == "Ed25519Signature2020"


@pytest.mark.parametrize("design", DESIGNS)
@pytest.mark.parametrize("form", FORMS)
def test_microcred_verifies_what_dcc_issues(
    form: str, design: str, issued: dict[str, Any], reports: dict[str, VerificationReport]
) -> None:
    credential = issued[f"{form} {design}"]
    result = verify_proof(credential)
    assert result.verified, f"{result.code}: {result.reason}"
    revoked = design == REVOKED
    expected_status = ("fail", "revoked") if revoked else ("pass", "ok")
    assert _checks(reports[f"{form} {design}"]) == {
        "data-model": ("pass", "ok"),
        "proof": ("pass", "ok"),
        "issuer": ("pass", "ok"),
        "status": expected_status,
    }


@pytest.mark.parametrize("design", DESIGNS)
@pytest.mark.parametrize("form", FORMS)
def test_the_whole_report(
    form: str,
    design: str,
    ours: dict[tuple[str, str], Any],
    reports: dict[str, VerificationReport],
) -> None:
    """The overall result, and the EU elements read as from microcred's own credential
    of the design: the legacy form changes neither."""
    report = reports[f"{form} {design}"]
    others = [(c.name, c.status.value, c.code) for c in report.checks
              if c.status.value != "pass" and c.name not in ("status", "trust")]  # fmt: skip
    expected = Result.INVALID if design == REVOKED else Result.VALID
    assert report.result is expected, others
    mine = verify(ours["eddsa-rdfc-2022", design], now=NOW).check("eu-elements")
    theirs = report.check("eu-elements")
    assert mine is not None
    assert theirs is not None
    assert (theirs.status, theirs.code) == (mine.status, mine.code)


@pytest.mark.parametrize("form", FORMS)
def test_a_revoked_third_party_credential_shows_revoked_offline(
    form: str, reports: dict[str, VerificationReport]
) -> None:
    report = reports[f"{form} {REVOKED}"]
    status = report.check("status")
    assert status is not None
    assert (status.status.value, status.en) == ("fail", "the credential is revoked")
    assert not report.verified


def test_a_tampered_credential_fails_its_proof(
    tampered: dict[str, Any], reports: dict[str, VerificationReport]
) -> None:
    proofs = {name: _checks(reports[name])["proof"] for name in tampered}
    assert proofs == dict.fromkeys(tampered, ("fail", "invalid_signature"))
    assert [name for name, c in tampered.items() if verify_proof(c).verified] == []


@pytest.mark.parametrize("form", FORMS)
def test_a_list_edited_to_clear_a_revocation_is_not_used(
    form: str, issued: dict[str, Any], lists: dict[str, Any]
) -> None:
    """The list's own Ed25519Signature2020 proof is checked: a copy with the revoked bit
    cleared (the credential's holder's forgery) leaves the status unknown, not valid."""
    url, size = LISTS[form]
    cleared = json.loads(json.dumps(lists[url]))
    nothing_revoked = gzip.compress(bytes(size // 8))
    cleared["credentialSubject"]["encodedList"] = (
        base64.urlsafe_b64encode(nothing_revoked).decode().rstrip("=")
    )
    report = verify(issued[f"{form} {REVOKED}"], now=NOW,
                    status_fetcher=local_fetcher({url: cleared}))  # fmt: skip
    assert _checks(report)["status"] == ("warning", "status_list_invalid")
    assert not report.verified


@pytest.mark.parametrize("form", FORMS)
def test_the_js_stack_agrees(
    form: str, js_verdicts: dict[str, dict[str, Any]], reports: dict[str, VerificationReport]
) -> None:
    """vc 7 + Ed25519Signature2020 + vc-status-list's checkStatus, offline: every
    signature verifies, python-basics is revoked there too, tamperings fail."""
    for design in DESIGNS:
        verdict = js_verdicts[f"{form} {design}"]
        assert verdict["network"] == []
        if design == REVOKED:
            assert (verdict["verified"], verdict["status"]) == (False, False), verdict
            assert verdict["statusError"] is None  # revoked, not a failure to read the list
        else:
            assert (verdict["verified"], verdict["status"]) == (True, True), verdict
    for change in TAMPERINGS:
        verdict = js_verdicts[f"{form} {change}"]
        assert not verdict["verified"]
        assert verdict["status"] is None  # the status is not checked under a bad proof
        assert verdict["network"] == []
