"""The nesting-depth guard of verify(): the level-by-level count equals the definition
(a value inside a container is one level deeper) up to the limit, and says "too deep"
past it, on any JSON shape."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from microcred.credentials.verify.pipeline import _depth

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=3),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=2), inner,
                                                                 max_size=3),
    max_leaves=40,
)  # fmt: skip


def _defined(node: Any) -> int:
    if isinstance(node, dict):
        node = list(node.values())
    if isinstance(node, list):
        return 1 + max((_defined(child) for child in node), default=0)
    return 1


@given(JSON, st.integers(min_value=1, max_value=8))
def test_depth_is_the_definition_up_to_the_limit(document: Any, limit: int) -> None:
    found, defined = _depth(document, limit), _defined(document)
    if defined <= limit:
        assert found == defined
    else:
        assert found > limit


def test_a_hostile_nesting_stops_at_the_limit() -> None:
    document: Any = "x"
    for _ in range(100_000):  # far beyond any recursion limit
        document = [document]
    assert 64 < _depth(document, 64) <= 66
