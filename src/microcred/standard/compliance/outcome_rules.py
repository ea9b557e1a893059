"""Heuristics that tell a learning outcome from an activity, in Polish and English.

A learning outcome says what the learner knows, understands and *is able to do* after
the learning ("Uczestnik potrafi przygotować audyt energetyczny", "The learner can build
a pivot table"). An activity says what happened ("uczestniczył w webinarze", "attended
the workshop"); a course description says what the course covers ("kurs obejmuje",
"this course introduces"). The rules, each a :mod:`.messages` constant:

- ``outcome_activity`` — participation or attendance (past tense or "udział w").
- ``outcome_intent`` — the course's content or aims, or a future "will learn".
- ``outcome_no_verb`` — no verb saying what the learner does ("Podstawy Excela").
- ``outcome_too_short`` — fewer than three words.
- ``outcome_unobservable`` (advice) — only "know/understand/zna/rozumie".
- ``outcome_too_long`` (advice) — over 60 words.

Polish is inflected, so the Polish rules match stems and endings (``-uje`` is the
third-person present of most ``-ować`` verbs) rather than whole words.
"""

from __future__ import annotations

__all__ = ["OutcomeFinding", "assess_statement"]

import re
from dataclasses import dataclass

from . import messages as m
from .report import Message

_MIN_WORDS = 3
_MAX_WORDS = 60


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)

# --- English ---------------------------------------------------------------------------
_EN_EVENT = (
    r"(?:the |a |an |this |our )?(?:[\w-]+ ){0,3}(?:course|training|webinar|workshop|module|"
    r"programme|program|session|lecture|seminar|conference|class|event|meeting)s?"
)
_EN_ACTIVITY = re.compile(
    r"\b(attended|participated|took part|has taken part|have taken part|was present|"
    r"were present|watched|listened to|went to|signed up|"
    rf"(?:attends|participates in|registered for|enrolled (?:in|on)) {_EN_EVENT}|"
    rf"(?:has |have )?completed {_EN_EVENT})\b|"
    r"^(?:participation|attendance|presence) (?:in|at|on)\b|"
    r"^(?:attending|participating in|taking part in)\b",
    re.IGNORECASE,
)
# The course, not the learner, is the subject: always a description, never an outcome.
_EN_INTENT = re.compile(
    r"\b((?:this|the) (?:course|training|webinar|module|workshop|programme|program|session)s?"
    r" (?:covers?|introduces?|aims?|presents?|provides?|explores?|will|is designed|gives?)|"
    r"will learn|will be (?:introduced|taught|shown|familiari[sz]ed)|"
    r"learns? about|learned about|be introduced to|topics? (?:include|covered|are))\b",
    re.IGNORECASE,
)
# Phrases that describe content when they carry the sentence ("Introduction to Excel"),
# but are harmless inside an outcome ("can prepare an overview of cash flow").
_EN_TOPIC = re.compile(r"\b(aims to|introduction to|overview of)\b", re.IGNORECASE)
_EN_SUBJECT = re.compile(
    r"^(?:the |each |a )?(?:learner|participant|student|graduate|trainee|apprentice|"
    r"candidate|holder|attendee)s? (\w+)",
    re.IGNORECASE,
)
_EN_MODAL = re.compile(r"\b(?:can|is able to|are able to|will be able to|be able to)\s+(\w+)", re.I)
_EN_AUX = _wordset("is are was were be been has have had will shall should must may can does do")
_EN_UNOBSERVABLE = {
    "know", "knows", "understand", "understands", "appreciate", "appreciates",
    "aware", "familiar", "learn", "learns",
}  # fmt: skip
_EN_VERBS = _wordset(
    """
    adapt adjust administer advise align analyse analyze annotate answer apply appraise
    argue arrange assemble assess assign audit automate build calculate calibrate carry
    categorise categorize check choose clarify classify clean code collaborate collect
    combine communicate compare compile complete compose compute conduct configure
    connect construct contrast contribute convert coordinate correct create critique
    debate debug decide deduce define deliver demonstrate deploy describe design detect
    determine develop devise diagnose differentiate discuss dismantle distinguish
    document draft draw edit evaluate examine execute explain export express extract
    facilitate fill filter follow forecast format formulate generate give guide handle
    identify illustrate implement import improve inspect install integrate interpret
    investigate judge justify label lead list locate maintain manage map measure mediate
    model modify monitor motivate name negotiate operate optimise optimize organise
    organize outline perform plan predict prepare present prioritise prioritize produce
    program programme propose protect provide question rank rate read recognise
    recognize recommend record reflect relate repair report represent research resolve
    respond review revise run schedule select sequence set share sketch solve sort
    specify spot structure submit summarise summarize support test train transfer
    translate triage troubleshoot use validate verify visualise visualize weld write
    lift drive secure store recycle reduce save estimate interview persuade listen coach
    delegate challenge respect moderate facilitate chair calculate file process book
    serve cook bake clean treat nurse care prescribe inject measure sell pitch audit
    encrypt back restore update upgrade migrate query mark grade teach mentor
    """
)
_EN_NOT_VERBS = _wordset("basics fundamentals essentials principles skills tools techniques")

# --- Polish ----------------------------------------------------------------------------
_PAST = r"(?:ł[aoy]?|li|ły)"  # -ł, -ła, -ło, -ły, -li: past tense, any gender and number
_PL_EVENT = (
    r"(?:kurs|szkoleni|webinar|moduł|warsztat|program|zaję|wykład|konferencj|spotkani|"
    r"staż|praktyk|film|nagrani)\w*"
)
_PL_ACTIVITY = re.compile(
    rf"\b(uczestniczy{_PAST}|uczestniczy w {_PL_EVENT}|uczestniczą w {_PL_EVENT}|"
    r"(?:brał|brała|brało|brały|brali|wziął|wzięła|wzięło|wzięły|wzięli|bierze|biorą) udział|"
    rf"by{_PAST} obecn\w*|obejrz(?:ał[aoy]?|eli|ały)|wysłucha{_PAST}|przesłucha{_PAST}|"
    rf"ukończy{_PAST} {_PL_EVENT}|zapisa{_PAST} się|odby{_PAST} {_PL_EVENT}|"
    rf"zapozna{_PAST} się|przeby{_PAST})\b|"
    r"^(?:udział|uczestnictwo|obecność) (?:w|na)\b",
    re.IGNORECASE,
)
_PL_INTENT = re.compile(
    rf"\b({_PL_EVENT} (?:obejmuj\w+|omawia\w*|przedstawia\w*|wprowadza\w*|zapoznaj\w+|"
    r"dotycz\w+|ma(?:ją)? na celu)|"
    r"celem (?:kursu|szkolenia|zajęć|modułu|warsztatów|programu) jest|"
    r"nauczy się|nauczą się|pozna|poznają|zostanie zapoznan\w*|zostaną zapoznan\w*)\b",
    re.IGNORECASE,
)
_PL_TOPIC = re.compile(
    r"\b(ma na celu|wprowadzenie do|tematyka|zagadnienia|omówienie)\b", re.IGNORECASE
)
_PL_SUBJECT = re.compile(
    r"^(?:każd[ya] )?(?:uczestni(?:k|czka|cy|czki)|ucze(?:ń|nnica)|uczniowie|"
    r"student(?:ka|ki|ci)?|absolwent(?:ka|ki|ci)?|słuchacz(?:ka|e|ki)?|kursant(?:ka|ki|ci)?|"
    r"osoba ucząca się|osoby uczące się|praktykant(?:ka)?|kandydat(?:ka)?) (\w+)",
    re.IGNORECASE,
)
_PL_MODAL = re.compile(
    r"\b(?:potrafi|potrafią|umie|umieją|jest w stanie|są w stanie)\s+(\w+)", re.I
)
_PL_AUX = _wordset("jest są był była byli będzie będą ma mają powinien powinna może mogą")
_PL_UNOBSERVABLE = {"zna", "znają", "rozumie", "rozumieją", "wie", "wiedzą", "świadom", "świadomy"}
_PL_VERBS = _wordset(
    """
    wyjaśnia objaśnia stosuje tworzy ocenia oblicza rozwiązuje pisze przygotowuje planuje
    prowadzi rozróżnia odróżnia charakteryzuje wymienia posługuje komunikuje współpracuje
    przeprowadza sporządza obsługuje wykonuje dobiera interpretuje definiuje wskazuje
    formułuje rozpoznaje dokonuje porównuje ustala montuje naprawia mierzy czyta sprawdza
    zarządza kieruje motywuje negocjuje prezentuje przedstawia uzasadnia wybiera wdraża
    testuje programuje buduje redaguje udziela reaguje omawia identyfikuje analizuje
    projektuje wyszukuje weryfikuje dba przestrzega rozwija realizuje konfiguruje
    instaluje pracuje spawa łączy dzieli nazywa wylicza pokazuje demonstruje zapisuje
    uruchamia opisuje klasyfikuje organizuje szacuje proponuje tworzą stosują
    potrafi potrafią umie umieją wyciąga słucha rozmawia argumentuje zabezpiecza segreguje
    oszczędza podłącza odczytuje sortuje filtruje importuje eksportuje wizualizuje
    automatyzuje dokumentuje debuguje wypełnia wykrywa ustawia składa wyznacza określa
    rysuje liczy mówi pyta odpowiada ustawia dostosowuje dobiera przewozi składuje
    przenosi pakuje sprząta gotuje piecze sprzedaje doradza obsługuje udziela leczy
    opatruje podaje zakłada zdejmuje tnie szlifuje maluje lakieruje spawa lutuje
    wprowadza usuwa kopiuje szyfruje aktualizuje przywraca prowadzą wyjaśniają
    """
)
# -uje/-ują is the present tense of -ować verbs (analizuje, projektuje); a word followed
# by "się" is a reflexive verb (posługuje się, komunikuje się).
_PL_VERB_ENDING = re.compile(r"(?:uje|ują)$")
_PL_REFLEXIVE = re.compile(r"\b(\w+) się\b", re.IGNORECASE)


@dataclass(frozen=True)
class OutcomeFinding:
    """One rule that fired on one statement."""

    message: Message
    detail: dict[str, str]


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _listed_en(words: list[str]) -> set[str]:
    """Words that are (inflected forms of) known English action verbs."""
    found = set()
    for word in words:
        if word in _EN_NOT_VERBS:
            continue
        forms = {word}
        # Third person and past tense only: "-ing" forms are left alone, because in a
        # topic title ("Basics of Python programming") they are nouns.
        for suffix in ("ies", "es", "s", "ed", "d"):
            if word.endswith(suffix) and len(word) > len(suffix) + 2:
                stem = word[: -len(suffix)]
                forms.add(stem)
                if suffix == "ies":
                    forms.add(stem + "y")
                if suffix in ("ed", "es"):
                    forms.add(stem + "e")
        if forms & _EN_VERBS:
            found.add(word)
    return found


def _listed_pl(words: list[str]) -> set[str]:
    """Words that are known Polish action verbs or -uje/-ują present-tense forms."""
    return {w for w in words if w in _PL_VERBS or _PL_VERB_ENDING.search(w)}


def _verb_clues(text: str, words: list[str], lang: str) -> tuple[bool, bool]:
    """(has an action verb, has only unobservable verbs such as "zna", "understand").

    The clues: a known verb; the word after a learner subject ("Uczestnik wypełnia",
    "The learner fills") or after "potrafi"/"can"; a reflexive "... się". The word after
    a subject or modal does not count when it is an auxiliary ("is aware") or itself
    unobservable ("can understand").
    """
    if lang == "pl":
        listed, subject, modal, aux, unobservable = (
            _listed_pl(words), _PL_SUBJECT, _PL_MODAL, _PL_AUX, _PL_UNOBSERVABLE
        )  # fmt: skip
        reflexive = [m.group(1).lower() for m in _PL_REFLEXIVE.finditer(text)]
    else:
        listed, subject, modal, aux, unobservable = (
            _listed_en(words), _EN_SUBJECT, _EN_MODAL, _EN_AUX, _EN_UNOBSERVABLE
        )  # fmt: skip
        reflexive = []
    after = [m.group(1).lower() for m in modal.finditer(text)]
    if first := subject.match(text):
        after.append(first.group(1).lower())
    clues = (listed | set(after) | set(reflexive)) - set(aux) - unobservable
    present_unobservable = bool(set(words) & unobservable)
    return bool(clues) or present_unobservable, present_unobservable and not clues


_RULES = {
    "en": (_EN_ACTIVITY, _EN_INTENT, _EN_TOPIC, _EN_MODAL),
    "pl": (_PL_ACTIVITY, _PL_INTENT, _PL_TOPIC, _PL_MODAL),
}


def assess_statement(text: str, lang: str) -> list[OutcomeFinding]:
    """Every rule that fires on one outcome statement written in ``lang``.

    Languages other than Polish and English get the language-neutral rules only
    (length), never a wrong verdict from the wrong grammar.
    """
    words = _words(text)
    found: list[OutcomeFinding] = []
    if len(words) < _MIN_WORDS:
        return [OutcomeFinding(m.OUTCOME_TOO_SHORT, {})]
    if len(words) > _MAX_WORDS:
        found.append(OutcomeFinding(m.OUTCOME_TOO_LONG, {"words": str(len(words))}))
    rules = _RULES.get(lang)
    if rules is None:
        return found
    activity, intent, topic, modal = rules
    text = text.strip()
    can = modal.search(text)
    hit = activity.search(text)
    # "can take part in a debate" is an ability; "took part in a debate" is an activity.
    if hit and not (can and can.start() < hit.start()):
        found.append(OutcomeFinding(m.OUTCOME_ACTIVITY, {}))
        return found
    if intent.search(text):
        found.append(OutcomeFinding(m.OUTCOME_INTENT, {}))
        return found
    verb, only_unobservable = _verb_clues(text, words, lang)
    if not verb and topic.search(text):
        found.append(OutcomeFinding(m.OUTCOME_INTENT, {}))
        return found
    if not verb:
        found.append(OutcomeFinding(m.OUTCOME_NO_VERB, {}))
    elif only_unobservable:
        unobservable = _EN_UNOBSERVABLE if lang == "en" else _PL_UNOBSERVABLE
        verb_used = next(w for w in words if w in unobservable)
        found.append(OutcomeFinding(m.OUTCOME_UNOBSERVABLE, {"verb": verb_used}))
    return found
