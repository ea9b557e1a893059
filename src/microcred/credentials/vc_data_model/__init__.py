"""The MUSTs of the W3C Verifiable Credentials Data Model that a credential meets before
it is signed and before it is trusted, checked on the JSON alone.

VC Data Model v2.0 (W3C Recommendation, 15 May 2025) for documents whose first context
is ``https://www.w3.org/ns/credentials/v2`` (and for any document whose first context is
neither base context): §4.3 contexts, §4.4 identifiers, §4.5 types, §4.6 names and
descriptions with §11.1 language value objects, §4.7 issuer, §4.8 credential subject,
§4.9 validity period (dates per §5.8), §4.10 status, §4.11 data schemas, §5.2.1 protected
terms, §5.3 related resources, §5.4 refreshing, §5.5 terms of use, §5.6 evidence, §5.10
reserved extension points. §7.1 asks a verifier to report a non-conforming document
(``MALFORMED_VALUE_ERROR``) even when its proof holds.

VC Data Model v1.1 for documents whose first context is
``https://www.w3.org/2018/credentials/v1`` (Europass EDCs): §4.1–§4.9 and §5.4–§5.7, the
rules that differ being an ``issuanceDate`` (a date-time whose time zone is optional),
an ``id`` on every ``credentialStatus`` and ``refreshService``, and no §4.6 / §5.3 rules.

Each problem has a short code, where it is (a JSON path), and a reason in English and
Polish::

    >>> from microcred.credentials.vc_data_model import data_model_problems
    >>> for problem in data_model_problems({
    ...     "@context": ["https://www.w3.org/ns/credentials/v2"],
    ...     "id": "https ://not-a-url/1", "type": ["VerifiableCredential"],
    ...     "issuer": "did:example:issuer", "credentialSubject": {}}):
    ...     print(problem.code, problem.path, problem.section)
    id_not_url id VC DM 2.0 §4.4
    empty_subject credentialSubject VC DM 2.0 §4.8

The checks never raise and never recurse: they read fixed places of the document, at
most :data:`MAX_VALUES` values of a list and :data:`MAX_PROBLEMS` problems.

The package: :mod:`.checks` runs the rules, :mod:`.problems` holds what they report,
:mod:`.messages` the reason of each problem code (a ``Message`` constant tests import)
and the sections its rule comes from, :mod:`.constants` the base contexts and the
bounds; ``_contexts`` and ``_values`` are their private helpers.
"""

from __future__ import annotations

__all__ = [
    "MAX_PROBLEMS",
    "MAX_VALUES",
    "V1_CONTEXT",
    "V2_CONTEXT",
    "DataModelError",
    "DataModelProblem",
    "data_model_problems",
    "ensure_data_model",
    "is_url",
]

from ._values import is_url
from .checks import data_model_problems, ensure_data_model
from .constants import MAX_PROBLEMS, MAX_VALUES, V1_CONTEXT, V2_CONTEXT
from .problems import DataModelError, DataModelProblem
