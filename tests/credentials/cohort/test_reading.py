"""Learner lists read as rows: CSV encodings and separators, quoted cells over lines,
XLSX workbooks, the header's checks, and a 100,000-row list read in flat memory."""

from __future__ import annotations

import codecs
import datetime as dt
import gc
import io
import tracemalloc
import zipfile
from pathlib import Path

import openpyxl
import pytest

from microcred.credentials.cohort import (
    MAX_ROWS,
    CohortRow,
    RowProblem,
    open_cohort,
    read_cohort,
)
from microcred.credentials.cohort import messages as m
from microcred.credentials.errors import CohortError
from microcred.standard.messages import Reason


def _rows(data: bytes, **kwargs: object) -> list[CohortRow | RowProblem]:
    return list(read_cohort(data, **kwargs))  # type: ignore[arg-type]


def _refused(data: bytes, **kwargs: object) -> Reason:
    with pytest.raises(CohortError) as caught:
        _rows(data, **kwargs)
    return caught.value.said


def _xlsx(*rows: tuple[object, ...], cells: dict[str, object] | None = None) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(list(row))
    for address, value in (cells or {}).items():
        sheet[address] = value
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- CSV ---------------------------------------------------------------------------------


@pytest.mark.parametrize("separator", [",", ";", "\t"])
def test_the_separator_is_the_one_the_header_holds(separator: str) -> None:
    text = separator.join(["name", "E-mail", "grade"]) + "\n"
    text += separator.join(["Anna Kowalska", "anna@example.org", "zaliczone, z wyróżnieniem"
                            if separator != "," else "pass"]) + "\n"  # fmt: skip
    cohort = open_cohort(text.encode())
    assert cohort.kind == "csv"
    assert cohort.delimiter == separator
    assert cohort.columns == ("name", "email", "grade")
    (row,) = cohort.rows()
    assert isinstance(row, CohortRow)
    assert row.line == 2
    assert row.cells["email"] == "anna@example.org"


def test_a_utf8_byte_order_mark_is_no_part_of_the_first_column() -> None:
    data = codecs.BOM_UTF8 + "name;email\nŁukasz Żółć;l@example.org\n".encode()
    cohort = open_cohort(data)
    assert cohort.encoding == "utf-8-sig"
    assert cohort.columns == ("name", "email")
    assert [r.cells for r in cohort.rows()] == [  # type: ignore[union-attr]
        {"name": "Łukasz Żółć", "email": "l@example.org"}
    ]


def test_windows_1250_polish_names_are_read() -> None:
    data = "name;email\nŁukasz Żółć;l@example.org\nŚwiętosława Gęś;s@example.org\n"
    encoded = data.encode("cp1250")
    with pytest.raises(UnicodeDecodeError):
        encoded.decode("utf-8")  # what the file is not
    cohort = open_cohort(encoded)
    assert cohort.encoding == "cp1250"
    names = [r.cells["name"] for r in cohort.rows()]  # type: ignore[union-attr]
    assert names == ["Łukasz Żółć", "Świętosława Gęś"]


def test_utf16_with_its_byte_order_mark_is_read() -> None:
    data = "name\temail\nŁukasz Żółć\tl@example.org\n".encode("utf-16")  # Excel's Unicode text
    cohort = open_cohort(data)
    assert cohort.encoding == "utf-16"
    assert cohort.delimiter == "\t"
    assert [r.cells["name"] for r in cohort.rows()] == ["Łukasz Żółć"]  # type: ignore[union-attr]


def test_bytes_that_are_no_text_are_refused() -> None:
    assert _refused(b"name\nAnna \x81\x98 Nowak\n").code == m.NOT_TEXT.code  # neither codec
    assert _refused(b"\xff\xfename\n").code == m.NOT_TEXT.code  # a UTF-16 mark, odd bytes


def test_a_quoted_cell_over_lines_keeps_the_line_the_row_starts_on() -> None:
    data = b'name,narrative\n"Anna Kowalska","first line\nsecond line\nthird"\n\nJan Nowak,x\n'
    rows = _rows(data)
    assert [(r.line, r.cells.get("narrative")) for r in rows] == [  # type: ignore[union-attr]
        (2, "first line\nsecond line\nthird"),
        (6, "x"),
    ]


def test_crlf_line_ends_and_blank_rows() -> None:
    rows = _rows(b"name,email\r\n\r\nAnna Kowalska,a@example.org\r\n;\r\n,,\r\nJan Nowak,\r\n")
    assert [(r.line, dict(r.cells)) for r in rows] == [  # type: ignore[union-attr]
        (3, {"name": "Anna Kowalska", "email": "a@example.org"}),
        (4, {"name": ";"}),
        (6, {"name": "Jan Nowak"}),
    ]


def test_a_row_with_more_cells_than_columns_is_a_problem_of_its_line() -> None:
    rows = _rows(b"name,email\nAnna Kowalska,a@example.org,extra\nJan Nowak,j@example.org,,\n")
    assert rows[0] == RowProblem(2, (m.TOO_MANY_CELLS(cells=3, columns=2),))
    assert rows[1] == CohortRow(3, {"name": "Jan Nowak", "email": "j@example.org"})


def test_columns_by_alias_and_extra_fields() -> None:
    data = (
        b"Full Name,e_mail,Date of Birth,evidence,Narrative,extra:Group,EXTRA: Room no\n"
        b"Anna Kowalska,a@example.org,1990-04-02,https://ex.org/e,Built a tool,A1,\n"
    )
    cohort = open_cohort(data)
    assert cohort.columns == ("name", "email", "date_of_birth", "evidence_url", "narrative",
                              "extra:Group", "extra:Room no")  # fmt: skip
    (row,) = cohort.rows()
    assert row == CohortRow(
        2,
        {"name": "Anna Kowalska", "email": "a@example.org", "date_of_birth": "1990-04-02",
         "evidence_url": "https://ex.org/e", "narrative": "Built a tool"},
        {"Group": "A1"},
    )  # fmt: skip


def test_a_trailing_separator_in_the_header_is_no_column() -> None:
    assert open_cohort(b"name;email;\nA B;a@example.org;\n").columns == ("name", "email")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", m.EMPTY()),
        (b"\n\nname\n", m.EMPTY()),
        (b" , \nA B\n", m.EMPTY()),
        (b"nmae,email\n", m.UNKNOWN_COLUMN(column="nmae", hint=" (name?)")),
        (b"name,,email\n", m.UNKNOWN_COLUMN(column="", hint="")),
        (b"name,Name\n", m.REPEATED_COLUMN(column="name")),
        (b"name,extra:g,Extra:g\n", m.REPEATED_COLUMN(column="extra:g")),
        (b"name,extra:\n", m.BAD_EXTRA_COLUMN(column="extra:", limit=100)),
        (b"email,grade\n", m.NO_NAME_COLUMN()),
        (b"given_name,email\n", m.NO_NAME_COLUMN()),
        (b'name\nA B\n"unclosed\n', m.CSV_SYNTAX(line=3, detail="unexpected end of data")),
    ],
    ids=["empty", "blank-first-line", "blank-header", "typo", "empty-column", "repeated",
         "repeated-extra", "extra-without-name", "no-name", "half-a-name", "unclosed-quote"],
)  # fmt: skip
def test_an_unusable_csv_is_refused_with_its_reason(data: bytes, reason: Reason) -> None:
    assert _refused(data) == reason


def test_the_header_is_checked_when_the_list_is_opened() -> None:
    with pytest.raises(CohortError) as caught:
        read_cohort(b"nmae\nA B\n")  # not yet iterated
    assert caught.value.code == m.UNKNOWN_COLUMN.code
    assert "nieznana kolumna 'nmae'" in caught.value.text("pl")


def test_a_file_over_the_size_limit_is_refused_before_it_is_read() -> None:
    assert _refused(b"name\n" + b"Anna Kowalska\n" * 10, max_bytes=100) == m.TOO_LARGE(limit=100)


def test_more_rows_than_the_limit_stop_the_list_after_the_limit() -> None:
    rows = read_cohort(b"name\nA B\n\nC D\nE F\n", max_rows=2)
    assert [r.line for r in (next(rows), next(rows))] == [2, 4]
    with pytest.raises(CohortError) as caught:
        next(rows)
    assert caught.value.said == m.TOO_MANY_ROWS(limit=2)
    assert MAX_ROWS == 100_000


def test_rows_read_again_from_a_file_the_caller_keeps_open(tmp_path: Path) -> None:
    path = tmp_path / "cohort.csv"
    path.write_bytes("name;email\nŁukasz Żółć;l@example.org\n".encode("cp1250"))
    with path.open("rb") as handle:
        cohort = open_cohort(handle, filename=path.name)
        first, again = list(cohort.rows()), list(cohort)
        assert first == again == [CohortRow(2, {"name": "Łukasz Żółć", "email": "l@example.org"})]
        assert not handle.closed
        del cohort
        open_cohort(handle)  # opened, its rows never asked for, then dropped
        gc.collect()
        assert not handle.closed
        assert handle.seek(0) == 0


def test_a_hundred_thousand_rows_stream_in_flat_memory(tmp_path: Path) -> None:
    """The list is never held: peak memory while reading 100,000 rows (a 7 MB file) stays
    a small fraction of the file's size."""
    path = tmp_path / "cohort.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("name;email;date_of_birth;student_id;issued_on;grade;extra:group\n")
        for i in range(100_000):
            out.write(f"Łucja Nowak-{i};l{i}@example.org;1990-04-02;S{i:06d};2025-06-20;"
                      f"zaliczone;G{i % 40}\n")  # fmt: skip
    size = path.stat().st_size
    assert size > 7_000_000
    with path.open("rb") as handle:
        tracemalloc.start()
        try:
            cohort = open_cohort(handle, filename=path.name)
            count = last = 0
            for row in cohort.rows():
                assert isinstance(row, CohortRow)
                count, last = count + 1, row.line
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert (count, last) == (100_000, 100_001)
    assert peak < 2 * 1024 * 1024, peak  # a chunk of the encoding check, and one row


# --- XLSX --------------------------------------------------------------------------------


def test_a_workbook_is_read_with_its_row_numbers_dates_and_numbers() -> None:
    data = _xlsx(
        ("Name", "E-mail", "date_of_birth", "student_id", "issued_on", "grade", "extra:score"),
        ("Anna Kowalska", "a@example.org", dt.date(1990, 4, 2), 123456, "2025-06-20", "pass", 4.5),
        cells={"A5": "Łukasz Żółć", "C5": dt.datetime(1991, 1, 31, 0, 0), "D5": 7.0,
               "A6": '=HYPERLINK("https://evil.example")', "B7": "b@example.org"},
    )  # fmt: skip
    cohort = open_cohort(data, filename="cohort.xlsx")
    assert cohort.kind == "xlsx"
    assert cohort.columns[:2] == ("name", "email")
    rows = list(cohort.rows())
    assert list(cohort.rows()) == rows  # read again from the start
    assert rows == [
        CohortRow(2, {"name": "Anna Kowalska", "email": "a@example.org",
                      "date_of_birth": "1990-04-02", "student_id": "123456",
                      "issued_on": "2025-06-20", "grade": "pass"}, {"score": "4.5"}),
        CohortRow(5, {"name": "Łukasz Żółć", "date_of_birth": "1991-01-31", "student_id": "7"}),
        CohortRow(6, {"name": '=HYPERLINK("https://evil.example")'}),  # refused by the rules
        CohortRow(7, {"email": "b@example.org"}),  # a row that starts in column B
    ]  # fmt: skip


def test_a_workbook_is_known_by_its_content_whatever_its_name() -> None:
    data = _xlsx(("name",), ("Anna Kowalska",))
    assert open_cohort(data, filename="upload.bin").kind == "xlsx"
    assert [r.line for r in read_cohort(data)] == [2]


def test_a_workbook_row_with_cells_past_the_header() -> None:
    rows = _rows(_xlsx(("name", "email"), ("Anna Kowalska", "a@example.org", "x")))
    assert rows == [RowProblem(2, (m.TOO_MANY_CELLS(cells=3, columns=2),))]


def test_an_empty_workbook_has_no_header() -> None:
    assert _refused(_xlsx()) == m.EMPTY()
    assert _refused(_xlsx(("nmae",))) == m.UNKNOWN_COLUMN(column="nmae", hint=" (name?)")


def _zip(**files: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_what_is_no_workbook_is_refused() -> None:
    assert _refused(b"name\nA B\n", filename="cohort.xlsx").code == m.NOT_SPREADSHEET.code
    assert _refused(_zip(**{"notes.txt": b"hello"})).code == m.NOT_SPREADSHEET.code
    assert _refused(b"PK\x03\x04 damaged").code == m.NOT_SPREADSHEET.code
    old_excel = bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 100
    assert _refused(old_excel) == m.OLD_EXCEL()
    assert _refused(b"name\nA B\n", filename="COHORT.XLS") == m.OLD_EXCEL()


def test_a_zip_that_would_unpack_to_too_much_is_refused() -> None:
    bomb = _zip(**{"xl/worksheets/sheet1.xml": b"\x00" * 5_000_000})
    assert len(bomb) < 100_000
    assert _refused(bomb, max_bytes=1_000_000) == m.TOO_LARGE(limit=4_000_000)
