"""``issue()``, the counterpart of ``verify()``: every format round-trips through
``verify`` (valid, the right format and suite), ``now`` is the proofs' time and the date
of issue, misuse raises the right error and makes nothing, a thousand awards give a
thousand credentials that all verify, and the README's example runs."""

from __future__ import annotations

import base64
import contextlib
import copy
import datetime as dt
import io
import json
import re
from collections.abc import Callable
from typing import Any

import pytest

from microcred.credentials import messages
from microcred.credentials.data_integrity import sign, verify_proof
from microcred.credentials.dids import NotAssertionMethodError, NotIssuerKeyError, Resolver
from microcred.credentials.errors import CredentialError, DidError, ProofError, StatusError
from microcred.credentials.issue import (
    FORMATS,
    FormatError,
    IssueError,
    Issuer,
    IssuerError,
    PublishedStatusList,
    SealOrganisationError,
    StatusListIssuerError,
    build,
    issue,
)
from microcred.credentials.jades import SealCredentials, seal, self_signed_seal_certificate
from microcred.credentials.keys import KeyPair
from microcred.credentials.messages import (
    ALREADY_HAS_PROOF,
    ALREADY_HAS_STATUS,
    DID_DOCUMENT_NO_ID,
    EXPIRED_ON_ISSUE,
    FORMATS_INVALID,
    INDEX_OUTSIDE_LIST,
    ISSUED_IN_FUTURE,
    ISSUER_NO_KEY,
    ISSUER_NO_KEY_OR_SEAL,
    ISSUER_NO_SEAL,
    KEY_NOT_OF_ISSUER,
    METHOD_NOT_OF_ISSUER,
    NO_STATUS_LIST,
    PUBLIC_KEY_ONLY,
    SEAL_ORGANISATION_DIFFERS,
    STATUS_INDEX_MISSING,
    STATUS_LIST_NO_ISSUER,
    STATUS_LIST_NO_URL,
    STATUS_LIST_NOT_ISSUERS,
    STATUS_NOT_SUPPORTED,
    SUITE_KEY_MISMATCH,
    SUITE_NOT_FOR_SIGNING,
    TIMESTAMP_WITHOUT_SEAL,
    WRONG_KIND,
)
from microcred.credentials.status import StatusList, local_fetcher, status_list_credential
from microcred.credentials.vc_data_model import DataModelError
from microcred.credentials.verify import Result, verify
from microcred.standard.elements import Award
from microcred.standard.errors import GradeError, MicrocredError

from ..conftest import ROOT, example_award, proof_of

NOW = dt.datetime(2026, 1, 5, 10, 20, 30, 500_000, tzinfo=dt.UTC)
LEGAL_NAME = "Politechnika Nadwiślańska — Centrum Kształcenia Ustawicznego"  # python-basics
KEY, P256 = KeyPair.generate(), KeyPair.generate("P-256")
DID = "did:web:uczelnia.example.pl"
LIST_URL = "https://uczelnia.example.pl/status/1"


def _seal(organisation: str = LEGAL_NAME) -> SealCredentials:
    return self_signed_seal_certificate(organisation, "PL", not_before=NOW - dt.timedelta(days=1))


SEAL = _seal()
ISSUER = Issuer.from_key(KEY, seal=SEAL)


def _award(**fields: Any) -> Award:
    """The example award, with no date of issue or validity: ``issue`` sets them."""
    return example_award(**({"issued_on": None} | fields))


def _did_document(key: KeyPair, relationship: str = "assertionMethod") -> dict[str, Any]:
    method = f"{DID}#key-1"
    return {"id": DID, "verificationMethod": [{"id": method, "type": "Multikey", "controller": DID,
            "publicKeyMultibase": key.public_multibase}], relationship: [method]}  # fmt: skip


def _jws_header(compact_or_member: str) -> dict[str, Any]:
    part = compact_or_member.split(".")[0]
    decoded: dict[str, Any] = json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))
    return decoded


# --- every format round-trips through verify --------------------------------------------

REPORTED_FORMAT = {"ob3": "json", "ob3-jwt": "jwt", "edc": "jades", "edc-di": "json",
                   "edc-jwt": "jwt"}  # fmt: skip


def test_the_formats_are_the_tested_ones() -> None:
    assert set(FORMATS) == set(REPORTED_FORMAT)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_verifies(fmt: str) -> None:
    issued = issue(_award(), issuer=ISSUER, formats=(fmt,), now=NOW)
    assert list(issued.documents) == [fmt]
    report = verify(issued[fmt], now=NOW)
    assert report.result is Result.VALID, [c for c in report.checks if c.status == "fail"]
    assert report.format == REPORTED_FORMAT[fmt]
    document = issued[fmt]
    if fmt.endswith("-jwt"):
        assert isinstance(document, str)
        header = {"alg": "EdDSA", "kid": KEY.verification_method, "typ": "vc+jwt", "cty": "vc"}
        assert _jws_header(document) == header
    elif fmt == "edc":
        assert isinstance(document, dict)
        assert _jws_header(document["signatures"][0]["protected"])["alg"] == "ES256"
        issuer_check = next(c for c in report.checks if c.name == "issuer")
        assert (issuer_check.status, issuer_check.code) == ("pass", "ok")
    else:
        assert isinstance(document, dict)
        assert proof_of(document)["cryptosuite"] == "eddsa-rdfc-2022"
    assert report.signer is not None
    assert report.credential is not None
    assert report.credential["id"] == issued.ids[fmt]


@pytest.mark.parametrize(
    ("suite", "key"),
    [("eddsa-rdfc-2022", KEY), ("eddsa-jcs-2022", KEY), ("ecdsa-rdfc-2019", P256)],
)
def test_every_suite_verifies(suite: str, key: KeyPair) -> None:
    issued = issue(_award(), issuer=Issuer.from_key(key), suite=suite, now=NOW)
    document = issued["ob3"]
    assert isinstance(document, dict)
    assert proof_of(document)["cryptosuite"] == suite
    report = verify(document, now=NOW, allowed_suites=frozenset({suite}))
    assert report.result is Result.VALID
    if key is P256:
        jwt = issue(_award(), issuer=Issuer.from_key(key), formats=("ob3-jwt",), now=NOW)
        assert _jws_header(str(jwt["ob3-jwt"]))["alg"] == "ES256"
        assert verify(jwt["ob3-jwt"], now=NOW).result is Result.VALID


def test_one_award_in_every_format_at_once() -> None:
    """One OB 3.0 credential (its id shared by the proof and the JWT form), one EDC."""
    issued = issue(_award(), issuer=ISSUER, formats=tuple(FORMATS), now=NOW)
    assert issued.ids["ob3"] == issued.ids["ob3-jwt"]
    assert issued.ids["edc"] == issued.ids["edc-di"] == issued.ids["edc-jwt"]
    assert issued.ids["ob3"] != issued.ids["edc"]
    for fmt in FORMATS:
        text = issued.text(fmt)
        assert text.endswith("\n")
        assert verify(text, now=NOW).result is Result.VALID, fmt
    assert json.loads(issued.text("ob3")) == issued["ob3"]
    assert issued.text("ob3-jwt") == f"{issued['ob3-jwt']}\n"


def test_a_did_web_issuer() -> None:
    document = _did_document(KEY)
    issuer = Issuer.from_did_document(KEY, document)
    assert (issuer.id, issuer.verification_method) == (DID, f"{DID}#key-1")
    issued = issue(_award(), issuer=issuer, formats=("ob3", "ob3-jwt"), now=NOW)
    credential = issued["ob3"]
    assert isinstance(credential, dict)
    assert credential["issuer"]["id"] == DID
    assert proof_of(credential)["verificationMethod"] == f"{DID}#key-1"
    resolver = Resolver({DID: document})
    for fmt in ("ob3", "ob3-jwt"):
        assert verify(issued[fmt], now=NOW, resolver=resolver).result is Result.VALID
        assert verify(issued[fmt], now=NOW).result is not Result.VALID  # no DID document


def test_an_unsigned_credential_keeps_all_but_its_issuer_id() -> None:
    unsigned = build(_award(), issuer_id="urn:example:placeholder", now=NOW)
    before = copy.deepcopy(unsigned)
    signed = issue(unsigned, issuer=ISSUER, now=NOW)["ob3"]
    assert unsigned == before  # the caller's document is not changed
    assert isinstance(signed, dict)
    assert signed["issuer"] == before["issuer"] | {"id": KEY.did_key}
    assert {k: v for k, v in signed.items() if k not in ("issuer", "proof", "@context")} == {
        k: v for k, v in before.items() if k not in ("issuer", "@context")
    }
    assert verify(signed, now=NOW).result is Result.VALID


# --- now ----------------------------------------------------------------------------------


def test_now_is_the_proof_time_and_the_date_of_issue() -> None:
    issued = issue(_award(), issuer=ISSUER, formats=("ob3", "edc"), now=NOW)
    credential, sealed = issued["ob3"], issued["edc"]
    assert isinstance(credential, dict)
    assert isinstance(sealed, dict)
    assert proof_of(credential)["created"] == "2026-01-05T10:20:30Z"
    assert credential["validFrom"] == "2026-01-05T00:00:00Z"  # the date of issue
    assert credential["credentialSubject"]["awardedDate"] == "2026-01-05T00:00:00Z"
    assert credential["validUntil"] == "2031-01-05T23:59:59Z"  # validity_months: 60
    assert _jws_header(sealed["signatures"][0]["protected"])["sigT"] == "2026-01-05T10:20:30Z"
    edc = json.loads(sealed["payload"])
    assert edc["validFrom"] == edc["issued"] == "2026-01-05T00:00:00Z"
    report = verify(credential, now=NOW - dt.timedelta(days=2))
    dates = next(c for c in report.checks if c.name == "dates")
    assert dates.code == "not_yet_valid"


def test_an_award_dated_earlier_keeps_its_date() -> None:
    issued = issue(example_award(), issuer=ISSUER, now=NOW)  # issued on 2025-06-20
    credential = issued["ob3"]
    assert isinstance(credential, dict)
    assert credential["validFrom"] == "2025-06-20T00:00:00Z"
    assert proof_of(credential)["created"] == "2026-01-05T10:20:30Z"


def test_the_clock_is_the_default() -> None:
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    credential = issue(_award(), issuer=ISSUER)["ob3"]
    assert isinstance(credential, dict)
    created = dt.datetime.fromisoformat(proof_of(credential)["created"].replace("Z", "+00:00"))
    assert before <= created <= dt.datetime.now(dt.UTC)


def test_a_grade_is_written_as_the_scale_names_it() -> None:
    award = _award(grade={"en": "PASS"})  # python-basics: zaliczone / pass
    credential = issue(award, issuer=ISSUER, now=NOW)["ob3"]
    assert isinstance(credential, dict)
    assert credential["credentialSubject"]["euGrade"] == {"pl": "zaliczone", "en": "pass"}


# --- status lists ---------------------------------------------------------------------------


def _list_credential(key: KeyPair = KEY, status_list: StatusList | None = None) -> dict[str, Any]:
    unsigned = status_list_credential(
        status_list or StatusList(), credential_id=LIST_URL, issuer=key.did_key,
        valid_from="2026-01-01T00:00:00Z",
    )  # fmt: skip
    return sign(unsigned, key)


def test_a_status_entry_from_the_issuers_list() -> None:
    listing = _list_credential()
    issuer = Issuer.from_key(KEY, seal=SEAL, status_list=PublishedStatusList.of(listing))
    issued = issue(_award(), issuer=issuer, formats=("ob3", "edc"), status_index=42, now=NOW)
    entry = {"id": f"{LIST_URL}#42", "type": "BitstringStatusListEntry",
             "statusPurpose": "revocation", "statusListIndex": "42",
             "statusListCredential": LIST_URL}  # fmt: skip
    assert issued.status_entry == entry
    credential = issued["ob3"]
    assert isinstance(credential, dict)
    assert credential["credentialStatus"] == entry
    assert "credentialStatus" not in json.loads(issued["edc"]["payload"])  # type: ignore[index]
    fetcher = local_fetcher({LIST_URL: listing})
    assert verify(credential, now=NOW, status_fetcher=fetcher).result is Result.VALID
    revoked = StatusList()
    revoked.set(42)
    fetcher = local_fetcher({LIST_URL: _list_credential(status_list=revoked)})
    report = verify(credential, now=NOW, status_fetcher=fetcher)
    assert report.result is Result.INVALID
    assert next(c for c in report.checks if c.name == "status").code == "revoked"


# --- misuse raises, and nothing is made ---------------------------------------------------


def _spy() -> tuple[Callable[[bytes], bytes], list[bytes]]:
    """A time-stamping authority that records being asked (the only outside call)."""
    asked: list[bytes] = []

    def timestamper(data: bytes) -> bytes:
        asked.append(data)
        raise AssertionError("nothing may be time-stamped when issuing is refused")

    return timestamper, asked


def _status_issuer() -> Issuer:
    return Issuer.from_key(KEY, seal=SEAL, status_list=PublishedStatusList.of(_list_credential()))


def _unsigned(**changes: Any) -> dict[str, Any]:
    return build(_award(), issuer_id=KEY.did_key, now=NOW) | changes


MISUSE: list[tuple[str, Callable[[], Any], type[MicrocredError], str]] = [
    ("key not the issuer's", lambda: Issuer.from_did_document(P256, _did_document(KEY)),
     NotIssuerKeyError, "key_not_of_issuer"),
    ("method not under assertionMethod",
     lambda: Issuer.from_did_document(KEY, _did_document(KEY, "authentication")),
     NotAssertionMethodError, "not_assertion_method"),
    ("did:web without its document", lambda: Issuer.from_did(KEY, DID), DidError, "did_error"),
    ("did:key of another key",
     lambda: Issuer(P256.did_key, KEY, KEY.verification_method), IssuerError,
     METHOD_NOT_OF_ISSUER.code),
    ("the did:key of another key with its own method",
     lambda: Issuer(P256.did_key, KEY, f"{P256.did_key}#{P256.did_key[8:]}"), NotIssuerKeyError,
     KEY_NOT_OF_ISSUER.code),
    ("public key only",
     lambda: Issuer.from_key(KeyPair.from_multikey(KEY.public_multibase)), IssuerError,
     PUBLIC_KEY_ONLY.code),
    ("no key, no seal", lambda: Issuer("did:example:x"), IssuerError, ISSUER_NO_KEY_OR_SEAL.code),
    ("a DID document without an id", lambda: Issuer.from_did_document(KEY, {}), IssuerError,
     DID_DOCUMENT_NO_ID.code),
    ("status list of another issuer",
     lambda: Issuer.from_key(P256, status_list=PublishedStatusList.of(_list_credential())),
     StatusListIssuerError, STATUS_LIST_NOT_ISSUERS.code),
    ("seal of another organisation",
     lambda: issue(_award(), issuer=Issuer.from_key(KEY, seal=_seal("Politechnika Nadwislanska")),
                   formats=("ob3", "edc"), now=NOW, timestamper=_spy()[0]),
     SealOrganisationError, SEAL_ORGANISATION_DIFFERS.code),
    ("data model violation", lambda: issue(_unsigned(validFrom="yesterday"), issuer=ISSUER),
     DataModelError, "data_model_violation"),
    ("formats as a string", lambda: issue(_award(), issuer=ISSUER, formats="ob3"), FormatError,
     "unsupported_format"),
    ("unknown format", lambda: issue(_award(), issuer=ISSUER, formats=("pdf",)), FormatError,
     FORMATS_INVALID.code),
    ("no format", lambda: issue(_award(), issuer=ISSUER, formats=()), FormatError,
     FORMATS_INVALID.code),
    ("a format twice", lambda: issue(_award(), issuer=ISSUER, formats=("ob3", "ob3")),
     FormatError, FORMATS_INVALID.code),
    ("an OB 3.0 credential as an EDC", lambda: issue(_unsigned(), issuer=ISSUER, formats=("edc",)),
     FormatError, WRONG_KIND.code),
    ("a credential of no known kind",
     lambda: issue(_unsigned(type=["VerifiableCredential"]), issuer=ISSUER), FormatError,
     WRONG_KIND.code),
    ("a signed credential", lambda: issue(issue(_award(), issuer=ISSUER)["ob3"], issuer=ISSUER),
     ProofError, ALREADY_HAS_PROOF.code),
    ("a proof without a key", lambda: issue(_award(), issuer=Issuer.from_seal(SEAL)),
     IssuerError, ISSUER_NO_KEY.code),
    ("a seal without one", lambda: issue(_award(), issuer=Issuer.from_key(KEY), formats=("edc",)),
     IssuerError, ISSUER_NO_SEAL.code),
    ("a verify-only suite",
     lambda: issue(_award(), issuer=ISSUER, suite="Ed25519Signature2020"), ProofError,
     SUITE_NOT_FOR_SIGNING.code),
    ("a suite of another key type", lambda: issue(_award(), issuer=ISSUER, suite="ecdsa-rdfc-2019"),
     ProofError, SUITE_KEY_MISMATCH.code),
    ("a time-stamp without a seal",
     lambda: issue(_award(), issuer=ISSUER, timestamper=_spy()[0]), IssueError,
     TIMESTAMP_WITHOUT_SEAL.code),
    ("a naive now", lambda: issue(_award(), issuer=ISSUER, now=dt.datetime(2026, 1, 1)),
     IssueError, "naive_datetime"),
    ("a date of issue after now",
     lambda: issue(_award(issued_on=dt.date(2026, 1, 6)), issuer=ISSUER, now=NOW), IssueError,
     ISSUED_IN_FUTURE.code),
    ("a validity that ends before the date of issue",
     lambda: issue(_award(valid_until=dt.date(2026, 1, 4)),
                   issuer=ISSUER, now=NOW), IssueError, EXPIRED_ON_ISSUE.code),
    ("a grade off the scale", lambda: issue(_award(grade={"en": "very good"}), issuer=ISSUER),
     GradeError, "grade_not_on_scale"),
    ("status_index without a list", lambda: issue(_award(), issuer=ISSUER, status_index=1),
     IssuerError, NO_STATUS_LIST.code),
    ("a list and no status_index", lambda: issue(_award(), issuer=_status_issuer()), IssueError,
     STATUS_INDEX_MISSING.code),
    ("an index outside the list",
     lambda: issue(_award(), issuer=_status_issuer(), status_index=StatusList().size),
     StatusError, INDEX_OUTSIDE_LIST.code),
    ("a status entry on an EDC alone",
     lambda: issue(_award(), issuer=_status_issuer(), formats=("edc",), status_index=1),
     IssueError, STATUS_NOT_SUPPORTED.code),
    ("a credential with a status already",
     lambda: issue(_unsigned(credentialStatus={"type": "X"}), issuer=_status_issuer(),
                   status_index=1), StatusError, ALREADY_HAS_STATUS.code),
    ("a status list without a URL id",
     lambda: PublishedStatusList.of(_list_credential() | {"id": "urn:uuid:1"}), StatusError,
     STATUS_LIST_NO_URL.code),
    ("a status list without an issuer",
     lambda: PublishedStatusList.of({k: v for k, v in _list_credential().items()
                                     if k != "issuer"}), StatusError,
     STATUS_LIST_NO_ISSUER.code),
]  # fmt: skip
# what only a programmer can do wrong, said in English only
_PROGRAMMER_ONLY = {"formats as a string", "a naive now"}
# raised by the layers below issue (dids, vc_data_model, grading), in their own words
_RAISED_BELOW = {
    "key not the issuer's",
    "method not under assertionMethod",
    "did:web without its document",
    "data model violation",
    "a grade off the scale",
}
_MESSAGE_CODES = {getattr(messages, name).code for name in messages.__all__}


@pytest.mark.parametrize(("what", "call", "error", "code"), MISUSE, ids=[m[0] for m in MISUSE])
def test_misuse_raises_and_makes_nothing(
    what: str, call: Callable[[], Any], error: type[MicrocredError], code: str
) -> None:
    result: Any = "nothing raised"
    with pytest.raises(error) as raised:
        result = call()
    assert result == "nothing raised"  # nothing was returned
    assert raised.value.code == code, raised.value.message
    assert isinstance(raised.value, CredentialError | GradeError)
    assert raised.value.message
    # the platform shows a provider the Polish: what a person can cause is said in both
    # languages (a message of credentials.messages), what only a programmer can, in English
    reason = raised.value.reason
    if what in _PROGRAMMER_ONLY:
        assert reason is None
    elif what not in _RAISED_BELOW:
        assert code in _MESSAGE_CODES
        assert reason is not None
        assert reason.code == code
        assert raised.value.text("pl") == reason.pl != raised.value.text("en")
        assert raised.value.text("en") == raised.value.message == reason.en


def test_misuse_messages_say_what_to_fix() -> None:
    with pytest.raises(NotIssuerKeyError, match=f"^the key is not a verification method of {DID}$"):
        Issuer.from_did_document(P256, _did_document(KEY))
    listed = f"^{DID}#key-1 is not listed under assertionMethod of {DID}$"
    with pytest.raises(NotAssertionMethodError, match=listed):
        Issuer.from_did_document(KEY, _did_document(KEY, "authentication"))
    with pytest.raises(SealOrganisationError) as raised:
        issue(_award(), issuer=Issuer.from_key(KEY, seal=_seal("Politechnika Nadwislanska")),
              formats=("edc",), now=NOW)  # fmt: skip
    for lang in ("en", "pl"):  # both languages name the two names
        assert "O= 'Politechnika Nadwislanska'" in raised.value.text(lang)
        assert repr(LEGAL_NAME) in raised.value.text(lang)
    with pytest.raises(StatusListIssuerError) as other:
        Issuer.from_key(P256, status_list=PublishedStatusList.of(_list_credential()))
    assert (other.value.list_issuer, other.value.issuer) == (KEY.did_key, P256.did_key)
    assert KEY.did_key in other.value.text("pl")
    assert P256.did_key in other.value.text("pl")


def test_the_seal_refused_at_issue_is_the_one_verify_fails() -> None:
    """Symmetry: what ``issue`` refuses (an e-seal of another organisation), a seal made
    without ``issue`` shows in ``verify`` as the same failure."""
    other = _seal("Politechnika Nadwislanska")
    edc = build(_award(), kind="edc", now=NOW)
    sealed = seal(edc, key=other.key, certificates=other.certificates, signing_time=NOW)
    report = verify(sealed, now=NOW)
    issuer_check = next(c for c in report.checks if c.name == "issuer")
    assert (issuer_check.status, issuer_check.code) == ("fail", SealOrganisationError.code)


def test_a_refused_seal_is_never_time_stamped() -> None:
    timestamper, asked = _spy()
    with pytest.raises(SealOrganisationError):
        issue(_award(), issuer=Issuer.from_key(KEY, seal=_seal("Inna Uczelnia")),
              formats=("ob3", "edc"), timestamper=timestamper, now=NOW)  # fmt: skip
    assert asked == []


# --- a batch -----------------------------------------------------------------------------------


def test_a_thousand_awards_give_a_thousand_credentials_that_verify() -> None:
    """The platform's batch, in a loop: distinct ids, each proof bound to its own data
    (every learner differs). Mostly eddsa-jcs-2022, to stay quick; every 20th with
    eddsa-rdfc-2022, whose JSON-LD shape cache all learners of a design share."""
    base = _award()
    assert base.learner is not None
    issued = [
        issue(base.model_copy(update={"learner": base.learner.model_copy(update={
            "given_name": f"Osoba {i}", "email": f"osoba{i}@example.org"})}),
            issuer=ISSUER, now=NOW,
            suite="eddsa-rdfc-2022" if i % 20 == 0 else "eddsa-jcs-2022")["ob3"]
        for i in range(1000)
    ]  # fmt: skip
    ids = {c["id"] for c in issued if isinstance(c, dict)}
    assert len(ids) == 1000
    for credential in issued:
        assert verify_proof(credential).verified
    names = {c["credentialSubject"]["identifier"][0]["identityHash"] for c in issued}  # type: ignore[index]
    assert len(names) == 1000
    for credential in issued[::100]:  # the whole report for a sample
        assert verify(credential, now=NOW).result is Result.VALID


# --- the README -------------------------------------------------------------------------------


def _readme_issue_block() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.DOTALL)
    found = [block for block in blocks if "issue(" in block]
    assert len(found) == 1, "the README shows one issue + verify example"
    return str(found[0])


def test_the_readme_example_issues_and_verifies(monkeypatch: pytest.MonkeyPatch) -> None:
    block = _readme_issue_block()
    assert len(block.strip().splitlines()) <= 10
    monkeypatch.chdir(ROOT)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(block, "README.md", "exec"), {"__name__": "__readme__"})  # noqa: S102
    assert out.getvalue() == "valid valid\n"


@pytest.mark.parametrize(
    "document",
    [
        {},
        [],
        {"a": [], "b": {}, "c": [1, 2.5, True, None, 'zażółć \u2028 "x"\n'], "d": {"e": [{}]}},
        {"a": (1, 2)},  # a tuple: left to json.dumps
        {1: "x", None: "y"},  # keys that are not strings: left to json.dumps
        {"nan": float("nan"), "big": 10**30, "neg": -0.0},
        {"inf": float("-inf"), "exp": 1e16, "small": 1e-7, "i64": 2**63 - 1},
    ],
)
def test_text_is_json_dumps_indented(document: Any) -> None:
    """Issued.text writes what json.dumps(indent=2, ensure_ascii=False) writes."""
    from microcred.credentials.issue import Issued

    issued = Issued({"ob3": document}, {})
    assert issued.text("ob3") == json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def test_each_credential_is_checked_against_the_data_model_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An award in every format: two credentials (OB 3.0, EDC), each checked once before
    it is signed, however many formats secure it; and a credential the data model
    refuses is still refused by issue(), the signers being told not to check again."""
    from microcred.credentials import issue as issue_module

    checked: list[str] = []
    real = issue_module.ensure_data_model

    def counting(document: dict[str, Any]) -> None:
        checked.append(str(document.get("type")))
        real(document)

    monkeypatch.setattr(issue_module, "ensure_data_model", counting)
    issued = issue(_award(), issuer=ISSUER, formats=sorted(FORMATS), now=NOW)
    assert set(issued.documents) == set(FORMATS)
    assert len(checked) == 2, checked
    unsigned = issued["ob3"]
    assert isinstance(unsigned, dict)
    broken = {k: v for k, v in unsigned.items() if k != "proof"} | {"validFrom": "yesterday"}
    with pytest.raises(DataModelError):
        issue(broken, issuer=ISSUER, formats=("ob3",), now=NOW)
    with pytest.raises(DataModelError):
        issue(broken, issuer=ISSUER, formats=("ob3-jwt",), now=NOW)
