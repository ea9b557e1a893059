"""Every URL of the platform, visited as anonymous and as each role: no 5xx, and no
organisation's private data shown to anyone outside it.

The URLs are not listed here: they are read from Django's resolver (pages and the REST
API alike), so a new page or endpoint is walked as soon as it exists. Each URL parameter
is filled with an object of provider A; a parameter this file has no value for fails the
test (add its value to :func:`_values`). Provider A keeps private things whose texts are
markers — a draft and a submitted design, a reason for requested changes, an API key,
an invitation, an award's learner and their feedback, a revocation's reason; people
outside A (provider B's, a learner, an employer, a counsellor, anonymous) must never see
a marker, and their POSTs must change nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from microcred.platform.accounts.invitations import invitation_create
from microcred.platform.accounts.models import OrganisationKind, Role, User
from microcred.platform.accounts.services import membership_grant
from microcred.platform.accounts.tokens import api_token_create
from microcred.platform.catalog.models import DesignVersion
from microcred.platform.catalog.services import design_import, design_version_submit
from microcred.platform.issuance.batches import batch_create
from microcred.platform.issuance.services import award_issue, award_revoke
from microcred.platform.providers.evidence import evidence_add
from microcred.platform.providers.models import Decision, Provider
from microcred.platform.providers.services import provider_decide
from microcred.platform.qa.feedback import feedback_give
from microcred.platform.qa.models import ReviewDecision
from microcred.platform.qa.services import design_review

from ..conftest import EXAMPLES
from .conftest import NOW, admin_of, as_provider, log_in, organisation, person
from .issuance.helpers import anna
from .qa.helpers import NOT_MET, all_met

pytestmark = pytest.mark.django_db

#: texts only provider A's people (and the QA body, the platform's admins) may see
MARKERS = ("PRIVATEA-DRAFT", "PRIVATEA-SUBMITTED", "PRIVATEA-REASON", "PRIVATEA-KEY",
           "privatea-invitee@", "PRIVATEA-EVIDENCE", "PRIVATEA-LEARNER",
           "PRIVATEA-FEEDBACK", "PRIVATEA-REVOCATION")  # fmt: skip
#: who sees provider A's private data by right
INSIDERS = {"a_admin", "a_staff", "a_assessor", "qa_officer", "platform_admin"}
#: not walked with POST: logging out would end the visit
NO_POST = {"accounts:logout"}
_PARAM = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


@dataclass
class World:
    provider_a: Provider
    people: dict[str, User]
    values: dict[str, list[str]]


def _design(user: User, provider: Provider, title: str) -> DesignVersion:
    text = (EXAMPLES / "python-basics.yaml").read_text(encoding="utf-8")
    text = as_provider(text.replace("pl: Podstawy języka Python", f"pl: {title}", 1), provider)
    return design_import(user=user, provider=provider, text=text, now=NOW)


def _build(qa_officer: User, provider_a: Provider, provider_b: Provider) -> World:
    for provider in (provider_a, provider_b):
        provider_decide(officer=qa_officer, provider=provider, decision=Decision.APPROVE,
                        reason="", now=NOW)  # fmt: skip
    a_admin, b_admin = admin_of(provider_a), admin_of(provider_b)
    people = {"a_admin": a_admin, "b_admin": b_admin, "qa_officer": qa_officer}
    for side, provider in (("a", provider_a), ("b", provider_b)):
        for role in (Role.PROVIDER_STAFF, Role.ASSESSOR):
            who = person(f"{role}@{side}.example.org")
            membership_grant(user=who, organisation=provider.organisation, role=role, now=NOW)
            people[f"{side}_{role.removeprefix('provider_')}"] = who
    for key, kind, role in (("platform_admin", OrganisationKind.PLATFORM, Role.PLATFORM_ADMIN),
                            ("counsellor", OrganisationKind.GUIDANCE, Role.COUNSELLOR),
                            ("employer", OrganisationKind.EMPLOYER, Role.EMPLOYER)):  # fmt: skip
        who = person(f"{key}@elsewhere.example.org")
        membership_grant(user=who, organisation=organisation(kind), role=role, now=NOW)
        people[key] = who
    people["learner"] = person("learner@example.org")

    draft = _design(a_admin, provider_a, "PRIVATEA-DRAFT")
    submitted = _design(a_admin, provider_a, "PRIVATEA-SUBMITTED")
    design_version_submit(user=a_admin, version=submitted, now=NOW)
    changes = _design(a_admin, provider_a, "PRIVATEA-CHANGES")
    design_version_submit(user=a_admin, version=changes, now=NOW)
    design_review(officer=qa_officer, version=changes, decision=ReviewDecision.REQUEST_CHANGES,
                  reason="PRIVATEA-REASON", checklist=all_met(quality=NOT_MET),
                  now=NOW)  # fmt: skip
    published = _design(a_admin, provider_a, "Publiczny kurs A")
    design_version_submit(user=a_admin, version=published, now=NOW)
    design_review(officer=qa_officer, version=published, decision=ReviewDecision.APPROVE,
                  reason="", checklist=all_met(), now=NOW)  # fmt: skip
    _design(b_admin, provider_b, "Szkic B")
    token, _secret = api_token_create(
        creator=a_admin, organisation=provider_a.organisation, name="PRIVATEA-KEY",
        role=Role.PROVIDER_STAFF, now=NOW,
    )  # fmt: skip
    invitation_create(inviter=a_admin, organisation=provider_a.organisation,
                      role=Role.PROVIDER_STAFF, email="privatea-invitee@example.org", now=NOW,
                      link_base="http://testserver/accounts/invitations/")  # fmt: skip
    evidence = evidence_add(user=a_admin, provider=provider_a, name="PRIVATEA-EVIDENCE.pdf",
                            data=b"%PDF-1.7\n%PRIVATEA-EVIDENCE\n%%EOF\n", now=NOW)  # fmt: skip
    award = award_issue(user=a_admin, version=published, now=NOW, request=anna(
        family_name="PRIVATEA-LEARNER", email="privatea-learner@example.org",
        date_of_birth="1990-04-02"))  # fmt: skip
    feedback_give(user=person(award.email), award=award, rating=4, comment="PRIVATEA-FEEDBACK",
                  now=NOW)  # fmt: skip
    revoked = award_issue(user=a_admin, version=published, now=NOW, request=anna(
        email="privatea-revoked@example.org", date_of_birth="1990-04-02"))  # fmt: skip
    award_revoke(user=a_admin, award=revoked, reason="PRIVATEA-REVOCATION", now=NOW)
    cohort = "name;email;date_of_birth\nPRIVATEA-BATCHROW;batchrow@example.org;1990-04-02\n"
    batch, _ = batch_create(user=a_admin, version=published, data=cohort.encode(), now=NOW,
                            filename="PRIVATEA-BATCH.csv")  # fmt: skip
    values = {
        "award_id": [str(award.pk)],
        "batch_id": [str(batch.pk)],
        "name": ["ob3.json", "certificate.pdf", "badge"],
        "list_id": [str(award.status_list_id)],
        "provider_id": [str(provider_a.pk)],
        "organisation_id": [str(provider_a.organisation.pk)],
        "version_id": [str(v.pk) for v in (draft, submitted, changes, published)],
        "design_id": [str(draft.design.pk)],
        "token_id": [str(token.pk)],
        "slug": [provider_a.slug],
        "token": ["not-a-real-token"],
        "uidb64": ["MQ"],
        "kind": ["ob3", "edc"],
        "document_id": [str(evidence.pk)],
        "skill_id": ["ccd0a1d9-afda-43d9-b901-96344886e14d"],
    }
    return World(provider_a, people, values)


def _routes(patterns: list[URLPattern | URLResolver], prefix: str = "",
            namespace: str = "") -> Iterator[tuple[str, str]]:  # fmt: skip
    """``(route, name)`` of every URL pattern, resolvers walked."""
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _routes(pattern.url_patterns, route, inner)
        else:
            yield route, f"{namespace}{pattern.name or ''}"


def _concrete(route: str, values: dict[str, list[str]]) -> list[str]:
    """Every URL ``route`` names, its parameters filled with provider A's objects."""
    route = route.removeprefix("^").removesuffix("$")
    names = [match["name"] for match in _PARAM.finditer(route)]
    missing = [name for name in names if name not in values]
    assert not missing, f"no test value for {missing} in {route!r}: add one to _build()"
    urls = ["/" + route]
    for name in names:
        urls = [re.sub(rf"<(?:[^>:]+:)?{name}>", value, url, count=1)
                for url in urls for value in values[name]]  # fmt: skip
    return urls


def _urls(values: dict[str, list[str]]) -> list[tuple[str, str]]:
    found = [(url, name) for route, name in _routes(get_resolver().url_patterns)
             for url in _concrete(route, values)]  # fmt: skip
    assert len(found) > 40, "the resolver walk found too few URLs"
    return found


def _fingerprint() -> dict[str, int]:
    """Rows per table: a POST by an outsider must leave every count as it was."""
    with connection.cursor() as cursor:
        counts = {}
        for table in connection.introspection.table_names():
            if table.startswith(("django_session", "axes_")):
                continue
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 - our own names
            counts[table] = cursor.fetchone()[0]
    return counts


def _statuses() -> list[tuple[int, str]]:
    return sorted(DesignVersion.objects.values_list("pk", "status"))


VISITORS = ["anonymous", "learner", "employer", "counsellor", "a_admin", "a_staff", "a_assessor",
            "b_admin", "b_staff", "b_assessor", "qa_officer", "platform_admin"]  # fmt: skip


@pytest.mark.parametrize("visitor", VISITORS)
def test_every_url_as(visitor: str, qa_officer: User, provider_a: Provider,
                      provider_b: Provider, settings: object, tmp_path: Path) -> None:  # fmt: skip
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]
    world = _build(qa_officer, provider_a, provider_b)
    client = Client(raise_request_exception=False)

    def visit() -> Client:
        if visitor != "anonymous" and "_auth_user_id" not in client.session:
            log_in(client, world.people[visitor].email)
        return client

    problems: list[str] = []
    seen: set[str] = set()
    insider = visitor in INSIDERS
    for url, name in _urls(world.values):
        for method, call in (("GET", lambda c, u: c.get(u)), ("POST", lambda c, u: c.post(u))):
            if method == "POST" and name in NO_POST:
                continue
            problems += _check(visit, call, method, url, insider, seen)
    assert not problems, f"{len(problems)} problems as {visitor}:\n" + "\n".join(problems)
    if visitor == "a_admin":  # the markers are on A's pages: elsewhere, their absence tells
        assert seen == set(MARKERS)


def _check(visit: Callable[[], Client], call: Callable[[Client, str], object], method: str,
           url: str, insider: bool, seen: set[str]) -> list[str]:  # fmt: skip
    # a GET may write the platform's own state (the trust list is issued on first
    # request), so only a POST is held to changing nothing
    watch = not insider and method == "POST"
    before = (_fingerprint(), _statuses()) if watch else None
    response = call(visit(), url)
    status = response.status_code  # type: ignore[attr-defined]
    body = b"".join(response.streaming_content) if response.streaming else response.content  # type: ignore[attr-defined]
    text = body.decode("utf-8", "replace")
    problems = []
    shown = [marker for marker in MARKERS if marker in text]
    seen.update(shown)
    if status >= 500:
        problems.append(f"{method} {url} → {status}")
    if not insider:
        if shown:
            problems.append(f"{method} {url} → {status} shows {shown}")
        if watch and (_fingerprint(), _statuses()) != before:
            problems.append(f"{method} {url} → {status} changed the database")
    return problems
