"""``microcred check DESIGN…`` and ``microcred schema``.

``check``: is each design (or award) a micro-credential? Prints a report per file, a
human table by default or one JSON object per line with ``--json``. Exit status: 0 every
file is a micro-credential; 1 at least one is not (participation badge or incomplete);
2 at least one file could not be read or is not a valid design, reported with the file,
line and field. ``schema``: the JSON Schema of the design format, for editors.
"""

from __future__ import annotations

__all__ = ["check_command", "schema_command"]

import json
import sys
from pathlib import Path

import click

from ..standard import designfile
from ..standard.compliance import ComplianceReport, ElementStatus, Evidence, check
from ..standard.compliance.report import Severity
from ..standard.designfile import MAX_BYTES, design_schema, problem
from ..standard.elements import Award, MicroCredentialSpec
from ..standard.errors import DesignError
from ._common import EXIT_BAD_INPUT, EXIT_NEGATIVE, EXIT_OK, default_lang

# status -> (English word, Polish word, colour)
_STATUS_STYLE = {
    ElementStatus.PRESENT: ("ok", "jest", "green"),
    ElementStatus.AT_AWARD: ("at award", "przy wydaniu", "cyan"),
    ElementStatus.NOT_APPLICABLE: ("n/a", "nd.", None),
    ElementStatus.WEAK: ("WEAK", "SŁABY", "yellow"),
    ElementStatus.MISSING: ("MISSING", "BRAK", "red"),
}
_EVIDENCE_STYLE = {
    Evidence.EVIDENCED: ("evidenced", "wykazana", "green"),
    Evidence.BY_PLATFORM: ("platform", "platforma", "cyan"),
    Evidence.PARTIAL: ("partial", "częściowa", "yellow"),
    Evidence.NOT_EVIDENCED: ("none", "niewykazana", "red"),
}
_VERDICT_COLOUR = {
    "micro-credential": "green",
    "incomplete": "yellow",
    "participation-badge": "red",
}


@click.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per file, per line.")
@click.option(
    "--lang",
    type=click.Choice(["en", "pl"]),
    default=default_lang,
    show_default="en, or pl when LANG is Polish",
    help="Language of the reasons.",
)
def check_command(files: tuple[Path, ...], as_json: bool, lang: str) -> None:
    """Check micro-credential designs (YAML or JSON) against Annex I and Annex II."""
    status = EXIT_OK
    for index, path in enumerate(files):
        try:
            subject = _read(path)
        except DesignError as exc:
            status = EXIT_BAD_INPUT
            _report_error(exc, as_json, lang)
            continue
        report = check(subject)
        if not report.is_micro_credential and status == EXIT_OK:
            status = EXIT_NEGATIVE
        if as_json:
            click.echo(json.dumps({"file": str(path), **report.to_dict(lang)}, ensure_ascii=False))
        else:
            if index:
                click.echo()
            _print_report(path, subject, report, lang)
    sys.exit(status)


@click.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the design file format."""
    click.echo(json.dumps(design_schema(), indent=2, ensure_ascii=False))


def _read(path: Path) -> MicroCredentialSpec | Award:
    """Read at most MAX_BYTES + 1 bytes of a regular file and parse it."""
    source = str(path)
    try:
        if not path.is_file():
            reason = ("is a directory", "to katalog") if path.is_dir() else (
                ("no such file", "nie ma takiego pliku") if not path.exists()
                else ("not a regular file", "to nie jest zwykły plik")
            )  # fmt: skip
            raise DesignError(
                [problem("file_unreadable", reason=reason[0], reason_pl=reason[1])], source
            )
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        why = exc.strerror or type(exc).__name__
        raise DesignError([problem("file_unreadable", reason=why)], source) from None
    return designfile.loads_any(data, source=source)


def _report_error(exc: DesignError, as_json: bool, lang: str) -> None:
    if as_json:
        problems = [
            {
                "code": p.code,
                "field": p.field,
                "line": p.line,
                "column": p.column,
                "message": p.text(lang),
            }
            for p in exc.problems
        ]
        error = {"code": exc.code, "problems": problems}
        click.echo(json.dumps({"file": exc.source, "error": error}, ensure_ascii=False))
    else:
        label = "error: " if lang == "en" else "błąd: "
        for item in exc.problems:
            click.echo(click.style(label, fg="red") + item.located(exc.source, lang), err=True)


def _print_report(
    path: Path, subject: MicroCredentialSpec | Award, report: ComplianceReport, lang: str
) -> None:
    spec = subject.spec if isinstance(subject, Award) else subject
    title = spec.title.get(lang) if spec.title else "(no title)" if lang == "en" else "(bez tytułu)"
    click.echo(click.style(str(path), bold=True) + f" — {title}")
    verdict_label = "Verdict" if lang == "en" else "Werdykt"
    colour = _VERDICT_COLOUR[str(report.verdict)]
    click.echo(
        f"  {verdict_label}: " + click.style(report.verdict.label(lang), fg=colour, bold=True)
    )
    for reason in report.verdict_reasons:
        click.echo(f"    {reason.text(lang)}")
    heading = "Annex I elements (* mandatory)"
    click.echo("  " + (heading if lang == "en" else "Elementy z załącznika I (* obowiązkowe)"))
    for result in report.elements:
        en, pl, fg = _STATUS_STYLE[result.status]
        word = pl if lang == "pl" else en
        star = "*" if result.mandatory else " "
        name = result.element.short_label(lang)
        first, *rest = result.reasons or (None,)
        line = f"   {star} {name:<35} " + click.style(f"{word:<12}", fg=fg)
        click.echo(line + (f" {first.text(lang)}" if first else ""))
        for reason in rest:
            mark = "!" if reason.severity is not Severity.INFO else "·"
            click.echo(f"{'':<53}{mark} {reason.text(lang)}")
    click.echo(f"  {'Annex II principles' if lang == 'en' else 'Zasady z załącznika II'}")
    for principle in report.principles:
        en, pl, fg = _EVIDENCE_STYLE[principle.status]
        word = pl if lang == "pl" else en
        name = f"{principle.principle.number:>2}. {principle.principle.label(lang)}"
        texts = "; ".join(r.text(lang) for r in principle.reasons)
        click.echo(f"   {name:<37} " + click.style(f"{word:<11}", fg=fg) + f" {texts}")
