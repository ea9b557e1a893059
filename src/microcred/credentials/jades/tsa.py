"""Asking a time-stamping authority (TSA) for a signature time-stamp, RFC 3161 over HTTPS
(§3.4: a ``TimeStampReq`` POSTed as ``application/timestamp-query``, a ``TimeStampResp``
back as ``application/timestamp-reply``).

:func:`rfc3161_timestamper` gives the callable :func:`~.sealing.add_signature_timestamp`
wants. It is the only part of sealing that goes to the network, and only when a provider
configures a TSA URL; the request goes through :func:`~..fetch.post_public_https` (https
only, public addresses only, size and time caps). Every answer is checked before it is
used: the status, the nonce (a replayed answer fails), the message imprint, and the token
itself as a verifier will check it (:mod:`.timestamps`), so a seal never carries a
time-stamp that would not verify.

Requests and answers are encoded and parsed with asn1crypto. A TSA that fails is a
:class:`~microcred.credentials.errors.SealError` with code ``tsa_failed`` and a reason in
English and Polish (:data:`TSA_FAILED` and what went wrong, the constants below).
"""

from __future__ import annotations

__all__ = [
    "TSA_FAILED",
    "TSA_NONCE_MISMATCH",
    "TSA_NOT_A_RESPONSE",
    "TSA_NOT_GRANTED",
    "TSA_NO_TOKEN",
    "TSA_TOKEN_INVALID",
    "rfc3161_timestamper",
]

import datetime as dt
import hashlib
import secrets
from collections.abc import Callable
from typing import Any

from asn1crypto import algos, cms, core, tsp

from ...standard.messages import Message, Reason
from ..errors import SealError
from ..fetch import FetchError, post_public_https
from .certificates import _CERTIFICATE_ERRORS
from .limits import _CLOCK_SKEW
from .timestamps import _ASN1_ERRORS, _InvalidTimeStampError, check_timestamp_token

#: the SealError of a TSA that fails: ``problem`` is one of the messages below, or why it
#: could not be reached
TSA_FAILED = Message(
    "tsa_failed",
    "the time-stamping authority: {problem_en}",
    "urząd znacznika czasu: {problem_pl}",
)
#: ``status`` and ``text`` are the TSA's own (PKIStatusInfo)
TSA_NOT_GRANTED = Message(
    "not_granted",
    "the request was not granted ({status}: {text})",
    "żądania nie spełniono ({status}: {text})",
)
TSA_NO_TOKEN = Message(
    "no_token",
    "the answer holds no time-stamp token",
    "odpowiedź nie zawiera tokenu znacznika czasu",
)
TSA_NONCE_MISMATCH = Message(
    "nonce_mismatch",
    "the answer's nonce is not the request's (a replayed answer?)",
    "wartość jednorazowa (nonce) w odpowiedzi jest inna niż w żądaniu (odpowiedź powtórzona?)",
)
#: ``why``: the time-stamp's code or description (:mod:`.timestamps`)
TSA_TOKEN_INVALID = Message(
    "token_invalid",
    "the time-stamp token does not verify ({why_en})",
    "token znacznika czasu nie przechodzi weryfikacji ({why_pl})",
)
TSA_NOT_A_RESPONSE = Message(
    "not_a_response",
    "the answer is not an RFC 3161 time-stamp response",
    "odpowiedź nie jest odpowiedzią znacznika czasu RFC 3161",
)


class _TimeStampResp(core.Sequence):  # type: ignore[misc]
    """RFC 3161 §2.4.2 ``TimeStampResp``, whose token is OPTIONAL (absent when the TSA
    refuses a request); asn1crypto 1.5.1's own class makes it mandatory, so a refusal
    could not be read and told apart from garbage."""

    _fields = [
        ("status", tsp.PKIStatusInfo),
        ("time_stamp_token", cms.ContentInfo, {"optional": True}),
    ]


def rfc3161_timestamper(
    url: str, *, post: Callable[..., bytes] = post_public_https, **post_options: Any
) -> Callable[[bytes], bytes]:
    """A function that returns a checked DER ``TimeStampToken`` over its argument from
    the TSA at ``url`` (SHA-256 imprint, a fresh nonce, the TSA's certificate asked for);
    it raises :class:`SealError` with code ``tsa_failed`` and the reason when the TSA
    cannot be reached or its answer does not hold. ``post_options`` go to ``post``."""

    def timestamp(data: bytes) -> bytes:
        nonce = secrets.randbits(63)
        request = tsp.TimeStampReq(
            {
                "version": "v1",
                "message_imprint": {
                    "hash_algorithm": algos.DigestAlgorithm({"algorithm": "sha256"}),
                    "hashed_message": hashlib.sha256(data).digest(),
                },
                "nonce": nonce,
                "cert_req": True,
            }
        )
        try:
            answer = post(url, request.dump(), content_type="application/timestamp-query",
                          accept="application/timestamp-reply", **post_options)  # fmt: skip
        except FetchError as exc:
            raise _refused(exc.said) from None
        return _checked_token(answer, data, nonce)

    return timestamp


def _checked_token(answer: bytes, data: bytes, nonce: int) -> bytes:
    try:
        response = _TimeStampResp.load(answer, strict=True)
        status = response["status"]["status"].native
        if status not in ("granted", "granted_with_mods"):
            text = response["status"]["status_string"].native or []
            raise _refused(TSA_NOT_GRANTED(status=status, text="; ".join(text)))
        token = response["time_stamp_token"]
        if token.native is None:
            raise _refused(TSA_NO_TOKEN())
        der: bytes = token.dump()  # before anything reads into it (see timestamps.py)
        info = token["content"]["encap_content_info"]["content"].parsed
        if info["nonce"].native != nonce:
            raise _refused(TSA_NONCE_MISMATCH())
        stamp = check_timestamp_token(der, data, dt.datetime.now(dt.UTC), _CLOCK_SKEW)
    except SealError:
        raise
    except _InvalidTimeStampError as exc:
        raise _refused(TSA_TOKEN_INVALID(why_en=exc.code, why_pl=exc.code)) from None
    except _ASN1_ERRORS + _CERTIFICATE_ERRORS:
        raise _refused(TSA_NOT_A_RESPONSE()) from None
    if stamp.status != "valid":
        why_en, why_pl = stamp.describe("en"), stamp.describe("pl")
        raise _refused(TSA_TOKEN_INVALID(why_en=why_en, why_pl=why_pl))
    return der


def _refused(problem: Reason) -> SealError:
    return SealError(TSA_FAILED(problem_en=problem.en, problem_pl=problem.pl))
