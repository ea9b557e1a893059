"""One root, one place: every error the credentials layer raises is a ``CredentialError``
(so a ``MicrocredError``) with a code and a description, importable from
``microcred.credentials.errors``. Found by walking the package, so a new module's new
error class is seen without being listed here."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import subprocess
import sys
from types import ModuleType

import pytest

import microcred.credentials
import microcred.standard
from microcred.credentials import errors
from microcred.credentials._json import loads_strict
from microcred.credentials.errors import CredentialError, DuplicateKeyError
from microcred.standard.errors import MicrocredError


def exception_classes(package: ModuleType) -> dict[str, type[BaseException]]:
    """Every exception class a module of ``package`` defines, by qualified name."""
    found: dict[str, type[BaseException]] = {}
    for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
        module = importlib.import_module(info.name)
        for obj in vars(module).values():
            if (
                inspect.isclass(obj)
                and issubclass(obj, BaseException)
                and obj.__module__.startswith(f"{package.__name__}.")
            ):
                found[f"{obj.__module__}.{obj.__qualname__}"] = obj
    return found


CLASSES = exception_classes(microcred.credentials)
PUBLIC = {name: cls for name, cls in CLASSES.items() if not cls.__name__.startswith("_")}
PRIVATE = {name: cls for name, cls in CLASSES.items() if cls.__name__.startswith("_")}


def test_the_walk_finds_the_errors_of_every_concern() -> None:
    """Guard against a walk that finds nothing (every test below would pass)."""
    names = {cls.__name__ for cls in PUBLIC.values()}
    assert {"DuplicateKeyError", "IssueError", "NotIssuerKeyError", "DataModelError",
            "SealError", "RenderError", "EdcError", "Ob3Error", "FetchError"} <= names  # fmt: skip
    assert {"_FailedCheckError", "_EmbeddedContextError", "_BadClaimError"} <= {
        cls.__name__ for cls in PRIVATE.values()
    }


@pytest.mark.parametrize("name", sorted(PUBLIC))
def test_a_public_error_is_a_credential_error_with_a_code(name: str) -> None:
    cls = PUBLIC[name]
    assert issubclass(cls, CredentialError)
    assert issubclass(cls, MicrocredError)
    assert isinstance(cls.code, str)
    assert cls.code.strip()
    assert isinstance(cls.description, str)
    assert cls.description.strip()
    assert (cls.__doc__ or "").strip()


@pytest.mark.parametrize("name", sorted(PUBLIC))
def test_a_public_error_is_importable_from_the_layers_errors_module(name: str) -> None:
    cls = PUBLIC[name]
    assert getattr(errors, cls.__name__, None) is cls
    assert cls.__name__ in errors.__all__


def test_the_errors_module_exports_nothing_else() -> None:
    assert sorted(errors.__all__) == sorted({cls.__name__ for cls in PUBLIC.values()})


def test_codes_are_unique_across_the_layers() -> None:
    """A code names one class: a client may map a code back to its concern."""
    every = [*PUBLIC.values(), *exception_classes(microcred.standard).values()]
    codes = [cls.code for cls in every if issubclass(cls, MicrocredError)]
    assert len(codes) == len(set(codes)), sorted(c for c in codes if codes.count(c) > 1)


@pytest.mark.parametrize("name", sorted(PRIVATE))
def test_a_private_exception_is_control_flow_and_says_so(name: str) -> None:
    """A private exception never leaves its module or package: it is no
    ``MicrocredError``, and it (or its private base) has a docstring saying what it
    carries and where it is caught."""
    cls = PRIVATE[name]
    assert not issubclass(cls, MicrocredError)
    private_bases = [c for c in cls.__mro__ if c.__name__.startswith("_")]
    assert any((c.__doc__ or "").strip() for c in private_bases)


def test_a_duplicate_key_is_a_credential_error_and_still_a_value_error() -> None:
    with pytest.raises(DuplicateKeyError) as raised:
        loads_strict('{"id": "a", "id": "b"}')
    assert isinstance(raised.value, ValueError)  # callers that catch ValueError keep working
    assert isinstance(raised.value, CredentialError)
    assert raised.value.code == "duplicate_key"
    assert "'id'" in raised.value.message


def test_a_finer_code_for_one_occurrence() -> None:
    error = errors.RenderError("the logo is neither PNG, JPEG nor SVG", code="invalid_input")
    assert (error.code, errors.RenderError.code) == ("invalid_input", "render_error")


def test_the_errors_module_loads_nothing_else() -> None:
    """Catching an error costs nothing: no signer, no JSON-LD, no third-party package."""
    probe = (
        "import sys, microcred.credentials.errors\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('microcred'))))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.split() == [
        "microcred",
        "microcred.credentials",
        "microcred.credentials.errors",
        "microcred.standard",
        "microcred.standard.errors",
        "microcred.standard.messages",
    ]
