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
