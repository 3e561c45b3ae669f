"""Flightcheck settings, all from the environment (django-environ).

Development (the default with ``DJANGO_ENV=development`` or no ``DJANGO_ENV`` under ``make demo``/``make test``):
SQLite under ``var/``, tasks in-process, DEBUG on. Production (``DJANGO_ENV=production``): ``DJANGO_SECRET_KEY`` is
required, DEBUG off, secure cookies/HSTS, and ``manage.py check --deploy`` passes.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
if (BASE_DIR / ".env").exists():
    environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DJANGO_ENV = env.str("DJANGO_ENV", default="development")
if DJANGO_ENV not in {"development", "test", "production"}:
    raise ValueError(f"DJANGO_ENV must be development, test or production, not {DJANGO_ENV!r}")
PRODUCTION = DJANGO_ENV == "production"

if PRODUCTION:
    SECRET_KEY = env.str("DJANGO_SECRET_KEY")  # required: raises ImproperlyConfigured when missing
else:
    SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="dev-only-insecure-key-do-not-use-in-production")

DEBUG = env.bool("DEBUG", default=DJANGO_ENV == "development")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
# Who publishes the fact-checks (ClaimReview ``author``) and where each is published: ``FACTCHECK_REVIEW_URL`` is a
# template with ``{id}`` (the claim's id), e.g. https://news.example/factchecks/{id}; unset = the claim's API URL.
FACTCHECK_ORGANISATION = env.str("FACTCHECK_ORGANISATION", default="Flightcheck")
FACTCHECK_ORGANISATION_URL = env.str("FACTCHECK_ORGANISATION_URL", default="")
FACTCHECK_REVIEW_URL = env.str("FACTCHECK_REVIEW_URL", default="")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "simple_history",
    "evidence",
    "claims",
    "bot",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

if PRODUCTION:  # static files from the WSGI process (collectstatic at deploy); runserver serves them in development
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "project.urls"
WSGI_APPLICATION = "project.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'flightcheck.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded database's folder is made here, so `manage.py migrate` works in a fresh clone without `make`.
    if DATABASES["default"]["NAME"] != ":memory:":
        Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets the web process read while an import writes; a busy timeout instead of "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"}
    )
elif "postgresql" in DATABASES["default"]["ENGINE"]:
    # No JIT compilation: the planner's cost of a walk over every partition of all time ("the first 50 missions in
    # international airspace off Texas" at 10M missions) passes jit_above_cost, and PostgreSQL then spent 137 ms
    # compiling for a 12 ms query. Short, indexed questions never gain from it (PG_JIT=on to measure otherwise).
    _pg_options = DATABASES["default"].setdefault("OPTIONS", {})
    if not env.bool("PG_JIT", default=False):
        _pg_options["options"] = f"{_pg_options.get('options', '')} -c jit=off".strip()
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# Production keeps each worker's database connection open (a new PostgreSQL connection per request forks a backend
# and authenticates: most of a cheap request's cost under load, issue 12); the health check drops a dead one.
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60 if PRODUCTION else 0))
DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": env.cache("CACHE_URL", default="locmemcache://flightcheck"),
    # Pictures: track overviews (one small entry per mission drawn on a map) and region outline layers. Point it at
    # Redis in production (PICTURES_CACHE_URL=redis://…/2); the in-process default holds 200,000 entries.
    "pictures": env.cache("PICTURES_CACHE_URL", default="locmemcache://flightcheck-pictures?max_entries=200000"),
}
for _alias in CACHES.values():
    if _alias["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
        _alias["BACKEND"] = "project.cache.RedisCache"  # one Redis client per pool, not per operation

# ModelBackend with each user's permission set cached (two queries fewer per API request; project/auth.py).
AUTHENTICATION_BACKENDS = ["project.auth.CachedPermissionsBackend"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Leaflet's JS/CSS/images as static files from the installed django-leaflet package (its app is not installed: its
# admin needs GDAL). The maps use no tile server: see evidence/pictures.
STATICFILES_DIRS = [Path(importlib.util.find_spec("leaflet").submodule_search_locations[0]) / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
LOGIN_URL = "/admin/login/"
LOGIN_REDIRECT_URL = "/"

# Uploads: flight files can be large; Django streams uploads above this to disk.
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=10 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Celery -----------------------------------------------------------------------------------------------------
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="") or None
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default="") or None
# No broker configured: run tasks in-process (they are still enqueued from transaction.on_commit).
CELERY_TASK_ALWAYS_EAGER = CELERY_BROKER_URL is None
if CELERY_BROKER_URL is None:
    # Never used while eager; a hostname keeps kombu from warning that it guessed one.
    CELERY_BROKER_URL = "memory://localhost/"
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=120)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=180)
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_TASK_DEFAULT_QUEUE", default="flightcheck")
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Task modules outside an app's tasks.py (autodiscovery finds only those).
CELERY_IMPORTS = ["bot.slack.tasks", "bot.mattermost.tasks"]
# Redelivery of a killed worker's tasks (issue 12, defect 5). With acks_late a task stays "unacked" in Redis until it
# finishes; a worker killed outright never acks, and Redis gives the task to another worker only after the
# visibility timeout (Redis's default: an hour). It must exceed the longest hard time limit of any task, or a task
# still running would be delivered twice: TASK_LONGEST_TIME_LIMIT is that limit (claims.tasks.extract_articles
# 400 s, an import unit IMPORT_UNIT_TIME_LIMIT + 60; tests/reliability/test_catch_up.py checks every registered task
# stays within it), plus a margin. Extractions a killed worker held are caught sooner by the sweep (stuck bound below).
# Import units (evidence.tasks.import_unit, plan_import) run up to IMPORT_UNIT_TIME_LIMIT (soft; hard = +60), so the
# default bound is the longer of the two: a visibility timeout below a running unit's time would deliver it twice.
IMPORT_UNIT_TIME_LIMIT = env.int("IMPORT_UNIT_TIME_LIMIT", default=1800)  # seconds (soft; hard = +60)
TASK_LONGEST_TIME_LIMIT = env.int("TASK_LONGEST_TIME_LIMIT", default=max(400, IMPORT_UNIT_TIME_LIMIT + 60))
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=TASK_LONGEST_TIME_LIMIT + 60),
    # Look for such tasks every 10 s (kombu's default scans every 100 s).
    "unacked_restore_interval": env.int("CELERY_UNACKED_RESTORE_INTERVAL", default=10),
    "unacked_restore_throttle": 1,
    "socket_connect_timeout": 5,  # a broker host that drops packets fails a save's queueing in seconds, not minutes
}
# An extraction pending or running longer than this is stuck: past the extraction tasks' own hard limit (400 s,
# claims.tasks.extract_articles) plus the margins a redelivery takes, it can no longer be running. The admin shows it
# ("Stuck" filter) and the periodic sweep queues it again — sooner than Redis would redeliver it when import units
# make the visibility timeout longer; a second delivery of an extraction is harmless (digest-checked, idempotent).
EXTRACTION_STUCK_AFTER_SECONDS = env.int(
    "EXTRACTION_STUCK_AFTER_SECONDS",
    default=min(400 + 60, CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"])
    + CELERY_BROKER_TRANSPORT_OPTIONS["unacked_restore_interval"] + 60,
)
# The sweep (claims.tasks.sweep_extractions; ``manage.py sweep_extractions`` for cron) runs this often under
# ``celery beat`` and queues again what the broker lost or never got (defect 6).
EXTRACTION_SWEEP_SECONDS = env.float("EXTRACTION_SWEEP_SECONDS", default=60.0)
CELERY_BEAT_SCHEDULE = {
    "sweep-extractions": {"task": "claims.tasks.sweep_extractions", "schedule": EXTRACTION_SWEEP_SECONDS},
}

# --- Flight evidence ----------------------------------------------------------------------------------------------
NEAR_NM = env.float("NEAR_NM", default=50.0)
# Region distances are stored for every mission and region closer than this (so "within 200 nm of X" works).
REGION_DISTANCE_CAP_NM = env.float("REGION_DISTANCE_CAP_NM", default=250.0)
# Air bases and airports are points, and there are thousands: missions are tagged with them only within this
# distance (so "near Kadena" up to this many nm; the bot's default "near" is NEAR_NM).
POINT_REGION_CAP_NM = env.float("POINT_REGION_CAP_NM", default=100.0)
# First-level subdivisions (states, provinces, oblasts worldwide; ~3,000): likewise only within this distance. US
# states and Mexican states keep REGION_DISTANCE_CAP_NM. A question for more is declined, never undercounted.
SUBDIVISION_REGION_CAP_NM = env.float("SUBDIVISION_REGION_CAP_NM", default=100.0)
# `migrate` seeds the reference data (aircraft types, organisations, regions) when it applies migrations, so a fresh
# database is ready for import_flights. Off in tests: the test database is migrated once and tests seed what they need.
SEED_REFERENCE_ON_MIGRATE = env.bool("SEED_REFERENCE_ON_MIGRATE", default=DJANGO_ENV != "test")
MISSION_GAP_MINUTES = env.float("MISSION_GAP_MINUTES", default=30.0)
# Pictures: a track is drawn with a gap where no position was received for longer than this.
PICTURE_GAP_SECONDS = env.float("PICTURE_GAP_SECONDS", default=120.0)
# How long a signed picture link (chat answers' images) stays valid.
PICTURE_LINK_MAX_AGE = env.int("PICTURE_LINK_MAX_AGE", default=7 * 24 * 3600)
# Largest flight file (or tar member) accepted, in bytes once decompressed: a bigger one is refused as a possible
# decompression bomb before more than this is read (memory follows this figure; JSON costs a few times it to parse).
FLIGHT_FILE_MAX_BYTES = env.int("FLIGHT_FILE_MAX_BYTES", default=256 * 1024 * 1024)
# Import jobs (evidence/services/import_jobs.py): uploads are kept here until their run ends (workers read them).
FLIGHT_IMPORT_DIR = env.path("FLIGHT_IMPORT_DIR", default=VAR_DIR / "imports")
IMPORT_UNIT_FILES = env.int("IMPORT_UNIT_FILES", default=200)  # files or tar members per task
IMPORT_STALE_MINUTES = env.float("IMPORT_STALE_MINUTES", default=40.0)  # no progress that long → interrupted
IMPORT_WATCH_LIST = env.list("IMPORT_WATCH_LIST", default=[])  # hex addresses or registrations always kept
# A worker process builds the region tagger when it starts (evidence.tasks.prepare_region_tagger); off for workers
# that never import.
IMPORT_WORKER_PREPARE_TAGGER = env.bool("IMPORT_WORKER_PREPARE_TAGGER", default=True)
COVERAGE_NEAR_NM = env.float("COVERAGE_NEAR_NM", default=NEAR_NM)
# Daily import (Celery beat): a directory holding YYYY/MM/DD/ day folders or YYYY.MM.DD*.tar* release tars.
IMPORT_SCHEDULE_SOURCE = env.str("IMPORT_SCHEDULE_SOURCE", default="")
CELERY_BEAT_SCHEDULE |= {
    "reconcile-flight-imports": {"task": "evidence.tasks.reconcile_imports", "schedule": 600.0},
    "daily-flight-import": {"task": "evidence.tasks.scheduled_daily_import", "schedule": 86400.0},
    # PostgreSQL: monthly partitions of the mission tables created ahead, DEFAULT split (evidence/partitioning.py).
    "mission-partitions": {"task": "evidence.tasks.maintain_mission_partitions", "schedule": 86400.0},
    # The pre-aggregated tallies compared with the mission tables (evidence/tally.py): a difference stops their use.
    "mission-tallies": {"task": "evidence.tasks.check_mission_tallies", "schedule": 86400.0},
}
# PostgreSQL: merge a closed year's monthly partitions into one (by that maintenance). The merge moves the year's rows
# in one transaction that locks both tables: off for a database whose year is too big to lock while it moves
# (docs/SCALING.md), and then done in a maintenance window with evidence.partitioning.compact_closed_years().
MISSION_PARTITIONS_COMPACT = env.bool("MISSION_PARTITIONS_COMPACT", default=True)
# Counts over whole months read the pre-aggregated tallies that database triggers keep (evidence/tally.py) instead of
# every mission. Off: every count reads the missions (the same numbers, slower over many months).
MISSION_TALLY_READS = env.bool("MISSION_TALLY_READS", default=True)
# The region tally's covering index INCLUDEs its counts on PostgreSQL; SQLite keeps the plain index, as intended.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

# --- Articles & NLP -----------------------------------------------------------------------------------------------
# Empty: the rule-based pipeline over spacy.blank("en"). A package name or a path: a trained pipeline combined with
# the rules (see claims/nlp/pipeline.py).
SPACY_MODEL = env.str("SPACY_MODEL", default="")
ARTICLE_MAX_CHARS = env.int("ARTICLE_MAX_CHARS", default=2_000_000)

# --- Bot ----------------------------------------------------------------------------------------------------------
SLACK_SIGNING_SECRET = env.str("SLACK_SIGNING_SECRET", default="")
SLACK_BOT_TOKEN = env.str("SLACK_BOT_TOKEN", default="")
SLACK_API_URL = env.str("SLACK_API_URL", default="https://slack.com/api/")
# A slash command is answered inline when the answer is ready within this budget (Slack wants an ack within 3 s);
# otherwise "Looking that up…" now and the answer to response_url later.
SLACK_ACK_SECONDS = env.float("SLACK_ACK_SECONDS", default=2.0)
# Mentions: answered after the response in the web process (no broker), or by Celery workers (with a broker).
SLACK_EVENTS_IN_PROCESS = env.bool("SLACK_EVENTS_IN_PROCESS", default=CELERY_TASK_ALWAYS_EAGER)
MATTERMOST_TOKENS = env.list("MATTERMOST_TOKENS", default=[])
# The bot account that posts answers' pictures as files (bot/mattermost/client.py); empty: pictures are linked.
MATTERMOST_URL = env.str("MATTERMOST_URL", default="")
MATTERMOST_BOT_TOKEN = env.str("MATTERMOST_BOT_TOKEN", default="")
MATRIX_HOMESERVER = env.str("MATRIX_HOMESERVER", default="")
MATRIX_USER_ID = env.str("MATRIX_USER_ID", default="")
MATRIX_PASSWORD = env.str("MATRIX_PASSWORD", default="")
BOT_RATE_LIMIT = env.str("BOT_RATE_LIMIT", default="30/min")
# The bot's answer cache (bot/answer_cache.py): seconds an answer is kept for the same question, conversation state,
# day and data version (every committed write bumps it: project/data_version.py). 0 turns it off. On by default only
# with a shared cache (Redis): with the per-process cache, another process's writes could not reach it. Off by
# default in tests (tests/bot_core/test_answer_cache.py turns it on; BOT_ANSWER_CACHE_SECONDS=600 runs any suite so).
# Tests' transactions are rolled back, never committed: there every write statement bumps the data version at once
# (elsewhere a write inside a transaction bumps it when the transaction commits).
DATA_VERSION_BUMP_EACH_WRITE = env.bool("DATA_VERSION_BUMP_EACH_WRITE", default=DJANGO_ENV == "test")
BOT_ANSWER_CACHE_SECONDS = env.int(
    "BOT_ANSWER_CACHE_SECONDS",
    default=600 if CACHES["default"]["BACKEND"] == "project.cache.RedisCache" and DJANGO_ENV != "test" else 0,
)

# --- REST framework -----------------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "project.auth.TokenAuthentication",  # DRF's, with one fixed statement per request
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.SearchFilter",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "DEFAULT_THROTTLE_CLASSES": [
        "project.throttling.UserThrottle",
        "project.throttling.HeavyOperationThrottle",
    ],
}
# Per-scope rates ("N/second|minute|hour|day"; unset = no limit), read on every request (project/throttling.py).
# The test settings leave them off so a test's request count never depends on the tests before it; the throttling
# tests switch them on.
_THROTTLE_DEFAULT = DJANGO_ENV != "test"
API_THROTTLE_RATES = {
    "user": env.str("API_THROTTLE_USER", default="5000/hour" if _THROTTLE_DEFAULT else None),
    "heavy": env.str("API_THROTTLE_HEAVY", default="120/hour" if _THROTTLE_DEFAULT else None),
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Flightcheck API",
    "DESCRIPTION": "Claims, evidence and flight records for verifying reporting on military flights.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # Enum names for choice fields that share a field name across components ("status").
    "ENUM_NAME_OVERRIDES": {"ClaimWorkflowStatusEnum": "claims.models.Claim.Status"},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # In-process (eager) tasks would log every run to the command's output; workers log through their own setup.
    "loggers": {"celery.app.trace": {"level": env.str("CELERY_TRACE_LOG_LEVEL", default="WARNING")}},
}



def _proxy_ssl_header(value: str) -> tuple[str, str] | None:
    """``SECURE_PROXY_SSL_HEADER`` as ``HEADER=value`` (e.g. ``X-Forwarded-Proto=https``); empty = no TLS proxy."""
    if not value.strip():
        return None
    header, sep, expected = value.partition("=")
    if not sep or not header.strip() or not expected.strip():
        raise ImproperlyConfigured(
            f"SECURE_PROXY_SSL_HEADER must be HEADER=value, e.g. X-Forwarded-Proto=https (got {value!r})"
        )
    name = header.strip().upper().replace("-", "_")
    return (name if name.startswith("HTTP_") else f"HTTP_{name}", expected.strip())


if PRODUCTION:
    # Behind a TLS-terminating proxy that sets (and overwrites) this header on every request; set it empty when
    # clients reach the server directly, or a client could claim HTTPS by sending the header itself.
    SECURE_PROXY_SSL_HEADER = _proxy_ssl_header(env.str("SECURE_PROXY_SSL_HEADER", default="X-Forwarded-Proto=https"))
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
    SECURE_CONTENT_TYPE_NOSNIFF = True
