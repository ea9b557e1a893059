"""Reading and writing design files: YAML 1.2 scalars, located errors, round trips."""

from __future__ import annotations

from pathlib import Path

import pytest

from microcred.standard import designfile
from microcred.standard.designfile import messages as m
from microcred.standard.elements import Award, MicroCredentialSpec
from microcred.standard.elements.award import DATES_OUT_OF_ORDER
from microcred.standard.elements.levels import NOT_A_LEVEL
from microcred.standard.errors import DesignError, FieldProblem
from microcred.standard.messages import Message
from microcred.standard.vocab import Country, FormOfParticipation, Framework, IscedField

from ..conftest import EXAMPLES

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))


def _refused(text: str | bytes) -> list[FieldProblem]:
    with pytest.raises(DesignError) as caught:
        designfile.loads(text, source="d.yaml")
    assert caught.value.code == "invalid_design"
    return caught.value.problems


def _problems(text: str | bytes) -> list[tuple[str, int | None, str]]:
    return [(p.field, p.line, p.message) for p in _refused(text)]


def _codes(text: str | bytes) -> list[tuple[str, int | None, str]]:
    return [(p.field, p.line, p.code) for p in _refused(text)]


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_every_example_reads_and_round_trips(path: Path) -> None:
    spec = designfile.loads(path.read_bytes(), source=str(path))
    assert isinstance(spec, MicroCredentialSpec)
    again = designfile.loads(designfile.dumps(spec))
    assert again == spec


def test_yaml_12_scalars_mean_what_they_look_like() -> None:
    spec = designfile.loads(
        "awarding_bodies:\n  - name: {en: Oslo school}\n    country: NO\n"
        'fields_of_education: [061, "0"]\n'.replace(', "0"', "")
    )
    assert spec.awarding_bodies[0].country is Country.NO
    assert spec.fields_of_education == [IscedField.F061]


def test_json_is_read_too() -> None:
    spec = designfile.loads(
        '{"title": {"pl": "Kurs", "en": "Course"}, "form_of_participation": "blended"}'
    )
    assert spec.form_of_participation is FormOfParticipation.BLENDED


def test_syntax_error_names_the_line() -> None:
    [(field, line, message)] = _problems("title:\n  pl: x\n  en: [unclosed\n")
    assert field == ""
    assert line == 4
    assert message.startswith("not valid YAML/JSON")


def test_unknown_enum_value_lists_the_choices() -> None:
    [(field, line, message)] = _problems("title: {en: T}\nform_of_participation: hybrid\n")
    assert (field, line) == ("form_of_participation", 2)
    assert "'hybrid'" in message
    assert "expected one of: online, onsite, blended" in message


def test_wrong_type_says_what_was_expected() -> None:
    problems = _problems("workload:\n  ects: lots\nversion: first\n")
    assert ("workload.ects", 2, "expected a number, got 'lots'") in problems
    assert ("version", 3, "expected a whole number, got 'first'") in problems


def test_plain_string_where_languages_are_needed() -> None:
    [(field, line, message)] = _problems("title: Python basics\n")
    assert (field, line) == ("title", 1)
    assert "{pl: ..., en: ...}" in message


def test_unknown_field_suggests_the_right_name() -> None:
    [(field, line, message)] = _problems("learning_outcome: []\n")
    assert (field, line) == ("learning_outcome", 1)
    assert "did you mean 'learning_outcomes'" in message


def test_unknown_nested_field_is_located() -> None:
    [(field, line, message)] = _problems("workload:\n  ects: 2\n  ecst: 3\n")
    assert (field, line) == ("workload.ecst", 3)
    assert "did you mean 'ects'" in message


def test_every_problem_is_reported_in_line_order() -> None:
    problems = _problems(
        "form_of_participation: hybrid\n"
        "workload: {ects: -1}\n"
        "levels:\n  - {framework: eqf, value: 9}\n"
    )
    assert [line for _, line, _ in problems] == [1, 2, 4]
    assert "not a level of European Qualifications Framework" in problems[2][2]


def test_duplicate_keys_are_an_error_not_a_silent_overwrite() -> None:
    [(field, line, message)] = _problems("title: {pl: A}\ntitle: {en: B}\n")
    assert (field, line) == ("title", 2)
    assert message == m.DUPLICATE_KEY.text(first=1)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", m.EMPTY),
        ("- a\n- b\n", m.NOT_MAPPING),
        (b"\xff\xfe\x00", m.NOT_UTF8),
        ("? [a, b]\n: c\n", m.BAD_KEY),
    ],
    ids=["empty", "list", "not-utf8", "complex-key"],
)
def test_unreadable_documents(text: str | bytes, message: Message) -> None:
    assert [code for _, _, code in _codes(text)] == [message.code]


def test_oversized_file_is_refused_before_parsing() -> None:
    [(_, _, message)] = _problems(b"#" * (2 * 1024 * 1024 + 1))
    assert "larger than" in message


def test_yaml_tags_cannot_construct_objects() -> None:
    problems = _problems("title: !!python/object:os.system {}\n")
    assert problems[0][2] == "YAML tag tag:yaml.org,2002:python/object:os.system is not allowed"


def test_error_message_is_compiler_style() -> None:
    with pytest.raises(DesignError) as caught:
        designfile.loads("form_of_participation: hybrid\n", source="x.yaml")
    assert str(caught.value).startswith("x.yaml:1:24: form_of_participation: unknown value")


def test_award_is_read_with_its_spec() -> None:
    text = (
        "spec: {title: {en: T}}\n"
        "learner: {given_name: Anna, family_name: Kowalska, date_of_birth: 1990-04-02}\n"
        "issued_on: 2025-06-20\n"
    )
    award = designfile.loads_any(text)
    assert isinstance(award, Award)
    assert award.learner is not None
    assert award.learner.full_name == "Anna Kowalska"
    assert designfile.loads_award(text) == award


def test_award_dates_must_be_in_order() -> None:
    with pytest.raises(DesignError) as caught:
        designfile.loads_award("spec: {}\nissued_on: 2025-06-20\nvalid_until: 2024-01-01\n")
    assert "valid_until is before issued_on" in caught.value.problems[0].message


def test_problems_have_codes_and_polish_messages() -> None:
    with pytest.raises(DesignError) as caught:
        designfile.loads("learning_outcome: []\nform_of_participation: hybrid\n")
    first, second = caught.value.problems
    assert (first.code, second.code) == (m.UNKNOWN_FIELD.code, m.UNKNOWN_VALUE.code)
    assert first.reason.code == first.code
    assert (first.message, first.message_pl) == (first.reason.en, first.reason.pl)
    assert first.text("pl") == "nieznane pole; czy chodziło o 'learning_outcomes'?"
    assert second.text("pl").startswith("nieznana wartość 'hybrid'; dozwolone: online")
    assert first.located("d.yaml", "pl").startswith("d.yaml:1:1: learning_outcome: nieznane pole")


def test_key_with_a_block_value_points_at_the_key_line() -> None:
    text = "title: {en: T}\n\n\nwrkload:\n  ects: 2\n"
    [(field, line, message)] = _problems(text)
    assert (field, line) == ("wrkload", 4)
    [(field, line, message)] = _problems("title:\n  en: A\ntitle:\n  pl: B\n")
    assert (field, line, message) == ("title", 3, "given twice (first on line 1)")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("a: &a\n  b: *a\n", "yaml_alias_cycle"),
        ("[" * 10_000 + "]" * 10_000, "too_deep"),
        ("a: " + "{b: " * 100 + "1" + "}" * 100 + "\n", "too_deep"),
        ("base: &b {pl: A}\ntitle:\n  <<: *b\n  en: B\n", "yaml_merge"),
        ("title: !!set {a, b}\n", "yaml_tag"),
        ("? [a, b]\n: c\n", "bad_key"),
    ],
    ids=["alias-cycle", "deep-flow-list", "deep-mapping", "merge-key", "set-tag", "complex-key"],
)
def test_hostile_yaml_is_a_located_problem(text: str, code: str) -> None:
    with pytest.raises(DesignError) as caught:
        designfile.loads(text)
    assert caught.value.problems[0].code == code


@pytest.mark.parametrize(
    "escaped",
    [r"\x00", r"\e]0;evil\a", r"\e[31m", r"\x7f", r"\u202e"],
    ids=["nul", "osc", "csi", "del", "rlo"],
)
def test_control_characters_are_refused(escaped: str) -> None:
    """YAML escapes can smuggle terminal control sequences into texts; refused."""
    [(field, _, message)] = _problems(f'title: {{pl: "Kurs {escaped}"}}\n')
    assert field == "title"
    assert "control character" in message


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ["a0: [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    text = "\n".join(line.replace(f"a{i}: [", f"a{i}: &a{i} [", 1) for i, line in enumerate(lines))
    [(_, _, message)] = _problems(text + "\n")
    assert "alias expansion" in message


# Every problem is said in Polish too, also where the words come from a validator of the
# elements (a ``ValueError`` carrying a Reason) or from one of pydantic's own constraints.


@pytest.mark.parametrize(
    ("text", "polish"),
    [
        ("? [a, b]\n: c\n", m.BAD_KEY.text("pl", key_pl=m.KEY_COLLECTION.pl)),
        (
            "learning_outcome: []\n",
            m.UNKNOWN_FIELD.text("pl", hint_pl=m.DID_YOU_MEAN.text("pl", name="learning_outcomes")),
        ),
        (
            "workload: {ects: lots}\n",
            m.WRONG_TYPE.text("pl", expected_pl=m.EXPECTED_NUMBER.pl, got="'lots'"),
        ),
        (
            "workload: {ects: -1}\n",
            m.INVALID_VALUE.text("pl", detail_pl=m.NOT_GREATER_THAN.text("pl", gt=0)),
        ),
        (
            "levels:\n  - {framework: eqf, value: 9}\n",
            m.INVALID_VALUE.text(
                "pl",
                detail_pl=NOT_A_LEVEL.text(
                    "pl",
                    value="9",
                    framework_pl=Framework.EQF.label("pl"),
                    expected="1, 2, 3, 4, 5, 6, 7, 8",
                ),
            ),
        ),
    ],
    ids=["complex-key", "unknown-field", "wrong-type", "constraint", "validator"],
)
def test_a_problem_is_said_in_polish(text: str, polish: str) -> None:
    [problem] = _refused(text)
    assert problem.text("pl") == polish
    assert problem.text("en") != polish


def test_an_awards_validator_is_said_in_polish() -> None:
    with pytest.raises(DesignError) as caught:
        designfile.loads_award("spec: {}\nissued_on: 2025-06-20\nvalid_until: 2024-01-01\n")
    [problem] = caught.value.problems
    assert problem.code == m.INVALID_VALUE.code
    assert problem.text("pl") == m.INVALID_VALUE.text("pl", detail_pl=DATES_OUT_OF_ORDER.pl)
