"""The root error: a code per class, or a finer one per occurrence; every error of the
standard layer under it and importable from ``microcred.standard.errors``."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import microcred.standard
from microcred.standard import errors
from microcred.standard.errors import MicrocredError
from microcred.standard.vocab import Country


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


# Every error of the standard layer: under the root, with a code, in one module.

STANDARD = {
    f"{cls.__module__}.{cls.__qualname__}": cls
    for info in pkgutil.walk_packages(microcred.standard.__path__, "microcred.standard.")
    for cls in vars(importlib.import_module(info.name)).values()
    if inspect.isclass(cls)
    and issubclass(cls, BaseException)
    and cls.__module__.startswith("microcred.standard.")
}


def test_the_walk_finds_the_standard_layers_errors() -> None:
    assert {"MicrocredError", "DesignError", "GradeError", "UnknownConceptError"} <= {
        cls.__name__ for cls in STANDARD.values()
    }


@pytest.mark.parametrize("name", sorted(STANDARD))
def test_every_error_is_a_microcred_error_with_a_code_and_description(name: str) -> None:
    cls = STANDARD[name]
    assert not cls.__name__.startswith("_"), "the standard layer has no private errors"
    assert issubclass(cls, MicrocredError)
    assert isinstance(cls.code, str)
    assert cls.code.strip()
    assert isinstance(cls.description, str)
    assert cls.description.strip()


@pytest.mark.parametrize("name", sorted(STANDARD))
def test_every_error_is_importable_from_standard_errors(name: str) -> None:
    cls = STANDARD[name]
    assert getattr(errors, cls.__name__, None) is cls
    assert cls.__name__ in errors.__all__


def test_an_unknown_concept_is_refused_with_its_code() -> None:
    with pytest.raises(errors.UnknownConceptError) as raised:
        Country.from_uri("http://example.org/not-a-country")
    assert raised.value.code == "unknown_concept"
