"""The English side of the outcome rules: the phrases of activities, aims and topics,
and the predicate read from the AGID word-form table (see the package's docstring)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from ...caching import cached
from ._common import _WORD, _main_clause, _Predicate, _predicate, _wordset

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
    r"\b(?:students|learners|participants|trainees|you) (?:acquire|gain|develop|build|obtain) "
    r"(?:\w+ ){0,2}(?:knowledge|skills|understanding|experience|competenc\w*)\b|"
    r"\bto (?:successfully )?complete the (?:course|module|programme|program|training|unit)s?\b|"
    r"\b(?:must|have to|need to) (?:\w+ )?pass\b|^attend\b|"
    r"\bbegins? to (?:understand|learn|develop|explore|appreciate|grasp)\b|"
    r"\b\w+s will (?:explore|study|read|watch|listen|consider|visit|experience|learn|"
    r"practi[sc]e)\b|"
    r"\b(?:you|students|learners|candidates|participants) (?:must|need to|have to) "
    r"(?:gather|provide|produce|keep|hand|register|bring)\b|"
    r"\bworking through (?:the |a |some )?(?:[\w-]+ )?(?:exercises|examples|case studies|"
    r"tasks|materials|modules|lessons|problems|activities|quiz(?:zes)?)\b|"
    r"\b(?:have|get|gain|enjoy) (?:full |free |unlimited |lifetime |12 months' )?"
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
    r"^(?:successfully )?complete (?:the |a |an )?(?:[\w“”\"'&-]+ ){0,4}?(?:training|course|"
    r"module|programme|workshop)\b|"
    r"^(?:watch|complete) (?:the |a |an |all |weekly |short |\w+ )?(?:[\w-]+ )?"
    r"(?:videos?|lectures?|webinars?|modules?|course|quiz(?:zes)?|readings?|lessons?|"
    r"assignments?|tasks?|exercises?|homework|worksheets?|activities)\b|"
    r"\b(?:is|are|will(?: also)? be) (?:expected|required|asked|invited|encouraged|assigned) "
    r"to\b"
    r"(?! (?:understand|know|be able|demonstrate|have|show|recogni[sz]e|explain)\b)|"
    r"\bplease (?:read|listen|watch|complete|do|submit|note|visit|register|bring|make sure)\b|"
    r"^receive (?:\w+ )?(?:information|instruction|training|guidance|an? (?:introduction|"
    r"overview))\b|"
    r"\b(?:will|you'll|you’ll) (?:have|get|be given) (?:the |an? )?(?:opportunity|chance)\b|"
    r"\b(?:students|learners|participants|you) will (?:work|practi[sc]e|"
    r"engage|collaborate|spend|complete (?:a |an |the |several |weekly )?(?:[\w-]+ ){0,2}?"
    r"(?:projects?|assignments?|exercises?|tasks?|labs?|quiz(?:zes)?))\b|"
    # hours to complete: "complete 425 hours of volunteer service"
    r"\bcomplete (?:at least |a minimum of |over )?\d[\d,]* (?:\w+ )?hours\b|"
    r"\breceive (?:a |an |the |your )?(?:[\w-]+ )?(?:certificate|diploma|badge|"
    r"credential|attestation|statement of (?:attainment|participation))\b|"
    r"\b(?:be|been|is|are|will be) (?:assessed|examined|evaluated|graded|tested) "
    r"(?:through|by|via|on|in|using)\b|"
    r"\b(?:have to|must|need to|required to) (?:submit|complete|attend|hand in|take|sit|"
    r"upload|post)\b|"
    r"(?:^|, )(?:you'll|you’ll|you will) (?!be\b|know\b|understand\b|learn|gain|acquire|"
    r"discover|get to know|become familiar|have (?:a |an )?(?:sound |good |solid )?"
    r"(?:understanding|knowledge))|"
    r"\b(?:students|learners|participants|attendees|you) will (?:develop|gain|acquire|build|"
    r"obtain|improve|deepen|broaden|increase|strengthen|enhance|expand|refine) "
    r"(?:[\w/-]+,? ){0,8}?(?:skills?|knowledge|understanding|competences?|experience|"
    r"abilit(?:y|ies)|effectiveness)\b|"
    # the learning itself, not its result: "Learn how to configure X", "Explore X"
    r"^to (?:explore|study|learn|discover|experience)\b|"
    r"^(?:[a-z]+ly )?(?:study|become (?:familiar|acquainted) with|"
    r"(?:develop|obtain|gain|acquire|build|improve|deepen|broaden|expand|enhance) "
    r"(?:(?:your|their|his|her|an?|the|some|basic|further|new|deeper|broader|practical|"
    r"sound|solid|good|key|essential)\s+){0,3}(?:[\w-]+,?\s+){0,4}?"
    r"(?:skills?|knowledge|understanding|competences?|competencies|experience|insights?|"
    r"awareness|familiarity|abilit(?:y|ies)|capacity|capabilit(?:y|ies)|confidence|"
    r"proficiency|expertise|fluency|"
    r"practices|habits)\b|"
    r"learn|explore|discover|experience|join|hear from|network with|"
    r"work through (?:the |a |some |several )?(?:[\w-]+ )?(?:exercises|examples|case studies|"
    r"tasks|materials|modules|lessons|problems|activities|quiz(?:zes)?)|"
    r"take a (?:deep )?dive|receive (?:\w+ )?feedback|get hands-on|"
    r"get (?:familiar|acquainted) with|"
    r"get an? (?:overview|introduction|insight)|"
    r"gain (?:an? )?(?:overview|introduction|exposure)|"
    r"be (?:introduced|exposed) to)\b",
    re.IGNORECASE,
)
# The course, not the learner, is the subject: always a description, never an outcome.
_EN_INTENT = re.compile(
    r"\b((?:this|the|our) (?:[^\s,;:]+ ){0,3}?(?:course|training|webinar|module|workshop|"
    r"programme|program|session|quest|chapter|unit|lesson|class|bootcamp|subject|curriculum|"
    r"certification|qualification|kit|guide|book|handbook|textbook|toolkit|resource|package|"
    r"diploma|degree|certificate)s?"
    r" (?:also |further |then |first |mainly |primarily |briefly )?"
    r"(?:covers?|introduces?|aims?|presents?|provides?|explores?|will|is designed|gives?|"
    r"empowers?|"
    r"teach(?:es)?|develops?|examines?|prepares?|offers?|focus(?:es)?|equips?|enables?|"
    r"discuss(?:es)?)|"
    r"\b(?:aim|goal|objective|purpose|intention|mission)s? (?:(?:of|for) [^,;]{1,60}? )?"
    r"(?:is|are|was) (?:to|for|as follows)\b|"
    # a definition: "Critical thinking is the ability to …"
    r"^[\w -]{1,40}? (?:is|are) (?:the|an?) (?:[\w-]+ )?(?:ability|capacity|process|practice|"
    r"art|study|science|discipline|branch)\b|"
    r"^(?:aims?|goals?|purpose)\s*[:–-]\W*|"
    r"\b(?:is|are|get|gets) (?:introduced|exposed|familiari[sz]ed|acquainted) "
    r"(?:to|with|how)\b|"
    r"^to (?:develop|gain|acquire|build|deepen|broaden|enhance|improve|foster|promote) "
    r"(?:an? |the |their |students['’] |learners['’] |participants['’] )?(?:[\w-]+ ){0,6}?"
    r"(?:understanding|knowledge|skills?|awareness|appreciation|competences?|familiarity|"
    r"insights?|capacity|abilit(?:y|ies))\b|"
    # verbs whose actor is the teacher, opening a goal: "Introduce basic principles of …"
    r"^(?:to )?(?:introduce(?! (?:oneself|yourself|themselves|himself|herself))|"
    r"familiari[sz]e|acquaint|impart|instil|instill|expose|equip|"
    r"foster|nurture|cultivate|inspire|encourage|stimulate|engender)\b|"
    r"^(?:to )?(?:enable|help|allow|develop|support|guide|motivate|train) "
    r"(?:the )?(?:students?|learners?|participants?|trainees?|pupils?)(?:'|’s)?\b|"
    r"^(?:to )?(?:provides?|gives?|offers?) (?:an? |the )?(?:[\w-]+ ){0,2}?(?:foundation|"
    r"grounding|overview|introduction|insight|basis|opportunity|understanding|"
    r"preparation)\b|"
    r"^to (?:show|present|introduce|provide|give|teach|reinforce|consolidate|demonstrate "
    r"how)\b|"
    # the teacher raises the learners' ability: "Increase an individual's ability to …"
    r"^(?:to )?(?:increase|enhance|raise|expand|broaden) (?:an? |the |their )?"
    r"(?:[\w’'-]+ )?(?:ability|abilities|awareness|capacity|understanding|knowledge)\b|"
    # the course, by whatever name, at work on the learners: "Performance Management
    # Essentials helps learners …", "… will teach you …", "develops students' skills"
    r"(?<=\S )(?:helps|develops|teaches|will teach|equips|prepares|enables|empowers|"
    r"exposes|introduces) (?:the )?(?:students|learners|participants|you|trainees|"
    r"apprentices|workers|pupils|delegates|attendees)(?:['’]s?)?(?=\W)|"
    r"\b(?:develops|promotes|fosters|enhances|strengthens) (?:the development of )?"
    r"(?:[\w’'-]+ ){0,3}?(?:skills|competenc\w+|abilities|awareness)\b|"
    r"\bwill help (?:you |students |learners |participants )?(?:to )?(?:develop|build|gain|"
    r"improve)\b|\b(?:i|we) hope to\b|"
    r"\b(?:micro-?credential|microcert|credential|badge|bootcamp)s? (?:can |will )?"
    r"(?:serves?|offers?|provides?|helps?|gives?)\b|"
    r"^build up the skills of|prepares? (?:the )?(?:students?|learners?|participants?|you)\b|"
    r"(?:is|are) (?:intended|designed) to|^hopefully\b|attention will be (?:given|paid) to|"
    r"\b(?:seeks?|sets? out|endeavou?rs?|strives?|intends?) to|"
    r"\b(?:is|are) (?:aimed at|suitable for|ideal for|targeted at|open to|designed for)\b|"
    r"\b(?:are|is|get|gets) (?:given|provided|offered|shown|taught)\b|"
    r"is an? (?:[\w-]+ ){0,3}(?:course|module|workshop|training) (?:on|in|about)|"
    r"(?:students|learners|participants|you) will be (?:given|provided|offered|taught|shown|"
    r"encouraged|guided)|"
    r"^(?:to )?(?:provide|give|offer) (?:students|learners|participants|you)\b|"
    r"^it (?:allows|enables|introduces|provides|gives|helps|teaches|offers|covers)\b|"
    r"\bwe(?:'re|’re| are) going to\b|:\s*to include\b|"
    r"\b(?:explored|covered|studied|examined|discussed|addressed|included) (?:will |shall )?"
    r"(?:include|be|are|is)\b|"
    r"^(?:this|it|these|which) (?:should|will|would|can|may) (?:bring|give|help|enable|allow|"
    r"provide|equip|prepare|develop|build)\b|"
    r"\b(?:designed|developed|intended|created|aims?|set|meant|outcomes) to "
    r"(?:help|enable|allow|equip|prepare|encourage|support|assist) (?:the )?"
    r"(?:students|learners|participants|trainees)\b|"
    r"^(?:assignments?|assessments?|coursework|exams?|examinations?|teaching|delivery|format|"
    r"duration|prerequisites?|entry requirements|schedule|timetable)\s*:\W*|"
    # the teacher acts: "Our experienced trainers will guide you through each step"
    r"\b(?:trainers?|tutors?|teachers?|lecturers?|instructors?|experts?|facilitators?|"
    r"coaches|mentors) (?:\w+ ){0,2}?(?:will|shall|guide|help|show|teach|support|provide|"
    r"introduce|walk|take|share|lead|demonstrate|explain|present)\b|"
    r"^who (?:should|can|may) attend\b|^(?:target )?audience\s*:\W*|"
    r"^who (?:is )?this (?:course|training|programme|program|workshop)? ?(?:is )?for\b|"
    # the teacher and the class as "we": "We will discuss the main approaches to ethics"
    r"^we(?: will| shall|'ll|’ll)? (?!be able|can\b|could\b)[a-z]+|"
    r"^(?:introduces|covers|offers|teaches|includes|surveys|emphasi[sz]es|focuses on|explores|"
    r"examines|considers|addresses|"
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
    r"practical|exercise|assignment|session|lesson|material|content|topic|"
    r"emphasis|focus|reading|discussion|project|webinar|bootcamp|assessment|"
    r"teaching|delivery|instruction|tuition|coursework|examination|exam|week|day|method|"
    r"task)s?|activit(?:y|ies)|class(?:es)?|stud(?:y|ies)",
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
# words, numbers, commas, colons, and a dash standing alone ("GAAP statements - Prepares …")
_EN_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+|[,;:]|[–—]|(?<=\s)-(?=\s)")
_EN_LEARNERS = _wordset(
    """
    learner learners participant participants student students graduate graduates trainee
    trainees apprentice apprentices candidate candidates holder holders attendee attendees
    people persons individuals person practitioner practitioners
    professionals worker workers employee employees operator operators technician
    technicians pupil pupils
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
_EN_RELATIVE_WORDS = _wordset("that which who whom whose")
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
    r"persons?|individuals?|anyone|apprentices?) (?:(?:who|that) )?(?:have |has )?"
    r"(?:successfully |fully )?"
    r"(?:complete[sd]?|completing|finish(?:ed|es|ing)?|pass(?:ed|es|ing)?|attend(?:ed|s|ing)?|"
    r"tak(?:e|es|ing)|took|undertak(?:e|es|ing)|follow(?:ed|s|ing)?|achiev(?:e|ed|es|ing)|"
    r"gain(?:s|ed|ing)?|earn(?:s|ed|ing)?|obtain(?:s|ed|ing)?|hold(?:s|ing)?|awarded)\b"
    r"[^;.]{0,200}?(?=\b(?:will|can|could|should|are|is|must|may|shall)\b)",
    re.IGNORECASE,
)
# A leading clause or phrase before the main clause: "After the course, …", "With
# guidance, analyse …", "Through research for the dissertation, demonstrate …"
_EN_SUBORDINATE = re.compile(
    r"^(?:after|when|once|if|while|before|although|since|upon|having|as|following|given|"
    r"based on)\b[^,]*,|"
    # a leading phrase, not a clause: "In this program students acquire …, and …" is one
    r"^(?:with|through|by|using|within|for|from|under|on|in|at)\b"
    r"(?:(?!\b(?:students|learners|participants|trainees|pupils|you|we)\b)[^,])*,",
    re.I,
)
# Words after which "to" brings the predicate: "the student is expected to understand …"
_EN_TO_MODAL = _wordset("expected required supposed likely going prepared ready willing")
# Verbs that take "to" (their nouns rarely do): "Respond to complaints" opens an outcome,
# where "Approach to …", "Guide to …" open a topic.
_EN_VERBS_TO = _wordset("respond adhere adapt contribute listen relate reply react conform refer")
# Words that open a leading phrase ended by a comma: "Where appropriate, apply …"
_EN_OPENERS = _wordset("where wherever whenever both either together alone and or")
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
    match mount paraphrase recall repeat reply retrieve rewrite separate state tell exhibit
    display meet supply dispense break approach
    """
)
# The verbs that open ESCO v1.1.1's skill labels ("tend crops", "oversee …"; those opening
# two labels or more, verbs of learning and knowing left out): they settle the same doubt,
# in the base form only (in "Issues and trends in …" a plural noun opens a topic).
_EN_SKILL_VERBS = _wordset(
    """
    abide accommodate add advertise allocate alter anchor animate announce anticipate
    approve archive assist attach avoid balance bend bind blast blend breed brief brush
    budget buy cast catch change clear climb close coat colour commission comprehend
    conclude confer conform conserve consult contact contextualise control cool cope crush
    cultivate cure customise cut decorate delineate dig direct disassemble discharge
    dispatch dispose disseminate distribute dress dry dump dye educate empathise empower
    encourage enforce enhance entertain escort evacuate exert expand fabricate fasten feed
    finish fix focus form foster gather grind groom grow guarantee hand hang harvest heat
    hire host implant imprint improvise influence inform initiate innovate insert inspire
    instruct intervene involve issue join lay liaise light load log lubricate maneuver
    manipulate manoeuvre manufacture maximise memorise minimise mitigate mix mould move
    network notify officiate order oversee pack package paint park pick pilot place plant
    play plot polish pose position pour preserve preset press prevent procure prospect prune
    pump purchase put raise react rear reconstruct recruit refer register regulate rehearse
    reinforce remove replace rescue restock restrict rig rinse safeguard sand satisfy scale
    scan scoop screen seal search send sew shape shunt signal simulate slaughter slice
    smooth solder speak specialise split spray stack stamp stand steer sterilise stimulate
    stir stock strive style suggest supervise synchronise synthesise taste tend thread tie
    tolerate trace track trade transcribe transport transpose trim tune turn type undertake
    unload utilise vacuum visit wash wax wear weigh welcome wind wire help offer keep
    """
)

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
            if lemma in _EN_SKILL_VERBS:
                verbs[lemma] |= _ACTION
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
    opener = bool(lows) and (lows[0] in _EN_OPENERS or lows[0].endswith("ly"))
    main_role = False  # a verb other than an auxiliary seen so far
    prev: str | None = None
    seen_verb = False
    relative = False  # inside a relative clause of the opening noun phrase
    first = 0  # where the main clause starts, in significant tokens
    for n, i in enumerate(significant):
        low = lows[i]
        before = lows[significant[n - 1]] if n else ""
        after = lows[significant[n + 1]] if n + 1 < len(significant) else ""
        then = lows[significant[n + 2]] if n + 2 < len(significant) else ""
        if then and n + 3 < len(significant) and lows[significant[n + 3]] == "of":
            then = "of"  # "Format and structure of …": the word after "and" heads "of …"
        if i >= start > (significant[n - 1] if n else -1):
            prev, first = None, n
        if relative:  # up to the comma that closes it
            relative = low not in (",", ";")
            continue
        if low in _EN_RELATIVE_WORDS and prev == "other" and not seen_verb and n > first:
            # "The ability to produce stories that are clear …": a relative clause after the
            # opening noun phrase; its verbs are not what the learner does
            relative = True
            continue
        if (low in (":", "-", "–", "—") or (low == "," and opener)) and not main_role:
            # "Logic: writes good code", "Independently and in groups, solve …": a label
            # or a leading phrase, then the main clause
            prev, first = None, n + 1
            continue
        if prev == "conj" and n == first + 2 and not seen_verb:
            prev = None  # "Moves and stores loads": the second word opens the statement too
        slot = prev in (None, "subject", "modal") or (prev == "conj" and seen_verb)
        bits = _en_bits(low, lexicon)
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
            kind = (
                "modal"
                if prev in (None, "subject", "modal", "verb")
                or (prev == "conj" and seen_verb)
                or before in _EN_TO_MODAL  # "is expected to understand …"
                else "complement"
            )
        elif prev == "complement":
            kind = "other"
        elif low in _EN_UNOBSERVABLE:
            kind, roles[i] = "verb", "unobs"
        elif low in _EN_READY and (prev is None or (prev == "modal" and before in _EN_BE)):
            kind, roles[i] = "verb", "action"  # "Be competent in …", "is prepared to …"
        elif bits:
            kind, roles[i] = _en_verb(low, bits, prev if slot else "", after, then)
        seen_verb = seen_verb or roles[i] is not None
        main_role = main_role or roles[i] not in (None, "aux")  # a running flag: linear
        prev = kind
    return _predicate(roles, tokens, start)


def _en_verb(
    low: str, bits: int, slot: str | None, after: str, then: str
) -> tuple[str, str | None]:
    """(what the word is for the next one, its role) for a word that can be a verb.

    ``slot`` is what precedes a predicate position (``None`` for the start of the
    statement), or ``""`` when the word does not stand where a predicate stands;
    ``low`` is the word in lower case, ``after`` and ``then`` the two significant words
    that follow.
    """
    present = bits & (_VB | _VBZ)
    ambiguous = bits & _OTHER
    if (
        slot is None
        and ambiguous
        and (
            after == "of"
            or (after == "to" and low not in _EN_VERBS_TO)
            or (after in ("and", "or", ",") and then and not _en_can_be_verb(then))
            or (after.endswith("ing") and then == "of")  # "Close reading of texts"
        )
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
    return "other", None


def _en_bits(word: str, lexicon: dict[str, int]) -> int:
    """The verb-form bits of a lower-case ``word`` (none for a closed-class word)."""
    return 0 if word in _EN_CLOSED else lexicon.get(word, 0)


def _en_can_be_verb(word: str) -> bool:
    """Whether a lower-case ``word`` has a present-tense verb reading."""
    return bool(_en_bits(word, _en_lexicon()) & (_VB | _VBZ))


_EN_LEARNERS_OBJECT = re.compile(
    r"^(?:to )?([a-z]+) (?:the (?:student|learner|participant|trainee|pupil)\b|(?:the )?"
    r"(?:students|learners|participants|trainees|pupils|"
    r"personnel|staff|employees|workers|delegates|attendees|adults|children|members|"
    r"young people))"
    r"(?:'|’s?)?\b(?! (?:can|will|should|must|are|may)\b)",
    re.IGNORECASE,
)


def _en_learners_as_object(text: str) -> bool:
    """Whether the statement opens with a verb whose object is the learners ("To prepare
    students for …", "Support learners in …", "Providing students with …"): what the
    teacher or the course does, an aim."""
    match = _EN_LEARNERS_OBJECT.match(text)
    if match is None:
        return False
    word = match.group(1).lower()
    if word in _EN_CLOSED:
        return False
    lexicon = _en_lexicon()
    following = text[match.end() :].split()[:1]
    causative = word in ("have", "get", "let", "make", "help")  # "To have trainees apply …"
    if following and not causative and _en_can_be_verb(following[0].lower()):
        return False  # "Nursing students administer …": the learners are the subject
    # the base form, or that of an "-ing" form: "providing" → "provide", "setting" → "set"
    stems = [word] + ([word[:-3], word[:-3] + "e", word[:-4]] if word.endswith("ing") else [])
    return any(lexicon.get(stem, 0) & _VB for stem in stems)


_EN_NUMBERS = _wordset("one two three four five six seven eight nine ten i ii iii iv v vi")


def _en_artefact_subject(text: str) -> bool:
    """Whether a part of the course (a module, the lectures, a unit standard) is the
    subject of the statement's first verb, with no learner before it and no verb
    opening the statement ("Plan lessons …" is the learner's)."""
    words = [w.lower() for w in _WORD.findall(text)[:9]]
    if not words or _EN_LEARNERS.intersection(words[:1]):
        return False
    lexicon = _en_lexicon()
    if _EN_ARTEFACT.fullmatch(words[0]) and len(words) > 2:
        # "Programme aims to …", "Module four covers …": the course part opens it
        verb = words[2] if words[1] in _EN_NUMBERS else words[1]
        if verb in _EN_DESCRIBING or verb in ("will", "is", "are"):
            return True
    bits = 0 if words[0].endswith("ing") else _en_bits(words[0], lexicon)
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
            verb_bits = _en_bits(verb, lexicon)
            form = _VB if word.endswith("s") else _VBZ  # "Labs reinforce", "The unit covers"
            if verb_bits & form and not verb_bits & _OTHER:
                return True
    return False
