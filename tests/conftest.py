"""Shared test fixtures: paths to the project's examples and the read-only shared data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "designs"
SHARED = Path(os.environ.get("MICROCRED_SHARED", ROOT.parent / "shared"))


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
