"""Writes of the ESCO app: :func:`esco_load`, an ESCO export into the tables."""

from __future__ import annotations

__all__ = ["LoadReport", "esco_load"]

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from uuid import UUID

from django.db import connection, models, transaction

from .export import ConceptRow, Export, FileRead, read_export
from .models import Collection, Dataset, Occupation, OccupationSkill, Skill
from .text import fold

#: rows per INSERT batch (well under SQLite's limit on a statement's parameters)
BATCH = 2000


@dataclass(frozen=True)
class LoadReport:
    """What a load read and wrote."""

    dataset: Dataset
    files: list[FileRead]
    #: occupations named by relations but absent from the occupations file (kept as published)
    unknown_occupations: int

    def lines(self) -> list[str]:
        """What the load did, a line each: every file and its rows, then the totals."""
        dataset = self.dataset
        lines = [f"  {f.name:<40} {f.rows:>7} rows" for f in self.files]
        lines.append(
            f"ESCO {dataset.version}: {dataset.skills} skills ({dataset.skills_pl} with a Polish "
            f"label), {dataset.occupations} occupations ({dataset.occupations_pl} with a Polish "
            f"label), {dataset.relations} occupation-skill relations, in {dataset.seconds:.1f} s"
        )
        if self.unknown_occupations:
            lines.append(
                f"  note: {self.unknown_occupations} occupation(s) named in the relations are "
                "not in the occupations file (their relations kept as published)"
            )
        return lines


def _search_key(*label_sets: list[str]) -> str:
    """Every label folded, each line after a newline (so ``\\nprefix`` finds a label
    that starts with ``prefix``), duplicates once."""
    folded = dict.fromkeys(fold(label) for labels in label_sets for label in labels)
    return "".join(f"\n{label}" for label in folded if label)


_UUID: models.UUIDField[Any, Any] = models.UUIDField()


def _is_uuid(field: object) -> bool:
    """A UUID field, or a foreign key to a model keyed by one."""
    if isinstance(field, models.ForeignKey):
        field = field.target_field
    return isinstance(field, models.UUIDField)


def _insert(
    model: type[models.Model], names: tuple[str, ...], rows: Iterable[tuple[Any, ...]]
) -> None:
    """``rows`` (values of the fields ``names``, in order) inserted in batches of
    :data:`BATCH` by ``executemany`` (on PostgreSQL: one ``COPY``).

    Django's ``bulk_create`` builds a model instance and prepares every value through
    its field for each row: for the 124k relations that is most of a load's time (9 s of
    10 on SQLite). The values here are plain strings and booleans, which both database
    drivers take as they are; only UUIDs go through their field (a hex string on SQLite,
    a ``uuid`` on PostgreSQL), once per distinct value.
    """
    fields = [model._meta.get_field(name) for name in names]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields if isinstance(f, models.Field))
    # names from the model's own metadata, quoted; every value a parameter
    marks = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({marks})"  # noqa: S608
    uuid_at = [i for i, f in enumerate(fields) if _is_uuid(f)]
    cache: dict[str, Any] = {}

    def db_uuid(value: str) -> Any:
        if (found := cache.get(value)) is None:
            found = cache[value] = _UUID.get_db_prep_value(UUID(value), connection)
        return found

    def prepared(rows: Iterable[tuple[Any, ...]]) -> Iterator[tuple[Any, ...]]:
        for row in rows:
            if uuid_at:
                values = list(row)
                for i in uuid_at:
                    values[i] = db_uuid(values[i])
                row = tuple(values)
            yield row

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # PostgreSQL's COPY (psycopg's copy()): several times faster than INSERTs
            table = f"{quote(model._meta.db_table)} ({columns})"
            with cursor.cursor.copy(f"COPY {table} FROM STDIN") as copy:
                for row in prepared(rows):
                    copy.write_row(row)
            return
        batch: list[tuple[Any, ...]] = []
        for row in prepared(rows):
            batch.append(row)
            if len(batch) == BATCH:
                cursor.executemany(sql, batch)
                batch.clear()
        if batch:
            cursor.executemany(sql, batch)


_SKILL_FIELDS = (
    "id", "uri", "label_en", "label_pl", "alt_labels_en", "alt_labels_pl", "description_en",
    "description_pl", "skill_type", "reuse_level", "search_key", "key_en", "key_pl",
    *(c.field for c in Collection),
)  # fmt: skip
_OCCUPATION_FIELDS = (
    "id", "uri", "code", "isco_group", "label_en", "label_pl", "alt_labels_en", "alt_labels_pl",
    "description_en", "description_pl",
)  # fmt: skip


def _skill(
    row: ConceptRow, pl: ConceptRow | None, collections: dict[str, set[str]]
) -> tuple[Any, ...]:
    label_pl, alt_pl = (pl.label, pl.alt_labels) if pl else ("", [])
    return (
        row.uuid, row.uri, row.label, label_pl, "\n".join(row.alt_labels), "\n".join(alt_pl),
        row.description, pl.description if pl else "", row.skill_type, row.reuse_level,
        _search_key([row.label, label_pl], row.alt_labels, alt_pl), fold(row.label),
        fold(label_pl), *(row.uri in collections.get(c.value, ()) for c in Collection),
    )  # fmt: skip


def _occupation(row: ConceptRow, pl: ConceptRow | None) -> tuple[Any, ...]:
    return (
        row.uuid, row.uri, row.code, row.isco_group, row.label, pl.label if pl else "",
        "\n".join(row.alt_labels), "\n".join(pl.alt_labels) if pl else "", row.description,
        pl.description if pl else "",
    )  # fmt: skip


@transaction.atomic
def _replace(export: Export, *, now: datetime, started: float) -> Dataset:
    """The tables emptied and filled from ``export`` (one transaction: all or nothing)."""
    OccupationSkill.objects.all().delete()  # no cascade to follow: a single DELETE each
    Skill.objects.all().delete()
    Occupation.objects.all().delete()
    pl, collections = export.skills_pl, export.collections
    skills = export.skills.items()
    _insert(Skill, _SKILL_FIELDS, (_skill(row, pl.get(uri), collections) for uri, row in skills))
    pl = export.occupations_pl
    _insert(Occupation, _OCCUPATION_FIELDS,
            (_occupation(row, pl.get(uri)) for uri, row in export.occupations.items()))  # fmt: skip
    _insert(OccupationSkill, ("occupation", "skill", "relation_type", "skill_type"),
            export.relations)  # fmt: skip
    return Dataset.objects.create(
        version=export.version, source=str(export.directory.resolve()),
        source_pl=str(export.pl.resolve()) if export.pl else "", fingerprint=export.fingerprint,
        skills=len(export.skills), occupations=len(export.occupations),
        relations=len(export.relations),
        skills_pl=sum(1 for uri in export.skills_pl if uri in export.skills),
        occupations_pl=sum(1 for uri in export.occupations_pl if uri in export.occupations),
        loaded_at=now, seconds=round(time.perf_counter() - started, 3),
    )  # fmt: skip


def esco_load(*, directory: Path, pl: Path | None = None, now: datetime,
              fingerprint: str | None = None) -> LoadReport:  # fmt: skip
    """Load the ESCO export in ``directory`` (the English classification and the
    relations, :mod:`.export`) and, when given, its Polish labels from ``pl``, replacing
    whatever ESCO data was there, in one transaction. Idempotent: the same export gives
    the same rows (every concept keyed by its URI's UUID). Raises
    :class:`~..core.errors.InvalidInputError` naming the missing file, bad header or bad
    row (with its line) — and then nothing is written. ``fingerprint``: the export's,
    when the caller has just computed it (:func:`.export.read_export`)."""
    started = time.perf_counter()
    export = read_export(directory, pl, fingerprint=fingerprint)
    dataset = _replace(export, now=now, started=started)
    return LoadReport(dataset, export.files, len(export.unknown_occupations))
