"""The element models: what they accept, what they refuse, and why."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from microcred.standard.elements import (
    AwardingBody,
    FurtherInformation,
    Learner,
    LearningOutcome,
    Level,
    LocalizedText,
    MicroCredentialSpec,
    Workload,
)
from microcred.standard.elements._base import (
    CONTROL_CHARACTER,
    NOT_A_URI,
    NOT_A_WEB_ADDRESS,
    URI_WITH_SPACES,
)
from microcred.standard.elements.award import DATES_OUT_OF_ORDER, Award
from microcred.standard.elements.learning import TEXT_OR_URL
from microcred.standard.elements.levels import NOT_A_LEVEL
from microcred.standard.elements.outcomes import NOT_AN_ESCO_SKILL
from microcred.standard.elements.spec import LISTED_TWICE
from microcred.standard.elements.text import NO_TEXT, TEXT_EMPTY
from microcred.standard.messages import Message, Reason
from microcred.standard.vocab import EqfLevel, Framework, IdentityAttribute, PrkLevel, QfEheaCycle


def test_localized_text_falls_back_sensibly() -> None:
    text = LocalizedText.model_validate({"pl": "Tytuł", "en": "Title"})
    assert text.get("pl") == "Tytuł"
    assert text.get("de") == "Title"
    only_pl = LocalizedText.model_validate({"pl": "Tytuł"})
    assert only_pl.get("en") == "Tytuł"
    assert [str(lang) for lang in text.languages] == ["pl", "en"]


@pytest.mark.parametrize(
    ("value", "error"),
    [
        ({}, "at least one language"),
        ({"pl": "  "}, "the text in pl is empty"),
        ({"xx": "text"}, "Input should be"),
        ("plain text", "valid dictionary"),
    ],
    ids=["empty", "blank", "unknown-language", "not-a-mapping"],
)
def test_localized_text_refuses(value: object, error: str) -> None:
    with pytest.raises(ValidationError, match=error):
        LocalizedText.model_validate(value)


@pytest.mark.parametrize(
    ("framework", "value", "concept"),
    [
        ("eqf", 6, EqfLevel.L6),
        ("prk", "4", PrkLevel.L4),
        ("qf-ehea", "first-cycle", QfEheaCycle.FIRST),
    ],
)
def test_level_in_a_framework(framework: str, value: object, concept: object) -> None:
    level = Level.model_validate({"framework": framework, "value": value})
    assert level.concept is concept
    assert level.framework is Framework(framework)


def test_level_eqf_equivalents() -> None:
    assert Level(framework=Framework.PRK, value="5").eqf is EqfLevel.L5
    assert Level(framework=Framework.QF_EHEA, value="second-cycle").eqf is EqfLevel.L7
    assert Level(value="5").eqf is None
    assert Level(value="5").concept is None


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"framework": "eqf", "value": 9}, "'9' is not a level of European Qualifications"),
        ({"framework": "qf-ehea", "value": "fourth-cycle"}, "expected one of: short-cycle"),
        ({"framework": "nqf", "value": 3}, "Input should be"),
        ({"framework": "eqf", "value": True}, "valid string"),
    ],
    ids=["eqf-9", "qf-ehea-fourth", "unknown-framework", "boolean"],
)
def test_level_refuses(data: dict[str, object], error: str) -> None:
    with pytest.raises(ValidationError, match=error):
        Level.model_validate(data)


def test_esco_skill_uris_are_checked_and_normalised() -> None:
    uri = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"
    outcome = LearningOutcome.model_validate(
        {"statement": {"en": "Writes Python code"}, "esco_skills": [uri.replace("http:", "https:")]}
    )
    assert outcome.esco_skills == [uri]
    for bad in ("python", "http://data.europa.eu/esco/occupation/123", uri + "/x"):
        with pytest.raises(ValidationError, match="not an ESCO skill URI"):
            LearningOutcome.model_validate({"statement": {"en": "x y z"}, "esco_skills": [bad]})


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"ects": 0}, "greater than 0"),
        ({"ects": -2}, "greater than 0"),
        ({"hours": "many"}, "valid decimal"),
        ({"ects": 1.234}, "decimal places"),
    ],
)
def test_workload_refuses(data: dict[str, object], error: str) -> None:
    with pytest.raises(ValidationError, match=error):
        Workload.model_validate(data)


def test_workload_keeps_decimals_exact() -> None:
    assert Workload.model_validate({"ects": 2.5}).ects == Decimal("2.5")


def test_awarding_body_requires_name_and_country() -> None:
    with pytest.raises(ValidationError) as caught:
        AwardingBody.model_validate({"region": "mazowieckie"})
    assert {e["loc"][0] for e in caught.value.errors()} == {"name", "country"}


def test_learner_attributes_reflect_what_is_recorded() -> None:
    learner = Learner(
        given_name="Anna",
        family_name="Kowalska",
        date_of_birth=dt.date(1990, 4, 2),
        email="anna@example.org",
    )
    assert learner.attributes == {
        IdentityAttribute.FULL_NAME,
        IdentityAttribute.DATE_OF_BIRTH,
        IdentityAttribute.EMAIL,
    }
    with pytest.raises(ValidationError, match="email"):
        Learner(given_name="A", family_name="B", email="not-an-address")


def test_further_information_needs_text_or_url() -> None:
    with pytest.raises(ValidationError, match="give a text, a url, or both"):
        FurtherInformation.model_validate({})
    with pytest.raises(ValidationError, match="not a web address"):
        FurtherInformation.model_validate({"url": "urn:isbn:123"})


def test_models_are_frozen_and_strict_about_fields() -> None:
    spec = MicroCredentialSpec.model_validate({"title": {"en": "T"}})
    with pytest.raises(ValidationError, match="frozen"):
        spec.version = 2  # type: ignore[misc]
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        MicroCredentialSpec.model_validate({"titel": {"en": "T"}})


def test_every_mandatory_design_element_may_be_absent() -> None:
    """An incomplete design still loads, so the compliance check can say what is missing."""
    spec = MicroCredentialSpec.model_validate({})
    assert spec.title is None
    assert spec.learning_outcomes == []
    assert spec.assessment is None


# A validator refuses with ValueError(reason): the reason's code says which rule refused.


@pytest.mark.parametrize(
    ("model", "data", "message"),
    [
        (LocalizedText, {}, NO_TEXT),
        (LocalizedText, {"pl": " "}, TEXT_EMPTY),
        (LocalizedText, {"pl": "a\x1b[31m"}, CONTROL_CHARACTER),
        (FurtherInformation, {}, TEXT_OR_URL),
        (FurtherInformation, {"url": "example.org"}, NOT_A_URI),
        (FurtherInformation, {"url": "https://example.org/a b"}, URI_WITH_SPACES),
        (FurtherInformation, {"url": "ftp://example.org/"}, NOT_A_WEB_ADDRESS),
        (Level, {"framework": "eqf", "value": 9}, NOT_A_LEVEL),
        (
            LearningOutcome,
            {"statement": {"en": "Uses it"}, "esco_skills": ["x"]},
            NOT_AN_ESCO_SKILL,
        ),
        (MicroCredentialSpec, {"languages": ["pl", "pl"]}, LISTED_TWICE),
        (
            Award,
            {"spec": {}, "issued_on": "2025-06-20", "valid_until": "2024-01-01"},
            DATES_OUT_OF_ORDER,
        ),
    ],
    ids=lambda value: value.code if isinstance(value, Message) else None,
)
def test_a_refusal_carries_the_message_of_its_rule(
    model: type[BaseModel], data: dict[str, Any], message: Message
) -> None:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    [error] = caught.value.errors()
    reason = error["ctx"]["error"].args[0]
    assert isinstance(reason, Reason)
    assert reason.code == message.code
    assert error["msg"] == f"Value error, {reason.en}"
