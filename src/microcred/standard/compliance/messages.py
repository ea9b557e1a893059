"""Every message the compliance check can give, in English and Polish.

Tests import these constants to check that the right rule fired, so a change of wording
never breaks a test and a rule cannot fire silently with the wrong code.
"""

from __future__ import annotations

from .report import Message, Severity

W = Severity.WEAK
A = Severity.ADVICE
# __all__ (every message constant) is computed at the end of the module.

# --- generic element presence -------------------------------------------------------
ELEMENT_MISSING = Message("missing", "not given", "nie podano", W)
OPTIONAL_NOT_GIVEN = Message("optional_absent", "optional; not given", "opcjonalne; nie podano")
ELEMENT_PRESENT = Message("present", "{what}", "{what_pl}")

# --- learner identification and date of issue ----------------------------------------
LEARNER_AT_AWARD = Message(
    "learner_at_award",
    "each award records: {attrs}",
    "każde poświadczenie zawiera: {attrs_pl}",
)
LEARNER_NOT_DECLARED = Message(
    "learner_identification_missing",
    "the design does not say how learners are identified (learner_identification)",
    "projekt nie określa, jak identyfikowana jest osoba ucząca się (learner_identification)",
    W,
)
LEARNER_NAME_ONLY = Message(
    "learner_name_only",
    "a name alone may not identify a person; add a date of birth, national ID, "
    "student number or e-mail",
    "samo imię i nazwisko może nie wystarczyć do identyfikacji osoby; dodaj datę "
    "urodzenia, PESEL, numer albumu lub e-mail",
    A,
)
LEARNER_NO_NAME = Message(
    "learner_no_name",
    "the learner's full name is not recorded",
    "nie zapisuje się imienia i nazwiska osoby uczącej się",
    W,
)
LEARNER_PROMISED_MISSING = Message(
    "learner_promised_missing",
    "the design says each award records {attrs}, but this award does not",
    "projekt przewiduje te dane na każdym poświadczeniu, ale w tym brakuje: {attrs_pl}",
    W,
)
DATE_AT_AWARD = Message(
    "date_at_award",
    "set on each award when it is issued",
    "ustalana dla każdego poświadczenia w chwili wydania",
)
DATE_IN_FUTURE = Message(
    "date_in_future",
    "date of issue {date} is in the future",
    "data wydania {date} jest w przyszłości",
    W,
)

# --- title, issuer -------------------------------------------------------------------
TITLE_TOO_SHORT = Message(
    "title_too_short",
    "the title {title!r} is too short to tell what the micro-credential is about",
    "tytuł „{title}” jest zbyt krótki, by wiedzieć, czego dotyczy mikropoświadczenie",
    W,
)
TITLE_ONE_LANGUAGE = Message(
    "title_one_language",
    "the title is given only in {lang}; give it in English too, so that it is read across the EU",
    "tytuł podano tylko w języku: {lang_pl}; podaj go także po angielsku, by był zrozumiały "
    "w całej UE",
    A,
)
TITLE_ENGLISH_ONLY = Message(
    "title_english_only",
    "the title is given only in English; give it in the awarding body's own language too",
    "tytuł podano tylko po angielsku; podaj go także w języku instytucji wydającej",
    A,
)
AWARDING_BODY_NO_LEGAL_ID = Message(
    "awarding_body_no_legal_id",
    "{name}: no legal identifier (VAT, NIP, KRS, Erasmus code...)",
    "{name_pl}: brak identyfikatora prawnego (VAT, NIP, KRS, kod Erasmus...)",
    A,
)

# --- learning outcomes ---------------------------------------------------------------
OUTCOMES_COUNT = Message("outcomes_count", "{n} outcome(s)", "liczba efektów: {n}")
OUTCOMES_ALL_ACTIVITIES = Message(
    "outcomes_all_activities",
    "every statement describes an activity, not what the learner can do",
    "każde zdanie opisuje aktywność, a nie to, co osoba ucząca się potrafi",
    W,
)
OUTCOME_ACTIVITY = Message(
    "outcome_activity",
    "outcome {n} ({lang}) describes participation, not an outcome: {text!r}",
    "efekt {n} ({lang}) opisuje udział, a nie efekt uczenia się: „{text}”",
    W,
)
OUTCOME_INTENT = Message(
    "outcome_intent",
    "outcome {n} ({lang}) describes the course's content or aims, not what the learner "
    "can do: {text!r}",
    "efekt {n} ({lang}) opisuje treść lub cele kursu, a nie to, co osoba ucząca się "
    "potrafi: „{text}”",
    W,
)
OUTCOME_NO_VERB = Message(
    "outcome_no_verb",
    "outcome {n} ({lang}) reads as a topic: no verb in it says what the learner can do "
    "(a verb inside a relative clause does not): {text!r}",
    "efekt {n} ({lang}) wygląda na temat: żaden czasownik nie mówi w nim, co osoba ucząca się "
    "potrafi (czasownik w zdaniu podrzędnym tego nie mówi): „{text}”",
    W,
)
OUTCOME_ESCO_LABEL = Message(
    "outcome_esco_label",
    "outcome {n} ({lang}) is a label aligned to ESCO skills rather than a statement: {text!r}",
    "efekt {n} ({lang}) to etykieta powiązana z umiejętnościami ESCO, a nie zdanie: „{text}”",
    A,
)
OUTCOME_TOO_SHORT = Message(
    "outcome_too_short",
    "outcome {n} ({lang}) is too short to be assessed: {text!r}",
    "efekt {n} ({lang}) jest zbyt krótki, by można go było ocenić: „{text}”",
    W,
)
OUTCOME_UNOBSERVABLE = Message(
    "outcome_unobservable",
    "outcome {n} ({lang}) uses only a verb that cannot be observed ({verb}); prefer "
    "e.g. explain, apply, compare",
    "efekt {n} ({lang}) używa tylko czasownika, którego nie da się zaobserwować ({verb}); "
    "lepiej np. wyjaśnia, stosuje, porównuje",
    A,
)
OUTCOME_TOO_LONG = Message(
    "outcome_too_long",
    "outcome {n} ({lang}) has {words} words; split it into separate outcomes",
    "efekt {n} ({lang}) jest za długi (liczba słów: {words}); podziel go na osobne efekty",
    A,
)
OUTCOME_DUPLICATE = Message(
    "outcome_duplicate",
    "outcome {n} repeats outcome {first}",
    "efekt {n} powtarza efekt {first}",
    A,
)
OUTCOMES_ESCO = Message(
    "outcomes_esco",
    "{n} outcome(s) aligned to ESCO skills",
    "efekty powiązane z umiejętnościami ESCO: {n}",
)

# --- workload ------------------------------------------------------------------------
WORKLOAD_ECTS = Message("workload_ects", "{ects} ECTS", "{ects} ECTS")
WORKLOAD_HOURS = Message("workload_hours", "{hours} hours", "{hours} godz.")
WORKLOAD_HOURS_ONLY = Message(
    "workload_hours_only",
    "workload in hours only; Annex I asks for ECTS wherever possible",
    "nakład pracy tylko w godzinach; załącznik I zaleca ECTS, gdzie to możliwe",
    A,
)
WORKLOAD_NO_AMOUNT = Message(
    "workload_no_amount",
    "workload is described but gives neither ECTS nor hours",
    "opisano nakład pracy, ale bez punktów ECTS i bez liczby godzin",
    W,
)
WORKLOAD_INCONSISTENT = Message(
    "workload_inconsistent",
    "{hours} hours for {ects} ECTS is {ratio} hours per credit; one ECTS credit is "
    "25–30 hours of work",
    "{hours} godz. na {ects} ECTS to {ratio} godz. na punkt; jeden punkt ECTS to 25–30 "
    "godzin pracy",
    A,
)
WORKLOAD_LARGE = Message(
    "workload_large",
    "{ects} ECTS is more than a typical micro-credential (a short learning experience)",
    "{ects} ECTS to więcej niż typowe mikropoświadczenie (krótka aktywność edukacyjna)",
    A,
)

# --- level ---------------------------------------------------------------------------
LEVEL_NOT_CLAIMED = Message(
    "level_not_claimed",
    "no level claimed; Annex I asks for one where relevant",
    "nie podano poziomu; załącznik I wymaga go w stosownym przypadku",
)
LEVEL_CLAIMED = Message("level_claimed", "{level}", "{level_pl}")
LEVEL_NO_FRAMEWORK = Message(
    "level_no_framework",
    "level {value} is claimed without saying in which framework (eqf, qf-ehea, prk)",
    "podano poziom {value} bez wskazania ramy kwalifikacji (eqf, qf-ehea, prk)",
    W,
)
LEVEL_INCONSISTENT = Message(
    "level_inconsistent",
    "the levels disagree: {levels} correspond to different EQF levels",
    "poziomy są sprzeczne: {levels_pl} odpowiadają różnym poziomom ERK",
    W,
)

# --- assessment ----------------------------------------------------------------------
ASSESSMENT_METHODS = Message("assessment_methods", "{methods}", "{methods_pl}")
ASSESSMENT_UNSTATED = Message(
    "assessment_unstated",
    "say how the learning outcomes are assessed (assessment.methods); a design that states "
    "no assessment (methods: [none]) is a participation badge",
    "podaj, jak oceniane są efekty uczenia się (assessment.methods); projekt, który "
    "deklaruje brak oceniania (methods: [none]), to odznaka za udział",
    W,
)
ASSESSMENT_OTHER_ONLY = Message(
    "assessment_other_only",
    "the type of assessment is still unstated ('other'): name the method in "
    "assessment.description, or choose one of the listed methods",
    "rodzaj oceniania wciąż nie jest określony („inny”): nazwij metodę w "
    "assessment.description albo wybierz jedną z metod z listy",
    A,
)
ASSESSMENT_NONE = Message(
    "assessment_none",
    "attendance only: the learning outcomes are not assessed",
    "tylko obecność: efekty uczenia się nie są oceniane",
    W,
)
ASSESSMENT_NONE_MIXED = Message(
    "assessment_none_mixed",
    "'none' is listed together with real assessment methods",
    "'none' (brak oceny) podano razem z metodami oceny",
    W,
)
ASSESSMENT_SELF_ONLY = Message(
    "assessment_self_only",
    "self-assessment alone does not check the outcomes independently",
    "sama samoocena nie sprawdza efektów w sposób niezależny",
    W,
)
ASSESSMENT_NO_CRITERIA = Message(
    "assessment_no_criteria",
    "no assessment criteria given (Annex II: assessed against transparent criteria)",
    "nie podano kryteriów oceny (załącznik II: ocena według przejrzystych kryteriów)",
    A,
)

# --- quality assurance ---------------------------------------------------------------
QA_TYPES = Message("qa_types", "{types}", "{types_pl}")
QA_INTERNAL_ONLY = Message(
    "qa_internal_only",
    "internal quality assurance only; Annex II also expects external quality assurance",
    "tylko wewnętrzne zapewnianie jakości; załącznik II oczekuje także zewnętrznego",
    A,
)

# --- optional elements ---------------------------------------------------------------
INTEGRATION_NO_TARGET = Message(
    "integration_no_target",
    "{option} but no credential named under 'towards'",
    "{option_pl}, ale nie wskazano poświadczenia w polu 'towards'",
    W,
)
GRADE_AT_AWARD = Message(
    "grade_at_award",
    "grading scheme: {scheme}; the grade is recorded on each award",
    "skala ocen: {scheme_pl}; ocena jest zapisywana na każdym poświadczeniu",
)

GRADE_OFF_SCALE = Message(
    "grade_off_scale",
    "{detail}",
    "{detail_pl}",
    W,
)
GRADE_NOT_RECORDED = Message(
    "grade_not_recorded",
    "the design grades on {scheme}, but this award records no grade",
    "projekt przewiduje skalę ocen {scheme_pl}, a to poświadczenie nie zawiera oceny",
    W,
)

# --- verdict -------------------------------------------------------------------------
VERDICT_NO_OUTCOMES = Message(
    "verdict_no_outcomes",
    "no learning outcomes: a record of participation, not of learning",
    "brak efektów uczenia się: potwierdzenie udziału, a nie uczenia się",
)
VERDICT_ONLY_ACTIVITIES = Message(
    "verdict_only_activities",
    "the statements describe participation, not learning outcomes",
    "zdania opisują udział, a nie efekty uczenia się",
)
VERDICT_NO_ASSESSMENT = Message(
    "verdict_no_assessment",
    "no assessment of the learning outcomes",
    "efekty uczenia się nie są oceniane",
)
VERDICT_INCOMPLETE = Message(
    "verdict_incomplete",
    "mandatory elements missing or weak: {elements}",
    "brakujące lub słabe elementy obowiązkowe: {elements_pl}",
)
VERDICT_OK = Message(
    "verdict_ok",
    "every mandatory Annex I element is present, with assessed learning outcomes",
    "wszystkie obowiązkowe elementy z załącznika I są obecne, a efekty uczenia się oceniane",
)

# --- Annex II principles -------------------------------------------------------------
P_NOT_GIVEN = Message("p_not_given", "✗ {what}", "✗ {what_pl}")
P_GIVEN = Message("p_given", "✓ {what}", "✓ {what_pl}")
P_PORTABILITY = Message(
    "p_portability",
    "depends on how awards are issued, not on the design: as signed documents in open "
    "standards that the learner holds (Open Badges 3.0, Europass EDC)",
    "zależy od sposobu wydania, a nie od projektu: jako podpisane dokumenty w otwartych "
    "standardach, które przechowuje osoba ucząca się (Open Badges 3.0, Europass EDC)",
)

# --- Annex II evidence: what each principle looks for (the {what} of P_GIVEN/P_NOT_GIVEN)
EVIDENCE_INTERNAL_QA = Message(
    "evidence_internal_qa", "internal quality assurance", "wewnętrzne zapewnianie jakości"
)
EVIDENCE_EXTERNAL_QA = Message(
    "evidence_external_qa", "external quality assurance", "zewnętrzne zapewnianie jakości"
)
EVIDENCE_OUTCOMES = Message("evidence_outcomes", "learning outcomes", "efekty uczenia się")
EVIDENCE_WORKLOAD = Message(
    "evidence_workload", "workload in ECTS or hours", "nakład pracy w ECTS lub godzinach"
)
EVIDENCE_REGISTERED = Message(
    "evidence_registered",
    "awarding body listed in a public register (registries)",
    "organ wydający wpisany do publicznego rejestru (registries)",
)
EVIDENCE_NEED = Message(
    "evidence_need",
    "the need it answers (relevance.need)",
    "potrzeba, na którą odpowiada (relevance.need)",
)
EVIDENCE_PARTNERS = Message(
    "evidence_partners",
    "employer/partner involvement or ESCO skills",
    "udział pracodawców/partnerów lub umiejętności ESCO",
)
EVIDENCE_INDEPENDENT = Message(
    "evidence_independent", "an independent assessment method", "niezależna metoda oceny"
)
EVIDENCE_CRITERIA = Message("evidence_criteria", "assessment criteria", "kryteria oceny")
EVIDENCE_INTEGRATION = Message(
    "evidence_integration", "integration/stackability option", "opcja integracji/kumulowania"
)
EVIDENCE_PRIOR_LEARNING = Message(
    "evidence_prior_learning",
    "validation of prior learning",
    "walidacja wcześniejszego uczenia się",
)
EVIDENCE_RECOGNITION = Message(
    "evidence_recognition", "recognition statement", "informacja o uznawaniu"
)
EVIDENCE_LEVEL = Message(
    "evidence_level", "level in a qualifications framework", "poziom w ramie kwalifikacji"
)
EVIDENCE_TARGET_GROUP = Message("evidence_target_group", "target group", "grupa docelowa")
EVIDENCE_FEEDBACK = Message(
    "evidence_feedback", "learner feedback", "informacje zwrotne od osób uczących się"
)
EVIDENCE_IDENTIFIED = Message(
    "evidence_identified",
    "learner identified beyond a name",
    "identyfikacja osoby poza imieniem i nazwiskiem",
)
EVIDENCE_LEGAL_ID = Message(
    "evidence_legal_id", "awarding body's legal identifier", "identyfikator prawny organu"
)
EVIDENCE_IDENTITY_VERIFIED = Message(
    "evidence_identity_verified",
    "identity verified during assessment",
    "weryfikacja tożsamości podczas oceny",
)
EVIDENCE_FURTHER_INFORMATION = Message(
    "evidence_further_information", "further information", "dodatkowe informacje"
)
EVIDENCE_GUIDANCE = Message(
    "evidence_guidance", "guidance for learners", "poradnictwo dla osób uczących się"
)

__all__ = sorted(name for name, value in dict(globals()).items() if isinstance(value, Message))
