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

from ...standard.messages import Message
from ._contexts import _check_contexts, _context_items, _top_level_terms
from ._values import _NOT_IN_IRI, _moment, is_url
from .constants import V1_CONTEXT
from .messages import (
    DATE_WITHOUT_TIMEZONE,
    EMPTY_SUBJECT,
    EVIDENCE_WITHOUT_TYPE,
    EXTENSION_WITHOUT_TYPE,
    ID_NOT_SINGLE,
    ID_NOT_URL,
    ISSUER_NOT_SINGLE,
    ISSUER_NOT_URL,
    ISSUER_WITHOUT_ID,
    MALFORMED_DATE,
    MALFORMED_LANGUAGE_VALUE,
    MISSING_ISSUANCE_DATE,
    MISSING_ISSUER,
    MISSING_SUBJECT,
    MISSING_TYPE,
    MISSING_VC_TYPE,
    NOT_AN_OBJECT,
    PROOF_WITHOUT_TYPE,
    REFRESH_SERVICE_WITHOUT_ID,
    REFRESH_SERVICE_WITHOUT_TYPE,
    RELATED_RESOURCE_DUPLICATE_ID,
    RELATED_RESOURCE_NOT_OBJECT,
    RELATED_RESOURCE_WITHOUT_DIGEST,
    RELATED_RESOURCE_WITHOUT_ID,
    SCHEMA_WITHOUT_ID,
    SCHEMA_WITHOUT_TYPE,
    STATUS_WITHOUT_ID,
    STATUS_WITHOUT_TYPE,
    SUBJECT_NOT_OBJECT,
    TERMS_OF_USE_WITHOUT_TYPE,
    TEXT_NOT_STRING,
    TYPE_INVALID,
    TYPE_UNMAPPED,
    VALID_UNTIL_BEFORE_VALID_FROM,
    VALUE_NOT_OBJECT,
)
from .problems import DataModelError, DataModelProblem, _Found, _items, _key

_VC_TYPES = frozenset(
    {"VerifiableCredential", "https://www.w3.org/2018/credentials#VerifiableCredential"}
)
_LANGUAGE_KEYS = frozenset({"@value", "@language", "@direction"})

# the objects every credential may carry that must state their type (2.0 §4.5 table, 1.1
# §4.3 table), with the message of a missing type and of a missing id; a rule applies in
# the versions that have a section for it (``messages.SECTIONS``): confidenceMethod and
# renderMethod are 2.0 only, an id is required on every credentialSchema but on a
# credentialStatus and refreshService only in 1.1
_TYPED: dict[str, tuple[Message, Message | None]] = {
    "credentialStatus": (STATUS_WITHOUT_TYPE, STATUS_WITHOUT_ID),
    "credentialSchema": (SCHEMA_WITHOUT_TYPE, SCHEMA_WITHOUT_ID),
    "refreshService": (REFRESH_SERVICE_WITHOUT_TYPE, REFRESH_SERVICE_WITHOUT_ID),
    "termsOfUse": (TERMS_OF_USE_WITHOUT_TYPE, None),
    "evidence": (EVIDENCE_WITHOUT_TYPE, None),
    "proof": (PROOF_WITHOUT_TYPE, None),
    "confidenceMethod": (EXTENSION_WITHOUT_TYPE, None),
    "renderMethod": (EXTENSION_WITHOUT_TYPE, None),
}


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
        found.add(NOT_AN_OBJECT, "$")
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
    for name, (no_type, _) in _TYPED.items():
        if name in document and found.section(no_type):
            _check_typed(name, document[name], found)
    if found.version == "2.0":
        _check_texts(document, found)
        if "relatedResource" in document:
            _check_related(document["relatedResource"], found)
    return found.problems


# --- §4.4 identifiers, §4.5 types -------------------------------------------------


def _check_id(value: Any, path: str, found: _Found) -> None:
    if isinstance(value, list):
        found.add(ID_NOT_SINGLE, path)
    elif not is_url(value):
        found.add(ID_NOT_URL, path, value)


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
            found.add(TYPE_INVALID, where, value)
    return types


def _check_types(document: Mapping[str, Any], items: list[Any], found: _Found) -> None:
    if document.get("type") in (None, []):
        found.add(MISSING_TYPE, "type")
        return
    types = _type_values(document, "", found)
    if types and not _VC_TYPES.intersection(types):
        found.add(MISSING_VC_TYPE, "type")
    terms, vocab, known = _top_level_terms(items)
    if known and not vocab:
        for index, value in enumerate(types):
            if ":" not in value and value not in terms:
                path = f"type[{index}]" if isinstance(document.get("type"), list) else "type"
                found.add(TYPE_UNMAPPED, path, value)


# --- §4.7 issuer, §4.8 credential subject -----------------------------------------


def _check_issuer(document: Mapping[str, Any], found: _Found) -> None:
    if "issuer" not in document:
        found.add(MISSING_ISSUER, "issuer")
        return
    issuer = document["issuer"]
    if isinstance(issuer, list):
        found.add(ISSUER_NOT_SINGLE, "issuer")
    elif isinstance(issuer, Mapping):
        if "id" not in issuer:
            found.add(ISSUER_WITHOUT_ID, "issuer")
        elif isinstance(issuer["id"], list):
            found.add(ID_NOT_SINGLE, "issuer.id")
        elif not is_url(issuer["id"]):
            found.add(ISSUER_NOT_URL, "issuer.id", issuer["id"])
    elif not is_url(issuer):
        found.add(ISSUER_NOT_URL, "issuer", issuer)


def _check_subjects(document: Mapping[str, Any], found: _Found) -> None:
    if "credentialSubject" not in document:
        found.add(MISSING_SUBJECT, "credentialSubject")
        return
    subjects = document["credentialSubject"]
    if subjects == []:
        found.add(EMPTY_SUBJECT, "credentialSubject")
    for path, subject in _items(subjects, "credentialSubject", found):
        if not isinstance(subject, Mapping):
            found.add(SUBJECT_NOT_OBJECT, path, subject)
        elif not any(key != "@context" for key in subject):
            found.add(EMPTY_SUBJECT, path)
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
            found.add(MALFORMED_DATE, name, value)
            continue
        if v2 and not has_zone:
            found.add(DATE_WITHOUT_TIMEZONE, name, value)
        moments[name] = moment
    # VC 1.1 §4.6; EDCs issued under ELM 3 state validFrom instead, as §4.6 foresaw
    if not v2 and "issuanceDate" not in document and "validFrom" not in document:
        found.add(MISSING_ISSUANCE_DATE, "issuanceDate")
    start, end = moments.get("validFrom"), moments.get("validUntil")
    if start is not None and end is not None and end < start:
        found.add(VALID_UNTIL_BEFORE_VALID_FROM, "validUntil", document["validUntil"],
                  start=document["validFrom"])  # fmt: skip


# --- §4.10–4.11, §5.4–5.6, §5.10 (VC 1.1 §4.7, §4.9, §5.4–5.7): typed objects --------


def _check_typed(name: str, value: Any, found: _Found) -> None:
    no_type, no_id = _TYPED[name]
    section = found.section(no_type)
    for path, item in _items(value, name, found):
        if not isinstance(item, Mapping):
            found.add(VALUE_NOT_OBJECT, path, item, section=section, what=name)
            continue
        if item.get("type") in (None, []):
            found.add(no_type, _key(path, "type"), what=name)
        else:
            _type_values(item, path, found)
        if "id" in item:
            _check_id(item["id"], _key(path, "id"), found)
        elif no_id and found.section(no_id):
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
        found.add(TEXT_NOT_STRING, path, value, what=path)
        return
    extra = sorted(str(key) for key in islice(value, 8) if key not in _LANGUAGE_KEYS)
    if extra:
        found.add(MALFORMED_LANGUAGE_VALUE, path, extra[0], what=path)
    elif not isinstance(value.get("@value"), str):
        found.add(MALFORMED_LANGUAGE_VALUE, path, "@value", what=path)
    elif "@language" in value and not isinstance(value["@language"], str):
        found.add(MALFORMED_LANGUAGE_VALUE, path, "@language", what=path)
    elif "@direction" in value and value["@direction"] not in ("ltr", "rtl", None):
        found.add(MALFORMED_LANGUAGE_VALUE, path, "@direction", what=path)


# --- §5.3 integrity of related resources -----------------------------------------


def _check_related(value: Any, found: _Found) -> None:
    seen: set[str] = set()
    for path, item in _items(value, "relatedResource", found):
        if not isinstance(item, Mapping):
            found.add(RELATED_RESOURCE_NOT_OBJECT, path, item)
            continue
        resource = item.get("id")
        if "id" not in item:
            found.add(RELATED_RESOURCE_WITHOUT_ID, path)
        else:
            _check_id(resource, _key(path, "id"), found)
        if isinstance(resource, str):
            if resource in seen:
                found.add(RELATED_RESOURCE_DUPLICATE_ID, _key(path, "id"), resource)
            seen.add(resource)
        if "digestSRI" not in item and "digestMultibase" not in item:
            found.add(RELATED_RESOURCE_WITHOUT_DIGEST, path, resource)
