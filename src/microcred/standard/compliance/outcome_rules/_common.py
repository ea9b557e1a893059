"""What the Polish and English outcome rules share: word sets, the statement's lead
(a list marker or an outcome code), and the predicate a statement's verbs make."""

from __future__ import annotations

import re
from dataclasses import dataclass


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
# Bullets, "1." / "1.2)" / "(a)", and outcome codes: "K_U01", "P6S_UW", "EU1:", "LO2 -".
_LEAD = re.compile(
    r"^(?:\s*(?:[-–—•*·▪◦‣✓✔✅➢➤►▶→]|\(?\d{1,3}(?:\.\d{1,3})*[.)]|\d{1,3}(?:\.\d{1,3})+"
    r"|\(?[A-Za-z]\)|\(?[ivx]{1,4}\)|[a-z]\.|[A-Z][.)]|\([A-Z]{1,3}\d{1,3}\)|\([^()]{1,40}\)"
    r"|(?:[Oo]utcome|[Oo]bjective|[Cc]ompetenc[ey]|LO|CLO|PLO) ?\d{1,3}[a-z]?[.:)]?"
    r"|(?=[A-Z\d_]*\d)[A-Z][A-Z\d]*(?:_[A-Z\d]+)+[:.)]?"
    r"|[A-Z]{1,5}\d{1,3}(?:[:.)–-]|\s+[–-]|(?=\s+[A-ZĄĆĘŁŃÓŚŹŻ]))"
    # "CO 4 Apply …", "2 Apply …", "1.1: Recall …": a code or a number before a capital
    r"|(?:[A-Z]{1,5} ?)?\d{1,3}(?:\.\d{1,3})*:?(?=\s+[A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]))"
    # a space follows, or the statement's first (capital) letter: "1.Analyse …"
    r"(?=\s|[A-ZĄĆĘŁŃÓŚŹŻ]))+\s*"
)


@dataclass(frozen=True)
class _Predicate:
    """What the verbs of one statement say.

    ``tense`` is the role of the main clause's first verb: ``"past"``, ``"intent"`` (a
    promise to learn), or ``"present"``; ``None`` when there is no verb at all.
    """

    tense: str | None
    action: bool
    unobservable: str | None


def _predicate(roles: list[str | None], words: list[str], start: int) -> _Predicate:
    main = roles[start:]  # a verb of the leading clause is not the predicate
    first = next((role for role in main if role), None)
    tense = first if first in ("past", "intent") else ("present" if first else None)
    unobservable = next(
        (w.lower() for w, r in zip(words[start:], main, strict=True) if r == "unobs"), None
    )
    return _Predicate(tense, "action" in main, unobservable)


def _with_knowledge(found: _Predicate, match: re.Match[str] | None) -> _Predicate:
    """``found``, unless a knowledge formula (``match``: "ma wiedzę o", "has a sound
    knowledge of") stands where no other verb acts: then a present-tense knowledge
    outcome, named by the formula's group 1."""
    if match and not found.action and found.tense in (None, "present"):
        return _Predicate("present", False, found.unobservable or match.group(1))
    return found


def _main_clause(subordinate: re.Pattern[str], text: str, tokens: list[str]) -> int:
    """Index of the first token after a leading "Gdy ..., " / "After ..., " clause, or 0."""
    clause = subordinate.match(text)
    commas = [i for i, word in enumerate(tokens) if word == ","]
    if not clause or len(commas) < clause.group().count(","):
        return 0
    return commas[clause.group().count(",") - 1] + 1
