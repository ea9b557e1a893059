"""The labelled corpus of learning-outcome statements is what issue 11 asks of it: at
least 300 real statements, about half Polish and half English, every entry complete and
sourced, every label one of four, no statement twice, many sources, and a held-out third
fixed by the text alone."""

from __future__ import annotations

from collections import Counter

from .outcome_corpus import (
    LABELS,
    LANGUAGES,
    SECOND_LABELLED,
    SECOND_LABELS,
    STATEMENT_LABELS,
    batch_of,
    held_out,
    label_rows,
    load,
)

CORPUS = load()


def test_the_corpus_is_large_and_half_polish_half_english() -> None:
    assert len(CORPUS) >= 300, len(CORPUS)
    languages = Counter(entry.lang for entry in CORPUS)
    assert set(languages) == set(LANGUAGES)
    assert min(languages.values()) >= 0.4 * len(CORPUS), languages


def test_every_entry_is_complete_and_sourced() -> None:
    for entry in CORPUS:
        assert entry.label in LABELS, entry
        assert entry.text, entry
        assert entry.text.strip() == entry.text, entry
        assert entry.why.strip(), entry
        assert entry.source.strip(), entry
        assert entry.url.startswith(("https://", "http://")), entry


def test_no_statement_twice() -> None:
    twice = [text for text, count in Counter(e.text for e in CORPUS).items() if count > 1]
    assert not twice, twice


def test_many_sources_and_every_kind_of_label_in_each_language() -> None:
    assert len({entry.url for entry in CORPUS}) >= 40
    for lang in LANGUAGES:
        labels = Counter(entry.label for entry in CORPUS if entry.lang == lang)
        assert set(labels) == set(LABELS), (lang, labels)
        assert labels["outcome"] >= 0.4 * sum(labels.values()), (lang, labels)


def test_the_held_out_third_is_fixed_by_the_text() -> None:
    held = [entry for entry in CORPUS if entry.held_out]
    assert 0.2 * len(CORPUS) <= len(held) <= 0.45 * len(CORPUS), len(held)
    for lang in LANGUAGES:
        assert any(entry.lang == lang for entry in held), lang
    assert held_out("Student zna i rozumie podstawowe pojęcia") == held_out(
        "Student zna i rozumie podstawowe pojęcia"
    )


def test_the_second_labels_cover_exactly_the_held_out_third() -> None:
    lines = SECOND_LABELS.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#")
    assert lines[1].split("\t")[:2] == ["sha256", "label"]
    rows = label_rows(SECOND_LABELS)
    assert all(len(row) == 3 and row[1] in LABELS for row in rows), rows
    held = {e.sha256 for e in CORPUS if e.held_out and e.batch in SECOND_LABELLED}
    assert [row[0] for row in rows if row[0] not in held] == []
    assert {row[0] for row in rows} == held


def test_the_statement_labels_cover_every_statement_once() -> None:
    lines = STATEMENT_LABELS.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#")
    assert lines[1].split("\t") == ["sha256", "label", "note"]
    rows = label_rows(STATEMENT_LABELS)
    assert all(len(row) == 3 and row[1] in LABELS and row[2].strip() for row in rows), rows
    assert sorted(row[0] for row in rows) == sorted(entry.sha256 for entry in CORPUS)


def test_every_file_belongs_to_a_batch() -> None:
    assert all(batch_of(file) >= 1 for file in {entry.file for entry in CORPUS})
    assert all(entry.batch >= 1 for entry in CORPUS)
