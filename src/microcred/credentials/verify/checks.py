"""The individual checks of a credential, each returning a :class:`Check`.

Every function here takes untrusted data and never raises: a problem is a failed (or
warning) check with a code and a reason in English and Polish, made from a constant of
:mod:`.messages` (``Check.of(name, status, MESSAGE(**params))``).
"""

from __future__ import annotations

__all__ = [
    "check_contexts",
    "check_data_model",
    "check_dates",
    "check_eu_elements",
    "check_issuer_binding",
    "check_proof",
    "check_schema",
    "check_status",
    "proof_check",
    "seal_checks",
    "seal_issuer_check",
    "seal_warnings",
]

import datetime as dt
import json
from collections.abc import Callable
from importlib import resources
from typing import TYPE_CHECKING, Any

from ...standard.caching import cached
from ...standard.compliance import ComplianceReport, check
from ...standard.elements import Award
from ...standard.errors import MicrocredError
from ...standard.messages import Reason
from .._json import issuer_names, types_of
from ..data_integrity import ProofResult, verify_proof
from ..dids import Resolver
from ..edc import from_edc
from ..jsonld import contexts
from ..ob3 import EU_TERMS, from_ob3
from ..status import check_status as check_entries
from ..vc_data_model import data_model_problems
from . import messages as m
from .hidden import hidden_members
from .report import Check, CheckStatus

if TYPE_CHECKING:
    import jsonschema

    from ..jades import SealResult

P, F, W, NA = CheckStatus.PASS, CheckStatus.FAIL, CheckStatus.WARNING, CheckStatus.NOT_APPLICABLE
I = CheckStatus.INDETERMINATE  # noqa: E741 - one letter like its siblings
_EXAMPLE_CONTEXTS = frozenset(url for url in contexts.PINNED if "/examples/" in url)


def _ob3_schema() -> dict[str, Any]:
    text = resources.files("microcred.credentials.ob3").joinpath(
        "schemas/achievementcredential.json"
    )
    schema: dict[str, Any] = json.loads(text.read_text(encoding="utf-8"))
    return schema


@cached(maxsize=1)
def _ob3_validator() -> jsonschema.Draft201909Validator:
    """The reference: jsonschema, which says where a document fails and why."""
    import jsonschema  # imported for the first invalid OB 3.0 credential, not with verify

    return jsonschema.Draft201909Validator(_ob3_schema())


@cached(maxsize=1)
def _ob3_fast_check() -> Callable[[Any], Any]:
    """The same schema compiled to Python by fastjsonschema (~15× quicker), used only to
    say "valid": anything it refuses, and anything that makes it raise, is decided by
    :func:`_ob3_validator`. Sound because its verdict "valid" implies jsonschema's: the
    schema has no ``$ref`` with sibling keywords (draft 2019-09 and draft 7 differ there),
    no ``default`` (``use_default=False`` anyway), formats are not asserted by either
    (jsonschema asserts them only with a format checker), and fastjsonschema's patterns
    are, if anything, stricter (``$`` read as end of string).
    ``tests/credentials/verify/test_schema_fast.py`` compares the two verdicts."""
    import fastjsonschema

    validate: Callable[[Any], Any] = fastjsonschema.compile(
        _ob3_schema(), use_default=False, use_formats=False, detailed_exceptions=False
    )
    return validate


def _ob3_fast_valid(document: dict[str, Any]) -> bool:
    try:
        _ob3_fast_check()(document)
    except Exception:  # any doubt goes to the reference validator
        return False
    return True


def check_schema(document: dict[str, Any]) -> Check:
    """OB 3.0 credentials against 1EdTech's JSON Schema; other VCs for the VC shape."""
    types = types_of(document)
    ob3 = "OpenBadgeCredential" in types or "AchievementCredential" in types
    if ob3 and _first_context(document) == _VC11:
        # Open Badges 3.0 was first issued on VC 1.1 (issuanceDate; DCC's wallets and many
        # university badges still are); 1EdTech's schema describes the VC 2.0 form only.
        return Check.of("schema", W, m.OB3_ON_VC11())
    if ob3:
        # VC DM 2.0 allows one proof object or a list; this schema build wants a list.
        shaped = document
        if isinstance(document.get("proof"), dict):
            shaped = {**document, "proof": [document["proof"]]}
        error = None
        if not _ob3_fast_valid(shaped):
            errors = sorted(_ob3_validator().iter_errors(shaped), key=lambda e: list(e.path))
            error = errors[0] if errors else None
        if error is None:
            return Check.of("schema", P, m.OB3_SCHEMA_VALID(), code="ok")
        where = "/".join(str(p) for p in error.absolute_path) or _ROOT
        return Check.of("schema", F, m.SCHEMA_INVALID(where=where, error=error.message[:160]))
    if "EuropeanDigitalCredential" in types:
        return _check_edc_shapes(document)
    if "VerifiableCredential" not in types:
        return Check.of("schema", F, m.NOT_A_CREDENTIAL())
    missing = [k for k in ("issuer", "credentialSubject") if k not in document]
    if missing:
        missing_members = m.MEMBERS_MISSING(members=", ".join(missing))
        return Check.of("schema", F, missing_members, code="schema_invalid")
    return Check.of("schema", P, m.VC_MEMBERS_PRESENT(), code="ok")


_VC11 = "https://www.w3.org/2018/credentials/v1"
_ROOT = "(root)"  # where a JSON Schema error or a data model problem is the whole document


def _first_context(document: dict[str, Any]) -> Any:
    context = document.get("@context")
    return context[0] if isinstance(context, list) and context else context


def _check_edc_shapes(document: dict[str, Any]) -> Check:
    """EDCs against the EU's SHACL shapes. A violation is a warning, not a failure: the
    shapes have versions, and EDCs issued under another one (the EU's own samples
    among them) are still credentials whose proof and issuer decide their validity."""
    # pySHACL and rdflib (~0.15 s to import) are loaded for the first EDC, not with verify:
    # most credentials are Open Badges, which never need them.
    from ..edc import shacl

    unsecured = {k: v for k, v in document.items() if k != "proof"}
    try:
        violations = shacl.validate(unsecured)
    except MicrocredError as exc:
        unreadable = m.EDC_UNREADABLE(error_en=exc.text("en"), error_pl=exc.text("pl"))
        return Check.of("schema", F, unreadable, code=exc.code)
    if not violations:
        return Check.of("schema", P, m.EDC_SHAPES_CONFORM(), code="ok")
    if len(violations) == 1:
        return Check.of("schema", W, m.EDC_SHAPES(violation=violations[0]))
    shapes = m.EDC_SHAPES_MORE(violation=violations[0], more=len(violations) - 1)
    return Check.of("schema", W, shapes, code="edc_shapes")


def check_contexts(document: dict[str, Any]) -> Check:
    """Every ``@context`` URL is pinned; example contexts are flagged; so are contexts
    embedded in the document, except microcred's own EU terms: such terms mean what the
    issuer wrote, which a verifier can read but no published vocabulary vouches for."""
    urls: list[str] = []
    embedded = 0

    def walk(node: Any) -> None:
        nonlocal embedded
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "@context":
                    items = value if isinstance(value, list) else [value]
                    urls.extend(item for item in items if isinstance(item, str))
                    embedded += sum(isinstance(i, dict) and i != EU_TERMS for i in items)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(document)
    unknown = [u for u in urls if u not in contexts.PINNED]
    if unknown:
        return Check.of("contexts", F, m.UNKNOWN_CONTEXT(url=unknown[0]))
    hidden = hidden_members(document)
    if hidden is None:
        return Check.of("contexts", F, m.UNREADABLE_JSONLD())
    if hidden:
        return Check.of("contexts", F, m.HIDDEN_MEMBER(names=", ".join(hidden)))
    examples = [u for u in urls if u in _EXAMPLE_CONTEXTS]
    if examples:
        return Check.of("contexts", W, m.EXAMPLE_CONTEXT(url=examples[0]))
    if embedded:
        return Check.of("contexts", W, m.EMBEDDED_CONTEXT())
    return Check.of("contexts", P, m.CONTEXTS_PINNED(), code="ok")


def check_proof(
    document: dict[str, Any], resolver: Resolver, suites: frozenset[str]
) -> tuple[Check, ProofResult]:
    """The Data Integrity proof, or every proof of a proof set or chain, by the caller's
    resolver and allowed suites; the result is the one the credential stands on, with
    every proof's own result in ``proofs`` (see ``verify_proof``)."""
    result = verify_proof(document, resolver=resolver, allowed_suites=suites)
    return proof_check(result), result


def proof_check(result: ProofResult) -> Check:
    """A proof (Data Integrity or JOSE) result as a check; for a proof set or chain, the
    check names every proof's outcome: valid, failed, or not checked (a type or suite
    not known or not allowed here, or a chain link after an unverified proof)."""
    if len(result.proofs) <= 1:  # one proof (or a JWS): the check is that proof's
        status = P if result.verified else F
        return Check("proof", status, result.code, result.reason, _proof_pl(result))
    parts = []
    for number, one in enumerate(result.proofs, start=1):
        if one.verified:
            by = one.method.id if one.method else one.proof.get("verificationMethod")
            parts.append(m.PROOF_SET_VALID(number=number, suite=one.suite, by=by))
        else:
            outcome = m.PROOF_SET_FAILED if one.checked else m.PROOF_SET_NOT_CHECKED
            parts.append(outcome(number=number, reason_en=one.reason, reason_pl=_proof_pl(one)))
    count = len(result.proofs)
    few = count % 10 in (2, 3, 4) and count % 100 not in (12, 13, 14)  # Polish plurals
    proofs = (m.PROOF_SET_FEW if few else m.PROOF_SET_MANY)(
        count=count, proofs_en="; ".join(p.en for p in parts),
        proofs_pl="; ".join(p.pl for p in parts))  # fmt: skip
    return Check.of("proof", P if result.verified else F, proofs, code=result.code)


def _proof_pl(one: ProofResult) -> str:
    """What a proof's result says, in Polish (its English is the result's ``reason``)."""
    if one.verified:
        by = one.method.id if one.method else one.proof.get("verificationMethod")
        return m.PROOF_VALID.text("pl", suite=one.suite, by=by)
    if one.code == "unsupported_proof":
        return m.PROOF_UNSUPPORTED_TYPE.text("pl", type=one.proof.get("type"))
    if one.code == "suite_not_allowed" and one.suite:
        return m.PROOF_SUITE_NOT_ALLOWED.text("pl", suite=one.suite)
    return m.PROOF_FAILURES.get(one.code, m.PROOF_INVALID).pl


def seal_checks(sealed: SealResult) -> list[Check]:
    """A JAdES e-seal as the proof check; an indeterminate seal (valid signature, expired
    or later revoked certificate, no proof of existence) as a passed signature check and
    an undecided proof check; revocation data carried in the seal as a revocation check."""
    from ..jades import Indication  # loaded with the first sealed EDC, not with verify

    signer = sealed.organisation or sealed.subject
    if sealed.verified:
        valid = (
            m.SEAL_VALID(algorithm=sealed.algorithm, signer=signer)
            if sealed.validated_at is None
            else m.SEAL_VALID_TIMESTAMPED(algorithm=sealed.algorithm, signer=signer,
                                          at=sealed.validated_at)
        )  # fmt: skip
        checks = [Check.of("proof", P, valid, code="ok")]
    elif sealed.indication is Indication.INDETERMINATE:
        signature = m.SEAL_SIGNATURE_VALID(algorithm=sealed.algorithm, signer=signer)
        checks = [
            Check.of("signature", P, signature, code="ok"),
            Check("proof", I, sealed.code, sealed.reason, sealed.reason_pl),
        ]
    else:
        return [Check("proof", F, sealed.code, sealed.reason, sealed.reason_pl)]
    claimed = any(w.code == "revocation_at_claimed_time" for w in sealed.warnings)
    if (found := sealed.revocation) is not None and not claimed:  # else: an e-seal warning
        carried = m.SEAL_NOT_REVOKED(kind=found.kind, signer=found.signer, as_of=found.as_of)
        checks.append(Check.of("revocation", P, carried, code="ok"))
    return checks


def seal_issuer_check(document: dict[str, Any], sealed: SealResult) -> Check:
    """The sealing certificate's organisation against the credential's issuer name."""
    organisation = sealed.organisation or ""
    if organisation and organisation in issuer_names(document):
        return Check.of("issuer", P, m.SEALED_BY_ISSUER(organisation=organisation), code="ok")
    differs = (
        m.SEAL_ORGANISATION_DIFFERS(organisation=organisation)
        if organisation
        else m.SEAL_ORGANISATION_UNNAMED()
    )
    return Check.of("issuer", F, differs, code=m.SEAL_ORGANISATION_DIFFERS.code)


def seal_warnings(sealed: SealResult) -> list[Check]:
    """What an offline e-seal check cannot establish, each as a warning."""
    return [Check("e-seal", W, w.code, w.reason, w.reason_pl) for w in sealed.warnings]


def check_issuer_binding(document: dict[str, Any], proof: ProofResult) -> Check:
    """The verification method belongs to the issuer and is listed under assertionMethod."""
    if not proof.verified or proof.method is None:
        return Check.of("issuer", NA, m.NO_VALID_PROOF())
    issuer = document.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    if not isinstance(issuer_id, str):
        return Check.of("issuer", F, m.NO_ISSUER())
    method = proof.method
    if method.controller != issuer_id or method.id.split("#", 1)[0] != issuer_id:
        return Check.of("issuer", F, m.ISSUER_MISMATCH(controller=method.controller,
                                                       issuer=issuer_id))  # fmt: skip
    if "assertionMethod" not in method.relationships:
        return Check.of("issuer", F, m.NOT_ASSERTION_METHOD(method=method.id))
    return Check.of("issuer", P, m.SIGNED_BY_ISSUER(issuer=issuer_id), code="ok")


def parse_time(value: Any) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def check_dates(document: dict[str, Any], now: dt.datetime, skew: dt.timedelta) -> Check:
    """validFrom / validUntil (VC 2.0) or issuanceDate / expirationDate (VC 1.1)."""
    start_raw = document.get("validFrom", document.get("issuanceDate"))
    end_raw = document.get("validUntil", document.get("expirationDate"))
    start, end = parse_time(start_raw), parse_time(end_raw)
    if (start_raw is not None and start is None) or (end_raw is not None and end is None):
        return Check.of("dates", F, m.MALFORMED_DATE())
    if start and start > now + skew:
        return Check.of("dates", F, m.NOT_YET_VALID(start=start_raw))
    if end and end < now - skew:
        return Check.of("dates", F, m.EXPIRED(end=end_raw))
    if end:
        return Check.of("dates", P, m.VALID_UNTIL(end=end_raw), code="ok")
    return Check.of("dates", P, m.NO_EXPIRY(), code="ok")


def check_status(
    document: dict[str, Any],
    fetcher: Callable[[str], Any] | None,
    resolver: Resolver,
    suites: frozenset[str],
    now: dt.datetime,
    skew: dt.timedelta,
) -> Check:
    """Revocation/suspension status. Without a way to check it, the status is unknown."""
    if "credentialStatus" not in document:
        return Check.of("status", NA, m.NO_STATUS())
    if fetcher is None:
        return Check.of("status", W, m.STATUS_OFFLINE())

    def verify_list(listing: dict[str, Any]) -> tuple[bool, Reason | str]:
        proof_check, proof = check_proof(listing, resolver, suites)
        if proof_check.status is not P:
            return False, Reason(proof_check.code, proof_check.en, proof_check.pl)
        issuer = check_issuer_binding(listing, proof)
        dates = check_dates(listing, now, skew)
        shape = check_data_model(listing)
        failed = next((c for c in (issuer, dates, shape) if c.status is F), None)
        if failed:
            return False, Reason(failed.code, failed.en, failed.pl)
        return True, "ok"

    results = check_entries(document, fetcher=fetcher, verify_list=verify_list)
    # how a list served from another URL than its id was accepted (the status module's
    # note, naming both)
    notes = [r.noted for r in results if r.noted]
    noted = {"notes_en": "".join(f"; {note.en}" for note in notes),
             "notes_pl": "".join(f"; {note.pl}" for note in notes)}  # fmt: skip
    for result in results:
        if result.state in ("revoked", "suspended"):
            state = m.REVOKED if result.state == "revoked" else m.SUSPENDED
            return Check.of("status", F, state(**noted), code=result.code)
    unknown = next((r for r in results if r.state == "unknown"), None)
    if unknown:  # the status module's reason, in either language
        said = unknown.said
        because = m.STATUS_UNKNOWN_BECAUSE(reason_en=said.en, reason_pl=said.pl)
        return Check.of("status", W, because, code=unknown.code)
    purposes = ", ".join(sorted({r.purpose for r in results}))
    return Check.of("status", P, m.NOT_REVOKED(purposes=purposes, **noted), code="ok")


def check_eu_elements(
    document: dict[str, Any], now: dt.datetime
) -> tuple[Check, ComplianceReport | None, Award | None]:
    """Which EU micro-credential elements the credential carries, the verdict, and the
    award read from the credential."""
    types = types_of(document)
    reader: Callable[[Any], Any]
    if "OpenBadgeCredential" in types or "AchievementCredential" in types:
        reader = from_ob3
    elif "EuropeanDigitalCredential" in types:
        reader = from_edc
    else:
        return Check.of("eu-elements", NA, m.NOT_A_MICROCREDENTIAL_FORMAT()), None, None
    try:
        award = reader(document)
        report = check(award, now=now)
    except MicrocredError as exc:
        unreadable = m.EU_ELEMENTS_UNREADABLE(error_en=exc.text("en"), error_pl=exc.text("pl"))
        return Check.of("eu-elements", W, unreadable, code=exc.code), None, None
    verdict = report.verdict
    status = P if report.is_micro_credential else W
    labels = {"verdict_en": verdict.label("en"), "verdict_pl": verdict.label("pl")}
    said: Reason = m.EU_VERDICT(**labels)
    if report.verdict_reasons:  # why it is not a (complete) micro-credential
        said = m.EU_VERDICT_BECAUSE(
            **labels,
            reasons_en="; ".join(reason.text("en") for reason in report.verdict_reasons),
            reasons_pl="; ".join(reason.text("pl") for reason in report.verdict_reasons),
        )
    return Check.of("eu-elements", status, said, code=str(verdict)), report, award


# VC DM 2.0 §5.8 reads a date-time without a time zone as UTC: a flaw of the issuer's,
# refused when microcred signs, but not a reason to reject a credential someone holds.
_DATA_MODEL_WARNINGS = frozenset({"date_without_timezone"})


def check_data_model(document: dict[str, Any]) -> Check:
    """The VC Data Model's MUSTs (§7.1: a non-conforming document is an error even
    when its proof holds); every problem is named, the first one's code is the check's."""
    problems = data_model_problems(document)
    if not problems:
        return Check.of("data-model", P, m.DATA_MODEL_MET(), code="ok")
    failing = [p for p in problems if p.code not in _DATA_MODEL_WARNINGS]
    shown = failing or problems
    each = [m.DATA_MODEL_PROBLEM(path=p.path or _ROOT, problem_en=p.en, problem_pl=p.pl)
            for p in shown[:5]]  # fmt: skip
    listed = Reason(shown[0].code, "; ".join(r.en for r in each), "; ".join(r.pl for r in each))
    if len(shown) > 5:
        listed = m.DATA_MODEL_MORE(problems_en=listed.en, problems_pl=listed.pl,
                                   more=len(shown) - 5)  # fmt: skip
    return Check.of("data-model", F if failing else W, listed, code=shown[0].code)
