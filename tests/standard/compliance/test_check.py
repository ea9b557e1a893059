"""check(): what a specification alone decides is computed once per specification
object, and a report made that way equals one made from scratch."""

from __future__ import annotations

import datetime as dt

from microcred.standard.annexes import AnnexIElement as E
from microcred.standard.compliance import _BY_SPEC, check
from microcred.standard.compliance import messages as m
from microcred.standard.compliance.annex_i import check_elements, spec_results
from microcred.standard.compliance.annex_ii import check_principles
from microcred.standard.compliance.verdict import decide
from microcred.standard.elements import Award

from ...conftest import EXAMPLES, example_award

NOW = dt.datetime(2026, 1, 5, tzinfo=dt.UTC)


def _from_scratch(award: Award) -> tuple[object, ...]:
    full = check_elements(award.spec, award, NOW, spec_results(award.spec))  # afresh
    return decide(full)[0], full, check_principles(award.spec)


def test_awards_of_one_specification_share_what_it_decides() -> None:
    first = example_award(learner={"given_name": "Anna", "family_name": "Nowak"})
    second = Award.model_validate(
        {
            **first.model_dump(exclude={"spec"}),
            "spec": first.spec,
            "learner": {"given_name": "Jan", "family_name": "Kos"},
        }
    )
    assert second.spec is first.spec
    _BY_SPEC.clear()
    one, two = check(first, now=NOW), check(second, now=NOW)
    stats = _BY_SPEC.stats()
    assert (stats.misses, stats.hits) == (1, 1)
    assert one.principles is two.principles
    for report, award in ((one, first), (two, second)):
        verdict, elements, principles = _from_scratch(award)
        assert (report.verdict, report.elements, report.principles) == (
            verdict, elements, principles)  # fmt: skip


def test_what_the_award_decides_is_never_shared() -> None:
    """The learner, the date of issue and the grade are checked for each award."""
    award = example_award()
    future = Award.model_validate(
        {
            **award.model_dump(exclude={"spec"}),
            "spec": award.spec,
            "issued_on": (NOW + dt.timedelta(days=3)).date().isoformat(),
        }
    )
    today, later = check(award, now=NOW), check(future, now=NOW)
    date_of = [next(r for r in report.elements if r.element is E.DATE_OF_ISSUE)
               for report in (today, later)]  # fmt: skip
    assert [r.code for r in date_of[1].reasons if r.code not in
            {c.code for c in date_of[0].reasons}] == [m.DATE_IN_FUTURE.code]  # fmt: skip


def test_every_example_design_checks_the_same_through_the_cache() -> None:
    from microcred.standard import designfile

    for path in sorted(EXAMPLES.glob("*.yaml")):
        spec = designfile.loads(path.read_bytes(), source=path.name)
        _BY_SPEC.clear()
        cold, warm = check(spec, now=NOW), check(spec, now=NOW)
        assert cold == warm, path.name
        assert cold.elements == check_elements(spec, None, NOW, spec_results(spec)), path.name
