"""The registry's machine-readable exports: each published design as an Open Badges 3.0
``Achievement`` and as a European Learning Model ``LearningOpportunity`` (JSON-LD), and
the listing as CSV. The documents come from the library's builders
(:func:`microcred.credentials.ob3.to_achievement`,
:func:`microcred.credentials.edc.to_learning_opportunity`): one mapping of a design,
whoever asks for it.

Ids are public URLs that do not change for a published version: the Achievement's is the
design's public page (``/registry/<id>/``), the learning opportunity's the URL of its
ELM document, whose nodes hang off it (``…/elm.jsonld#qualification-1``).

The CSV: UTF-8 **with** a byte-order mark (Excel, the tool most people open a CSV with,
reads a file without one in the system's ANSI code page and garbles every Polish letter;
Python's ``utf-8-sig``, pandas, LibreOffice and R read the mark and drop it), comma
separated (RFC 4180), numbers with a decimal point, one row per published design, every
text cell that a spreadsheet would take for a formula (``= + - @``, tab, carriage return
first) prefixed with ``'`` (OWASP, "CSV injection"), streamed row by row.
"""

from __future__ import annotations

__all__ = ["CSV_COLUMNS", "JSONLD_EXPORTS", "achievement_document", "csv_response", "csv_rows",
           "design_jsonld", "jsonld_response", "learning_opportunity_document", "listing",
           "page_url"]  # fmt: skip

import copy
import csv
import itertools
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from django.conf import settings
from django.http import HttpResponse, StreamingHttpResponse
from django.urls import reverse

from ...credentials.cohort import safe_row
from ...credentials.edc import to_learning_opportunity
from ...credentials.ob3 import CONTEXTS, to_achievement
from ...standard.elements import AwardingBody, MicroCredentialSpec
from ...standard.vocab import Framework
from ..catalog.models import DesignVersion
from ..catalog.selectors import spec_of
from ..core.language import current_language
from ..providers.models import Provider
from .forms import SearchForm
from .selectors import published_version, registry_matches

#: versions read from the database at a time
_CHUNK = 500
#: the CSV's header, in its order
CSV_COLUMNS = ("id", "title_pl", "title_en", "provider", "provider_country", "eqf_level",
               "ects", "isced_f", "participation", "languages", "url", "approved_on")  # fmt: skip
#: what a spreadsheet reads as the start of a formula (OWASP "CSV Injection")
#: the provider's identifier scheme as the standard's legal-identifier vocabulary keys it
_SCHEMES = {"nip": "nip", "regon": "regon", "krs": "krs", "eu_vat": "vat"}


def page_url(version: DesignVersion) -> str:
    """The public page of a published version: also its Achievement's id."""
    return settings.PUBLIC_URL + reverse("registry:page", args=[version.pk])


def listing(params: Mapping[str, str]) -> Iterator[DesignVersion]:
    """The published versions the search page finds for the query string ``params`` (all
    pages, in its order): the one place where an export meets the search's filters. The
    parameters are checked here, before anything is sent (:class:`InvalidInputError`, as
    the search's API); the versions are read as they are needed, 500 at a time."""
    ids = registry_matches(SearchForm(params).checked_params(), lang=current_language())
    return _in_chunks(ids.iterator(chunk_size=_CHUNK))


def _in_chunks(ids: Iterator[int]) -> Iterator[DesignVersion]:
    while chunk := list(itertools.islice(ids, _CHUNK)):  # itertools.batched is 3.12
        found = DesignVersion.objects.filter(pk__in=chunk).select_related("design__provider")
        by_id = {version.pk: version for version in found}
        yield from (by_id[pk] for pk in chunk if pk in by_id)


def _provider_body(provider: Provider) -> AwardingBody:
    """The provider as the platform verified it (legal name, country, identifier,
    website): who offers the learning opportunity."""
    return AwardingBody.model_validate({
        "name": {"pl": provider.legal_name, "en": provider.legal_name},
        "country": provider.country,
        "legal_identifier": {"scheme": _SCHEMES[provider.identifier_scheme],
                             "value": provider.identifier},
        "url": provider.website or None,
    })  # fmt: skip


def achievement_document(version: DesignVersion) -> dict[str, Any]:
    """The OB 3.0 Achievement of a published version, with its ``@context``; its
    ``creator`` the provider under its did:web (the issuer its credentials name)."""
    provider = version.design.provider
    node = to_achievement(spec_of(version), achievement_id=page_url(version),
                          creator_id=provider.did or None)  # fmt: skip
    return {"@context": copy.deepcopy(CONTEXTS), **node}


def learning_opportunity_document(version: DesignVersion) -> dict[str, Any]:
    """The ELM LearningOpportunity of a published version (with its Qualification), as
    the EU's Qualification Dataset Register takes it."""
    provider = version.design.provider
    elm_url = settings.PUBLIC_URL + reverse("registry:elm", args=[version.pk])
    return to_learning_opportunity(spec_of(version), opportunity_id=elm_url,
                                   provider=_provider_body(provider),
                                   provider_id=provider.did or None,
                                   homepage=page_url(version))  # fmt: skip


def _cells(version: DesignVersion, spec: MicroCredentialSpec) -> list[object]:
    # The facts come from the design file, parsed (about 150 rows a second); once the
    # versions store what the search filters on, they are read from there instead.
    eqf = next((lv.value for lv in spec.levels if lv.framework is Framework.EQF), "")
    ects = spec.workload.ects if spec.workload and spec.workload.ects is not None else None
    approved = version.approved_at
    provider = version.design.provider
    return [
        version.pk, version.title_pl, version.title_en, provider.legal_name, provider.country,
        eqf, format(ects.normalize(), "f") if ects is not None else "",
        " ".join(str(f) for f in spec.fields_of_education),
        str(spec.form_of_participation) if spec.form_of_participation else "",
        " ".join(str(lang) for lang in spec.languages), page_url(version),
        approved.date().isoformat() if approved else "",
    ]  # fmt: skip


class _Line:
    """What :class:`csv.writer` writes into: each row comes back as its text."""

    def write(self, text: str) -> str:
        return text


def csv_rows(versions: Iterable[DesignVersion]) -> Iterator[str]:
    """The CSV of ``versions``, a line at a time (the byte-order mark first)."""
    writer = csv.writer(_Line(), lineterminator="\r\n")
    yield "\ufeff" + writer.writerow(CSV_COLUMNS)
    for version in versions:
        yield writer.writerow(safe_row(_cells(version, spec_of(version))))


def _public(response: HttpResponse | StreamingHttpResponse) -> None:
    """Open data: any origin may read it, caches may keep it five minutes."""
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=300"


def jsonld_response(document: dict[str, Any], filename: str) -> HttpResponse:
    """A JSON-LD document as a page links it: shown by a browser, saved as ``filename``."""
    body = json.dumps(document, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/ld+json; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    _public(response)
    return response


#: each JSON-LD export of a published design: its document and the name it is saved under
JSONLD_EXPORTS: dict[str, tuple[Callable[[DesignVersion], dict[str, Any]], str]] = {
    "achievement": (achievement_document, "achievement"),
    "elm": (learning_opportunity_document, "learning-opportunity"),
}


def design_jsonld(version_id: int, kind: str) -> HttpResponse:
    """A published design's JSON-LD export ``kind`` (a key of :data:`JSONLD_EXPORTS`), as
    the page and the API answer it (a design not published: :class:`NotFoundError`)."""
    document, name = JSONLD_EXPORTS[kind]
    version = published_version(version_id)
    return jsonld_response(document(version), f"microcred-{version.pk}-{name}.jsonld")


def csv_response(params: Mapping[str, str]) -> StreamingHttpResponse:
    """The listing for the search's query string ``params``, as a CSV file, streamed."""
    response = StreamingHttpResponse(
        csv_rows(listing(params)), content_type="text/csv; charset=utf-8; header=present"
    )
    response["Content-Disposition"] = 'attachment; filename="microcred-registry.csv"'
    _public(response)
    return response
