"""The root error of microcred and every error of the standard layer.

Every error class has a short machine ``code`` and a default human ``description``;
an error carries a ``message`` (the description unless one is given) and may carry a
finer ``code`` for one occurrence. An error a person can cause with their own input (a
grade off the scale, a seal whose organisation is not the issuer...) is raised with a
:class:`~microcred.standard.messages.Reason` made from a message constant: it then
carries the text in English and Polish (``error.text("pl")``) and the message's code;
an error only a programmer can cause (a wrong argument type) is said in English.
Subclasses group errors by concern. Builders raise these on misuse; verifiers report
instead of raising::

    MicrocredError
    ├── DesignError             a design file that cannot be read (located problems)
    ├── GradeError              a grade the design's grading scale does not allow
    ├── UnknownConceptError     a key or URI that is no concept of a vocabulary
    └── CredentialError         the credentials layer: microcred.credentials.errors
"""

from __future__ import annotations

__all__ = ["DesignError", "FieldProblem", "GradeError", "MicrocredError", "UnknownConceptError"]

from dataclasses import dataclass

from .messages import Reason


class MicrocredError(Exception):
    """Root of every error microcred raises on purpose."""

    code = "microcred_error"
    description = "microcred could not complete the operation"

    def __init__(self, message: str | Reason | None = None, *, code: str | None = None) -> None:
        self.reason = message if isinstance(message, Reason) else None
        self.message = str(message or self.description)
        if code or self.reason:  # a finer code than the class's, for one occurrence
            self.code = code or self.reason.code  # type: ignore[union-attr]
        super().__init__(self.message)

    def text(self, lang: str = "en") -> str:
        """The error in ``pl`` or ``en``: Polish when it was raised with a
        :class:`~microcred.standard.messages.Reason`, English otherwise."""
        return self.reason.text(lang) if self.reason else self.message

    @property
    def said(self) -> Reason:
        """The error as a reason to report: its own when it was raised with one, else its
        code and English message (in both places: nothing else says it in Polish)."""
        return self.reason or Reason(self.code, self.message, self.message)


@dataclass(frozen=True)
class FieldProblem:
    """One problem in a design file, located as precisely as the input allows.

    ``reason`` is what is wrong, in English and Polish, made from one of
    :mod:`microcred.standard.designfile.messages`' constants; ``code`` names the kind of
    problem (``unknown_field``, ``yaml_syntax``...), ``message`` is the English and
    ``message_pl`` the Polish.
    """

    field: str
    reason: Reason
    line: int | None = None
    column: int | None = None

    @property
    def code(self) -> str:
        """The kind of problem: the code of its message."""
        return self.reason.code

    @property
    def message(self) -> str:
        """The problem in English."""
        return self.reason.en

    @property
    def message_pl(self) -> str:
        """The problem in Polish."""
        return self.reason.pl

    def text(self, lang: str = "en") -> str:
        """The message in ``pl`` or ``en``."""
        return self.reason.text(lang)

    def located(self, source: str, lang: str = "en") -> str:
        """The problem as ``source:line:column: field: message`` (compiler style)."""
        where = source
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.text(lang)}"


class DesignError(MicrocredError):
    """A design file could not be read or does not follow the design format."""

    code = "invalid_design"
    description = "the design file is not a valid micro-credential design"

    def __init__(self, problems: list[FieldProblem], source: str = "<design>") -> None:
        self.problems = problems
        self.source = source
        super().__init__("\n".join(p.located(source) for p in problems) or self.description)


class GradeError(MicrocredError):
    """A grade that the design's grading scale does not allow (``grading_scale``).

    ``code`` says why: ``grade_not_on_scale``, ``grade_failing`` (a failing grade of the
    scale: no credential is awarded for it) or ``grade_ambiguous`` (the translations of
    one grade name different grades); ``text(lang)`` says it in English or Polish. The
    messages are ``standard.elements.grading``'s constants.
    """

    code = "grade_not_on_scale"
    description = "the grade is not on the design's grading scale"

    def __init__(self, reason: Reason) -> None:
        super().__init__(reason)


class UnknownConceptError(MicrocredError):
    """A URI or key that is not a concept of the vocabulary it was looked up in
    (``standard.vocab``)."""

    code = "unknown_concept"
    description = "not a concept of this vocabulary"
