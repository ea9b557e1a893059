"""Reads of the public registry: the latest approved version of each design whose
provider is verified (a suspended provider's offers leave the registry), searched in full
text (catalog/search_text.py, catalog/search_index.py), filtered, sorted and paged."""

from __future__ import annotations

__all__ = ["PAGE_SIZE", "SearchPage", "SearchParams", "provider_by_key", "providers_with_slug",
           "published", "published_version", "registry_matches", "registry_search"]  # fmt: skip

import math
from dataclasses import dataclass
from decimal import Decimal

from django.db import connection, transaction
from django.db.models import Count, F, FloatField, OrderBy, Q, QuerySet, Value, Window
from django.db.models.expressions import RawSQL
from django.db.models.functions import RowNumber

from ..catalog.listing import listable
from ..catalog.models import DesignSkill, DesignVersion, VersionFacets
from ..catalog.search_index import FTS_TABLE, PG_VECTOR, fts5_match, pg_tsquery
from ..catalog.search_text import query_terms
from ..core.errors import NotFoundError
from ..esco.selectors import skill_uris_in
from ..providers.models import IdentifierScheme, Provider, ProviderStatus

#: results on one page
PAGE_SIZE = 20


@dataclass(frozen=True)
class SearchParams:
    """What a visitor asked the registry for (checked by ``forms.SearchForm``)."""

    q: str = ""
    eqf: tuple[int, ...] = ()
    ects_min: Decimal | None = None
    ects_max: Decimal | None = None
    isced: str = ""
    participation: str = ""
    language: str = ""
    country: str = ""
    provider_id: int | None = None
    esco: str = ""
    #: an ESCO skill collection (digital, green, transversal): a design with any of its skills
    collection: str = ""
    #: relevance, title, newest, ects or eqf; "" is relevance with words, title without
    sort: str = ""
    page: int = 1


@dataclass(frozen=True)
class SearchPage:
    """One page of results and where it stands."""

    versions: list[DesignVersion]
    total: int
    page: int
    page_size: int = PAGE_SIZE

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.page_size))

    @property
    def first(self) -> int:
        """The position of the page's first result among all of them."""
        return (self.page - 1) * self.page_size + 1


def published() -> QuerySet[DesignVersion]:
    """The published versions: approved, of a verified provider, and no later version of
    the same design approved (``catalog/listing.py`` keeps ``listed`` true to that)."""
    return DesignVersion.objects.filter(facets__listed=True)


def published_version(version_id: int) -> DesignVersion:
    """A published version, or :class:`NotFoundError` (drafts are nobody's business)."""
    # the rule itself, not only the stored flag, for the one version a page shows
    version = listable().select_related("design__provider").filter(pk=version_id).first()
    if version is None:
        raise NotFoundError()
    return version


def providers_with_slug(slug: str) -> QuerySet[Provider]:
    """The provider (in a query: none or one) whose public slug (:attr:`Provider.slug`:
    "nip-7770001111") is ``slug``."""
    for scheme in IdentifierScheme:
        prefix = f"{scheme.value.replace('_', '-')}-"
        if slug.startswith(prefix):
            return Provider.objects.filter(identifier_scheme=scheme,
                                           identifier__iexact=slug[len(prefix):])  # fmt: skip
    return Provider.objects.none()


def provider_by_key(key: str) -> int | None:
    """The id of the verified provider whose number or slug (``nip-7770001111``, any
    case) is ``key``, or None."""
    found = (Provider.objects.filter(pk=int(key)) if key.isdigit()
             else providers_with_slug(key.lower()))  # fmt: skip
    return found.filter(status=ProviderStatus.APPROVED).values_list("pk", flat=True).first()


def _filtered(params: SearchParams) -> QuerySet[VersionFacets]:
    # ``listed__in=[True]``, not ``listed=True``: Django writes the latter as a bare
    # column on SQLite ("WHERE listed"), which no index serves
    found = VersionFacets.objects.filter(listed__in=[True])
    if params.eqf:
        found = found.filter(eqf_level__in=params.eqf)
    if params.ects_min is not None:
        found = found.filter(ects__gte=params.ects_min)
    if params.ects_max is not None:
        found = found.filter(ects__lte=params.ects_max)
    for field, value in (("isced_codes", params.isced), ("language_codes", params.language),
                         ("country_codes", params.country)):  # fmt: skip
        if value:
            found = found.filter(**{f"{field}__contains": f" {value} "})
    if params.participation:
        found = found.filter(participation=params.participation)
    if params.provider_id is not None:
        found = found.filter(provider_id=params.provider_id)
    if params.esco:
        found = found.filter(version_id__in=DesignSkill.objects.filter(uri=params.esco)
                             .values("version_id"))  # fmt: skip
    if params.collection:
        skills = DesignSkill.objects.filter(uri__in=skill_uris_in(params.collection))
        found = found.filter(version_id__in=skills.values("version_id"))
    return found


def _matching(found: QuerySet[VersionFacets], terms: list[list[str]]) -> QuerySet[VersionFacets]:
    """``found`` narrowed to the versions that hold every word, with ``rank`` (lower is
    more relevant)."""
    # ``extra`` and ``RawSQL``: the index's SQL is this app's constants; the words go as
    # parameters. The rank is an annotation (not ``extra(select=…)``): the page's window
    # functions order by it (registry_search)
    vendor = connection.vendor
    if vendor == "sqlite":
        narrowed: QuerySet[VersionFacets] = found.extra(  # noqa: S610
            tables=[FTS_TABLE],
            where=[f"{FTS_TABLE}.rowid = catalog_versionfacets.version_id",
                   f"{FTS_TABLE} MATCH %s"],
            params=[fts5_match(terms)],
        )  # fmt: skip
        rank = RawSQL(f"bm25({FTS_TABLE}, 10.0, 1.0)", [], output_field=FloatField())  # noqa: S611
        return narrowed.annotate(rank=rank)
    if vendor == "postgresql":
        query = pg_tsquery(terms)
        narrowed = found.extra(  # noqa: S610
            tables=["catalog_versiontext"],
            where=["catalog_versiontext.version_id = catalog_versionfacets.version_id",
                   f"{PG_VECTOR} @@ to_tsquery('simple'::regconfig, %s)"],
            params=[query],
        )  # fmt: skip
        rank = RawSQL(f"-ts_rank({PG_VECTOR}, to_tsquery('simple'::regconfig, %s))",  # noqa: S611
                      [query], output_field=FloatField())  # fmt: skip
        return narrowed.annotate(rank=rank)
    # another database: no full-text index, every alternative as a substring
    for alternatives in terms:
        either = Q()
        for term in alternatives:
            either |= Q(version__text__search_title__contains=term)
            either |= Q(version__text__search_body__contains=term)
        found = found.filter(either)
    return found.annotate(rank=Value(0))


def _order(sort: str, lang: str, ranked: bool) -> list[OrderBy]:
    """The search's order: ``sort`` (titles in ``lang``), the version's id last."""
    title = F("sort_title_en" if lang == "en" else "sort_title_pl").asc()
    pk = F("pk").asc()
    if sort in ("", "relevance") and ranked:
        return [F("rank").asc(), pk]
    if sort == "newest":
        return [F("created_at").desc(), F("pk").desc()]
    if sort == "ects":
        return [F("ects").asc(nulls_last=True), title, pk]
    if sort == "eqf":
        return [F("eqf_level").asc(nulls_last=True), title, pk]
    return [title, pk]


def _searched(params: SearchParams,
              lang: str) -> tuple[QuerySet[VersionFacets], list[OrderBy], bool]:  # fmt: skip
    """What a search reads, unordered, its order, and whether it has words."""
    found = _filtered(params)
    terms = query_terms(params.q)
    if terms:
        found = _matching(found, terms)
    return found, _order(params.sort, lang, ranked=bool(terms)), bool(terms)


def registry_matches(params: SearchParams, *, lang: str) -> QuerySet[VersionFacets, int]:
    """The ids of every published version that matches ``params`` — all pages, for an
    export —, in the search's order (a query of its own: the full-text condition names
    the facets table, so it cannot sit inside another query as a subquery)."""
    found, order, _ = _searched(params, lang)
    return found.order_by(*order).values_list("pk", flat=True)


def registry_search(params: SearchParams, *, lang: str) -> SearchPage:
    """One page of the published versions that match ``params``, titles sorted in
    ``lang``. The search reads only the narrow facets table (and the full-text index);
    the page's twenty versions are read after."""
    found, order, words = _searched(params, lang)
    start = (params.page - 1) * PAGE_SIZE
    total: int | None = None
    with transaction.atomic():
        if words and connection.vendor == "postgresql":
            # PostgreSQL guesses a prefix query (``energ:*``) to match far more rows than
            # it does, and scans the whole text table instead of the GIN index: 250 ms
            # against 50 ms (bench/registry.py). And a word with a narrow filter drew a
            # parallel plan, whose workers wait for a core on a busy machine ("danych"
            # in ISCED 06: 74 → 52 ms median, the two settings taking turns). For these
            # statements only.
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL enable_seqscan = off")
                cursor.execute("SET LOCAL max_parallel_workers_per_gather = 0")
        if words:
            # Words: every match is read (and ranked) once, its place and the count taken
            # by window functions in the same statement. Two statements (a count, then
            # the ordered page) read and joined the matches twice; and with a sort other
            # than relevance, PostgreSQL walked the sort key's index testing each row
            # against the words, 80–300 ms for "marketing" by title (bench/registry.py).
            ranked = found.annotate(position=Window(RowNumber(), order_by=order),
                                    matched=Window(Count("*"))).order_by("position")  # fmt: skip
            rows = list(ranked.values_list("pk", "matched")[start : start + PAGE_SIZE])
            ids = [pk for pk, _ in rows]
            total = rows[0][1] if rows else None
        else:
            # no words: the page is read along the sort key's index, the count apart
            ids = list(found.order_by(*order).values_list("pk", flat=True)
                       [start : start + PAGE_SIZE])  # fmt: skip
        if total is None:  # (a page past the last one)
            total = found.count()
    shown = DesignVersion.objects.filter(pk__in=ids).select_related(
        "design__provider", "facets").only(
        "title_pl", "title_en", "number", "design__provider__legal_name",
        # the provider's slug (its profile's link) is made of these two
        "design__provider__identifier_scheme", "design__provider__identifier",
        "facets__eqf_level", "facets__ects")  # fmt: skip
    by_id = {v.pk: v for v in shown}
    versions = [by_id[pk] for pk in ids if pk in by_id]
    return SearchPage(versions=versions, total=total, page=params.page, page_size=PAGE_SIZE)
