"""Designs and awards to start compliance tests from: :func:`full_spec` has every
Annex I element and every piece of Annex II evidence; tests change one thing."""

from __future__ import annotations

import datetime as dt
from typing import Any

from microcred.standard.elements import Award, MicroCredentialSpec

NOW = dt.datetime(2025, 6, 20, 12, 0, tzinfo=dt.UTC)
ESCO_PIVOT_TABLES = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"


def full_spec() -> dict[str, Any]:
    """A design with every Annex I element and all Annex II evidence, as a fresh dict."""
    return {
        "id": "spreadsheet-data-analysis",
        "title": {
            "pl": "Analiza danych w arkuszu kalkulacyjnym",
            "en": "Data analysis in spreadsheets",
        },
        "awarding_bodies": [
            {
                "name": {
                    "pl": "Centrum Kształcenia Ustawicznego w Lublinie",
                    "en": "Lublin Centre for Continuing Education",
                },
                "country": "PL",
                "region": "lubelskie",
                "legal_identifier": {"scheme": "nip", "value": "7123456789"},
                "registries": [{"name": "RSPO", "id": "123456"}],
            }
        ],
        "learner_identification": ["full-name", "date-of-birth", "email"],
        "learning_outcomes": [
            {
                "statement": {
                    "pl": "Uczestnik potrafi zbudować tabelę przestawną podsumowującą dane "
                    "sprzedażowe.",
                    "en": "The learner can build a pivot table that summarises sales data.",
                },
                "esco_skills": [ESCO_PIVOT_TABLES],
            },
            outcome(
                "Stosuje funkcje wyszukiwania do łączenia danych z dwóch arkuszy.",
                "Uses lookup functions to combine data from two sheets.",
            ),
        ],
        "workload": {"ects": 1, "hours": 25},
        "levels": [{"framework": "eqf", "value": 4}, {"framework": "prk", "value": 4}],
        "assessment": {
            "methods": ["practical-demonstration", "online-test"],
            "criteria": {
                "pl": "Zaliczenie: poprawny raport z tabelą przestawną i 60% punktów z testu.",
                "en": "Pass: a correct report with a pivot table and 60% in the test.",
            },
        },
        "form_of_participation": "blended",
        "quality_assurance": {"types": ["internal", "external-institutional"]},
        "prerequisites": {"pl": "Podstawowa obsługa komputera.", "en": "Basic computer skills."},
        "supervision": "supervised-onsite-id",
        "grading": {"pl": "zaliczone / niezaliczone", "en": "pass / fail"},
        "integration": {
            "option": "stackable",
            "towards": [{"pl": "Analityk danych — poziom podstawowy", "en": "Data analyst"}],
        },
        "further_information": {"url": "https://cku.example.pl/arkusze"},
        "target_group": {"pl": "Pracownicy biurowi.", "en": "Office workers."},
        "learner_feedback": {"pl": "Ankieta po kursie.", "en": "An end-of-course survey."},
        "relevance": {
            "need": {"pl": "Potrzeba zgłaszana przez pracodawców.", "en": "Employers ask."},
            "partners": ["Lubelska Izba Rzemieślnicza"],
        },
        "recognition": {"pl": "Uznawane za 1 ECTS.", "en": "Recognised as 1 ECTS."},
        "validation_of_prior_learning": {
            "pl": "Można od razu przystąpić do oceny.",
            "en": "Learners may go straight to the assessment.",
        },
        "guidance": {"pl": "Doradca zawodowy centrum.", "en": "The centre's career adviser."},
    }


def outcome(pl: str, en: str | None = None) -> dict[str, Any]:
    """An outcome statement in Polish (and English)."""
    return {"statement": {"pl": pl} | ({"en": en} if en else {})}


def body(**changes: Any) -> dict[str, Any]:
    """The full spec's awarding body with some fields changed."""
    return full_spec()["awarding_bodies"][0] | changes


def make_spec(**changes: Any) -> MicroCredentialSpec:
    """:func:`full_spec` with top-level fields replaced, validated."""
    return MicroCredentialSpec.model_validate(full_spec() | changes)


def make_award(spec: dict[str, Any] | None = None, **changes: Any) -> Award:
    """An award of the full spec to Anna Kowalska, issued on NOW's date, graded."""
    data = {
        "spec": spec if spec is not None else full_spec(),
        "learner": {
            "given_name": "Anna",
            "family_name": "Kowalska",
            "date_of_birth": "1990-04-02",
            "email": "anna.kowalska@example.org",
        },
        "issued_on": "2025-06-20",
        "grade": {"pl": "zaliczone", "en": "pass"},
    }
    return Award.model_validate(data | changes)
