"""The guarded web fetch: https only, public addresses only (checked once, connected to
as checked), redirects re-checked, size capped; a real local TLS server for the happy path."""

from __future__ import annotations

import datetime as dt
import http.server
import json
import ssl
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from microcred.credentials.dids import Resolver
from microcred.credentials.fetch import FetchError, fetch_public_https, is_public_address
from microcred.credentials.keys import KeyPair

HOST = "issuer.example.pl"


@pytest.mark.parametrize(
    ("address", "public"),
    [("8.8.8.8", True), ("2001:4860:4860::8888", True), ("127.0.0.1", False),
     ("10.1.2.3", False), ("192.168.0.1", False), ("172.16.5.4", False), ("169.254.169.254", False),
     ("::1", False), ("fe80::1", False), ("::ffff:127.0.0.1", False), ("0.0.0.0", False),
     ("224.0.0.1", False), ("100.64.0.1", False), ("fc00::1", False)],
)  # fmt: skip
def test_public_addresses(address: str, public: bool) -> None:
    assert is_public_address(address) is public


@pytest.mark.parametrize(
    ("url", "addresses", "message"),
    [
        ("http://issuer.example.pl/did.json", ["8.8.8.8"], "only https"),
        ("https://user:pw@issuer.example.pl/", ["8.8.8.8"], "credentials"),
        ("https://issuer.example.pl/", ["127.0.0.1"], r"non-public address \(127\.0\.0\.1\)"),
        (
            "https://issuer.example.pl/",
            ["8.8.8.8", "10.0.0.7"],
            r"non-public address \(10\.0\.0\.7\)",
        ),
        ("https://169.254.169.254/latest/meta-data", ["169.254.169.254"], "non-public"),
        ("https://issuer.example.pl/", [], "has no address"),
    ],
    ids=["http", "userinfo", "loopback", "one-private-among-public", "metadata", "no-address"],
)
def test_refused_before_any_connection(url: str, addresses: list[str], message: str) -> None:
    def resolve(host: str, port: int) -> list[str]:
        return addresses

    with pytest.raises(FetchError, match=message):
        fetch_public_https(url, resolve=resolve)


# --- a real HTTPS server on loopback, allowed only by the test's own policy -------------
def _certificate(tmp: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, HOST)])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=1))
        .not_valid_after(now + dt.timedelta(hours=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(HOST)]), critical=False)
        .sign(key, hashes.SHA256())
    )  # fmt: skip
    cert_path, key_path = tmp / "cert.pem", tmp / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))  # fmt: skip
    return cert_path, key_path


ROUTES: dict[str, tuple[int, dict[str, str], bytes]] = {}


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        status, headers, body = ROUTES.get(self.path, (404, {}, b""))
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def server(tmp_path: Path) -> Iterator[dict[str, Any]]:
    cert, key = _certificate(tmp_path)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(cert, key)
    httpd.socket = tls.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    client = ssl.create_default_context(cafile=str(cert))
    port = httpd.server_address[1]
    options = {
        "resolve": lambda host, p: ["127.0.0.1"] if host == HOST else ["10.0.0.1"],
        "allow_address": lambda address: address == "127.0.0.1",
        "ssl_context": client,
    }
    yield {"base": f"https://{HOST}:{port}", "options": options}
    httpd.shutdown()
    ROUTES.clear()


def test_did_web_resolved_over_tls(server: dict[str, Any]) -> None:
    key = KeyPair.generate()
    port = server["base"].rsplit(":", 1)[1]
    did = f"did:web:{HOST}%3A{port}"
    document = {"id": did, "verificationMethod": [{"id": f"{did}#k1", "type": "Multikey",
                "controller": did, "publicKeyMultibase": key.public_multibase}],
                "assertionMethod": [f"{did}#k1"]}  # fmt: skip
    ROUTES["/.well-known/did.json"] = (200, {"Content-Type": "application/did+json"},
                                       json.dumps(document).encode())  # fmt: skip
    resolver = Resolver(fetch=lambda url: fetch_public_https(url, **server["options"]))
    method = resolver.verification_method(f"{did}#k1")
    assert method.key.public_multibase == key.public_multibase


def test_redirect_to_a_private_address_is_refused(server: dict[str, Any]) -> None:
    ROUTES["/start"] = (302, {"Location": "https://intranet.example/secret"}, b"")
    with pytest.raises(FetchError, match="non-public address"):
        fetch_public_https(server["base"] + "/start", **server["options"])


def test_redirect_to_http_is_refused(server: dict[str, Any]) -> None:
    ROUTES["/start"] = (301, {"Location": f"http://{HOST}/plain"}, b"")
    with pytest.raises(FetchError, match="only https"):
        fetch_public_https(server["base"] + "/start", **server["options"])


def test_body_size_is_capped(server: dict[str, Any]) -> None:
    ROUTES["/big"] = (200, {}, b"x" * 5000)
    with pytest.raises(FetchError, match="larger than 1000 bytes"):
        fetch_public_https(server["base"] + "/big", max_bytes=1000, **server["options"])


def test_tls_certificate_must_match(server: dict[str, Any]) -> None:
    options = server["options"] | {"ssl_context": ssl.create_default_context()}
    with pytest.raises(FetchError, match="cannot fetch"):
        fetch_public_https(server["base"] + "/x", **options)


def test_default_policy_refuses_the_loopback_server(server: dict[str, Any]) -> None:
    options = {k: v for k, v in server["options"].items() if k != "allow_address"}
    with pytest.raises(FetchError, match="non-public"):
        fetch_public_https(server["base"] + "/x", **options)
