"""Heuristics that tell a learning outcome from an activity, in Polish and English.

A learning outcome says what the learner knows, understands and *is able to do* after
the learning ("Uczestnik potrafi przygotować audyt energetyczny", "The learner can build
a pivot table"). An activity says what happened ("uczestniczył w webinarze", "attended
the workshop"); a course description says what the course covers ("kurs obejmuje",
"this course introduces"). The rules, each a :mod:`.messages` constant:

- ``outcome_activity`` — participation or attendance (typed without Polish letters too:
  "Uczestniczyl w webinarze"), the learning process itself ("zdobywa wiedzę o",
  "poznaje", "dowiaduje się", "Learn how to …", "Explore …"), or a predicate in the past
  tense ("Uczestnik poznał podstawy Excela", "The learner received a certificate").
- ``outcome_activity`` also — what learners are set to do in class ("Podczas zajęć student
  analizuje …", "Students work in small groups", "the learner is expected to write …",
  "You'll use a risk matrix …", "will receive a certificate", "Be assessed through …",
  "pod kierunkiem nauczyciela korzysta z …"), and promises to the reader ("Boost your
  career", "Gain a recognised qualification", "Prepare for the … exam", "will have access
  to").
- ``outcome_intent`` — the course's content or aims, the course as subject ("It will
  introduce you to", "The goal of the course is to"), or a future "will learn"; any part
  of the course as the subject of the first verb ("Weekly tutorials will focus on",
  "Lab sessions provide"), the teacher's verbs opening a goal ("Introduce …", "Enable
  students to …", "To develop an understanding of …"), "we" as the class, a heading
  ("Aims:", "Cele szkolenia:"), the target group ("skierowane jest do"), a catalog
  line with the course as the unsaid subject ("Includes …"), a thing that "will
  enable students to …", a verb whose object is the learners ("To prepare students
  for …", "Providing learners with …"), a course "aimed at", "seeking to", a purpose
  anywhere ("Its central purpose is to …", "którego celem jest"), a definition ("Critical
  thinking is the ability to …"), the trainers as subject, and "Who should attend".
- ``outcome_no_verb`` — no verb saying what the learner does ("Podstawy Excela"), also
  when a noun heads the statement ("Design of experiments", "An ability to assess …":
  an infinitive after a noun completes the noun).
- ``outcome_too_short`` — fewer than three words (two are enough when they are a verb
  and its object: "Understand osmosis", "Programuje sterowniki").
- ``outcome_unobservable`` (advice) — only a verb of knowing ("know, understand,
  appreciate, be aware/familiar", "zna, rozumie, wie, jest świadomy"), or a knowledge
  formula: the Polish Qualifications Framework's "ma (pogłębioną) wiedzę o …" (a
  knowledge outcome, never weak: "mieć" is no auxiliary there), "has a sound knowledge
  of", "has the skills to".
- ``outcome_too_long`` (advice) — over 60 words.

A list marker or an outcome code in front ("1.", "a)", "K_U01", "EU1:") is dropped first.

How well they judge: on a corpus of 4,247 real statements labelled by hand
(``tests/standard/compliance/outcome_corpus/``), eight to nine in ten statements the rules
had never seen are judged right, nine in ten of those from outcome lists
(``bench/outcomes.py``; its README has the figures per language and per batch), and no
outcome in the Polish Qualifications Framework's wording is flagged. A finding is
therefore a reasoned hint, never proof: each names its rule.

How the verb is found
---------------------
Fixed phrases (attendance, "the course covers") are regular expressions; the rest rests
on the *predicate*, read from a dictionary of word forms rather than guessed from word
lists and endings, which missed "poznał" and flagged "Wydaje resztę":

- Polish: **Morfeusz 2** (PyPI ``morfeusz2``; IPI PAN; BSD-2-Clause for the analyser
  and for the SGJP dictionary compiled into the 9 MB wheel, so nothing is downloaded at
  run time). Its tags tell present tense (``fin``), past (``praet``, "-łam" too),
  impersonal past (``imps``), ``będzie``, infinitive (``inf``), gerund (``ger``) and noun.
- English: the AGID inflection table (Kevin Atkinson, from SCOWL), the data file of PyPI
  ``pyinflect`` (MIT, pure Python, 2.7 MB, no dependencies; frozen since 2020, as the
  table is). It is read directly for which words can be verbs and in which form (``VB``,
  ``VBZ``, ``VBD``, ``VBN``). ``lemminflect``, its successor, needs numpy (74 MB).

The predicate is the first verb of the main clause (a leading "Gdy ..., " / "After ...,
" / "With guidance, " / "Where appropriate, " and a label ending in a colon, "Logic:
writes …", are skipped, and so is a Polish relative clause: in "Zasady, które obowiązują
w firmie" no verb is the learner's; in English, what the learners did: "Learners who
complete the course will …"). Past tense there ("poznał", "został zapoznany",
"received", "has gained") makes an activity; present tense, "potrafi"/"can" +
infinitive, "będzie potrafił" or the PRK formula "jest gotów do" ("jest
przygotowany/zdolny do", "Przygotowany do …"; in English "Be competent in", "is prepared
to") an outcome; only nouns and gerunds a topic. A form that may be a verb or a noun
("Tłumaczy", "Uses") is a verb only where a predicate stands: first, after the learner
("Uczestnik", "The learner"), after "potrafi"/"can"/"to", or after "i"/"and" that
follows a verb. An English statement's first word (or the word after "Moves and ...")
also needs to be an outcome verb (:data:`._english._EN_ACTION_VERBS`) or to precede
"a"/"the", so "Pivot tables in a spreadsheet" stays a topic. A verb counts only where a
predicate stands: in "Critical thinking involves the evaluation of arguments" none does,
so it is a topic; a person who is not a learner by name ("The practitioner applies …")
stands where the learner does.

The modules: this one applies the rules in order (:func:`assess_statement`);
:mod:`._english` and :mod:`._polish` hold each language's phrases and predicate reading;
:mod:`._common` what both share.

No dependency parser: spaCy installs here, but its Polish and English models are
published as GitHub release files, not on the package index (the copies there are
re-uploads by third parties), and Stanza and UDPipe download their models at run time,
which this library never does. The predicate rules above need only the word forms. Tried
as a second opinion on "no verb" (spaCy's small English model, from a third-party upload,
outside microcred), a parser moved the English held-out figure by 0.6 points: it tags many
opening imperatives as nouns (bench/README.md).

Each dictionary loads once, on the first statement in its language (Morfeusz about 60 ms,
AGID about 0.12 s); then a statement takes about 0.3 ms (Polish) or 0.15 ms (English).
Whitespace is normalised first (a newline reads as a space) and only the first
:data:`MAX_ANALYSED` characters are read, so a hostile statement (a megabyte in a
credential sent for verification) costs milliseconds (``bench/outcomes.py`` times some).
Without a ``morfeusz2`` wheel (none is built for Linux on ARM) Polish falls back to
endings ("-uje", "-łam") and the word after the learner, and is coarser.
"""

from __future__ import annotations

__all__ = ["MAX_ANALYSED", "MAX_REMEMBERED", "OutcomeFinding", "assess_statement"]

import re
from collections.abc import Callable
from dataclasses import dataclass

from .. import messages as m
from ..report import Message
from ._common import _LEAD, _WORD, _Predicate, _with_knowledge
from ._english import (
    _EN_ACTIVITY,
    _EN_HAS_KNOWLEDGE,
    _EN_INTENT,
    _EN_MODAL,
    _EN_RELATIVE,
    _EN_SUBORDINATE,
    _EN_TOPIC,
    _OTHER,
    _en_artefact_subject,
    _en_learners_as_object,
    _en_lexicon,
    _en_verbs,
)
from ._polish import (
    _PL_ACTIVITY,
    _PL_HAS_KNOWLEDGE,
    _PL_INTENT,
    _PL_MODAL,
    _PL_RELATIVE,
    _PL_SUBORDINATE,
    _PL_TOPIC,
    _pl_nodes,
    _pl_verbs,
)

#: characters of a statement the grammar reads (its length is counted in full)
MAX_ANALYSED = 1000
#: statements longer than this are not kept in a verdict cache: the cache would keep them alive
MAX_REMEMBERED = 2 * MAX_ANALYSED
_COUNTED = 8 * MAX_ANALYSED
_MIN_WORDS = 3
_MAX_WORDS = 60


@dataclass(frozen=True)
class OutcomeFinding:
    """One rule that fired on one statement."""

    message: Message
    detail: dict[str, str]


# --- the rules ---------------------------------------------------------------------------
@dataclass(frozen=True)
class _Grammar:
    activity: re.Pattern[str]
    intent: re.Pattern[str]
    topic: re.Pattern[str]
    modal: re.Pattern[str]
    subordinate: re.Pattern[str]
    verbs: Callable[[str], _Predicate]  # what the verbs of a text without relative clauses say
    knowledge: re.Pattern[str]  # a knowledge formula: "ma wiedzę o", "has a sound knowledge of"
    relative: re.Pattern[str]
    kept: str = " "  # what a relative clause is replaced with (``\1``: its learner)

    def without_relatives(self, text: str) -> str:
        """``text`` without the relative clauses that say nothing of the learner."""
        return self.relative.sub(self.kept, text)

    def predicate(self, text: str) -> _Predicate:
        """The predicate of a statement whose relative clauses are already dropped."""
        return _with_knowledge(self.verbs(text), self.knowledge.search(text))


_GRAMMARS = {
    "en": _Grammar(
        _EN_ACTIVITY,
        _EN_INTENT,
        _EN_TOPIC,
        _EN_MODAL,
        _EN_SUBORDINATE,
        _en_verbs,
        _EN_HAS_KNOWLEDGE,
        _EN_RELATIVE,
        r"\1 ",
    ),
    "pl": _Grammar(
        _PL_ACTIVITY,
        _PL_INTENT,
        _PL_TOPIC,
        _PL_MODAL,
        _PL_SUBORDINATE,
        _pl_verbs,
        _PL_HAS_KNOWLEDGE,
        _PL_RELATIVE,
    ),
}


def _says_what_is_done(grammar: _Grammar, bare: str, first: str, lang: str) -> _Predicate | None:
    """The predicate of a two-word statement that is a verb and its object ("Understand
    osmosis", "Programuje sterowniki"): short, but an outcome, judged as any other;
    ``None`` when it is not one. ``bare`` is the statement without its relative clauses,
    ``first`` its first word."""
    if lang == "en" and _en_lexicon().get(first.lower(), 0) & _OTHER:
        return None  # "Design patterns", "Project management": a noun may open a topic
    if lang == "pl" and any("subst" in node.classes() for node in _pl_nodes(first)):
        return None  # "Przestrzeni, podprzestrzeni": likewise in Polish
    predicate = grammar.predicate(bare)
    done = predicate.tense == "present" and (predicate.action or bool(predicate.unobservable))
    return predicate if done else None


def assess_statement(text: str, lang: str) -> list[OutcomeFinding]:
    """Every rule that fires on one outcome statement written in ``lang``.

    Languages other than Polish and English get the language-neutral rules only
    (length), never a wrong verdict from the wrong grammar.
    """
    # One space between words (a newline or a run of spaces reads as one), then the lead.
    text = _LEAD.sub("", " ".join(text.split()))
    # Words are counted in the first 8,000 characters (a count past them is a lower bound,
    # said with a "+"): counting a megabyte of them alone took 60 ms.
    words = _WORD.findall(text, 0, _COUNTED)
    counted = f"{len(words)}+" if len(text) > _COUNTED else str(len(words))
    found: list[OutcomeFinding] = []
    grammar = _GRAMMARS.get(lang)
    # The grammar reads the start of a very long statement only (a 60-word statement is
    # about 450 characters): its cost, and Morfeusz's, then stays bounded on hostile input
    # such as a megabyte-long statement in a credential sent for verification.
    text = text[:MAX_ANALYSED]
    # "Student, który ukończył kurs, potrafi ...": a relative clause is not what the
    # learner does (Polish; the text as is in English)
    bare = grammar.without_relatives(text) if grammar else text
    predicate: _Predicate | None = None
    if len(words) < _MIN_WORDS:
        if len(words) == 2 and grammar is not None:
            predicate = _says_what_is_done(grammar, bare, words[0], lang)
        if predicate is None:
            return [OutcomeFinding(m.OUTCOME_TOO_SHORT, {})]
    if len(words) > _MAX_WORDS:
        found.append(OutcomeFinding(m.OUTCOME_TOO_LONG, {"words": counted}))
    if grammar is None:
        return found
    # "Po tym, jak ukończył kurs, uczestnik potrafi ...": the main clause says what counts,
    # without its own relative clauses (the comma closing "Gdy ...," opens none there).
    clause = grammar.subordinate.match(text)
    main = grammar.without_relatives(text[clause.end() :]).strip() if clause else bare
    can = grammar.modal.search(main)
    hit = grammar.activity.search(main)
    # "can take part in a debate" is an ability; "took part in a debate" is an activity.
    if hit and not (can and can.start() < hit.start()):
        return [*found, OutcomeFinding(m.OUTCOME_ACTIVITY, {})]
    if grammar.intent.search(bare if lang == "en" else text) or (
        lang == "en" and (_en_artefact_subject(main) or _en_learners_as_object(main))
    ):
        return [*found, OutcomeFinding(m.OUTCOME_INTENT, {})]
    if text.rstrip().endswith("?"):  # "Jak czytać RODO?": a question is a topic
        return [*found, OutcomeFinding(m.OUTCOME_NO_VERB, {})]
    if predicate is None:
        predicate = grammar.predicate(bare)
    if predicate.tense == "past" and not can:  # "assessed as competent, will be able to …"
        found.append(OutcomeFinding(m.OUTCOME_ACTIVITY, {}))
    elif predicate.tense == "intent":
        found.append(OutcomeFinding(m.OUTCOME_INTENT, {}))
    elif predicate.action:
        pass
    elif predicate.unobservable:
        found.append(OutcomeFinding(m.OUTCOME_UNOBSERVABLE, {"verb": predicate.unobservable}))
    elif grammar.topic.search(text):
        found.append(OutcomeFinding(m.OUTCOME_INTENT, {}))
    else:
        found.append(OutcomeFinding(m.OUTCOME_NO_VERB, {}))
    return found
