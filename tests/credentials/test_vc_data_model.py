"""vc_data_model: every negative case of the W3C vc-data-model-2.0-test-suite about a
credential, rewritten as our own minimal document (named after the suite's fixture, the
suite's test title in a comment), is refused with its code, its path and a reason in
English and Polish; the suite's positive cases, the shared vectors and every credential
microcred builds have no problem; no JSON makes the check raise or recurse."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from microcred.credentials.data_integrity import sign
from microcred.credentials.edc import EdcError
from microcred.credentials.edc.build import to_edc
from microcred.credentials.keys import KeyPair
from microcred.credentials.ob3 import to_ob3
from microcred.credentials.status import StatusList, status_entry, status_list_credential
from microcred.credentials.vc_data_model import (
    MAX_PROBLEMS,
    MAX_VALUES,
    V1_CONTEXT,
    V2_CONTEXT,
    DataModelError,
    DataModelProblem,
    data_model_problems,
    ensure_data_model,
    is_url,
)

from ..conftest import EXAMPLES, best_grade, example_award

KEY = KeyPair.generate()
EXAMPLES_V2 = "https://www.w3.org/ns/credentials/examples/v2"
DROP = object()  # a member to leave out


def vc(**members: Any) -> dict[str, Any]:
    """A minimal valid VC 2.0 credential with ``members`` replaced (``DROP``: removed);
    ``context`` stands for ``@context``."""
    if "context" in members:
        members["@context"] = members.pop("context")
    document: dict[str, Any] = {
        "@context": [V2_CONTEXT],
        "id": "urn:uuid:0c07c1ce-57cb-41af-bef2-1b932b986873",
        "type": ["VerifiableCredential"],
        "issuer": "did:example:issuer",
        "validFrom": "2025-06-20T00:00:00Z",
        "credentialSubject": {"id": "did:example:subject"},
    }
    document |= members
    return {k: v for k, v in document.items() if v is not DROP}


def vc11(**members: Any) -> dict[str, Any]:
    """The same as a VC 1.1 credential (issuanceDate instead of validFrom)."""
    base = {"context": [V1_CONTEXT], "validFrom": DROP, "issuanceDate": "2010-01-01T00:00:00"}
    return vc(**(base | members))


RELATED = {
    "id": "https://www.w3.org/ns/credentials/v2",
    "digestSRI": "sha384-NSOcNpmdIVUxIJGvGUoe22FjTWrXiaXlsZ8q6912LdnR3KraQO2n75Ica4wK4Qeg",
}
MAPPED = {"ExampleTestCredential": "https://example.org/#ExampleTestCredential"}
STATUS_TERM = {"CredentialStatusList2017": "https://example.org/examples#CredentialStatusList2017"}

# (document, code, path); ids are the suite's fixture names, or ours (no "-fail" suffix)
NEGATIVE = [
    # 1.03 "A conforming verifier implementation MUST produce errors when non-conforming
    # documents are detected."
    pytest.param({"type": ["NonconformingDocument"]}, "missing_vc_type", "type",
                 id="nonconforming-document"),
    # 4.03 "Verifiable credentials MUST include a @context property."
    pytest.param(vc(context=DROP), "missing_context", "@context",
                 id="credential-no-context-fail-or-inject"),
    # 4.03 "Verifiable credentials: The value of the @context property MUST be an ordered
    # set where the first item is a URL with the value https://www.w3.org/ns/credentials/v2."
    pytest.param(vc(context=[EXAMPLES_V2]), "base_context_not_first", "@context[0]",
                 id="credential-missing-base-context-fail-or-inject"),
    # 4.03 'Verifiable Credential `@context`: "Subsequent items in the ordered set MUST be
    # composed of any combination of URLs and/or objects where each is processable as a
    # JSON-LD Context."'
    pytest.param(vc(context=[V2_CONTEXT, "https ://not-a-url/contexts/example/v1"]),
                 "context_not_url", "@context[1]", id="credential-context-combo3-fail"),
    pytest.param(vc(context=[V2_CONTEXT, 123192875]), "context_item_invalid", "@context[1]",
                 id="credential-context-combo4-fail"),
    # 4.04 "If present, the value of the id property MUST be a single URL, which MAY be
    # dereferenceable."
    pytest.param(vc(id=None), "id_not_url", "id", id="credential-id-nonidentifier-fail"),
    pytest.param(vc(id=["https://example.org/credentials/1", "https://example.net/credentials/1"]),
                 "id_not_single", "id", id="credential-id-multi-fail"),
    pytest.param(vc(credentialSubject={"id": ["did:example:one", "did:example:two"]}),
                 "id_not_single", "credentialSubject.id", id="credential-id-subject-multi-fail"),
    pytest.param(vc(id="https ://not-a-url/vcs/343cf54b-2c38-480e-b6e8-7302332eae75"),
                 "id_not_url", "id", id="credential-id-not-url-fail"),
    # 4.05 "Verifiable credentials MUST contain a type property with an associated value."
    pytest.param(vc(type=DROP), "missing_type", "type", id="credential-no-type-fail"),
    # 4.05 "The value of the type property MUST be one or more terms and/or absolute URL
    # strings."
    pytest.param(vc(context=[V2_CONTEXT, {"ExampleTestCredential":
                                          "https ://not-a-url#ExampleTestCredential"}],
                    type=["VerifiableCredential", "ExampleTestCredential"]),
                 "context_term_not_url", "@context[1].ExampleTestCredential",
                 id="credential-type-mapped-nonurl-fail"),
    pytest.param(vc(context=[V2_CONTEXT, {"@vocab": None}],
                    type=["VerifiableCredential", "ExampleTestCredential"]),
                 "type_unmapped", "type[1]", id="credential-type-unmapped-fail"),
    # 4.05 "Verifiable Credential objects MUST have a type specified."
    pytest.param(vc(context=[V2_CONTEXT, EXAMPLES_V2], type=["RelationshipCredential"]),
                 "missing_vc_type", "type", id="credential-missing-required-type-fail"),
    # 4.05 "`credentialStatus` objects MUST have a type specified."; 4.10 "The type property
    # is REQUIRED."
    pytest.param(vc(credentialStatus={"id": "did:example:status"}), "status_without_type",
                 "credentialStatus.type", id="credential-status-missing-type-fail"),
    # 4.05 "`termsOfUse` objects MUST have a type specified."
    pytest.param(vc(termsOfUse={}), "terms_of_use_without_type", "termsOfUse.type",
                 id="credential-termsofuse-missing-type-fail"),
    # 4.05 "`evidence` objects MUST have a type specified."
    pytest.param(vc(evidence={}), "evidence_without_type", "evidence.type",
                 id="credential-evidence-missing-type-fail"),
    # 4.05 "`refreshService` objects MUST have a type specified."; 5 "Each refreshService
    # value MUST specify its type."
    pytest.param(vc(refreshService={"id": "did:example:refresh/1"}),
                 "refresh_service_without_type", "refreshService.type",
                 id="credential-refresh-no-type-fail"),
    # 4.05 "`credentialSchema` objects MUST have a type specified."; 4.11 "Each
    # credentialSchema MUST specify its type (for example, JsonSchema), and an id property
    # that MUST be a URL identifying the schema file."
    pytest.param(vc(credentialSchema={"id": "did:example:schemas/1"}), "schema_without_type",
                 "credentialSchema.type", id="credential-schema-no-type-fail"),
    pytest.param(vc(credentialSchema={"type": "https://example.org/#ExampleTestSuiteSchema"}),
                 "schema_without_id", "credentialSchema.id", id="credential-schema-no-id-fail"),
    pytest.param(vc(credentialSchema={"type": "https://example.org/#ExampleTestSuiteSchema",
                                      "id": "https ://not-a-url.org/cd28a5c0"}),
                 "id_not_url", "credentialSchema.id", id="credential-schema-non-url-id-fail"),
    # 4.06 "If present, the value of the name / description property MUST be a string or a
    # language value object as described in 11.1 Language and Base Direction." (on the
    # credential and on `issuer`)
    pytest.param(vc(name={"@value": "Example Credential", "@language": "en",
                          "url": "did:example:credential"}),
                 "malformed_language_value", "name", id="credential-name-extra-prop-en-fail"),
    pytest.param(vc(description={"@value": "An Example Credential", "@language": "en",
                                 "url": "did:example:credential"}),
                 "malformed_language_value", "description",
                 id="credential-description-extra-prop-en-fail"),
    pytest.param(vc(issuer={"id": "did:example:issuer", "name": {
                     "@value": "ExampleIssuer", "@language": "en", "url": "did:example:issuer"}}),
                 "malformed_language_value", "issuer.name", id="issuer-name-extra-prop-en-fail"),
    pytest.param(vc(issuer={"id": "did:example:issuer", "description": {
                     "@value": "An Example Issuer", "@language": "en",
                     "url": "did:example:issuer"}}),
                 "malformed_language_value", "issuer.description",
                 id="issuer-description-extra-prop-en-fail"),
    # 4.07 "A verifiable credential MUST have an issuer property."
    pytest.param(vc(issuer=DROP), "missing_issuer", "issuer", id="credential-no-issuer-fail"),
    # 4.07 "The value of the issuer property MUST be either a URL or an object containing an
    # id property whose value is a URL; ..."
    pytest.param(vc(issuer="fake-issuer"), "issuer_not_url", "issuer",
                 id="credential-issuer-no-url-fail"),
    pytest.param(vc(issuer=None), "issuer_not_url", "issuer", id="credential-issuer-null-fail"),
    pytest.param(vc(issuer={"id": None}), "issuer_not_url", "issuer.id",
                 id="credential-issuer-object-id-null-fail"),
    pytest.param(vc(issuer={"id": "fake-issuer"}), "issuer_not_url", "issuer.id",
                 id="credential-issuer-object-id-no-url-fail"),
    # 4.08 "A verifiable credential MUST contain a credentialSubject property."
    pytest.param(vc(credentialSubject=DROP), "missing_subject", "credentialSubject",
                 id="credential-no-subject-fail"),
    # 4.08 "The value of the credentialSubject property is a set of objects where each object
    # MUST be the subject of one or more claims, which MUST be serialized inside the
    # credentialSubject property."
    pytest.param(vc(credentialSubject={}), "empty_subject", "credentialSubject",
                 id="credential-subject-no-claims-fail"),
    pytest.param(vc(credentialSubject=[{"id": "did:example:subject"}, {}]), "empty_subject",
                 "credentialSubject[1]", id="credential-subject-multiple-empty-fail"),
    # 4.09 "If present, the value of the validFrom property MUST be an [XMLSCHEMA11-2]
    # dateTimeStamp string value ..."
    pytest.param(vc(validFrom="Sat 25 Feb 2023 07:16:31 PM CST"), "malformed_date", "validFrom",
                 id="credential-validfrom-invalid-fail"),
    # 4.09 "If present, the value of the validUntil property MUST be an [XMLSCHEMA11-2]
    # dateTimeStamp string value ..."
    pytest.param(vc(validFrom="2023-02-26T01:21:51Z", validUntil="Sun, 26 Feb 2023 01:22:14 +0000"),
                 "malformed_date", "validUntil", id="credential-validuntil-invalid-fail"),
    # 4.09 "If a validUntil value also exists, the validFrom value MUST express a datetime that
    # is temporally the same or earlier than the datetime expressed by the validUntil value."
    # (and its mirror "If a validFrom value also exists, the validUntil value MUST ...")
    pytest.param(vc(validFrom="2027-06-20T00:00:00Z", validUntil="2025-06-20T00:00:00Z"),
                 "valid_until_before_valid_from", "validUntil",
                 id="credential-validUntil-validFrom-fail"),
    # 4.10 "If present (credentialStatus.id), the normative guidance in Section 4.4
    # Identifiers MUST be followed."
    pytest.param(vc(context=[V2_CONTEXT, STATUS_TERM], credentialStatus={
                     "id": ["did:example:status:1", "did:example:status:2"],
                     "type": "CredentialStatusList2017"}),
                 "id_not_single", "credentialStatus.id", id="credential-status-multiple-id-fail"),
    pytest.param(vc(context=[V2_CONTEXT, STATUS_TERM], credentialStatus={
                     "type": "CredentialStatusList2017", "id": "https ://not-a-url/statusList/4"}),
                 "id_not_url", "credentialStatus.id", id="credential-status-nonurl-id-fail"),
    # 4.10 "(If a credentialStatus property is present), The type property is REQUIRED. ...
    # The related normative guidance in Section 4.5 Types MUST be followed."
    pytest.param(vc(credentialStatus={"id": "did:example:status", "type": 2}), "type_invalid",
                 "credentialStatus.type", id="credential-status-type-nonurl-fail"),
    # 5 "When processing the active context defined by the base JSON-LD Context document
    # defined in this specification, compliant JSON-LD-based processors produce an error
    # when a JSON-LD context redefines any term."
    pytest.param(vc(context=[V2_CONTEXT, {"VerifiableCredential":
                                          "https://example.org/#BadVerifiableCredential"}]),
                 "protected_term_redefined", "@context[1].VerifiableCredential",
                 id="credential-redef-type-fail"),
    pytest.param(vc(context=[V2_CONTEXT,
                             {"@protected": True, "ExampleVerifiableCredential":
                              "https://example.org/#ExampleVerifiableCredential"},
                             {"ExampleVerifiableCredential":
                              "https://example.org/#ExampleBadVerifiableCredential"}],
                    type=["VerifiableCredential", "ExampleVerifiableCredential"]),
                 "protected_term_redefined", "@context[2].ExampleVerifiableCredential",
                 id="credential-redef-type2-fail"),
    # 5 "The value of the relatedResource property MUST be one or more objects of the
    # following form:" (an array of strings)
    pytest.param(vc(relatedResource=[RELATED["id"]]), "related_resource_not_object",
                 "relatedResource[0]", id="related-resource-strings"),
    # 5 "The identifier for the resource is REQUIRED and conforms to the format defined in
    # Section 4.4 Identifiers."
    pytest.param(vc(relatedResource=[{"digestMultibase": "uJKGMkOmFbVJhEfKTduMC2XCyvRAYLjO"}]),
                 "related_resource_without_id", "relatedResource[0]", id="related-resource-no-id"),
    # 5 "The value MUST be unique among the list of related resource objects."
    pytest.param(vc(relatedResource=[RELATED, RELATED]), "related_resource_duplicate_id",
                 "relatedResource[1].id", id="related-resource-duplicate-id"),
    # 5 "Each object associated with relatedResource MUST contain at least a digestSRI or a
    # digestMultibase value."
    pytest.param(vc(relatedResource=[{"id": RELATED["id"]}]), "related_resource_without_digest",
                 "relatedResource[0]", id="related-resource-no-digest"),
    # 5 "Each termsOfUse value MUST specify its type, for example, IssuerPolicy, and MAY
    # specify its instance id."
    pytest.param(vc(termsOfUse={"id": "did:example:terms/1"}), "terms_of_use_without_type",
                 "termsOfUse.type", id="credential-termsofuse-no-type-fail"),
    # the suite ships credential-proof-missing-type-fail.json but no test uses it (VC Data
    # Integrity 1.0 §2.1: a proof's type is REQUIRED)
    pytest.param(vc(proof={"created": "2023-07-28T22:25:05Z", "proofPurpose": "assertionMethod",
                           "proofValue": "zEHQVDHhL3v4234zY4Wysiun"}),
                 "proof_without_type", "proof.type", id="credential-proof-missing-type-fail"),
    # --- ours: the same MUSTs in shapes the suite does not try
    pytest.param([], "not_an_object", "$", id="not-an-object"),
    pytest.param(vc(type=[]), "missing_type", "type", id="empty-type-list"),
    pytest.param(vc(type=["VerifiableCredential", "Example Credential"]), "type_invalid",
                 "type[1]", id="type-with-a-space"),
    pytest.param(vc(issuer={"name": "Example University"}), "issuer_without_id", "issuer",
                 id="issuer-object-without-id"),
    pytest.param(vc(issuer=["did:example:a", "did:example:b"]), "issuer_not_single", "issuer",
                 id="two-issuers"),
    pytest.param(vc(credentialSubject="did:example:subject"), "subject_not_object",
                 "credentialSubject", id="subject-is-a-string"),
    pytest.param(vc(credentialSubject=[]), "empty_subject", "credentialSubject",
                 id="subject-empty-list"),
    pytest.param(vc(credentialSubject={"id": "_:b0", "name": "Alice"}), "id_not_url",
                 "credentialSubject.id", id="subject-blank-node-id"),
    pytest.param(vc(validFrom="2025-06-20T00:00:00"), "date_without_timezone", "validFrom",
                 id="valid-from-without-time-zone"),
    pytest.param(vc(validFrom="2023-02-29T00:00:00Z"), "malformed_date", "validFrom",
                 id="valid-from-29-february-2023"),
    pytest.param(vc(validFrom="2025-06-20"), "malformed_date", "validFrom", id="date-only"),
    pytest.param(vc(validUntil=20250620), "malformed_date", "validUntil", id="date-as-number"),
    pytest.param(vc(validFrom="2025-06-20T01:00:00-02:00", validUntil="2025-06-20T02:00:00Z"),
                 "valid_until_before_valid_from", "validUntil", id="valid-until-earlier-by-zone"),
    pytest.param(vc(credentialStatus="https://example.org/status/1"), "value_not_object",
                 "credentialStatus", id="status-is-a-string"),
    pytest.param(vc(renderMethod={"id": "https://example.org/render/1"}),
                 "extension_without_type", "renderMethod.type", id="render-method-without-type"),
    pytest.param(vc(name=7), "text_not_string", "name", id="name-is-a-number"),
    pytest.param(vc(name={"en": "Example", "pl": "Przykład"}), "text_not_string", "name",
                 id="name-is-a-language-map"),
    pytest.param(vc(description=[{"@value": "Dog", "@language": "en"}, {"@language": "fr"}]),
                 "malformed_language_value", "description[1]", id="language-value-without-value"),
    pytest.param(vc(name={"@value": "Example", "@direction": "up"}), "malformed_language_value",
                 "name", id="language-value-bad-direction"),
    pytest.param(vc(id="https://example.org/a b"), "id_not_url", "id", id="id-with-a-space"),
    pytest.param(vc(id="https://example.org/%zz"), "id_not_url", "id", id="id-bad-percent"),
    pytest.param(vc(id="https://example.org/a#b#c"), "id_not_url", "id", id="id-two-fragments"),
    pytest.param(vc(id="https://example.org/\u202eevil"), "id_not_url", "id", id="id-bidi-control"),
    pytest.param(vc(credentialSubject=[{"name": "Alice"}] * (MAX_VALUES + 1)), "too_many_values",
                 "credentialSubject", id="too-many-subjects"),
    # --- ours: VC 1.1 (first context https://www.w3.org/2018/credentials/v1)
    pytest.param(vc11(issuanceDate=DROP), "missing_issuance_date", "issuanceDate",
                 id="vc11-no-issuance-date"),
    pytest.param(vc11(issuanceDate="1 January 2010"), "malformed_date", "issuanceDate",
                 id="vc11-malformed-issuance-date"),
    pytest.param(vc11(expirationDate="2024-13-01T00:00:00Z"), "malformed_date", "expirationDate",
                 id="vc11-malformed-expiration-date"),
    pytest.param(vc11(credentialStatus={"type": "StatusList2021Entry"}), "status_without_id",
                 "credentialStatus.id", id="vc11-status-without-id"),
    pytest.param(vc11(refreshService={"type": "ManualRefreshService2018"}),
                 "refresh_service_without_id", "refreshService.id", id="vc11-refresh-without-id"),
    pytest.param(vc11(credentialSubject={}), "empty_subject", "credentialSubject",
                 id="vc11-empty-subject"),
    pytest.param(vc11(issuer="fake-issuer"), "issuer_not_url", "issuer", id="vc11-issuer-not-url"),
    pytest.param(vc11(evidence=[{"id": "https://example.org/evidence/1"}]),
                 "evidence_without_type", "evidence[0].type", id="vc11-evidence-without-type"),
]  # fmt: skip


@pytest.mark.parametrize(("document", "code", "path"), NEGATIVE)
def test_negative_case_is_refused(document: Any, code: str, path: str) -> None:
    problems = data_model_problems(document)
    assert (code, path) in [(p.code, p.path) for p in problems], problems
    for problem in problems:
        assert problem.en
        assert problem.pl
        assert problem.pl != problem.en
        assert problem.section.startswith(("VC DM ", "VC Data Integrity "))
    with pytest.raises(DataModelError) as raised:
        ensure_data_model(document)
    assert raised.value.code == "data_model_violation"
    assert raised.value.problems == tuple(problems)
    assert path in raised.value.message


def test_reasons_name_the_value_and_the_section() -> None:
    (problem,) = data_model_problems(vc(id="https ://not-a-url/1"))
    assert problem == DataModelProblem(
        "id_not_url",
        "id",
        "the id “https ://not-a-url/1” is not a URL (an absolute URL such as https://…, "
        "did:… or urn:uuid:…)",
        "identyfikator (id) „https ://not-a-url/1” nie jest adresem URL (bezwzględnym, np. "
        "https://…, did:… lub urn:uuid:…)",
        "VC DM 2.0 §4.4",
    )
    assert problem.text("pl") == problem.pl
    (old,) = data_model_problems(vc11(issuanceDate=DROP))
    assert old.section == "VC DM 1.1 §4.6"


def test_every_problem_is_reported_once() -> None:
    codes = [p.code for p in data_model_problems({"type": ["NonconformingDocument"]})]
    assert codes == ["missing_context", "missing_vc_type", "missing_issuer", "missing_subject"]


POSITIVE = [
    # the suite's "-ok" fixtures (with an issuer, which the suite's issuers add)
    pytest.param(vc(), id="credential-ok"),
    pytest.param(vc(credentialSubject={"id": "did:example:subject"}), id="credential-id-other-ok"),
    pytest.param(vc(context=[V2_CONTEXT, EXAMPLES_V2], id="https://example.org/credentials/1",
                    credentialSubject={"description": "A single id test for VC 2.0"}),
                 id="credential-id-single-ok"),
    pytest.param(vc(context=[V2_CONTEXT, EXAMPLES_V2],
                    type=["VerifiableCredential", "RelationshipCredential"]),
                 id="credential-optional-type-ok"),
    pytest.param(vc(type=["VerifiableCredential", "https://example.org/#ExampleCredential"]),
                 id="credential-type-url-ok"),
    pytest.param(vc(context=[V2_CONTEXT, MAPPED],
                    type=["VerifiableCredential", "ExampleTestCredential"]),
                 id="credential-type-mapped-url-ok"),
    pytest.param(vc(type=["https://example.org/#ExampleCredential1",
                          "https://example.org/#ExampleCredential2", "VerifiableCredential"]),
                 id="credential-type-urls-order-1-ok"),
    pytest.param(vc(context=[V2_CONTEXT, EXAMPLES_V2]), id="credential-context-combo1-ok"),
    pytest.param(vc(context=[V2_CONTEXT, {"ExampleVerifiableCredential":
                                          "https://example.org/#ExampleVerifiableCredential"}],
                    type=["VerifiableCredential", "ExampleVerifiableCredential"]),
                 id="credential-context-combo2-ok"),
    pytest.param(vc(context=[V2_CONTEXT, {"DocumentVerification2018":
                                          "https://example.org/examples#DocumentVerification2018"}],
                    evidence=[{"type": "DocumentVerification2018"}] * 2),
                 id="credential-evidences-ok"),
    pytest.param(vc(refreshService=[{"type": "https://example.org/#ExampleTestSuiteRefreshService",
                                     "id": "did:example:refresh/2"}]), id="credential-refreshs-ok"),
    pytest.param(vc(credentialSchema=[{"type": "https://example.org/#ExampleTestSuiteSchema",
                                       "id": "did:example:schemas/1"}]),
                 id="credential-schemas-ok"),
    pytest.param(vc(context=[V2_CONTEXT, STATUS_TERM],
                    credentialStatus={"type": "CredentialStatusList2017"}),
                 id="credential-status-missing-id-ok"),
    pytest.param(vc(credentialSubject=[{"id": "did:example:subject"},
                                       {"id": "did:example:other:subject"}]),
                 id="credential-subject-multiple-ok"),
    pytest.param(vc(termsOfUse={"type": "https://example.org/examples#OdrlPolicy2017",
                                "id": "did:example:terms/1"}), id="credential-termsofuse-id-ok"),
    pytest.param(vc(validFrom="2023-02-26T01:02:58.447Z"), id="credential-validfrom-ms-ok"),
    pytest.param(vc(validFrom="2023-02-25T19:10:39-06:00"), id="credential-validfrom-tz-ok"),
    pytest.param(vc(validFrom="4023-02-26T01:02:58.447Z"), id="credential-validfrom-far-future-ok"),
    pytest.param(vc(validFrom="2023-02-26T01:20:00Z", validUntil="2023-02-26T01:20:18.477Z"),
                 id="credential-validuntil-ms-ok"),
    # six seconds later, written in another zone
    pytest.param(vc(validFrom="2023-02-26T01:21:23Z", validUntil="2023-02-25T19:21:29-06:00"),
                 id="credential-validuntil-tz-ok"),
    pytest.param(vc(validFrom="2025-06-20T00:00:00Z", validUntil="2025-06-20T00:00:00Z"),
                 id="valid-from-equals-valid-until"),
    pytest.param(vc(name="Example Credential", description="An Example Credential"),
                 id="credential-name-ok"),
    pytest.param(vc(name={"@value": "Example Credential", "@language": "en", "@direction": "ltr"}),
                 id="credential-name-language-direction-en-ok"),
    pytest.param(vc(description=[{"@value": "Dog", "@language": "en"},
                                 {"@value": "Chien", "@language": "fr"}]),
                 id="credential-multi-language-description-ok"),
    pytest.param(vc(issuer={"id": "did:example:issuer", "name": [
                     {"@value": "Dog", "@language": "en"}, {"@value": "Cane", "@language": "it"}],
                     "description": {"@value": "An Example Issuer", "@language": "en"}}),
                 id="issuer-multi-language-name-ok"),
    pytest.param(vc(relatedResource=RELATED), id="related-resource-digest-sri-ok"),
    pytest.param(vc(relatedResource=[{"id": RELATED["id"], "mediaType": "application/ld+json",
                                      "digestMultibase": "uJKGMkOmFbVJhEfKTduMC2XCyvRAYLjO"}]),
                 id="related-resource-digest-multibase-ok"),
    # --- ours
    pytest.param(vc(context=V2_CONTEXT), id="context-as-one-string"),
    pytest.param(vc(id="https://例え.jp/ß/żółć?q=1#frag"), id="iri-with-non-ascii-letters"),
    pytest.param(vc(id="urn:uuid:0c07c1ce-57cb-41af-bef2-1b932b986873",
                    issuer={"id": "https://example.org/issuers/565049", "name": "Uczelnia"}),
                 id="urn-uuid-and-issuer-object"),
    pytest.param(vc(id="data:application/vc+jwt,eyJhbGciOiJFUzI1NiJ9.e30.sig"), id="data-url"),
    pytest.param(vc(validFrom="2024-02-29T24:00:00Z"), id="leap-day-and-24-00"),
    pytest.param(vc(validFrom="-0044-03-15T12:00:00+14:00", validUntil="12025-01-01T00:00:00Z"),
                 id="years-before-0-and-after-9999"),
    pytest.param(vc(credentialSubject={"type": "Person"}), id="subject-with-only-a-type"),
    pytest.param(vc11(), id="vc11-issuance-date-without-zone"),
    pytest.param(vc11(issuanceDate=DROP, validFrom="2023-06-28T14:30:00Z"),
                 id="vc11-edc-with-valid-from"),
    pytest.param(vc11(credentialStatus={"id": "https://example.org/status/1#3",
                                        "type": "StatusList2021Entry"}), id="vc11-status"),
]  # fmt: skip


@pytest.mark.parametrize("document", POSITIVE)
def test_positive_case_passes(document: dict[str, Any]) -> None:
    assert data_model_problems(document) == []
    ensure_data_model(document)


def test_url_rule() -> None:
    good = ["https://example.org", "did:key:z6Mk", "urn:uuid:1", "mailto:a@example.org",
            "https://zażółć.pl/ścieżka", "http://example.org/a%20b"]  # fmt: skip
    bad = ["", "fake-issuer", "/relative", "https ://x", "https://x y", "1http://x", None, 5]
    assert all(is_url(u) for u in good)
    assert not any(is_url(u) for u in bad)


# --- real documents: the shared vectors and what microcred builds ---------------------

VECTORS = [
    "di-eddsa/Ed25519Signature2020/signedEdSig.json",
    "di-eddsa/eddsa-jcs-2022/signedJCS.json",
    "di-eddsa/eddsa-rdfc-2022/employ/signedDataInt.json",
    "di-eddsa/eddsa-rdfc-2022/signedDataInt.json",
    "di-eddsa/employmentAuth.json",
    "di-eddsa/proof-set-chain/proofChainTempDoc1.json",
    "di-eddsa/proof-set-chain/proofChainTempDoc2.json",
    "di-eddsa/proof-set-chain/signedProofChain1.json",
    "di-eddsa/proof-set-chain/signedProofChain2.json",
    "di-eddsa/proof-set-chain/signedProofSet1.json",
    "di-eddsa/proof-set-chain/signedProofSet2.json",
    "di-eddsa/proof-set-chain/unsigned.json",
    "di-eddsa/unsigned.json",
    "edc-examples/Sample-CertOfPart-signed.jsonld",
    "edc-examples/Sample-CertOfPart-unsigned-uploadable.json",
    "edc-examples/Sample-CertOfPart-unsigned.jsonld",
    "edc-examples/Sample-MC-Annex1-signed.jsonld",
    "edc-examples/Sample-MC-Annex1-unsigned-uploadable.json",
    "edc-examples/Sample-MC-Annex1-unsigned.jsonld",
    "edc-examples/credential-sample.jsonld",
    "ob3-examples/achievement-alignment-case.unsigned.json",
    "ob3-examples/achievement-alignment-ce.unsigned.json",
    "ob3-examples/basic-openbadgecredential.unsigned.json",
    "ob3-examples/endorsementcredential.unsigned.json",
    "ob3-examples/full-openbadgecredential.unsigned.json",
    "ob3-examples/ldp-testvector/credential.signed-eddsa-rdfc-2022.json",
    "ob3-examples/ldp-testvector/credential.unsigned.json",
    "ob3-examples/skill-assertion-case.unsigned.json",
    "ob3-examples/skill-assertion-ctdl.unsigned.json",
    "status/bitstring-statuslist-credential.example.json",
    "status/credential-multiple-entries-one-list.example.json",
    "status/credential-multiple-status-lists.example.json",
    "status/revocable-credential.example.json",
    "status/statuslist-credential.vc-example.json",
]


def _credential_in(path: Path) -> dict[str, Any] | None:
    """The credential a vector file holds: itself, the EU upload form's ``credential``, or
    the payload of a JAdES e-seal (JWS JSON); None for keys, proof options and the like."""
    document = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(document, dict) and isinstance(document.get("credential"), dict):
        document = document["credential"]
    if isinstance(document, dict) and {"payload", "signatures"} <= document.keys():
        document = json.loads(document["payload"])
    return document if isinstance(document, dict) and "credentialSubject" in document else None


@pytest.mark.parametrize("name", VECTORS)
def test_shared_vector_has_no_problem(shared: Path, name: str) -> None:
    credential = _credential_in(shared / "vectors" / name)
    assert credential is not None
    assert data_model_problems(credential) == []


def test_every_credential_among_the_vectors_is_checked(shared: Path) -> None:
    folder = shared / "vectors"
    found = {
        str(path.relative_to(folder))
        for pattern in ("*.json", "*.jsonld")
        for path in folder.rglob(pattern)
        if path.parts[len(folder.parts)] not in ("contexts", "schemas")
        and _credential_in(path) is not None
    }
    assert found == set(VECTORS)


def _awards(path: Path) -> list[Any]:
    graded = {"valid_until": "2030-06-20", "grade": best_grade(path)}
    return [example_award(path), example_award(path, **graded)]


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_built_credentials_have_no_problem(path: Path) -> None:
    for award in _awards(path):
        ob3 = to_ob3(award, issuer_id=KEY.did_key)
        built = [ob3, sign(ob3, KEY), sign(ob3, KEY, suite="eddsa-jcs-2022")]
        try:
            edc = to_edc(award, issuer_id=KEY.did_key)
        except EdcError:  # a design without an awarding body has no EDC
            pass
        else:
            built += [edc, sign(edc, KEY), to_edc(award)]
        for credential in built:
            assert data_model_problems(credential) == [], credential["type"]


def test_status_list_and_a_credential_pointing_at_it_have_no_problem() -> None:
    url = "https://uni.example/status/1"
    listing = status_list_credential(StatusList(), credential_id=url, issuer=KEY.did_key,
                                     valid_from="2025-01-01T00:00:00Z")  # fmt: skip
    credential = to_ob3(example_award(), issuer_id=KEY.did_key)
    credential["credentialStatus"] = status_entry(url, 94567)
    assert data_model_problems(sign(listing, KEY)) == []
    assert data_model_problems(sign(credential, KEY)) == []


# --- hostile input: never raises, never recurses, bounded work ----------------------

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)
MEMBERS = st.sampled_from(
    "@context id type issuer credentialSubject validFrom validUntil issuanceDate "
    "expirationDate credentialStatus credentialSchema evidence termsOfUse refreshService "
    "relatedResource name description proof renderMethod".split()
)
CONTEXTS = st.sampled_from([V2_CONTEXT, V1_CONTEXT, EXAMPLES_V2, "https ://x"])
VALUES: st.SearchStrategy[Any] = (
    JSON | CONTEXTS | st.lists(CONTEXTS | JSON, max_size=3) | st.just({})
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(MEMBERS, VALUES, max_size=10) | JSON)
def test_never_raises_on_any_json(document: Any) -> None:
    problems = data_model_problems(document)
    assert len(problems) <= MAX_PROBLEMS
    assert all(p.code and p.en and p.pl and p.section for p in problems)
    if problems:
        with pytest.raises(DataModelError):
            ensure_data_model(document)
    else:
        ensure_data_model(document)


def test_deep_nesting_and_huge_lists_are_bounded() -> None:
    deep: Any = {"id": "did:example:x"}
    for _ in range(100_000):
        deep = {"@context": deep, "x": [deep]}
    document = vc(
        context=[V2_CONTEXT, {"@protected": True, "T": deep}, {"T": deep}],
        credentialSubject=deep,
        credentialStatus=[{"id": "https ://x"}] * 100_000,
        name=deep,
        issuer={"id": "did:example:issuer", "description": [deep] * 10},
    )
    problems = data_model_problems(document)
    assert len(problems) == MAX_PROBLEMS
    assert "too_many_values" in {p.code for p in problems}


def test_microcreds_own_context_list_passes_the_full_contexts_check(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The context list every OB 3.0 credential of microcred carries is passed at once
    (_contexts._OURS); the full check must find nothing in it either, and a list that
    only looks equal to Python (1 for true) or changes a term goes the full way."""
    from microcred.credentials.vc_data_model import _contexts

    document = to_ob3(example_award(), issuer_id=KEY.did_key)
    assert data_model_problems(document) == []
    monkeypatch.setattr(_contexts, "_OURS", "")  # no shortcut: every rule read again
    assert data_model_problems(document) == []
    monkeypatch.undo()
    changed = json.loads(json.dumps(document))
    changed["@context"][2]["euTitle"] = {"@id": "https://example.org/title"}
    one = json.loads(json.dumps(document))
    one["@context"][2]["@protected"] = 1  # == True in Python, not in JSON
    for variant in (changed, one):
        assert _contexts.context_json(variant["@context"]) != _contexts._OURS


def test_a_deep_context_with_the_eu_term_names_is_never_serialized_whole() -> None:
    from microcred.credentials.vc_data_model import _contexts

    deep: Any = "x"
    for _ in range(5000):
        deep = [deep]
    terms = dict.fromkeys(_contexts._EU_TERMS, deep)
    document = to_ob3(example_award(), issuer_id=KEY.did_key)
    document["@context"] = [*document["@context"][:2], terms]
    assert not _contexts._is_ours(document["@context"])
    assert isinstance(data_model_problems(document), list)  # answered by the full rules
