"""The EU terms travel inside every credential microcred issues (an embedded context), so
that a stranger's JSON-LD processor needs nothing it cannot get; credentials issued with
the older context URL still verify; another party's ``eu*`` members are not read as ours."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from microcred.credentials.data_integrity import sign
from microcred.credentials.jsonld import contexts, rdfc
from microcred.credentials.keys import KeyPair
from microcred.credentials.ob3 import EU_CONTEXT, EU_TERMS, from_ob3, has_eu_terms, to_ob3
from microcred.credentials.verify import CheckStatus, verify

from ...conftest import example_award

KEY = KeyPair.generate()
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
PUBLISHED = {
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
}


def _unsigned() -> dict[str, Any]:
    return to_ob3(example_award(), issuer_id=KEY.did_key)


def test_every_context_url_is_a_published_one_and_the_eu_terms_are_embedded() -> None:
    context = _unsigned()["@context"]
    urls = {item for item in context if isinstance(item, str)}
    assert urls == PUBLISHED
    assert EU_CONTEXT not in json.dumps(context)
    assert context[2] == contexts.load(EU_CONTEXT)["@context"] == EU_TERMS
    assert has_eu_terms(context)


def test_the_embedded_and_the_url_form_are_the_same_rdf() -> None:
    embedded = _unsigned()
    by_url = {**embedded, "@context": [*embedded["@context"][:2], EU_CONTEXT]}
    assert rdfc.canonicalize(embedded) == rdfc.canonicalize(by_url)


def test_a_credential_issued_with_the_old_context_url_still_verifies() -> None:
    document = _unsigned()
    document["@context"] = [*document["@context"][:2], EU_CONTEXT]
    report = verify(sign(document, KEY), now=NOW)
    assert report.verified, report.to_dict()
    assert report.check("contexts").status is CheckStatus.PASS
    assert report.verdict == "micro-credential"


def test_ours_passes_the_context_check_and_a_foreign_embedded_context_is_flagged() -> None:
    ours = verify(sign(_unsigned(), KEY), now=NOW)
    assert ours.check("contexts").status is CheckStatus.PASS
    assert ours.verified

    foreign = _unsigned()
    foreign["@context"] = [*foreign["@context"], {"nickname": "https://example.org/nickname"}]
    foreign["nickname"] = "badge"
    report = verify(sign(foreign, KEY), now=NOW)
    contexts_check = report.check("contexts")
    assert contexts_check.status is CheckStatus.WARNING
    assert contexts_check.code == "embedded_context"
    assert report.check("proof").status is CheckStatus.PASS


def test_eu_members_under_someone_elses_definitions_are_not_read_as_eu_elements() -> None:
    document = _unsigned()
    # the same members, but the terms now mean whatever this context says
    document["@context"] = [*document["@context"][:2], {
        term: f"https://example.org/other#{term}" for term in EU_TERMS if not term.startswith("@")
    }]  # fmt: skip
    award = from_ob3(document)
    assert award.spec.learning_outcomes == []  # euLearningOutcome ignored
    assert award.spec.title is not None  # the native OB 3.0 name is still read
    assert from_ob3(_unsigned()).spec.learning_outcomes  # ours are read
