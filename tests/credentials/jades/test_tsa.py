"""Asking a time-stamping authority over HTTPS: OpenSSL's TSA behind a real TLS server on
loopback (allowed by the test's own address policy) answers; a good answer becomes a
verifiable seal time-stamp, and every bad answer is a clear SealError."""

from __future__ import annotations

import datetime as dt
import http.server
import ssl
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from asn1crypto import tsp

from microcred.credentials.jades import (
    SealError,
    add_signature_timestamp,
    rfc3161_timestamper,
    seal,
    self_signed_seal_certificate,
    verify_seal,
)
from microcred.credentials.jades.tsa import TSA_FAILED, TSA_NONCE_MISMATCH

from ..test_fetch import HOST, _certificate
from .tsa import TimeStampAuthority, time_stamp_authority

NOW = dt.datetime.now(dt.UTC)
ANSWER: dict[str, Callable[[bytes], tuple[int, str, bytes]]] = {}


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        query = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        status, content_type, body = ANSWER["now"](query)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def endpoint(tmp_path: Path) -> Iterator[tuple[str, dict[str, Any], TimeStampAuthority]]:
    """(the TSA's URL, the post options that let the test reach it, the TSA)."""
    authority = time_stamp_authority(
        tmp_path / "tsa", not_before=NOW - dt.timedelta(days=1),
        not_after=NOW + dt.timedelta(days=3650),
    )  # fmt: skip
    ANSWER["now"] = lambda query: (200, "application/timestamp-reply", authority.respond(query))
    cert, key = _certificate(tmp_path)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(cert, key)
    httpd.socket = tls.wrap_socket(httpd.socket, server_side=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    options = {
        "resolve": lambda host, port: ["127.0.0.1"],
        "allow_address": lambda address: address == "127.0.0.1",
        "ssl_context": ssl.create_default_context(cafile=str(cert)),
    }
    yield f"https://{HOST}:{httpd.server_address[1]}/tsr", options, authority
    httpd.shutdown()
    ANSWER.clear()


def _sealed() -> dict[str, Any]:
    creds = self_signed_seal_certificate("Uczelnia", "PL", valid_days=30)
    return seal({"id": "urn:uuid:tsa-test", "type": ["Test"]}, key=creds.key,
                certificates=creds.certificates)  # fmt: skip


def test_a_time_stamp_from_the_authority_keeps_the_seal_valid_after_expiry(
    endpoint: tuple[str, dict[str, Any], TimeStampAuthority],
) -> None:
    url, options, _ = endpoint
    stamped = add_signature_timestamp(_sealed(), rfc3161_timestamper(url, **options))
    later = verify_seal(stamped, now=NOW + dt.timedelta(days=90))
    assert later.verified, later.reason
    assert later.validated_at is not None
    assert later.timestamps[0].authority == "Test TSA (Test Trust Services)"


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        (lambda q: (500, "text/plain", b"down"), "answered HTTP 500"),
        (
            lambda q: (200, "application/timestamp-reply", b"\x30\x03\x02\x01\x00"),
            "not an RFC 3161 time-stamp response",
        ),
        (
            lambda q: (200, "application/timestamp-reply", b"garbage"),
            "not an RFC 3161 time-stamp response",
        ),
        # PKIStatusInfo "rejection" (2) and no token, as a TSA refusing a request answers
        (
            lambda q: (200, "application/timestamp-reply", bytes.fromhex("30053003020102")),
            "not granted",
        ),
        # "granted" (0) but no token
        (
            lambda q: (200, "application/timestamp-reply", bytes.fromhex("30053003020100")),
            "holds no time-stamp token",
        ),
    ],
    ids=["http-error", "not-a-response", "garbage", "rejected", "granted-without-token"],
)
def test_bad_answers_are_clear_errors(
    endpoint: tuple[str, dict[str, Any], TimeStampAuthority],
    answer: Callable[[bytes], tuple[int, str, bytes]],
    reason: str,
) -> None:
    url, options, _ = endpoint
    ANSWER["now"] = answer
    with pytest.raises(SealError, match=reason) as caught:
        add_signature_timestamp(_sealed(), rfc3161_timestamper(url, **options))
    assert caught.value.code == TSA_FAILED.code
    assert caught.value.text("pl").startswith(TSA_FAILED.text("pl", problem_pl=""))


def test_a_replayed_answer_is_refused(
    endpoint: tuple[str, dict[str, Any], TimeStampAuthority],
) -> None:
    url, options, authority = endpoint
    first: list[bytes] = []

    def replay(query: bytes) -> tuple[int, str, bytes]:
        if not first:
            first.append(authority.respond(query))
        return 200, "application/timestamp-reply", first[0]

    ANSWER["now"] = replay
    timestamper = rfc3161_timestamper(url, **options)
    add_signature_timestamp(_sealed(), timestamper)  # the first answer is genuine
    with pytest.raises(SealError) as caught:  # the same answer again: refused
        add_signature_timestamp(_sealed(), timestamper)
    nonce = TSA_NONCE_MISMATCH()
    assert caught.value.reason == TSA_FAILED(problem_en=nonce.en, problem_pl=nonce.pl)


def test_an_answer_for_other_data_is_refused(
    endpoint: tuple[str, dict[str, Any], TimeStampAuthority],
) -> None:
    url, options, authority = endpoint

    def other(query: bytes) -> tuple[int, str, bytes]:
        request = tsp.TimeStampReq.load(query)
        forged = tsp.TimeStampReq({
            "version": "v1", "nonce": request["nonce"].native, "cert_req": True,
            "message_imprint": {"hash_algorithm": {"algorithm": "sha256"},
                                "hashed_message": b"\x00" * 32},
        })  # fmt: skip
        return 200, "application/timestamp-reply", authority.respond(forged.dump())

    ANSWER["now"] = other
    with pytest.raises(SealError, match="imprint_mismatch"):
        add_signature_timestamp(_sealed(), rfc3161_timestamper(url, **options))


def test_only_https_and_public_addresses_by_default() -> None:
    with pytest.raises(SealError, match="only https"):
        rfc3161_timestamper("http://tsa.example.com/tsr")(b"data")
    with pytest.raises(SealError, match="non-public address"):
        rfc3161_timestamper("https://tsa.example.com/tsr",
                            resolve=lambda host, port: ["10.0.0.7"])(b"data")  # fmt: skip
