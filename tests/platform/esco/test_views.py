"""The ESCO pages and endpoint, public: the search page, the picker's HTMX results, a
skill's page (Polish with a visible English fallback), the JSON type-ahead, and what
they say before ESCO is loaded."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from microcred.platform.esco import messages as m
from microcred.platform.esco.models import Dataset, Skill
from microcred.platform.esco.services import LoadReport

pytestmark = pytest.mark.django_db
PYTHON = "ccd0a1d9-afda-43d9-b901-96344886e14d"
MUSICAL = "0005c151-5b5a-4a66-8aac-60e734beb1ab"  # "manage musical staff": no Polish label


def client(lang: str) -> Client:
    return Client(headers={"accept-language": lang})


def test_the_search_page_links_to_skills(full_esco: LoadReport) -> None:
    page = client("en").get("/esco/skills/", {"q": "python"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "<html" in html
    assert f'href="/esco/skills/{PYTHON}/">Python (computer programming)</a>' in html
    assert "This service uses the ESCO classification of the European Commission." in html


def test_the_pickers_request_gets_result_buttons_only(full_esco: LoadReport) -> None:
    page = client("pl").get("/esco/skills/", {"q": "python", "picker": "o1"},
                            headers={"hx-request": "true"})  # fmt: skip
    html = page.content.decode()
    assert "<html" not in html
    uri = f"http://data.europa.eu/esco/skill/{PYTHON}"
    label = "Python (programowanie komputerowe)"
    button = f'<button type="button" class="esco-option" data-esco-uri="{uri}" data-esco-label="{label}">'  # noqa: E501
    assert button in html
    assert 'role="status"' in html


def test_an_english_label_on_a_polish_page_is_marked(full_esco: LoadReport) -> None:
    page = client("pl").get("/esco/skills/", {"q": "manage musical staff"})
    html = page.content.decode()
    assert re.search(r'<span lang="en">manage musical staff</span> <abbr class="esco-lang" '
                     r'title="[^"]+">EN</abbr>', html)  # fmt: skip
    english = client("en").get("/esco/skills/", {"q": "manage musical staff"}).content.decode()
    assert 'class="esco-lang"' not in english


def test_a_skill_page_shows_its_occupations(full_esco: LoadReport) -> None:
    page = client("pl").get(f"/esco/skills/{PYTHON}/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "<h1>Python (programowanie komputerowe)</h1>" in html
    assert "inżynier sztucznej inteligencji" in html  # essential, Polish label
    assert html.count("<li>") >= 5 + 20
    assert '<dd lang="en">Python (computer programming)</dd>' in html


def test_a_skill_page_without_polish_says_so(full_esco: LoadReport) -> None:
    html = client("pl").get(f"/esco/skills/{MUSICAL}/").content.decode()
    assert '<h1><span lang="en">manage musical staff</span> <abbr class="esco-lang"' in html
    assert '<p lang="en">Assign and manage staff tasks' in html


def test_an_unknown_skill_is_404(full_esco: LoadReport) -> None:
    page = client("en").get("/esco/skills/00000000-0000-0000-0000-000000000000/")
    assert page.status_code == 404
    assert m.SKILL_NOT_FOUND.en in page.content.decode()
    assert client("en").get("/esco/skills/not-a-uuid/").status_code == 404


def test_the_json_type_ahead(full_esco: LoadReport) -> None:
    answer = client("en").get("/api/v1/esco/skills", {"q": "python", "lang": "pl", "limit": 3})
    assert answer.status_code == 200
    first = answer.json()[0]
    assert first == {
        "uri": f"http://data.europa.eu/esco/skill/{PYTHON}",
        "label": "Python (programowanie komputerowe)", "label_lang": "pl",
        "collections": ["digital"], "skill_type": "knowledge",
        "url": f"http://localhost:8000/esco/skills/{PYTHON}/",
    }  # fmt: skip
    fallback = client("en").get("/api/v1/esco/skills", {"q": "manage musical", "lang": "pl"})
    assert fallback.json()[0]["label_lang"] == "en"


def test_the_json_type_ahead_refuses_an_unknown_language(full_esco: LoadReport) -> None:
    answer = client("en").get("/api/v1/esco/skills", {"q": "python", "lang": "de"})
    assert answer.status_code == 422
    assert set(answer.json()) == {"message", "code", "extra"}


def test_before_esco_is_loaded_the_pages_say_how(db: None) -> None:
    Dataset.objects.all().delete()  # (rolled back after the test)
    html = client("en").get("/esco/skills/", {"q": "python"}).content.decode()
    assert "microcred esco load DIR [--pl DIR]" in html
    partial = client("en").get("/esco/skills/", {"q": "x", "picker": "p"},
                               headers={"hx-request": "true"}).content.decode()  # fmt: skip
    assert "microcred esco load DIR [--pl DIR]" in partial
    assert client("en").get("/api/v1/esco/skills", {"q": "python"}).status_code == 200


def test_every_esco_url_answers_without_a_server_error(full_esco: LoadReport) -> None:
    skill = Skill.objects.order_by("pk").first()
    assert skill is not None
    for url in ["/esco/skills/", "/esco/skills/?q=%00", "/esco/skills/?q=" + "a" * 5000,
                f"/esco/skills/{skill.pk}/", "/api/v1/esco/skills?q=%25&limit=-5",
                "/api/v1/esco/skills?limit=x"]:  # fmt: skip
        assert client("pl").get(url).status_code < 500, url
