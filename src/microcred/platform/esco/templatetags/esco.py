"""Template tags of ESCO concepts: ``{% esco_label concept %}`` (the label in the page's
language, English marked as such when ESCO has no Polish one) and ``{% esco_chosen uris
as chosen %}`` (the skill picker's chosen URIs with their labels)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from ...core.language import current_language
from ..models import Occupation, Skill
from ..selectors import skills_by_uris

register = template.Library()


def labelled(text: str, text_lang: str, lang: str) -> SafeString:
    """``text`` marked up in its language, with a visible ``EN`` when it is not in the
    page's language ``lang`` (ESCO has Polish labels for part of its concepts only)."""
    if text_lang == lang:
        return format_html("{}", text)
    return format_html(
        '<span lang="{}">{}</span> <abbr class="esco-lang" title="{}">{}</abbr>',
        text_lang, text, _("No Polish label in ESCO: shown in English"), text_lang.upper(),
    )  # fmt: skip


@register.simple_tag
def esco_label(concept: Skill | Occupation) -> SafeString:
    lang = current_language()
    return labelled(*concept.label(lang), lang)


@register.simple_tag
def esco_plain(concept: Skill | Occupation) -> str:
    """The label alone, as text (an attribute, a title)."""
    return concept.label(current_language())[0]


@register.simple_tag
def esco_description(concept: Skill | Occupation) -> SafeString:
    lang = current_language()
    text, text_lang = concept.description(lang)
    if not text:
        return format_html("")
    return format_html('<p lang="{}">{}</p>', text_lang, text)


@dataclass(frozen=True)
class Chosen:
    """A URI the picker holds, with its skill when ESCO has it."""

    uri: str
    skill: Skill | None


@register.simple_tag
def esco_chosen(uris: Iterable[str] | str | None) -> list[Chosen]:
    """``uris`` (a list, or text with one a line) as the picker shows them."""
    if isinstance(uris, str):
        uris = uris.split()
    wanted = list(dict.fromkeys(u for u in (uris or []) if u))
    found = skills_by_uris(wanted)
    return [Chosen(uri, found.get(uri)) for uri in wanted]
