"""Learner lists read and checked (``credentials.cohort``): rows per second and peak
memory for a generated list of N learners, as CSV (UTF-8 and Windows-1250) and XLSX.

    .venv/bin/python bench/cohort.py [--rows N] [--rounds R]

The XLSX is read twice: as Excel writes it (its size in a ``<dimension>`` at the top), and
without that element, which costs openpyxl one more pass over the sheet. For each file:
reading only (``open_cohort(...).rows()``) and reading with every row
turned into an award (``awards_from_rows``: the rules, the grade, duplicates), the
median time of R rounds with min and max, and the peak memory Python allocated during
one more round (tracemalloc) next to the file's size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl

from microcred.credentials.cohort import awards_from_rows, open_cohort
from microcred.standard import designfile

ROOT = Path(__file__).resolve().parent.parent
SPEC = designfile.loads((ROOT / "examples" / "designs" / "python-basics.yaml").read_bytes())
HEADER = ["name", "email", "date_of_birth", "student_id", "issued_on", "grade", "extra:group"]


def _row(i: int) -> list[str]:
    return [f"Łucja Żółć-{i}", f"l{i}@example.org", "1990-04-02", f"S{i:06d}", "2025-06-20",
            "zaliczone", f"G{i % 40}"]  # fmt: skip


def _write(folder: Path, rows: int) -> dict[str, Path]:
    text = ";".join(HEADER) + "\n" + "".join(";".join(_row(i)) + "\n" for i in range(rows))
    files = {"csv utf-8": folder / "cohort.csv", "csv cp1250": folder / "cohort-1250.csv"}
    files["csv utf-8"].write_text(text, encoding="utf-8")
    files["csv cp1250"].write_text(text, encoding="cp1250")
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(HEADER)
    for i in range(rows):
        sheet.append(_row(i))
    files["xlsx, no dimension"] = folder / "cohort-bare.xlsx"
    workbook.save(files["xlsx, no dimension"])
    files["xlsx"] = folder / "cohort.xlsx"
    _with_dimension(files["xlsx, no dimension"], files["xlsx"], rows + 1)
    return files


def _with_dimension(source: Path, target: Path, rows: int) -> None:
    """The workbook with the ``<dimension>`` Excel and LibreOffice write at the top of a
    sheet (openpyxl's write-only mode leaves it out, and its reader then parses the
    whole sheet once more to learn the size)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename.startswith("xl/worksheets/sheet"):
                ref = f'<dimension ref="A1:{chr(ord("A") + len(HEADER) - 1)}{rows}"/>'
                data = data.replace(b"</sheetPr>", b"</sheetPr>" + ref.encode(), 1)
            new.writestr(info, data)


def _read(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for _ in open_cohort(handle, filename=path.name).rows())


def _awards(path: Path) -> int:
    with path.open("rb") as handle:
        rows = open_cohort(handle, filename=path.name).rows()
        return sum(1 for _ in awards_from_rows(SPEC, rows, today=dt.date(2025, 6, 30)))


def _measure(work: Callable[[Path], int], path: Path, rounds: int) -> str:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        count = work(path)
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    work(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    median = statistics.median(times)
    return (f"{median:6.2f} s (min {min(times):.2f}, max {max(times):.2f})  "
            f"{count / median:8,.0f} rows/s  peak {peak / 2**20:5.1f} MiB")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for kind, path in _write(Path(folder), args.rows).items():
            size = path.stat().st_size / 2**20
            print(f"{kind:18} {args.rows:,} rows, {size:.1f} MiB")
            print(f"  read       {_measure(_read, path, args.rounds)}")
            print(f"  + awards   {_measure(_awards, path, args.rounds)}")


if __name__ == "__main__":
    main()
