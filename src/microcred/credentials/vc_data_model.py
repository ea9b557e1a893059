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

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import islice
from typing import Any

from . import contexts
from .errors import CredentialError

V2_CONTEXT = "https://www.w3.org/ns/credentials/v2"
V1_CONTEXT = "https://www.w3.org/2018/credentials/v1"
MAX_VALUES = 1000  # values read from one list (contexts, subjects, statuses...)
MAX_PROBLEMS = 100
_MAX_DATE_LENGTH = 64
_VC_TYPES = frozenset(
    {"VerifiableCredential", "https://www.w3.org/2018/credentials#VerifiableCredential"}
)
_LANGUAGE_KEYS = frozenset({"@value", "@language", "@direction"})
_DI = "VC Data Integrity 1.0 §2.1"  # a proof's type (VC DM 2.0 §4.12 leaves proofs to it)

# RFC 3986 §3.1 scheme, then no character an IRI (RFC 3987 §2.2, §4.1) cannot hold:
# whitespace, controls, <>"{}|\^` and the bidirectional formatting characters.
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
_NOT_IN_IRI = re.compile(r'[\s\x00-\x1f\x7f-\x9f<>"{}|\\^`\u200e\u200f\u202a-\u202e\u2066-\u2069]')
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
# XML Schema 1.1 Part 2 §3.3.7 dateTime; dateTimeStamp (§3.4.28) is the same with the
# time zone required (the expression VC DM 2.0 §5.8 reproduces).
_DATE_TIME = re.compile(
    r"(-?(?:[1-9][0-9]{3,}|0[0-9]{3}))-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
    r"T(?:([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9])(?:\.([0-9]+))?|24:00:00(?:\.0+)?)"
    r"(Z|[+-](?:(?:0[0-9]|1[0-3]):[0-5][0-9]|14:00))?"
)

# code: (VC DM 2.0 section, VC DM 1.1 section, English, Polish); {v} is the value shown
# fmt: off
_TEXT: dict[str, tuple[str, str, str, str]] = {
    "not_an_object": ("4.2", "", "the credential is not a JSON object",
                      "poświadczenie nie jest obiektem JSON"),
    "missing_context": ("4.3", "4.1", "the credential has no @context",
                        "poświadczenie nie ma właściwości @context"),
    "base_context_not_first": (
        "4.3", "4.1",
        f"the first @context must be {V2_CONTEXT} (VC 2.0) or {V1_CONTEXT} (VC 1.1), not {{v}}",
        f"pierwszym kontekstem (@context) musi być {V2_CONTEXT} (VC 2.0) lub {V1_CONTEXT} "
        "(VC 1.1), a nie {v}"),
    "context_not_url": ("4.3", "4.1", "the context {v} is not a URL",
                        "kontekst {v} nie jest adresem URL"),
    "context_item_invalid": ("4.3", "4.1", "a context must be a URL or an object, not {v}",
                             "kontekst musi być adresem URL albo obiektem, a nie: {v}"),
    "context_term_not_url": ("4.5", "4.3", "the context maps {term} to {v}, which is not a URL",
                             "kontekst wiąże termin {term} z {v}, co nie jest adresem URL"),
    "protected_term_redefined": (
        "5.2.1", "5.3.1", "the context redefines the protected term {term}",
        "kontekst zmienia definicję chronionego terminu {term}"),
    "id_not_url": ("4.4", "4.2",
                   "the id {v} is not a URL (an absolute URL such as https://…, did:… or "
                   "urn:uuid:…)",
                   "identyfikator (id) {v} nie jest adresem URL (bezwzględnym, np. https://…, "
                   "did:… lub urn:uuid:…)"),
    "id_not_single": ("4.4", "4.2", "the id must be one URL, not a list",
                      "identyfikator (id) musi być jednym adresem URL, a nie listą"),
    "missing_type": ("4.5", "4.3", "the credential has no type",
                     "poświadczenie nie ma typu (type)"),
    "missing_vc_type": ("4.5", "4.3", "the type does not include VerifiableCredential",
                        "typ (type) nie obejmuje VerifiableCredential"),
    "type_invalid": ("4.5", "4.3", "the type {v} is neither a term nor an absolute URL",
                     "typ {v} nie jest ani terminem, ani bezwzględnym adresem URL"),
    "type_unmapped": ("4.5", "4.3", "the type {v} is not defined by the credential's contexts",
                      "typ {v} nie jest zdefiniowany w kontekstach poświadczenia"),
    "text_not_string": ("4.6", "", "{what} must be a string or a language value object, not {v}",
                        "{what} musi być tekstem albo obiektem wartości językowej, a nie: {v}"),
    "malformed_language_value": (
        "11.1", "", "{what}: the language value object is wrong at {v}; it holds a string "
        "@value and, besides, only @language and @direction (ltr or rtl)",
        "{what}: błąd w obiekcie wartości językowej przy {v}; obiekt zawiera tekst w @value, "
        "a poza nim tylko @language i @direction (ltr lub rtl)"),
    "missing_issuer": ("4.7", "4.5", "the credential has no issuer",
                       "poświadczenie nie wskazuje wystawcy (issuer)"),
    "issuer_not_url": ("4.7", "4.5", "the issuer {v} is not a URL",
                       "wystawca (issuer) {v} nie jest adresem URL"),
    "issuer_without_id": ("4.7", "4.5", "the issuer object has no id",
                          "obiekt wystawcy (issuer) nie ma identyfikatora (id)"),
    "issuer_not_single": ("4.7", "4.5", "the issuer must be one URL or one object, not a list",
                          "wystawca (issuer) musi być jednym adresem URL lub jednym obiektem, "
                          "a nie listą"),
    "missing_subject": ("4.8", "4.4", "the credential has no credentialSubject",
                        "poświadczenie nie ma podmiotu (credentialSubject)"),
    "empty_subject": ("4.8", "4.4", "the credential subject makes no claim",
                      "podmiot poświadczenia (credentialSubject) nie zawiera żadnego twierdzenia"),
    "subject_not_object": ("4.8", "4.4", "the credential subject must be an object, not {v}",
                           "podmiot poświadczenia (credentialSubject) musi być obiektem, "
                           "a nie: {v}"),
    "malformed_date": ("4.9", "4.6",
                       "{v} is not an XML Schema date-time such as 2025-06-20T00:00:00Z",
                       "{v} nie jest datą i godziną w formacie XML Schema, np. "
                       "2025-06-20T00:00:00Z"),
    "date_without_timezone": ("4.9", "", "{v} has no time zone (Z or ±hh:mm), which VC 2.0 "
                              "requires (dateTimeStamp)",
                              "{v} nie ma strefy czasowej (Z lub ±gg:mm), której wymaga VC 2.0 "
                              "(dateTimeStamp)"),
    "valid_until_before_valid_from": (
        "4.9", "", "validUntil {v} is earlier than validFrom {start}",
        "data validUntil {v} jest wcześniejsza niż validFrom {start}"),
    "missing_issuance_date": ("", "4.6", "a VC 1.1 credential has no issuanceDate",
                              "poświadczenie VC 1.1 nie ma daty wydania (issuanceDate)"),
    "value_not_object": ("", "", "{what} must be an object, not {v}",
                         "{what} musi być obiektem, a nie: {v}"),
    "status_without_type": ("4.10", "4.9", "the credential status has no type",
                            "status poświadczenia (credentialStatus) nie ma typu (type)"),
    "status_without_id": ("", "4.9", "the credential status has no id (required by VC 1.1)",
                          "status poświadczenia (credentialStatus) nie ma identyfikatora (id), "
                          "którego wymaga VC 1.1"),
    "schema_without_type": ("4.11", "5.4", "the credential schema has no type",
                            "schemat poświadczenia (credentialSchema) nie ma typu (type)"),
    "schema_without_id": ("4.11", "5.4", "the credential schema has no id (the schema's URL)",
                          "schemat poświadczenia (credentialSchema) nie ma identyfikatora (id) "
                          "— adresu URL schematu"),
    "refresh_service_without_type": ("5.4", "5.5", "the refresh service has no type",
                                     "usługa odświeżania (refreshService) nie ma typu (type)"),
    "refresh_service_without_id": ("", "5.5", "the refresh service has no id (required by "
                                   "VC 1.1)", "usługa odświeżania (refreshService) nie ma "
                                   "identyfikatora (id), którego wymaga VC 1.1"),
    "terms_of_use_without_type": ("5.5", "5.6", "the terms of use have no type",
                                  "warunki użycia (termsOfUse) nie mają typu (type)"),
    "evidence_without_type": ("5.6", "5.7", "the evidence has no type",
                              "materiał dowodowy (evidence) nie ma typu (type)"),
    "proof_without_type": (_DI, "4.7", "the proof has no type",
                           "dowód kryptograficzny (proof) nie ma typu (type)"),
    "extension_without_type": ("5.10", "", "{what} has no type (a reserved extension point)",
                               "{what} nie ma typu (type), a jest zastrzeżonym punktem "
                               "rozszerzeń"),
    "related_resource_not_object": ("5.3", "", "a related resource must be an object with an id "
                                    "and a digest, not {v}",
                                    "powiązany zasób (relatedResource) musi być obiektem "
                                    "z identyfikatorem i skrótem, a nie: {v}"),
    "related_resource_without_id": ("5.3", "", "the related resource has no id",
                                    "powiązany zasób (relatedResource) nie ma identyfikatora "
                                    "(id)"),
    "related_resource_duplicate_id": ("5.3", "", "the related resource {v} is listed twice",
                                      "powiązany zasób {v} występuje dwukrotnie"),
    "related_resource_without_digest": ("5.3", "", "the related resource {v} has neither "
                                        "digestSRI nor digestMultibase",
                                        "powiązany zasób {v} nie ma ani digestSRI, ani "
                                        "digestMultibase"),
    "too_many_values": ("", "", f"more than {MAX_VALUES} values: the rest are not checked",
                        f"ponad {MAX_VALUES} wartości: pozostałych nie sprawdzono"),
}
# fmt: on

# the objects every credential may carry that must state their type (2.0 §4.5 table, 1.1
# §4.3 table), with the code of a missing type / id and the 2.0 and 1.1 sections
_TYPED: dict[str, tuple[str, str | None, str, str]] = {
    "credentialStatus": ("status_without_type", "status_without_id", "4.10", "4.9"),
    "credentialSchema": ("schema_without_type", "schema_without_id", "4.11", "5.4"),
    "refreshService": ("refresh_service_without_type", "refresh_service_without_id", "5.4", "5.5"),
    "termsOfUse": ("terms_of_use_without_type", None, "5.5", "5.6"),
    "evidence": ("evidence_without_type", None, "5.6", "5.7"),
    "proof": ("proof_without_type", None, _DI, "4.7"),
    "confidenceMethod": ("extension_without_type", None, "5.10", ""),
    "renderMethod": ("extension_without_type", None, "5.10", ""),
}
_ID_REQUIRED_IN = {"credentialSchema": ("2.0", "1.1"), "credentialStatus": ("1.1",),
                   "refreshService": ("1.1",)}  # fmt: skip


@dataclass(frozen=True)
class DataModelProblem:
    """One broken MUST: its ``code``, where (``credentialSubject[0].id``, ``$`` for the
    whole document), the reason in English (``en``) and Polish (``pl``), and the spec
    section (``VC DM 2.0 §4.4``)."""

    code: str
    path: str
    en: str
    pl: str
    section: str

    def text(self, lang: str = "en") -> str:
        """The reason in ``pl`` or ``en``."""
        return self.pl if lang == "pl" else self.en


class DataModelError(CredentialError):
    """A credential that breaks the VC data model; ``problems`` lists every problem."""

    code = "data_model_violation"
    description = "the credential does not follow the W3C Verifiable Credentials data model"

    def __init__(self, problems: Sequence[DataModelProblem]) -> None:
        self.problems = tuple(problems)
        lines = "; ".join(f"{p.path}: {p.en}" for p in self.problems)
        super().__init__(f"{self.description}: {lines}" if lines else None)


def ensure_data_model(document: Mapping[str, Any]) -> None:
    """Raise :class:`DataModelError` listing every problem :func:`data_model_problems`
    finds (for signers: a credential is refused before it is signed)."""
    problems = data_model_problems(document)
    if problems:
        raise DataModelError(problems)


def data_model_problems(document: Mapping[str, Any]) -> list[DataModelProblem]:
    """Every VC Data Model MUST that ``document`` breaks (VC 2.0, or 1.1 when its first
    context is the 1.1 base context); empty when it breaks none. Never raises."""
    found = _Found("2.0")
    if not isinstance(document, Mapping):
        found.add("not_an_object", "$")
        return found.problems
    items = _context_items(document.get("@context"))
    found.version = "1.1" if items and items[0] == V1_CONTEXT else "2.0"
    _check_contexts(document, items, found)
    if "id" in document:
        _check_id(document["id"], "id", found)
    _check_types(document, items, found)
    _check_issuer(document, found)
    _check_subjects(document, found)
    _check_dates(document, found)
    for name, (*_, sec11) in _TYPED.items():
        if name in document and (sec11 or found.version == "2.0"):
            _check_typed(name, document[name], found)
    if found.version == "2.0":
        _check_texts(document, found)
        if "relatedResource" in document:
            _check_related(document["relatedResource"], found)
    return found.problems


class _Found:
    """The problems found so far, at most :data:`MAX_PROBLEMS`."""

    def __init__(self, version: str) -> None:
        self.version = version
        self.problems: list[DataModelProblem] = []

    def add(self, code: str, path: str, value: Any = None, *, start: Any = None,
            section: str = "", what: str = "", term: str = "") -> None:  # fmt: skip
        if len(self.problems) >= MAX_PROBLEMS:
            return
        sec20, sec11, en, pl = _TEXT[code]
        number = section or (sec11 if self.version == "1.1" else sec20)
        (v_en, v_pl), (start_en, start_pl) = _show(value), _show(start)
        en = en.format(v=v_en, start=start_en, what=what, term=term)
        pl = pl.format(v=v_pl, start=start_pl, what=what, term=term)
        if not number[:1].isalpha():  # a section of this spec, else another spec's
            number = f"VC DM {self.version} §{number}" if number else f"VC DM {self.version}"
        self.problems.append(DataModelProblem(code, path, en, pl, number))


def _show(value: Any) -> tuple[str, str]:
    """A value as a reader sees it in a reason (EN, PL), short, whatever it is."""
    if isinstance(value, str):
        text = value if len(value) <= 80 else value[:77] + "…"
        return f"“{text}”", f"„{text}”"
    if value is None:
        return "null", "null"
    if isinstance(value, bool):
        return ("true", "true") if value else ("false", "false")
    if (isinstance(value, int) and abs(value) < 10**30) or isinstance(value, float):
        return repr(value), repr(value)
    if isinstance(value, Mapping):
        return "an object", "obiekt"
    if isinstance(value, list | tuple):
        return "a list", "lista"
    return "a value of another kind", "wartość innego rodzaju"


def _items(value: Any, path: str, found: _Found) -> Iterator[tuple[str, Any]]:
    """``value`` read as a list (one value or a list), each with its path; a list longer
    than :data:`MAX_VALUES` is reported and cut."""
    if not isinstance(value, list):
        yield path, value
        return
    if len(value) > MAX_VALUES:
        found.add("too_many_values", path)
    for index, item in enumerate(islice(value, MAX_VALUES)):
        yield f"{path}[{index}]", item


def _key(path: str, key: str) -> str:
    simple = re.fullmatch(r"[A-Za-z_@$][\w@$\-]*", key) is not None
    return f"{path}.{key}" if simple else f'{path}["{key[:40]}"]'


def is_url(value: Any) -> bool:
    """An absolute URL (RFC 3986 §4.3, as an IRI: letters of any script are fine):
    ``https://…``, ``did:…``, ``urn:uuid:…``; no whitespace, no characters an IRI
    cannot hold, well-formed percent escapes, at most one ``#``."""
    return (
        isinstance(value, str)
        and _SCHEME.match(value) is not None
        and _NOT_IN_IRI.search(value) is None
        and _BAD_PERCENT.search(value) is None
        and value.count("#") <= 1
    )


# --- §4.3 contexts, §5.2.1 protected terms ------------------------------------------


def _context_items(value: Any) -> list[Any]:
    if isinstance(value, list):
        return value[:MAX_VALUES]
    return [] if value is None else [value]


def _check_contexts(document: Mapping[str, Any], items: list[Any], found: _Found) -> None:
    raw = document.get("@context")
    if raw is None or items == []:
        found.add("missing_context", "@context")
        return
    if isinstance(raw, list) and len(raw) > MAX_VALUES:
        found.add("too_many_values", "@context")
    indexed = isinstance(raw, list)
    protected: dict[str, Any] = {}  # term -> its protected definition
    for index, item in enumerate(items):
        path = f"@context[{index}]" if indexed else "@context"
        if index == 0 and item not in (V2_CONTEXT, V1_CONTEXT):
            found.add("base_context_not_first", path, item)
        if isinstance(item, str):
            if not is_url(item):
                found.add("context_not_url", path, item)
            else:
                protected |= _protected_terms(item)
        elif isinstance(item, Mapping):
            _check_inline_context(item, path, protected, found)
        elif index > 0:
            found.add("context_item_invalid", path, item)


def _protected_terms(url: str) -> dict[str, Any]:
    """The protected terms of a pinned context (none for any other URL)."""
    body = _pinned_body(url)
    if body is None:
        return {}
    everything = body.get("@protected") is True
    return {
        term: _definition(value)
        for term, value in body.items()
        if not term.startswith("@")
        and (everything or (isinstance(value, Mapping) and value.get("@protected") is True))
    }


def _pinned_body(url: str) -> Mapping[str, Any] | None:
    if url not in contexts.PINNED:
        return None
    try:
        body = contexts.load(url).get("@context")
    except CredentialError:
        return None
    return body if isinstance(body, Mapping) else None


def _definition(value: Any) -> Any:
    """A term definition in one form, to compare two (JSON-LD 1.1 §4.1.11)."""
    if isinstance(value, str):
        return {"@id": value}
    if isinstance(value, Mapping):
        return {k: v for k, v in value.items() if k != "@protected"}
    return value


def _same(first: Any, second: Any) -> bool:
    """``first == second`` for JSON values, without recursion: values of more than
    :data:`MAX_VALUES` nodes count as different."""
    pairs = [(first, second)]
    for _ in range(MAX_VALUES):
        if not pairs:
            return True
        a, b = pairs.pop()
        if isinstance(a, Mapping) and isinstance(b, Mapping):
            if a.keys() != b.keys():
                return False
            pairs.extend((a[key], b[key]) for key in a)
        elif isinstance(a, list) and isinstance(b, list):
            if len(a) != len(b):
                return False
            pairs.extend(zip(a, b, strict=True))
        elif isinstance(a, Mapping | list) or isinstance(b, Mapping | list) or a != b:
            return False
    return not pairs


def _check_inline_context(
    context: Mapping[str, Any], path: str, protected: dict[str, Any], found: _Found
) -> None:
    everything = context.get("@protected") is True
    vocab = context.get("@vocab")
    if isinstance(vocab, str) and _NOT_IN_IRI.search(vocab):
        found.add("context_term_not_url", _key(path, "@vocab"), vocab, term="@vocab")
    for term, value in islice(context.items(), MAX_VALUES):
        if not isinstance(term, str) or term.startswith("@"):
            continue
        if term in protected and not _same(_definition(value), protected[term]):
            found.add("protected_term_redefined", _key(path, term), term=term[:40])
        target = value.get("@id") if isinstance(value, Mapping) else value
        if (
            isinstance(target, str)
            and not target.startswith("@")
            and (_NOT_IN_IRI.search(target) or target.startswith(":"))
        ):
            found.add("context_term_not_url", _key(path, term), target, term=term[:40])
        if everything or (isinstance(value, Mapping) and value.get("@protected") is True):
            protected[term] = _definition(value)


# --- §4.4 identifiers, §4.5 types -------------------------------------------------


def _check_id(value: Any, path: str, found: _Found) -> None:
    if isinstance(value, list):
        found.add("id_not_single", path)
    elif not is_url(value):
        found.add("id_not_url", path, value)


def _type_values(node: Mapping[str, Any], path: str, found: _Found) -> list[str]:
    """The valid type strings of ``node``; every value that is neither a term nor an
    absolute URL is reported."""
    types: list[str] = []
    for where, value in _items(node.get("type"), _key(path, "type") if path else "type", found):
        if (
            isinstance(value, str)
            and value
            and not _NOT_IN_IRI.search(value)
            and not value.startswith((":", "@"))
        ):
            types.append(value)
        else:
            found.add("type_invalid", where, value)
    return types


def _check_types(document: Mapping[str, Any], items: list[Any], found: _Found) -> None:
    if document.get("type") in (None, []):
        found.add("missing_type", "type")
        return
    types = _type_values(document, "", found)
    if types and not _VC_TYPES.intersection(types):
        found.add("missing_vc_type", "type")
    terms, vocab, known = _top_level_terms(items)
    if known and not vocab:
        for index, value in enumerate(types):
            if ":" not in value and value not in terms:
                path = f"type[{index}]" if isinstance(document.get("type"), list) else "type"
                found.add("type_unmapped", path, value)


def _top_level_terms(items: list[Any]) -> tuple[set[str], bool, bool]:
    """The terms the contexts define at their top level, whether a ``@vocab`` maps every
    other term, and whether every context was known (pinned or inline)."""
    terms: set[str] = set()
    vocab = False
    if not items:
        return terms, vocab, False
    for item in items:
        body = _pinned_body(item) if isinstance(item, str) else item
        if not isinstance(body, Mapping):
            return terms, vocab, False
        if "@vocab" in body:
            vocab = body["@vocab"] is not None
        terms.update(t for t in islice(body, MAX_VALUES) if isinstance(t, str))
    return terms, vocab, True


# --- §4.7 issuer, §4.8 credential subject -----------------------------------------


def _check_issuer(document: Mapping[str, Any], found: _Found) -> None:
    if "issuer" not in document:
        found.add("missing_issuer", "issuer")
        return
    issuer = document["issuer"]
    if isinstance(issuer, list):
        found.add("issuer_not_single", "issuer")
    elif isinstance(issuer, Mapping):
        if "id" not in issuer:
            found.add("issuer_without_id", "issuer")
        elif isinstance(issuer["id"], list):
            found.add("id_not_single", "issuer.id")
        elif not is_url(issuer["id"]):
            found.add("issuer_not_url", "issuer.id", issuer["id"])
    elif not is_url(issuer):
        found.add("issuer_not_url", "issuer", issuer)


def _check_subjects(document: Mapping[str, Any], found: _Found) -> None:
    if "credentialSubject" not in document:
        found.add("missing_subject", "credentialSubject")
        return
    subjects = document["credentialSubject"]
    if subjects == []:
        found.add("empty_subject", "credentialSubject")
    for path, subject in _items(subjects, "credentialSubject", found):
        if not isinstance(subject, Mapping):
            found.add("subject_not_object", path, subject)
        elif not any(key != "@context" for key in subject):
            found.add("empty_subject", path)
        elif "id" in subject:
            _check_id(subject["id"], _key(path, "id"), found)


# --- §4.9 validity period, §5.8 time; VC 1.1 §4.6, §4.8 ---------------------------


def _check_dates(document: Mapping[str, Any], found: _Found) -> None:
    v2 = found.version == "2.0"
    moments: dict[str, Fraction] = {}
    names = ["validFrom", "validUntil"] if v2 else [
        "issuanceDate", "expirationDate", "validFrom", "validUntil"]  # fmt: skip
    for name in names:
        if name not in document:
            continue
        value = document[name]
        moment, has_zone = _moment(value)
        if moment is None:
            found.add("malformed_date", name, value)
            continue
        if v2 and not has_zone:
            found.add("date_without_timezone", name, value)
        moments[name] = moment
    # VC 1.1 §4.6; EDCs issued under ELM 3 state validFrom instead, as §4.6 foresaw
    if not v2 and "issuanceDate" not in document and "validFrom" not in document:
        found.add("missing_issuance_date", "issuanceDate")
    start, end = moments.get("validFrom"), moments.get("validUntil")
    if start is not None and end is not None and end < start:
        found.add("valid_until_before_valid_from", "validUntil", document["validUntil"],
                  start=document["validFrom"])  # fmt: skip


def _moment(value: Any) -> tuple[Fraction | None, bool]:
    """An XML Schema dateTime as seconds since 1970 UTC (no time zone: read as UTC, §5.8)
    and whether it had a time zone; None if it is not one."""
    if not isinstance(value, str) or len(value) > _MAX_DATE_LENGTH:
        return None, False
    match = _DATE_TIME.fullmatch(value)
    if match is None:
        return None, False
    year, month, day = int(match[1]), int(match[2]), int(match[3])
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    if (month == 2 and day > (29 if leap else 28)) or (month in (4, 6, 9, 11) and day > 30):
        return None, False
    if match[4] is None:  # 24:00:00 is the first moment of the next day
        seconds = 86_400
    else:
        seconds = int(match[4]) * 3600 + int(match[5]) * 60 + int(match[6])
    zone = match[8]
    if zone and zone != "Z":
        offset = int(zone[1:3]) * 3600 + int(zone[4:6]) * 60
        seconds -= offset if zone[0] == "+" else -offset
    fraction = Fraction(int(match[7]), 10 ** len(match[7])) if match[7] else Fraction(0)
    return _days(year, month, day) * 86_400 + seconds + fraction, zone is not None


def _days(year: int, month: int, day: int) -> int:
    """Days from 1970-01-01 in the proleptic Gregorian calendar (any year)."""
    year -= month <= 2
    era = year // 400
    year_of_era = year - era * 400
    day_of_year = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    return era * 146_097 + day_of_era - 719_468


# --- §4.10–4.11, §5.4–5.6, §5.10 (VC 1.1 §4.7, §4.9, §5.4–5.7): typed objects --------


def _check_typed(name: str, value: Any, found: _Found) -> None:
    no_type, no_id, sec20, sec11 = _TYPED[name]
    section = sec11 if found.version == "1.1" else sec20
    for path, item in _items(value, name, found):
        if not isinstance(item, Mapping):
            found.add("value_not_object", path, item, section=section, what=name)
            continue
        if item.get("type") in (None, []):
            found.add(no_type, _key(path, "type"), what=name)
        else:
            _type_values(item, path, found)
        if "id" in item:
            _check_id(item["id"], _key(path, "id"), found)
        elif no_id and found.version in _ID_REQUIRED_IN.get(name, ()):
            found.add(no_id, _key(path, "id"))


# --- §4.6 names and descriptions, §11.1 language value objects ----------------------


def _check_texts(document: Mapping[str, Any], found: _Found) -> None:
    issuer = document.get("issuer")
    for node, path in ((document, ""), (issuer, "issuer")):
        if not isinstance(node, Mapping):
            continue
        for name in ("name", "description"):
            if name in node:
                where = _key(path, name) if path else name
                for item_path, item in _items(node[name], where, found):
                    _check_text(item, item_path, found)


def _check_text(value: Any, path: str, found: _Found) -> None:
    if isinstance(value, str):
        return
    if not isinstance(value, Mapping) or not set(islice(value, 8)) & _LANGUAGE_KEYS:
        found.add("text_not_string", path, value, what=path)
        return
    extra = sorted(str(key) for key in islice(value, 8) if key not in _LANGUAGE_KEYS)
    if extra:
        found.add("malformed_language_value", path, extra[0], what=path)
    elif not isinstance(value.get("@value"), str):
        found.add("malformed_language_value", path, "@value", what=path)
    elif "@language" in value and not isinstance(value["@language"], str):
        found.add("malformed_language_value", path, "@language", what=path)
    elif "@direction" in value and value["@direction"] not in ("ltr", "rtl", None):
        found.add("malformed_language_value", path, "@direction", what=path)


# --- §5.3 integrity of related resources -----------------------------------------


def _check_related(value: Any, found: _Found) -> None:
    seen: set[str] = set()
    for path, item in _items(value, "relatedResource", found):
        if not isinstance(item, Mapping):
            found.add("related_resource_not_object", path, item)
            continue
        resource = item.get("id")
        if "id" not in item:
            found.add("related_resource_without_id", path)
        else:
            _check_id(resource, _key(path, "id"), found)
        if isinstance(resource, str):
            if resource in seen:
                found.add("related_resource_duplicate_id", _key(path, "id"), resource)
            seen.add(resource)
        if "digestSRI" not in item and "digestMultibase" not in item:
            found.add("related_resource_without_digest", path, resource)
