"""The awarding body a design names and the provider that owns it.

Annex I names the awarding body of a micro-credential; on this platform a design is
published under its provider's name, so the design's *first* awarding body must be that
provider as the QA body verified it — else a provider could publish designs under
someone else's name. Partners (co-awarding bodies, the second and further) are the
design's own business.

The rule (checked when a version is submitted, :func:`first_body_problem`): the first
awarding body's legal identifier equals the provider's registered one, both in the
compact form the provider's register writes (``777-000-11-11`` is ``7770001111``; a
Polish VAT number ``PL7770001111`` is the NIP ``7770001111``); or, when the design
names no legal identifier, one of its names is the provider's legal name (letter case and
spacing aside). An identifier of a register the provider did not register with (POL-on,
RSPO, Erasmus…) cannot be matched to what the QA body verified, so it does not match.

The issuing side has its counterpart: an e-seal's ``O=`` must be the issuer's legal name
(:mod:`microcred.credentials.jades`), checked when an award is sealed.
"""

from __future__ import annotations

__all__ = ["body_label", "first_body_problem", "provider_body", "provider_label",
           "with_provider_body"]  # fmt: skip

from ...standard.elements import AwardingBody, LegalIdentifier, MicroCredentialSpec
from ...standard.vocab.identity import LegalIdentifierScheme
from ..core.errors import ConflictError, InvalidInputError
from ..providers.identifiers import normalise_identifier
from ..providers.models import IdentifierScheme, Provider
from . import messages as m

#: the provider register's schemes as the design file names them
_SCHEMES = {
    IdentifierScheme.NIP: LegalIdentifierScheme.NIP,
    IdentifierScheme.REGON: LegalIdentifierScheme.REGON,
    IdentifierScheme.KRS: LegalIdentifierScheme.KRS,
    IdentifierScheme.EU_VAT: LegalIdentifierScheme.VAT,
}
_REGISTERED = {design: provider for provider, design in _SCHEMES.items()}


def provider_body(provider: Provider) -> AwardingBody:
    """The provider as its design's first awarding body: its legal name, its legal
    identifier (scheme and number) as registered, its country and its website."""
    return AwardingBody.model_validate({
        "name": {"pl": provider.legal_name},
        "country": provider.country,
        "legal_identifier": {"scheme": str(_SCHEMES[IdentifierScheme(provider.identifier_scheme)]),
                             "value": provider.identifier},
        "url": provider.website or None,
    })  # fmt: skip


def with_provider_body(spec: MicroCredentialSpec, provider: Provider) -> MicroCredentialSpec:
    """``spec`` with :func:`provider_body` in place of its first awarding body (the
    partners after it kept): what the demo does with its example designs."""
    return spec.model_copy(update={"awarding_bodies": [provider_body(provider),
                                                       *spec.awarding_bodies[1:]]})  # fmt: skip


def _canonical(scheme: str, value: str) -> tuple[str, str]:
    # A Polish VAT number is "PL" and the NIP: the same organisation either way.
    if scheme == IdentifierScheme.EU_VAT and value.startswith("PL"):
        return str(IdentifierScheme.NIP), value[2:]
    return scheme, value


def _same_identifier(identifier: LegalIdentifier, provider: Provider) -> bool:
    scheme = _REGISTERED.get(identifier.scheme)
    if scheme is None:  # a register the provider did not register with
        return False
    try:  # the provider register's own normalisation (python-stdnum), not a copy of it
        value = normalise_identifier(str(scheme), identifier.value, provider.country)
    except InvalidInputError:
        return False
    return _canonical(str(scheme), value) == _canonical(provider.identifier_scheme,
                                                        provider.identifier)  # fmt: skip


def _folded(name: str) -> str:
    return " ".join(name.split()).casefold()


def _matches(body: AwardingBody, provider: Provider) -> bool:
    if body.legal_identifier is not None:
        return _same_identifier(body.legal_identifier, provider)
    return any(_folded(name) == _folded(provider.legal_name) for _lang, name in body.name.items())


def body_label(body: AwardingBody, lang: str = "pl") -> str:
    """An awarding body as a message names it: its name and legal identifier."""
    name = body.name.get(lang)
    if body.legal_identifier is None:
        return name
    return f"{name} ({str(body.legal_identifier.scheme).upper()} {body.legal_identifier.value})"


def provider_label(provider: Provider) -> str:
    """A provider as a message names it: its legal name and registered identifier."""
    scheme = str(_SCHEMES[IdentifierScheme(provider.identifier_scheme)]).upper()
    return f"{provider.legal_name} ({scheme} {provider.identifier})"


def first_body_problem(spec: MicroCredentialSpec, provider: Provider) -> ConflictError | None:
    """None when ``spec``'s first awarding body is ``provider``; else the refusal, naming
    both (``extra["fields"]["awarding_bodies[0]"]``)."""
    if spec.awarding_bodies and _matches(spec.awarding_bodies[0], provider):
        return None
    body = body_label(spec.awarding_bodies[0]) if spec.awarding_bodies else "—"
    params = {"body": body, "provider": provider_label(provider)}
    return ConflictError(m.AWARDING_BODY_NOT_PROVIDER, **params, extra={
        "fields": {"awarding_bodies[0]": [m.AWARDING_BODY_NOT_PROVIDER.code]}})  # fmt: skip
