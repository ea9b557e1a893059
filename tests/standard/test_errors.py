"""The root error: a code per class, or a finer one per occurrence."""

from __future__ import annotations

from microcred.standard.errors import MicrocredError


class BakingError(MicrocredError):
    code = "baking_error"


def test_an_error_carries_its_class_code_and_description_by_default() -> None:
    error = MicrocredError()
    assert (error.code, error.message) == ("microcred_error", error.description)


def test_a_finer_code_for_one_occurrence_leaves_the_class_alone() -> None:
    error = BakingError("two credentials in one image", code="several_credentials")
    assert (error.code, str(error)) == ("several_credentials", "two credentials in one image")
    assert BakingError.code == "baking_error"
    assert BakingError().code == "baking_error"
