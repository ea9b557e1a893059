"""``microcred verify FILE…``: verify credentials offline.

One line per file (``--json``: one JSON object per line with ``file``, ``verified``,
``checks``, ``eu_elements``, ``verdict``). Exit 0 when every file verified, 1 when any
did not, 2 on a usage error or an unreadable file. Every word of the human report and
of its errors is a message constant below, said in ``--lang``.
"""

from __future__ import annotations

__all__ = ["verify_command"]

import datetime as dt
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from ..credentials.dids import Resolver
from ..credentials.errors import StatusError
from ..credentials.status import local_fetcher
from ..credentials.verify import (
    MAX_BYTES,
    PDF_MAX_BYTES,
    CheckStatus,
    VerificationReport,
    verify,
)
from ..standard.compliance import Verdict
from ..standard.messages import Message
from ._common import (
    EXIT_BAD_INPUT,
    EXIT_NEGATIVE,
    EXIT_OK,
    LANG_OPTION,
    fail,
    read_limited,
    say_error,
    unreadable,
)
from ._parallel import JOBS_OPTION, in_order

# --- who signed, and what the credential states -------------------------------------
SIGNED_BY = Message("signed_by", "Signed by: {signer}", "Podpisał: {signer}")
ISSUER_CONFIRMED = Message("issuer_confirmed", "Issuer: {issuer}", "Wystawca: {issuer}")
ISSUER_NOT_CONFIRMED = Message(
    "issuer_not_confirmed", "Issuer: NOT CONFIRMED", "Wystawca: NIEPOTWIERDZONY"
)
NO_TRUST_LIST = Message(
    "no_trust_list",
    " (no trust list vouches for the signer)",
    " (żadna lista zaufanych wystawców go nie potwierdza)",
)
# the heading of the credential's details: a verified credential's are its own statements
CREDENTIAL_STATES = Message(
    "credential_states", "the credential states:", "poświadczenie deklaruje:"
)
CLAIMS_NOT_CONFIRMED = Message(
    "claims_not_confirmed", "claims (not confirmed):", "deklaruje (niepotwierdzone):"
)
# the credential's details, by the key of VerificationReport.summary
_SUMMARY_LABELS = {
    "title": Message("title", "Title", "Tytuł"),
    "awarding_body": Message("awarding_body", "Awarded by", "Wystawca"),
    "learner": Message("learner", "Learner", "Osoba ucząca się"),
    "issued_on": Message("issued_on", "Issued on", "Data wydania"),
    "valid_until": Message("valid_until", "Valid until", "Ważne do"),
}
# a check by its name (the English is the name the JSON report gives)
_CHECK_LABELS = {
    "format": Message("format", "format", "format pliku"),
    "contexts": Message("contexts", "contexts", "konteksty JSON-LD"),
    "data-model": Message("data-model", "data-model", "model danych"),
    "schema": Message("schema", "schema", "schemat"),
    "proof": Message("proof", "proof", "dowód"),
    "signature": Message("signature", "signature", "podpis"),
    "revocation": Message("revocation", "revocation", "unieważnienie"),
    "e-seal": Message("e-seal", "e-seal", "pieczęć elektroniczna"),
    "issuer": Message("issuer", "issuer", "wystawca"),
    "dates": Message("dates", "dates", "daty"),
    "status": Message("status", "status", "status poświadczenia"),
    "trust": Message("trust", "trust", "zaufanie"),
    "eu-elements": Message("eu-elements", "eu-elements", "elementy UE"),
}
#: the check of a PDF's attached credential (named ``attachment <file name>``)
ATTACHMENT_CHECK = Message("attachment", "attachment {name}", "załącznik {name}")

# --- what cannot be read ----------------------------------------------------------------
DID_DOCUMENT_UNREADABLE = Message(
    "did_document_unreadable",
    "{path} is not a readable DID document",
    "nie można odczytać dokumentu DID {path}",
)
TRUST_LIST_UNUSABLE = Message(
    "trust_list_unusable",
    "{path} is not a trust list signed by a key of the operator's DID document {operator}: "
    "{reason}",
    "{path} nie jest listą zaufanych wystawców podpisaną kluczem z dokumentu DID operatora "
    "{operator}: {reason}",
)
#: ``option``, ``needs``: the two options' names
TRUST_LIST_NEEDS_OPERATOR = Message(
    "trust_list_needs_operator",
    "{option} needs {needs}: the operator's DID document, whose key must have signed the "
    "list (a list anyone could have made vouches for no one)",
    "{option} wymaga {needs}: dokumentu DID operatora, którego klucz musi podpisywać listę "
    "(lista, którą mógł zrobić każdy, za nikogo nie ręczy)",
)
STATUS_LIST_UNREADABLE = Message(
    "status_list_unreadable",
    "{path} is not a readable status list credential",
    "nie można odczytać poświadczenia listy statusów {path}",
)
NOT_A_TIME = Message(
    "not_a_time",
    "{value!r} is not an ISO 8601 date-time",
    "{value!r} nie jest datą i godziną w formacie ISO 8601",
)
#: a status list asked for offline that no ``--status-list`` file gives
STATUS_LIST_NOT_GIVEN = Message(
    "status_list_not_given",
    "{url} is not among --status-list files (use --network to fetch)",
    "listy {url} nie ma wśród plików `--status-list` (aby ją pobrać, użyj `--network`)",
)

_MARK = {CheckStatus.PASS: "✓", CheckStatus.FAIL: "✗", CheckStatus.WARNING: "!",
         CheckStatus.INDETERMINATE: "?",
         CheckStatus.NOT_APPLICABLE: "·"}  # fmt: skip


def _by_id(paths: tuple[Path, ...], unreadable: Message, lang: str) -> dict[str, Any]:
    """Local JSON documents (DID documents, status lists) keyed by their ``id``."""
    found: dict[str, Any] = {}
    for path in paths:
        try:
            document = json.loads(read_limited(path, MAX_BYTES))
            found[document["id"]] = document
        except (OSError, ValueError, KeyError, TypeError):
            fail(unreadable(path=path), lang=lang)
    return found


def _trust_list(path: Path | None, operator: Path | None, lang: str) -> Any:
    """``--trust-list FILE --trust-list-operator DID.json``: the list (ETSI TS 119 602)
    if a key of the operator's DID document signed it; None without ``--trust-list``."""
    if path is None:
        return None
    if operator is None:
        fail(TRUST_LIST_NEEDS_OPERATOR(option="--trust-list", needs="--trust-list-operator"),
             lang=lang)  # fmt: skip
    from ..credentials.errors import TrustListError
    from ..credentials.keys import KeyPair
    from ..credentials.lote import read_lote

    document = next(iter(_by_id((operator,), DID_DOCUMENT_UNREADABLE, lang).values()))
    try:
        data = read_limited(path, MAX_BYTES)
    except OSError as exc:
        fail(unreadable(path, exc), lang=lang)
    reason = "no key"
    for method in document.get("verificationMethod", []):
        try:
            key = KeyPair.from_multikey(method["publicKeyMultibase"])
            return read_lote(data, operator_key=key)
        except (TrustListError, KeyError, TypeError, ValueError) as exc:
            reason = str(exc)
    return fail(TRUST_LIST_UNUSABLE(path=path, operator=operator, reason=reason), lang=lang)


def _status_lists(values: tuple[str, ...], lang: str) -> dict[str, dict[str, Any]]:
    """``--status-list`` values: ``URL=FILE`` (the file is what the URL serves) or a
    ``FILE`` that stands for the URL of its own ``id``."""
    mapped: dict[str, Path] = {}
    alone: list[Path] = []
    for value in values:
        url, sep, file = value.partition("=")
        if sep and url.startswith(("https://", "http://")):
            mapped[url] = Path(file)
        else:
            alone.append(Path(value))
    found = _by_id(tuple(alone), STATUS_LIST_UNREADABLE, lang)
    for url, path in mapped.items():
        try:
            found[url] = json.loads(read_limited(path, MAX_BYTES))
        except (OSError, ValueError):
            fail(STATUS_LIST_UNREADABLE(path=path), lang=lang)
    return found


def _parse_now(value: str | None, lang: str) -> dt.datetime | None:
    if value is None:
        return None
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        fail(NOT_A_TIME(value=value), lang=lang)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _check_label(name: str, lang: str) -> str:
    """A check's name in ``lang`` (the name itself when it has no label)."""
    if name.startswith("attachment "):
        return ATTACHMENT_CHECK.text(lang, name=name.removeprefix("attachment "))
    label = _CHECK_LABELS.get(name)
    return label.text(lang) if label else name


def _claims(report: VerificationReport, lang: str) -> list[str]:
    """Who signed, whether the issuer is confirmed, and what the credential states:
    its details are printed as facts only when a trust list confirmed the issuer."""
    lines = []
    if report.verified and report.signer is not None:
        lines.append("  " + SIGNED_BY.text(lang, signer=report.signer.describe(lang)))
        if report.issuer_confirmed:
            trust = report.check("trust")
            issuer = trust.reason(lang) if trust else ""
            lines.append("  " + ISSUER_CONFIRMED.text(lang, issuer=issuer))
        else:
            lines.append("  " + click.style(ISSUER_NOT_CONFIRMED.text(lang), fg="yellow")
                         + NO_TRUST_LIST.text(lang))  # fmt: skip
    summary = {key: value for key, value in report.summary(lang).items() if value}
    if not summary:
        return lines
    if report.issuer_confirmed:
        heading = None
    elif report.verified:
        heading = CREDENTIAL_STATES.text(lang)
    else:
        heading = CLAIMS_NOT_CONFIRMED.text(lang)
    if heading:
        lines.append("  " + heading)
    indent = "    " if heading else "  "
    lines += [f"{indent}{_SUMMARY_LABELS[key].text(lang)}: {value}"
              for key, value in summary.items()]  # fmt: skip
    return lines


@click.command("verify")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per file, per line.")
@click.option("--now", help="Verify as of this ISO 8601 time instead of now.")
@click.option("--did-document", "did_documents", multiple=True, type=click.Path(path_type=Path),
              help="A local DID document to trust for resolution (repeatable).")  # fmt: skip
@click.option("--status-list", "status_lists", multiple=True, metavar="[URL=]FILE",
              help="A local copy of a status list credential (repeatable): URL=FILE says "
              "FILE is what URL serves; FILE alone stands for the URL of its own id. "
              "Without one, a revocable credential's status is unknown.")  # fmt: skip
@click.option("--trust-list", "trust_list_file", type=click.Path(path_type=Path),
              help="A trust list (ETSI TS 119 602, as a platform's /trust-list serves it) "
              "that says which issuers are verified providers, and since when.")  # fmt: skip
@click.option("--trust-list-operator", type=click.Path(path_type=Path),
              help="The trust list operator's DID document (its /.well-known/did.json): "
              "one of its keys must have signed the list.")  # fmt: skip
@click.option("--network", is_flag=True,
              help="Allow fetching did:web documents and status lists over https (public "
              "addresses only). Off by default: verification is offline.")  # fmt: skip
@LANG_OPTION
@JOBS_OPTION
def verify_command(
    files: tuple[Path, ...], as_json: bool, now: str | None, did_documents: tuple[Path, ...],
    status_lists: tuple[str, ...], trust_list_file: Path | None,
    trust_list_operator: Path | None, network: bool, lang: str, jobs: int,
) -> None:  # fmt: skip
    """Verify credentials: proof, issuer, dates, status, EU elements, trust."""
    moment = _parse_now(now, lang)
    trusted = _trust_list(trust_list_file, trust_list_operator, lang)
    documents = _by_id(did_documents, DID_DOCUMENT_UNREADABLE, lang)
    lists = _status_lists(status_lists, lang)
    resolver, remote = Resolver(documents), None
    if network:  # the HTTPS client (ssl, http.client) is loaded only for --network
        from ..credentials.fetch import fetch_public_https, json_fetcher

        resolver, remote = Resolver(documents, fetch=fetch_public_https), json_fetcher()

    def offline(url: str) -> Any:
        raise StatusError(STATUS_LIST_NOT_GIVEN(url=url))

    fetcher = local_fetcher(lists, remote or offline)
    use_fetcher = fetcher if (lists or network) else None

    global _JOB  # what forked workers inherit (a resolver and fetcher are not pickled)
    _JOB = _Job(moment, resolver, use_fetcher, trusted, as_json, lang)
    status = EXIT_OK
    # fetching over the network stays in one process: the guards count per process
    for lines, error, found in in_order(_verify_file, files, 1 if network else jobs):
        if error is not None:
            say_error(*error, lang=lang)
        for line in lines:
            click.echo(line)
        if found == EXIT_BAD_INPUT or (found == EXIT_NEGATIVE and status == EXIT_OK):
            status = found
    sys.exit(status)


@dataclass(frozen=True)
class _Job:
    """How every file of one ``verify`` is verified and said."""

    now: dt.datetime | None
    resolver: Resolver
    status_fetcher: Callable[[str], Any] | None
    trust_list: Any
    as_json: bool
    lang: str


_JOB: _Job | None = None


def _verify_file(path: Path) -> tuple[list[str], tuple[object, ...] | None, int]:
    """Verify one file: (the lines to print, the error to say, the exit status it asks)."""
    job = _JOB
    assert job is not None  # noqa: S101 - set by verify_command before any file
    lang = job.lang
    try:
        data = read_limited(path, PDF_MAX_BYTES)
    except OSError as exc:
        return [], (path, unreadable(path, exc)), EXIT_BAD_INPUT
    report = verify(data, now=job.now, resolver=job.resolver, status_fetcher=job.status_fetcher,
                    trust_list=job.trust_list)  # fmt: skip
    status = EXIT_OK if report.verified else EXIT_NEGATIVE
    if job.as_json:
        return [json.dumps({"file": str(path), **report.to_dict(lang)}, ensure_ascii=False)], \
            None, status  # fmt: skip
    colour = {"valid": "green", "invalid": "red"}.get(str(report.result), "yellow")
    verdict = f" — {Verdict(report.verdict).label(lang)}" if report.verdict else ""
    headline = click.style(report.result.label(lang), fg=colour, bold=True)
    lines = [f"{path}: {headline}{verdict}", *_claims(report, lang)]
    for check in report.checks:
        # A PDF's format line says that the printed page itself is not signed.
        pdf_note = check.name == "format" and report.format.startswith("pdf")
        if check.status is not CheckStatus.PASS or not report.verified or pdf_note:
            label = _check_label(check.name, lang)
            lines.append(f"  {_MARK[check.status]} {label}: {check.reason(lang)}")
    return lines, None, status
