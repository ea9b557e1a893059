"""to_ob3 / from_ob3: every example design round-trips through a signed OB 3.0
credential; the output is valid against 1EdTech's JSON Schema and canonicalizes the same
in pyoxigraph and pyld; anyone's OB 3.0 credential can be read."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from pyld import jsonld

from microcred.credentials.data_integrity import sign, verify_proof
from microcred.credentials.jsonld import contexts, rdfc
from microcred.credentials.keys import KeyPair
from microcred.credentials.ob3 import Ob3Error, from_ob3, to_ob3
from microcred.credentials.ob3.build import ACHIEVEMENT_TYPES
from microcred.standard import designfile
from microcred.standard.compliance import check
from microcred.standard.elements import Award, MicroCredentialSpec, award_grade

from ...conftest import EXAMPLES, example_award

KEY = KeyPair.generate()
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))


def _award(spec: MicroCredentialSpec, **changes: Any) -> Award:
    """An award of ``spec``, graded on its scale when it has one (else "very good")."""
    grade = spec.grading_scale[-1].name.model_dump() if spec.grading_scale else {
        "pl": "bardzo dobry", "en": "very good"}  # fmt: skip
    data = {"spec": spec.model_dump(), "valid_until": "2030-06-20", "grade": grade}
    return example_award(**(data | changes))


@pytest.fixture(scope="module")
def ob3_schema(shared: Path) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(
        (shared / "vectors/schemas/ob3/achievementcredential.json").read_text()
    )
    return schema


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_round_trip_through_a_signed_credential(path: Path) -> None:
    spec = designfile.loads(path.read_bytes())
    award = _award(spec)
    credential = sign(to_ob3(award, issuer_id=KEY.did_key), KEY)
    assert verify_proof(credential).verified
    back = from_ob3(credential)
    # The grading scale travels as OB 3.0 allowedValue/requiredValue, in one language and
    # without codes (docs/ob3-mapping.md); the design keeps the full scale.
    assert back.spec == spec.model_copy(update={"grading_scale": []})
    assert back.issued_on == award.issued_on
    assert back.valid_until == award.valid_until
    assert back.grade == award.grade
    assert back.learner is not None
    assert back.learner.full_name == "Anna Maria Kowalska"
    assert back.learner.attributes == award.learner.attributes  # type: ignore[union-attr]
    assert check(back).verdict == check(award).verdict


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_valid_against_the_1edtech_schema(path: Path, ob3_schema: dict[str, Any]) -> None:
    credential = to_ob3(_award(designfile.loads(path.read_bytes())), issuer_id=KEY.did_key)
    jsonschema.Draft201909Validator(ob3_schema).validate(credential)


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_canonical_form_agrees_with_pyld(path: Path) -> None:
    credential = to_ob3(_award(designfile.loads(path.read_bytes())), issuer_id=KEY.did_key)
    reference = jsonld.normalize(
        credential,
        {"algorithm": "URDNA2015", "format": "application/n-quads",
         "documentLoader": contexts.pyld_loader},
    )  # fmt: skip
    assert rdfc.canonicalize(credential) == reference


def test_native_fields_carry_the_eu_elements() -> None:
    spec = designfile.loads((EXAMPLES / "python-basics.yaml").read_bytes())
    credential = to_ob3(_award(spec), issuer_id=KEY.did_key)
    achievement = credential["credentialSubject"]["achievement"]
    assert achievement["achievementType"] == "MicroCredential"
    assert achievement["creditsAvailable"] == 2.0
    assert achievement["name"] == "Podstawy języka Python"
    assert credential["issuer"]["address"]["addressCountryCode"] == "PL"
    targets = {a["targetUrl"] for a in achievement["alignment"]}
    assert "http://data.europa.eu/snb/eqf/4" in targets
    assert "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d" in targets
    assert credential["validFrom"] == "2025-06-20T00:00:00Z"


def test_identifiers_other_than_the_name_are_salted_hashes() -> None:
    spec = designfile.loads((EXAMPLES / "python-basics.yaml").read_bytes())
    credential = to_ob3(_award(spec), issuer_id=KEY.did_key)
    identities = {i["identityType"]: i for i in credential["credentialSubject"]["identifier"]}
    assert identities["name"] == {
        "type": "IdentityObject", "identityType": "name", "hashed": False,
        "identityHash": "Anna Maria Kowalska",
    }  # fmt: skip
    email = identities["emailAddress"]
    assert email["hashed"] is True
    assert "anna.kowalska" not in json.dumps(credential)
    import hashlib

    expected = hashlib.sha256(("anna.kowalska@example.org" + email["salt"]).encode()).hexdigest()
    assert email["identityHash"] == "sha256$" + expected


def test_expired_and_dates(tmp_path: Path) -> None:
    spec = designfile.loads((EXAMPLES / "python-basics.yaml").read_bytes())
    credential = to_ob3(_award(spec, valid_until=dt.date(2026, 1, 1)), issuer_id=KEY.did_key)
    assert credential["validUntil"] == "2026-01-01T23:59:59Z"


OB3_EXAMPLES = sorted(
    name
    for name in [
        "basic-openbadgecredential.unsigned.json",
        "full-openbadgecredential.unsigned.json",
        "achievement-alignment-case.unsigned.json",
        "ldp-testvector/credential.unsigned.json",
    ]
)


@pytest.mark.parametrize("name", OB3_EXAMPLES)
def test_1edtech_examples_are_read(shared: Path, name: str) -> None:
    """Anyone's credential: no EU extension, so the check reports what is missing."""
    credential = json.loads((shared / "vectors/ob3-examples" / name).read_text())
    award = from_ob3(credential)
    assert award.spec.title is not None
    report = check(award)
    assert report.element("learning-outcomes").status.value == "missing"
    assert report.verdict.value == "participation-badge"


@pytest.mark.parametrize(
    "document",
    [
        {"type": ["VerifiableCredential"]},
        {"type": "OpenBadgeCredential"},
        {"type": "OpenBadgeCredential", "credentialSubject": {"achievement": "x"}},
        [],
        "text",
    ],
    ids=["not-ob3", "no-subject", "achievement-not-object", "list", "text"],
)
def test_not_ob3_is_refused(document: Any) -> None:
    with pytest.raises(Ob3Error):
        from_ob3(document)


def _all_ob3_examples() -> list[str]:
    from ...conftest import SHARED

    folder = SHARED / "vectors/ob3-examples"
    return sorted(str(p.relative_to(folder)) for p in folder.glob("**/*.json")
                  if "keys-and-hashes" not in p.name and "proof" not in p.name)  # fmt: skip


@pytest.mark.parametrize("name", _all_ob3_examples())
def test_every_1edtech_example_gets_a_full_report(shared: Path, name: str) -> None:
    """Each example is read and checked; OpenBadgeCredentials pass 1EdTech's own schema."""
    from microcred.credentials.verify import verify

    document = json.loads((shared / "vectors/ob3-examples" / name).read_text())
    report = verify(document)
    assert all(c.code != "internal_error" for c in report.checks)
    schema = report.check("schema")
    assert schema is not None
    if "OpenBadgeCredential" in document.get("type", []):
        assert schema.status.value == "pass", schema.en
    assert report.check("eu-elements") is not None


@pytest.mark.parametrize(
    ("design", "achievement_type"),
    [
        ("python-basics.yaml", "MicroCredential"),
        ("cybersecurity-webinar.yaml", "CertificateOfCompletion"),
        ("digital-photography-draft.yaml", "Achievement"),
    ],
    ids=["micro-credential", "participation-badge", "incomplete"],
)
def test_achievement_type_follows_the_verdict(design: str, achievement_type: str) -> None:
    """Only what the Recommendation calls a micro-credential is issued as one (OB 3.0
    §B.1.28): a participation badge is a CertificateOfCompletion, an incomplete design a
    generic Achievement — whatever the award, since its awards share one Achievement."""
    award = example_award(design)
    credential = to_ob3(award, issuer_id=KEY.did_key)
    achievement = credential["credentialSubject"]["achievement"]
    assert achievement["achievementType"] == achievement_type
    assert ACHIEVEMENT_TYPES[check(award.spec).verdict] == achievement_type
    signed = sign(credential, KEY)
    assert check(from_ob3(signed)).verdict == check(award.spec).verdict


def test_grading_scale_is_the_result_descriptions_allowed_values() -> None:
    """OB 3.0 §B.1.21: allowedValue lowest first, requiredValue the lowest passing grade;
    the result's value is the scale's name of the grade, in the credential's language."""
    spec = designfile.loads((EXAMPLES / "machine-learning-university.yaml").read_bytes())
    award = _award(spec, grade=award_grade(spec, "4,5").model_dump())
    credential = to_ob3(award, issuer_id=KEY.did_key)
    achievement = credential["credentialSubject"]["achievement"]
    (description,) = achievement["resultDescription"]
    assert description["allowedValue"] == [
        "niedostateczny", "dostateczny", "dostateczny plus", "dobry", "dobry plus", "bardzo dobry",
    ]  # fmt: skip
    assert description["requiredValue"] == "dostateczny"
    assert description["name"] == "2,0–5,0"
    (result,) = credential["credentialSubject"]["result"]
    assert result == {"type": ["Result"], "resultDescription": description["id"],
                      "value": "dobry plus"}  # fmt: skip
    assert credential["credentialSubject"]["euGrade"] == {"pl": "dobry plus", "en": "good plus"}


def test_a_scale_without_a_grading_text_still_describes_the_result() -> None:
    spec = designfile.loads((EXAMPLES / "python-basics.yaml").read_bytes())
    spec = spec.model_copy(update={"grading": None})
    credential = to_ob3(_award(spec), issuer_id=KEY.did_key)
    (description,) = credential["credentialSubject"]["achievement"]["resultDescription"]
    assert description["name"] == "niezaliczone / zaliczone"
    assert credential["credentialSubject"]["result"][0]["value"] == "zaliczone"


def test_credentials_of_one_design_share_one_read_specification() -> None:
    """from_ob3 reads a design's specification once (its achievement and issuer, by
    their JSON), and any change to either is read afresh, never served stale."""
    first = to_ob3(example_award(learner={"given_name": "Anna", "family_name": "Nowak"}),
                   issuer_id=KEY.did_key)  # fmt: skip
    second = to_ob3(example_award(learner={"given_name": "Jan", "family_name": "Nowak"}),
                    issuer_id=KEY.did_key)  # fmt: skip
    one, two = from_ob3(json.loads(json.dumps(first))), from_ob3(second)
    assert one.spec is two.spec
    assert (one.learner, two.learner) != (two.learner, one.learner)
    renamed = json.loads(json.dumps(second))
    renamed["credentialSubject"]["achievement"]["euTitle"]["en"] = "Another title"
    assert from_ob3(renamed).spec.title.get("en") == "Another title"
    assert from_ob3(second).spec.title.get("en") != "Another title"
    issuer = json.loads(json.dumps(second))
    issuer["issuer"]["address"]["addressCountryCode"] = "DE"
    assert str(from_ob3(issuer).spec.awarding_bodies[0].country) == "DE"
    other = json.loads(json.dumps(second))
    other["credentialSubject"]["achievement"]["euWorkloadEcts"] = 7
    assert str(from_ob3(other).spec.workload.ects) == "7"
