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
_EN_ACTIVITY = re.compile(
    r"\b(attended|attends|attending|participated|participates|participating|"
    r"took part|has taken part|have taken part|was present|were present|watched|"
    r"listened to|registered (?:for|in)|enrolled (?:in|on)|signed up|went to|"
    r"(?:has |have )?completed (?:the |a |an )?(?:course|training|webinar|workshop|module|"
    r"programme|program|session|lecture)|"
    r"^(?:participation|attendance|presence) (?:in|at|on))\b",
    re.IGNORECASE,
)
_EN_INTENT = re.compile(
    r"\b((?:this|the) (?:course|training|webinar|module|workshop|programme|program|session)"
    r" (?:covers|introduces|aims|presents|provides|explores|will|is designed|gives)|"
    r"aims to|will learn|will be (?:introduced|taught|shown|familiari[sz]ed)|"
    r"introduction to|overview of|topics? (?:include|covered|are)|"
    r"learn about|learns about|learned about|be introduced to)\b",
    re.IGNORECASE,
)
_EN_MODAL = re.compile(r"\b(can|is able to|are able to|will be able to|be able to)\s+\w+", re.I)
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
    facilitate filter follow forecast format formulate generate give guide handle
    identify illustrate implement import improve inspect install integrate interpret
    investigate judge justify label lead list locate maintain manage map measure mediate
    model modify monitor motivate name negotiate operate optimise optimize organise
    organize outline perform plan predict prepare present prioritise prioritize produce
    program programme propose protect provide question rank rate read recognise
    recognize recommend record reflect relate repair report represent research resolve
    respond review revise run schedule select sequence set share sketch solve sort
    specify structure summarise summarize support test train transfer translate
    troubleshoot use validate verify visualise visualize weld write lift drive clean
    secure store recycle reduce save estimate interview persuade present listen coach
    delegate challenge resolve respect
    """
)

# --- Polish ----------------------------------------------------------------------------
_PL_ACTIVITY = re.compile(
    r"\b(uczestniczył[aoy]?|uczestniczyli|uczestniczyła|"
    r"uczestniczy w (?:webinar|kurs|szkoleni|zaj[eę]ci|warsztat|wykład|konferencj|spotkani)\w*|"
    r"(?:brał|brała|brali|wziął|wzięła|wzięli|bierze) udział|"
    r"był[aoy]? obecn\w*|obejrzał[aoy]?|wysłuchał[aoy]?|"
    r"ukończył[aoy]? (?:kurs|szkoleni|webinar|moduł|warsztat|program|zaj[eę]ci)\w*|"
    r"zapisał[aoy]? się|odbył[aoy]? (?:kurs|szkoleni|staż|praktyk)\w*|"
    r"zapoznał[aoy]? się|"
    r"^(?:udział|uczestnictwo|obecność) (?:w|na))",
    re.IGNORECASE,
)
_PL_INTENT = re.compile(
    r"\b((?:kurs|szkolenie|webinar|moduł|warsztat|warsztaty|program|zajęcia)\w* "
    r"(?:obejmuj\w+|omawia\w*|przedstawia\w*|wprowadza\w*|ma(?:ją)? na celu|zapoznaj\w+|"
    r"dotycz\w+)|"
    r"celem (?:kursu|szkolenia|zajęć|modułu|warsztatów|programu) jest|ma na celu|"
    r"nauczy się|nauczą się|pozna|poznają|zostanie zapoznan\w*|"
    r"wprowadzenie do|tematyka|zagadnienia|omówienie)\b",
    re.IGNORECASE,
)
_PL_MODAL = re.compile(r"\b(potrafi|potrafią|umie|umieją|jest w stanie|są w stanie)\b", re.I)
_PL_UNOBSERVABLE = {"zna", "znają", "rozumie", "rozumieją", "wie", "wiedzą", "świadom", "świadomy"}
_PL_VERBS = _wordset(
    """
    wyjaśnia objaśnia stosuje tworzy ocenia oblicza rozwiązuje pisze przygotowuje
    planuje prowadzi rozróżnia charakteryzuje wymienia posługuje komunikuje współpracuje
    przeprowadza sporządza obsługuje wykonuje dobiera interpretuje definiuje wskazuje
    formułuje rozpoznaje dokonuje porównuje ustala montuje naprawia mierzy czyta
    sprawdza zarządza kieruje motywuje negocjuje prezentuje przedstawia uzasadnia
    wybiera wdraża testuje programuje buduje redaguje udziela reaguje omawia
    identyfikuje analizuje projektuje wyszukuje weryfikuje dba przestrzega rozwija
    realizuje konfiguruje instaluje pracuje spawa łączy dzieli nazywa wylicza pokazuje
    demonstruje zapisuje uruchamia opisuje klasyfikuje organizuje szacuje mierzy
    proponuje tworzą stosują potrafi potrafią umie umieją zna znają rozumie rozumieją
    wie wyciąga udziela słucha rozmawia argumentuje zabezpiecza segreguje oszczędza
    podłącza odczytuje sortuje filtruje importuje eksportuje wizualizuje automatyzuje
    dokumentuje debuguje
    """
)
_PL_VERB_ENDING = re.compile(r"(?:uje|ują|iuje|uje się)$")


@dataclass(frozen=True)
class OutcomeFinding:
    """One rule that fired on one statement."""

    message: Message
    detail: dict[str, str]


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _has_verb_en(text: str, words: list[str]) -> tuple[bool, bool]:
    """(has an action verb, has only unobservable verbs)."""
    forms = set()
    for word in words:
        forms.add(word)
        for suffix in ("ies", "es", "s", "ed", "d", "ing"):
            if word.endswith(suffix) and len(word) > len(suffix) + 2:
                stem = word[: -len(suffix)]
                forms.add(stem)
                if suffix == "ies":
                    forms.add(stem + "y")
                if suffix in ("ed", "ing", "es"):
                    forms.add(stem + "e")
    action = bool(forms & _EN_VERBS) or bool(_EN_MODAL.search(text))
    unobservable = bool(set(words) & _EN_UNOBSERVABLE)
    return action or unobservable, unobservable and not (forms & _EN_VERBS)


def _has_verb_pl(text: str, words: list[str]) -> tuple[bool, bool]:
    action = any(w in _PL_VERBS and w not in _PL_UNOBSERVABLE for w in words)
    action = action or any(_PL_VERB_ENDING.search(w) for w in words)
    # An infinitive after "potrafi"/"umie" is the action: "potrafi napisać skrypt".
    modal = _PL_MODAL.search(text)
    if modal:
        action = True
    unobservable = bool(set(words) & _PL_UNOBSERVABLE)
    return action or unobservable, unobservable and not action


_RULES = {
    "en": (_EN_ACTIVITY, _EN_INTENT, _has_verb_en),
    "pl": (_PL_ACTIVITY, _PL_INTENT, _has_verb_pl),
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
    activity, intent, has_verb = rules
    if activity.search(text.strip()):
        found.append(OutcomeFinding(m.OUTCOME_ACTIVITY, {}))
        return found
    if intent.search(text):
        found.append(OutcomeFinding(m.OUTCOME_INTENT, {}))
        return found
    verb, only_unobservable = has_verb(text, words)
    if not verb:
        found.append(OutcomeFinding(m.OUTCOME_NO_VERB, {}))
    elif only_unobservable:
        unobservable = _EN_UNOBSERVABLE if lang == "en" else _PL_UNOBSERVABLE
        verb_used = next(w for w in words if w in unobservable)
        found.append(OutcomeFinding(m.OUTCOME_UNOBSERVABLE, {"verb": verb_used}))
    return found
