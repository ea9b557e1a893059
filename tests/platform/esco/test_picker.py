"""The skill picker include: a textarea of URIs without JavaScript, chips (whose hidden
inputs the script enables) for the skills already chosen, a search box that asks the
HTMX endpoint; and what it posts, read back by ``skill_uris_from``."""

from __future__ import annotations

import pytest
from django.http import QueryDict
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from microcred.platform.esco.forms import skill_uris_from
from microcred.platform.esco.services import LoadReport

PYTHON = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"
MUSICAL = "http://data.europa.eu/esco/skill/0005c151-5b5a-4a66-8aac-60e734beb1ab"
UNKNOWN = "http://data.europa.eu/esco/skill/00000000-0000-0000-0000-000000000000"


def render(**context: object) -> str:
    template = Template('{% include "esco/_skill_picker.html" with name=name uris=uris '
                        'label=label picker_id=picker_id %}')  # fmt: skip
    request = RequestFactory().get("/")
    with translation.override("pl"):
        return template.render(Context({"request": request, **context}))


@pytest.mark.django_db
def test_the_picker_without_javascript_is_a_textarea_of_uris(full_esco: LoadReport) -> None:
    html = render(name="outcome-0-skills", uris=[PYTHON, UNKNOWN], label="Umiejętności",
                  picker_id="o0")  # fmt: skip
    assert '<label for="o0-uris">Umiejętności</label>' in html
    assert 'name="outcome-0-skills" rows="3"' in html
    assert f">{PYTHON}\n{UNKNOWN}\n</textarea>" in html
    # the chips' inputs are posted only once the script has taken the textarea's place
    assert f'<input type="hidden" name="outcome-0-skills" value="{PYTHON}" disabled>' in html
    assert "<code>" + UNKNOWN + "</code>" in html  # an unknown URI shown as it is
    assert 'hx-get="/esco/skills/"' in html
    assert "delay:300ms" in html
    assert 'form="o0-no-form"' in html  # the search box is not posted with the form
    assert "data-esco-enhanced hidden" in html


@pytest.mark.django_db
def test_a_chosen_skill_without_polish_is_marked_english(full_esco: LoadReport) -> None:
    html = render(name="s", uris=f"{MUSICAL}\n", label="", picker_id="")
    assert '<span lang="en">manage musical staff</span> <abbr class="esco-lang"' in html
    assert 'id="s-picker"' in html  # the id prefix defaults to the name
    assert 'aria-label="Usuń: manage musical staff">×</button>' in html


def test_what_the_picker_posts_is_read_back_in_order_once() -> None:
    data = QueryDict(mutable=True)
    data.setlist("skills", [f"{PYTHON}\r\n{MUSICAL}\n", PYTHON, f"  {UNKNOWN} "])
    assert skill_uris_from(data, "skills") == [PYTHON, MUSICAL, UNKNOWN]
    assert skill_uris_from(data, "other") == []
