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
from ..standard.designfile import messages as design_messages
from ..standard.elements import Award, MicroCredentialSpec
from ..standard.errors import DesignError
from ..standard.messages import Message, Reason
from ._common import (
    ERROR_PREFIX,
    EXIT_BAD_INPUT,
    EXIT_NEGATIVE,
    EXIT_OK,
    default_lang,
    read_limited,
    unreadable,
)

# --- the words of the human report --------------------------------------------------
NO_TITLE = Message("no_title", "(no title)", "(bez tytułu)")
VERDICT = Message("verdict", "Verdict", "Werdykt")
ELEMENTS_HEADING = Message(
    "elements_heading", "Annex I elements (* mandatory)", "Elementy z załącznika I (* obowiązkowe)"
)
PRINCIPLES_HEADING = Message("principles_heading", "Annex II principles", "Zasady z załącznika II")

# an element's status and a principle's evidence in a word, and its colour
_STATUS_WORDS = {
    ElementStatus.PRESENT: Message("present", "ok", "jest"),
    ElementStatus.AT_AWARD: Message("at-award", "at award", "przy wydaniu"),
    ElementStatus.NOT_APPLICABLE: Message("not-applicable", "n/a", "nd."),
    ElementStatus.WEAK: Message("weak", "WEAK", "SŁABY"),
    ElementStatus.MISSING: Message("missing", "MISSING", "BRAK"),
}
_STATUS_COLOUR: dict[ElementStatus, str | None] = {
    ElementStatus.PRESENT: "green",
    ElementStatus.AT_AWARD: "cyan",
    ElementStatus.NOT_APPLICABLE: None,
    ElementStatus.WEAK: "yellow",
    ElementStatus.MISSING: "red",
}
_EVIDENCE_WORDS = {
    Evidence.EVIDENCED: Message("evidenced", "evidenced", "wykazana"),
    Evidence.BY_PLATFORM: Message("by-platform", "platform", "platforma"),
    Evidence.PARTIAL: Message("partial", "partial", "częściowa"),
    Evidence.NOT_EVIDENCED: Message("not-evidenced", "none", "niewykazana"),
}
_EVIDENCE_COLOUR = {
    Evidence.EVIDENCED: "green",
    Evidence.BY_PLATFORM: "cyan",
    Evidence.PARTIAL: "yellow",
    Evidence.NOT_EVIDENCED: "red",
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
    """Read at most MAX_BYTES + 1 bytes of a regular file and parse it; raises
    :class:`DesignError` (reported with ``--json`` too) for a file that cannot be read."""
    source = str(path)
    try:
        data = read_limited(path, MAX_BYTES)
    except OSError as exc:
        why = unreadable(path, exc)  # the system's words (a permission denied) untranslated
        en, pl = (why.en, why.pl) if isinstance(why, Reason) else (why, why)
        problems = [problem(design_messages.FILE_UNREADABLE, reason=en, reason_pl=pl)]
        raise DesignError(problems, source) from None
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
        label = ERROR_PREFIX.text(lang)
        for item in exc.problems:
            click.echo(click.style(label, fg="red") + item.located(exc.source, lang), err=True)


def _print_report(
    path: Path, subject: MicroCredentialSpec | Award, report: ComplianceReport, lang: str
) -> None:
    spec = subject.spec if isinstance(subject, Award) else subject
    title = spec.title.get(lang) if spec.title else NO_TITLE.text(lang)
    click.echo(click.style(str(path), bold=True) + f" — {title}")
    colour = _VERDICT_COLOUR[str(report.verdict)]
    click.echo(
        f"  {VERDICT.text(lang)}: " + click.style(report.verdict.label(lang), fg=colour, bold=True)
    )
    for reason in report.verdict_reasons:
        click.echo(f"    {reason.text(lang)}")
    click.echo("  " + ELEMENTS_HEADING.text(lang))
    for result in report.elements:
        word, fg = _STATUS_WORDS[result.status].text(lang), _STATUS_COLOUR[result.status]
        star = "*" if result.mandatory else " "
        name = result.element.short_label(lang)
        first, *rest = result.reasons or (None,)
        line = f"   {star} {name:<35} " + click.style(f"{word:<12}", fg=fg)
        click.echo(line + (f" {first.text(lang)}" if first else ""))
        for reason in rest:
            mark = "!" if reason.severity is not Severity.INFO else "·"
            click.echo(f"{'':<53}{mark} {reason.text(lang)}")
    click.echo("  " + PRINCIPLES_HEADING.text(lang))
    for principle in report.principles:
        word = _EVIDENCE_WORDS[principle.status].text(lang)
        fg = _EVIDENCE_COLOUR[principle.status]
        name = f"{principle.principle.number:>2}. {principle.principle.label(lang)}"
        texts = "; ".join(r.text(lang) for r in principle.reasons)
        click.echo(f"   {name:<37} " + click.style(f"{word:<11}", fg=fg) + f" {texts}")
