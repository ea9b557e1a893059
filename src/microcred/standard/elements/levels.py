"""A level claimed in a qualification framework (Annex I "level (and cycle)").

Wire format: ``{framework: eqf, value: 6}``. The framework may be left out, which the
design format accepts so that the compliance check can call the claim weak ("level 6 —
of which framework?") instead of refusing to read the file.
"""

from __future__ import annotations

__all__ = ["NOT_A_LEVEL", "Level"]

from typing import Annotated

from pydantic import BeforeValidator, model_validator

from ..messages import Message
from ..vocab.levels import EqfLevel, Framework, PrkLevel, QfEheaCycle
from ._base import Element
from ._coerce import int_to_str

#: a level that its framework does not have
NOT_A_LEVEL = Message(
    "not_a_level",
    "{value!r} is not a level of {framework}; expected one of: {expected}",
    "{value!r} nie jest poziomem w ramie: {framework_pl}; dozwolone: {expected}",
)


class Level(Element):
    """One framework level; ``concept`` gives the vocabulary member when known."""

    framework: Framework | None = None
    value: Annotated[str, BeforeValidator(int_to_str)]

    @model_validator(mode="after")
    def _value_in_framework(self) -> Level:
        if self.framework is not None:
            vocab = _VOCAB[self.framework]
            try:
                vocab(self.value)
            except ValueError:
                expected = ", ".join(vocab.keys())
                raise ValueError(NOT_A_LEVEL(
                    value=self.value, framework=self.framework.label("en"),
                    framework_pl=self.framework.label("pl"), expected=expected,
                )) from None  # fmt: skip
        return self

    @property
    def concept(self) -> EqfLevel | QfEheaCycle | PrkLevel | None:
        """The level as a vocabulary concept, or None when no framework is named."""
        if self.framework is None:
            return None
        return _VOCAB[self.framework](self.value)

    @property
    def eqf(self) -> EqfLevel | None:
        """The EQF level this claim corresponds to, when the framework says so."""
        concept = self.concept
        if isinstance(concept, EqfLevel):
            return concept
        if isinstance(concept, PrkLevel | QfEheaCycle):
            return concept.eqf
        return None


_VOCAB: dict[Framework, type[EqfLevel] | type[QfEheaCycle] | type[PrkLevel]] = {
    Framework.EQF: EqfLevel,
    Framework.QF_EHEA: QfEheaCycle,
    Framework.PRK: PrkLevel,
}
