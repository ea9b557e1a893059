"""People, organisations and roles.

A person (:class:`User`) logs in with an e-mail address. What they may do comes from
their :class:`Membership` of an :class:`Organisation`, each with one :class:`Role`; a
learner needs no organisation (every person may hold credentials).
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    PLATFORM = "platform", _("Platform operator")
    QA_BODY = "qa_body", _("Quality-assurance body")
    PROVIDER = "provider", _("Micro-credential provider")
    EMPLOYER = "employer", _("Employer")
    GUIDANCE = "guidance", _("Career guidance centre")


class Role(models.TextChoices):
    """What a person does in an organisation."""

    PLATFORM_ADMIN = "platform_admin", _("Platform administrator")
    QA_OFFICER = "qa_officer", _("QA body officer")
    PROVIDER_ADMIN = "provider_admin", _("Provider administrator")
    PROVIDER_STAFF = "provider_staff", _("Provider staff (issuing)")
    ASSESSOR = "assessor", _("Assessor")
    COUNSELLOR = "counsellor", _("Career counsellor")
    EMPLOYER = "employer", _("Employer / verifier")


#: the organisation kind each role belongs to
ROLE_KINDS: dict[str, str] = {
    Role.PLATFORM_ADMIN: OrganisationKind.PLATFORM,
    Role.QA_OFFICER: OrganisationKind.QA_BODY,
    Role.PROVIDER_ADMIN: OrganisationKind.PROVIDER,
    Role.PROVIDER_STAFF: OrganisationKind.PROVIDER,
    Role.ASSESSOR: OrganisationKind.PROVIDER,
    Role.COUNSELLOR: OrganisationKind.GUIDANCE,
    Role.EMPLOYER: OrganisationKind.EMPLOYER,
}


class _EmailUserManager(UserManager["User"]):
    """Users made by e-mail address (Django's manager asks for a user name)."""

    def _create_user(self, username: Any, email: Any, password: Any, **extra: Any) -> User:
        email = self.normalize_email(email or username)
        user = self.model(email=email, **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:  # type: ignore[override]
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(None, email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:  # type: ignore[override]
        extra.update(is_staff=True, is_superuser=True)
        return self._create_user(None, email, password, **extra)


class User(AbstractUser):
    """A person, who logs in with an e-mail address."""

    username = None  # type: ignore[assignment]
    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200, blank=True)
    #: a machine client's identity (one per API token), never a person: it cannot log in
    is_machine = models.BooleanField(default=False)
    language = models.CharField(_("language"), max_length=2, default="pl",
                                choices=[("pl", "polski"), ("en", "English")])  # fmt: skip

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []
    objects = _EmailUserManager()  # type: ignore[misc]

    def __str__(self) -> str:
        return self.full_name or self.email


class Organisation(models.Model):
    """A platform operator, QA body, provider, employer or guidance centre."""

    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    created_at = models.DateTimeField(_("created"))

    class Meta:
        ordering: ClassVar[list[str]] = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """One role of one person in one organisation."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE,
                                     related_name="memberships")  # fmt: skip
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(_("created"))

    class Meta:
        constraints: ClassVar[list[Any]] = [
            models.UniqueConstraint(fields=["user", "organisation", "role"],
                                    name="one_role_once_per_organisation"),
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.organisation}"


class Invitation(models.Model):
    """An invitation by e-mail to hold a role in an organisation. Only the token's
    SHA-256 is kept: the link in the e-mail is the only copy of the token."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE,
                                     related_name="invitations")  # fmt: skip
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    email = models.EmailField(_("e-mail address"))
    token_sha256 = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="invitations_sent")
    created_at = models.DateTimeField(_("created"))
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(User, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="invitations_accepted")  # fmt: skip

    class Meta:
        ordering: ClassVar[list[str]] = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.email} → {self.get_role_display()} ({self.organisation})"


class ApiToken(models.Model):
    """A machine client's key to the API, scoped to one organisation and one role: it
    acts as its own machine :class:`User`, whose only membership is that role there, so
    no code path can give it more. Only the secret's SHA-256 is kept; the secret is
    shown once, when it is made."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="api_token")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE,
                                     related_name="api_tokens")  # fmt: skip
    name = models.CharField(_("name"), max_length=100)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    prefix = models.CharField(max_length=12)  # shown to tell tokens apart: "mc_a1b2c3d4"
    token_sha256 = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="api_tokens_made")
    created_at = models.DateTimeField(_("created"))
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…, {self.organisation})"
