"""Django settings of the microcred platform, read from the environment.

Defaults make a development and demo instance with no set-up: an SQLite database in
``MICROCRED_DATA_DIR`` (``./var`` by default), debug off unless asked for, the site on
``localhost``. Production sets at least:

- ``MICROCRED_SECRET_KEY`` — Django's signing key (the demo makes one and keeps it in the
  data directory);
- ``MICROCRED_DATABASE_URL`` — ``postgresql://user:password@host:port/name`` (SQLite by
  default: ``sqlite:///path``);
- ``MICROCRED_ALLOWED_HOSTS`` — comma-separated host names;
- ``MICROCRED_KEY_ENCRYPTION_KEY`` — 32 random bytes in base64url, the key that encrypts
  providers' private keys at rest (the demo makes one and keeps it in the data
  directory); ``MICROCRED_KEY_ENCRYPTION_KEYS_OLD`` — earlier ones, comma-separated, still
  read after a rotation until every private key is encrypted again;
- ``MICROCRED_DID_WEB_HOST`` — the host of the providers' ``did:web`` identifiers, which
  must never change (``localhost%3A8000`` by default: a port is written ``%3A``);
- ``MICROCRED_HTTPS=1`` — the site is served over TLS (behind a proxy that sets
  ``X-Forwarded-Proto``): secure cookies, HTTPS redirect, HSTS for a year;
  ``manage.py check --deploy`` is then clean;
- ``MICROCRED_DEBUG=1`` only on a developer's machine.
"""

from __future__ import annotations

import base64
import os
import secrets
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.utils.translation import gettext_lazy as _

PACKAGE = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("MICROCRED_DATA_DIR", "var")).resolve()


def _kept_secret(variable: str, name: str, make: Callable[[], str]) -> str:
    """A secret from the environment, or one made once and kept in the data directory
    (readable by its owner only)."""
    if value := os.environ.get(variable):
        return value
    path = DATA_DIR / name
    if not path.exists():
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_text(make(), encoding="utf-8")
    return path.read_text(encoding="utf-8").strip()


def _database(url: str) -> dict[str, object]:
    """Django's database settings from a URL (``sqlite:///path`` or ``postgresql://…``)."""
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        # Write-ahead logging: readers never wait for a writer, and a commit appends to
        # the log instead of syncing the database file (20 ms of each award went to that
        # sync: bench/issuance.py); synchronous=NORMAL is durable against a crash of the
        # process, as WAL makes it. IMMEDIATE transactions take the write lock when they
        # begin, so two writers queue (busy timeout) instead of one failing on upgrade.
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": unquote(parts.path) or ":memory:",
                "OPTIONS": {"init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
                            "transaction_mode": "IMMEDIATE", "timeout": 20}}  # fmt: skip
    if parts.scheme in ("postgres", "postgresql"):
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parts.path.lstrip("/")),
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            "ATOMIC_REQUESTS": False,
        }
    raise ValueError(f"MICROCRED_DATABASE_URL: unknown scheme {parts.scheme!r}")


SECRET_KEY = _kept_secret("MICROCRED_SECRET_KEY", "secret-key", lambda: secrets.token_urlsafe(50))
#: the key-encryption key of the providers' private keys, and earlier ones still read
KEY_ENCRYPTION_KEY = _kept_secret(
    "MICROCRED_KEY_ENCRYPTION_KEY", "key-encryption-key",
    lambda: base64.urlsafe_b64encode(secrets.token_bytes(32)).decode().rstrip("="),
)  # fmt: skip
KEY_ENCRYPTION_KEYS_OLD = [
    k.strip()
    for k in os.environ.get("MICROCRED_KEY_ENCRYPTION_KEYS_OLD", "").split(",")
    if k.strip()
]
#: who runs the platform: the operator of its trust list (a LoTE's scheme operator)
OPERATOR = {
    "name_pl": os.environ.get("MICROCRED_OPERATOR_NAME_PL", "Rejestr mikropoświadczeń (demo)"),
    "name_en": os.environ.get("MICROCRED_OPERATOR_NAME_EN", "Micro-credential registry (demo)"),
    "street_address": os.environ.get("MICROCRED_OPERATOR_STREET", "ul. Przykładowa 1"),
    "postal_code": os.environ.get("MICROCRED_OPERATOR_POSTAL_CODE", "00-001"),
    "locality": os.environ.get("MICROCRED_OPERATOR_LOCALITY", "Warszawa"),
    "country": os.environ.get("MICROCRED_OPERATOR_COUNTRY", "PL"),
    "email": os.environ.get("MICROCRED_OPERATOR_EMAIL", "rejestr@demo.microcred.eu"),
}
#: the platform's public address (the trust list's distribution point and links)
PUBLIC_URL = os.environ.get("MICROCRED_PUBLIC_URL", "http://localhost:8000").rstrip("/")
#: the host of every provider's did:web (did:web:HOST:providers:SLUG)
DID_WEB_HOST = os.environ.get("MICROCRED_DID_WEB_HOST", "localhost%3A8000")
DEBUG = os.environ.get("MICROCRED_DEBUG", "") in ("1", "true", "yes")
ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("MICROCRED_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",")
    if host.strip()
]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "microcred.platform.core",
    "microcred.platform.accounts",
    "microcred.platform.providers",
    "microcred.platform.catalog",
    "microcred.platform.issuance",
    "microcred.platform.qa",
    "microcred.platform.registry",
    "microcred.platform.esco",
    "microcred.platform.uptake",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "microcred.platform.core.middleware.PlatformErrorMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

ROOT_URLCONF = "microcred.platform.config.urls"
WSGI_APPLICATION = "microcred.platform.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "microcred.platform.accounts.context.roles",
            ],
        },
    },
]

DATABASES = {
    "default": _database(
        os.environ.get("MICROCRED_DATABASE_URL", f"sqlite:///{DATA_DIR / 'microcred.sqlite3'}")
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out login
    "django.contrib.auth.backends.ModelBackend",
]
# Login throttling (django-axes): five failures for one account from one address lock it
# there for fifteen minutes; a success clears the count.
AXES_FAILURE_LIMIT = int(os.environ.get("MICROCRED_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("MICROCRED_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"  # the login form's field (the e-mail address)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False
PASSWORD_RESET_TIMEOUT = 3 * 3600  # a reset link works for three hours
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:home"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]  # fmt: skip

LANGUAGE_CODE = "pl"
LANGUAGES = [("pl", _("Polski")), ("en", _("English"))]
TIME_ZONE = "Europe/Warsaw"
USE_I18N = True
USE_TZ = True

LOCALE_PATHS = [PACKAGE / "locale"]
STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
#: uploaded files (providers' evidence): never served directly, only through views that
#: check who asks; kept by `microcred backup`
MEDIA_ROOT = Path(os.environ.get("MICROCRED_MEDIA_ROOT", str(DATA_DIR / "media"))).resolve()
MEDIA_URL = "media/"

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # HTMX reads the token from the page, not the cookie
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
if os.environ.get("MICROCRED_HTTPS", "") in ("1", "true", "yes"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 365 * 24 * 3600
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # /health is for the load balancer, which asks over plain HTTP inside the network
    SECURE_REDIRECT_EXEMPT = [r"^health$"]
EMAIL_BACKEND = os.environ.get(
    "MICROCRED_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
#: Background work (bulk batches, e-mails): Django's Tasks API, by default on the
#: database (django-tasks-db: no other server; `microcred worker` runs the tasks). The
#: work is recorded in the issuance app's own tables, so a task lost with its worker is
#: put on the queue again (issuance.tasks) and a task run twice does nothing twice.
#: MICROCRED_TASKS_BACKEND=django_tasks.backends.immediate.ImmediateBackend runs each
#: task when it is enqueued (no worker).
TASKS = {
    "default": {
        "BACKEND": os.environ.get("MICROCRED_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}
#: Celery's broker when MICROCRED_TASKS_BACKEND=microcred.platform.core.celery_tasks.
#: CeleryBackend (config/celery.py)
CELERY_BROKER_URL = os.environ.get("MICROCRED_CELERY_BROKER_URL", "redis://127.0.0.1:6379/0")
#: how long a worker holds a claimed chunk of a bulk batch before another may take it
ISSUANCE_LEASE_SECONDS = float(os.environ.get("MICROCRED_BATCH_LEASE_SECONDS", "60"))
#: the sender of the platform's e-mails (claim links to learners)
DEFAULT_FROM_EMAIL = os.environ.get("MICROCRED_FROM_EMAIL", "microcred <no-reply@localhost>")
#: where the file backend (MICROCRED_EMAIL_BACKEND=django.core.mail.backends.filebased.
#: EmailBackend) writes each message
EMAIL_FILE_PATH = DATA_DIR / "mail"

#: how long a provider's verification holds before the QA body verifies it again
PROVIDER_REVERIFICATION_DAYS = int(os.environ.get("MICROCRED_PROVIDER_REVERIFICATION_DAYS", "1095"))
#: where providers' e-seal certificates for EDCs come from: "test" — the platform's own
#: TEST CA issues one on approval (demo, tests; never qualified); "upload" — each
#: provider's administrator uploads its (qualified) certificate as PKCS#12
SEAL_CA = os.environ.get("MICROCRED_SEAL_CA", "test")
#: the largest evidence document a provider may upload, in bytes
EVIDENCE_MAX_BYTES = int(os.environ.get("MICROCRED_EVIDENCE_MAX_BYTES", str(10 * 1024 * 1024)))
