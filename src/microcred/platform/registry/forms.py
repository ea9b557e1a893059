"""The registry's search parameters, read and checked once for the page and the API:
``q``, ``eqf`` (one or many), ``ects_min``, ``ects_max``, ``isced``, ``participation``,
``language``, ``country``, ``provider`` (number or slug), ``esco`` (skill URI), ``sort``,
``page``. The vocabularies are the standard layer's."""

from __future__ import annotations

__all__ = ["SORTS", "SearchForm"]

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from pydantic import TypeAdapter, ValidationError

from ...standard.elements.outcomes import EscoSkillUri
from ...standard.vocab import Country, FormOfParticipation, IscedField, Language
from ..core.errors import InvalidInputError
from ..core.language import current_language
from ..esco.models import Collection
from . import messages as m
from .selectors import SearchParams, provider_by_key

SORTS = {
    "relevance": _("Relevance"),
    "title": _("Title"),
    "newest": _("Newest"),
    "ects": _("ECTS credits"),
    "eqf": _("EQF level"),
}
_ESCO = TypeAdapter(EscoSkillUri)
#: the highest page number asked for (20 results each)
MAX_PAGE = 5000


def _choices(vocabulary: Any, lang: str) -> list[tuple[str, str]]:
    return [("", "—"), *((str(c), f"{c.label(lang)}") for c in vocabulary)]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Words to search for"), max_length=200, required=False)
    eqf = forms.TypedMultipleChoiceField(
        label=_("EQF level"), coerce=int, required=False,
        choices=[(n, str(n)) for n in range(1, 9)], widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    ects_min = forms.DecimalField(label=_("ECTS from"), min_value=0, max_value=999,
                                  decimal_places=2, required=False)  # fmt: skip
    ects_max = forms.DecimalField(label=_("ECTS to"), min_value=0, max_value=999,
                                  decimal_places=2, required=False)  # fmt: skip
    isced = forms.ChoiceField(label=_("Field of education (ISCED-F)"), required=False)
    participation = forms.ChoiceField(label=_("Form of participation"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    provider = forms.CharField(label=_("Provider (number or identifier)"), max_length=60,
                               required=False)  # fmt: skip
    esco = forms.CharField(label=_("ESCO skill (URI)"), max_length=200, required=False)
    collection = forms.ChoiceField(
        label=_("ESCO skill collection"), required=False,
        choices=[("", "—"), *((c.value, c.label) for c in (
            Collection.DIGITAL, Collection.GREEN, Collection.TRANSVERSAL))],
    )  # fmt: skip
    sort = forms.ChoiceField(label=_("Sort by"), required=False,
                             choices=list(SORTS.items()))  # fmt: skip
    page = forms.IntegerField(label=_("Page"), min_value=1, max_value=MAX_PAGE, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        lang = current_language()
        fields: Any = self.fields
        fields["isced"].choices = [("", "—"), *(
            (str(f), f"{f} {f.label(lang)}") for f in IscedField)]  # fmt: skip
        fields["participation"].choices = _choices(FormOfParticipation, lang)
        fields["language"].choices = _choices(Language, lang)
        fields["country"].choices = _choices(Country, lang)

    def full_clean(self) -> None:
        super().full_clean()
        for name in self.errors:  # a field in error says so to assistive technologies
            if name in self.fields:
                self.fields[name].widget.attrs.update(
                    {"aria-invalid": "true", "aria-describedby": f"{name}-errors"}
                )

    def clean_provider(self) -> int | None:
        key = self.cleaned_data.get("provider", "").strip()
        if not key:
            return None
        found = provider_by_key(key)
        if found is None:
            raise forms.ValidationError(m.NO_SUCH_PROVIDER().text(current_language()))
        return found

    def clean_esco(self) -> str:
        uri = self.cleaned_data.get("esco", "").strip()
        if not uri:
            return ""
        try:
            return str(_ESCO.validate_python(uri))
        except ValidationError:
            raise forms.ValidationError(m.NOT_ESCO_SKILL().text(current_language())) from None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        low, high = data.get("ects_min"), data.get("ects_max")
        if low is not None and high is not None and low > high:
            self.add_error("ects_max", m.ECTS_RANGE().text(current_language()))
        return data

    def checked_params(self) -> SearchParams:
        """The parameters, checked: :class:`InvalidInputError` naming every field in
        error (what the API and the exports answer; the page shows the form instead)."""
        if not self.is_valid():
            fields = {name: list(errors) for name, errors in self.errors.items()}
            raise InvalidInputError(m.SEARCH_INVALID, fields=", ".join(fields),
                                    extra={"fields": fields})  # fmt: skip
        return self.params()

    def params(self) -> SearchParams:
        """The checked parameters (call after :meth:`is_valid`)."""
        d = self.cleaned_data
        query = d.get("q") or ""
        return SearchParams(
            q=query, eqf=tuple(sorted(set(d.get("eqf") or ()))),
            ects_min=d.get("ects_min"), ects_max=d.get("ects_max"),
            isced=d.get("isced") or "", participation=d.get("participation") or "",
            language=d.get("language") or "", country=d.get("country") or "",
            provider_id=d.get("provider"), esco=d.get("esco") or "",
            collection=d.get("collection") or "",
            sort=d.get("sort") or "",
            page=d.get("page") or 1,
        )  # fmt: skip

    def active(self) -> list[tuple[str, str]]:
        """The filters in force, as (label, value) pairs a page lists."""
        shown = []
        for name in ("q", "eqf", "ects_min", "ects_max", "isced", "participation", "language",
                     "country", "provider", "esco", "collection"):  # fmt: skip
            value = self.cleaned_data.get(name)
            if value in (None, "", [], ()):
                continue
            field = self.fields[name]
            if isinstance(field, forms.ChoiceField) and not isinstance(
                field, forms.TypedMultipleChoiceField
            ):
                value = dict(field.choices).get(value, value)  # type: ignore[arg-type]
            elif isinstance(value, list):
                value = ", ".join(str(v) for v in value)
            elif name == "provider":
                value = self.data.get("provider", value)
            shown.append((str(field.label), str(value)))
        return shown
