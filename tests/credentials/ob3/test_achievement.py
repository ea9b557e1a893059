"""to_achievement: a design alone as the OB 3.0 Achievement its credentials share — the
same node to_ob3 embeds, valid against 1EdTech's schema, with its creator when asked."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from microcred.credentials.ob3 import to_achievement, to_ob3
from microcred.standard import designfile

from ...conftest import EXAMPLES, example_award

PATHS = sorted(EXAMPLES.glob("*.yaml"))
ID = "https://registry.example/registry/7/"


@pytest.fixture(scope="module")
def achievement_schema(shared: Path) -> dict[str, Any]:
    schema = json.loads((shared / "vectors/schemas/ob3/achievementcredential.json").read_text())
    return {"$schema": schema["$schema"], "$defs": schema["$defs"], "$ref": "#/$defs/Achievement"}


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_the_node_to_ob3_embeds(path: Path) -> None:
    award = example_award(path, grade=None)
    credential = to_ob3(award, issuer_id="did:example:1", achievement_id=ID)
    alone = to_achievement(award.spec, achievement_id=ID)
    assert credential["credentialSubject"]["achievement"] == alone


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_valid_against_the_1edtech_schema(path: Path, achievement_schema: dict[str, Any]) -> None:
    spec = designfile.loads(path.read_bytes())
    node = to_achievement(spec, achievement_id=ID, creator_id="did:web:registry.example")
    jsonschema.Draft201909Validator(achievement_schema).validate(node)
    assert node["creator"]["id"] == "did:web:registry.example"
    bad = node | {"achievementType": "Nonsense"}
    assert not jsonschema.Draft201909Validator(achievement_schema).is_valid(bad)
