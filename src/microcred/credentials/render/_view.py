"""What the certificate shows, worked out from an :class:`Award` — plain strings only.

The template never reaches into the model: this module picks the language, formats
dates and numbers, and lists the Annex I elements present, in the Recommendation's order,
each under its short name from :class:`~microcred.standard.annexes.AnnexIElement`. The
title, the learner, the learning outcomes and the date of issue have places of their own
on the page; every other element is a row of the details.
"""

from __future__ import annotations

__all__ = ["CertificateView", "Row", "certificate_view", "format_date", "two_columns"]

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ...standard.annexes import AnnexIElement
from ...standard.elements import Award, LocalizedText
from ...standard.elements.parties import AwardingBody
from ._labels import MONTHS, phrase


@dataclass(frozen=True)
class Row:
    """One line of the details table: an Annex I element and what the award says."""

    element: str  # the AnnexIElement key, for tests and CSS
    label: str
    lines: list[str]
    note: str | None = None  # a smaller second paragraph (a description, criteria)


@dataclass(frozen=True)
class CertificateView:
    """Every string the certificate template prints."""

    lang: str
    title: str
    learner_name: str
    learner_details: list[str]
    providers: list[str]
    provider_place: str
    issued_on: str | None
    facts: list[str]
    outcomes: list[str]
    rows: list[Row]


def format_date(day: dt.date, lang: str) -> str:
    """``20 czerwca 2025 r.`` or ``20 June 2025``."""
    month = MONTHS[lang][day.month - 1]
    return f"{day.day} {month} {day.year} r." if lang == "pl" else f"{day.day} {month} {day.year}"


def _number(value: Decimal, lang: str) -> str:
    text = format(value.normalize(), "f")
    return text.replace(".", ",") if lang == "pl" else text


def _text(value: LocalizedText | None, lang: str) -> str | None:
    return value.get(lang) if value is not None else None


def _place(body: AwardingBody, lang: str) -> str:
    country = body.country.label(lang)
    return f"{country}, {body.region}" if body.region else country


def _workload(award: Award, lang: str) -> tuple[list[str], str | None]:
    workload = award.spec.workload
    if workload is None:
        return [], None
    parts = []
    if workload.ects is not None:
        parts.append(f"{_number(workload.ects, lang)} {phrase('ects', lang)}")
    if workload.hours is not None:
        unit = phrase("hour" if workload.hours == 1 else "hours", lang)
        parts.append(f"{_number(workload.hours, lang)} {unit}")
    return parts, _text(workload.description, lang)


def _levels(award: Award, lang: str) -> list[str]:
    labels = []
    for level in award.spec.levels:
        concept = level.concept
        if concept is not None:
            labels.append(concept.label(lang))
        else:
            labels.append(phrase("level_unknown_framework", lang).format(value=level.value))
    return labels


def _learner(award: Award, lang: str) -> tuple[str, list[str]]:
    learner = award.learner
    if learner is None:
        return phrase("no_learner", lang), []
    details = []
    if learner.date_of_birth:
        details.append(f"{phrase('born', lang)} {format_date(learner.date_of_birth, lang)}")
    if learner.student_id:
        details.append(f"{phrase('student_id', lang)} {learner.student_id}")
    return learner.full_name, details


def _rows(award: Award, lang: str) -> list[Row]:
    spec = award.spec
    rows: list[Row] = []

    def add(element: AnnexIElement, lines: list[str], note: str | None = None) -> None:
        lines = [line for line in lines if line]
        if lines or note:
            rows.append(Row(element.value, element.short_label(lang), lines, note))

    if spec.awarding_bodies:
        add(
            AnnexIElement.AWARDING_BODY,
            [b.name.get(lang) for b in spec.awarding_bodies],
        )
        places = dict.fromkeys(_place(b, lang) for b in spec.awarding_bodies)
        add(AnnexIElement.COUNTRY, ["; ".join(places)])
    workload, description = _workload(award, lang)
    add(AnnexIElement.WORKLOAD, [" · ".join(workload)] if workload else [], description)
    add(AnnexIElement.LEVEL, ["; ".join(_levels(award, lang))])
    if spec.assessment:
        methods = ", ".join(m.label(lang) for m in spec.assessment.methods)
        add(AnnexIElement.ASSESSMENT, [methods], _text(spec.assessment.description, lang))
    if spec.form_of_participation:
        add(AnnexIElement.PARTICIPATION, [spec.form_of_participation.label(lang)])
    if spec.quality_assurance:
        qa = spec.quality_assurance
        types = "; ".join(t.label(lang) for t in qa.types)
        add(AnnexIElement.QUALITY_ASSURANCE, [types], _text(qa.body, lang))
    add(AnnexIElement.PREREQUISITES, [_text(spec.prerequisites, lang) or ""])
    if spec.supervision:
        add(AnnexIElement.SUPERVISION, [spec.supervision.label(lang)])
    if award.grade:
        scale = _text(spec.grading, lang)
        note = f"{phrase('scale', lang)}: {scale}" if scale else None
        add(AnnexIElement.GRADE, [award.grade.get(lang)], note)
    if spec.integration:
        towards = "; ".join(t.get(lang) for t in spec.integration.towards)
        note = f"{phrase('towards', lang)}: {towards}" if towards else None
        add(AnnexIElement.INTEGRATION, [spec.integration.option.label(lang)], note)
    if spec.further_information:
        info = spec.further_information
        add(AnnexIElement.FURTHER_INFORMATION, [_text(info.text, lang) or "", info.url or ""])
    return rows


def certificate_view(award: Award, lang: str) -> CertificateView:
    """The certificate of ``award`` in ``lang`` (``pl`` or ``en``)."""
    spec = award.spec
    name, details = _learner(award, lang)
    workload, _ = _workload(award, lang)
    providers = [b.name.get(lang) for b in spec.awarding_bodies]
    places = dict.fromkeys(b.country.label(lang) for b in spec.awarding_bodies)
    return CertificateView(
        lang=lang,
        title=_text(spec.title, lang) or phrase("no_title", lang),
        learner_name=name,
        learner_details=details,
        providers=providers,
        provider_place=", ".join(places),
        issued_on=format_date(award.issued_on, lang) if award.issued_on else None,
        facts=[*workload, *_levels(award, lang)],
        outcomes=[o.statement.get(lang) for o in spec.learning_outcomes],
        rows=_rows(award, lang),
    )


def _weight(row: Row) -> float:
    """Roughly how many lines a row takes in a column about 60 characters wide."""
    lines = sum(1 + len(line) // 60 for line in row.lines)
    note = 1 + len(row.note) // 66 if row.note else 0
    return 1.6 + lines + 0.9 * note


def two_columns(rows: list[Row]) -> list[list[Row]]:
    """``rows`` cut in two, in order, so that the columns are about as tall."""
    if len(rows) < 2:
        return [rows]
    weights = [_weight(row) for row in rows]
    total = sum(weights)
    best, cut, left = total, 1, 0.0
    for i, weight in enumerate(weights[:-1], start=1):
        left += weight
        height = max(left, total - left)
        if height < best:
            best, cut = height, i
    return [rows[:cut], rows[cut:]]
