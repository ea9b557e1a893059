"""annex_ii.BEARING_ELEMENTS: the Annex I elements that bear on each Annex II principle —
every principle has some, in Annex II order, each element named once per principle, and
every element of the design that a principle's evidence reads is among them."""

from __future__ import annotations

import pytest

from microcred.standard.annexes import AnnexIElement as E
from microcred.standard.annexes import AnnexIIPrinciple as P
from microcred.standard.compliance import BEARING_ELEMENTS, check, elements_bearing_on

from ._builders import NOW, make_spec


def test_every_principle_in_annex_order_has_elements() -> None:
    assert list(BEARING_ELEMENTS) == list(P)
    for principle, elements in BEARING_ELEMENTS.items():
        assert elements, principle
        assert len(set(elements)) == len(elements), principle


def test_taken_by_member_or_key() -> None:
    assert elements_bearing_on("valid-assessment") == elements_bearing_on(P.VALID_ASSESSMENT)
    assert E.ASSESSMENT in elements_bearing_on("valid-assessment")
    with pytest.raises(ValueError, match="no-such"):
        elements_bearing_on("no-such")


# the element a principle's evidence reads (annex_ii.check_principles), principle by principle
READS = [
    (P.QUALITY, E.QUALITY_ASSURANCE),
    (P.TRANSPARENCY, E.LEARNING_OUTCOMES),
    (P.TRANSPARENCY, E.WORKLOAD),
    (P.TRANSPARENCY, E.AWARDING_BODY),
    (P.RELEVANCE, E.LEARNING_OUTCOMES),
    (P.VALID_ASSESSMENT, E.ASSESSMENT),
    (P.LEARNING_PATHWAYS, E.INTEGRATION),
    (P.RECOGNITION, E.LEVEL),
    (P.AUTHENTIC, E.LEARNER),
    (P.AUTHENTIC, E.AWARDING_BODY),
    (P.AUTHENTIC, E.SUPERVISION),
    (P.GUIDANCE, E.FURTHER_INFORMATION),
]


@pytest.mark.parametrize(("principle", "element"), READS)
def test_the_elements_the_evidence_reads_bear_on_it(principle: P, element: E) -> None:
    assert element in elements_bearing_on(principle)


def test_each_bearing_element_is_in_the_report() -> None:
    report = check(make_spec(), now=NOW)
    for elements in BEARING_ELEMENTS.values():
        for element in elements:
            assert report.element(element).element is element


def test_the_mapping_cannot_be_changed() -> None:
    with pytest.raises(TypeError):
        BEARING_ELEMENTS[P.QUALITY] = ()  # type: ignore[index]
