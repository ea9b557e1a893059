"""The labelled corpus of learning-outcome statements (see README.md here): loading it,
and the fixed held-out third. ``tests/standard/compliance/test_outcome_corpus.py`` checks
the corpus itself; ``bench/outcomes.py`` measures the outcome rules against it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
LABELS = ("outcome", "activity", "topic", "aim")
#: the batches the corpus grew in, by file (README.md, "Batches"): each was labelled
#: before the rules' next revision saw any of it
BATCHES = {
    "pl-university.yaml": 1, "pl-training.yaml": 1, "en-university.yaml": 1,
    "en-courses.yaml": 1, "pl-more.yaml": 2, "en-university-2.yaml": 2,
    "en-courses-2.yaml": 2, "pl-fresh.yaml": 3, "en-fresh.yaml": 3,
    "pl-batch4.yaml": 4, "en-batch4-university.yaml": 4, "en-batch4-vocational.yaml": 4,
    "pl-batch5.yaml": 5, "en-batch5-a.yaml": 5, "en-batch5-b.yaml": 5,
    "pl-batch6-a.yaml": 6, "pl-batch6-b.yaml": 6, "en-batch6-a.yaml": 6, "en-batch6-b.yaml": 6,
    "pl-batch7-a.yaml": 7, "pl-batch7-b.yaml": 7, "en-batch7-a.yaml": 7, "en-batch7-b.yaml": 7,
    "pl-batch8-lists.yaml": 8, "pl-batch8-pages.yaml": 8, "en-batch8-lists.yaml": 8,
    "en-batch8-pages.yaml": 8, "en-batch9-lists.yaml": 9, "en-batch9-pages.yaml": 9,
    "pl-batch9-pages.yaml": 9, "en-batch10.yaml": 10, "pl-batch10.yaml": 10,
}  # fmt: skip
LANGUAGES = ("pl", "en")


@dataclass(frozen=True)
class Entry:
    """One statement, as its source writes it, with its label and where it is from."""

    text: str
    lang: str
    label: str
    why: str
    source: str
    url: str
    file: str

    @property
    def weak(self) -> bool:
        """What the rules should say: anything but an outcome is a weak outcome."""
        return self.label != "outcome"

    @property
    def batch(self) -> int:
        """The batch the entry came in (:data:`BATCHES`)."""
        return BATCHES[self.file]

    @property
    def held_out(self) -> bool:
        """In the held-out third: decided by the text alone, before any tuning."""
        return held_out(self.text)


def held_out(text: str) -> bool:
    """The last hex digit of the text's SHA-256 (UTF-8), mod 3, is 0."""
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest()[-1], 16) % 3 == 0


def load() -> list[Entry]:
    """Every entry of every ``*.yaml`` file here, in file order."""
    entries = []
    for path in sorted(HERE.glob("*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            entries.append(Entry(**{key: str(item[key]) for key in
                                    ("text", "lang", "label", "why", "source", "url")},
                                 file=path.name))  # fmt: skip
    return entries
