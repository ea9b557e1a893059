"""The providers' pages: registration, a provider's page, and the QA body's queue and
decisions. Thin: parse the form, call one service or selector, render."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from ..accounts.invitations import invitation_create
from ..accounts.models import Membership, Role
from ..accounts.selectors import has_role
from ..core.errors import PermissionDeniedError, PlatformError
from ..core.language import current_language
from . import messages as m
from .evidence import evidence_add, evidence_for, evidence_of
from .forms import DecisionForm, EvidenceForm, InviteForm, RegistrationForm, SealUploadForm
from .keys import provider_did_document, provider_key_rotate
from .models import Provider
from .seals import provider_seal_renew, provider_seal_upload
from .selectors import provider_for, providers_awaiting_decision, providers_of
from .services import Registration, provider_decide, provider_register
from .trust_list import operator_did_document, trust_list_jws


@login_required
def register(request: HttpRequest) -> HttpResponse:
    form = RegistrationForm(request.POST or None)
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            provider = provider_register(user=request.user,  # type: ignore[arg-type]
                                         registration=Registration(**form.cleaned_data),
                                         now=timezone.now())  # fmt: skip
        except PlatformError as exc:
            error = exc.text(current_language())
            for field in exc.extra.get("fields", {}):
                if field in form.fields:
                    form.add_error(field, error)
        else:
            return redirect("providers:detail", provider_id=provider.pk)
    status = 422 if request.method == "POST" else 200
    return render(request, "providers/register.html", {"form": form, "error": error},
                  status=status)  # fmt: skip


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    return render(request, "providers/list.html", {"providers": providers_of(request.user)})


@login_required
def detail(request: HttpRequest, provider_id: int) -> HttpResponse:
    provider = provider_for(request.user, provider_id)
    may_decide = has_role(request.user, Role.QA_OFFICER)
    return render(request, "providers/detail.html", {
        "provider": provider,
        "decisions": provider.decisions.select_related("officer", "qa_body"),
        "keys": provider.keys.order_by("valid_from", "pk"),
        "form": DecisionForm() if may_decide else None,
        "may_rotate": has_role(request.user, Role.PROVIDER_ADMIN, Role.PLATFORM_ADMIN),
        **_people(request, provider), **_documents(request, provider),
    })  # fmt: skip


def _own_roles(request: HttpRequest, provider: Provider) -> set[str]:
    return set(Membership.objects.filter(user=request.user,  # type: ignore[misc]
                                         organisation=provider.organisation)
               .values_list("role", flat=True))  # fmt: skip


def _documents(request: HttpRequest, provider: Provider, *, evidence_form: EvidenceForm | None
               = None, seal_form: SealUploadForm | None = None) -> dict[str, object]:  # fmt: skip
    """The provider's evidence and seal certificates, and the forms its people use."""
    roles = _own_roles(request, provider)
    may_add = bool(roles & {Role.PROVIDER_ADMIN, Role.PROVIDER_STAFF})
    may_upload_seal = Role.PROVIDER_ADMIN in roles and settings.SEAL_CA == "upload"
    return {
        "evidence": evidence_of(request.user, provider.pk),
        "evidence_form": (evidence_form or EvidenceForm()) if may_add else None,
        "seals": provider.seal_certificates.order_by("valid_from", "pk"),
        "seal_form": (seal_form or SealUploadForm(prefix="seal")) if may_upload_seal else None,
        "may_renew_seal": settings.SEAL_CA == "test"
        and provider.verified
        and bool(roles & {Role.PROVIDER_ADMIN}),
    }


def _detail_again(request: HttpRequest, provider: Provider, status: int,
                  **forms: object) -> HttpResponse:  # fmt: skip
    return render(request, "providers/detail.html", {
        "provider": provider, "decisions": provider.decisions.all(),
        "keys": provider.keys.order_by("valid_from", "pk"), **_people(request, provider),
        **_documents(request, provider, **forms),  # type: ignore[arg-type]
    }, status=status)  # fmt: skip


@login_required
@require_POST
def add_evidence(request: HttpRequest, provider_id: int) -> HttpResponse:
    provider = provider_for(request.user, provider_id)
    form = EvidenceForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            evidence_add(user=request.user, provider=provider,  # type: ignore[arg-type]
                         name=upload.name or "", data=upload.read(settings.EVIDENCE_MAX_BYTES + 1),
                         now=timezone.now())  # fmt: skip
        except PlatformError as exc:
            if exc.status == 403:
                raise
            form.add_error("file", exc.text(current_language()))
        else:
            return redirect("providers:detail", provider_id=provider.pk)
    return _detail_again(request, provider, 422, evidence_form=form)


def evidence_file(request: HttpRequest, provider_id: int, document_id: int) -> FileResponse:
    """One evidence document, to those who may see its provider; 404 to anyone else,
    anonymous included (no login redirect: the URL does not even say it exists)."""
    document = evidence_for(request.user, provider_id, document_id)
    response = FileResponse(document.file.open("rb"), content_type=document.content_type,
                            as_attachment=True, filename=document.original_name)  # fmt: skip
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def upload_seal(request: HttpRequest, provider_id: int) -> HttpResponse:
    provider = provider_for(request.user, provider_id)
    form = SealUploadForm(request.POST, request.FILES, prefix="seal")
    if form.is_valid():
        try:
            provider_seal_upload(
                user=request.user,  # type: ignore[arg-type]
                provider=provider,
                data=form.cleaned_data["file"].read(1024 * 1024),
                password=form.cleaned_data["password"],
                now=timezone.now(),
            )
        except PlatformError as exc:
            if exc.status == 403:
                raise
            form.add_error("file", exc.text(current_language()))
        else:
            return redirect("providers:detail", provider_id=provider.pk)
    return _detail_again(request, provider, 422, seal_form=form)


def _people(
    request: HttpRequest, provider: Provider, form: InviteForm | None = None
) -> dict[str, object]:
    """The provider's people and open invitations, for its administrators."""
    admin = Membership.objects.filter(user=request.user, organisation=provider.organisation,  # type: ignore[misc]
                                      role=Role.PROVIDER_ADMIN).exists()  # fmt: skip
    if not admin:
        return {}
    organisation = provider.organisation
    return {
        "invite_form": form or InviteForm(),
        "members": organisation.memberships.select_related("user").order_by("user__email"),
        "invitations": organisation.invitations.filter(accepted_at=None),
    }


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    if not has_role(request.user, Role.QA_OFFICER, Role.PLATFORM_ADMIN):
        raise PermissionDeniedError(m.NOT_QA_OFFICER)
    return render(request, "providers/queue.html", {"providers": providers_awaiting_decision()})


@login_required
@require_POST
def decide(request: HttpRequest, provider_id: int) -> HttpResponse:
    provider = provider_for(request.user, provider_id)
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            provider_decide(officer=request.user, provider=provider,  # type: ignore[arg-type]
                            decision=form.cleaned_data["decision"],
                            reason=form.cleaned_data["reason"], now=timezone.now())  # fmt: skip
        except PlatformError as exc:
            if exc.status == 403:
                raise
            return render(request, "providers/detail.html", {
                "provider": provider, "decisions": provider.decisions.all(), "form": form,
                "error": exc.text(current_language()),
            }, status=exc.status)  # fmt: skip
    return redirect("providers:detail", provider_id=provider.pk)


@login_required
@require_POST
def rotate_key(request: HttpRequest, provider_id: int) -> HttpResponse:
    provider = provider_for(request.user, provider_id)
    provider_key_rotate(user=request.user, provider=provider,  # type: ignore[arg-type]
                        now=timezone.now())  # fmt: skip
    return redirect("providers:detail", provider_id=provider.pk)


def did_json(request: HttpRequest, slug: str) -> HttpResponse:
    """The provider's DID document, public: what verifiers resolve its did:web to."""
    return _did_response(provider_did_document(slug))


@login_required
@require_POST
def invite(request: HttpRequest, provider_id: int) -> HttpResponse:
    provider = provider_for(request.user, provider_id)
    form = InviteForm(request.POST)
    if form.is_valid():
        invitation_create(
            inviter=request.user,  # type: ignore[arg-type]
            organisation=provider.organisation,
            role=form.cleaned_data["role"],
            email=form.cleaned_data["email"],
            now=timezone.now(),
            link_base=request.build_absolute_uri("/accounts/invitations/"),
        )
        return redirect("providers:detail", provider_id=provider.pk)
    return render(request, "providers/detail.html", {
        "provider": provider, "decisions": provider.decisions.all(),
        "keys": provider.keys.all(), **_people(request, provider, form),
    }, status=422)  # fmt: skip


def trust_list(request: HttpRequest) -> HttpResponse:
    """The signed trust list (ETSI TS 119 602, a compact JWS), public; its sequence
    number is the ETag."""
    signed, sequence = trust_list_jws(timezone.now())
    etag = f'"{sequence}"'
    if request.headers.get("If-None-Match") == etag:
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(signed, content_type="application/jose")
    response["ETag"] = etag
    response["Cache-Control"] = "public, max-age=300"
    response["Access-Control-Allow-Origin"] = "*"
    return response


def operator_did_json(request: HttpRequest) -> HttpResponse:
    """The operator's DID document: the key that signs the trust list."""
    return _did_response(operator_did_document(timezone.now()))


def _did_response(document: dict[str, object]) -> HttpResponse:
    """A DID document as a resolver expects it: public, cacheable, any origin."""
    response = JsonResponse(document, json_dumps_params={"indent": 2})
    response["Content-Type"] = "application/did+json"
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=300"
    return response


@login_required
@require_POST
def renew_seal(request: HttpRequest, provider_id: int) -> HttpResponse:
    provider = provider_for(request.user, provider_id)
    provider_seal_renew(user=request.user, provider=provider,  # type: ignore[arg-type]
                        now=timezone.now())  # fmt: skip
    return redirect("providers:detail", provider_id=provider.pk)
