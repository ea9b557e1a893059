"""Bake a credential into an SVG and extract it (Open Badges 3.0 §5.3.2).

The credential goes into one ``<openbadges:credential>`` element (namespace
``https://purl.imsglobal.org/ob/v3p0``) as the root's first child. SVG is parsed with
defusedxml with DTDs forbidden — no entity expansion, no external resources — so a
hostile badge cannot expand or fetch anything.
"""

from __future__ import annotations

__all__ = ["NAMESPACE", "bake_svg", "extract_svg"]

import xml.etree.ElementTree as ET

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from ..errors import BakingError

NAMESPACE = "https://purl.imsglobal.org/ob/v3p0"
_SVG = "http://www.w3.org/2000/svg"
_TAG = f"{{{NAMESPACE}}}credential"


def _parse(image: bytes | str) -> ET.Element:
    try:
        root: ET.Element = fromstring(image, forbid_dtd=True, forbid_entities=True,
                                      forbid_external=True)  # fmt: skip
    except DefusedXmlException as exc:
        raise BakingError(f"unsafe SVG refused: {type(exc).__name__}", code="unsafe_svg") from None
    except ET.ParseError as exc:
        raise BakingError(f"malformed SVG: {exc}") from None
    if root.tag not in (f"{{{_SVG}}}svg", "svg"):
        raise BakingError("not an SVG image (the root is not <svg>)")
    return root


def bake_svg(image: bytes | str, credential: str) -> bytes:
    """``image`` with ``credential`` baked in; a credential already there is replaced."""
    root = _parse(image)
    for old in root.findall(_TAG):
        root.remove(old)
    element = ET.Element(_TAG)
    element.text = credential
    root.insert(0, element)
    ET.register_namespace("", _SVG)
    ET.register_namespace("openbadges", NAMESPACE)
    baked: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return baked


def extract_svg(image: bytes | str) -> str:
    """The baked credential text; :class:`BakingError` if none or several."""
    found = list(_parse(image).iter(_TAG))
    if not found:
        raise BakingError("the SVG has no openbadges:credential element", code="no_credential")
    if len(found) > 1:
        raise BakingError(f"the SVG has {len(found)} credentials; exactly one is allowed",
                          code="multiple_credentials")  # fmt: skip
    text = (found[0].text or "").strip()
    if not text:
        raise BakingError("the openbadges:credential element is empty", code="no_credential")
    return text
