"""Bake a credential into an SVG and extract it (Open Badges 3.0 §5.3.2 "SVG").

The credential goes into one ``<openbadges:credential>`` element (namespace
``https://purl.imsglobal.org/ob/v3p0``), the root's first child (§5.3.2.1 "Baking"). A
VC-JWT goes into its ``verify`` attribute; a credential with an embedded proof (JSON) is
the element's text::

    <svg xmlns="http://www.w3.org/2000/svg"
         xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0" viewBox="0 0 512 512">
      <openbadges:credential verify="eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJkaWQ6...In0.c2ln"/>
      <!-- or, for JSON: <openbadges:credential>{"@context": ...}</openbadges:credential> -->
      <circle .../>
    </svg>

Extraction (§5.3.2.2) reads either form; text and a ``verify`` attribute that disagree
are refused (``ambiguous_credential``).

The SVG is parsed with defusedxml over expat, which opens no file or URL by itself and
asks for an external entity only through a handler that defusedxml makes refuse. A DOCTYPE
that only names an external DTD — the line design tools write,
``<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/.../svg11.dtd">`` — is
accepted and that DTD is never read (``PUBLIC`` without the system literal is not
well-formed XML, XML 1.0 §4.2.2 [75], and is refused as malformed). Refused as
``unsafe_svg``: any entity declaration, general or parameter (defusedxml's
``forbid_entities``); any external entity (``forbid_external``); a reference to an entity
only the unread DTD could declare; and any internal subset ``[...]``, even one without
entities — an ``<!ATTLIST openbadges:credential verify CDATA "...">`` there would give the
element a default ``verify`` attribute that is not in its bytes, and defusedxml has no
guard for attribute-list declarations.
"""

from __future__ import annotations

__all__ = ["NAMESPACE", "bake_svg", "extract_svg"]

import xml.etree.ElementTree as ET

from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden
from defusedxml.ElementTree import DefusedXMLParser

from ..errors import BakingError
from ..formats import JWT_SHAPE

NAMESPACE = "https://purl.imsglobal.org/ob/v3p0"
_SVG = "http://www.w3.org/2000/svg"
_TAG = f"{{{NAMESPACE}}}credential"


def _refuse_internal_subset(
    name: str, sysid: str | None, pubid: str | None, has_internal_subset: bool
) -> None:
    # expat reports whether the DOCTYPE has a [...] subset, so no DOCTYPE text is
    # scanned by hand here; a comment or CDATA that merely looks like one is not a DOCTYPE.
    if has_internal_subset:
        raise DTDForbidden(name, sysid, pubid)


def _refuse_skipped_entity(name: str, is_parameter_entity: bool) -> None:
    # Only called for a reference whose declaration would be in the external DTD, which
    # is never read; expat would otherwise pass it on silently.
    raise EntitiesForbidden(name, None, None, None, None, None)


def _parse(image: bytes | str) -> ET.Element:
    parser = DefusedXMLParser(target=ET.TreeBuilder(), forbid_dtd=False,
                              forbid_entities=True, forbid_external=True)  # fmt: skip
    parser.parser.StartDoctypeDeclHandler = _refuse_internal_subset
    parser.parser.SkippedEntityHandler = _refuse_skipped_entity
    try:
        parser.feed(image)
        root: ET.Element = parser.close()
    except DefusedXmlException as exc:
        raise BakingError(f"unsafe SVG refused: {type(exc).__name__}", code="unsafe_svg") from None
    except ET.ParseError as exc:
        raise BakingError(f"malformed SVG: {exc}") from None
    if root.tag not in (f"{{{_SVG}}}svg", "svg"):
        raise BakingError("not an SVG image (the root is not <svg>)")
    return root


def bake_svg(image: bytes | str, credential: str) -> bytes:
    """``image`` with ``credential`` baked in; a credential already there is replaced.

    A compact JWS (VC-JWT) is written into the ``verify`` attribute, as §5.3.2.1 requires;
    anything else (JSON) is the element's text. The image is re-serialised from the
    parsed tree, so its DOCTYPE, comments and processing instructions are not kept.
    """
    root = _parse(image)
    for old in root.findall(_TAG):
        root.remove(old)
    element = ET.Element(_TAG)
    if JWT_SHAPE.match(credential.strip().encode("utf-8")):
        element.set("verify", credential.strip())
    else:
        element.text = credential
    root.insert(0, element)
    ET.register_namespace("", _SVG)
    ET.register_namespace("openbadges", NAMESPACE)
    baked: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return baked


def extract_svg(image: bytes | str) -> str:
    """The baked credential: the ``verify`` attribute if present, else the element's text.

    :class:`BakingError` if there is no credential, several, or an attribute and a text
    that differ.
    """
    found = list(_parse(image).iter(_TAG))
    if not found:
        raise BakingError("the SVG has no openbadges:credential element", code="no_credential")
    if len(found) > 1:
        raise BakingError(f"the SVG has {len(found)} credentials; exactly one is allowed",
                          code="multiple_credentials")  # fmt: skip
    text = "".join(found[0].itertext()).strip()
    verify = (found[0].get("verify") or "").strip()
    if verify and text and verify != text:
        raise BakingError("the openbadges:credential element has a verify attribute and a "
                          "different text; which is the credential is ambiguous",
                          code="ambiguous_credential")  # fmt: skip
    if not (verify or text):
        raise BakingError("the openbadges:credential element is empty", code="no_credential")
    return verify or text
