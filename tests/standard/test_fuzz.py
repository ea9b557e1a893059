"""Property tests: untrusted design text either loads or raises DesignError — never
anything else — and every design that loads can be checked."""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from microcred.standard import designfile
from microcred.standard.compliance import check
from microcred.standard.errors import DesignError

from ..conftest import EXAMPLES

FIELDS = [
    "title", "awarding_bodies", "learner_identification", "learning_outcomes", "workload",
    "levels", "assessment", "form_of_participation", "quality_assurance", "supervision",
    "integration", "fields_of_education", "statement", "ects", "hours", "methods", "types",
    "pl", "en", "country", "framework", "value", "option", "towards", "url",
]  # fmt: skip
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(["online", "eqf", "6", "PL", "pl", "internal", "none", "stackable", "061"]),
)
DOCUMENTS = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(FIELDS), st.text(max_size=8)), inner, max_size=5),
    ),
    max_leaves=25,
)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _load_or_error(text: str | bytes) -> None:
    try:
        spec = designfile.loads_any(text)
    except DesignError as exc:
        assert exc.problems, "a DesignError must say what is wrong"  # noqa: PT017
        for problem in exc.problems:
            assert problem.message
        return
    report = check(spec)
    assert len(report.elements) == 16
    assert report.to_dict("pl")["verdict"] == str(report.verdict)


@SETTINGS
@given(st.text(max_size=400))
def test_any_text(text: str) -> None:
    _load_or_error(text)


@SETTINGS
@given(st.binary(max_size=200))
def test_any_bytes(data: bytes) -> None:
    _load_or_error(data)


@SETTINGS
@given(DOCUMENTS)
def test_any_structure(document: object) -> None:
    _load_or_error(yaml.safe_dump(document, allow_unicode=True))


@SETTINGS
@given(st.data())
def test_mutated_example(data: st.DataObject) -> None:
    """Cut a real design at a random place, or delete a random line."""
    text = data.draw(st.sampled_from(sorted(EXAMPLES.glob("*.yaml")))).read_text(encoding="utf-8")
    lines = text.splitlines()
    index = data.draw(st.integers(0, len(lines) - 1))
    if data.draw(st.booleans()):
        _load_or_error("\n".join(lines[:index]))
    else:
        _load_or_error("\n".join(lines[:index] + lines[index + 1 :]))
