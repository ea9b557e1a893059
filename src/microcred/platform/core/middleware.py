"""Pages: a :class:`~.errors.PlatformError` that a view lets through becomes a page with
its message in the visitor's language and its HTTP status, never a traceback."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .errors import PlatformError
from .language import current_language


class PlatformErrorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, PlatformError):
            return None
        lang = current_language()
        return render(request, "core/error.html",
                      {"message": exception.text(lang), "code": exception.code},
                      status=exception.status)  # fmt: skip
