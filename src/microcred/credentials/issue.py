"""``issue(award, issuer=…, formats=…) -> Issued``: an award's signed credentials, the
counterpart of :func:`microcred.credentials.verify.verify`.

The one composition of the layers below, for the ``microcred`` command and the platform
alike: build the unsigned credential (:func:`build`), write the issuer's DID into it,
give it a status entry, check the VC data model's MUSTs, and secure it once per format,
all with the issuer's verification method (:func:`~.dids.issuer_verification_method`):

=========  ===============================  =================================================
format     document                         secured with
=========  ===============================  =================================================
ob3        ``OpenBadgeCredential``          Data Integrity proof (``suite``; VC DI 1.0 §4.2)
ob3-jwt    ``OpenBadgeCredential``          VC-JOSE compact JWS, ``typ: vc+jwt`` (§3.1.1)
edc        ``EuropeanDigitalCredential``    JAdES e-seal, baseline-B, as Europass seals
edc-di     ``EuropeanDigitalCredential``    Data Integrity proof
edc-jwt    ``EuropeanDigitalCredential``    VC-JOSE compact JWS
=========  ===============================  =================================================

::

    issuer = Issuer.from_key(KeyPair.generate())              # did:key
    issuer = Issuer.from_did_document(key, did_document,      # did:web, with an e-seal
                                      seal=load_seal_credentials("eseal.p12", password))
    issued = issue(award, issuer=issuer, formats=("ob3", "edc"), now=now)
    issued["ob3"]  # {"@context": [...], "id": "urn:uuid:…", "issuer": {"id": "did:web:…", …},
                   #  "validFrom": "2026-01-05T00:00:00Z", …, "proof": [{"type":
                   #  "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022",
                   #  "created": "2026-01-05T10:00:00Z", "verificationMethod": "did:web:…#key-1",
                   #  "proofPurpose": "assertionMethod", "proofValue": "z…"}]}
    issued["edc"]  # {"payload": "{…the EDC…}", "signatures": [{"protected": "…", …}]}
    issued.text("ob3")  # what to publish: JSON text, or the compact JWS of a *-jwt format

Misuse raises, and then nothing is returned: an unknown format or one the document is
not of (:class:`FormatError`), an issuer without what a format needs, a key that is not
its DID's (:class:`IssuerError`, :class:`~.dids.NotIssuerKeyError`,
:class:`~.dids.NotAssertionMethodError`), an e-seal certificate whose ``O=`` is none of
the EDC issuer's legal names, which ``verify`` would fail (:class:`SealOrganisationError`),
a credential that breaks the VC data model (:class:`~.vc_data_model.DataModelError`), a
status list of another issuer (:class:`StatusListIssuerError`). An error a person can
cause (an issuer without an e-seal, a date of issue after today...) is raised with a
message of :mod:`.messages`: its ``code`` is the message's, and ``error.text("pl")`` says
it in Polish; one only a programmer can cause (a naive ``now``) is said in English.
"""

from __future__ import annotations

__all__ = [
    "FORMATS",
    "FormatError",
    "IssueError",
    "Issued",
    "Issuer",
    "IssuerError",
    "PublishedStatusList",
    "SealOrganisationError",
    "StatusListIssuerError",
    "build",
    "issue",
]

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from ._json import file_text, issuer_names, types_of
from .data_integrity import SUITES, VERIFY_ONLY_SUITES, sign
from .dids import DidDocument, NotIssuerKeyError, Resolver, issuer_verification_method
from .errors import (
    FormatError,
    IssueError,
    IssuerError,
    ProofError,
    SealOrganisationError,
    StatusError,
    StatusListIssuerError,
)
from .formats import KIND_TYPES
from .keys import KeyPair
from .messages import (
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
    NO_NAMES,
    NO_STATUS_LIST,
    PUBLIC_KEY_ONLY,
    SEAL_ORGANISATION_DIFFERS,
    STATUS_INDEX_MISSING,
    STATUS_LIST_NO_ISSUER,
    STATUS_LIST_NO_URL,
    STATUS_NOT_SUPPORTED,
    SUITE_KEY_MISMATCH,
    SUITE_NOT_FOR_SIGNING,
    TIMESTAMP_WITHOUT_SEAL,
    WRONG_KIND,
)
from .status import read_status_list, status_entry
from .vc_data_model import ensure_data_model

if TYPE_CHECKING:
    from ..standard.elements import Award
    from .jades import SealCredentials

# Imported where they are needed, so that signing an unsigned credential (``microcred
# sign``, a worker) loads no award model, no builder, no JAdES and no JOSE code:
# ``..standard.elements``, ``.ob3``, ``.edc`` in build(); ``.jades``, ``.vc_jose`` in
# _secure(). _seal_organisation() imports nothing: the seal's credentials say their
# organisation (:attr:`.jades.SealCredentials.organisation`).

_DI, _JWT, _JADES = "data-integrity", "jwt", "jades"
# format -> (the kind of document, how it is secured)
FORMATS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "ob3": ("ob3", _DI),
        "ob3-jwt": ("ob3", _JWT),
        "edc": ("edc", _JADES),
        "edc-di": ("edc", _DI),
        "edc-jwt": ("edc", _JWT),
    }
)


@dataclass(frozen=True)
class PublishedStatusList:
    """A Bitstring Status List an issuer publishes (W3C Bitstring Status List 1.0 §2.2):
    its URL (the list credential's ``id``), what a set entry means, how many entries it
    has and who signed it. ``of(list_credential)`` reads one; ``entry(index)`` is the
    ``credentialStatus`` of the credential whose status is entry ``index``."""

    url: str
    purpose: str
    size: int
    issuer: str

    @classmethod
    def of(cls, list_credential: Mapping[str, Any]) -> PublishedStatusList:
        """The list ``list_credential`` publishes. Raises :class:`StatusError` when it is
        not a Bitstring Status List credential with a URL ``id`` and an issuer; its
        proof is not checked here (the caller made it, or verified it)."""
        credential = dict(list_credential)
        status_list = read_status_list(credential)
        url = credential.get("id")
        if not isinstance(url, str) or not url.startswith(("https://", "http://")) or "#" in url:
            raise StatusError(STATUS_LIST_NO_URL())
        issuer = credential.get("issuer")
        issuer = issuer.get("id") if isinstance(issuer, dict) else issuer
        if not isinstance(issuer, str):
            raise StatusError(STATUS_LIST_NO_ISSUER())
        return cls(url, status_list.purpose, status_list.size, issuer)

    def entry(self, index: int) -> dict[str, str]:
        """The ``BitstringStatusListEntry`` pointing at entry ``index``; raises
        :class:`StatusError` for an index outside the list."""
        if not 0 <= index < self.size:
            raise StatusError(INDEX_OUTSIDE_LIST(index=index, last=self.size - 1))
        return status_entry(self.url, index, self.purpose)


@dataclass(frozen=True)
class Issuer:
    """Who issues, and with what: the DID written as the credentials' ``issuer``
    (``id``), the private ``key`` of its ``verification_method`` (for proofs and JWTs),
    the e-seal ``seal`` (for EDCs, as Europass), and the ``status_list`` its
    credentials get entries in.

    Build one with :meth:`from_key` (did:key), :meth:`from_did` /
    :meth:`from_did_document` (any DID: the method holding the key is looked up and
    must be under ``assertionMethod``) or :meth:`from_seal` (e-seal only). The direct
    constructor checks only what needs no DID document.
    """

    id: str | None = None
    key: KeyPair | None = field(default=None, repr=False)  # never in a log line
    verification_method: str | None = None
    seal: SealCredentials | None = field(default=None, repr=False)
    status_list: PublishedStatusList | None = None

    def __post_init__(self) -> None:
        if self.key is None and self.seal is None:
            raise IssuerError(ISSUER_NO_KEY_OR_SEAL())
        if (self.key is None) != (self.verification_method is None):
            raise IssuerError("a key and its verification method go together")
        if self.key is not None and self.verification_method is not None:
            if self.key.private is None:
                raise IssuerError(PUBLIC_KEY_ONLY())
            if self.id is None or self.verification_method.split("#", 1)[0] != self.id:
                raise IssuerError(METHOD_NOT_OF_ISSUER(method=self.verification_method,
                                                       issuer=self.id))  # fmt: skip
            if self.id.startswith("did:key:") and self.id != self.key.did_key:
                raise NotIssuerKeyError(KEY_NOT_OF_ISSUER(issuer=self.id))
        listed = self.status_list.issuer if self.status_list is not None else None
        if listed is not None and self.id is not None and listed != self.id:
            raise StatusListIssuerError(listed, self.id)

    @classmethod
    def from_key(
        cls, key: KeyPair, *, seal: SealCredentials | None = None,
        status_list: PublishedStatusList | None = None,
    ) -> Issuer:  # fmt: skip
        """The issuer whose DID is ``key``'s did:key."""
        return cls(key.did_key, key, key.verification_method, seal, status_list)

    @classmethod
    def from_did(
        cls, key: KeyPair, did: str, *, resolver: Resolver | None = None,
        seal: SealCredentials | None = None, status_list: PublishedStatusList | None = None,
    ) -> Issuer:  # fmt: skip
        """The issuer ``did`` (resolved with ``resolver``), signing with its method that
        holds ``key``; raises :class:`~.dids.NotIssuerKeyError`,
        :class:`~.dids.NotAssertionMethodError` or :class:`~.errors.DidError`."""
        method = issuer_verification_method(key, did, resolver=resolver)
        return cls(did, key, method.id, seal, status_list)

    @classmethod
    def from_did_document(
        cls, key: KeyPair, document: DidDocument, *, seal: SealCredentials | None = None,
        status_list: PublishedStatusList | None = None,
    ) -> Issuer:  # fmt: skip
        """The issuer whose DID document (a did:web's ``did.json``) is ``document``."""
        did = document.get("id")
        if not isinstance(did, str):
            raise IssuerError(DID_DOCUMENT_NO_ID())
        return cls.from_did(key, did, resolver=Resolver({did: document}), seal=seal,
                            status_list=status_list)  # fmt: skip

    @classmethod
    def from_seal(
        cls, seal: SealCredentials, *, issuer_id: str | None = None,
        status_list: PublishedStatusList | None = None,
    ) -> Issuer:  # fmt: skip
        """An issuer that only seals EDCs; ``issuer_id`` (or, when none, what the EDC
        says) is the EDC's issuer."""
        return cls(issuer_id, seal=seal, status_list=status_list)


@dataclass(frozen=True)
class Issued:
    """What :func:`issue` made: per format, the secured credential (a JSON object, or a
    compact JWS string for ``*-jwt``), its credential ``id``, and the status entry the
    Open Badges credentials carry (``None`` when they carry none)."""

    documents: Mapping[str, dict[str, Any] | str]
    ids: Mapping[str, str]
    status_entry: dict[str, str] | None = None

    def __getitem__(self, fmt: str) -> dict[str, Any] | str:
        return self.documents[fmt]

    def text(self, fmt: str) -> str:
        """The credential of ``fmt`` as a file holds it: JSON (2-space indent, UTF-8
        characters as they are) or the compact JWS, and a final newline."""
        document = self.documents[fmt]
        return document + "\n" if isinstance(document, str) else file_text(document)


def _utc(now: dt.datetime | None) -> dt.datetime:
    if now is None:
        return dt.datetime.now(dt.UTC)
    if now.tzinfo is None:
        raise IssueError("now must carry a time zone", code="naive_datetime")
    return now.astimezone(dt.UTC)


def build(
    award: Award, *, kind: str = "ob3", issuer_id: str | None = None,
    now: dt.datetime | None = None,
) -> dict[str, Any]:  # fmt: skip
    """The unsigned credential of ``award``: an ``OpenBadgeCredential`` (``kind="ob3"``,
    :func:`~.ob3.to_ob3`, ``achievementType`` from the design's compliance verdict) or a
    European Digital Credential (``"edc"``, :func:`~.edc.to_edc`), issued by
    ``issuer_id``. An award without a date of issue is issued on ``now``'s date (UTC);
    one without ``valid_until`` gets the design's ``validity_months``
    (:func:`~microcred.standard.elements.validity_end`); a grade is written as the
    design's grading scale names it (:func:`~microcred.standard.elements.award_grade`).

    Raises :class:`~microcred.standard.errors.GradeError` for a grade the scale does not
    allow, :class:`IssueError` for a date of issue after ``now`` or a validity that ends
    before it, :class:`FormatError` for an unknown kind, and the builders' errors.
    """
    today = _utc(now).date()
    from ..standard.elements import award_grade, validity_end

    grade = award_grade(award.spec, award.grade) if award.grade is not None else None
    issued_on = award.issued_on or today
    if issued_on > today:
        raise IssueError(ISSUED_IN_FUTURE(issued_on=issued_on, today=today))
    valid_until = award.valid_until or validity_end(award.spec, issued_on)
    if valid_until is not None and valid_until < issued_on:
        raise IssueError(EXPIRED_ON_ISSUE(valid_until=valid_until, issued_on=issued_on))
    if (award.issued_on, award.valid_until, award.grade) != (issued_on, valid_until, grade):
        award = award.model_copy(
            update={"issued_on": issued_on, "valid_until": valid_until, "grade": grade}
        )
    if kind == "edc":
        from .edc import to_edc

        return to_edc(award, issuer_id=issuer_id)
    if kind == "ob3":
        if issuer_id is None:
            raise IssuerError("an Open Badges credential needs an issuer id")
        from .ob3 import to_ob3

        return to_ob3(award, issuer_id=issuer_id)
    raise FormatError(f"unknown kind of credential {kind!r}: ob3 or edc")


def _formats(formats: Sequence[str]) -> tuple[str, ...]:
    if isinstance(formats, str):
        raise FormatError(f"formats is a sequence of formats: ({formats!r},)")
    chosen = tuple(formats)
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen or len(set(chosen)) != len(chosen):
        raise FormatError(FORMATS_INVALID(formats=list(chosen), known=", ".join(FORMATS)))
    return chosen


def _check_issuer(issuer: Issuer, formats: tuple[str, ...], suite: str) -> None:
    securing = {FORMATS[f][1] for f in formats}
    if securing & {_DI, _JWT} and issuer.key is None:
        raise IssuerError(ISSUER_NO_KEY())
    if _JADES in securing and issuer.seal is None:
        raise IssuerError(ISSUER_NO_SEAL())
    if _DI in securing and issuer.key is not None:  # as sign() would, before any work
        if suite in VERIFY_ONLY_SUITES or suite not in SUITES:
            raise ProofError(SUITE_NOT_FOR_SIGNING(suite=suite, suites=", ".join(sorted(SUITES))))
        if issuer.key.algorithm != SUITES[suite].key_algorithm:
            raise ProofError(SUITE_KEY_MISMATCH(suite=suite, needed=SUITES[suite].key_algorithm,
                                                algorithm=issuer.key.algorithm))  # fmt: skip


def _kind_of(document: dict[str, Any]) -> str | None:
    types = types_of(document)
    return next((k for k, names in KIND_TYPES.items() if set(names) & set(types)), None)


def _with_issuer(document: dict[str, Any], issuer_id: str) -> dict[str, Any]:
    current = document.get("issuer")
    if isinstance(current, dict):
        return {**document, "issuer": {**current, "id": issuer_id}}
    return {**document, "issuer": issuer_id}


def _status(issuer: Issuer, kinds: set[str], status_index: int | None) -> dict[str, str] | None:
    if "ob3" not in kinds:
        if status_index is not None:
            raise IssueError(STATUS_NOT_SUPPORTED())
        return None
    if status_index is None:
        if issuer.status_list is not None:
            raise IssueError(STATUS_INDEX_MISSING())
        return None
    if issuer.status_list is None:
        raise IssuerError(NO_STATUS_LIST())
    return issuer.status_list.entry(status_index)


def _documents(
    subject: Award | Mapping[str, Any], issuer: Issuer, kinds: set[str],
    entry: dict[str, str] | None, now: dt.datetime,
) -> dict[str, dict[str, Any]]:  # fmt: skip
    """Per kind, the unsigned credential, its data model checked (once: the signers are
    told not to check it again, whatever the number of formats)."""
    if not isinstance(subject, Mapping):  # an Award (whose module its maker has loaded)
        from ..standard.elements import Award

        if not isinstance(subject, Award):
            raise IssueError("issue an Award or an unsigned credential (a JSON object)",
                             code="unsupported_input")  # fmt: skip
        built = {k: build(subject, kind=k, issuer_id=issuer.id, now=now) for k in kinds}
        if entry is not None:
            built["ob3"] = {**built["ob3"], "credentialStatus": entry}
        for document in built.values():
            ensure_data_model(document)
        return built
    document = dict(subject)
    if entry is not None:
        if "credentialStatus" in document:
            raise StatusError(ALREADY_HAS_STATUS())
        document["credentialStatus"] = entry
    # The credential as given, its own issuer checked too: what _with_issuer changes
    # (the issuer's id, made the issuer's DID) cannot break the data model.
    ensure_data_model(document)
    if "proof" in document:
        raise ProofError(ALREADY_HAS_PROOF())
    kind = _kind_of(document)
    if kind is None or kinds != {kind}:
        wanted = [t for k in sorted(kinds) for t in KIND_TYPES[k][:1]]
        raise FormatError(WRONG_KIND(wanted_en=" or ".join(wanted), wanted_pl=" ani ".join(wanted)))
    if issuer.id is not None:
        document = _with_issuer(document, issuer.id)
    return {kind: document}


def _seal_organisation(document: dict[str, Any], credentials: SealCredentials) -> None:
    """The check ``verify`` makes of a sealed EDC (``issuer``), made before sealing."""
    organisation = credentials.organisation
    names = issuer_names(document)
    if not organisation or organisation not in names:
        listed = ", ".join(repr(n) for n in names)
        raise SealOrganisationError(SEAL_ORGANISATION_DIFFERS(
            organisation=organisation, names_en=listed or NO_NAMES.en,
            names_pl=listed or NO_NAMES.pl))  # fmt: skip


def issue(
    award_or_credential: Award | Mapping[str, Any],
    *,
    issuer: Issuer,
    formats: Sequence[str] = ("ob3",),
    suite: str = "eddsa-rdfc-2022",
    now: dt.datetime | None = None,
    status_index: int | None = None,
    timestamper: Callable[[bytes], bytes] | None = None,
) -> Issued:
    """The credentials of an award (or of one unsigned credential, of the formats' kind),
    secured in every format of ``formats`` (:data:`FORMATS`) by ``issuer``.

    ``now`` (default: the clock) is the proofs' ``created``, the e-seal's ``sigT`` and,
    for an award without one, the date of issue. ``suite`` is the Data Integrity
    cryptosuite. ``status_index`` is the credential's entry in the issuer's status list,
    which the Open Badges documents carry; which entries are free is the caller's record
    (pick one at random among them: Bitstring Status List 1.0 §2.1, ``statusListIndex``).
    ``timestamper`` adds a signature time-stamp to each e-seal
    (:func:`~.jades.rfc3161_timestamper`: the only network use, the caller's choice).

    An unsigned credential keeps everything but its issuer id (set to ``issuer.id``
    when the issuer has one). Raises on misuse (see the module) and returns nothing then.
    """
    moment = _utc(now)
    chosen = _formats(formats)
    _check_issuer(issuer, chosen, suite)
    if timestamper is not None and all(FORMATS[f][1] != _JADES for f in chosen):
        raise IssueError(TIMESTAMP_WITHOUT_SEAL())
    kinds = {FORMATS[f][0] for f in chosen}
    entry = _status(issuer, kinds, status_index)
    documents = _documents(award_or_credential, issuer, kinds, entry, moment)
    if "edc" in chosen and issuer.seal is not None:
        _seal_organisation(documents["edc"], issuer.seal)
    secured: dict[str, dict[str, Any] | str] = {}
    for fmt in chosen:
        kind, securing = FORMATS[fmt]
        secured[fmt] = _secure(documents[kind], securing, issuer, suite, moment, timestamper)
    ids = {fmt: documents[FORMATS[fmt][0]]["id"] for fmt in chosen
           if isinstance(documents[FORMATS[fmt][0]].get("id"), str)}  # fmt: skip
    return Issued(MappingProxyType(secured), MappingProxyType(ids), entry)


def _secure(
    document: dict[str, Any], securing: str, issuer: Issuer, suite: str, now: dt.datetime,
    timestamper: Callable[[bytes], bytes] | None,
) -> dict[str, Any] | str:  # fmt: skip
    if securing == _JADES:
        assert issuer.seal is not None  # noqa: S101 - _check_issuer
        from .jades import add_signature_timestamp, seal

        sealed = seal(document, key=issuer.seal.key, certificates=list(issuer.seal.certificates),
                      signing_time=now)  # fmt: skip
        return add_signature_timestamp(sealed, timestamper) if timestamper else sealed
    assert issuer.key is not None  # noqa: S101 - _check_issuer
    if securing == _JWT:
        from .vc_jose import sign_jwt

        return sign_jwt(document, issuer.key, kid=issuer.verification_method,
                        check_data_model=False)  # fmt: skip
    return sign(document, issuer.key, suite=suite, created=now,
                verification_method=issuer.verification_method,
                check_data_model=False)  # fmt: skip
