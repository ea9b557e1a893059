"""Reading the EU's official ESCO CSV export (https://esco.ec.europa.eu/en/use-esco/download).

The export comes as a classification package per language (``skills_en.csv``,
``occupations_en.csv``, the skill collections ``digitalSkillsCollection_en.csv``…) and a
relations package (``occupationSkillRelations.csv``…), each unzipped into a folder::

    v1.1.1/en/skills_en.csv            v1.1.1/relations/occupationSkillRelations.csv
    v1.2.1/pl/occupations_pl.csv       v1.2.1/pl/digitalSkillsCollection_pl.csv

:func:`read_export` takes the folder holding the English package and the relations
(``v1.1.1`` above: the files are looked for in it and in its ``en/`` and ``relations/``
folders, so both packages unzipped into one folder work too) and, optionally, the folder
of a Polish package, which may hold ``skills_pl.csv``, ``occupations_pl.csv`` and the
collections' ``*_pl.csv`` (Polish labels exist for part of ESCO only).

Every file is UTF-8, RFC 4180 CSV with a header, and list cells (``altLabels``) hold one
label a line inside a quoted field: read with :mod:`csv`, never line by line. Whatever
is wrong is raised as an :class:`~..core.errors.InvalidInputError` naming the file and,
for a row, the line it starts on — before anything is written.
"""

from __future__ import annotations

__all__ = [
    "COLLECTION_FILES",
    "ConceptRow",
    "Export",
    "FileRead",
    "export_fingerprint",
    "find_export",
    "read_export",
]

import csv
import hashlib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

from ...standard.messages import Reason
from ..core.errors import InvalidInputError
from . import messages as m

SKILLS, OCCUPATIONS, RELATIONS = "skills", "occupations", "occupationSkillRelations"
#: each ESCO skill collection (as :class:`.models.Collection` names it) → its file's stem
COLLECTION_FILES = {
    "digital": "digitalSkillsCollection",
    "green": "greenSkillsCollection",
    "transversal": "transversalSkillsCollection",
    "digcomp": "digCompSkillsCollection",
    "language": "languageSkillsCollection",
    "research": "researchSkillsCollection",
}
_SKILL_COLUMNS = ("conceptUri", "skillType", "reuseLevel", "preferredLabel", "altLabels",
                  "description")  # fmt: skip
_OCCUPATION_COLUMNS = ("conceptUri", "iscoGroup", "preferredLabel", "altLabels",
                       "description", "code")  # fmt: skip
_RELATION_COLUMNS = ("occupationUri", "relationType", "skillType", "skillUri")
_LABEL_COLUMNS = ("conceptUri", "preferredLabel", "altLabels", "description")
_URI = {
    kind: re.compile(rf"http://data\.europa\.eu/esco/{kind}/([0-9a-f]{{8}}-[0-9a-f]{{4}}-"
                     rf"[0-9a-f]{{4}}-[0-9a-f]{{4}}-[0-9a-f]{{12}})")
    for kind in ("skill", "occupation")
}  # fmt: skip
_VERSION = re.compile(r"v(\d+(?:\.\d+)+)")


@dataclass(frozen=True)
class FileRead:
    """One file read: its name, where it was, how many data rows it held."""

    name: str
    path: Path
    rows: int


@dataclass
class ConceptRow:
    """A skill's or an occupation's columns that the platform keeps."""

    uri: str
    uuid: str
    label: str
    alt_labels: list[str]
    description: str
    skill_type: str = ""
    reuse_level: str = ""
    code: str = ""
    isco_group: str = ""


@dataclass
class Export:
    """What one export holds, read and checked."""

    version: str
    directory: Path
    pl: Path | None
    skills: dict[str, ConceptRow] = field(default_factory=dict)
    occupations: dict[str, ConceptRow] = field(default_factory=dict)
    #: (occupation UUID, skill UUID, relation type, skill type)
    relations: list[tuple[str, str, str, str]] = field(default_factory=list)
    #: collection → the URIs of its skills
    collections: dict[str, set[str]] = field(default_factory=dict)
    skills_pl: dict[str, ConceptRow] = field(default_factory=dict)
    occupations_pl: dict[str, ConceptRow] = field(default_factory=dict)
    files: list[FileRead] = field(default_factory=list)
    #: occupations the relations name that the occupations file does not hold
    unknown_occupations: set[str] = field(default_factory=set)
    fingerprint: str = ""


def _locate(directory: Path, stem: str) -> Path | None:
    for folder in (
        directory,
        directory / "en",
        directory / "relations",
        directory.parent / "relations",
    ):
        if (folder / f"{stem}.csv").is_file():
            return folder / f"{stem}.csv"
    return None


def _required(directory: Path, stem: str) -> Path:
    path = _locate(directory, stem)
    if path is None:
        raise InvalidInputError(m.FILE_MISSING, file=f"{stem}.csv", directory=directory)
    return path


def _files(directory: Path, pl: Path | None) -> list[tuple[str, Path]]:
    """Every file of the export that is read: (its name, its path); missing ones refused."""
    for folder in (directory, pl):
        if folder is not None and not folder.is_dir():
            raise InvalidInputError(m.NOT_A_FOLDER, directory=folder)
    found = [(f"{stem}.csv", _required(directory, stem))
             for stem in (f"{SKILLS}_en", f"{OCCUPATIONS}_en", RELATIONS)]  # fmt: skip
    for stem in COLLECTION_FILES.values():
        if path := _locate(directory, f"{stem}_en"):
            found.append((path.name, path))
    if pl is not None:
        stems = [f"{SKILLS}_pl", f"{OCCUPATIONS}_pl"] + [
            f"{s}_pl" for s in COLLECTION_FILES.values()
        ]
        polish = [(f"{s}.csv", pl / f"{s}.csv") for s in stems if (pl / f"{s}.csv").is_file()]
        if not polish:
            raise InvalidInputError(m.NO_POLISH_FILE, directory=pl)
        found += polish
    return found


def _version_key(folder: Path) -> tuple[int, ...]:
    match = _VERSION.fullmatch(folder.name)
    return tuple(int(n) for n in match.group(1).split(".")) if match else ()


def find_export(root: Path) -> tuple[Path, Path | None] | None:
    """In a folder of ESCO exports kept by version (``root/v1.1.1/en``,
    ``root/v1.1.1/relations``, ``root/v1.2.1/pl``…): the newest version folder holding
    the English skills and the relations, and the newest Polish package (any version:
    concepts keep their URIs across versions) — or ``None`` when there is none."""
    if not root.is_dir():
        return None
    versions = sorted((f for f in root.iterdir() if f.is_dir() and _VERSION.fullmatch(f.name)),
                      key=_version_key, reverse=True)  # fmt: skip
    english = next((v for v in versions if _locate(v, f"{SKILLS}_en") and _locate(v, RELATIONS)),
                   None)  # fmt: skip
    if english is None:
        return None
    polish = next((v / "pl" for v in versions if any((v / "pl").glob("*_pl.csv"))), None)
    return english, polish


def export_fingerprint(directory: Path, pl: Path | None = None) -> str:
    """The SHA-256 over the names and contents of the files :func:`read_export` reads:
    the same export gives the same value (what a loaded dataset records)."""
    digest = hashlib.sha256()
    for name, path in _files(directory, pl):
        _add_file(digest, name, path.read_bytes())
    return digest.hexdigest()


def _add_file(digest: Any, name: str, data: bytes) -> None:
    """One file's part of :func:`export_fingerprint`: its name and its contents' SHA-256."""
    digest.update(name.encode() + b"\0" + hashlib.sha256(data).digest())


class _Table:
    """One CSV file's rows as dicts of the columns asked for, each with the line it
    starts on (a quoted field may span lines)."""

    def __init__(self, name: str, data: bytes, columns: tuple[str, ...]) -> None:
        self.name = name
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            raise InvalidInputError(m.BAD_ENCODING, file=name, line=line) from None
        self._reader = csv.reader(io.StringIO(text, newline=""))
        try:
            self.header = next(self._reader)
        except StopIteration:
            raise InvalidInputError(m.EMPTY_FILE, file=name) from None
        except csv.Error as error:
            self.fail(1, m.ROW_UNREADABLE(detail=str(error)))
        missing = [c for c in columns if c not in self.header]
        if missing:
            raise InvalidInputError(m.BAD_HEADER, file=name, columns=", ".join(missing))
        self._at = [self.header.index(c) for c in columns]
        self._columns = columns
        self.rows = 0

    def fail(self, line: int, problem: Reason) -> NoReturn:
        raise InvalidInputError(
            m.BAD_ROW,
            file=self.name,
            line=line,
            problem=problem.en,
            problem_pl=problem.pl,
            extra={"file": self.name, "line": line, "problem": problem.code},
        )

    def __iter__(self) -> Iterator[tuple[int, dict[str, str]]]:
        width, line = len(self.header), self._reader.line_num + 1
        while True:
            try:
                row = next(self._reader)
            except StopIteration:
                return
            except csv.Error as error:
                self.fail(line, m.ROW_UNREADABLE(detail=str(error)))
            if not row:  # a blank line
                line = self._reader.line_num + 1
                continue
            if len(row) != width:
                self.fail(line, m.ROW_FIELDS(found=len(row), expected=width))
            self.rows += 1
            yield line, {c: row[i].strip() for c, i in zip(self._columns, self._at, strict=True)}
            line = self._reader.line_num + 1

    def uuid(self, line: int, row: dict[str, str], column: str, kind: str) -> str:
        """The UUID ending the ESCO URI in ``column`` (a bad one refused)."""
        value = row[column]
        if not value:
            self.fail(line, m.ROW_EMPTY(column=column))
        match = _URI[kind].fullmatch(value)
        if match is None:
            self.fail(line, m.ROW_BAD_URI(column=column, kind=kind, value=value[:200]))
        return match.group(1)


def _labels(cell: str) -> list[str]:
    return [label.strip() for label in cell.splitlines() if label.strip()]


def _concepts(table: _Table, kind: str, *, polish: bool = False) -> dict[str, ConceptRow]:
    """The concepts of a skills, occupations or collection file, by URI. In a Polish
    file a concept may appear twice (v1.2.1's occupations): the last row counts."""
    found: dict[str, ConceptRow] = {}
    first: dict[str, int] = {}
    for line, row in table:
        uuid = table.uuid(line, row, "conceptUri", kind)
        uri = row["conceptUri"]
        if uri in first and not polish:
            table.fail(line, m.ROW_DUPLICATE(value=uri, first=first[uri]))
        first.setdefault(uri, line)
        if not row["preferredLabel"]:
            table.fail(line, m.ROW_EMPTY(column="preferredLabel"))
        found[uri] = ConceptRow(
            uri=uri, uuid=uuid, label=row["preferredLabel"],
            alt_labels=_labels(row["altLabels"]), description=row["description"],
            skill_type=row.get("skillType", ""), reuse_level=row.get("reuseLevel", ""),
            code=row.get("code", ""), isco_group=row.get("iscoGroup", ""),
        )  # fmt: skip
    return found


def read_export(
    directory: Path, pl: Path | None = None, *, fingerprint: str | None = None
) -> Export:
    """The export in ``directory`` (English classification and relations) and, when
    given, the Polish package in ``pl``; refused (nothing returned) at the first missing
    file, bad header or bad row. Its ``fingerprint`` is computed from the files as they
    are read, unless the caller has just computed it (:func:`export_fingerprint`, to
    decide whether to load at all) and gives it: the files are then not hashed twice."""
    files = _files(directory, pl)
    version = _VERSION.findall(str(directory.resolve()))
    export = Export(version=version[-1] if version else "unknown", directory=directory, pl=pl)
    digest = hashlib.sha256()
    for name, path in files:
        data = path.read_bytes()
        if fingerprint is None:
            _add_file(digest, name, data)
        stem = name.removesuffix(".csv")
        if stem == f"{SKILLS}_en":
            table = _Table(name, data, _SKILL_COLUMNS)
            export.skills = _concepts(table, "skill")
        elif stem == f"{OCCUPATIONS}_en":
            table = _Table(name, data, _OCCUPATION_COLUMNS)
            export.occupations = _concepts(table, "occupation")
        elif stem == RELATIONS:
            table = _Table(name, data, _RELATION_COLUMNS)
            _relations(table, export)
        elif stem == f"{SKILLS}_pl":
            table = _Table(name, data, _LABEL_COLUMNS)
            export.skills_pl.update(_concepts(table, "skill", polish=True))
        elif stem == f"{OCCUPATIONS}_pl":
            table = _Table(name, data, _LABEL_COLUMNS)
            export.occupations_pl = _concepts(table, "occupation", polish=True)
        elif stem.endswith("_pl"):  # a collection's Polish labels
            table = _Table(name, data, _LABEL_COLUMNS)
            for uri, row in _concepts(table, "skill", polish=True).items():
                export.skills_pl.setdefault(uri, row)
        else:  # an English collection file
            collection = next(c for c, s in COLLECTION_FILES.items() if stem == f"{s}_en")
            table = _Table(name, data, ("conceptUri",))
            members = export.collections[collection] = set()
            for line, cells in table:
                table.uuid(line, cells, "conceptUri", "skill")
                members.add(cells["conceptUri"])
        export.files.append(FileRead(name, path, table.rows))
    export.fingerprint = fingerprint or digest.hexdigest()
    return export


def _relations(table: _Table, export: Export) -> None:
    """The occupation → skill relations; the skills file is read first (files are read
    in that order), and every skill a relation names must be in it."""
    skills = {row.uri: row.uuid for row in export.skills.values()}
    occupations = {row.uri for row in export.occupations.values()}
    append = export.relations.append
    for line, row in table:
        occupation = table.uuid(line, row, "occupationUri", "occupation")
        skill = skills.get(row["skillUri"])
        if skill is None:
            table.uuid(line, row, "skillUri", "skill")  # a malformed URI said so first
            table.fail(line, m.ROW_UNKNOWN_SKILL(value=row["skillUri"]))
        if row["relationType"] not in ("essential", "optional"):
            table.fail(line, m.ROW_BAD_RELATION(value=row["relationType"][:40]))
        if row["occupationUri"] not in occupations:
            export.unknown_occupations.add(row["occupationUri"])
        append((occupation, skill, row["relationType"], row["skillType"]))
