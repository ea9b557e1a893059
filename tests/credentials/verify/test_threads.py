"""verify() from many threads: the same reports as one after another, caches cold or tiny.

A web server verifies in several threads at once, and every cache behind verify() —
JSON-LD templates, context terms, pinned contexts, the SHACL graphs and conforming
shapes, the OB 3.0 schema — is shared by them. Each report made in a thread must equal
the one made alone, to the last reason.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
import time
from collections import OrderedDict
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from microcred.credentials.data_integrity import sign
from microcred.credentials.edc import to_edc
from microcred.credentials.jades import seal, self_signed_seal_certificate
from microcred.credentials.jsonld import rdfc
from microcred.credentials.keys import KeyPair
from microcred.credentials.ob3 import to_ob3
from microcred.credentials.vc_jose import sign_jwt
from microcred.credentials.verify import verify
from microcred.standard.caching import BoundedCache, clear_caches

from ...conftest import example_award

ED25519 = KeyPair.generate()
P256 = KeyPair.generate("P-256")
CREATED = dt.datetime(2025, 6, 20, tzinfo=dt.UTC)
THREADS = 8


def _award(design: str = "python-basics.yaml", **learner: str) -> Any:
    person = {"given_name": "Anna", "family_name": "Kowalska", "email": "anna@example.org"}
    return example_award(design, learner=person | learner)


def _ob3(key: KeyPair, suite: str, design: str = "python-basics.yaml", **learner: str) -> Any:
    unsigned = to_ob3(_award(design, **learner), issuer_id=key.did_key)
    return sign(unsigned, key, suite=suite, created=CREATED)


def _mixed() -> dict[str, Any]:
    """Credentials of every kind verify() reads, good and bad, of several shapes."""
    rdfc_signed = _ob3(ED25519, "eddsa-rdfc-2022")
    tampered = json.loads(json.dumps(rdfc_signed))
    tampered["credentialSubject"]["achievement"]["name"] = "Inna nazwa"
    undefined = json.loads(json.dumps(rdfc_signed))
    undefined["credentialSubject"]["nickname"] = "Ania"  # JSON-LD would drop it: refused
    unsigned = {k: v for k, v in rdfc_signed.items() if k != "proof"}
    organisation = _award().spec.awarding_bodies[0].name.get("pl")
    seal_credentials = self_signed_seal_certificate(
        organisation, "PL", valid_days=3650, not_before=dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    )
    return {
        "ob3 eddsa-rdfc-2022": rdfc_signed,
        "ob3 eddsa-rdfc-2022, other learner": _ob3(ED25519, "eddsa-rdfc-2022", given_name="Jan"),
        "ob3 eddsa-rdfc-2022, participation badge": _ob3(
            ED25519, "eddsa-rdfc-2022", "cybersecurity-webinar.yaml"
        ),
        "ob3 eddsa-rdfc-2022, student id": _ob3(ED25519, "eddsa-rdfc-2022", student_id="7"),
        "ob3 eddsa-jcs-2022": _ob3(ED25519, "eddsa-jcs-2022", "agile-project-management.yaml"),
        "ob3 ecdsa-rdfc-2019": _ob3(P256, "ecdsa-rdfc-2019", "energy-audit-basics.yaml"),
        "ob3 tampered": tampered,
        "ob3 with an undefined term": undefined,
        "vc-jwt": sign_jwt(unsigned, ED25519),
        "edc sealed": seal(
            to_edc(_award()), key=seal_credentials.key, certificates=seal_credentials.certificates
        ),
        "edc sealed, other learner": seal(
            to_edc(_award(given_name="Jan")),
            key=seal_credentials.key,
            certificates=seal_credentials.certificates,
        ),
    }


MIXED = _mixed()
NOW = dt.datetime.now(dt.UTC)  # the seals were made just now


def _report(name: str) -> dict[str, Any]:
    report: dict[str, Any] = verify(MIXED[name], now=NOW).to_dict("pl")
    return report


@pytest.fixture(scope="module")
def alone() -> dict[str, dict[str, Any]]:
    """Each credential's report, verified one after another from cold caches."""
    clear_caches()
    return {name: _report(name) for name in MIXED}


@pytest.fixture
def busy_switching() -> Iterator[None]:
    """Threads switch as often as the interpreter allows."""
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)
    yield
    sys.setswitchinterval(interval)


def _in_threads(names: list[str]) -> list[dict[str, Any]]:
    with ThreadPoolExecutor(THREADS) as pool:
        return list(pool.map(_report, names))


def test_the_mixed_set_is_what_it_says(alone: dict[str, dict[str, Any]]) -> None:
    results = {name: report["result"] for name, report in alone.items()}
    assert results == {
        "ob3 eddsa-rdfc-2022": "valid",
        "ob3 eddsa-rdfc-2022, other learner": "valid",
        "ob3 eddsa-rdfc-2022, participation badge": "valid",
        "ob3 eddsa-rdfc-2022, student id": "valid",
        "ob3 eddsa-jcs-2022": "valid",
        "ob3 ecdsa-rdfc-2019": "valid",
        "ob3 tampered": "invalid",
        "ob3 with an undefined term": "invalid",
        "vc-jwt": "valid",
        "edc sealed": "valid",
        "edc sealed, other learner": "valid",
    }, results
    assert alone["vc-jwt"]["format"] == "jwt"
    assert alone["edc sealed"]["format"] == "jades"


@pytest.mark.usefixtures("busy_switching")
def test_eight_threads_make_the_reports_one_thread_makes(
    alone: dict[str, dict[str, Any]],
) -> None:
    shuffle = random.Random(10)  # noqa: S311 - an order, not a secret
    for _ in range(3):
        clear_caches()  # every round starts cold: threads race to fill every cache
        names = list(MIXED) * 4
        shuffle.shuffle(names)
        for name, report in zip(names, _in_threads(names), strict=True):
            assert report == alone[name], name


class _SlowLookup(OrderedDict[Any, Any]):
    """An entry found, then a pause before it is refreshed: the moment a preempted thread
    spends between the two, stretched. With the same pause in its look-up, the old template
    cache (an OrderedDict and no lock) failed: another thread evicted the entry in the
    pause, and verify() reported valid credentials as an internal error (KeyError), 40
    times in 300 verifications from 8 threads."""

    def __getitem__(self, key: Any) -> Any:
        value = super().__getitem__(key)
        time.sleep(0.0005)
        return value


@pytest.mark.usefixtures("busy_switching")
def test_a_one_entry_template_cache_evicting_all_the_time(
    alone: dict[str, dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    tiny: BoundedCache[str, Any] = BoundedCache(1)
    monkeypatch.setattr(tiny, "_entries", _SlowLookup())
    monkeypatch.setattr(rdfc, "_TEMPLATES", tiny)
    names = [name for name in MIXED if name.startswith("ob3")] * 8
    random.Random(3).shuffle(names)  # noqa: S311 - an order, not a secret
    for name, report in zip(names, _in_threads(names), strict=True):
        assert report == alone[name], name
    assert len(tiny) == 1
    assert tiny.stats().hits > 0  # entries were found as well as evicted


def _with_own_context(index: int) -> dict[str, Any]:
    """A credential that embeds a context of its own (as other issuers' credentials do),
    each a different one, so that pyld's context caches fill and evict."""
    unsigned = to_ob3(_award(), issuer_id=ED25519.did_key)
    term = f"note{index}"
    unsigned["@context"] = [*unsigned["@context"], {term: f"https://example.org/terms#{term}"}]
    return sign(unsigned | {term: "x"}, ED25519, created=CREATED)


def test_credentials_with_their_own_contexts_in_eight_threads() -> None:
    documents = [_with_own_context(i) for i in range(30)]
    clear_caches()
    alone = [verify(document, now=NOW).to_dict("pl") for document in documents]
    assert {report["result"] for report in alone} == {"valid"}
    with ThreadPoolExecutor(THREADS) as pool:
        for _ in range(3):
            reports = pool.map(lambda document: verify(document, now=NOW).to_dict("pl"),
                               documents)  # fmt: skip
            for index, report in enumerate(reports):
                assert report == alone[index], index
