"""The Polish translation is whole: every text of the pages has a Polish msgstr, none is
fuzzy, and the committed .mo (nothing is compiled at install) says what the .po says."""

from __future__ import annotations

import re
from pathlib import Path

from django.utils import translation

import microcred.platform

PO = Path(microcred.platform.__file__).parent / "locale" / "pl" / "LC_MESSAGES" / "django.po"


def _entries() -> list[tuple[str, str, bool]]:
    def text(block: str) -> str:
        return "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', block)).replace('\\"', '"')

    entries = []
    for chunk in PO.read_text(encoding="utf-8").split("\n\n"):
        found = re.search(r"(?ms)^msgid (.*?)\nmsgstr (.*)$", chunk)
        if found and text(found.group(1)):
            entries.append((text(found.group(1)), text(found.group(2)), "#, fuzzy" in chunk))
    return entries


def test_every_text_has_a_polish_translation() -> None:
    entries = _entries()
    assert len(entries) > 50
    assert [msgid for msgid, msgstr, fuzzy in entries if not msgstr or fuzzy] == []


def test_the_compiled_catalogue_matches_the_po_file() -> None:
    with translation.override("pl"):
        stale = [
            msgid
            for msgid, msgstr, _ in _entries()
            if translation.gettext(msgid.replace("\\n", "\n")) != msgstr.replace("\\n", "\n")
        ]
    assert stale == [], "run msgfmt -o django.mo django.po in locale/pl/LC_MESSAGES"
