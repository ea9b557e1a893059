"""to_learning_opportunity / to_qualification: every example design as an ELM learning
opportunity that conforms to the EU's shapes, with the same ids on every build."""

from __future__ import annotations

from pathlib import Path

import pytest

from microcred.credentials.edc import to_learning_opportunity, to_qualification
from microcred.credentials.edc.shacl import validate
from microcred.standard import designfile
from microcred.standard.elements import AwardingBody

from ...conftest import EXAMPLES

BASE = "https://registry.example/registry/7/elm.jsonld"
PATHS = sorted(EXAMPLES.glob("*.yaml"))


def _opportunity(path: Path) -> dict[str, object]:
    return to_learning_opportunity(designfile.loads(path.read_bytes()), opportunity_id=BASE,
                                   provider_id="did:web:registry.example:providers:nip-1",
                                   homepage="https://registry.example/registry/7/")  # fmt: skip


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_conforms_to_the_eu_shapes(path: Path) -> None:
    violations = validate(_opportunity(path), use_cache=False)
    assert violations == [], "\n".join(str(v) for v in violations)


def test_the_shapes_see_the_opportunity() -> None:
    document = _opportunity(EXAMPLES / "python-basics.yaml")
    del document["providedBy"]
    assert [v.path for v in validate(document, use_cache=False)] == ["elm:providedBy"]


def test_the_same_design_gives_the_same_document() -> None:
    path = EXAMPLES / "python-basics.yaml"
    document = _opportunity(path)
    assert document == _opportunity(path)
    qualification = document["learningAchievementSpecification"]
    assert qualification["id"] == f"{BASE}#qualification-1"  # type: ignore[index]
    outcomes = qualification["learningOutcome"]  # type: ignore[index]
    assert [o["id"] for o in outcomes] == [f"{BASE}#learningOutcome-{n}"
                                           for n in range(1, len(outcomes) + 1)]  # fmt: skip


def test_a_qualification_alone_keeps_its_id() -> None:
    spec = designfile.loads((EXAMPLES / "python-basics.yaml").read_bytes())
    node = to_qualification(spec, qualification_id="https://registry.example/q/1#q")
    assert node["id"] == "https://registry.example/q/1#q"
    assert node["learningOutcome"][0]["id"] == "https://registry.example/q/1#q-learningOutcome-1"
    assert node == to_qualification(spec, qualification_id="https://registry.example/q/1#q")


def test_an_opportunity_needs_a_provider() -> None:
    spec = designfile.loads((EXAMPLES / "python-basics.yaml").read_bytes())
    alone = spec.model_copy(update={"awarding_bodies": []})
    with pytest.raises(ValueError, match="provides it"):
        to_learning_opportunity(alone, opportunity_id=BASE)
    body = AwardingBody.model_validate({"name": {"pl": "Inny", "en": "Other"}, "country": "PL"})
    document = to_learning_opportunity(alone, opportunity_id=BASE, provider=body)
    assert document["providedBy"][0]["legalName"] == {"pl": "Inny", "en": "Other"}
