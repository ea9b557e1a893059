"""The design studio: a form with every Annex I element, built from the standard, saved
through the same path as an imported file; the standard's problems under their fields
(nothing saved); the live compliance check; and no one outside the provider reaching
any of it."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from microcred.platform.accounts.models import User
from microcred.platform.catalog import messages as m
from microcred.platform.catalog.models import Design, DesignVersion
from microcred.platform.catalog.services import design_import, design_save_form
from microcred.platform.catalog.studio import initial_of
from microcred.platform.core.errors import InvalidInputError, PermissionDeniedError
from microcred.platform.providers.models import Provider
from microcred.standard import designfile
from microcred.standard.designfile import messages as dm

from ...conftest import EXAMPLES
from ..conftest import NOW, admin_of, log_in

pytestmark = pytest.mark.django_db
GOOD = (EXAMPLES / "python-basics.yaml").read_text(encoding="utf-8")
ESCO = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"


def form_data(text: str | None = None, **changes: Any) -> dict[str, Any]:
    """What the studio's page posts for the design ``text`` (empty: a new page)."""
    initial, rows, bodies = initial_of(designfile.loads(text)) if text else ({}, [], [])
    data: dict[str, Any] = {k: v for k, v in initial.items() if v not in ("", [])}
    for prefix, found in (("outcomes", rows or [{}]), ("bodies", bodies)):
        data[f"{prefix}-TOTAL_FORMS"] = str(len(found))
        data[f"{prefix}-INITIAL_FORMS"] = "0"
        for index, row in enumerate(found):
            for key, value in row.items():
                data[f"{prefix}-{index}-{key}"] = value
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def client_of(provider: Provider) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    log_in(client, admin_of(provider).email)
    return client


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.yaml")))
def test_every_example_design_round_trips_through_the_form(provider_a: Provider,
                                                           name: str) -> None:  # fmt: skip
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    base = design_import(user=admin_of(provider_a), provider=provider_a, text=text, now=NOW)
    response = client_of(provider_a).post(f"/designs/versions/{base.pk}/edit/", form_data(text))
    assert response.status_code == 302, response.content.decode()[:3000]
    saved = DesignVersion.objects.get(design=base.design, number=2)
    assert saved.source == base.source  # the same YAML, byte for byte
    assert response["Location"] == f"/designs/versions/{saved.pk}/"


def test_a_new_design_from_the_form_alone(provider_a: Provider) -> None:
    """Without a version to start from, every field of the form is what the design has."""
    text = GOOD
    response = client_of(provider_a).post(f"/designs/providers/{provider_a.pk}/new/",
                                          form_data(text))  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:3000]
    saved = designfile.loads(DesignVersion.objects.get().source)
    original = designfile.loads(GOOD)
    assert saved.title == original.title
    assert saved.learning_outcomes == original.learning_outcomes
    assert saved.workload == original.workload
    assert saved.assessment == original.assessment
    assert saved.quality_assurance == original.quality_assurance
    assert saved.awarding_bodies[0].name == original.awarding_bodies[0].name


def test_a_draft_may_be_incomplete_as_the_design_format_allows(provider_a: Provider) -> None:
    client = client_of(provider_a)
    response = client.post(f"/designs/providers/{provider_a.pk}/new/",
                           form_data(title_pl="Szkic", title_en="Draft"))  # fmt: skip
    assert response.status_code == 302
    version = DesignVersion.objects.get()
    assert (version.title_pl, version.title_en) == ("Szkic", "Draft")
    page = client.get(response["Location"]).content.decode()
    assert "participation badge" in page  # the standard's verdict: no outcomes yet


def test_bad_values_are_refused_under_their_fields_and_nothing_is_saved(
    provider_a: Provider,
) -> None:
    client = client_of(provider_a)
    data = form_data(GOOD, workload_ects="lots", **{
        "bodies-0-url": "nowhere", "bodies-0-country": "XX",
        "outcomes-0-esco_skills": "not-a-skill"})  # fmt: skip
    response = client.post(f"/designs/providers/{provider_a.pk}/new/", data)
    assert response.status_code == 422
    form = response.context["form"]
    assert form.errors["workload_ects"] == [dm.WRONG_TYPE.text(
        "en", expected=dm.EXPECTED_NUMBER.en, got="'lots'")]  # fmt: skip
    body = response.context["bodies"].forms[0]
    assert "is not an absolute URI" in body.errors["url"][0]
    assert "XX" in body.errors["country"][0]
    assert "ESCO" in response.context["outcomes"].forms[0].errors["esco_skills"][0]
    assert not Design.objects.exists()
    polish = Client(HTTP_ACCEPT_LANGUAGE="pl")
    log_in(polish, admin_of(provider_a).email)
    response = polish.post(f"/designs/providers/{provider_a.pk}/new/", data)
    assert "to nie jest bezwzględny URI" in response.context["bodies"].forms[0].errors["url"][0]
    assert not Design.objects.exists()


def test_the_check_button_and_the_live_endpoint_show_the_standard_s_verdict(
    provider_a: Provider,
) -> None:
    client = client_of(provider_a)
    page = client.post(f"/designs/providers/{provider_a.pk}/new/",
                       {**form_data(GOOD), "action": "check"})  # fmt: skip
    assert page.status_code == 200
    assert "micro-credential" in page.content.decode()
    badge = form_data(GOOD, **{"outcomes-0-statement_en": "Attended the webinar",
                               "outcomes-0-statement_pl": "Uczestniczył w webinarze",
                               "outcomes-TOTAL_FORMS": "1"})  # fmt: skip
    live = client.post(f"/designs/providers/{provider_a.pk}/new/check/", badge,
                       HTTP_HX_REQUEST="true")  # fmt: skip
    assert live.status_code == 200
    body = live.content.decode()
    assert "<html" not in body  # the partial only
    assert "participation badge (not a micro-credential)" in body
    assert 'id="verdict-bar"' in body  # the phone's bar, swapped out of band
    assert 'hx-swap-oob="true"' in body
    broken = client.post(f"/designs/providers/{provider_a.pk}/new/check/",
                         form_data(GOOD, workload_hours="many"))  # fmt: skip
    assert "not checked yet" in broken.content.decode()
    assert not Design.objects.exists()


def test_another_outcome_row_is_added_without_saving(provider_a: Provider) -> None:
    response = client_of(provider_a).post(f"/designs/providers/{provider_a.pk}/new/",
                                          {**form_data(GOOD), "action": "more"})  # fmt: skip
    assert response.status_code == 200
    rows = response.context["outcomes"].forms
    assert len(rows) == len(designfile.loads(GOOD).learning_outcomes) + 1
    assert not Design.objects.exists()


def test_the_service_refuses_bad_data_by_field_and_strangers(
    provider_a: Provider, provider_b: Provider
) -> None:
    with pytest.raises(InvalidInputError) as raised:
        design_save_form(user=admin_of(provider_a), provider=provider_a, now=NOW,
                         data={"title": {"pl": "T"}, "workload": {"ects": -1},
                               "learning_outcomes": [{"statement": {"en": "x"},
                                                      "esco_skills": ["nope"]}]})  # fmt: skip
    assert raised.value.code == m.DESIGN_INVALID.code
    assert set(raised.value.extra["fields"]) == {
        "workload.ects", "learning_outcomes[0].esco_skills[0]"}  # fmt: skip
    with pytest.raises(PermissionDeniedError):
        design_save_form(user=admin_of(provider_b), provider=provider_a, now=NOW,
                         data={"title": {"en": "T"}})  # fmt: skip
    assert not Design.objects.exists()
    version = design_save_form(user=admin_of(provider_a), provider=provider_a, now=NOW,
                               data={"title": {"en": "T"}, "learning_outcomes": [
                                   {"statement": {"en": "Writes a script"},
                                    "esco_skills": [ESCO]}]})  # fmt: skip
    assert designfile.loads(version.source).learning_outcomes[0].esco_skills == [ESCO]


def test_another_provider_s_people_reach_none_of_the_studio(
    provider_a: Provider, provider_b: Provider
) -> None:
    version = design_import(user=admin_of(provider_a), provider=provider_a, text=GOOD, now=NOW)
    other = client_of(provider_b)
    data = form_data(GOOD)
    for url in (f"/designs/providers/{provider_a.pk}/new/",
                f"/designs/versions/{version.pk}/edit/"):  # fmt: skip
        assert other.get(url).status_code == 404
        assert other.post(url, data).status_code == 404
        assert other.post(url + "check/", data).status_code == 404
    assert DesignVersion.objects.count() == 1
    anonymous = Client()
    assert anonymous.get(f"/designs/versions/{version.pk}/edit/").status_code == 302


def test_the_studio_pages_render_every_annex_i_element(provider_a: Provider) -> None:
    from microcred.standard.annexes import AnnexIElement

    client = client_of(provider_a)
    page = client.get(f"/designs/providers/{provider_a.pk}/new/").content.decode()
    for element in AnnexIElement:
        if element not in (AnnexIElement.DATE_OF_ISSUE, AnnexIElement.COUNTRY):
            assert element.label("en") in page, element
    assert 'hx-trigger="input changed delay:500ms' in page
    version = design_import(user=admin_of(provider_a), provider=provider_a, text=GOOD, now=NOW)
    edit = client.get(f"/designs/versions/{version.pk}/edit/").content.decode()
    assert "Python" in edit
    assert "EU compliance" in edit


def test_no_studio_page_or_endpoint_fails_for_anyone() -> None:
    """Every new page and endpoint, as an anonymous visitor and in each demo role, with
    good and with garbage input: never a server error."""
    from microcred.platform.demo import DEMO_PASSWORD, demo_designs, demo_seed

    logins = demo_seed(now=NOW)
    demo_designs([(p.name, p.read_text(encoding="utf-8"))
                  for p in sorted(EXAMPLES.glob("*.yaml"))[:2]], now=NOW)  # fmt: skip
    version = DesignVersion.objects.order_by("pk").first()
    assert version is not None
    provider, v, d = version.design.provider_id, version.pk, version.design_id
    gets = [f"/designs/providers/{provider}/new/", f"/designs/versions/{v}/edit/",
            f"/designs/versions/{v}/preview/ob3.json", f"/designs/versions/{v}/preview/edc.jsonld",
            f"/designs/versions/{v}/preview/certificate.pdf", f"/designs/{d}/badge",
            f"/api/v1/catalog/versions/{v}", f"/api/v1/catalog/versions/{v}/design.yaml",
            f"/api/v1/catalog/versions/{v}/preview/ob3", "/designs/versions/999999/edit/",
            "/designs/999999/badge",
            "/api/v1/catalog/versions/999999/preview/nonsense"]  # fmt: skip
    garbage = {"outcomes-TOTAL_FORMS": "x", "workload_ects": "∞", "languages": "zz",
               "bodies-0-country": "<script>", "action": "save"}  # fmt: skip
    posts = [f"/designs/providers/{provider}/new/", f"/designs/providers/{provider}/new/check/",
             f"/designs/versions/{v}/edit/", f"/designs/versions/{v}/edit/check/",
             f"/designs/versions/{v}/badge/"]  # fmt: skip
    clients = {"anonymous": Client()}
    for login in logins:
        client = Client()
        log_in(client, login.email, DEMO_PASSWORD)
        clients[login.email] = client
    before = DesignVersion.objects.count()
    for who, client in clients.items():
        for url in gets:
            assert client.get(url).status_code < 500, (who, url)
        for url in posts:
            assert client.post(url, garbage).status_code < 500, (who, url)
        for url in (f"/api/v1/catalog/providers/{provider}/designs", "/api/v1/catalog/compliance",
                    f"/api/v1/catalog/designs/{d}/versions"):  # fmt: skip
            for body in ("{not json", "[1, 2]", '{"title": 5}'):
                answer = client.post(url, body, content_type="application/json")
                assert answer.status_code < 500, (who, url, body)
    assert DesignVersion.objects.count() == before


def test_a_qa_officer_sees_a_design_and_never_drafts_it(provider_a: Provider,
                                                        qa_officer: User) -> None:  # fmt: skip
    version = design_import(user=admin_of(provider_a), provider=provider_a, text=GOOD, now=NOW)
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    log_in(client, qa_officer.email)
    page = client.get(f"/designs/versions/{version.pk}/")
    assert page.status_code == 200
    assert "Edit as a new version" not in page.content.decode()
    assert f"/designs/versions/{version.pk}/badge/" not in page.content.decode()
    for url in (f"/designs/versions/{version.pk}/edit/",
                f"/designs/providers/{provider_a.pk}/new/"):  # fmt: skip
        assert client.get(url).status_code == 403
        assert client.post(url, form_data(GOOD)).status_code == 403
        assert client.post(url + "check/", form_data(GOOD)).status_code == 403
    assert DesignVersion.objects.count() == 1


def test_the_skill_picker_s_values_become_the_outcome_s_esco_skills(provider_a: Provider) -> None:
    """The ESCO picker posts one value per chosen skill (and its fallback textarea one URI
    a line): the outcome gets each skill once, in the order chosen."""
    other = "http://data.europa.eu/esco/skill/21d2f96d-35f7-4e3f-9745-c533d2dd6e97"
    data = form_data(GOOD) | {"outcomes-0-esco_skills": [other, ESCO, other]}
    response = client_of(provider_a).post(f"/designs/providers/{provider_a.pk}/new/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    saved = designfile.loads(DesignVersion.objects.get().source)
    assert saved.learning_outcomes[0].esco_skills == [other, ESCO]
    page = client_of(provider_a).get(f"/designs/versions/{DesignVersion.objects.get().pk}/edit/")
    assert 'data-esco-picker id="id_outcomes-0-esco_skills-picker"' in page.content.decode()


def test_every_awarding_body_is_shown_added_and_removed(provider_a: Provider) -> None:
    """The form shows each awarding body of the edited version as a row; a row is added
    without saving; a partner's row is saved as the design's second awarding body, its
    bad value refused under its own field, and its remove box drops it."""
    text = (EXAMPLES / "agile-project-management.yaml").read_text(encoding="utf-8")
    names = [b.name.get("pl") for b in designfile.loads(text).awarding_bodies]
    assert len(names) == 2
    base = design_import(user=admin_of(provider_a), provider=provider_a, text=text, now=NOW)
    client = client_of(provider_a)
    page = client.get(f"/designs/versions/{base.pk}/edit/").content.decode()
    for number, name in enumerate(names, start=1):
        assert f"<legend>Awarding body {number}</legend>" in page
        assert f'value="{name}"' in page
    assert 'name="bodies-1-remove"' in page
    assert 'name="bodies-0-remove"' not in page
    more = client.post(f"/designs/versions/{base.pk}/edit/",
                       {**form_data(text), "action": "more_bodies"})  # fmt: skip
    assert more.status_code == 200
    assert len(more.context["bodies"].forms) == 3
    partner = {"bodies-TOTAL_FORMS": "3", "bodies-2-name_pl": "Fundacja Partnerska",
               "bodies-2-country": "PL", "bodies-2-url": "nowhere"}  # fmt: skip
    refused = client.post(f"/designs/versions/{base.pk}/edit/", form_data(text, **partner))
    assert refused.status_code == 422
    assert "is not an absolute URI" in refused.context["bodies"].forms[2].errors["url"][0]
    assert "Awarding body 3, Website:" in refused.content.decode()
    assert DesignVersion.objects.count() == 1
    partner["bodies-2-url"] = "https://fundacja.example.org"
    saved = client.post(f"/designs/versions/{base.pk}/edit/", form_data(text, **partner))
    assert saved.status_code == 302, saved.content.decode()[:3000]
    bodies = designfile.loads(DesignVersion.objects.get(number=2).source).awarding_bodies
    assert [b.name.get("pl") for b in bodies] == [*names, "Fundacja Partnerska"]
    assert bodies[0] == designfile.loads(text).awarding_bodies[0]  # registries, region kept
    removed = client.post(f"/designs/versions/{base.pk}/edit/",
                          form_data(text, **{"bodies-1-remove": "on"}))  # fmt: skip
    assert removed.status_code == 302
    bodies = designfile.loads(DesignVersion.objects.get(number=3).source).awarding_bodies
    assert [b.name.get("pl") for b in bodies] == names[:1]


def test_the_live_check_reads_every_awarding_body(provider_a: Provider) -> None:
    data = form_data(GOOD, **{"bodies-TOTAL_FORMS": "2", "bodies-1-name_en": "Partner Hof",
                              "bodies-1-country": "DE"})  # fmt: skip
    url = f"/designs/providers/{provider_a.pk}/new/check/"
    assert "Partner Hof" not in client_of(provider_a).post(url, form_data(GOOD)).content.decode()
    live = client_of(provider_a).post(url, data)
    assert live.status_code == 200
    assert "Partner Hof" in live.content.decode()  # named by the report: it has no legal id
    assert not Design.objects.exists()


def test_saving_the_form_reads_the_design_once(
    provider_a: Provider, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page reads the posted design with the standard once, and saves what it read
    (the report and the save share it); the API's JSON is read once too."""
    reads: list[str] = []
    real = designfile.loads

    def counted(*args: Any, **kwargs: Any) -> Any:
        reads.append(kwargs.get("source", ""))
        return real(*args, **kwargs)

    posted = form_data(GOOD)
    sent = designfile.loads(GOOD).model_dump(mode="json", exclude_none=True)
    client = client_of(provider_a)
    monkeypatch.setattr(designfile, "loads", counted)
    response = client.post(f"/designs/providers/{provider_a.pk}/new/", posted)
    assert response.status_code == 302
    assert reads == ["form"]  # not again by the service, nor its YAML once more
    reads.clear()
    api = client.post(f"/api/v1/catalog/providers/{provider_a.pk}/designs", sent,
                      content_type="application/json")  # fmt: skip
    assert api.status_code == 201
    assert reads.count("form") == 1
    assert "design.yaml" not in reads
    assert DesignVersion.objects.count() == 2
