"""The platform's URLs: each app's pages under its own prefix, the REST API under
``/api/v1/``."""

from __future__ import annotations

from django.urls import include, path

from ..issuance.urls import status_urlpatterns
from ..providers import views as providers
from .api import api

urlpatterns = [
    path("", include("microcred.platform.core.urls")),
    path("accounts/", include("microcred.platform.accounts.urls")),
    path("providers/", include("microcred.platform.providers.urls")),
    path("designs/", include("microcred.platform.catalog.urls")),
    path("qa/", include("microcred.platform.qa.urls")),
    path("registry/", include("microcred.platform.registry.urls")),
    path("esco/", include("microcred.platform.esco.urls")),
    path("awards/", include("microcred.platform.issuance.urls")),
    path("status/", include((status_urlpatterns, "status"))),
    path("uptake/", include("microcred.platform.uptake.urls")),
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("trust-list", providers.trust_list, name="trust_list"),
    path(".well-known/did.json", providers.operator_did_json, name="operator_did"),
]
