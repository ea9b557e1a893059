"""The labelled corpus of learning-outcome statements (see README.md here): loading it,
and the fixed held-out third. ``tests/standard/compliance/test_outcome_corpus.py`` checks
the corpus itself; ``bench/outcomes.py`` measures the outcome rules against it."""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
LABELS = ("outcome", "activity", "topic", "aim")
LANGUAGES = ("pl", "en")
#: a second labeller's labels of the held-out third, made independently from the README's
#: decisions alone: a comment line, a header line (sha256, label, …), then one row a text
SECOND_LABELS = HERE / "second-labels.tsv"
#: the batches whose held-out part the second labeller has labelled (``SECOND_LABELS``
#: covers exactly their held-out statements; a later batch joins once it is labelled)
SECOND_LABELLED = frozenset(range(1, 13))
#: every statement labelled again from its text alone, as typed into a design's outcome
#: field, without its source or section (README.md, "Labels from the statement alone"):
#: the same layout as ``SECOND_LABELS``
STATEMENT_LABELS = HERE / "statement-labels.tsv"
#: the files of the first three batches, named before files carried their batch (README.md,
#: "Batches"); every later file is named ``*-batchN*.yaml``
EARLY_BATCHES = {
    "pl-university.yaml": 1, "pl-training.yaml": 1, "en-university.yaml": 1,
    "en-courses.yaml": 1, "pl-more.yaml": 2, "en-university-2.yaml": 2,
    "en-courses-2.yaml": 2, "pl-fresh.yaml": 3, "en-fresh.yaml": 3,
}  # fmt: skip
_BATCH_IN_NAME = re.compile(r"[^/]+-batch(\d+)(?:\D[^/]*)?\.yaml")


def batch_of(name: str) -> int:
    """The batch a corpus file came in, by its name: each batch was labelled before the
    rules' next revision saw any of it (README.md, "Batches"). KeyError for a file of no
    batch."""
    if match := _BATCH_IN_NAME.fullmatch(name):
        return int(match.group(1))
    return EARLY_BATCHES[name]


def is_weak(label: str) -> bool:
    """What the rules should say of a statement so labelled: anything but an outcome is a
    weak outcome."""
    return label != "outcome"


def text_sha256(text: str) -> str:
    """The SHA-256 of the text (UTF-8), in hex: what names a statement in
    ``second-labels.tsv`` and fixes the held-out third."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


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
        """What the rules should say (:func:`is_weak`)."""
        return is_weak(self.label)

    @property
    def batch(self) -> int:
        """The batch the entry came in (:func:`batch_of`)."""
        return batch_of(self.file)

    @functools.cached_property
    def sha256(self) -> str:
        """The SHA-256 of the text (:func:`text_sha256`)."""
        return text_sha256(self.text)

    @property
    def held_out(self) -> bool:
        """In the held-out third: decided by the text alone, before any tuning."""
        return held_out(self.text)


def held_out(text: str) -> bool:
    """The last hex digit of the text's SHA-256 (UTF-8), mod 3, is 0."""
    return int(text_sha256(text)[-1], 16) % 3 == 0


def label_rows(path: Path) -> list[list[str]]:
    """The rows of a file of labels by SHA-256 (:data:`SECOND_LABELS`,
    :data:`STATEMENT_LABELS`), each split at tabs, after its comment line and its header
    line; none when the file is not there."""
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines[2:]]


def load() -> list[Entry]:
    """Every entry of every ``*.yaml`` file here, in file order."""
    entries = []
    for path in sorted(HERE.glob("*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            entries.append(Entry(**{key: str(item[key]) for key in
                                    ("text", "lang", "label", "why", "source", "url")},
                                 file=path.name))  # fmt: skip
    return entries
