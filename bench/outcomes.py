"""Benchmark: how well the learning-outcome rules judge real statements
(``python bench/outcomes.py [--errors]``).

Runs :func:`microcred.standard.compliance.outcome_rules.assess_statement` on every
statement of the labelled corpus (``tests/standard/compliance/outcome_corpus/``) and
compares its binary judgment — *weak* when a rule of severity "weak" fires — with the
label (an outcome is not weak; an activity, a topic or an aim is). It prints, per
language:

- for the tuning part and the held-out third separately: statements judged right,
  precision and recall of "weak", the confusion table by label, and how many outcomes in
  the standard PRK wording ("zna i rozumie", "ma wiedzę", "potrafi", "jest gotów do")
  were flagged;
- per rule, in each part: the statements it flagged first, and how many of them are
  labelled weak (the rule's precision);
- the held-out third by batch (each batch labelled before the rules' next revision saw
  it), without the tables;
- the held-out statements whose source section is named as learning outcomes (what a
  provider types into a design's outcome list);
- with ``statement-labels.tsv`` (every statement labelled again from its text alone, as
  typed into a design's outcome field): how far those labels agree with the corpus
  labels on the held-out third, and the rules' figures against them, tuning part and
  held-out third;
- with ``second-labels.tsv`` (a second labeller's labels of the held-out third, made
  independently): how far the two labellers agree (Cohen's kappa), and the rules' figures
  on the statements both label alike;

and then how long each hostile statement (one made to be slow) takes to judge.
``--errors`` lists the misjudged statements of the tuning part only: the held-out
statements are never shown.
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the corpus loader lives with the tests that check it

from tests.standard.compliance.outcome_corpus import (  # noqa: E402
    LABELS,
    LANGUAGES,
    SECOND_LABELS,
    STATEMENT_LABELS,
    Entry,
    is_weak,
    label_rows,
    load,
)

from microcred.standard.compliance.outcome_rules import assess_statement  # noqa: E402
from microcred.standard.messages import Severity  # noqa: E402

_PRK = re.compile(r"\b(zna i rozumie|ma (?:\w+ )?wiedzę|potrafi|jest gotów|jest gotowy)\b",
                  re.IGNORECASE)  # fmt: skip


@functools.cache
def judged(entry: Entry) -> tuple[tuple[str, bool], ...]:
    """The rules that fired on the statement, in order: (code, of severity "weak"),
    judged once a run (the parts of the report share the verdicts)."""
    findings = assess_statement(entry.text, entry.lang)
    return tuple((f.message.code, f.message.severity is Severity.WEAK) for f in findings)


def judged_weak(entry: Entry) -> tuple[bool, tuple[str, ...]]:
    """Whether the rules call the statement weak, and the codes of the rules that fired."""
    fired = judged(entry)
    return any(weak for _, weak in fired), tuple(code for code, _ in fired)


def first_weak_rule(entry: Entry) -> str:
    """The code of the first rule of severity "weak" that fired ("" when none did): the
    rule a statement judged weak is put down to."""
    return next((code for code, weak in judged(entry) if weak), "")


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f} %" if whole else "    – "


def report(entries: list[Entry], title: str, *, table: bool = True, prefix: str = "") -> list[str]:
    """The figures of one part of the corpus, per language (``prefix`` before each
    language's code)."""
    lines = [title]
    for lang in LANGUAGES:
        mine = [e for e in entries if e.lang == lang]
        verdicts = [(e, judged_weak(e)[0]) for e in mine]
        right = sum(e.weak == weak for e, weak in verdicts)
        flagged = [e for e, weak in verdicts if weak]
        true_weak = sum(e.weak for e in flagged)
        all_weak = sum(e.weak for e in mine)
        prk = [weak for e, weak in verdicts if e.label == "outcome" and _PRK.search(e.text)]
        precision, recall = _pct(true_weak, len(flagged)), _pct(true_weak, all_weak)
        lines.append(
            f"  {prefix}{lang}: {len(mine):3} statements, judged right {right:3} "
            f"({_pct(right, len(mine))}); weak: precision {precision}, recall {recall}; "
            f"PRK-worded outcomes flagged {sum(prk)}/{len(prk)}"
        )
        if not table:
            continue
        counts = Counter((e.label, weak) for e, weak in verdicts)
        lines.append(f"      {'label':<10}{'judged weak':>13}{'not weak':>10}")
        for label in LABELS:
            lines.append(
                f"      {label:<10}{counts[(label, True)]:>13}{counts[(label, False)]:>10}"
            )
    return lines


#: a source whose section is named as learning outcomes ("efekty uczenia się", "Learning
#: outcomes", "will be able to", "Po szkoleniu uczestnik …"): what a provider types into a
#: design's outcome list, rather than a course page's description, aims or content
OUTCOME_SECTION = re.compile(
    r"efekt|outcome|be able|potrafi|po (?:ukończeniu|szkoleniu|kursie)|on completion|"
    r"upon completion|by the end|what you.ll learn|learning goals|kryteria weryfikacji",
    re.IGNORECASE,
)


def by_rule(entries: list[Entry], title: str) -> list[str]:
    """Per language, each rule's share of the "weak" verdicts: how many statements it
    flagged first, and how many of those are labelled weak (its precision)."""
    lines = [title]
    for lang in LANGUAGES:
        flagged = [(first_weak_rule(e), e) for e in entries if e.lang == lang]
        counts = Counter(rule for rule, _ in flagged if rule)
        right = Counter(rule for rule, e in flagged if rule and e.weak)
        lines.append(f"  {lang}: " + "; ".join(
            f"{rule} {right[rule]}/{n} ({_pct(right[rule], n).strip()})"
            for rule, n in counts.most_common()
        ))  # fmt: skip
    return lines


def labels_in(path: Path) -> dict[str, str]:
    """Labels by the SHA-256 of the text, from a file of them next to the corpus
    (``second-labels.tsv``, ``statement-labels.tsv``; empty when it is not there)."""
    return {row[0]: row[1] for row in label_rows(path) if len(row) >= 2}


def relabelled(entries: list[Entry], labels: dict[str, str]) -> list[Entry]:
    """The entries that ``labels`` label, each with that label instead of its own."""
    return [dataclasses.replace(e, label=labels[e.sha256]) for e in entries if e.sha256 in labels]


def _kappa(pairs: list[tuple[bool, bool]]) -> float:
    """Cohen's kappa of two binary judgments."""
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    first, second = sum(a for a, _ in pairs) / n, sum(b for _, b in pairs) / n
    expected = first * second + (1 - first) * (1 - second)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def agreement(held: list[Entry], second: dict[str, str], title: str) -> list[str]:
    """How far the corpus labels and other labels (by SHA-256) agree on the held-out
    third, and the rules' figures on the statements both label alike (the ceiling a 95 %
    target meets)."""
    lines = [title]
    for lang in LANGUAGES:
        mine = [e for e in held if e.lang == lang and e.sha256 in second]
        both = [(e, second[e.sha256]) for e in mine]
        if not both:
            continue
        same_label = sum(e.label == other for e, other in both)
        pairs = [(e.weak, is_weak(other)) for e, other in both]
        agreed = [e for (e, _), (weak, other) in zip(both, pairs, strict=True) if weak == other]
        right = sum(judged_weak(e)[0] == e.weak for e in agreed)
        lines.append(
            f"  {lang}: {len(both):3} statements; same label {_pct(same_label, len(both))}, "
            f"same weak/not weak {_pct(len(agreed), len(both))} (Cohen's kappa "
            f"{_kappa(pairs):.2f}); the rules judge right {right}/{len(agreed)} "
            f"({_pct(right, len(agreed))}) of those both call alike"
        )
    return lines


#: statements made to be slow (from the package review): each must be judged in < 50 ms
HOSTILE = {
    "en: 'Students' + 20,000 spaces": ("Students" + " " * 20_000 + "x", "en"),
    "en: 'students complete ' × 1,111": ("students complete " * 1_111, "en"),
    "en: 'Logic zzz :' × 3,333": ("Logic" + " zzz :" * 3_333, "en"),
    "en: 'Where zzz ,' × 3,333": ("Where" + " zzz ," * 3_333, "en"),
    "pl: 'trener ' × 2,857": ("trener " * 2_857, "pl"),
    "pl: 'prowadzący a ' × 1,538": ("prowadzący a " * 1_538, "pl"),
    "pl: 'a.' × 250,000 (500 kB)": ("a." * 250_000, "pl"),
    "pl: 1 MB of one word": ("ą" * 1_000_000, "pl"),
}


def time_hostile() -> list[str]:
    """How long each hostile statement takes (median of 3), the dictionaries loaded."""
    assess_statement("Uczestnik potrafi analizować dane", "pl")
    assess_statement("Analyse data", "en")
    lines = ["hostile statements, assess_statement median of 3 (target: < 50 ms each)"]
    for name, (text, lang) in HOSTILE.items():
        times = []
        for _ in range(3):
            start = time.perf_counter()
            assess_statement(text, lang)
            times.append(time.perf_counter() - start)
        lines.append(f"  {name:<40}{1000 * statistics.median(times):8.1f} ms")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true",
                        help="list the misjudged statements of the tuning part")  # fmt: skip
    args = parser.parse_args()
    corpus = load()
    tuning = [e for e in corpus if not e.held_out]
    held = [e for e in corpus if e.held_out]
    sources = len({e.url for e in corpus})
    languages = ", ".join(
        f"{n} {lang}" for lang, n in sorted(Counter(e.lang for e in corpus).items())
    )
    print(f"{len(corpus)} statements from {sources} sources ({languages}); "
          f"labels {dict(Counter(e.label for e in corpus))}")  # fmt: skip
    print(
        "binary judgment: weak (a rule of severity 'weak' fires) vs the label "
        "(outcome = not weak; activity, topic, aim = weak)\n"
    )
    print("\n".join(report(tuning, f"tuning part ({len(tuning)})")))
    print()
    print("\n".join(report(held, f"held-out third ({len(held)}; target: ≥ 95 % right per "
                                 "language, no PRK-worded outcome flagged)")))  # fmt: skip
    print()
    print("\n".join(by_rule(tuning, "tuning part by rule (statements a rule flagged first: "
                                     "labelled weak / flagged)")))  # fmt: skip
    print("\n".join(by_rule(held, "held-out third by rule")))
    print()
    print("held-out third by batch (each labelled before the rules' next revision saw it; "
          "README.md, 'Batches')")  # fmt: skip
    for batch in sorted({e.batch for e in held}):
        part = [e for e in held if e.batch == batch]
        print("\n".join(report(part, f"batch {batch}", table=False, prefix=f"{batch} ")[1:]))
    print()
    in_sections = [e for e in held if OUTCOME_SECTION.search(e.source)]
    title = f"held-out statements from sections named as learning outcomes ({len(in_sections)})"
    print("\n".join(report(in_sections, title, table=False)))
    second = labels_in(SECOND_LABELS)
    if second:
        print()
        title = ("two labellers on the held-out third (the second labelled it independently, "
                 "from the README's decisions alone)")  # fmt: skip
        print("\n".join(agreement(held, second, title)))
    alone = labels_in(STATEMENT_LABELS)
    if alone:
        print()
        title = ("the corpus labels and the labels from the statement alone (README.md, "
                 "'Labels from the statement alone'), held-out third")  # fmt: skip
        print("\n".join(agreement(held, alone, title)))
        print()
        print("\n".join(report(relabelled(tuning, alone),
                                "tuning part, labels from the statement alone")))  # fmt: skip
        print()
        print("\n".join(report(relabelled(held, alone),
                                "held-out third, labels from the statement alone")))  # fmt: skip
    print()
    print("\n".join(time_hostile()))
    if args.errors:
        print("\nmisjudged in the tuning part (label → rules that fired):")
        for entry in tuning:
            weak, codes = judged_weak(entry)
            if weak != entry.weak:
                print(
                    f"  [{entry.lang}] {entry.label:<8} {','.join(codes) or '—':<28} {entry.text}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
