"""The REST API's error shape, mapped once: a :class:`~.errors.PlatformError` (and a
malformed or unauthenticated request) becomes ``{"message", "code", "extra"}`` with its
status, in the language the request asks for (``Accept-Language``). The API object
itself, with every app's router and the authentication, is assembled in
:mod:`..config.api`, above the apps."""

from __future__ import annotations

__all__ = ["install_error_handlers"]

from django.http import HttpRequest, HttpResponse
from django.utils import translation
from ninja import NinjaAPI
from ninja.errors import AuthenticationError
from ninja.errors import ValidationError as NinjaValidationError

from . import messages as m
from .errors import PlatformError


def _lang(request: HttpRequest) -> str:
    return translation.get_language_from_request(request) or "pl"


def install_error_handlers(api: NinjaAPI) -> None:
    """Map the platform's errors, and ninja's own, to the one error shape of ``api``."""

    @api.exception_handler(PlatformError)
    def platform_error(request: HttpRequest, exc: PlatformError) -> HttpResponse:
        return api.create_response(request, exc.as_json(_lang(request)), status=exc.status)

    @api.exception_handler(NinjaValidationError)
    def invalid_request(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        fields = sorted({".".join(str(p) for p in e.get("loc", ())[1:]) or "body"
                         for e in exc.errors})  # fmt: skip
        error = PlatformError(m.INVALID_INPUT, fields=", ".join(fields),
                              extra={"errors": [{"loc": e.get("loc"), "msg": e.get("msg")}
                                                for e in exc.errors]})  # fmt: skip
        return api.create_response(request, error.as_json(_lang(request)), status=422)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        error = PlatformError(m.PERMISSION_DENIED)
        return api.create_response(request, error.as_json(_lang(request)), status=401)
