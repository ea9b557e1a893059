"""The Polish side of the outcome rules: the phrases of activities, aims and topics,
and the predicate read with Morfeusz 2 (see the package's docstring)."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from typing import Any

from ...caching import cached
from ._common import _main_clause, _Predicate, _predicate, _wordset

# --- Polish ----------------------------------------------------------------------------
_PAST = r"(?:ł[aoy]?|li|ły)"  # -ł, -ła, -ło, -ły, -li: past tense, any gender and number
_PL_EVENT = (
    # nouns only: "program\w*" would take "programuje", "staż\w*" the learner "stażysta"
    r"(?:(?:kurs|szkoleni|webinar|moduł|warsztat|zaję|konferencj|spotkani|nagrani)\w*|"
    r"(?:program|wykład|film|staż)(?:y|u|ie|em|ów|ach|ami|om|e)?\b|"
    r"praktyk(?:a|i|ę|ą|om|ach|ami)?\b)"
)
# The teacher: "prowadzący", "trener", "wykładowca", "nauczyciel", "ekspert"
_PL_TEACHER = r"(?:prowadząc(?:y|a|ego|ej|ym|ych)|trener\w*|wykładowc\w*|nauczyciel\w*|ekspert\w*)"
_PL_ACTIVITY = re.compile(
    rf"\b(uczestniczy{_PAST}|uczestniczy w|uczestniczą w|"
    r"pod kierunkiem (?:nauczyciela|prowadzącego|trenera|instruktora|opiekuna)|"
    r"(?:brał|brała|brało|brały|brali|wziął|wzięła|wzięło|wzięły|wzięli|bierze|biorą) udział|"
    rf"by{_PAST} obecn\w*|obejrz(?:ał[aoy]?|eli)|wysłucha{_PAST}|przesłucha{_PAST}|"
    rf"ukończy{_PAST} {_PL_EVENT}|zapisa{_PAST} się|odby{_PAST} {_PL_EVENT}|"
    rf"zapozna{_PAST} się|przeby{_PAST}|"
    # typed without Polish letters: "Uczestniczyl w webinarze", "Wzial udzial"
    r"uczestniczyl[aoy]?|uczestniczyli|(?:bral[aoy]?|brali|wzial|wziela|wzielo|wzieli|"
    r"wziely) udzial|"
    # the learning process in the present tense: "zdobywa wiedzę o", "poznaje zasady"
    r"(?:zdobywa|zdobywają|poszerza|poszerzają|pogłębia|pogłębiają|uzyskuje|uzyskują|"
    r"nabywa|nabywają|otrzymuje|otrzymują|rozwija|rozwijają|doskonali|doskonalą|zyskuje|"
    r"zyskują|"
    r"ćwiczy|ćwiczą|trenuje|trenują) (?:\w+ )?(?:wiedz\w*|umiejęt\w*|kompetencj\w*|"
    r"doświadczeni\w*|kwalifikacj\w*|przygotowani\w*)|"
    r"\b(?:poprzez|przez) udział w\b|"
    # the exam and what the reader must do: "Egzamin trwa 120 minut", "musisz ukończyć …"
    r"^(?!.*\b(?:potrafi|potrafią|umie|umieją|zna|znają|rozumie|rozumieją|jest w stanie|"
    r"gotów|gotowy|gotowa)\b)(?!.*\bprzygotow\w* (?:\w+ )?do (?:\w+ )?egzamin)"
    r".*\begzamin\w*|\bmusisz\b|"
    r"\b(?:ćwiczysz|uczysz się|poznajesz|zdobywasz)\b|"
    r"\b(?:studenci|uczestnicy|słuchacze|uczniowie|kursanci) (?:\w+ )?przygotowują się\b|"
    # "Słuchacze kształcą swoje umiejętności" (not "kształci umiejętności czytania u dzieci")
    r"\bkształc(?:i|ą) swoje\b|"
    r"(?:otrzymuje|otrzymują|otrzyma|otrzymają|uzyskuje|uzyska) (?:\w+ )?(?:certyfikat\w*|"
    r"zaświadczeni\w*|dyplom\w*|świadectw\w*|materiał\w*)|"
    # what completing the course takes: "Ukończenie zajęć jest uwarunkowane wykonaniem …"
    r"(?:jest|są) uwarunkowan\w*|warunki?(?:em)? (?:ukończenia|zaliczenia|uzyskania)|"
    r"(?:zaczyna|rozpoczyna|kończy) się (?:\w+ )?egzamin\w*|"
    # learners at work in class, in the plural: "Uczestnicy pracują w grupach"
    r"^(?:uczestnicy|słuchacze|studenci|kursanci|uczniowie)(?: \w+){0,2}? (?:pracują|"
    r"wykonują|rozwiązują|ćwiczą|analizują|omawiają|dyskutują|tworzą|korzystają|"
    r"uczą)|przećwiczysz|zobaczysz|"
    r"poznaje|poznają|dowiaduje się|dowiadują się|zapoznaje się|zapoznają się|"
    r"uczą się|(?:będzie|będą|będziesz) (?:się )?uczy[ćł]\w*|"
    r"(?:powinien|powinna|powinieneś|powinnaś|należy) (?:\w+ )?zapoznać się|"
    r"(?:powinien|powinna|powinni|powinny) (?:\w+ )?poznać|"
    r"odby(?:ć|wa|wają|wać)|weźmie udział|wezmą udział|weźmiesz udział|"
    r"obowiązuj\w* (?:\w+ )?(?:udział|obecność|przygotowanie)|aktywn\w* (?:w nich )?udział|"
    r"(?:młodzież|dzieci|uczniowie|uczestnicy|studenci|słuchacze) (?:\w+ )?uczy się|"
    r"^można (?:wybierać|skorzystać|uczestniczyć|zapisać))\b|"
    r"^(?:udział|uczestnictwo|obecność) (?:w|na)\b|"
    # what the learners do in class ("Podczas zajęć student analizuje …")
    r"^(?:w trakcie|podczas|w czasie|w ramach|na) (?:\w+ )?(?:zaj|szkoleni|kurs|warsztat|"
    r"wykład|ćwicze|spotka|webinar|moduł|lekcj|laboratori)\w*\b"
    rf"(?!.*\b(?:potrafi|umie|{_PL_TEACHER})\b)",
    re.IGNORECASE,
)
_PL_SUBJECT = (
    rf"(?:{_PL_EVENT}|przedmiot\w*|usług\w*|sylabus\w*|studi(?:a|ów|ach|ami|om|um)\b|"
    r"kierun(?:ek|ku|kiem|ki|ków)\b|plan(?:y|u|ie|em|ów|ach|ami|om)?\b|edukacj\w*|kwalifikacj\w*|"
    r"nauczani\w*|instruktaż\w*|seminari\w*|pracowni\w*|lekcj\w*)"
)
# Meant for a group: "skierowane", "przeznaczony", "adresowana", "dedykowane"
_PL_MEANT_FOR = r"(?:skierowan|przeznaczon|adresowan|dedykowan)"
_PL_INTENT = re.compile(
    # the course opens the sentence ("Kurs …", "Przedmiot ten …", "Zajęcia z przedmiotu …")
    # up to three words before it, none the learner nor a verb ("Opracowuje plan …")
    rf"(?:^|: )(?:(?!uczestni|student|absolwent|słuchacz|kursant|ucze|osob|\w*(?:uje|ują)\b)"
    rf"\w+ ){{0,3}}?"
    rf"{_PL_SUBJECT}(?: (?!potrafi|umie|zna|jest)[^\s,;:]+){{0,10}}? "
    r"(?:obejmuj\w+|omawia\w*|przedstawia\w*|wprowadza\w*|zapoznaj\w+|dotycz\w+|"
    r"przygotow\w+|przygotuj\w+|kształtuj\w+|zapewni\w*|umożliwi\w*|przybliż\w*|opisuj\w*|"
    r"rozwijaj\w+|potwierdza\w*|"
    r"gwarantuj\w+|zawiera\w*|oferuj\w+|zakłada\w*|ma(?:ją)? na celu|kończ[yą] się|kształc[iąe]\w*|"
    r"składa(?:ją)? się|trwa(?:ją)?|odbywa(?:ją)? się|pozwala\w*|pomaga\w*|uczy|"
    r"pokazuje|wyposaża\w*|daje|"
    r"koncentruj\w+ się|skupia\w* się|poświęcon\w*|opiera\w* się|prezentuje|"
    r"realizowan\w*|prowadzon\w*)\b|"
    # the teacher, not the learner, acts: "prowadzący przybliży najistotniejsze zagadnienia"
    # (bounded: an unbounded scan from every "trener" is quadratic on hostile input)
    rf"\b{_PL_TEACHER}\b[^.;]{{0,120}}?"
    r"\b(?:przybliż[yą]|omówi[ą]?|przedstawi[ą]?|zaprezentuj[eą]|pokaż[eą]|wyjaśni[ą]?|"
    r"zapozna[ją]?)\b|"
    # who leads it: "Szkolenie poprowadzi doświadczony praktyk", "Zajęcia prowadzi trener"
    rf"\b(?:po)?prowadz(?:i|ą)\b (?:(?!jako\b)\w+ ){{0,2}}?(?:{_PL_TEACHER}|praktyk|praktycy|"
    r"specjali\w+|instruktor\w*)\b|"
    # how long it lasts: "Okres kształcenia wynosi 1,5 roku", "trwają 6 semestrów"
    r"\b(?:trwa|trwają|wynosi|wynoszą) (?:\w+ ){0,2}?(?:\d+(?:[,.]\d+)?|jeden|jedna|dwa|"
    r"dwie|trzy|cztery|pięć|sześć|siedem|osiem|dziesięć|kilka) ?(?:godzin\w*|godz|dni|"
    r"dzień|tygodni\w*|miesi[ąę]c\w*|lat|lata|rok\w*|semestr\w*)\b|"
    # the reader as the target group: "interesują Cię zasady …", "pragniesz uzyskać …",
    # "Uczestnikami kursu mogą być osoby …", "Kwalifikacją mogą być zainteresowani"
    r"\b(?:interesuj[eą] cię|pragniesz|chcesz)\b|\bmogą być (?:\w+ )?(?:zainteresowan\w*|"
    r"osoby)\b|"
    # what the course does and promises: "Laboratoria kształtują umiejętności …", "nadają
    # kwalifikacje", "zmierza do kształtowania", "dzięki której studenci zdobędą …"
    r"\b(?:laboratori\w*|ćwiczeni[ae]|studia) (?:\w+ )?(?:kształtuj\w+|rozwijaj\w+|nadaj\w+)\b|"
    r"\bnadaj[eą] kwalifikacj\w*|\bzmierza(?:ją)? do\b|"
    r"\bdzięki (?:której|któremu|którym|czemu|temu) (?:\w+ ){0,2}?(?:zdobęd\w+|nauczy\w*|pozna\w*|"
    r"uzyska\w*)|"
    r"\buwag\w* poświęca się|\bpoświęca się (?:\w+ )?uwag\w*|"
    r"\b(?:omawian[aey]|przedstawian[aey]) (?:są|jest|będą|będzie)\b|"
    r"\b(?:są|jest|będą|będzie) (?:omawian[aey]|przedstawian[aey])\b|"
    r"\b(?:aby|żeby|by) (?:się )?(?:nauczyć|poznać|dowiedzieć)|"
    r"\bmożna (?:\w+ )?(?:opanować|nauczyć się|zdobyć|poznać)\b|"
    r"^celem (?:\w+ ){0,3}?(?:jest|są|było|będzie)\b|"
    r"\b(?:(?:którego|której|których) celem (?:jest|było|będzie)|"
    r"celem (?:kursu|szkolenia|zajęć|modułu|warsztatów|programu|przedmiotu|usługi)"
    r"(?: \w+){0,2}? (?:jest|pozostaje|było|będzie)|"
    r"(?:będzie|będą) (?:mógł|mogła|mogli|mogły|mieć okazję) (?:się )?"
    r"(?:dowiedzieć|poznać|zdobyć|nauczyć|zapoznać)|"
    r"nauczy się|nauczą się|nauczysz się|pozna|poznają|poznasz|dowiesz się|dowie się|"
    r"dowiedzą się|zdobędziesz|zostanie zapoznan\w*|zostaną zapoznan\w*|"
    # for whom the course is: "Szkolenie skierowane jest do …"
    rf"(?:jest|są) {_PL_MEANT_FOR}\w* (?:do|dla)|"
    rf"^{_PL_SUBJECT} (?:\w+ ){{0,3}}?{_PL_MEANT_FOR}\w* "
    r"(?:(?:jest|są) )?(?:do|dla)|"
    r"^(?:cele?|zadani[ea])(?: \w+){0,2}\s*[:–-]\W*)\b|"
    # a goal in a verbal noun, the course's intention: "Zapoznanie studentów z …"
    r"^(?:uzyskanie|nabycie|zdobycie|poznanie|zrozumienie|zapoznanie|przekazanie|"
    r"przedstawienie|przygotowanie|ukształtowanie|kształtowanie|rozwinięcie|rozwijanie|"
    r"pogłębienie|poszerzenie|wykształcenie|zaznajomienie|wyposażenie|zdobywanie|"
    r"nabywanie|nauka|doskonalenie|kształcenie|utrwalenie|podniesienie|opanowanie|"
    r"wyrobienie|rozwój|wzmocnienie)\b|"
    r"^(?:omówić|przedstawić|zapoznać|przekazać|wprowadzić|zaprezentować)\b|"
    # the learners as the object: "powinny wyposażać absolwenta w …", "pozwalają
    # pracownikom uzupełnić …" (what the course does for them)
    r"^(?!.*\b(?:uczestnik|uczestniczka|student|studentka|absolwent|słuchacz|kursant|uczeń)\b)"
    r".*\b(?:wyposaż\w*|przygotow\w*|kształc\w*|uczy|uczą|zapozna\w*) (?:młodych \w+|"
    r"przyszłych \w+|absolwent(?:a|ów)|"
    r"uczestnik(?:a|ów)|uczestniczk[ię]|student(?:a|ów)|słuchacz(?:a|y)|kursant(?:a|ów)|"
    r"uczni(?:a|ów)|pracownik(?:a|ów)|młodych ludzi|młodzież|dzieci|dorosłych|osoby starsze|"
    r"osób)\b|"
    # the provider speaks: "oferujemy szkolenia", "zapraszamy na kurs"
    r"\b(?:oferujemy|proponujemy|zapraszamy|organizujemy|zapewniamy)\b|"
    r"\buwag\w* zwraca się|zwraca się (?:\w+ )?uwag\w*|kładzie się (?:\w+ )?nacisk|"
    # an aim anywhere, and the target group: "ma na celu rozwijać", "osoby pragnące się
    # przekwalifikować", "chcą zdobyć nową kwalifikację"
    r"(?<!która )(?<!który )(?<!które )(?<!których )(?<!którego )\bma(?:ją)? na celu\b|"
    r"\b(?:chcą|pragną|chcących|pragnących|pragnące|chcące) "
    r"(?:się )?(?:zdobyć|przekwalifikować|poszerzyć|podnieść|rozwinąć|nauczyć|zdobywać)\b|"
    r"\b(?:pozwala\w*|umożliwia\w*|pomaga\w*) (?:\w+ )?(?:absolwentom|uczestnikom|studentom|"
    r"słuchaczom|kursantom|uczniom|pracownikom)\b",
    re.IGNORECASE,
)
_PL_TOPIC = re.compile(
    r"\b(ma na celu|wprowadzenie do|tematyka|zagadnienia|omówienie)\b", re.IGNORECASE
)
_PL_MODAL = re.compile(
    r"\b(?:potrafi|potrafią|umie|umieją|jest w stanie|są w stanie)\s+(\w+)", re.I
)
_PL_TOKEN = re.compile(r"[^\W\d_]+|\d+|[,;:]")
_PL_LEARNERS = _wordset(
    """
    uczestnik uczestniczka student studentka absolwent absolwentka słuchacz słuchaczka
    kursant kursantka uczeń uczennica praktykant praktykantka kandydat kandydatka
    stażysta stażystka osoba ja my on pracownik pracowniczka
    """
)
_PL_VERB_TAGS = _wordset("fin praet inf bedzie imps winien")
_PL_SKIP_TAGS = _wordset("adv part qub aglt sym")
_PL_AUX_LEMMAS = _wordset("być mieć zostać powinien")
_PL_UNOBSERVABLE_LEMMAS = _wordset("znać rozumieć wiedzieć")
# A perfective future of these is a promise of learning ("zdobędzie wiedzę"), not an outcome.
_PL_LEARNING_LEMMAS = _wordset(
    "poznać nauczyć dowiedzieć zdobyć zapoznać poszerzyć pogłębić nabyć uzyskać otrzymać rozwinąć"
)
# A learner who is ready, prepared or able (PRK social competence "jest gotów do", "jest
# przygotowany do"): the end state, so an outcome (typed without Polish letters too).
_PL_READY = frozenset({"gotowy", "gotów", "gotow", "zdolny", "kompetentny", "uprawniony"})
_PL_PREPARED = frozenset({"przygotować", "przygotowywać"})
# The PRK's knowledge formula: "ma (pogłębioną) wiedzę o …", "posiada umiejętność …" —
# "mieć" is no auxiliary there, and the statement is a knowledge outcome (as "zna").
_PL_HAS_KNOWLEDGE = re.compile(
    r"\b((?:ma|mają|posiada|posiadają)\s+(?:[^\W\d_]+\s+){0,4}?"
    r"(?:wiedz[ęy]|umiejętnoś(?:ć|ci)|świadomość|kompetencj[eię]|znajomość|zdolność))\b",
    re.IGNORECASE,
)
_PL_SUBORDINATE = re.compile(
    r"^(?:po tym,? jak|gdy|kiedy|jeśli|jeżeli|ponieważ|chociaż|choć|zanim|skoro|gdyby)\b[^,]*,",
    re.I,
)
_PL_RARE = frozenset({"daw.", "przest.", "rzad."})
# -uje/-ują is the present tense of most -ować verbs: an unknown "debuguje" is a verb.
_PL_VERB_ENDING = re.compile(r"(?:uje|ują)$")
# Without Morfeusz: the few words the rules need, then endings.
_PL_KNOWN = {
    **dict.fromkeys(["jest", "są"], ("fin", "być")),
    **dict.fromkeys(["będzie", "będą"], ("bedzie", "być")),
    **dict.fromkeys(["ma", "mają"], ("fin", "mieć")),
    **dict.fromkeys(["zna", "znają"], ("fin", "znać")),
    **dict.fromkeys(["rozumie", "rozumieją"], ("fin", "rozumieć")),
    **dict.fromkeys(["wie", "wiedzą"], ("fin", "wiedzieć")),
    **dict.fromkeys(["potrafi", "potrafią", "umie", "umieją"], ("fin", "potrafić")),
    **dict.fromkeys(["świadom", "świadomy", "świadoma", "świadomi"], ("adj", "świadomy")),
    **dict.fromkeys(["gotów", "gotowy", "gotowa", "gotowi"], ("adj", "gotowy")),
    **dict.fromkeys(["i", "oraz", "lub", "albo", "a"], ("conj", "i")),
    **dict.fromkeys(["nie", "się"], ("part", "się")),
}
_PL_FIRST_PERSON_PAST = re.compile(r"..(?:łam|łem|łaś|łeś|łyśmy|liśmy|łyście|liście)$")
_PL_GUESS = ((re.compile(r"..(?:ł|ła|ło|li|ły)$"), "praet"), (re.compile(r"..ć$"), "inf"))


# --- Polish morphology -------------------------------------------------------------------
@dataclass(frozen=True)
class _Node:
    """One segment of a Polish statement with the readings Morfeusz gives it."""

    text: str
    readings: frozenset[tuple[str, str]]  # (full tag, lemma)

    def classes(self) -> set[str]:
        return {tag.split(":", 1)[0] for tag, _ in self.readings}

    def lemmas(self, *classes: str) -> set[str]:
        return {lemma for tag, lemma in self.readings if tag.split(":", 1)[0] in classes}


_MORFEUSZ_LOCK = threading.Lock()  # one analyser, and its C++ state is not thread-safe


@cached(maxsize=1)
def _morfeusz() -> Any:
    """The Morfeusz analyser (loaded once), or ``None`` where the wheel is missing."""
    try:
        import morfeusz2  # type: ignore[import-untyped]
    except ImportError:
        return None
    return morfeusz2.Morfeusz(analyse=True, generate=False, expand_tags=False)


def _pl_nodes(text: str) -> list[_Node]:
    analyser = _morfeusz()
    if analyser is None:
        return [_pl_guess(word) for word in _PL_TOKEN.findall(text)]
    with _MORFEUSZ_LOCK:
        edges: list[tuple[int, int, tuple[str, str, str, list[str], list[str]]]]
        edges = analyser.analyse(text)
    texts: dict[int, str] = {}
    kept: dict[int, set[tuple[str, str]]] = {}
    rare: dict[int, set[tuple[str, str]]] = {}
    for start, _end, (orth, lemma, tag, _names, quals) in edges:
        texts.setdefault(start, orth)
        base = lemma.split(":", 1)[0]
        # A capitalised word's readings as a surname or place ("Pisze" from "Pisz") and
        # archaic readings ("gotów" as an imperative) are noise here.
        proper = tag.startswith("depr") or (base[:1].isupper() and not tag.startswith("ign"))
        bucket = rare if proper or _PL_RARE.intersection(quals) else kept
        bucket.setdefault(start, set()).add((tag, base.lower()))
    return [
        _Node(texts[start], frozenset(kept.get(start) or rare[start])) for start in sorted(texts)
    ]


def _pl_guess(word: str) -> _Node:
    """Readings guessed from the ending, without Morfeusz.

    Only "-uje" and a first-person "-łam" are sure; a guessed "-ła" or "-ć" keeps an
    unknown reading too ("Szkoła", "Pomoc"), so it counts only after the learner.
    """
    low = word.lower()
    if low in _PL_KNOWN:
        tag, lemma = _PL_KNOWN[low]
        return _Node(word, frozenset({(tag, lemma)}))
    if low in ",;:":
        return _Node(word, frozenset({("interp", low)}))
    if _PL_VERB_ENDING.search(low):
        return _Node(word, frozenset({("fin", low)}))
    if _PL_FIRST_PERSON_PAST.search(low):
        return _Node(word, frozenset({("praet", low)}))
    guessed = next((tag for pattern, tag in _PL_GUESS if pattern.search(low)), "ign")
    return _Node(word, frozenset({(guessed, low), ("ign", low)}))


def _pl_role(tag: str, lemma: str) -> str:
    """The role of one verb reading that is not a past tense."""
    if lemma in _PL_AUX_LEMMAS:
        return "aux"
    if lemma in _PL_UNOBSERVABLE_LEMMAS:
        return "unobs"
    if tag.startswith("fin") and tag.endswith(":perf") and lemma in _PL_LEARNING_LEMMAS:
        return "intent"
    return "action"


# A relative clause, between commas or to the end: its verb says nothing of the learner
# ("Zasady rachunkowości, które obowiązują w firmie" is a topic).
_PL_RELATIVE = re.compile(
    r",\s*(?:który|która|które|którzy|których|którym|którymi|którego|której|którą|co|gdzie)"
    # to the closing comma, or to the main clause's verb when that comma is missing ("Student,
    # który zaliczył przedmiot potrafi …")
    r"\b[^,;]*?(?:[,;]|$|(?=\s(?:potrafi|potrafią|umie|umieją|zna|znają|rozumie|rozumieją|"
    r"jest w stanie|są w stanie|jest gotów|jest gotowy|jest gotowa|są gotowi)\b))",
    re.IGNORECASE,
)


def _pl_verbs(text: str) -> _Predicate:
    nodes = _pl_nodes(text)
    roles: list[str | None] = [None] * len(nodes)
    start = _main_clause(_PL_SUBORDINATE, text, [n.text for n in nodes])
    prev: str | None = None  # what the last significant segment was
    seen_verb = reached = subject_seen = False
    for i, node in enumerate(nodes):
        classes = node.classes()
        if (
            classes <= _PL_SKIP_TAGS
            or node.lemmas("part") == {"się"}
            or (classes == {"interp"} and node.text not in ",;")
        ):
            continue
        if i >= start and not reached:  # the main clause starts afresh
            prev, reached = None, True
        slot = (
            prev in (None, "subject", "verb", "bedzie")
            or (prev == "conj" and seen_verb)
            # "Osoba na tym poziomie rozumie …": a phrase between the learner and the verb
            or (subject_seen and not seen_verb and "fin" in classes)
        )
        if "ign" in classes:  # a guess from the ending: only where the learner's verb stands
            slot = prev in ("subject", "verb", "bedzie")
        verb_tags = classes & _PL_VERB_TAGS
        kind = "other"
        if node.text in ",;" or "conj" in classes:
            kind = "conj"
        elif node.lemmas("subst", "ppron12", "ppron3", "ign") & _PL_LEARNERS or (
            "uczyć" in node.lemmas("pact")
        ):
            kind = "subject"
            subject_seen = True
        elif (
            prev in (None, "subject", "be", "bedzie")
            and (
                node.lemmas("adj", "adjc", "winien", "ign") & _PL_READY
                or node.lemmas("ppas") & _PL_PREPARED
            )
            and (prev in ("be", "bedzie") or _next_text(nodes, i) in ("do", "na", "w", "za"))
        ):
            roles[i] = "action"  # PRK social competence: "jest gotów do ...", "Przygotowany do"
        elif prev in (None, "subject", "be", "bedzie") and "świadomy" in node.lemmas("adj", "adjc"):
            roles[i] = "unobs"
        elif verb_tags and (slot or verb_tags == classes):
            kind, roles[i] = _pl_verb(nodes, i, prev)
        elif "ign" in classes and (prev == "subject" or _PL_VERB_ENDING.search(node.text.lower())):
            kind, roles[i] = "verb", "action"
        seen_verb = seen_verb or roles[i] is not None
        prev = kind
    return _predicate(roles, [n.text for n in nodes], start)


def _next_text(nodes: list[_Node], i: int) -> str:
    """The next segment's text, lower case ("" at the end)."""
    return nodes[i + 1].text.lower() if i + 1 < len(nodes) else ""


def _pl_verb(nodes: list[_Node], i: int, prev: str | None) -> tuple[str, str]:
    """(what the segment is for the next one, its role) for a segment read as a verb."""
    node = nodes[i]
    readings = [(tag, lemma) for tag, lemma in node.readings if tag.split(":")[0] in _PL_VERB_TAGS]
    classes = {tag.split(":")[0] for tag, _ in readings}
    lemmas = {lemma for _, lemma in readings}
    if all(":pl:pri" in tag for tag, _ in readings):
        # "Przeanalizujemy zadania …", "Będziemy redagować miesięcznik": "we", the class or
        # the provider, as in English
        return "verb", "intent"
    if "bedzie" in classes:
        return "bedzie", "aux"
    conditional = _next_text(nodes, i) == "by"
    if "imps" in classes or ("praet" in classes and prev != "bedzie" and not conditional):
        return "verb", "past"  # "poznał", "uczestniczyłam", "został zapoznany", "przeprowadzono"
    roles = {_pl_role(tag, lemma) for tag, lemma in readings}
    role = next(r for r in ("action", "intent", "unobs", "aux") if r in roles)
    return ("be" if lemmas == {"być"} else "verb"), role
