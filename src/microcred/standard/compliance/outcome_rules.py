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
- ``outcome_too_short`` — fewer than three words.
- ``outcome_unobservable`` (advice) — only "know/understand/zna/rozumie", or the
  Polish Qualifications Framework's knowledge formula "ma (pogłębioną) wiedzę o …" (a
  knowledge outcome, never weak: "mieć" is no auxiliary there).
- ``outcome_too_long`` (advice) — over 60 words.

A list marker or an outcome code in front ("1.", "a)", "K_U01", "EU1:") is dropped first.

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
" is skipped, and so is a Polish relative clause: in "Zasady, które obowiązują w firmie"
no verb is the learner's; in English, what the learners did: "Learners who complete the
course will …"). Past tense there ("poznał", "został zapoznany", "received", "has
gained") makes an activity; present tense, "potrafi"/"can" + infinitive, "będzie
potrafił" or the PRK formula "jest gotów do" ("jest przygotowany/zdolny do",
"Przygotowany do …"; in English "Be competent in", "is prepared to") an outcome; only
nouns and gerunds a topic. A form that may be a verb or a noun ("Tłumaczy", "Uses") is a
verb only where a predicate stands: first, after the learner ("Uczestnik", "The
learner"), after "potrafi"/"can"/"to", or after "i"/"and" that follows a verb. An
English statement's first word (or the word after "Moves and ...") also needs to be an
outcome verb (:data:`_EN_ACTION_VERBS`) or to precede "a"/"the", so "Pivot tables in a
spreadsheet" stays a topic.

No dependency parser: spaCy installs here, but its Polish and English models are
published as GitHub release files, not on the package index (the copies there are
re-uploads by third parties), and Stanza and UDPipe download their models at run time,
which this library never does. The predicate rules above need only the word forms.

Each dictionary loads once, on the first statement in its language (Morfeusz about 50 ms,
AGID about 0.15 s); then a statement takes about 0.15 ms (Polish) or 0.02 ms (English).
Without a ``morfeusz2`` wheel (none is built for Linux on ARM) Polish falls back to
endings ("-uje", "-łam") and the word after the learner, and is coarser.
"""

from __future__ import annotations

__all__ = ["OutcomeFinding", "assess_statement"]

import importlib.util
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..caching import cached
from . import messages as m
from .report import Message

_MIN_WORDS = 3
_MAX_WORDS = 60


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
# Bullets, "1." / "1.2)" / "(a)", and outcome codes: "K_U01", "P6S_UW", "EU1:", "LO2 -".
_LEAD = re.compile(
    r"^(?:\s*(?:[-–—•*·▪◦‣]|\(?\d{1,3}(?:\.\d{1,3})*[.)]|\d{1,3}(?:\.\d{1,3})+|\(?[a-z]\)"
    r"|\([A-Z]{1,3}\d{1,3}\)"
    r"|(?=[A-Z\d_]*\d)[A-Z][A-Z\d]*(?:_[A-Z\d]+)+[:.)]?"
    r"|[A-Z]{1,5}\d{1,3}(?:[:.)]|\s+[–-]|(?=\s+[A-ZĄĆĘŁŃÓŚŹŻ])))(?=\s))+\s*"
)

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
    r"^(?:attending|participating in|taking part in)\b|"
    r"\bfollows? (?:a |an |the )?(?:[\w-]+ ){0,3}(?:course|mooc|module|lecture|class)s?\b|"
    r"\b(?:delve|dive) into\b|\bget to grips with\b|"
    # what the learner is set to do during the course, not its result
    r"\b(?:will )?(?:have|get|gain|enjoy) (?:full |free |unlimited |lifetime |12 months' )?"
    r"access to\b|"
    # a promise to the reader, not a result: "Boost your career", "Gain a qualification"
    r"^(?:boost|develop|improve|enhance|advance|grow|accelerate|kick-?start|transform|unlock|"
    r"expand|broaden|upskill|future-proof|build|sharpen|brush up|refresh|polish|strengthen|"
    r"take) (?:up )?(?:your|their)\b|"
    r"^(?:gain|get|earn|obtain|achieve) (?:an? |the |your )?(?:[\w-]+ ){0,2}?(?:qualification|"
    r"certificate|certification|diploma|badge|credential|accreditation)s?\b|"
    r"^(?:get )?certified\b|^master the (?:basics|fundamentals|essentials|art)\b|"
    r"^prepare (?:yourself )?for (?:the |an? |your )?(?:[\w+-]+ ){0,3}?(?:exam|examination|"
    r"test|certification|assessment)s?\b|"
    r"^(?:during|throughout|in) (?:the |this |each |every |our )?(?:[\w-]+ )?(?:course|class|"
    r"session|workshop|module|lab|seminar|lecture|tutorial|webinar|programme|program)s?\b"
    r"(?!.*\b(?:able|can|tutors?|teachers?|lecturers?|instructors?|trainers?|we|it)\b)|"
    r"\b(?:students|learners|participants|you|they) (?:will )?(?:attend|participate|take part)\b|"
    # learners described at work in class: "Students work in small groups", "explore …"
    r"\b(?:students|learners|participants|trainees|pupils|you|they|the (?:student|learner|"
    r"participant|trainee|pupil)) (?:also |then |first )?(?:works? (?:in|on|together|with|"
    r"through)|stud(?:y|ies)|explores?|reads?|watch(?:es)?|listens?|discuss(?:es)?|"
    r"practi[sc]es?|undertakes?|engages?|experiments?|visits?|spends?|go(?:es)? through|"
    r"meets?|learns?)\b|"
    r"^(?:watch|attend|complete) (?:the |a |an |all |weekly |short |\w+ )?(?:[\w-]+ )?"
    r"(?:videos?|lectures?|webinars?|modules?|course|quiz(?:zes)?|readings?|lessons?|"
    r"assignments?|tasks?|exercises?|homework|worksheets?|activities)\b|"
    r"\b(?:is|are|will be) (?:expected|required|asked|invited|encouraged|assigned) to\b|"
    r"\b(?:will|you'll|you’ll) (?:have|get|be given) (?:the |an? )?(?:opportunity|chance)\b|"
    r"\b(?:students|learners|participants|you) will (?:work|participate|attend|practi[sc]e|"
    r"engage|collaborate|spend|complete (?:a |an |the |several |weekly )?(?:[\w-]+ ){0,2}?"
    r"(?:projects?|assignments?|exercises?|tasks?|labs?|quiz(?:zes)?))\b|"
    r"\b(?:will )?receive (?:a |an |the |your )?(?:[\w-]+ )?(?:certificate|diploma|badge|"
    r"credential|attestation|statement of (?:attainment|participation))\b|"
    r"\b(?:be|been|is|are|will be) (?:assessed|examined|evaluated|graded|tested) "
    r"(?:through|by|via|on|in|using)\b|"
    r"\b(?:have to|must|need to|required to) (?:submit|complete|attend|hand in|take|sit|"
    r"upload|post)\b|"
    r"(?:^|, )(?:you'll|you’ll|you will) (?!be\b|know\b|understand\b|learn|gain|acquire|"
    r"discover|get to know|become familiar|have (?:a |an )?(?:sound |good |solid )?"
    r"(?:understanding|knowledge))|"
    r"\b(?:students|learners|participants|you) will (?:develop|gain|acquire|build|obtain|improve|"
    r"deepen|broaden) (?:[\w/-]+,? ){0,8}?(?:skills?|knowledge|understanding|competences?|"
    r"experience)\b|"
    # the learning itself, not its result: "Learn how to configure X", "Explore X"
    r"^(?:study|become (?:familiar|acquainted) with|"
    r"(?:develop|obtain|gain|acquire|build|improve|deepen|broaden|expand|enhance) "
    r"(?:(?:your|their|his|her|an?|the|some|basic|further|new|deeper|broader|practical|"
    r"sound|solid|good|key|essential)\s+){0,3}(?:[\w-]+\s+)?"
    r"(?:skills?|knowledge|understanding|competences?|competencies|experience|insights?|"
    r"awareness|familiarity|abilit(?:y|ies)|capacity|capabilit(?:y|ies)|confidence)\b|"
    r"learn|explore|discover|experience|join|hear from|network with|"
    r"work through (?:the |a |some |several )?(?:[\w-]+ )?(?:exercises|examples|case studies|"
    r"tasks|materials|modules|lessons|problems|activities)|"
    r"take a (?:deep )?dive|receive (?:\w+ )?feedback|get hands-on|"
    r"get (?:familiar|acquainted) with|"
    r"get an? (?:overview|introduction|insight)|"
    r"gain (?:an? )?(?:overview|introduction|insight|exposure|familiarity)|"
    r"be (?:introduced|exposed) to)\b",
    re.IGNORECASE,
)
# The course, not the learner, is the subject: always a description, never an outcome.
_EN_INTENT = re.compile(
    r"\b((?:this|the|our) (?:[^\s,;:]+ ){0,3}?(?:course|training|webinar|module|workshop|"
    r"programme|program|session|quest|chapter|unit|lesson|class|bootcamp|subject|curriculum|"
    r"certification|qualification)s?"
    r" (?:covers?|introduces?|aims?|presents?|provides?|explores?|will|is designed|gives?|"
    r"teach(?:es)?|develops?|examines?|prepares?|offers?|focus(?:es)?|equips?|enables?|"
    r"discuss(?:es)?)|"
    r"\b(?:aim|goal|objective|purpose|intention|mission)s? (?:(?:of|for) [^,;]{1,60}? )?"
    r"(?:is|are|was) (?:to|for)\b|"
    # a definition: "Critical thinking is the ability to …"
    r"^[\w -]{1,40}? (?:is|are) (?:the|an?) (?:[\w-]+ )?(?:ability|capacity|process|practice|"
    r"art|study|science|discipline|branch)\b|"
    r"^(?:aims?|goals?|purpose)\s*[:–-]\s*|"
    r"\b(?:is|are|get|gets) (?:introduced|exposed|taught|shown|familiari[sz]ed|acquainted) "
    r"(?:to|with|how)\b|"
    r"^to (?:develop|gain|acquire|build|deepen|broaden|enhance|improve|foster|promote) "
    r"(?:an? |the |their |students['’] |learners['’] |participants['’] )?(?:[\w-]+ )?"
    r"(?:understanding|knowledge|skills?|awareness|appreciation|competences?|familiarity|"
    r"insights?|capacity|abilit(?:y|ies))\b|"
    r"^(?:to )?(?:introduce|familiari[sz]e|acquaint) (?:students|learners|participants|you)|"
    # verbs whose actor is the teacher, opening a goal: "Introduce basic principles of …"
    r"^(?:to )?(?:introduce(?! (?:oneself|yourself|themselves|himself|herself))|"
    r"familiari[sz]e|acquaint|impart|instil|instill|expose|equip|"
    r"foster|nurture|cultivate|inspire)\b|"
    r"^(?:to )?(?:enable|encourage|help|allow|develop|support|guide|motivate|train) "
    r"(?:the )?(?:students?|learners?|participants?|trainees?|pupils?)(?:'|’s)?\b|"
    r"^(?:to )?(?:provide|give|offer) (?:an? |the )?(?:[\w-]+ ){0,2}?(?:foundation|"
    r"grounding|overview|introduction|insight|basis|opportunity)\b|"
    r"^to (?:show|present|introduce|familiari[sz]e|acquaint|provide|give|teach)\b|"
    r"^build up the skills of|prepares? (?:the )?(?:students?|learners?|participants?|you)\b|"
    r"is (?:intended|designed) to|^hopefully\b|attention will be (?:given|paid) to|"
    r"\b(?:seeks?|sets? out|endeavou?rs?|strives?|intends?) to|"
    r"\b(?:is|are) (?:aimed at|suitable for|ideal for|targeted at|open to|designed for)\b|"
    r"\b(?:are|is|get|gets) (?:given|provided|offered|shown|taught)\b|"
    r"is an? (?:[\w-]+ ){0,3}(?:course|module|workshop|training) (?:on|in|about)|"
    r"(?:students|learners|participants|you) will be (?:given|provided|offered|taught|shown|"
    r"encouraged|guided)|"
    r"^(?:to )?(?:provide|give|offer|equip) (?:students|learners|participants|you)\b|"
    r"^it (?:allows|enables|introduces|provides|gives|helps|teaches|offers|covers)\b|"
    # the teacher acts: "Our experienced trainers will guide you through each step"
    r"\b(?:trainers?|tutors?|teachers?|lecturers?|instructors?|experts?|facilitators?|"
    r"coaches|mentors) (?:\w+ ){0,2}?(?:will|shall|guide|help|show|teach|support|provide|"
    r"introduce|walk|take|share|lead|demonstrate|explain|present)\b|"
    r"^who (?:should|can|may) attend\b|^(?:target )?audience\s*:|"
    r"^who (?:is )?this (?:course|training|programme|program|workshop)? ?(?:is )?for\b|"
    # the teacher and the class as "we": "We will discuss the main approaches to ethics"
    r"^we(?: will| shall|'ll|’ll)? (?!be able|can\b|could\b)[a-z]+|"
    r"^(?:introduces|covers|offers|teaches|includes|surveys|emphasi[sz]es|focuses on|"
    r"deals with)\b|^what\b|\bis an activity\b|"
    # a thing, not the learner, does it for the learner: "Methods … will enable students to"
    r"\b(?:enables?|allows?|helps?|equips?|prepares?|encourages?|exposes?|introduces?) "
    r"(?:the )?(?:students|learners|participants|trainees|you) (?:to|for|with)\b|"
    r"\b(?:lab|laboratory|practical|tutorial|exercise|workshop|lecture|seminar)s? "
    r"(?:exercises? |sessions? )?will be used\b|"
    r"(?:you|we)(?:'ll|’ll) (?:learn|gain|acquire|discover|get to know|become familiar)|"
    r"will (?:learn|gain|acquire|discover|get to know|become familiar)|"
    r"will be (?:introduced|taught|shown|familiari[sz]ed|exposed)|"
    r"(?:it|this|we) will (?:introduce|teach|show|give|take|guide|walk)|"
    r"(?:the |our )?(?:goal|aim|objective|purpose)s? of (?:the |this )?"
    r"(?:course|training|module|workshop|programme|program|session|class)s? (?:is|are)|"
    r"learns? about|learned about|be introduced to|"
    r"(?:^|: )(?:the |main |key |course )?topics? (?:\w+ )?(?:include|covered|are)|"
    r"^how to)\b",
    re.IGNORECASE,
)
# The parts of a course as a statement's subject ("Weekly tutorials will focus on …",
# "Achieving this unit standard will enhance …"): the statement describes the course.
_EN_ARTEFACT = re.compile(
    r"(?:course|module|unit|standard|qualification|certificat(?:e|ion)|apprenticeship|"
    r"curriculum|syllabus|programme|program|lecture|seminar|tutorial|workshop|lab|laborator(?:y|ie)|"
    r"practical|exercise|assignment|activitie|session|classe|lesson|material|content|topic|"
    r"emphasis|focus|reading|discussion|project|studie|webinar|bootcamp|assessment|"
    r"teaching|delivery|instruction|tuition|coursework|examination|exam|week|day|method)s?",
    re.IGNORECASE,
)
# What such a subject does: verbs that describe a course (any other word must be
# unmistakably a verb, "-s" form, to count)
_EN_DESCRIBING = _wordset(
    """
    aims includes covers involves provides introduces focuses explores examines considers
    addresses offers requires enables allows helps gives presents discusses deals looks
    builds takes uses draws combines develops emphasises emphasizes concentrates centres
    centers ranges consists comprises contains teaches follows complements prepares
    equips supports encourages exposes familiarises familiarizes outlines reviews
    aim include cover involve provide introduce focus explore examine consider address
    offer require enable allow help give present discuss deal look build take use draw
    combine develop emphasise emphasize concentrate range consist comprise contain teach
    follow complement prepare equip support encourage expose outline review
    """
)
# Phrases that describe content when they carry the sentence ("Introduction to Excel"),
# but are harmless inside an outcome ("can prepare an overview of cash flow").
_EN_TOPIC = re.compile(r"\b(aims to|introduction to|overview of)\b", re.IGNORECASE)
_EN_MODAL = re.compile(r"\b(?:can|is able to|are able to|will be able to|be able to)\s+(\w+)", re.I)
_EN_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+|[,;:]")
_EN_LEARNERS = _wordset(
    """
    learner learners participant participants student students graduate graduates trainee
    trainees apprentice apprentices candidate candidates holder holders attendee attendees
    people persons individuals
    i we you he she they
    """
)
_EN_PAST_AUX = _wordset("was were had did")
_EN_PERFECT = _wordset("has have")
_EN_AUX = (
    _EN_PAST_AUX
    | _EN_PERFECT
    | _wordset("is are am be been being can could will would shall should must may might do does")
)
_EN_SKIP = _wordset("not also always able unable")
_EN_BE = _wordset("be is are am will")
# A learner who is competent, prepared or confident: the end state, so an outcome (as
# "jest gotów do" in Polish)
_EN_READY = _wordset(
    "competent proficient confident capable prepared ready equipped qualified skilled fluent"
)
_EN_CONJ = _wordset("and or then , ;")
# "Learners who complete the course will …", "Students completing this module can …": what
# the learners did is not what they can do (and "the course will" there is no aim)
_EN_RELATIVE = re.compile(
    r"\b(students?|learners?|participants?|graduates?|candidates?|trainees?|those|people|"
    r"anyone|apprentices?)\s+(?:who|that)?\s*(?:have |has )?(?:successfully |fully )?"
    r"(?:complete[sd]?|completing|finish(?:ed|es|ing)?|pass(?:ed|es|ing)?|attend(?:ed|s|ing)?|"
    r"tak(?:e|es|ing)|took|undertak(?:e|es|ing)|follow(?:ed|s|ing)?|achiev(?:e|ed|es|ing))\b"
    r"[^;]*?(?=\b(?:will|can|could|should|are|is|must|may|shall)\b)",
    re.IGNORECASE,
)
_EN_SUBORDINATE = re.compile(
    r"^(?:after|when|once|if|while|before|although|since|upon|having)\b[^,]*,", re.I
)
# A word after which a verb reading is likely: "Plan a sprint", "Explored the basics".
_EN_OBJECT_START = _wordset(
    """
    the a an this that these those their his her its your our my each every all some any
    several both no it them him others one two three four five six seven eight nine ten
    """
)
# Closed-class words are never verbs, whatever AGID says ("with" and "until" as verbs),
# nor is "Excel" here.
_EN_CLOSED = _EN_OBJECT_START | _wordset(
    """
    with without in into on onto at by for from of off out up down over under about above
    below across after before between through during within along against among around
    behind beyond near since than till until upon via per as and or but nor so yet if then
    when while where which who whom whose what how why whether because although though
    not very more most much many few less least only just even still such own same other
    excel
    """
)
_EN_UNOBSERVABLE = {
    "know", "knows", "understand", "understands", "appreciate", "appreciates",
    "aware", "familiar", "learn", "learns", "informed", "acquainted", "conversant",
}  # fmt: skip
# Verbs that outcome statements use (Bloom and ESCO): they settle a word that could also
# be a noun when it opens the statement ("Fills in a VAT return", "Uses variables").
_EN_ACTION_VERBS = _wordset(
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
    delegate challenge respect moderate chair file process book serve cook bake treat
    nurse care prescribe inject sell pitch encrypt back restore update upgrade migrate
    query mark grade teach mentor master work show take make act adhere comply behave
    cooperate ensure establish engage practise practice observe adopt promote uphold value
    seek accept assume exercise address deal interact advocate counsel duplicate employ fit
    match mount paraphrase recall repeat reply retrieve rewrite separate state tell
    """
)

# --- Polish ----------------------------------------------------------------------------
_PAST = r"(?:ł[aoy]?|li|ły)"  # -ł, -ła, -ło, -ły, -li: past tense, any gender and number
_PL_EVENT = (
    r"(?:kurs|szkoleni|webinar|moduł|warsztat|program|zaję|wykład|konferencj|spotkani|"
    r"staż|praktyk|film|nagrani)\w*"
)
_PL_ACTIVITY = re.compile(
    rf"\b(uczestniczy{_PAST}|uczestniczy w|uczestniczą w|"
    r"pod kierunkiem (?:nauczyciela|prowadzącego|trenera|instruktora|opiekuna)|"
    r"(?:brał|brała|brało|brały|brali|wziął|wzięła|wzięło|wzięły|wzięli|bierze|biorą) udział|"
    rf"by{_PAST} obecn\w*|obejrz(?:ał[aoy]?|eli|ały)|wysłucha{_PAST}|przesłucha{_PAST}|"
    rf"ukończy{_PAST} {_PL_EVENT}|zapisa{_PAST} się|odby{_PAST} {_PL_EVENT}|"
    rf"zapozna{_PAST} się|przeby{_PAST}|"
    # typed without Polish letters: "Uczestniczyl w webinarze", "Wzial udzial"
    r"uczestniczyl[aoy]?|uczestniczyli|(?:bral[aoy]?|brali|wzial|wziela|wzielo|wzieli|"
    r"wzieły) udzial|"
    # the learning process in the present tense: "zdobywa wiedzę o", "poznaje zasady"
    r"(?:zdobywa|zdobywają|poszerza|poszerzają|pogłębia|pogłębiają|uzyskuje|uzyskują|"
    r"nabywa|nabywają|otrzymuje|otrzymują|rozwija|rozwijają|doskonali|doskonalą|"
    r"ćwiczy|ćwiczą|trenuje|trenują) (?:\w+ )?(?:wiedz\w*|umiejęt\w*|kompetencj\w*|"
    r"doświadczeni\w*)|"
    r"(?:otrzymuje|otrzymują|otrzyma|otrzymają|uzyskuje|uzyska) (?:\w+ )?(?:certyfikat\w*|"
    r"zaświadczeni\w*|dyplom\w*|świadectw\w*)|"
    # what completing the course takes: "Ukończenie zajęć jest uwarunkowane wykonaniem …"
    r"(?:jest|są) uwarunkowan\w*|warunki?(?:em)? (?:ukończenia|zaliczenia|uzyskania)|"
    # learners at work in class, in the plural: "Uczestnicy pracują w grupach"
    r"^(?:uczestnicy|słuchacze|studenci|kursanci|uczniowie)(?: \w+){0,2}? (?:pracują|"
    r"wykonują|rozwiązują|ćwiczą|analizują|omawiają|dyskutują|tworzą|korzystają|"
    r"uczą)|przećwiczysz|zobaczysz|"
    r"poznaje|poznają|dowiaduje się|dowiadują się|zapoznaje się|zapoznają się|"
    r"uczą się|(?:będzie|będą|będziesz) (?:się )?uczy[ćł]\w*|"
    r"(?:powinien|powinna|powinieneś|powinnaś|należy) (?:\w+ )?zapoznać się)\b|"
    r"^(?:udział|uczestnictwo|obecność) (?:w|na)\b|"
    # what the learners do in class ("Podczas zajęć student analizuje …")
    r"^(?:w trakcie|podczas|w czasie|w ramach|na) (?:\w+ )?(?:zaj|szkoleni|kurs|warsztat|"
    r"wykład|ćwicze|spotka|webinar|moduł|lekcj|laboratori)\w*\b"
    r"(?!.*\b(?:potrafi|umie|prowadząc\w*|trener\w*|wykładowc\w*|nauczyciel\w*|ekspert\w*)\b)",
    re.IGNORECASE,
)
_PL_SUBJECT = rf"(?:{_PL_EVENT}|przedmiot\w*|usług\w*|studi\w*|kierun\w*|plan\w*|sylabus\w*)"
_PL_INTENT = re.compile(
    # the course opens the sentence ("Kurs …", "Przedmiot ten …", "Zajęcia z przedmiotu …")
    rf"(?:^|: )(?:(?!uczestni|student|absolwent|słuchacz|kursant|ucze|osob)\w+ ){{0,2}}?"
    rf"{_PL_SUBJECT}(?: (?!potrafi|umie|zna|jest)[^\s,;:]+){{0,10}}? "
    r"(?:obejmuj\w+|omawia\w*|przedstawia\w*|wprowadza\w*|zapoznaj\w+|dotycz\w+|"
    r"przygotow\w+|przygotuj\w+|kształtuj\w+|zapewni\w*|umożliwi\w*|przybliż\w*|opisuj\w*|"
    r"gwarantuj\w+|zawiera\w*|oferuj\w+|zakłada\w*|ma(?:ją)? na celu|kończy się|"
    r"składa się|trwa|odbywa się|pozwala\w*|pomaga\w*|uczy|pokazuje|wyposaża\w*|daje|"
    r"koncentruj\w+ się|skupia\w* się|poświęcon\w*|opiera\w* się|prezentuje|"
    r"realizowan\w*|prowadzon\w*)\b|"
    # the teacher, not the learner, acts: "prowadzący przybliży najistotniejsze zagadnienia"
    r"\b(?:prowadząc\w*|trener\w*|wykładowc\w*|ekspert\w*|nauczyciel\w*)\b[^.;]*?"
    r"\b(?:przybliży|omówi|przedstawi|zaprezentuje|pokaże|wyjaśni|zapozna)\b|"
    r"\b(?:(?:którego|której|których) celem (?:jest|było|będzie)|"
    r"celem (?:kursu|szkolenia|zajęć|modułu|warsztatów|programu|przedmiotu|usługi)"
    r"(?: \w+){0,2}? (?:jest|pozostaje|było|będzie)|"
    r"(?:będzie|będą) (?:mógł|mogła|mogli|mogły|mieć okazję) (?:się )?"
    r"(?:dowiedzieć|poznać|zdobyć|nauczyć|zapoznać)|"
    r"nauczy się|nauczą się|nauczysz się|pozna|poznają|poznasz|dowiesz się|dowie się|"
    r"dowiedzą się|zdobędziesz|zostanie zapoznan\w*|zostaną zapoznan\w*|"
    # for whom the course is: "Szkolenie skierowane jest do …"
    r"(?:jest|są) (?:skierowan|przeznaczon|adresowan|dedykowan)\w* (?:do|dla)|"
    rf"^{_PL_SUBJECT} (?:\w+ ){{0,3}}?(?:skierowan|przeznaczon|adresowan|dedykowan)\w* "
    r"(?:(?:jest|są) )?(?:do|dla)|"
    r"^(?:cele?|zadani[ea])(?: \w+){0,2}\s*[:–-]\s*)\b|"
    # a goal in a verbal noun, the course's intention: "Zapoznanie studentów z …"
    r"^(?:uzyskanie|nabycie|zdobycie|poznanie|zrozumienie|zapoznanie|przekazanie|"
    r"przedstawienie|przygotowanie|ukształtowanie|kształtowanie|rozwinięcie|rozwijanie|"
    r"pogłębienie|poszerzenie|wykształcenie|zaznajomienie|wyposażenie|zdobywanie|"
    r"nabywanie|nauka|doskonalenie|kształcenie|utrwalenie|podniesienie|opanowanie|"
    r"wyrobienie|rozwój|wzmocnienie)\b|"
    r"^(?:omówić|przedstawić|zapoznać|przekazać|wprowadzić|zaprezentować)\b",
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
    stażysta stażystka osoba ja my on
    """
)
_PL_VERB_TAGS = _wordset("fin praet inf bedzie imps winien")
_PL_SKIP_TAGS = _wordset("adv part qub aglt")
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
    r"\b((?:ma|mają|posiada|posiadają)\s+(?:[^\W\d_]+\s+){0,2}?"
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


@dataclass(frozen=True)
class OutcomeFinding:
    """One rule that fired on one statement."""

    message: Message
    detail: dict[str, str]


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
    first = next((role for role in roles[start:] if role), None)
    tense = first if first in ("past", "intent") else ("present" if first else None)
    unobservable = next(
        (w.lower() for w, r in zip(words, roles, strict=True) if r == "unobs"), None
    )
    return _Predicate(tense, "action" in roles, unobservable)


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
    r"\b[^,;]*(?:[,;]|$)",
    re.IGNORECASE,
)


def _pl_predicate(text: str) -> _Predicate:
    """The predicate of a statement whose relative clauses are already dropped."""
    return _with_knowledge(_pl_verbs(text), _PL_HAS_KNOWLEDGE.search(text))


def _pl_verbs(text: str) -> _Predicate:
    nodes = _pl_nodes(text)
    roles: list[str | None] = [None] * len(nodes)
    start = _main_clause(_PL_SUBORDINATE, text, [n.text for n in nodes])
    prev: str | None = None  # what the last significant segment was
    seen_verb = reached = False
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
        slot = prev in (None, "subject", "verb", "bedzie") or (prev == "conj" and seen_verb)
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
        elif (
            prev in (None, "subject", "be", "bedzie")
            and (
                node.lemmas("adj", "adjc", "winien", "ign") & _PL_READY
                or node.lemmas("ppas") & _PL_PREPARED
            )
            and (prev in ("be", "bedzie") or _next_text(nodes, i) in ("do", "na", "w", "za"))
        ):
            roles[i] = "action"  # PRK social competence: "jest gotów do ...", "Przygotowany do"
        elif prev in (None, "subject", "be") and "świadomy" in node.lemmas("adj", "adjc"):
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
    if "bedzie" in classes:
        return "bedzie", "aux"
    conditional = i + 1 < len(nodes) and nodes[i + 1].text.lower() == "by"
    if "imps" in classes or ("praet" in classes and prev != "bedzie" and not conditional):
        return "verb", "past"  # "poznał", "uczestniczyłam", "został zapoznany", "przeprowadzono"
    roles = {_pl_role(tag, lemma) for tag, lemma in readings}
    role = next(r for r in ("action", "intent", "unobs", "aux") if r in roles)
    return ("be" if lemmas == {"być"} else "verb"), role


# --- English morphology ------------------------------------------------------------------
_VB, _VBZ, _VBD, _VBN, _OTHER, _ACTION = 1, 2, 4, 8, 16, 32


@cached(maxsize=1)
def _en_lexicon() -> dict[str, int]:
    """Every English word that can be a verb, with its form bits, loaded once.

    Read straight from the AGID table in ``pyinflect``'s package (lines such as
    ``take,V,took,taken,taking,takes`` and ``table,N,tables``): importing ``pyinflect``
    would first build its own inflection engine (0.3 s, 60 MB) that this does not use.
    """
    spec = importlib.util.find_spec("pyinflect")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("the English outcome rules need pyinflect (AGID)")
    table = Path(next(iter(spec.submodule_search_locations))) / "infl.csv"
    verbs: dict[str, int] = {}
    others: list[str] = []  # the lines of nouns and adjectives
    for line in table.read_text(encoding="utf-8").splitlines():
        lemma, pos, *forms = line.split(",")
        if pos != "V":
            others.append(line)
        elif len(forms) == 4:  # past, past participle ("<>": the same), -ing, -s
            past, participle, _ing, third = forms
            participle = past if participle == "<>" else participle
            action = _ACTION if lemma in _EN_ACTION_VERBS else 0
            for bit, form in ((_VB, lemma), (_VBD, past), (_VBN, participle), (_VBZ, third)):
                for word in form.lower().split("/"):
                    verbs[word] = verbs.get(word, 0) | bit | action
    # Every word of those lines at once, split in C (this is most of a cold `microcred
    # verify`): their part-of-speech letters come along, and are no verb ("N" is not "n").
    for word in set(",".join(others).replace("/", ",").split(",")) & verbs.keys():
        verbs[word] |= _OTHER
    verbs["setup"] = _VB | _OTHER | _ACTION  # "Setup a network": the verb "set up", as typed
    return verbs


def _en_role(word: str) -> str:
    return "unobs" if word in _EN_UNOBSERVABLE else "action"


# "Have a deeper appreciation of …", "has a sound knowledge of …": a knowledge outcome.
_EN_HAS_KNOWLEDGE = re.compile(
    r"^(?:[\w ]{0,30}\b)?(?:have|has|possess(?:es)?)\s+(?:[^\W\d_]+\s+){0,3}?"
    r"(appreciation|understanding|knowledge|awareness|grasp|familiarity|insight|approach|"
    r"attitude|commitment|ability|capacity|skills?|competence|confidence|expertise|"
    r"proficiency|capability)\b",
    re.IGNORECASE,
)


def _en_predicate(text: str) -> _Predicate:
    return _with_knowledge(_en_verbs(text), _EN_HAS_KNOWLEDGE.search(text))


def _en_verbs(text: str) -> _Predicate:
    tokens = _EN_TOKEN.findall(text)
    lexicon = _en_lexicon()
    roles: list[str | None] = [None] * len(tokens)
    lows = [t.lower() for t in tokens]
    significant = [
        i
        for i, w in enumerate(lows)
        if w not in _EN_SKIP and not (w.endswith("ly") and w not in lexicon)
    ]
    start = _main_clause(_EN_SUBORDINATE, text, tokens)
    prev: str | None = None
    seen_verb = False
    first = 0  # where the main clause starts, in significant tokens
    for n, i in enumerate(significant):
        low = lows[i]
        after = lows[significant[n + 1]] if n + 1 < len(significant) else ""
        then = lows[significant[n + 2]] if n + 2 < len(significant) else ""
        if i >= start > (significant[n - 1] if n else -1):
            prev, first = None, n
        if prev == "conj" and n == first + 2 and not seen_verb:
            prev = None  # "Moves and stores loads": the second word opens the statement too
        slot = prev in (None, "subject", "modal") or (prev == "conj" and seen_verb)
        bits = 0 if low in _EN_CLOSED else lexicon.get(low, 0)
        kind = "other"
        if low in _EN_CONJ:
            kind = "conj"
        elif low in _EN_LEARNERS:
            kind = "subject"
        elif low in _EN_AUX:
            kind = "modal"
            if slot and prev != "modal":
                perfect = low in _EN_PERFECT and lexicon.get(after, 0) & _VBN
                roles[i] = "past" if low in _EN_PAST_AUX or perfect else "aux"
        elif low == "to":
            # "An ability to assess …": an infinitive after a noun completes the noun; it
            # is no predicate (after the start, a learner, a modal, a verb or "and")
            kind = "modal" if prev in (None, "subject", "modal", "verb", "conj") else "complement"
        elif prev == "complement":
            kind = "other"
        elif low in _EN_UNOBSERVABLE:
            kind, roles[i] = "verb", "unobs"
        elif low in _EN_READY and (
            prev is None or (prev == "modal" and lows[significant[n - 1]] in _EN_BE)
        ):
            kind, roles[i] = "verb", "action"  # "Be competent in …", "is prepared to …"
        elif bits:
            kind, roles[i] = _en_verb(tokens[i], bits, prev if slot else "", after, then)
        seen_verb = seen_verb or roles[i] is not None
        prev = kind
    return _predicate(roles, tokens, start)


def _en_verb(
    word: str, bits: int, slot: str | None, after: str, then: str = ""
) -> tuple[str, str | None]:
    """(what the word is for the next one, its role) for a word that can be a verb.

    ``slot`` is what precedes a predicate position (``None`` for the start of the
    statement), or ``""`` when the word does not stand where a predicate stands;
    ``after`` and ``then`` are the two significant words that follow.
    """
    low = word.lower()
    present = bits & (_VB | _VBZ)
    ambiguous = bits & _OTHER
    if (
        slot is None
        and ambiguous
        and (after == "of" or (after in ("and", "or", ",") and then and not _en_can_be_verb(then)))
    ):
        return "other", None  # a noun heads a topic: "Design of experiments", "Design and analysis"
    if slot is None:  # first in the statement: "Uses ...", "Navigate ...", "Explored the ..."
        likely = not ambiguous or bits & _ACTION or after in _EN_OBJECT_START
        if present and likely:
            return "verb", _en_role(low)
        if bits & _VBD and not present and after in _EN_OBJECT_START:
            return "verb", "past"
        return "other", None
    if slot == "subject":  # "The learner records ...", "Learners explored ..."
        if present:
            return "verb", _en_role(low)
        if bits & _VBD:
            return "verb", "past"
        return "other", None
    if slot and present:  # after "can", "to", or "and" following a verb
        return "verb", _en_role(low)
    if present and not ambiguous and not word[:1].isupper():  # "... and unload pallets"
        return "verb", _en_role(low)
    return "other", None


def _en_can_be_verb(word: str) -> bool:
    """Whether ``word`` has a present-tense verb reading."""
    return word not in _EN_CLOSED and bool(_en_lexicon().get(word, 0) & (_VB | _VBZ))


# --- the rules ---------------------------------------------------------------------------
@dataclass(frozen=True)
class _Grammar:
    activity: re.Pattern[str]
    intent: re.Pattern[str]
    topic: re.Pattern[str]
    modal: re.Pattern[str]
    subordinate: re.Pattern[str]
    predicate: Callable[[str], _Predicate]  # of the text without its relative clauses
    relative: re.Pattern[str] | None = None
    kept: str = " "  # what a relative clause is replaced with (``\1``: its learner)

    def without_relatives(self, text: str) -> str:
        """``text`` without the relative clauses that say nothing of the learner."""
        return self.relative.sub(self.kept, text) if self.relative is not None else text


_GRAMMARS = {
    "en": _Grammar(
        _EN_ACTIVITY,
        _EN_INTENT,
        _EN_TOPIC,
        _EN_MODAL,
        _EN_SUBORDINATE,
        _en_predicate,
        _EN_RELATIVE,
        r"\1 ",
    ),
    "pl": _Grammar(
        _PL_ACTIVITY, _PL_INTENT, _PL_TOPIC, _PL_MODAL, _PL_SUBORDINATE, _pl_predicate, _PL_RELATIVE
    ),
}


_EN_LEARNERS_OBJECT = re.compile(
    r"^(?:to )?([a-z]+) (?:the )?(?:students|learners|participants|trainees|pupils|"
    r"personnel|staff|employees|workers|delegates|attendees)"
    r"(?:'|’s?)?\b(?! (?:can|will|should|must|are|may)\b)",
    re.IGNORECASE,
)


def _en_learners_as_object(text: str) -> bool:
    """Whether the statement opens with a verb whose object is the learners ("To prepare
    students for …", "Support learners in …", "Providing students with …"): what the
    teacher or the course does, an aim."""
    match = _EN_LEARNERS_OBJECT.match(text)
    if match is None or match.group(1).lower() in _EN_CLOSED:
        return False
    word = match.group(1).lower()
    # the base form, or that of an "-ing" form: "providing" → "provide", "setting" → "set"
    stems = [word] + ([word[:-3], word[:-3] + "e", word[:-4]] if word.endswith("ing") else [])
    return any(_en_lexicon().get(stem, 0) & _VB for stem in stems)


def _en_artefact_subject(text: str) -> bool:
    """Whether a part of the course (a module, the lectures, a unit standard) is the
    subject of the statement's first verb, with no learner before it and no verb
    opening the statement ("Plan lessons …" is the learner's)."""
    words = [w.lower() for w in _WORD.findall(text)[:9]]
    if not words or _EN_LEARNERS.intersection(words[:1]):
        return False
    lexicon = _en_lexicon()
    bits = 0 if words[0] in _EN_CLOSED or words[0].endswith("ing") else lexicon.get(words[0], 0)
    if bits & (_VB | _VBZ) and (bits & _ACTION or not bits & _OTHER):
        return False  # an imperative opens it: "Plan lessons", "Evaluate course content"
    for i, word in enumerate(words[:7]):
        if word in _EN_LEARNERS or word in _EN_AUX or i + 1 == len(words):
            return False  # the learner, or a verb ("can explain how projects are run")
        if _EN_ARTEFACT.fullmatch(word):
            verb = words[i + 1]
            if words[i + 2 : i + 4] == ["able", "to"]:
                return False  # "… credited with this unit standard are able to …"
            if verb in _EN_AUX or verb in _EN_DESCRIBING:
                return True
            verb_bits = 0 if verb in _EN_CLOSED else lexicon.get(verb, 0)
            form = _VB if word.endswith("s") else _VBZ  # "Labs reinforce", "The unit covers"
            if verb_bits & form and not verb_bits & _OTHER:
                return True
    return False


def _says_what_is_done(grammar: _Grammar, bare: str, first: str, lang: str) -> _Predicate | None:
    """The predicate of a two-word statement that is a verb and its object ("Understand
    osmosis", "Programuje sterowniki"): short, but an outcome, judged as any other;
    ``None`` when it is not one. ``bare`` is the statement without its relative clauses,
    ``first`` its first word."""
    if lang == "en" and _en_lexicon().get(first.lower(), 0) & _OTHER:
        return None  # "Design patterns", "Project management": a noun may open a topic
    predicate = grammar.predicate(bare)
    done = predicate.tense == "present" and (predicate.action or bool(predicate.unobservable))
    return predicate if done else None


def assess_statement(text: str, lang: str) -> list[OutcomeFinding]:
    """Every rule that fires on one outcome statement written in ``lang``.

    Languages other than Polish and English get the language-neutral rules only
    (length), never a wrong verdict from the wrong grammar.
    """
    text = _LEAD.sub("", text).strip()
    words = _WORD.findall(text)
    found: list[OutcomeFinding] = []
    grammar = _GRAMMARS.get(lang)
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
        found.append(OutcomeFinding(m.OUTCOME_TOO_LONG, {"words": str(len(words))}))
    if grammar is None:
        return found
    # "Po tym, jak ukończył kurs, uczestnik potrafi ...": the main clause says what counts,
    # without its own relative clauses (the comma closing "Gdy ...," opens none there).
    clause = grammar.subordinate.match(text)
    main = grammar.without_relatives(text[clause.end() :]) if clause else bare
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
