"""Small input coercions shared by element models."""

from __future__ import annotations

__all__ = ["int_to_str"]

from typing import Any


def int_to_str(value: Any) -> Any:
    """Let a hand-written ``value: 6`` mean ``"6"``; booleans stay wrong."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value
