"""The checks, member by member, and the two entry points: :func:`data_model_problems`
lists every MUST a document breaks (VC DM 2.0, or 1.1 when its first context is the 1.1
base context) and :func:`ensure_data_model` raises them for signers. Covers 2.0 §4.4
identifiers, §4.5 types, §4.6 names and descriptions with §11.1 language value objects,
§4.7 issuer, §4.8 credential subject, §4.9 validity period, §4.10–§4.11, §5.4–§5.6 and
§5.10 typed objects, §5.3 related resources (1.1 §4.2–§4.9, §5.4–§5.7); the contexts are
checked in ``_contexts``, URLs and dates read in ``_values``."""

from __future__ import annotations

__all__ = ["data_model_problems", "ensure_data_model"]

from collections.abc import Mapping
from fractions import Fraction
from itertools import islice
from typing import Any

from ._contexts import _check_contexts, _context_items, _top_level_terms
from ._messages import _DI
from ._values import _NOT_IN_IRI, _moment, is_url
from .constants import V1_CONTEXT
from .problems import DataModelError, DataModelProblem, _Found, _items, _key

_VC_TYPES = frozenset(
    {"VerifiableCredential", "https://www.w3.org/2018/credentials#VerifiableCredential"}
)
_LANGUAGE_KEYS = frozenset({"@value", "@language", "@direction"})

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
