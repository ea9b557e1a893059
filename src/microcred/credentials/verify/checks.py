"""The individual checks of a credential, each returning a :class:`Check`.

Every function here takes untrusted data and never raises: a problem is a failed (or
warning) check with a code and a reason in English and Polish.
"""

from __future__ import annotations

__all__ = [
    "check_contexts",
    "check_data_model",
    "check_dates",
    "check_eu_elements",
    "check_issuer_binding",
    "check_proof",
    "check_schema",
    "check_status",
    "proof_check",
    "seal_checks",
    "seal_issuer_check",
    "seal_warnings",
]

import datetime as dt
import json
from collections.abc import Callable
from importlib import resources
from typing import TYPE_CHECKING, Any

from ...standard.compliance import ComplianceReport, check
from ...standard.elements import Award
from ...standard.errors import MicrocredError
from .._cache import cached
from .._json import types_of
from ..data_integrity import ProofResult, verify_proof
from ..dids import Resolver
from ..edc import from_edc
from ..jsonld import contexts
from ..ob3 import EU_TERMS, from_ob3
from ..status import check_status as check_entries
from ..vc_data_model import data_model_problems
from .hidden import hidden_members
from .report import Check, CheckStatus

if TYPE_CHECKING:
    import jsonschema

    from ..jades import SealResult

P, F, W, NA = CheckStatus.PASS, CheckStatus.FAIL, CheckStatus.WARNING, CheckStatus.NOT_APPLICABLE
I = CheckStatus.INDETERMINATE  # noqa: E741 - one letter like its siblings
_EXAMPLE_CONTEXTS = frozenset(url for url in contexts.PINNED if "/examples/" in url)


def _ob3_schema() -> dict[str, Any]:
    text = resources.files("microcred.credentials.ob3").joinpath(
        "schemas/achievementcredential.json"
    )
    schema: dict[str, Any] = json.loads(text.read_text(encoding="utf-8"))
    return schema


@cached(maxsize=1)
def _ob3_validator() -> jsonschema.Draft201909Validator:
    """The reference: jsonschema, which says where a document fails and why."""
    import jsonschema  # imported for the first invalid OB 3.0 credential, not with verify

    return jsonschema.Draft201909Validator(_ob3_schema())


@cached(maxsize=1)
def _ob3_fast_check() -> Callable[[Any], Any]:
    """The same schema compiled to Python by fastjsonschema (~15× quicker), used only to
    say "valid": anything it refuses, and anything that makes it raise, is decided by
    :func:`_ob3_validator`. Sound because its verdict "valid" implies jsonschema's: the
    schema has no ``$ref`` with sibling keywords (draft 2019-09 and draft 7 differ there),
    no ``default`` (``use_default=False`` anyway), formats are not asserted by either
    (jsonschema asserts them only with a format checker), and fastjsonschema's patterns
    are, if anything, stricter (``$`` read as end of string).
    ``tests/credentials/verify/test_schema_fast.py`` compares the two verdicts."""
    import fastjsonschema

    validate: Callable[[Any], Any] = fastjsonschema.compile(
        _ob3_schema(), use_default=False, use_formats=False, detailed_exceptions=False
    )
    return validate


def _ob3_fast_valid(document: dict[str, Any]) -> bool:
    try:
        _ob3_fast_check()(document)
    except Exception:  # any doubt goes to the reference validator
        return False
    return True


def check_schema(document: dict[str, Any]) -> Check:
    """OB 3.0 credentials against 1EdTech's JSON Schema; other VCs for the VC shape."""
    types = types_of(document)
    ob3 = "OpenBadgeCredential" in types or "AchievementCredential" in types
    if ob3 and _first_context(document) == _VC11:
        # Open Badges 3.0 was first issued on VC 1.1 (issuanceDate; DCC's wallets and many
        # university badges still are); 1EdTech's schema describes the VC 2.0 form only.
        return Check("schema", W, "ob3_on_vc11",
                     "an Open Badges 3.0 credential in its earlier VC 1.1 form: 1EdTech's "
                     "JSON Schema (VC 2.0) does not apply; the VC 1.1 data model is checked",
                     "poświadczenie Open Badges 3.0 we wcześniejszej postaci VC 1.1: schemat "
                     "JSON 1EdTech (VC 2.0) nie ma zastosowania; sprawdzono model danych "
                     "VC 1.1")  # fmt: skip
    if ob3:
        # VC DM 2.0 allows one proof object or a list; this schema build wants a list.
        shaped = document
        if isinstance(document.get("proof"), dict):
            shaped = {**document, "proof": [document["proof"]]}
        error = None
        if not _ob3_fast_valid(shaped):
            errors = sorted(_ob3_validator().iter_errors(shaped), key=lambda e: list(e.path))
            error = errors[0] if errors else None
        if error is None:
            return Check("schema", P, "ok", "valid against the OB 3.0 JSON Schema",
                         "zgodny ze schematem JSON OB 3.0")  # fmt: skip
        where = "/".join(str(p) for p in error.absolute_path) or "(root)"
        message = error.message[:160]
        return Check("schema", F, "schema_invalid", f"OB 3.0 JSON Schema: {where}: {message}",
                     f"schemat JSON OB 3.0: {where}: {message}")  # fmt: skip
    if "EuropeanDigitalCredential" in types:
        return _check_edc_shapes(document)
    if "VerifiableCredential" not in types:
        return Check("schema", F, "not_a_credential", "the document is not a Verifiable Credential",
                     "dokument nie jest poświadczeniem weryfikowalnym (VC)")  # fmt: skip
    missing = [k for k in ("issuer", "credentialSubject") if k not in document]
    if missing:
        return Check("schema", F, "schema_invalid", f"missing {', '.join(missing)}",
                     f"brak pól: {', '.join(missing)}")  # fmt: skip
    return Check("schema", P, "ok", "has the members of a Verifiable Credential",
                 "zawiera elementy poświadczenia weryfikowalnego")  # fmt: skip


_VC11 = "https://www.w3.org/2018/credentials/v1"


def _first_context(document: dict[str, Any]) -> Any:
    context = document.get("@context")
    return context[0] if isinstance(context, list) and context else context


def _check_edc_shapes(document: dict[str, Any]) -> Check:
    """EDCs against the EU's SHACL shapes. A violation is a warning, not a failure: the
    shapes have versions, and EDCs issued under another one (the EU's own samples
    among them) are still credentials whose proof and issuer decide their validity."""
    # pySHACL and rdflib (~0.15 s to import) are loaded for the first EDC, not with verify:
    # most credentials are Open Badges, which never need them.
    from ..edc import shacl

    unsecured = {k: v for k, v in document.items() if k != "proof"}
    try:
        violations = shacl.validate(unsecured)
    except MicrocredError as exc:
        return Check(
            "schema", F, exc.code, exc.message, f"nie można odczytać dokumentu: {exc.message}"
        )
    if not violations:
        return Check("schema", P, "ok", "conforms to the EU's EDC shapes (SHACL)",
                     "zgodny z kształtami EDC UE (SHACL)")  # fmt: skip
    first = violations[0]
    more = f" (+{len(violations) - 1} more)" if len(violations) > 1 else ""
    more_pl = f" (i {len(violations) - 1} innych)" if len(violations) > 1 else ""
    return Check("schema", W, "edc_shapes",
                 f"does not conform to the EDC shapes: {first}{more}",
                 f"niezgodny z kształtami EDC: {first}{more_pl}")  # fmt: skip


def check_contexts(document: dict[str, Any]) -> Check:
    """Every ``@context`` URL is pinned; example contexts are flagged; so are contexts
    embedded in the document, except microcred's own EU terms: such terms mean what the
    issuer wrote, which a verifier can read but no published vocabulary vouches for."""
    urls: list[str] = []
    embedded = 0

    def walk(node: Any) -> None:
        nonlocal embedded
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "@context":
                    items = value if isinstance(value, list) else [value]
                    urls.extend(item for item in items if isinstance(item, str))
                    embedded += sum(isinstance(i, dict) and i != EU_TERMS for i in items)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(document)
    unknown = [u for u in urls if u not in contexts.PINNED]
    if unknown:
        return Check("contexts", F, "unknown_context",
                     f"context not allowed (never fetched): {unknown[0]}",
                     f"niedozwolony kontekst (nie jest pobierany): {unknown[0]}")  # fmt: skip
    hidden = hidden_members(document)
    if hidden is None:
        return Check("contexts", F, "unreadable_jsonld",
                     "the credential's JSON-LD cannot be expanded with the pinned contexts",
                     "nie można rozwinąć JSON-LD poświadczenia przy użyciu przypiętych "
                     "kontekstów")  # fmt: skip
    if hidden:
        names = ", ".join(hidden)
        return Check("contexts", F, "hidden_member",
                     f"the credential states {names} also under another name (a full IRI or "
                     "an alias), which a reader of the JSON would not see",
                     f"poświadczenie podaje {names} także pod inną nazwą (pełnym IRI lub "
                     "aliasem), której czytelnik JSON by nie zauważył")  # fmt: skip
    examples = [u for u in urls if u in _EXAMPLE_CONTEXTS]
    if examples:
        return Check("contexts", W, "example_context", f"uses a W3C example context: {examples[0]}",
                     f"używa przykładowego kontekstu W3C: {examples[0]}")  # fmt: skip
    if embedded:
        return Check("contexts", W, "embedded_context",
                     "the credential defines some of its terms itself (an embedded context)",
                     "poświadczenie samo definiuje część swoich terminów "
                     "(osadzony kontekst)")  # fmt: skip
    return Check("contexts", P, "ok", "every context is a pinned, known context",
                 "wszystkie konteksty są znane i przypięte")  # fmt: skip


def check_proof(
    document: dict[str, Any], resolver: Resolver, suites: frozenset[str]
) -> tuple[Check, ProofResult]:
    """The Data Integrity proof, or every proof of a proof set or chain, by the caller's
    resolver and allowed suites; the result is the one the credential stands on, with
    every proof's own result in ``proofs`` (see ``verify_proof``)."""
    result = verify_proof(document, resolver=resolver, allowed_suites=suites)
    return proof_check(result), result


def proof_check(result: ProofResult) -> Check:
    """A proof (Data Integrity or JOSE) result as a check; for a proof set or chain, the
    check names every proof's outcome: valid, failed, or not checked (a type or suite
    not known or not allowed here, or a chain link after an unverified proof)."""
    polish = {
        "no_proof": "dokument nie ma dowodu (podpisu)",
        "invalid_signature": (
            "podpis nie zgadza się z treścią — dokument zmieniono lub podpisał go inny klucz"
        ),
        "suite_not_allowed": "niedozwolony lub nieznany algorytm podpisu (cryptosuite)",
        "unsupported_proof": "nieobsługiwany typ dowodu",
        "malformed_proof": "uszkodzony dowód: brak wymaganych pól lub błędne wartości",
        "wrong_purpose": "niewłaściwy cel dowodu (proofPurpose)",
        "wrong_key_type": "klucz wskazany w dowodzie nie pasuje do algorytmu podpisu",
        "missing_suite_context": "dokument nie zawiera kontekstu JSON-LD tego typu dowodu",
        "context_mismatch": "kontekst JSON-LD dowodu różni się od kontekstu dokumentu",
        "previous_proof_missing": (
            "dowód wskazuje poprzedni dowód (previousProof), którego nie ma w dokumencie"
        ),
        "previous_proof_unverified": (
            "podpis jest poprawny, ale poprzedni dowód w łańcuchu nie został potwierdzony"
        ),
        "proof_chain_cycle": "łańcuch dowodów (previousProof) zapętla się",
        "too_many_proofs": "dokument ma zbyt wiele dowodów, by je sprawdzić",
        "no_checkable_proof": "żadnego z dowodów nie można tu sprawdzić: nieznane lub "
        "niedozwolone typy i algorytmy",
        "did_error": "nie można ustalić klucza wystawcy (DID)",
        "jsonld_error": "dokument nie jest poprawnym JSON-LD albo zawiera niezdefiniowane terminy",
        "unknown_context": "dokument używa nieznanego kontekstu JSON-LD",
        "alg_none": "odrzucono niepodpisany JWS (alg: none)",
        "header_key": "klucz podany w nagłówku JWS nie jest nigdy uznawany",
        "alg_mismatch": "algorytm JWS nie pasuje do klucza wystawcy",
        "no_kid": "nagłówek JWS nie wskazuje klucza (kid)",
        "malformed_jwt": "uszkodzony JWS",
        "iss_mismatch": "wystawca wskazany w JWT (iss) nie jest wystawcą poświadczenia",
    }

    def reason_pl(one: ProofResult) -> str:
        if one.verified:
            by = one.method.id if one.method else one.proof.get("verificationMethod")
            return f"poprawny dowód {one.suite} ({by})"
        if one.code == "unsupported_proof":
            return f"nieobsługiwany typ dowodu {one.proof.get('type')}"
        if one.code == "suite_not_allowed" and one.suite:
            return f"niedozwolony lub nieznany algorytm podpisu {one.suite}"
        return polish.get(one.code, "dowód jest niepoprawny")

    if len(result.proofs) <= 1:  # one proof (or a JWS): the check is that proof's
        status = P if result.verified else F
        return Check("proof", status, result.code, result.reason, reason_pl(result))
    parts_en, parts_pl = [], []
    for number, one in enumerate(result.proofs, start=1):
        if one.verified:
            by = one.method.id if one.method else one.proof.get("verificationMethod")
            parts_en.append(f"proof {number} valid: {one.suite} by {by}")
            parts_pl.append(f"dowód {number} poprawny: {one.suite} ({by})")
        elif not one.checked:
            parts_en.append(f"proof {number} not checked: {one.reason}")
            parts_pl.append(f"dowód {number} nie został sprawdzony: {reason_pl(one)}")
        else:
            parts_en.append(f"proof {number} failed: {one.reason}")
            parts_pl.append(f"dowód {number} odrzucony: {reason_pl(one)}")
    count = len(result.proofs)
    noun = "dowody" if count % 10 in (2, 3, 4) and count % 100 not in (12, 13, 14) else "dowodów"
    en = f"{count} proofs: " + "; ".join(parts_en)
    pl = f"{count} {noun}: " + "; ".join(parts_pl)
    return Check("proof", P if result.verified else F, result.code, en, pl)


def seal_checks(sealed: SealResult) -> list[Check]:
    """A JAdES e-seal as the proof check; an indeterminate seal (valid signature, expired
    or later revoked certificate, no proof of existence) as a passed signature check and
    an undecided proof check; revocation data carried in the seal as a revocation check."""
    from ..jades import Indication  # loaded with the first sealed EDC, not with verify

    signer = sealed.organisation or sealed.subject
    if sealed.verified:
        en = f"valid e-seal ({sealed.algorithm}) by {signer}"
        pl = f"poprawna e-pieczęć ({sealed.algorithm}): {signer}"
        if sealed.validated_at is not None:
            en += f", as of its time-stamp {sealed.validated_at:%Y-%m-%d %H:%M} UTC"
            pl += f", na czas znacznika czasu {sealed.validated_at:%Y-%m-%d %H:%M} UTC"
        checks = [Check("proof", P, "ok", en, pl)]
    elif sealed.indication is Indication.INDETERMINATE:
        checks = [
            Check("signature", P, "ok",
                  f"the e-seal's signature ({sealed.algorithm}) by {signer} is valid: the "
                  "sealed content is unmodified",
                  f"podpis e-pieczęci ({sealed.algorithm}) podmiotu {signer} jest poprawny: "
                  "zapieczętowana treść jest niezmieniona"),
            Check("proof", I, sealed.code, sealed.reason, sealed.reason_pl),
        ]  # fmt: skip
    else:
        return [Check("proof", F, sealed.code, sealed.reason, sealed.reason_pl)]
    claimed = any(w.code == "revocation_at_claimed_time" for w in sealed.warnings)
    if (found := sealed.revocation) is not None and not claimed:  # else: an e-seal warning
        source = f"{found.kind}, {found.signer}, {found.as_of:%Y-%m-%d %H:%M} UTC"
        checks.append(Check("revocation", P, "ok",
                            f"the certificate was not revoked when sealed ({source}, carried "
                            "in the seal)",
                            f"certyfikat nie był unieważniony w chwili pieczętowania ({source}, "
                            "dołączone do pieczęci)"))  # fmt: skip
    return checks


def seal_issuer_check(document: dict[str, Any], sealed: SealResult) -> Check:
    """The sealing certificate's organisation against the credential's issuer name."""
    issuer = document.get("issuer")
    names: set[str] = set()
    if isinstance(issuer, dict):
        for key in ("legalName", "altLabel"):
            value = issuer.get(key)
            if isinstance(value, dict):
                names.update(v for v in value.values() if isinstance(v, str))
    organisation = sealed.organisation or ""
    if organisation and organisation in names:
        return Check("issuer", P, "ok", f"sealed by the issuer {organisation}",
                     f"zapieczętowane przez wystawcę {organisation}")  # fmt: skip
    return Check("issuer", F, "seal_organisation_differs",
                 f"sealed by {organisation or 'an unnamed organisation'}, not named as the issuer",
                 f"zapieczętował {organisation or 'nienazwany podmiot'}, "
                 "a nie podmiot wskazany jako wystawca")  # fmt: skip


def seal_warnings(sealed: SealResult) -> list[Check]:
    """What an offline e-seal check cannot establish, each as a warning."""
    return [Check("e-seal", W, w.code, w.reason, w.reason_pl) for w in sealed.warnings]


def check_issuer_binding(document: dict[str, Any], proof: ProofResult) -> Check:
    """The verification method belongs to the issuer and is listed under assertionMethod."""
    if not proof.verified or proof.method is None:
        return Check("issuer", NA, "no_valid_proof", "not checked: no valid proof",
                     "nie sprawdzono: brak poprawnego dowodu")  # fmt: skip
    issuer = document.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    if not isinstance(issuer_id, str):
        return Check("issuer", F, "no_issuer", "the credential names no issuer id",
                     "poświadczenie nie wskazuje identyfikatora wystawcy")  # fmt: skip
    method = proof.method
    if method.controller != issuer_id or method.id.split("#", 1)[0] != issuer_id:
        return Check("issuer", F, "issuer_mismatch",
                     f"signed by {method.controller}, but the issuer is {issuer_id}",
                     f"podpisał {method.controller}, a wystawcą jest {issuer_id}")  # fmt: skip
    if "assertionMethod" not in method.relationships:
        return Check("issuer", F, "not_assertion_method",
                     f"{method.id} is not listed under assertionMethod",
                     f"{method.id} nie jest na liście assertionMethod wystawcy")  # fmt: skip
    return Check("issuer", P, "ok", f"signed by the issuer {issuer_id}",
                 f"podpisane przez wystawcę {issuer_id}")  # fmt: skip


def _parse_time(value: Any) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def check_dates(document: dict[str, Any], now: dt.datetime, skew: dt.timedelta) -> Check:
    """validFrom / validUntil (VC 2.0) or issuanceDate / expirationDate (VC 1.1)."""
    start_raw = document.get("validFrom", document.get("issuanceDate"))
    end_raw = document.get("validUntil", document.get("expirationDate"))
    start, end = _parse_time(start_raw), _parse_time(end_raw)
    if (start_raw is not None and start is None) or (end_raw is not None and end is None):
        return Check("dates", F, "malformed_date", "a validity date is not an ISO 8601 date-time",
                     "data ważności nie jest datą w formacie ISO 8601")  # fmt: skip
    if start and start > now + skew:
        return Check("dates", F, "not_yet_valid", f"not valid before {start_raw}",
                     f"ważne dopiero od {start_raw}")  # fmt: skip
    if end and end < now - skew:
        return Check("dates", F, "expired", f"expired on {end_raw}", f"wygasło {end_raw}")
    if end:
        return Check("dates", P, "ok", f"valid until {end_raw}", f"ważne do {end_raw}")
    return Check("dates", P, "ok", "valid, with no expiry date", "ważne bezterminowo")


def check_status(
    document: dict[str, Any],
    fetcher: Callable[[str], Any] | None,
    resolver: Resolver,
    suites: frozenset[str],
    now: dt.datetime,
    skew: dt.timedelta,
) -> Check:
    """Revocation/suspension status. Without a way to check it, the status is unknown."""
    if "credentialStatus" not in document:
        return Check("status", NA, "no_status", "the credential has no status list entry",
                     "poświadczenie nie ma wpisu na liście statusów")  # fmt: skip
    if fetcher is None:
        return Check("status", W, "status_unknown",
                     "status unknown: the status list was not checked (offline)",
                     "status nieznany: nie sprawdzono listy statusów (offline)")  # fmt: skip

    def verify_list(listing: dict[str, Any]) -> tuple[bool, str]:
        proof_check, proof = check_proof(listing, resolver, suites)
        if proof_check.status is not P:
            return False, proof_check.en
        issuer = check_issuer_binding(listing, proof)
        dates = check_dates(listing, now, skew)
        shape = check_data_model(listing)
        failed = next((c for c in (issuer, dates, shape) if c.status is F), None)
        return (False, failed.en) if failed else (True, "ok")

    results = check_entries(document, fetcher=fetcher, verify_list=verify_list)
    notes = [r.note for r in results if r.note]
    note_en = "".join(f"; {note}" for note in notes)
    note_pl = "".join(
        "; lista statusów ma inny identyfikator niż adres, pod którym ją podano — użyto jej, "
        "bo podpisał ją wystawca poświadczenia"
        for _ in notes[:1]
    )
    for result in results:
        if result.state in ("revoked", "suspended"):
            polish = "unieważnione" if result.state == "revoked" else "zawieszone"
            return Check("status", F, result.code, f"the credential is {result.state}{note_en}",
                         f"poświadczenie jest {polish}{note_pl}")  # fmt: skip
    unknown = next((r for r in results if r.state == "unknown"), None)
    if unknown:
        return Check("status", W, unknown.code, f"status unknown: {unknown.reason}",
                     f"status nieznany: {unknown.reason}")  # fmt: skip
    purposes = ", ".join(sorted({r.purpose for r in results}))
    return Check("status", P, "ok", f"checked ({purposes}): not revoked or suspended{note_en}",
                 f"sprawdzono ({purposes}): nie unieważnione ani zawieszone{note_pl}")  # fmt: skip


def check_eu_elements(
    document: dict[str, Any], now: dt.datetime
) -> tuple[Check, ComplianceReport | None, Award | None]:
    """Which EU micro-credential elements the credential carries, the verdict, and the
    award read from the credential."""
    types = types_of(document)
    reader: Callable[[Any], Any]
    if "OpenBadgeCredential" in types or "AchievementCredential" in types:
        reader = from_ob3
    elif "EuropeanDigitalCredential" in types:
        reader = from_edc
    else:
        return Check("eu-elements", NA, "not_a_microcredential_format",
                     "neither an Open Badges nor a European Digital Credential",
                     "ani poświadczenie Open Badges, ani Europass EDC"), None, None  # fmt: skip
    try:
        award = reader(document)
        report = check(award, now=now)
    except MicrocredError as exc:
        return Check("eu-elements", W, exc.code, exc.message,
                     f"nie można odczytać elementów UE: {exc.message}"), None, None  # fmt: skip
    verdict = report.verdict
    status = P if report.is_micro_credential else W
    en, pl = verdict.label("en"), verdict.label("pl")
    if report.verdict_reasons:  # why it is not a (complete) micro-credential
        en += ": " + "; ".join(reason.text("en") for reason in report.verdict_reasons)
        pl += ": " + "; ".join(reason.text("pl") for reason in report.verdict_reasons)
    return Check("eu-elements", status, str(verdict), en, pl), report, award


# VC DM 2.0 §5.8 reads a date-time without a time zone as UTC: a flaw of the issuer's,
# refused when microcred signs, but not a reason to reject a credential someone holds.
_DATA_MODEL_WARNINGS = frozenset({"date_without_timezone"})


def check_data_model(document: dict[str, Any]) -> Check:
    """The VC Data Model's MUSTs (§7.1: a non-conforming document is an error even
    when its proof holds); every problem is named, the first one's code is the check's."""
    problems = data_model_problems(document)
    if not problems:
        return Check("data-model", P, "ok", "meets the VC Data Model's requirements",
                     "spełnia wymagania modelu danych VC")  # fmt: skip
    failing = [p for p in problems if p.code not in _DATA_MODEL_WARNINGS]
    shown = failing or problems
    en = "; ".join(f"{p.path or '(root)'}: {p.en}" for p in shown[:5])
    pl = "; ".join(f"{p.path or '(root)'}: {p.pl}" for p in shown[:5])
    if len(shown) > 5:
        en, pl = en + f" (+{len(shown) - 5} more)", pl + f" (i {len(shown) - 5} innych)"
    return Check("data-model", F if failing else W, shown[0].code, en, pl)
