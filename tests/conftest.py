"""Shared test fixtures: paths to the project's examples and the read-only shared data,
and :func:`example_award`, the award of an example design that most tests start from."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from microcred.standard import designfile
from microcred.standard.elements import Award

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "designs"
SHARED = Path(os.environ.get("MICROCRED_SHARED", ROOT.parent / "shared"))
LEARNER: dict[str, Any] = {
    "given_name": "Anna Maria",
    "family_name": "Kowalska",
    "email": "anna.kowalska@example.org",
    "date_of_birth": "1990-04-02",
    "student_id": "123456",
    "national_id": {"country": "PL", "value": "90040212345"},
}


def example_award(design: str | Path = "python-basics.yaml", **fields: Any) -> Award:
    """An award of an example design (a file name in ``examples/designs`` or a path) to
    :data:`LEARNER`, issued on 2025-06-20; ``fields`` replace any part of it, ``spec``
    included (then no file is read)."""
    if "spec" not in fields:
        path = design if isinstance(design, Path) else EXAMPLES / design
        fields = {"spec": designfile.loads(path.read_bytes()).model_dump()} | fields
    return Award.model_validate({"learner": LEARNER, "issued_on": "2025-06-20"} | fields)


def best_grade(design: str | Path = "python-basics.yaml") -> dict[str, str]:
    """The best grade of an example design's grading scale, in every language it names
    (builders refuse a grade off the scale), or "very good" for a design without one."""
    scale = example_award(design).spec.grading_scale
    named: dict[str, str] = scale[-1].name.model_dump(mode="json") if scale else {}
    return named or {"pl": "bardzo dobry", "en": "very good"}


@pytest.fixture(scope="session")
def shared() -> Path:
    """The read-only ``../shared`` folder (vectors, ESCO), or ``$MICROCRED_SHARED``.

    Missing shared data fails the run under CI (``CI=true``) and skips elsewhere, so
    that a developer without it can still run the rest, but CI never passes silently.
    """
    if not (SHARED / "vectors").is_dir():
        message = f"shared data not found at {SHARED} (set MICROCRED_SHARED)"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message)
        pytest.skip(message)
    return SHARED


def proof_of(document: dict[str, Any]) -> dict[str, Any]:
    """The one proof of a signed document: Open Badges 3.0 credentials carry it as a
    one-element array (their JSON Schema wants one), other documents as an object."""
    proof = document["proof"]
    if isinstance(proof, list):
        assert len(proof) == 1, proof
        proof = proof[0]
    assert isinstance(proof, dict)
    return proof
