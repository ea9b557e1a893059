"""vc_data_model.messages: every problem code is a message constant with the sections of
VC DM 2.0 and 1.1 its rule comes from, every constant is reported by some negative case,
its texts name only what ``_Found.add`` fills in, and a rule applies, and cites its
section, in the versions that have one."""

from __future__ import annotations

from typing import Any, cast

import pytest

from microcred.credentials.vc_data_model import data_model_problems, messages
from microcred.credentials.vc_data_model.messages import (
    EXTENSION_WITHOUT_TYPE,
    MALFORMED_DATE,
    MISSING_ISSUANCE_DATE,
    PROOF_WITHOUT_TYPE,
    SCHEMA_WITHOUT_ID,
    SECTIONS,
    STATUS_WITHOUT_ID,
    SUBJECT_NOT_OBJECT,
    VALUE_NOT_OBJECT,
)
from microcred.credentials.vc_data_model.problems import _A_LIST
from microcred.standard.messages import Message

from ..test_vc_data_model import DROP, NEGATIVE, vc, vc11

MESSAGES = {name: getattr(messages, name) for name in messages.__all__ if name != "SECTIONS"}
# what _Found.add fills in each language
FILLED = {
    "en": {"value_en", "start_en", "what", "term"},
    "pl": {"value_pl", "start_pl", "what", "term"},
}


def _found(document: dict[str, Any]) -> dict[str, str]:
    """The codes of the problems of ``document`` with the section each cites."""
    return {problem.code: problem.section for problem in data_model_problems(document)}


def test_every_message_has_its_sections() -> None:
    assert all(isinstance(message, Message) for message in MESSAGES.values())
    assert sorted(SECTIONS) == sorted(message.code for message in MESSAGES.values())


def test_every_message_is_reported_by_a_negative_case() -> None:
    reported = {
        problem.code
        for case in NEGATIVE
        for problem in data_model_problems(cast(dict[str, Any], case.values[0]))
    }
    assert reported == set(SECTIONS)


@pytest.mark.parametrize("name", sorted(MESSAGES))
def test_texts_name_only_what_is_filled_in(name: str) -> None:
    for lang in ("en", "pl"):
        assert MESSAGES[name].placeholders(lang) <= FILLED[lang], lang


def test_a_rule_applies_in_the_versions_that_have_a_section_for_it() -> None:
    status = {"id": "https://example.org/status/1", "type": "ExampleStatus"}
    no_status_id = {"type": "ExampleStatus"}
    # an id on every credentialStatus only in 1.1, on every credentialSchema in both
    assert STATUS_WITHOUT_ID.code not in _found(vc(credentialStatus=no_status_id))
    assert _found(vc11(credentialStatus=no_status_id))[STATUS_WITHOUT_ID.code] == "VC DM 1.1 §4.9"
    assert _found(vc11(credentialStatus=status)) == {}
    schema = {"type": "JsonSchema"}
    assert _found(vc(credentialSchema=schema))[SCHEMA_WITHOUT_ID.code] == "VC DM 2.0 §4.11"
    assert _found(vc11(credentialSchema=schema))[SCHEMA_WITHOUT_ID.code] == "VC DM 1.1 §5.4"
    # reserved extension points are 2.0 only; issuanceDate is 1.1 only
    assert _found(vc(renderMethod={}))[EXTENSION_WITHOUT_TYPE.code] == "VC DM 2.0 §5.10"
    assert _found(vc11(renderMethod={})) == {}
    assert MISSING_ISSUANCE_DATE.code not in _found(vc(validFrom=DROP))
    assert _found(vc11(issuanceDate=DROP))[MISSING_ISSUANCE_DATE.code] == "VC DM 1.1 §4.6"


def test_a_section_is_the_versions_or_another_specs() -> None:
    assert _found(vc(validFrom="2025"))[MALFORMED_DATE.code] == "VC DM 2.0 §4.9"
    assert _found(vc11(issuanceDate="2025"))[MALFORMED_DATE.code] == "VC DM 1.1 §4.6"
    assert _found(vc(proof={}))[PROOF_WITHOUT_TYPE.code] == "VC Data Integrity 1.0 §2.1"
    assert _found(vc11(proof={}))[PROOF_WITHOUT_TYPE.code] == "VC DM 1.1 §4.7"
    # an object that is not one cites the section of the object's own rule
    assert _found(vc(credentialStatus=1))[VALUE_NOT_OBJECT.code] == "VC DM 2.0 §4.10"
    assert _found(vc11(credentialStatus=1))[VALUE_NOT_OBJECT.code] == "VC DM 1.1 §4.9"


def test_a_value_is_shown_in_the_readers_language() -> None:
    (problem,) = data_model_problems(vc(credentialSubject=[[]]))
    assert problem.code == SUBJECT_NOT_OBJECT.code
    assert problem.en.endswith(_A_LIST.en)
    assert problem.pl.endswith(_A_LIST.pl)
