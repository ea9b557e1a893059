"""``microcred verify FILE…``: verify credentials offline.

One line per file (``--json``: one JSON object per line with ``file``, ``verified``,
``checks``, ``eu_elements``, ``verdict``). Exit 0 when every file verified, 1 when any
did not, 2 on a usage error or an unreadable file.
"""

from __future__ import annotations

__all__ = ["verify_command"]

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import click

from ..credentials.dids import Resolver
from ..credentials.status import local_fetcher
from ..credentials.verify import (
    MAX_BYTES,
    PDF_MAX_BYTES,
    CheckStatus,
    VerificationReport,
    verify,
)
from ..standard.compliance import Verdict
from ._common import (
    EXIT_BAD_INPUT,
    EXIT_NEGATIVE,
    EXIT_OK,
    LANG_OPTION,
    read_limited,
    say_error,
)

_MARK = {CheckStatus.PASS: "✓", CheckStatus.FAIL: "✗", CheckStatus.WARNING: "!",
         CheckStatus.INDETERMINATE: "?",
         CheckStatus.NOT_APPLICABLE: "·"}  # fmt: skip


_SUMMARY_LABELS = (
    {"title": "Title", "awarding_body": "Awarded by", "learner": "Learner",
     "issued_on": "Issued on", "valid_until": "Valid until"},
    {"title": "Tytuł", "awarding_body": "Wystawca", "learner": "Osoba ucząca się",
     "issued_on": "Data wydania", "valid_until": "Ważne do"},
)  # fmt: skip


def _by_id(paths: tuple[Path, ...], what: str) -> dict[str, Any]:
    """Local JSON documents (DID documents, status lists) keyed by their ``id``."""
    found: dict[str, Any] = {}
    for path in paths:
        try:
            document = json.loads(read_limited(path, MAX_BYTES))
            found[document["id"]] = document
        except (OSError, ValueError, KeyError, TypeError):
            raise click.BadParameter(f"{path} is not a readable {what}") from None
    return found


def _status_lists(values: tuple[str, ...]) -> dict[str, dict[str, Any]]:
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
    found = _by_id(tuple(alone), "status list credential")
    for url, path in mapped.items():
        try:
            found[url] = json.loads(read_limited(path, MAX_BYTES))
        except (OSError, ValueError):
            raise click.BadParameter(f"{path} is not a readable status list credential") from None
    return found


def _parse_now(value: str | None) -> dt.datetime | None:
    if value is None:
        return None
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise click.BadParameter(f"{value!r} is not an ISO 8601 date-time") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _echo_claims(report: VerificationReport, lang: str) -> None:
    """Who signed, whether the issuer is confirmed, and what the credential states:
    its details are printed as facts only when a trust list confirmed the issuer."""
    pl = lang == "pl"
    if report.verified and report.signer is not None:
        click.echo(("  Podpisał: " if pl else "  Signed by: ") + report.signer.describe())
        if report.issuer_confirmed:
            trust = report.check("trust")
            click.echo(("  Wystawca: " if pl else "  Issuer: ") + (trust.reason(lang) if trust
                       else ""))  # fmt: skip
        else:
            click.echo(click.style("  Wystawca: NIEPOTWIERDZONY" if pl else
                                   "  Issuer: NOT CONFIRMED", fg="yellow")
                       + (" (żadna lista zaufanych wystawców go nie potwierdza)" if pl else
                          " (no trust list vouches for the signer)"))  # fmt: skip
    labels = _SUMMARY_LABELS[pl]
    summary = {key: value for key, value in report.summary(lang).items() if value}
    if not summary:
        return
    if report.issuer_confirmed:
        heading = None
    elif report.verified:
        heading = "poświadczenie deklaruje:" if pl else "the credential states:"
    else:
        heading = "deklaruje (niepotwierdzone):" if pl else "claims (not confirmed):"
    if heading:
        click.echo("  " + heading)
    indent = "    " if heading else "  "
    for key, value in summary.items():
        click.echo(f"{indent}{labels[key]}: {value}")


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
@click.option("--network", is_flag=True,
              help="Allow fetching did:web documents and status lists over https (public "
              "addresses only). Off by default: verification is offline.")  # fmt: skip
@LANG_OPTION
def verify_command(
    files: tuple[Path, ...], as_json: bool, now: str | None, did_documents: tuple[Path, ...],
    status_lists: tuple[str, ...], network: bool, lang: str,
) -> None:  # fmt: skip
    """Verify credentials: proof, issuer, dates, status, EU elements."""
    moment = _parse_now(now)
    documents = _by_id(did_documents, "DID document")
    lists = _status_lists(status_lists)
    resolver, remote = Resolver(documents), None
    if network:  # the HTTPS client (ssl, http.client) is loaded only for --network
        from ..credentials.fetch import fetch_public_https, json_fetcher

        resolver, remote = Resolver(documents, fetch=fetch_public_https), json_fetcher()

    def offline(url: str) -> Any:
        raise LookupError(f"{url} is not among --status-list files (use --network to fetch)")

    fetcher = local_fetcher(lists, remote or offline)

    status = EXIT_OK
    for path in files:
        try:
            data = read_limited(path, PDF_MAX_BYTES)
        except OSError as exc:
            say_error(path, exc.strerror, lang=lang)
            status = EXIT_BAD_INPUT
            continue
        use_fetcher = fetcher if (lists or network) else None
        report = verify(data, now=moment, resolver=resolver, status_fetcher=use_fetcher)
        if not report.verified and status == EXIT_OK:
            status = EXIT_NEGATIVE
        if as_json:
            click.echo(json.dumps({"file": str(path), **report.to_dict(lang)}, ensure_ascii=False))
            continue
        colour = {"valid": "green", "invalid": "red"}.get(str(report.result), "yellow")
        verdict = f" — {Verdict(report.verdict).label(lang)}" if report.verdict else ""
        headline = click.style(report.result.label(lang), fg=colour, bold=True)
        click.echo(f"{path}: {headline}{verdict}")
        _echo_claims(report, lang)
        for check in report.checks:
            # A PDF's format line says that the printed page itself is not signed.
            pdf_note = check.name == "format" and report.format.startswith("pdf")
            if check.status is not CheckStatus.PASS or not report.verified or pdf_note:
                click.echo(f"  {_MARK[check.status]} {check.name}: {check.reason(lang)}")
    sys.exit(status)
