"""to_edc: every example design becomes an EDC that conforms to the EU's SHACL shapes and
reads back (from_edc) with the same verdict."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from microcred.credentials.edc import EdcError, from_edc
from microcred.credentials.edc.build import to_edc
from microcred.credentials.edc.shacl import validate
from microcred.standard import designfile
from microcred.standard.compliance import check
from microcred.standard.elements import Award

from ...conftest import EXAMPLES

LEARNER = {"given_name": "Anna", "family_name": "Kowalska", "email": "anna@example.org",
           "date_of_birth": "1990-04-02", "student_id": "123456",
           "national_id": {"country": "PL", "value": "90040212345"}}  # fmt: skip


def _award(path: Path, **changes: Any) -> Award:
    spec = designfile.loads(path.read_bytes())
    data = {"spec": spec.model_dump(), "learner": LEARNER, "issued_on": "2025-06-20",
            "grade": {"pl": "zaliczone", "en": "pass"}} | changes  # fmt: skip
    return Award.model_validate(data)


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_conforms_to_the_eu_shapes(path: Path) -> None:
    violations = validate(to_edc(_award(path)))
    assert violations == [], "\n".join(str(v) for v in violations)


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_reads_back_with_the_same_verdict(path: Path) -> None:
    award = _award(path)
    back = from_edc(to_edc(award))
    assert check(back).verdict == check(award).verdict
    assert back.spec.title == award.spec.title
    assert back.learner is not None
    assert back.learner.full_name == "Anna Kowalska"
    assert back.issued_on == award.issued_on


def test_a_violation_is_named_in_words() -> None:
    document = to_edc(_award(EXAMPLES / "python-basics.yaml"))
    del document["issued"]
    violations = validate(document)
    assert any(v.path == "cred:issued" for v in violations)
    assert all(str(v) for v in violations)


def test_an_edc_needs_a_learner_and_a_date() -> None:
    with pytest.raises(EdcError, match="needs a learner"):
        to_edc(_award(EXAMPLES / "python-basics.yaml", learner=None))
