"""The annexes' structure: every Annex I element has a short name in both languages."""

from __future__ import annotations

import pytest

from microcred.standard.annexes import AnnexIElement


@pytest.mark.parametrize("element", list(AnnexIElement), ids=str)
def test_every_element_has_a_short_label_in_english_and_polish(element: AnnexIElement) -> None:
    english, polish = element.short_label("en"), element.short_label("pl")
    assert english
    assert polish
    assert english != polish
    assert len(english) <= len(element.label("en"))


def test_short_labels_fall_back_to_english() -> None:
    assert AnnexIElement.WORKLOAD.short_label("de") == AnnexIElement.WORKLOAD.short_label("en")
