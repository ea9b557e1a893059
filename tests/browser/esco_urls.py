"""The platform's URLs and one page more, for the skill picker's browser test: a form
holding the picker (as the design studio includes it per learning outcome) that shows,
once posted, the URIs it received through ``skill_uris_from``."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.urls import path

from microcred.platform.config.urls import urlpatterns as platform
from microcred.platform.esco.forms import skill_uris_from

MUSICAL = "http://data.europa.eu/esco/skill/0005c151-5b5a-4a66-8aac-60e734beb1ab"
PAGE = """{% extends "core/base.html" %}{% load static %}
{% block content %}<script src="{% static 'core/htmx.min.js' %}" defer></script>
<h1>Learning outcome</h1>
<form method="post" class="card">{% csrf_token %}
{% include "esco/_skill_picker.html" with name="skills" uris=uris label="ESCO skills" %}
<p><button>Save</button></p></form>{% endblock %}"""


def picker(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        return HttpResponse("\n".join(skill_uris_from(request.POST, "skills")),
                            content_type="text/plain")  # fmt: skip
    return HttpResponse(engines["django"].from_string(PAGE).render({"uris": [MUSICAL]}, request))


urlpatterns = [*platform, path("picker-test/", picker)]
