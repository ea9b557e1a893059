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
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ...standard.elements import Award
from .._json import DuplicateKeyError, loads_strict
from ..baking import extract, extract_pdf
from ..baking import pdf as baking_pdf
from ..data_integrity import DEFAULT_SUITES, ProofResult
from ..dids import Resolver
from ..errors import BakingError
from ..formats import detect, is_jades
from .checks import (
    check_contexts,
    check_data_model,
    check_dates,
    check_eu_elements,
    check_issuer_binding,
    check_proof,
    check_schema,
    check_status,
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
    """Nesting depth, iteratively (a recursive walk is what a hostile document targets)."""
    deepest, stack = 0, [(node, 1)]
    while stack:
        item, depth = stack.pop()
        deepest = max(deepest, depth)
        if deepest > limit:
            return deepest
        if isinstance(item, dict):
            stack.extend((value, depth + 1) for value in item.values())
        elif isinstance(item, list):
            stack.extend((value, depth + 1) for value in item)
    return deepest


def _format_failure(code: str, en: str, pl: str, fmt: str = "unknown") -> VerificationReport:
    return VerificationReport(fmt, (Check("format", CheckStatus.FAIL, code, en, pl),))


_IMAGE_ERRORS_PL = {
    "no_credential": "obraz nie zawiera poświadczenia",
    "multiple_credentials": "obraz zawiera więcej niż jedno poświadczenie",
    "unsafe_svg": "odrzucono niebezpieczny plik SVG (encje lub deklaracje w DTD)",
    "ambiguous_credential": (
        "element openbadges:credential ma atrybut verify i inną treść — nie wiadomo, "
        "które jest poświadczeniem"
    ),
}


def _load(anything: Any) -> tuple[str, dict[str, Any] | bytes | None, VerificationReport | None]:
    """(format, document or compact JWS, None) or (format, None, a failed report)."""
    if isinstance(anything, dict):
        return "json", anything, None
    if isinstance(anything, str):
        anything = anything.encode("utf-8")
    if not isinstance(anything, bytes | bytearray):
        failure = _format_failure("unsupported_input", "unsupported input",
                                  "nieobsługiwane dane wejściowe")  # fmt: skip
        return "unknown", None, failure
    data = bytes(anything)
    if len(data) > MAX_BYTES:
        failure = _format_failure("too_large", f"larger than {MAX_BYTES} bytes",
                                  f"większe niż {MAX_BYTES} bajtów")  # fmt: skip
        return "unknown", None, failure
    fmt: str = detect(data)
    if fmt == "pdf":  # a PDF's attachments are credentials: a PDF in a PDF is not opened
        failure = _format_failure("pdf_in_pdf", "a PDF attached to a PDF is not opened",
                                  "PDF załączony do PDF nie jest otwierany", fmt)  # fmt: skip
        return fmt, None, failure
    if fmt in ("png", "svg"):
        try:
            data = extract(data).encode("utf-8")
        except BakingError as exc:
            polish = _IMAGE_ERRORS_PL.get(exc.code, "nie można odczytać poświadczenia z obrazu")
            return fmt, None, _format_failure(exc.code, exc.message, polish, fmt)
        if detect(data) == "jwt":
            return f"{fmt}+jwt", data.strip(), None
    elif fmt == "jwt":
        return fmt, data.strip(), None
    try:
        document = loads_strict(data)
    except DuplicateKeyError as exc:
        polish = f"ten sam klucz występuje dwa razy w obiekcie JSON: {exc}"
        failure = _format_failure("duplicate_key", str(exc), polish, fmt)
        return fmt, None, failure
    except RecursionError:
        failure = _format_failure(
            "too_deep", "nested too deeply", "zbyt głębokie zagnieżdżenie", fmt
        )
        return fmt, None, failure
    except (UnicodeDecodeError, ValueError) as exc:
        failure = _format_failure("unreadable", f"not a JSON credential: {exc}"[:200],
                                  f"to nie jest poświadczenie JSON: {exc}"[:200], fmt)  # fmt: skip
        return fmt, None, failure
    if not isinstance(document, dict):
        failure = _format_failure("not_an_object", "the JSON is not an object",
                                  "JSON nie jest obiektem", fmt)  # fmt: skip
        return fmt, None, failure
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


_PDF_ERRORS_PL = {
    "no_attachments": "PDF nie zawiera poświadczenia cyfrowego",
    "not_a_pdf": "to nie jest plik PDF",
    "too_large": "PDF jest za duży",
    "malformed_pdf": "uszkodzony PDF lub zmieniony załącznik",
}


def _verify_pdf(pdf: bytes, how: _How) -> VerificationReport:
    """A printed certificate: every attached credential is verified on its own; the
    report is the main one's (OB 3.0 first), with one check per attachment."""
    try:
        attachments = extract_pdf(pdf, max_bytes=PDF_MAX_BYTES)
    except BakingError as exc:
        polish = _PDF_ERRORS_PL.get(exc.code, "nie można odczytać PDF")
        return _format_failure(exc.code, exc.message, polish, "pdf")

    names = baking_pdf.main_first(attachments)
    reports = {name: _verify_credential(attachments[name], how) for name in names}
    main = reports[names[0]]
    found = ", ".join(names)
    # The printed page is only a picture of the attached credentials: say so, so that no
    # one trusts an edited page whose attachments are genuine.
    checks = [
        Check("format", CheckStatus.PASS, "ok",
              f"PDF with {len(names)} credential(s): {found}; the printed page itself is "
              "not signed: trust the details in this report, not the page",
              f"PDF z poświadczeniami ({len(names)}): {found}; sama drukowana strona nie "
              "jest podpisana: wiążące są dane z tego raportu, nie ze strony")
    ]  # fmt: skip
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
    en = f"{name} ({report.format}): {report.result}" + (f": {failed.en}" if failed else "")
    pl = f"{name} ({report.format}): {report.result}" + (f": {failed.pl}" if failed else "")
    return Check(f"attachment {name}", status, str(report.result), en, pl)


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
        reason = f"internal error while verifying: {type(exc).__name__}"
        check = Check("format", CheckStatus.FAIL, "internal_error", reason,
                      f"błąd wewnętrzny podczas weryfikacji: {type(exc).__name__}")  # fmt: skip
        return VerificationReport("unknown", (check,))


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
            failed = (Check("format", CheckStatus.PASS, "ok", "compact JWS", "zwarty JWS"),
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
            unsealed = (Check("format", CheckStatus.PASS, "ok", "JAdES e-seal",
                              "e-pieczęć JAdES"), *seal_checks(sealed))  # fmt: skip
            return VerificationReport(fmt, unsealed, award=_claimed_award(sealed.document, how))
        loaded = sealed.document
    document = loaded
    assert document is not None  # noqa: S101 - _load returns a document or a failure
    if _depth(document, _MAX_DEPTH) > _MAX_DEPTH:
        return _format_failure("too_deep", f"nested more than {_MAX_DEPTH} levels",
                               f"zagnieżdżenie głębsze niż {_MAX_DEPTH} poziomów", fmt)  # fmt: skip
    label = fmt.upper().replace("JADES", "JAdES")  # JSON, JWT, PNG+JAdES …
    checks = [Check("format", CheckStatus.PASS, "ok", f"readable {label} document",
                    f"czytelny dokument {label}")]  # fmt: skip
    checks.append(check_schema(document))
    checks.append(check_data_model(document))
    checks.append(check_contexts(document))
    signer: Signer | None = None
    if sealed is not None:
        checks.extend(seal_checks(sealed))
        checks.append(seal_issuer_check(document, sealed))
        checks.extend(seal_warnings(sealed))
        if not seal_failed and sealed.certificate_sha256:
            # a seal is its certificate: a name anyone can put in a certificate of their own
            signer = Signer("seal", f"sha256:{sealed.certificate_sha256}", key=sealed.subject,
                            name=sealed.organisation)  # fmt: skip
    else:
        if jose is None:
            proof_result, proof = check_proof(document, how.resolver, how.allowed_suites)
        else:
            proof_result, proof = proof_check(jose), jose
        checks.append(proof_result)
        checks.append(check_issuer_binding(document, proof))
        if proof.verified and proof.method is not None:
            signer = Signer("did", proof.method.controller, key=proof.method.id)
    checks.append(check_dates(document, how.now, how.clock_skew))
    checks.append(check_status(document, how.status_fetcher, how.resolver, how.allowed_suites,
                               how.now, how.clock_skew))  # fmt: skip
    eu_check, compliance, award = check_eu_elements(document, how.now)
    checks.append(eu_check)
    bodies = award.spec.awarding_bodies[:1] if award else []
    claimed = [text for body in bodies for _, text in body.name.items()]
    trust, entry = trust_check(signer, how.trust_list, claimed)
    checks.append(trust)
    elements = {str(r.element): str(r.status) for r in compliance.elements} if compliance else {}
    verdict = str(compliance.verdict) if compliance else None
    return VerificationReport(fmt, tuple(checks), elements, verdict, document, award, signer,
                              entry.name if entry else None)  # fmt: skip
