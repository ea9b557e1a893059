"""Fetching a document from the web (or posting a request, for a time-stamp), only when a
caller explicitly allows it, with guards against server-side request forgery (SSRF).

``fetch_public_https(url)``: https only; the host's addresses are resolved once and every
one must be public (no private, loopback, link-local, multicast, reserved or unspecified
address, IPv4-mapped ones included); the connection goes to the address that was
checked — a DNS answer cannot change between check and use — with TLS verified for the
host name; redirects are followed by hand (at most 3), each one checked again; the body
is capped (1 MiB) and so is the time (5 s per step).

Written on ``http.client`` rather than a client library because the guard has to choose
the address the socket connects to, which common clients resolve themselves.
"""

from __future__ import annotations

__all__ = [
    "FetchError",
    "fetch_public_https",
    "is_public_address",
    "json_fetcher",
    "post_public_https",
]

import http.client
import ipaddress
import json
import socket
import ssl
import urllib.parse
from collections.abc import Callable
from typing import Any

from .errors import FetchError

MAX_BYTES = 1024 * 1024
TIMEOUT = 5.0
MAX_REDIRECTS = 3

Resolve = Callable[[str, int], list[str]]
_HEADERS = {"Accept": "application/json, application/did+json", "User-Agent": "microcred"}


def is_public_address(address: str) -> bool:
    """True for a globally routable unicast address."""
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not (
        ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast
        or ip.is_reserved or ip.is_unspecified or not ip.is_global
    )  # fmt: skip


def _resolve(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({str(info[4][0]) for info in infos})


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """An HTTPS connection to a fixed, already-checked address, TLS verified for the host."""

    def __init__(
        self, host: str, address: str, port: int, context: ssl.SSLContext, timeout: float
    ) -> None:
        super().__init__(host, port, timeout=timeout, context=context)
        self._address = address
        self._tls = context

    def connect(self) -> None:
        raw = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._tls.wrap_socket(raw, server_hostname=self.host)


def fetch_public_https(
    url: str,
    *,
    max_bytes: int = MAX_BYTES,
    timeout: float = TIMEOUT,
    resolve: Resolve = _resolve,
    allow_address: Callable[[str], bool] = is_public_address,
    ssl_context: ssl.SSLContext | None = None,
) -> bytes:
    """The body at ``url``, under the guards in the module docstring."""
    return _request("GET", url, None, _HEADERS, max_bytes=max_bytes, timeout=timeout,
                    resolve=resolve, allow_address=allow_address,
                    ssl_context=ssl_context)  # fmt: skip


def post_public_https(
    url: str,
    body: bytes,
    *,
    content_type: str,
    accept: str,
    max_bytes: int = MAX_BYTES,
    timeout: float = TIMEOUT,
    resolve: Resolve = _resolve,
    allow_address: Callable[[str], bool] = is_public_address,
    ssl_context: ssl.SSLContext | None = None,
) -> bytes:
    """POST ``body`` to ``url`` and return the answer, under the same guards; a redirect
    is refused (re-sending a request elsewhere is not the caller's choice)."""
    headers = {"Content-Type": content_type, "Accept": accept, "User-Agent": "microcred"}
    return _request("POST", url, body, headers, max_bytes=max_bytes, timeout=timeout,
                    resolve=resolve, allow_address=allow_address,
                    ssl_context=ssl_context)  # fmt: skip


def _request(
    method: str,
    url: str,
    body: bytes | None,
    headers: dict[str, str],
    *,
    max_bytes: int,
    timeout: float,
    resolve: Resolve,
    allow_address: Callable[[str], bool],
    ssl_context: ssl.SSLContext | None,
) -> bytes:
    context = ssl_context or ssl.create_default_context()
    for _ in range(MAX_REDIRECTS + 1):
        parts = urllib.parse.urlsplit(url)
        if parts.scheme != "https" or not parts.hostname:
            raise FetchError(f"only https URLs are fetched, not {url!r}")
        if parts.username or parts.password:
            raise FetchError("URLs with credentials are refused")
        port = parts.port or 443
        try:
            addresses = resolve(parts.hostname, port)
        except OSError as exc:
            raise FetchError(f"cannot resolve {parts.hostname}: {exc}") from None
        if not addresses:
            raise FetchError(f"{parts.hostname} has no address")
        blocked = [a for a in addresses if not allow_address(a)]
        if blocked:
            raise FetchError(f"{parts.hostname} resolves to a non-public address ({blocked[0]})")
        connection = _PinnedHTTPSConnection(parts.hostname, addresses[0], port, context, timeout)
        try:
            path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            if response.status in (301, 302, 303, 307, 308):
                location = response.getheader("Location")
                if not location:
                    raise FetchError("a redirect without a Location")
                if method != "GET":
                    raise FetchError(f"{url} redirects to {location}: refused for {method}")
                url = urllib.parse.urljoin(url, location)
                continue
            if response.status != 200:
                raise FetchError(f"{url} answered HTTP {response.status}")
            length = response.getheader("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(f"{url} is larger than {max_bytes} bytes")
            answer: bytes = response.read(max_bytes + 1)
            if len(answer) > max_bytes:
                raise FetchError(f"{url} is larger than {max_bytes} bytes")
            return answer
        except (OSError, http.client.HTTPException) as exc:
            raise FetchError(f"cannot fetch {url}: {exc}") from None
        finally:
            connection.close()
    raise FetchError(f"more than {MAX_REDIRECTS} redirects")


def json_fetcher(**options: Any) -> Callable[[str], Any]:
    """A status-list fetcher over :func:`fetch_public_https` returning parsed JSON."""

    def fetch(url: str) -> Any:
        return json.loads(fetch_public_https(url, **options))

    return fetch
