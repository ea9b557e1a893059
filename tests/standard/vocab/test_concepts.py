"""Every controlled vocabulary: keys, URIs, labels, and lookups both ways."""

from __future__ import annotations

import re

import pytest

from microcred.standard import vocab
from microcred.standard.annexes import AnnexIElement, AnnexIIPrinciple
from microcred.standard.vocab import Concept, UnknownConceptError

VOCABULARIES: list[type[Concept]] = [
    getattr(vocab, name)
    for name in vocab.__all__
    if isinstance(getattr(vocab, name), type)
    and issubclass(getattr(vocab, name), Concept)
    and getattr(vocab, name) is not Concept
] + [AnnexIElement, AnnexIIPrinciple]

MEMBERS = [(v, m) for v in VOCABULARIES for m in v]
URI = re.compile(r"^https?://[a-z0-9.-]+(/[A-Za-z0-9._~%+-]+)+$")


def _id(value: object) -> str:
    return f"{type(value).__name__}.{value}" if isinstance(value, Concept) else str(value)


@pytest.mark.parametrize(("vocabulary", "member"), MEMBERS, ids=[_id(m) for _, m in MEMBERS])
def test_member_has_uri_and_both_labels(vocabulary: type[Concept], member: Concept) -> None:
    assert URI.match(member.uri), member.uri
    assert member.label("en").strip()
    assert member.label("pl").strip()
    assert vocabulary.from_uri(member.uri) is member
    assert vocabulary(member.value) is member
    assert vocabulary(member.uri) is member


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda v: v.__name__)
def test_uris_and_keys_are_unique(vocabulary: type[Concept]) -> None:
    members = list(vocabulary)
    assert len({m.uri for m in members}) == len(members)
    assert len({m.value for m in members}) == len(members)


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda v: v.__name__)
def test_scheme_is_declared_and_not_a_member(vocabulary: type[Concept]) -> None:
    scheme = vocabulary.scheme  # type: ignore[attr-defined]
    assert isinstance(scheme, str)
    assert URI.match(scheme)
    assert scheme not in vocabulary.keys()  # noqa: SIM118 - keys() lists strings


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda v: v.__name__)
def test_unknown_uri_is_refused(vocabulary: type[Concept]) -> None:
    with pytest.raises(UnknownConceptError):
        vocabulary.from_uri("http://example.org/not-a-concept")
    with pytest.raises(ValueError, match="not-a-key"):
        vocabulary("not-a-key")


def test_keys_are_forgiving_about_case_and_underscores() -> None:
    assert vocab.FormOfParticipation("ONLINE") is vocab.FormOfParticipation.ONLINE
    assert vocab.SupervisionLevel("supervised_online_id") is (
        vocab.SupervisionLevel.SUPERVISED_ONLINE_ID
    )
    assert vocab.Country("pl") is vocab.Country.PL


def test_concepts_serialise_as_their_keys() -> None:
    assert str(vocab.Country.PL) == "PL"
    assert vocab.Country.PL == "PL"
    assert f"{vocab.IscedField.F061}" == "061"
