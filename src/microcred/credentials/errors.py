"""Every error of the credentials layer, grouped by concern under one root.

Each class has a short machine ``code`` and a default human ``description``; one raise
may give a finer ``code`` (``RenderError(..., code="invalid_input")``). The whole tree
lives here, so that a caller catches by concern without importing the module that
raises (catching an :class:`IssueError` does not load the signers)::

    MicrocredError                      (microcred.standard.errors)
    └── CredentialError
        ├── DuplicateKeyError           JSON that names a key twice (also a ValueError)
        ├── ContextError
        │   └── UnknownContextError
        ├── JsonLdError
        ├── DataModelError              the VC data model broken, every problem listed
        ├── InvalidKeyError
        ├── DidError
        │   ├── NotIssuerKeyError
        │   └── NotAssertionMethodError
        ├── ProofError
        ├── SealError
        ├── StatusError
        ├── FetchError
        ├── BakingError
        ├── Ob3Error
        ├── EdcError
        ├── CohortError             a learner list (CSV, XLSX) that cannot be read at all
        ├── RowError                one learner's row that cannot become an award
        ├── IssueError
        │   ├── FormatError
        │   └── IssuerError
        │       ├── SealOrganisationError
        │       └── StatusListIssuerError
        └── RenderError

Builders and signers raise these on misuse; ``verify`` catches them and turns each
into a failed check with its ``code`` and a readable reason. The modules that raise them
re-export them (``from microcred.credentials.issue import IssueError`` still works).
"""

from __future__ import annotations

__all__ = [
    "BakingError",
    "CohortError",
    "ContextError",
    "CredentialError",
    "DataModelError",
    "DidError",
    "DuplicateKeyError",
    "EdcError",
    "FetchError",
    "FormatError",
    "InvalidKeyError",
    "IssueError",
    "IssuerError",
    "JsonLdError",
    "NotAssertionMethodError",
    "NotIssuerKeyError",
    "Ob3Error",
    "ProofError",
    "RenderError",
    "RowError",
    "SealError",
    "SealOrganisationError",
    "StatusError",
    "StatusListIssuerError",
    "TrustListError",
    "UnknownContextError",
]

from collections.abc import Sequence
from dataclasses import dataclass

from ..standard.errors import MicrocredError
from ..standard.messages import Reason


class CredentialError(MicrocredError):
    """Root of the errors about credentials, keys, proofs and documents."""

    code = "credential_error"
    description = "the credential could not be processed"


# --- JSON and JSON-LD ------------------------------------------------------------------


class DuplicateKeyError(CredentialError, ValueError):
    """A JSON object names the same key twice (``_json.loads_strict``): parsers disagree
    on which one wins. Also a ``ValueError``, as every other JSON that cannot be read."""

    code = "duplicate_key"
    description = "a JSON object names the same key twice"


class ContextError(CredentialError):
    """A JSON-LD context problem."""

    code = "context_error"
    description = "a JSON-LD context could not be used"


class UnknownContextError(ContextError):
    """A context URL that is not pinned in the package; it is never fetched."""

    code = "unknown_context"
    description = "the JSON-LD context is not one of the pinned contexts"


class JsonLdError(CredentialError):
    """JSON-LD processing failed, or would have silently dropped or changed data."""

    code = "jsonld_error"
    description = "the document is not valid JSON-LD"


@dataclass(frozen=True)
class DataModelProblem:
    """One broken MUST of the VC data model (:mod:`.vc_data_model`): its ``code`` (that of
    a :mod:`.vc_data_model.messages` constant), where (``credentialSubject[0].id``, ``$``
    for the whole document), the reason in English (``en``) and Polish (``pl``), filled
    in from that constant, and the spec section (``VC DM 2.0 §4.4``)."""

    code: str
    path: str
    en: str
    pl: str
    section: str

    def text(self, lang: str = "en") -> str:
        """The reason in ``pl`` or ``en``."""
        return self.pl if lang == "pl" else self.en


class DataModelError(CredentialError):
    """A credential that breaks the VC data model; ``problems`` lists every problem
    (``vc_data_model.DataModelProblem``: code, path, EN, PL, section)."""

    code = "data_model_violation"
    description = "the credential does not follow the W3C Verifiable Credentials data model"

    def __init__(self, problems: Sequence[DataModelProblem]) -> None:
        self.problems = tuple(problems)
        lines = "; ".join(f"{p.path}: {p.en}" for p in self.problems)
        super().__init__(f"{self.description}: {lines}" if lines else None)


# --- keys and DIDs -----------------------------------------------------------------------


class InvalidKeyError(CredentialError):
    """A key that is malformed, of an unsupported type, or of the wrong kind."""

    code = "key_error"
    description = "the key could not be used"


class DidError(CredentialError):
    """A DID that could not be parsed or resolved."""

    code = "did_error"
    description = "the DID could not be resolved"


class NotIssuerKeyError(DidError):
    """A key that is none of the issuer DID's verification methods: what it signs,
    ``verify`` would not bind to the issuer."""

    code = "key_not_of_issuer"
    description = "the key is not a verification method of the issuer"


class NotAssertionMethodError(DidError):
    """The issuer's verification method with that key is not listed under
    ``assertionMethod``, so it may not sign credentials (DID Core §5.3.2)."""

    code = "not_assertion_method"
    description = "the verification method is not listed under assertionMethod"


# --- proofs, seals, status ----------------------------------------------------------------


class ProofError(CredentialError):
    """A proof that could not be created or does not verify."""

    code = "invalid_proof"
    description = "the proof is not valid"


class SealError(CredentialError):
    """An e-seal that cannot be made, or seal credentials that cannot be used.

    Raised by the ``jades`` builders (``seal``, ``load_seal_credentials``,
    ``self_signed_seal_certificate``) on misuse; ``verify_seal`` never raises it for
    anything in the sealed document.
    """

    code = "seal_error"
    description = "the e-seal could not be made"


class StatusError(CredentialError):
    """A status list that could not be fetched, read or trusted."""

    code = "status_error"
    description = "the credential status could not be checked"


class TrustListError(CredentialError):
    """A trust list (a LoTE) that cannot be used: not signed by the operator key the
    caller trusts, or not a list of trusted entities this reader knows."""

    code = "trust_list_invalid"


class FetchError(CredentialError):
    """A document that may not be, or could not be, fetched (``fetch``)."""

    code = "fetch_refused"
    description = "the document could not be fetched"


# --- reading documents ------------------------------------------------------------------


class BakingError(CredentialError):
    """A file a credential should be extracted from — a PNG or SVG badge, a PDF
    certificate — that holds none, several, or cannot be read."""

    code = "baking_error"
    description = "no credential could be read from the file"


class Ob3Error(CredentialError):
    """The document is not an Open Badges 3.0 credential ``ob3.read`` can read."""

    code = "not_ob3"
    description = "not an Open Badges 3.0 credential"


class EdcError(CredentialError):
    """The document is not a European Digital Credential ``edc.read`` can read."""

    code = "not_edc"
    description = "not a European Digital Credential"


class CohortError(CredentialError):
    """A learner list (a cohort's CSV or XLSX file, ``cohort.open_cohort``) that cannot be
    read as one at all: not text, not a workbook, too large, no usable header. Raised with
    a reason of :mod:`.cohort.messages` (``error.said``, EN + PL); a bad row is no
    ``CohortError`` but a ``RowProblem`` or a :class:`RowError`."""

    code = "cohort_unreadable"
    description = "the learner list cannot be read"


class RowError(CredentialError):
    """One row of a learner list that cannot become an award (``cohort.award_from_row``):
    ``reasons`` holds every reason found (EN + PL), the first one's code is the error's;
    ``fields`` the column each is about (``None``: the row as a whole), in the same order,
    so that a form shows each under its field (:meth:`by_field`)."""

    code = "row_refused"
    description = "the row cannot become an award"

    def __init__(self, *reasons: Reason, fields: Sequence[str | None] | None = None) -> None:
        if not reasons:
            raise TypeError("a RowError needs at least one reason")
        if fields is not None and len(fields) != len(reasons):
            raise TypeError("a RowError needs one field (or None) for each reason")
        self.reasons = reasons
        self.fields = tuple(fields) if fields is not None else (None,) * len(reasons)
        joined = Reason(
            reasons[0].code,
            "; ".join(r.en for r in reasons),
            "; ".join(r.pl for r in reasons),
        )
        super().__init__(joined)

    @property
    def located(self) -> list[tuple[str | None, Reason]]:
        """(column or ``None``, reason) for every reason, in order."""
        return list(zip(self.fields, self.reasons, strict=True))

    def by_field(self) -> dict[str | None, list[Reason]]:
        """The reasons by the column they are about (``None``: the row as a whole)."""
        grouped: dict[str | None, list[Reason]] = {}
        for field, reason in self.located:
            grouped.setdefault(field, []).append(reason)
        return grouped


# --- issuing and rendering ----------------------------------------------------------------


class IssueError(CredentialError):
    """A credential that cannot be issued as asked (``issue.issue``)."""

    code = "issue_error"
    description = "the credential could not be issued"


class FormatError(IssueError):
    """An unknown format, or one the given credential is not of."""

    code = "unsupported_format"
    description = "the credential cannot be issued in that format"


class IssuerError(IssueError):
    """An issuer that lacks what a format needs (a key, an e-seal, a status list), or
    whose parts do not belong together."""

    code = "issuer_cannot_sign"
    description = "the issuer cannot sign this"


class SealOrganisationError(IssuerError):
    """The e-seal certificate's organisation (``O=``) is none of the EDC issuer's legal
    names: ``verify`` would report the seal as not the issuer's (check ``issuer``, code
    ``seal_organisation_differs``), so it is refused before sealing."""

    code = "seal_organisation_differs"
    description = "the e-seal certificate is not the issuer's"


class StatusListIssuerError(IssuerError):
    """A status list signed by another issuer than the credential's: ``verify`` would
    call the credential's status unknown. ``list_issuer`` and ``issuer`` say who; the
    error says it in English and Polish (``error.text("pl")``), with the code of
    :data:`.messages.STATUS_LIST_NOT_ISSUERS`."""

    code = "status_list_not_issuers"
    description = "the status list is not the issuer's"

    def __init__(self, list_issuer: str, issuer: str) -> None:
        # imported when raised: catching an error loads no messages
        from .messages import STATUS_LIST_NOT_ISSUERS

        self.list_issuer, self.issuer = list_issuer, issuer
        super().__init__(STATUS_LIST_NOT_ISSUERS(list_issuer=list_issuer, issuer=issuer))


class RenderError(CredentialError):
    """A certificate that could not be rendered (``render.render_pdf``); a caller's
    mistake (a bad logo, attachments that are not bytes) has the code ``invalid_input``.
    Reading a PDF someone sent is extraction: ``baking.extract_pdf`` raises
    :class:`BakingError`."""

    code = "render_error"
    description = "the PDF certificate could not be made"
