"""What the registry searches and filters a design version on, computed once from its
parsed design when the version is made (:func:`~.services.design_import`; the data
migration and ``bench/registry.py`` call the same function). Values come from the
standard layer's elements and vocabularies: the EQF level a framework level corresponds
to (``Level.eqf``), ISCED-F broad fields (``IscedField.broad``).

The searched text holds the provider's legal name: when it changes, the texts of its
versions are made again (:func:`provider_texts_refresh`, on every save of a
:class:`~..providers.models.Provider` that changes it: catalog/apps.py). The sort keys
and filters do not hold it."""

from __future__ import annotations

__all__ = ["Facets", "facets_of", "facets_rows", "on_provider_saved", "on_provider_saving",
           "provider_texts_refresh"]  # fmt: skip

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ...standard import designfile
from ...standard.elements import LocalizedText, MicroCredentialSpec
from ..providers.models import Provider
from .models import DesignVersion, VersionFacets, VersionText
from .search_text import index_tokens


@dataclass(frozen=True)
class Facets:
    """A version's search and filter fields (:meth:`fields`) and its ESCO skills."""

    eqf_level: int | None
    ects: Decimal | None
    participation: str
    isced_codes: str
    language_codes: str
    country_codes: str
    search_title: str
    search_body: str
    skills: tuple[str, ...]

    def fields(self) -> dict[str, Any]:
        """The :class:`~.models.VersionFacets` fields they fill, by name."""
        return {name: getattr(self, name) for name in (
            "eqf_level", "ects", "participation", "isced_codes", "language_codes",
            "country_codes")}  # fmt: skip


def _listed(keys: list[str]) -> str:
    return f" {' '.join(keys)} " if keys else ""


def _tokens(text: LocalizedText | None) -> list[str]:
    return [index_tokens(value, str(lang)) for lang, value in text.items()] if text else []


def facets_of(spec: MicroCredentialSpec, *, provider_name: str) -> Facets:
    """The search and filter fields of ``spec``, offered by the provider ``provider_name``."""
    eqf = next((level.eqf for level in spec.levels if level.eqf is not None), None)
    ects = spec.workload.ects if spec.workload else None
    isced: list[str] = []
    for field in spec.fields_of_education:
        for code in (str(field.broad), str(field)):
            if code not in isced:
                isced.append(code)
    countries = list(dict.fromkeys(str(body.country) for body in spec.awarding_bodies))
    body = [index_tokens(provider_name, "")]
    body += [index_tokens(name, "") for b in spec.awarding_bodies for _, name in b.name.items()]
    body += [t for outcome in spec.learning_outcomes for t in _tokens(outcome.statement)]
    body += _tokens(spec.description)
    if spec.further_information:
        body += _tokens(spec.further_information.text)
    skills = dict.fromkeys(uri for o in spec.learning_outcomes for uri in o.esco_skills)
    return Facets(
        eqf_level=int(eqf.value) if eqf is not None else None,
        ects=Decimal(ects) if ects is not None else None,
        participation=str(spec.form_of_participation or ""),
        isced_codes=_listed(isced),
        language_codes=_listed([str(lang) for lang in spec.languages]),
        country_codes=_listed(countries),
        search_title=" ".join(_tokens(spec.title)),
        search_body=" ".join(t for t in body if t),
        skills=tuple(skills),
    )


def facets_rows(version: DesignVersion, facets: Facets, *,
                provider_id: int) -> tuple[VersionFacets, VersionText]:  # fmt: skip
    """The (unsaved) rows of ``version``'s facets and searched text."""
    row = VersionFacets(
        version=version, provider_id=provider_id, created_at=version.created_at,
        sort_title_pl=version.title("pl")[:300], sort_title_en=version.title("en")[:300],
        **facets.fields(),
    )  # fmt: skip
    text = VersionText(version=version, search_title=facets.search_title,
                       search_body=facets.search_body)  # fmt: skip
    return row, text


def provider_texts_refresh(provider: Provider) -> int:
    """The searched text of every version of ``provider``'s designs made again under its
    current legal name; returns how many. Written with an ``UPDATE``, which the full-text
    index follows (SQLite's triggers, PostgreSQL's generated vector)."""
    versions = DesignVersion.objects.filter(design__provider=provider).only("pk", "source")
    rows = []
    for version in versions.iterator(chunk_size=500):
        facets = facets_of(designfile.loads(version.source), provider_name=provider.legal_name)
        rows.append(VersionText(version_id=version.pk, search_title=facets.search_title,
                                search_body=facets.search_body))  # fmt: skip
    return VersionText.objects.bulk_update(rows, ["search_title", "search_body"], batch_size=500)


#: the attribute a provider being saved carries its name under, as the database had it
_NAME_BEFORE = "_catalog_name_before"


def on_provider_saving(sender: Any, *, instance: Provider, update_fields: Any = None,
                       **kwargs: Any) -> None:  # fmt: skip
    """``pre_save``: the name the database holds, when this save may change it."""
    if instance.pk is None or (update_fields is not None and "legal_name" not in update_fields):
        return
    before = Provider.objects.filter(pk=instance.pk).values_list("legal_name", flat=True).first()
    setattr(instance, _NAME_BEFORE, before)


def on_provider_saved(sender: Any, *, instance: Provider, created: bool = False,
                      **kwargs: Any) -> None:  # fmt: skip
    """``post_save``: a provider renamed has its versions' searched text made again."""
    before = instance.__dict__.pop(_NAME_BEFORE, None)
    if not created and before is not None and before != instance.legal_name:
        provider_texts_refresh(instance)
