"""Reading the ESCO CSV export: the real files' counts, and every way a folder can be
wrong — each refused with the file, the column or the line named."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from microcred.platform.core.errors import InvalidInputError
from microcred.platform.esco import messages as m
from microcred.platform.esco.export import export_fingerprint, find_export, read_export

from .conftest import ENGLISH, POLISH, RELATIONS


def test_the_real_export_is_read_whole(esco_root: Path) -> None:
    export = read_export(esco_root / "v1.1.1", esco_root / POLISH)
    assert export.version == "1.1.1"
    assert (len(export.skills), len(export.occupations), len(export.relations)) == (
        13_896, 3_007, 123_855,
    )  # fmt: skip
    rows = {f.name: f.rows for f in export.files}
    assert rows["occupationSkillRelations.csv"] == 123_855
    assert rows["occupations_pl.csv"] == 3_043  # 4 URIs twice: the last row counts
    assert {c: len(uris) for c, uris in export.collections.items()} == {
        "digital": 1201, "green": 570, "transversal": 96, "digcomp": 26, "language": 346,
        "research": 40,
    }  # fmt: skip
    assert sum(uri in export.skills for uri in export.skills_pl) == 2235
    assert sum(uri in export.occupations for uri in export.occupations_pl) == 3004
    # the one occupation v1.1.1's relations name and its occupations file lacks
    assert export.unknown_occupations == {
        "http://data.europa.eu/esco/occupation/a9e54177-a185-404d-b6e6-15663d31137e"
    }
    skill = export.skills["http://data.europa.eu/esco/skill/0005c151-5b5a-4a66-8aac-60e734beb1ab"]
    assert skill.label == "manage musical staff"
    assert "coordinate duties of musical staff" in skill.alt_labels  # a multi-line field


def test_the_export_is_found_by_version(esco_root: Path) -> None:
    assert find_export(esco_root) == (esco_root / "v1.1.1", esco_root / POLISH)


def test_the_english_folder_alone_finds_its_relations_next_to_it(cut: Path) -> None:
    export = read_export(cut / ENGLISH)
    assert len(export.skills) == 400
    assert export.relations


def test_a_missing_file_is_named(cut: Path) -> None:
    (cut / RELATIONS / "occupationSkillRelations.csv").unlink()
    with pytest.raises(InvalidInputError) as caught:
        read_export(cut / "v1.1.1")
    assert caught.value.code == m.FILE_MISSING.code
    assert "occupationSkillRelations.csv" in caught.value.text("en")
    assert "occupationSkillRelations.csv" in caught.value.text("pl")


def test_a_folder_that_is_not_there_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError) as caught:
        read_export(tmp_path / "nothing")
    assert caught.value.code == m.NOT_A_FOLDER.code


def test_a_polish_folder_without_polish_files_is_refused(cut: Path, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(InvalidInputError) as caught:
        read_export(cut / "v1.1.1", tmp_path / "empty")
    assert caught.value.code == m.NO_POLISH_FILE.code


def test_a_bad_header_names_the_missing_column(cut: Path) -> None:
    path = cut / ENGLISH / "skills_en.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("preferredLabel", "prefLabel", 1), encoding="utf-8")
    with pytest.raises(InvalidInputError) as caught:
        read_export(cut / "v1.1.1")
    assert caught.value.code == m.BAD_HEADER.code
    assert (
        caught.value.text("en") == "skills_en.csv: the header lacks the column(s) preferredLabel."
    )


def _records(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[0], rows[1:]


def _line_of(header: list[str], rows: list[list[str]], index: int) -> int:
    """The line record ``index`` starts on, as written (its earlier records may span
    several lines)."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([header, *rows[:index]])
    return out.getvalue().count("\n") + 1


def _rewrite(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows([header, *rows])


def test_a_malformed_row_is_reported_with_the_line_it_starts_on(cut: Path) -> None:
    path = cut / ENGLISH / "skills_en.csv"
    header, rows = _records(path)
    assert any("\n" in cell for row in rows[:30] for cell in row)  # lines ≠ records here
    rows[30] = rows[30][:-2]  # two fields short
    _rewrite(path, header, rows)
    with pytest.raises(InvalidInputError) as caught:
        read_export(cut / "v1.1.1")
    line = _line_of(header, rows, 30)
    assert line > 32
    assert caught.value.code == m.BAD_ROW.code
    assert caught.value.extra == {"file": "skills_en.csv", "line": line,
                                  "problem": m.ROW_FIELDS.code}  # fmt: skip
    assert caught.value.text("en") == (
        f"skills_en.csv, line {line}: {len(header) - 2} fields where the header has {len(header)}"
    )


@pytest.mark.parametrize(("column", "value", "problem"), [
    ("skillUri", "http://data.europa.eu/esco/skill/not-a-uuid", m.ROW_BAD_URI),
    ("skillUri", "http://data.europa.eu/esco/skill/00000000-0000-0000-0000-000000000000",
     m.ROW_UNKNOWN_SKILL),
    ("occupationUri", "", m.ROW_EMPTY),
    ("relationType", "mandatory", m.ROW_BAD_RELATION),
])  # fmt: skip
def test_a_bad_relation_is_reported_with_its_line(
    cut: Path, column: str, value: str, problem: m.Message
) -> None:
    path = cut / RELATIONS / "occupationSkillRelations.csv"
    header, rows = _records(path)
    rows[4][header.index(column)] = value
    _rewrite(path, header, rows)
    with pytest.raises(InvalidInputError) as caught:
        read_export(cut / "v1.1.1")
    assert caught.value.extra == {"file": "occupationSkillRelations.csv", "line": 6,
                                  "problem": problem.code}  # fmt: skip


def test_a_skill_twice_is_refused(cut: Path) -> None:
    path = cut / ENGLISH / "skills_en.csv"
    header, rows = _records(path)
    rows.append(rows[0])
    _rewrite(path, header, rows)
    with pytest.raises(InvalidInputError) as caught:
        read_export(cut / "v1.1.1")
    assert caught.value.extra["problem"] == m.ROW_DUPLICATE.code
    assert "first on line 2" in caught.value.text("en")


def test_text_that_is_not_utf8_is_refused_with_its_line(cut: Path) -> None:
    path = cut / ENGLISH / "occupations_en.csv"
    data = path.read_bytes()
    at = data.index(b"\n", data.index(b"\n") + 1)  # after the first record's first line
    path.write_bytes(data[:at] + b"\xff" + data[at:])
    with pytest.raises(InvalidInputError) as caught:
        read_export(cut / "v1.1.1")
    assert caught.value.code == m.BAD_ENCODING.code
    assert "line 2" in caught.value.text("en")


def test_an_empty_file_is_refused(cut: Path) -> None:
    (cut / ENGLISH / "occupations_en.csv").write_bytes(b"")
    with pytest.raises(InvalidInputError) as caught:
        read_export(cut / "v1.1.1")
    assert caught.value.code == m.EMPTY_FILE.code


def test_the_fingerprint_follows_the_contents(cut: Path, tmp_path: Path) -> None:
    before = export_fingerprint(cut / "v1.1.1", cut / POLISH)
    assert before == read_export(cut / "v1.1.1", cut / POLISH).fingerprint
    copy = tmp_path / "copy"
    shutil.copytree(cut, copy)
    assert export_fingerprint(copy / "v1.1.1", copy / POLISH) == before  # the place is not hashed
    path = copy / ENGLISH / "skills_en.csv"
    path.write_bytes(path.read_bytes() + b"\n")
    assert export_fingerprint(copy / "v1.1.1", copy / POLISH) != before
