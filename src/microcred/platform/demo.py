"""The demo's people and organisations, made through the services (never fixtures):
a platform administrator, a QA body and its officer, two verified providers (a Polish
university and a VET school), one provider awaiting verification, a learner, a career
counsellor and an employer. Idempotent: a second run changes nothing.

Every identifier has a valid check digit and belongs to no real organisation as far as
the demo knows; every e-mail address is at ``demo.microcred.eu``.
"""

from __future__ import annotations

__all__ = ["DEMO_PASSWORD", "demo_awards", "demo_designs", "demo_esco", "demo_seed"]

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from .accounts.models import Organisation, OrganisationKind, Role, User
from .accounts.services import membership_grant, organisation_create, user_create
from .providers.models import Decision, IdentifierScheme, Provider, ProviderType
from .providers.services import Registration, provider_decide, provider_register

#: every demo account's password (the demo runs on localhost only)
DEMO_PASSWORD = "demo-microcred-2026"  # noqa: S105 - printed on purpose: a localhost demo
_DOMAIN = "demo.microcred.eu"


@dataclass(frozen=True)
class Login:
    """One account of the demo, for the list printed at start."""

    email: str
    role: str


def _user(email: str, full_name: str) -> User:
    found = User.objects.filter(email=email).first()
    return found or user_create(email=email, password=DEMO_PASSWORD, full_name=full_name)


def _organisation(name: str, kind: OrganisationKind, now: datetime) -> Organisation:
    found = Organisation.objects.filter(name=name, kind=kind).first()
    return found or organisation_create(name=name, kind=kind, now=now)


_PROVIDERS = [
    (Registration(
        legal_name="Uniwersytet Demonstracyjny w Krakowie",
        identifier_scheme=IdentifierScheme.NIP, identifier="7770001111", country="PL",
        street_address="ul. Gołębia 24", postal_code="31-007", locality="Kraków",
        provider_type=ProviderType.UNIVERSITY, website="https://uniwersytet.demo.microcred.eu",
        contact_email=f"mikroposwiadczenia@{_DOMAIN}",
        national_register="POL-on: uczelnia publiczna (demo)",
        accreditation="Polska Komisja Akredytacyjna: ocena pozytywna (demo)",
    ), f"uczelnia@{_DOMAIN}", "Anna Nowak", True),
    (Registration(
        legal_name="Centrum Kształcenia Zawodowego Demo w Gdańsku",
        identifier_scheme=IdentifierScheme.REGON, identifier="630012343", country="PL",
        street_address="ul. Kartuska 10", postal_code="80-001", locality="Gdańsk",
        provider_type=ProviderType.VET_SCHOOL, website="https://ckz.demo.microcred.eu",
        contact_email=f"sekretariat@{_DOMAIN}",
        national_register="RSPO 000000 (demo)",
        accreditation="Akredytacja kuratora oświaty (demo)",
    ), f"ckz@{_DOMAIN}", "Piotr Wiśniewski", True),
    (Registration(
        legal_name="Akademia Szkoleń Demo sp. z o.o.",
        identifier_scheme=IdentifierScheme.KRS, identifier="0000123456", country="PL",
        street_address="ul. Prosta 51", postal_code="00-838", locality="Warszawa",
        provider_type=ProviderType.TRAINING_COMPANY, website="https://akademia.demo.microcred.eu",
        contact_email=f"biuro@{_DOMAIN}",
        national_register="Rejestr Instytucji Szkoleniowych 2.12/00001/2026 (demo)",
    ), f"akademia@{_DOMAIN}", "Ewa Zielińska", False),
]  # fmt: skip


@transaction.atomic
def demo_seed(*, now: datetime) -> list[Login]:
    """Create what is missing of the demo, and list its logins."""
    logins: list[Login] = []
    platform = _organisation("microcred (demo)", OrganisationKind.PLATFORM, now)
    admin = _user(f"admin@{_DOMAIN}", "Administrator")
    membership_grant(user=admin, organisation=platform, role=Role.PLATFORM_ADMIN, now=now)
    logins.append(Login(admin.email, str(Role.PLATFORM_ADMIN.label)))
    qa_body = _organisation("Komisja Jakości Mikropoświadczeń (demo)", OrganisationKind.QA_BODY,
                            now)  # fmt: skip
    officer = _user(f"jakosc@{_DOMAIN}", "Maria Kowalczyk")
    membership_grant(user=officer, organisation=qa_body, role=Role.QA_OFFICER, now=now)
    logins.append(Login(officer.email, str(Role.QA_OFFICER.label)))
    for registration, email, name, verified in _PROVIDERS:
        person = _user(email, name)
        provider = Provider.objects.filter(identifier=registration.identifier).first()
        if provider is None:
            provider = provider_register(user=person, registration=registration, now=now)
            if verified:
                provider_decide(officer=officer, provider=provider, decision=Decision.APPROVE,
                                reason="", now=now)  # fmt: skip
        logins.append(Login(person.email, f"{Role.PROVIDER_ADMIN.label}: {provider.legal_name}"))
    counselling = _organisation("Centrum Doradztwa Zawodowego (demo)", OrganisationKind.GUIDANCE,
                                now)  # fmt: skip
    counsellor = _user(f"doradca@{_DOMAIN}", "Tomasz Lewandowski")
    membership_grant(user=counsellor, organisation=counselling, role=Role.COUNSELLOR, now=now)
    logins.append(Login(counsellor.email, str(Role.COUNSELLOR.label)))
    employer_org = _organisation("Przedsiębiorstwo Demo S.A.", OrganisationKind.EMPLOYER, now)
    employer = _user(f"pracodawca@{_DOMAIN}", "Katarzyna Wójcik")
    membership_grant(user=employer, organisation=employer_org, role=Role.EMPLOYER, now=now)
    logins.append(Login(employer.email, str(Role.EMPLOYER.label)))
    learner = _user(f"uczestnik@{_DOMAIN}", "Jan Kamiński")
    logins.append(Login(learner.email, str(_("Learner (no organisation)"))))
    return logins


def demo_designs(files: list[tuple[str, str]], *, now: datetime) -> int:
    """Publish the design files ``files`` ((name, text) pairs) in the registry, shared
    between the demo's two verified providers: each imported under the provider's name (its
    first awarding body replaced by the provider, :func:`.catalog.awarding.with_provider_body`,
    as submitting requires), submitted when complete
    and approved by the demo's QA officer (an incomplete one stays a draft, as a provider
    would see it). Idempotent: a design already there (by title) is left alone. Returns
    how many are published."""
    from ..standard import designfile
    from .catalog.awarding import with_provider_body
    from .catalog.models import DesignStatus, DesignVersion
    from .catalog.selectors import compliance_of
    from .catalog.services import design_import, design_version_submit
    from .core.errors import ConflictError
    from .qa.models import Answer, ReviewDecision
    from .qa.services import ChecklistEntry, design_review

    officer = User.objects.get(email=f"jakosc@{_DOMAIN}")
    verified = [p for p in Provider.objects.order_by("pk") if p.verified]
    for number, (name, text) in enumerate(sorted(files)):
        provider = verified[number % len(verified)]
        spec = designfile.loads(text, source=name)
        title = spec.title.get("pl") if spec.title else name
        if DesignVersion.objects.filter(title_pl=title).exists():
            continue
        admin = provider.organisation.memberships.get(role=Role.PROVIDER_ADMIN).user
        text = designfile.dumps(with_provider_body(spec, provider))
        submitted_at = now - timedelta(days=30 - 2 * number)
        version = design_import(user=admin, provider=provider, text=text, now=submitted_at)
        try:
            design_version_submit(user=admin, version=version, now=submitted_at)
        except ConflictError:  # an incomplete example stays a draft, as it would for a provider
            continue
        if number == 0:  # the first goes through a round of changes, as many do
            design_review(officer=officer, version=version, decision=ReviewDecision.REQUEST_CHANGES,
                          reason=_DEMO_CHANGES_REASON, checklist={"learner-centred": ChecklistEntry(
                              answer=Answer.NOT_MET, comment=_DEMO_CHANGES_COMMENT)},
                          now=submitted_at + timedelta(days=3))  # fmt: skip
            submitted_at += timedelta(days=5)
            version = design_import(user=admin, provider=provider, text=text, now=submitted_at,
                                    design=version.design)  # fmt: skip
            design_version_submit(user=admin, version=version, now=submitted_at)
        checklist = {  # the officer's findings, from what the design evidences
            str(result.principle): ChecklistEntry(answer=Answer.MET, comment="; ".join(
                reason.text("pl") for reason in result.reasons))
            for result in compliance_of(version, now).principles
        }  # fmt: skip
        design_review(officer=officer, version=version, decision=ReviewDecision.APPROVE,
                      reason="", checklist=checklist,
                      now=submitted_at + timedelta(days=1 + number % 4))  # fmt: skip
    return DesignVersion.objects.filter(status=DesignStatus.APPROVED).count()


#: the demo's request for changes (the provider's dashboard shows it, answered)
_DEMO_CHANGES_REASON = (
    "Proszę opisać, jak zbierane są opinie uczestników i jak wpływają na kolejne edycje."
)
_DEMO_CHANGES_COMMENT = "Brak opisu zbierania informacji zwrotnych od osób uczących się."


def demo_esco(root: Path, *, now: datetime) -> str:
    """Load the ESCO export kept under ``root`` (``root/v1.1.1/en``, ``…/relations``,
    ``root/v1.2.1/pl``: :func:`.esco.export.find_export`) unless that very export (same
    files, same contents) is the one loaded; say what ESCO the platform has, or how to
    load it when ``root`` holds none (the demo runs without it)."""
    from .esco.export import export_fingerprint, find_export
    from .esco.selectors import dataset_loaded
    from .esco.services import esco_load

    found = find_export(root)
    dataset = dataset_loaded()
    if found is not None:
        english, polish = found
        fingerprint = export_fingerprint(english, polish)  # the files hashed once
        if dataset is None or dataset.fingerprint != fingerprint:
            dataset = esco_load(directory=english, pl=polish, now=now,
                                fingerprint=fingerprint).dataset  # fmt: skip
    if dataset is None:
        return (f"ESCO: no export in {root}; the ESCO pages say how to load it: "
                "microcred esco load DIR [--pl DIR]")  # fmt: skip
    return (f"ESCO {dataset.version}: {dataset.skills} skills ({dataset.skills_pl} with a Polish "
            f"label), {dataset.occupations} occupations, from {dataset.source}")  # fmt: skip


#: the demo's learners beyond its own login (given name, family name, date of birth); each
#: is awarded some published micro-credentials and rates some of them
_LEARNERS = [
    ("Jan", "Kamiński", "1998-03-14"), ("Zofia", "Wiśniewska", "2001-07-02"),
    ("Piotr", "Mazur", "1987-11-23"), ("Aleksandra", "Dąbrowska", "1995-05-30"),
    ("Michał", "Krawczyk", "1979-01-09"), ("Natalia", "Pawlak", "2003-09-17"),
]  # fmt: skip
#: what some of them say (rating, comment): Polish, as learners here would write
_FEEDBACK = [
    (5, "Dużo praktycznych ćwiczeń, jasne kryteria oceny."),
    (4, "Dobre materiały; przydałoby się więcej czasu na projekt końcowy."),
    (3, "Treść w porządku, ale tempo zajęć online było za szybkie."),
    (5, ""),
]


def demo_awards(*, now: datetime) -> int:
    """Issue the demo's published micro-credentials to its learners — the first learner
    (the demo's learner login, ``uczestnik@…``) gets two — through the issuing service
    (signed, sealed, with status entries), and record some learners' feedback.
    Idempotent: a learner already holding an award of a design is left alone. Returns
    how many awards there are."""
    from ..standard.vocab import IdentityAttribute
    from .catalog.models import VersionFacets
    from .catalog.selectors import spec_of
    from .esco.text import fold  # the names as an e-mail address's local part
    from .issuance.models import Award
    from .issuance.services import AwardRequest, award_issue
    from .qa.feedback import feedback_give

    listed = list(VersionFacets.objects.filter(listed__in=[True]).select_related(
        "version__design__provider").order_by("version__created_at", "pk")[:6])  # fmt: skip
    emails = [f"uczestnik@{_DOMAIN}"] + [
        f"{fold(given)}.{fold(family)}@{_DOMAIN}" for given, family, _born in _LEARNERS[1:]
    ]
    for number, facets in enumerate(listed):
        version = facets.version
        provider = version.design.provider
        issuer = provider.organisation.memberships.filter(role=Role.PROVIDER_ADMIN).first().user  # type: ignore[union-attr]
        for offset in range(3):
            which = (number + offset) % len(_LEARNERS)
            given, family, born = _LEARNERS[which]
            email = emails[which]
            if Award.objects.filter(email=email, version__design=version.design).exists():
                continue
            # signed now (the provider's e-seal is as new as the demo), dated in the past
            issued_on = (now - timedelta(days=20 - 3 * number - offset)).date()
            promised = spec_of(version).learner_identification  # only what the design records
            award = award_issue(user=issuer, version=version, now=now, request=AwardRequest(
                given_name=given, family_name=family, email=email, issued_on=issued_on.isoformat(),
                date_of_birth=born if IdentityAttribute.DATE_OF_BIRTH in promised else "",
                student_id=f"D{which + 1:05d}" if IdentityAttribute.STUDENT_ID in promised
                else ""))  # fmt: skip
            if (number + offset) % 4 != 3:
                rating, comment = _FEEDBACK[(number + offset) % len(_FEEDBACK)]
                feedback_give(user=_user(email, f"{given} {family}"), award=award, rating=rating,
                              comment=comment, now=now)  # fmt: skip
    return Award.objects.count()
