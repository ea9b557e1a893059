"""Benchmark: the public registry with 50,000 published designs
(``python bench/registry.py [--designs N] [--rounds R] [--only sqlite|postgresql]``).

For each database — SQLite (a file in a temporary folder) and PostgreSQL (``tasks.py``'s
throw-away cluster; skipped, saying so, when Debian's PostgreSQL is not installed;
``--database-url`` names a database to keep instead) — a fresh process migrates an empty
database and generates the designs: providers (most verified, one suspended, one
pending: their designs must not count), titles, descriptions and learning outcomes in
Polish and English drawn from topic, level and verb lists, EQF 2–7, ECTS 0.5–10, ISCED-F
fields, forms of participation, languages, countries and ESCO skills; about one design in
ten has a second version (approved, or a draft). The rows are inserted in bulk, but every
version's search and filter fields come from ``catalog.facets.facets_of``, the code
``design_import`` runs.

It then asks, through Django's test ``Client`` (the whole view: URL routing, middleware,
form, query, template or JSON), ``--rounds`` requests of each kind, each with another
value of its kind, and prints the median and the 95th percentile in milliseconds:

- the search page ``/registry/`` and the API ``/api/v1/registry/designs``, for: one
  word, an inflected Polish word, a word without its diacritics, two words, filters
  only, words and filters, and the first page with nothing asked;
- a design's public page, cold (each version seen for the first time in the process)
  and warm (seen before).

Targets (issue 12): search p95 < 100 ms, design page p95 < 50 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/_engines.py
from _engines import line, on_each, timed  # noqa: E402

TARGETS = {"search": 100.0, "page": 50.0}

# (Polish nominative, Polish genitive, English) — titles use both Polish cases
TOPICS = [
    ("programowanie w Pythonie", "programowania w Pythonie", "Python programming"),
    ("analiza danych", "analizy danych", "data analysis"),
    ("kształcenie zawodowe", "kształcenia zawodowego", "vocational training"),
    ("zarządzanie projektami", "zarządzania projektami", "project management"),
    ("bezpieczeństwo sieci", "bezpieczeństwa sieci", "network security"),
    ("efektywność energetyczna", "efektywności energetycznej", "energy efficiency"),
    ("komunikacja w zespole", "komunikacji w zespole", "team communication"),
    ("fotografia cyfrowa", "fotografii cyfrowej", "digital photography"),
    ("obsługa wózka widłowego", "obsługi wózka widłowego", "forklift operation"),
    ("rachunkowość małych firm", "rachunkowości małych firm", "small business accounting"),
    ("uczenie maszynowe", "uczenia maszynowego", "machine learning"),
    ("arkusze kalkulacyjne", "arkuszy kalkulacyjnych", "spreadsheets"),
    ("opieka nad osobami starszymi", "opieki nad osobami starszymi", "elderly care"),
    ("gospodarka odpadami", "gospodarki odpadami", "waste management"),
    ("odnawialne źródła energii", "odnawialnych źródeł energii", "renewable energy"),
    ("język angielski w biznesie", "języka angielskiego w biznesie", "business English"),
    ("marketing internetowy", "marketingu internetowego", "online marketing"),
    ("projektowanie stron WWW", "projektowania stron WWW", "web design"),
    ("spawanie metodą TIG", "spawania metodą TIG", "TIG welding"),
    ("pierwsza pomoc", "pierwszej pomocy", "first aid"),
    ("prawo pracy", "prawa pracy", "labour law"),
    ("logistyka magazynowa", "logistyki magazynowej", "warehouse logistics"),
    ("ochrona danych osobowych", "ochrony danych osobowych", "personal data protection"),
    ("mediacje i negocjacje", "mediacji i negocjacji", "mediation and negotiation"),
    ("rolnictwo ekologiczne", "rolnictwa ekologicznego", "organic farming"),
    ("technologie chmurowe", "technologii chmurowych", "cloud technologies"),
    ("druk 3D", "druku 3D", "3D printing"),
    ("dostępność cyfrowa", "dostępności cyfrowej", "digital accessibility"),
    ("przywództwo", "przywództwa", "leadership"),
    ("budownictwo pasywne", "budownictwa pasywnego", "passive building"),
]
TITLE_FORMS = [
    ("Podstawy {gen}", "{en} basics"),
    ("Kurs {gen}", "A course in {en}"),
    ("{Nom} — poziom zaawansowany", "Advanced {en}"),
    ("{Nom} w praktyce", "{En} in practice"),
    ("Warsztaty {gen}", "{En} workshop"),
    ("{Nom} dla początkujących", "{En} for beginners"),
]
OUTCOMES = [
    (
        "Uczestnik potrafi zaplanować pracę z zakresu {gen} i ocenić jej wyniki.",
        "The learner can plan work in {en} and assess its results.",
    ),
    (
        "Stosuje narzędzia {gen} do rozwiązania typowego problemu zawodowego.",
        "Uses {en} tools to solve a typical workplace problem.",
    ),
    (
        "Wyjaśnia zasady {gen} współpracownikom i klientom.",
        "Explains the principles of {en} to colleagues and clients.",
    ),
    (
        "Dokumentuje swoje działania zgodnie z przepisami i dobrą praktyką.",
        "Documents their work according to regulations and good practice.",
    ),
    (
        "Samodzielnie przygotowuje projekt i przedstawia go grupie.",
        "Prepares a project independently and presents it to a group.",
    ),
]
PROVIDER_NAMES = ["Politechnika", "Uniwersytet", "Akademia", "Centrum Kształcenia",
                  "Szkoła Branżowa", "Fundacja Rozwoju", "Instytut", "Kolegium"]  # fmt: skip
PLACES = ["Warszawska", "Krakowska", "Gdańska", "Wrocławska", "Poznańska", "Łódzka",
          "Lubelska", "Śląska", "Opolska", "Pomorska", "Mazowiecka", "Podlaska"]  # fmt: skip
COUNTRIES = ["PL"] * 8 + ["DE", "CZ", "LT", "SK", "FR", "ES", "IT", "AT"]
LANGS = [["pl"], ["pl"], ["pl", "en"], ["en"], ["pl", "en"], ["de", "en"], ["cs"]]
ISCED = ["011", "021", "023", "031", "041", "042", "052", "054", "061", "071", "072",
         "073", "081", "091", "092", "101", "104"]  # fmt: skip
FORMS = ["online", "onsite", "blended"]

# (query kind, list of search parameters); each round takes the next one
KINDS: list[tuple[str, list[dict[str, object]]]] = [
    (
        "one word",
        [
            {"q": w}
            for w in [
                "python",
                "energia",
                "marketing",
                "spawanie",
                "logistyka",
                "fotografia",
                "leadership",
                "welding",
            ]
        ],
    ),
    (
        "inflected PL word",
        [
            {"q": w}
            for w in [
                "kształcenia",
                "programowania",
                "bezpieczeństwa",
                "efektywności",
                "fotografii",
                "rachunkowości",
                "komunikacji",
                "gospodarki",
            ]
        ],
    ),
    (
        "no diacritics",
        [
            {"q": w}
            for w in [
                "ksztalcenie",
                "zarzadzanie",
                "bezpieczenstwo",
                "dostepnosc",
                "rachunkowosc",
                "przywodztwo",
                "ochrona",
                "odnawialne zrodla",
            ]
        ],
    ),
    (
        "two words",
        [
            {"q": w}
            for w in [
                "analiza danych",
                "project management",
                "uczenie maszynowe",
                "pierwsza pomoc",
                "renewable energy",
                "prawo pracy",
                "druk 3D",
                "web design",
            ]
        ],
    ),
    (
        "filters only",
        [
            {"eqf": ["4", "5"], "language": "pl"},
            {"ects_min": "2", "ects_max": "5"},
            {"isced": "06"},
            {"participation": "online", "country": "PL"},
            {"eqf": "6", "sort": "ects"},
            {"country": "DE", "sort": "newest"},
            {"language": "en", "sort": "eqf"},
            {"isced": "041", "page": "3"},
        ],
    ),
    (
        "words + filters",
        [
            {"q": "energia", "eqf": "4"},
            {"q": "kształcenia", "language": "pl"},
            {"q": "python", "participation": "online"},
            {"q": "management", "ects_max": "3"},
            {"q": "danych", "isced": "06"},
            {"q": "ksztalcenie", "country": "PL"},
            {"q": "marketing", "sort": "title"},
            {"q": "bezpieczenstwo", "eqf": ["5", "6"]},
        ],
    ),
    ("nothing asked", [{}, {"page": "2"}, {"sort": "newest"}, {"page": "100"}]),
]


def _skill_pool(rng: random.Random) -> list[str]:
    return [f"http://data.europa.eu/esco/skill/{uuid.UUID(int=rng.getrandbits(128))}"
            for _ in range(400)]  # fmt: skip


def _design(rng: random.Random, n: int, provider: str, country: str,
            skills: list[str]) -> dict[str, object]:  # fmt: skip
    nom, gen, en = rng.choice(TOPICS)
    pl_form, en_form = rng.choice(TITLE_FORMS)
    words = {"gen": gen, "nom": nom, "Nom": nom[:1].upper() + nom[1:], "en": en,
             "En": en[:1].upper() + en[1:]}  # fmt: skip
    title = {"pl": f"{pl_form.format(**words)} ({n})", "en": f"{en_form.format(**words)} ({n})"}
    outcomes = []
    for pl, eng in rng.sample(OUTCOMES, rng.randint(2, 4)):
        outcomes.append({"statement": {"pl": pl.format(**words), "en": eng.format(**words)},
                         "esco_skills": rng.sample(skills, rng.randint(0, 3))})  # fmt: skip
    level = rng.randint(2, 7)
    return {
        "format": "microcred-design/1", "title": title,
        "description": {"pl": f"Program obejmuje {nom} oraz praktyczne ćwiczenia.",
                        "en": f"The programme covers {en} with practical exercises."},
        "awarding_bodies": [{"name": {"pl": provider}, "country": country}],
        "learner_identification": ["full-name", "email"],
        "learning_outcomes": outcomes,
        "workload": {"ects": rng.choice([0.5, 1, 1.5, 2, 3, 4, 5, 6, 8, 10]),
                     "hours": rng.choice([15, 25, 50, 75, 120])},
        "levels": [{"framework": "eqf", "value": level}],
        "assessment": {"methods": [rng.choice(["online-test", "project", "written-test"])]},
        "form_of_participation": rng.choice(FORMS),
        "quality_assurance": {"types": ["internal"]},
        "fields_of_education": [rng.choice(ISCED)],
        "languages": rng.choice(LANGS),
    }  # fmt: skip


def _generate(count: int, seed: int) -> None:
    """``count`` published designs (and the unpublished rest), in bulk."""
    from datetime import UTC, datetime, timedelta

    from microcred.platform.accounts.models import Organisation, OrganisationKind, User
    from microcred.platform.catalog.facets import facets_of, facets_rows
    from microcred.platform.catalog.listing import listings_refresh
    from microcred.platform.catalog.models import (
        Design,
        DesignSkill,
        DesignStatus,
        DesignVersion,
        VersionFacets,
        VersionText,
    )
    from microcred.platform.providers.models import Provider, ProviderStatus
    from microcred.standard.elements import MicroCredentialSpec

    rng = random.Random(seed)  # noqa: S311 - test data, not secrets
    skills = _skill_pool(rng)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    user = User.objects.create_user(email="bench@example.org", password=None, full_name="Bench")
    providers = []
    for i in range(120):
        status = ProviderStatus.SUSPENDED if i == 0 else (
            ProviderStatus.PENDING if i == 1 else ProviderStatus.APPROVED)  # fmt: skip
        name = f"{PROVIDER_NAMES[i % len(PROVIDER_NAMES)]} {PLACES[i % len(PLACES)]} {i}"
        org = Organisation.objects.create(name=name, kind=OrganisationKind.PROVIDER,
                                          created_at=start)  # fmt: skip
        providers.append(Provider.objects.create(
            organisation=org, legal_name=name, identifier_scheme="krs",
            identifier=f"{i:010d}", country=COUNTRIES[i % len(COUNTRIES)],
            provider_type="university", website="https://example.org",
            contact_email="x@example.org", status=status, submitted_at=start,
        ))  # fmt: skip
    published, made, batch = 0, 0, 2000
    while published < count:
        designs, rows = [], []
        for _ in range(min(batch, count - published)):
            provider = providers[made % len(providers)]
            made += 1
            if provider.status == ProviderStatus.APPROVED:
                published += 1
            created = start + timedelta(minutes=made)
            designs.append((provider, Design(provider=provider, created_at=created)))
        Design.objects.bulk_create([d for _, d in designs])
        for provider, design in designs:
            spec_data = _design(rng, design.pk, provider.legal_name, provider.country, skills)
            title: dict[str, str] = spec_data["title"]  # type: ignore[assignment]
            versions = [DesignStatus.APPROVED]
            if rng.random() < 0.1:
                versions.append(rng.choice([DesignStatus.APPROVED, DesignStatus.DRAFT]))
            for number, status in enumerate(versions, 1):
                spec = MicroCredentialSpec.model_validate(spec_data)
                facets = facets_of(spec, provider_name=provider.legal_name)
                rows.append((DesignVersion(
                    design=design, number=number, status=status,
                    source=json.dumps(spec_data, ensure_ascii=False),
                    title_pl=title["pl"], title_en=title["en"],
                    created_by=user, created_at=design.created_at,
                ), facets, provider.pk))  # fmt: skip
        DesignVersion.objects.bulk_create([v for v, _, _ in rows])
        made_rows = [facets_rows(v, facets, provider_id=p) for v, facets, p in rows]
        VersionFacets.objects.bulk_create([row for row, _ in made_rows])
        VersionText.objects.bulk_create([text for _, text in made_rows])
        DesignSkill.objects.bulk_create(
            [DesignSkill(version=v, uri=uri) for v, facets, _ in rows for uri in facets.skills]
        )
    listings_refresh()  # what a QA approval does, for every design at once


def worker(count: int, rounds: int, seed: int) -> None:
    """Runs inside the process whose environment names the database."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "microcred.platform.config.settings")
    os.environ["MICROCRED_ALLOWED_HOSTS"] = "testserver"  # Django's test Client's host
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test import Client

    from microcred.platform.catalog.models import DesignVersion
    from microcred.platform.registry.selectors import SearchParams, published, registry_search

    call_command("migrate", verbosity=0)
    began = time.perf_counter()
    if not DesignVersion.objects.exists():  # (a database kept by --keep is used again)
        with transaction.atomic():
            _generate(count, seed)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    made = time.perf_counter() - began
    listed = published().count()
    print(f"{connection.vendor}: {listed} published designs "
          f"({DesignVersion.objects.count()} versions) generated in {made:.0f} s")  # fmt: skip
    client = Client(HTTP_ACCEPT_LANGUAGE="pl")
    registry_search(SearchParams(q="kształcenie"), lang="pl")  # the stemmers loaded
    for kind, variants in KINDS:
        for path, label in (("/registry/", "page"), ("/api/v1/registry/designs", "API")):
            turn = iter(range(10**9))

            def get(path: str = path, variants: list[dict[str, object]] = variants,
                    turn: Iterator[int] = turn) -> object:  # fmt: skip
                response = client.get(path, variants[next(turn) % len(variants)])
                if response.status_code != 200:
                    raise SystemExit(f"{path} {response.status_code}: {response.content[:300]!r}")
                return response

            get()
            print(line(f"search {label}: {kind}", timed(get, rounds), TARGETS["search"]))
    pks = list(published().values_list("pk", flat=True))
    chosen = random.Random(seed).sample(pks, min(rounds + 1, len(pks)))  # noqa: S311
    client.get(f"/registry/{chosen.pop()}/")  # the page's code loaded, uncounted
    order = iter(chosen * 2)

    def page() -> object:
        response = client.get(f"/registry/{next(order)}/")
        if response.status_code != 200:
            raise SystemExit(f"design page {response.status_code}")
        return response

    print(line("design page, first visit", timed(page, len(chosen)), TARGETS["page"]))
    print(line("design page, visited before", timed(page, len(chosen)), TARGETS["page"]))


def _run_worker(args: argparse.Namespace, env: dict[str, str]) -> int:
    command = [sys.executable, __file__, "--worker", "--designs", str(args.designs),
               "--rounds", str(args.rounds), "--seed", str(args.seed)]  # fmt: skip
    return subprocess.run(command, env=env, check=False).returncode  # noqa: S603


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--designs", type=int, default=50_000, help="published designs")
    parser.add_argument("--rounds", type=int, default=40, help="requests of each kind")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    parser.add_argument(
        "--keep", metavar="DIR", help="SQLite only: keep the database in DIR and use it again"
    )
    parser.add_argument(
        "--database-url", metavar="URL",
        help="PostgreSQL only: use this database (generated on the first run, then used "
        "again) instead of a throw-away cluster",
    )  # fmt: skip
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.designs, args.rounds, args.seed)
        return 0
    sys.path.insert(0, str(ROOT / "src"))
    return on_each(
        args.only,
        lambda env: _run_worker(args, env),
        keep=args.keep,
        database_url=args.database_url,
    )


if __name__ == "__main__":
    sys.exit(main())
