"""The REST API (django-ninja, OpenAPI at ``/api/v1/openapi.json``): each app adds its
router; a :class:`~.errors.PlatformError` becomes ``{"message", "code", "extra"}`` with its
status, in the language the request asks for (``Accept-Language``). A request is
authenticated by an API key (``Authorization: Bearer mc_…``, :mod:`..accounts.tokens`)
or by the session of a logged-in person."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils import translation
from ninja import NinjaAPI
from ninja.errors import AuthenticationError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.security import HttpBearer, SessionAuth

from . import messages as m
from .errors import PlatformError


class _TokenAuth(HttpBearer):
    """API keys (``accounts.tokens.ApiTokenAuth``), imported when first used: the
    accounts app's models are not ready when this module loads."""

    def authenticate(self, request: HttpRequest, token: str) -> object | None:
        from ..accounts.tokens import ApiTokenAuth

        return ApiTokenAuth().authenticate(request, token)


api = NinjaAPI(
    title="microcred",
    version="1",
    description="EU micro-credentials: providers, designs, the registry.",
    urls_namespace="api",
    auth=[_TokenAuth(), SessionAuth()],
)


def _lang(request: HttpRequest) -> str:
    return translation.get_language_from_request(request) or "pl"


@api.exception_handler(PlatformError)
def _platform_error(request: HttpRequest, exc: PlatformError) -> HttpResponse:
    return api.create_response(request, exc.as_json(_lang(request)), status=exc.status)


@api.exception_handler(NinjaValidationError)
def _invalid_request(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    fields = sorted({".".join(str(p) for p in e.get("loc", ())[1:]) or "body" for e in exc.errors})
    error = PlatformError(m.INVALID_INPUT, fields=", ".join(fields),
                          extra={"errors": [{"loc": e.get("loc"), "msg": e.get("msg")}
                                            for e in exc.errors]})  # fmt: skip
    return api.create_response(request, error.as_json(_lang(request)), status=422)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    error = PlatformError(m.PERMISSION_DENIED)
    return api.create_response(request, error.as_json(_lang(request)), status=401)


def _add_routers() -> None:
    from ..providers.api import router as providers
    from ..registry.api import router as registry

    api.add_router("/providers", providers)
    api.add_router("/registry", registry)


_add_routers()
