"""Benchmark: PDF certificates rendered per certificate (target: median ≤ 250 ms).

``python bench/render.py [--n N] [--pictures DIR]`` signs one Open Badges 3.0 credential
for each example design, then renders N certificates (default 30), going round the
designs in Polish and English, each with its signed credential attached, and prints:

- the import of WeasyPrint and the first (cold) render — fonts, template and CSS loaded —
  each on its own;
- the median, min and max ms per certificate of the N warm renders (``render_pdf``);
- the median ms of a certificate asked for again through ``PdfCache`` (a cache hit);
- the median ms of ``baking.extract_pdf`` (the attachments read back) on those PDFs, and
  their median size.

``--pictures DIR`` also writes ``certificate-pl.png`` (python-basics, Polish) and
``certificate-en.png`` (machine-learning-university, English) with ``pdftoppm -png -r 80``
(Debian's poppler-utils): the pictures in ``docs/img/``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from microcred.credentials.baking import extract_pdf
from microcred.credentials.data_integrity import sign
from microcred.credentials.keys import KeyPair
from microcred.credentials.ob3 import to_ob3
from microcred.standard import designfile
from microcred.standard.elements import Award, award_grade

ROOT = Path(__file__).resolve().parent.parent
DESIGNS = sorted((ROOT / "examples" / "designs").glob("*.yaml"))
LEARNER = {
    "given_name": "Anna Maria",
    "family_name": "Kowalska-Wiśniewska",
    "date_of_birth": "1990-04-02",
    "student_id": "123456",
}
PICTURES = {
    "certificate-pl.png": ("python-basics", "pl", "https://ckw.example.edu.pl"),
    "certificate-en.png": ("machine-learning-university", "en", "https://un.example.edu.pl"),
}
#: a grade on each design's own scale (``grading_scale``), as ``microcred build`` takes it
GRADES = {"python-basics": "zaliczone", "machine-learning-university": "5.0"}
VERIFICATION_ID = "3f9c2a71-5b0e-4d7e-9a51-2c4e8f1d6b20"


def _award(path: Path) -> Award:
    spec = designfile.loads(path.read_bytes(), source=str(path))
    grade = award_grade(spec, GRADES.get(path.stem, "zaliczone"))
    return Award.model_validate(
        {
            "spec": spec.model_dump(),
            "learner": LEARNER,
            "issued_on": "2025-06-20",
            "grade": grade.model_dump(),
        }
    )


def _signed(award: Award, key: KeyPair) -> bytes:
    credential = sign(to_ob3(award, issuer_id=key.did_key), key)
    return json.dumps(credential, ensure_ascii=False).encode("utf-8")


def _ms(seconds: float) -> str:
    milliseconds = seconds * 1000
    return f"{milliseconds:.2f} ms" if milliseconds < 10 else f"{milliseconds:.0f} ms"


def _pictures(folder: Path, key: KeyPair) -> None:
    from microcred.credentials.render import render_pdf
    from microcred.credentials.render.pdf import verification_url

    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        sys.exit("pdftoppm not found: apt-get install poppler-utils")
    folder.mkdir(parents=True, exist_ok=True)
    for picture, (design, lang, url) in PICTURES.items():
        award = _award(ROOT / "examples" / "designs" / f"{design}.yaml")
        pdf = render_pdf(
            award,
            credentials={"credential-ob3.json": _signed(award, key)},
            verification_url=verification_url(f"urn:uuid:{VERIFICATION_ID}", url),
            lang=lang,
        )
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / "certificate.pdf"
            source.write_bytes(pdf)
            stem = Path(tmp) / "page"
            command = [pdftoppm, "-png", "-r", "80", "-singlefile", str(source), str(stem)]
            subprocess.run(command, check=True)  # noqa: S603 - fixed arguments
            shutil.copyfile(stem.with_suffix(".png"), folder / picture)
        print(f"wrote {folder / picture}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=30, help="warm renders (default 30)")
    parser.add_argument("--pictures", type=Path, help="write the two PNGs into this folder")
    args = parser.parse_args()

    key = KeyPair.generate()
    awards = [_award(path) for path in DESIGNS]
    signed = [_signed(award, key) for award in awards]

    start = time.perf_counter()
    render = importlib.import_module("microcred.credentials.render")
    imported = time.perf_counter() - start

    jobs = [(a, s, lang) for lang in ("pl", "en") for a, s in zip(awards, signed, strict=True)]

    def one(i: int) -> tuple[float, bytes]:
        award, credential, lang = jobs[i % len(jobs)]
        begin = time.perf_counter()
        pdf: bytes = render.render_pdf(
            award,
            credentials={"credential-ob3.json": credential},
            verification_url=f"https://ckw.example.edu.pl/v/{i:08d}-{VERIFICATION_ID}",
            lang=lang,
        )
        return time.perf_counter() - begin, pdf

    cold, _ = one(0)
    timed = [one(i) for i in range(1, args.n + 1)]
    times = [t for t, _ in timed]
    extract = []
    for _, pdf in timed:
        begin = time.perf_counter()
        extract_pdf(pdf)
        extract.append(time.perf_counter() - begin)
    sizes = [len(pdf) for _, pdf in timed]
    # On demand, cached: the same certificates asked for again are read from the cache.
    with tempfile.TemporaryDirectory() as folder:
        cache = render.PdfCache(Path(folder))
        cached = []
        for i in range(len(jobs) * 2):  # each job: a miss, then a hit
            award, credential, lang = jobs[i % len(jobs)]
            begin = time.perf_counter()
            cache.render(award, credentials={"credential-ob3.json": credential},
                         verification_url=f"https://ckw.example.edu.pl/v/{VERIFICATION_ID}",
                         lang=lang)  # fmt: skip
            if i >= len(jobs):
                cached.append(time.perf_counter() - begin)

    import weasyprint  # type: ignore[import-untyped]

    median = statistics.median(times)
    print(
        f"PDF certificates — WeasyPrint {weasyprint.__version__}, Python "
        f"{platform.python_version()}, {len(DESIGNS)} designs x pl/en, OB 3.0 credential "
        "attached"
    )
    rows = [
        ("import of the render package (WeasyPrint)", _ms(imported)),
        ("first render (cold: fonts, template, CSS)", _ms(cold)),
        (
            f"render_pdf, {args.n} warm renders",
            f"median {_ms(median)} (min {_ms(min(times))}, max {_ms(max(times))})"
            f"   target: median ≤ 250 ms {'met' if median <= 0.25 else 'MISSED'}",
        ),
        (f"PdfCache hit, {len(cached)} certificates", f"median {_ms(statistics.median(cached))}"),
        ("extract_pdf (attachments read back)", f"median {_ms(statistics.median(extract))}"),
        ("PDF size", f"median {statistics.median(sizes) / 1024:.0f} KiB"),
    ]
    for label, value in rows:
        print(f"  {label:<44}{value}")
    if args.pictures:
        _pictures(args.pictures, key)


if __name__ == "__main__":
    main()
