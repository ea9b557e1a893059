"""The quick OB 3.0 JSON Schema verdict (fastjsonschema) against the reference
(jsonschema): ``check_schema`` must give the same check either way, on every example
design's credential, every 1EdTech example and credentials mutated at random."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from microcred.credentials.keys import KeyPair
from microcred.credentials.ob3 import to_ob3
from microcred.credentials.verify import checks
from microcred.credentials.verify.report import Check

from ...conftest import EXAMPLES, SHARED, example_award

_KEY = KeyPair.generate()


def _direct(document: dict[str, Any]) -> Check:
    """``check_schema`` with jsonschema alone, as before the quick path."""
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(checks, "_ob3_fast_valid", lambda _: False)
        return checks.check_schema(document)


def _same(document: dict[str, Any]) -> None:
    assert checks.check_schema(document) == _direct(document)
    shaped = document
    if isinstance(document.get("proof"), dict):
        shaped = {**document, "proof": [document["proof"]]}
    if checks._ob3_fast_valid(shaped):  # "valid" from the quick check is the reference's
        assert checks._ob3_validator().is_valid(shaped)


def _designs() -> list[str]:
    return sorted(p.name for p in EXAMPLES.glob("*.yaml"))


@pytest.mark.parametrize("design", _designs())
def test_every_example_design(design: str) -> None:
    document = to_ob3(example_award(design), issuer_id=_KEY.did_key)
    _same(document)
    assert checks.check_schema(document).code == "ok"


def _ob3_examples() -> list[str]:
    folder = SHARED / "vectors/ob3-examples"
    return sorted(str(p.relative_to(folder)) for p in folder.glob("**/*.json")
                  if "keys-and-hashes" not in p.name and "proof" not in p.name)  # fmt: skip


@pytest.mark.parametrize("name", _ob3_examples())
def test_every_1edtech_example(shared: Path, name: str) -> None:
    document = json.loads((shared / "vectors/ob3-examples" / name).read_text())
    if isinstance(document, dict):
        _same(document)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 3), st.floats(allow_nan=False),
    st.sampled_from(["", "x", "Profile", "Achievement", "AchievementSubject", "ext:x",
                     "ext:", "Badge", "en", "en-GB", "pl\n", "2025-06-20T00:00:00Z",
                     "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
                     "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\n",
                     "https://www.w3.org/ns/credentials/v2", "VerifiableCredential",
                     "OpenBadgeCredential", "a.b.c", "a..c", "MicroCredential"]),
    st.text(max_size=5),
)  # fmt: skip
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(st.sampled_from(["id", "type", "name", "x"]),
                                            inner, max_size=3)),
    max_leaves=5,
)  # fmt: skip


@st.composite
def _mutated(draw: st.DrawFn) -> dict[str, Any]:
    document = copy.deepcopy(_BASE)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_paths(document)[1:]))
        parent = document
        for step in path[:-1]:
            parent = parent[step]
        action = draw(st.sampled_from(["replace", "delete", "add", "wrap"]))
        last = path[-1]
        if action == "replace":
            parent[last] = draw(_VALUES)
        elif action == "delete":
            del parent[last]
        elif action == "wrap":
            parent[last] = [parent[last]]
        elif isinstance(parent[last], dict):
            parent[last][draw(st.sampled_from(["type", "id", "extra", "@context"]))] = draw(_VALUES)
        elif isinstance(parent[last], list):
            parent[last].append(draw(_VALUES))
    return document


_BASE = to_ob3(example_award(), issuer_id=_KEY.did_key)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=_mutated())
def test_mutated_credentials(document: dict[str, Any]) -> None:
    _same(document)
