"""The REST API (django-ninja, OpenAPI at ``/api/v1/openapi.json``), assembled here,
above the apps: each app's router, the one error shape (:mod:`..core.api`), and the
authentication — an API key (``Authorization: Bearer mc_…``,
:mod:`..accounts.tokens`) or the session of a logged-in person."""

from __future__ import annotations

__all__ = ["api"]

from ninja import NinjaAPI
from ninja.security import SessionAuth

from ..accounts.tokens import ApiTokenAuth
from ..catalog.api import router as catalog
from ..core.api import install_error_handlers
from ..esco.api import router as esco
from ..issuance.api import router as issuance
from ..issuance.batch_api import router as batches
from ..providers.api import router as providers
from ..qa.api import router as qa
from ..registry.api import router as registry
from ..uptake.api import router as uptake

api = NinjaAPI(
    title="microcred",
    version="1",
    description="EU micro-credentials: providers, designs, the registry, awards.",
    urls_namespace="api",
    auth=[ApiTokenAuth(), SessionAuth()],
)
install_error_handlers(api)
api.add_router("/providers", providers)
api.add_router("/catalog", catalog)
api.add_router("/registry", registry)
api.add_router("/qa", qa)
api.add_router("/esco", esco)
api.add_router("/awards", issuance)
api.add_router("/batches", batches)
api.add_router("/uptake", uptake)
