"""The verification pipeline behind :func:`verify` (the package re-exports it).

``verify(anything)`` first tells the format (:func:`..formats.detect`): a PDF certificate
is opened and each attached credential verified on its own (:func:`_verify_pdf`); a PNG
or SVG badge gives up its baked credential (:func:`..baking.extract`); a compact JWS is
checked as VC-JOSE, a JAdES envelope as an e-seal; then the credential inside goes
through the checks of :mod:`.checks`, in order: format, schema, data model, contexts,
proof, issuer binding, validity dates, status, EU elements, trust.

What a document needs is imported when one arrives: pypdf for a PDF (in
:mod:`..baking.pdf`), joserfc for a JWT, the JAdES code (X.509, CMS time-stamps) for a
sealed EDC, fastjsonschema for an Open Badge (jsonschema to explain an invalid one) and
pySHACL for a European Digital Credential (in :mod:`.checks`), so that importing
``microcred.credentials.verify`` stays quick for a web worker or a one-file
``microcred verify`` (``bench/startup.py``;
``tests/credentials/verify/test_imports.py`` keeps WeasyPrint, pySHACL, rdflib and pypdf
out of the import).
"""

from __future__ import annotations

__all__ = ["MAX_BYTES", "PDF_MAX_BYTES", "verify"]

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from ...standard.elements import Award
from ...standard.errors import MicrocredError
from ...standard.messages import Message, Reason
from .._json import DuplicateKeyError, loads_strict
from ..baking import extract, extract_pdf
from ..baking import pdf as baking_pdf
from ..data_integrity import DEFAULT_SUITES, ProofResult
from ..dids import Resolver
from ..errors import BakingError
from ..formats import detect, is_jades
from . import messages as m
from .checks import (
    check_contexts,
    check_data_model,
    check_dates,
    check_eu_elements,
    check_issuer_binding,
    check_proof,
    check_schema,
    check_status,
    parse_time,
    proof_check,
    seal_checks,
    seal_issuer_check,
    seal_warnings,
)
from .report import Check, CheckStatus, Result, Signer, VerificationReport
from .trust import TrustList, trust_check

if TYPE_CHECKING:
    from ..jades import SealResult

#: the largest credential read (JSON, JWT, badge image)
MAX_BYTES = 1024 * 1024
#: the largest PDF certificate read (its attachments together, decompressed, too)
PDF_MAX_BYTES = baking_pdf.MAX_BYTES
_MAX_DEPTH = 64


def _depth(node: Any, limit: int) -> int:
    """Nesting depth (a value inside a container is one level deeper than it), level by
    level without recursion (a recursive walk is what a hostile document targets), and
    stopping once past ``limit``. Only containers are carried from one level to the
    next: a credential's ~400 strings and numbers are counted, never visited."""
    deepest = 1
    level = [node] if isinstance(node, dict | list) else []
    while level and deepest <= limit:
        children = [child for item in level
                    for child in (item.values() if isinstance(item, dict) else item)]  # fmt: skip
        if children:
            deepest += 1
        level = [child for child in children if isinstance(child, dict | list)]
    return deepest


def _format_failure(
    reason: Reason, fmt: str = "unknown", code: str | None = None
) -> VerificationReport:
    return VerificationReport(fmt, (Check.of("format", CheckStatus.FAIL, reason, code),))


def _error_reason(exc: MicrocredError, polish: Mapping[str, Message], other: Message) -> Reason:
    """An error of a lower layer as a reason with its code: its own text in both
    languages when it has them, else its English and the Polish ``polish`` has for its
    code (``other`` for a code it does not know)."""
    if exc.reason is not None:
        return exc.reason
    return Reason(exc.code, exc.message, polish.get(exc.code, other).pl)


def _load(anything: Any) -> tuple[str, dict[str, Any] | bytes | None, VerificationReport | None]:
    """(format, document or compact JWS, None) or (format, None, a failed report)."""
    if isinstance(anything, dict):
        return "json", anything, None
    if not isinstance(anything, bytes | bytearray):
        return "unknown", None, _format_failure(m.UNSUPPORTED_INPUT())
    data = bytes(anything)
    if len(data) > MAX_BYTES:
        return "unknown", None, _format_failure(m.TOO_LARGE(limit=MAX_BYTES))
    fmt = detect(data)
    if fmt == "pdf":  # a PDF's attachments are credentials: a PDF in a PDF is not opened
        return fmt, None, _format_failure(m.PDF_IN_PDF(), fmt)
    if fmt in ("png", "svg"):
        try:
            data = extract(data).encode("utf-8")
        except BakingError as exc:
            reason = _error_reason(exc, m.IMAGE_ERRORS, m.IMAGE_UNREADABLE)
            return fmt, None, _format_failure(reason, fmt)
        if detect(data) == "jwt":
            return f"{fmt}+jwt", data.strip(), None
    elif fmt == "jwt":
        return fmt, data.strip(), None
    try:
        document = loads_strict(data)
    except DuplicateKeyError as exc:
        duplicate = m.DUPLICATE_KEY(error_en=exc.text("en"), error_pl=exc.text("pl"))
        return fmt, None, _format_failure(duplicate, fmt)
    except RecursionError:
        return fmt, None, _format_failure(m.TOO_DEEP(), fmt)
    except (UnicodeDecodeError, ValueError) as exc:
        unreadable = m.UNREADABLE(error=exc)
        unreadable = dataclasses.replace(unreadable, en=unreadable.en[:200],
                                         pl=unreadable.pl[:200])  # fmt: skip
        return fmt, None, _format_failure(unreadable, fmt)
    if not isinstance(document, dict):
        return fmt, None, _format_failure(m.NOT_AN_OBJECT(), fmt)
    return fmt, document, None


@dataclasses.dataclass(frozen=True)
class _How:
    """How to verify: the arguments of :func:`verify`, resolved, passed down as one."""

    now: dt.datetime
    clock_skew: dt.timedelta
    resolver: Resolver
    allowed_suites: frozenset[str]
    status_fetcher: Callable[[str], Any] | None
    trust_list: TrustList | None = None


def _claimed_award(document: Any, how: _How) -> Award | None:
    """What a credential that failed verification claims (say, one whose seal certificate
    has expired), so that a report can show it as not confirmed."""
    if not isinstance(document, dict) or _depth(document, _MAX_DEPTH) > _MAX_DEPTH:
        return None
    return check_eu_elements(document, how.now)[2]


def _verify_pdf(pdf: bytes, how: _How) -> VerificationReport:
    """A printed certificate: every attached credential is verified on its own; the
    report is the main one's (OB 3.0 first), with one check per attachment."""
    try:
        attachments = extract_pdf(pdf, max_bytes=PDF_MAX_BYTES)
    except BakingError as exc:
        return _format_failure(_error_reason(exc, m.PDF_ERRORS, m.PDF_UNREADABLE), "pdf")

    names = baking_pdf.main_first(attachments)
    reports = {name: _verify_credential(attachments[name], how) for name in names}
    main = reports[names[0]]
    found = ", ".join(names)
    # The printed page is only a picture of the attached credentials: say so, so that no
    # one trusts an edited page whose attachments are genuine.
    attached = m.PDF_ATTACHMENTS(count=len(names), names=found)
    checks = [Check.of("format", CheckStatus.PASS, attached, code="ok")]
    # The main credential's own format check goes too, unless it failed: an attachment
    # that cannot be read must fail the PDF, not leave it with no failed check at all.
    checks += [c for c in main.checks if not (c.name == "format" and c.status is CheckStatus.PASS)]
    for name in names[1:]:
        checks.append(_attachment_check(name, reports[name]))
    return dataclasses.replace(main, format=f"pdf+{main.format}", checks=tuple(checks))


def _attachment_check(name: str, report: VerificationReport) -> Check:
    """One more credential attached to a PDF, summed up as a check."""
    if report.verified:
        status = CheckStatus.PASS
    elif report.result is Result.STATUS_UNKNOWN:
        status = CheckStatus.WARNING
    elif report.result is Result.INDETERMINATE:
        status = CheckStatus.INDETERMINATE
    else:
        status = CheckStatus.FAIL
    undecided = (CheckStatus.FAIL, CheckStatus.INDETERMINATE)
    failed = next((c for c in report.checks if c.status in undecided), None)
    result = {"result_en": str(report.result), "result_pl": report.result.label("pl").lower()}
    summed = (
        m.ATTACHMENT_FAILED(name=name, format=report.format, **result, failure_en=failed.en,
                            failure_pl=failed.pl)
        if failed else m.ATTACHMENT(name=name, format=report.format, **result)
    )  # fmt: skip
    return Check.of(f"attachment {name}", status, summed, code=str(report.result))


def verify(
    anything: Any,
    *,
    now: dt.datetime | None = None,
    clock_skew: dt.timedelta = dt.timedelta(minutes=5),
    resolver: Resolver | None = None,
    allowed_suites: frozenset[str] = DEFAULT_SUITES,
    status_fetcher: Callable[[str], Any] | None = None,
    trust_list: TrustList | None = None,
) -> VerificationReport:
    """Verify a credential (see :mod:`microcred.credentials.verify`). Never raises on
    untrusted input.

    ``status_fetcher(url)`` returns a status list credential (parsed JSON); without one,
    a credential with ``credentialStatus`` is "status unknown", never "valid".
    ``trust_list`` is the register of recognised issuers the ``trust`` check asks about
    the signer; without one, the issuer is reported as not confirmed.
    """
    try:
        how = _How(now or dt.datetime.now(dt.UTC), clock_skew, resolver or Resolver(),
                   allowed_suites, status_fetcher, trust_list)  # fmt: skip
        return _verify(anything, how)
    except Exception as exc:  # the last line of defence: a bug must not become a crash
        return _format_failure(m.INTERNAL_ERROR(error=type(exc).__name__))


def _verify(anything: Any, how: _How) -> VerificationReport:
    if isinstance(anything, str):
        anything = anything.encode("utf-8")
    if isinstance(anything, bytes | bytearray) and detect(bytes(anything)) == "pdf":
        return _verify_pdf(bytes(anything), how)
    return _verify_credential(anything, how)


def _verify_credential(anything: Any, how: _How) -> VerificationReport:
    """One credential: JSON, a JWT, a JAdES envelope, or a badge holding one of them."""
    fmt, loaded, failure = _load(anything)
    if failure is not None:
        return failure
    jose: ProofResult | None = None
    if isinstance(loaded, bytes):
        from ..vc_jose import verify_jwt  # joserfc is loaded with the first JWT

        jose, payload = verify_jwt(loaded, resolver=how.resolver)
        if payload is None:
            failed = (Check.of("format", CheckStatus.PASS, m.COMPACT_JWS(), code="ok"),
                      proof_check(jose))  # fmt: skip
            return VerificationReport(fmt, failed)
        loaded = payload
    sealed: SealResult | None = None
    seal_failed = False
    if is_jades(loaded):
        # X.509 and CMS time-stamp code (asn1crypto) is loaded with the first sealed EDC.
        from ..jades import Indication, verify_seal

        fmt = "jades" if fmt == "json" else f"{fmt}+jades"
        sealed = verify_seal(loaded, now=how.now, clock_skew=how.clock_skew)
        seal_failed = sealed.indication is Indication.FAILED
        # An indeterminate seal (valid signature, expired certificate) is checked through:
        # the report says everything else about it, and its result stays indeterminate.
        if sealed.document is None or seal_failed:
            unsealed = (Check.of("format", CheckStatus.PASS, m.JADES_ENVELOPE(), code="ok"),
                        *seal_checks(sealed))  # fmt: skip
            return VerificationReport(fmt, unsealed, award=_claimed_award(sealed.document, how))
        loaded = sealed.document
    document = loaded
    assert document is not None  # noqa: S101 - _load returns a document or a failure
    if _depth(document, _MAX_DEPTH) > _MAX_DEPTH:
        return _format_failure(m.NESTED_TOO_DEEP(levels=_MAX_DEPTH), fmt, code="too_deep")
    label = fmt.upper().replace("JADES", "JAdES")  # JSON, JWT, PNG+JAdES …
    checks = [Check.of("format", CheckStatus.PASS, m.READABLE_DOCUMENT(format=label), code="ok")]
    checks.append(check_schema(document))
    checks.append(check_data_model(document))
    checks.append(check_contexts(document))
    signer: Signer | None = None
    signed_at: dt.datetime | None = None
    if sealed is not None:
        checks.extend(seal_checks(sealed))
        checks.append(seal_issuer_check(document, sealed))
        checks.extend(seal_warnings(sealed))
        if not seal_failed and sealed.certificate_sha256:
            # a seal is its certificate: a name anyone can put in a certificate of their own
            signer = Signer("seal", f"sha256:{sealed.certificate_sha256}", key=sealed.subject,
                            name=sealed.organisation)  # fmt: skip
            # when it was sealed, for a trust list with history: the seal's claimed
            # signing time (sigT), as a Data Integrity proof's "created" below
            signed_at = sealed.signing_time
    else:
        if jose is None:
            proof_result, proof = check_proof(document, how.resolver, how.allowed_suites)
        else:
            proof_result, proof = proof_check(jose), jose
        checks.append(proof_result)
        checks.append(check_issuer_binding(document, proof))
        if proof.verified and proof.method is not None:
            signer = Signer("did", proof.method.controller, key=proof.method.id)
            # when it was signed, for a trust list with history: a Data Integrity proof's
            # "created", else (below) the credential's validFrom
            signed_at = parse_time(proof.proof.get("created"))
    checks.append(check_dates(document, how.now, how.clock_skew))
    checks.append(check_status(document, how.status_fetcher, how.resolver, how.allowed_suites,
                               how.now, how.clock_skew))  # fmt: skip
    eu_check, compliance, award = check_eu_elements(document, how.now)
    checks.append(eu_check)
    bodies = award.spec.awarding_bodies[:1] if award else []
    claimed = [text for body in bodies for _, text in body.name.items()]
    issued = signed_at or parse_time(document.get("validFrom", document.get("issuanceDate")))
    trust, entry = trust_check(signer, how.trust_list, claimed, at=issued)
    checks.append(trust)
    elements = {str(r.element): str(r.status) for r in compliance.elements} if compliance else {}
    verdict = str(compliance.verdict) if compliance else None
    return VerificationReport(fmt, tuple(checks), elements, verdict, document, award, signer,
                              entry.name if entry else None)  # fmt: skip
