"""Settings shared by every environment. Each value that differs between sites comes from
an environment variable with a safe default; `.env.example` lists them all."""

import datetime as dt
import os
from pathlib import Path

import dj_database_url
import xstatic.pkg.leaflet_markercluster as xstatic_markercluster
from django.conf.locale import LANG_INFO
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "insecure-development-key-change-me")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    # SimpleAdminConfig: django-leaflet's admin module imports GeoDjango (and so GDAL),
    # so admin modules are imported explicitly in dinutvei/urls.py instead. This one also
    # makes the default site the staff's, which asks for the second factor.
    "core.apps.StaffAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Full-text and trigram search on PostgreSQL; harmless on SQLite.
    "django.contrib.postgres",
    "leaflet",
    # The article editor's bundle (static files only; articles/widgets.py, decision 19).
    "django_prose_editor",
    # Staff login (docs/decisions/0010-staff-login.md): TOTP devices and backup codes
    # (django-otp), the login and set-up views (two_factor) and login throttling (axes).
    "django_otp",
    "django_otp.plugins.otp_static",
    "django_otp.plugins.otp_totp",
    "two_factor",
    "axes",
    # The shared base first, then the apps, then the project package that assembles them.
    "core",
    "dinutvei",
    "services",
    "articles",
    "questions",
    "opendata",
    "materials",
    "selftests",
    "films",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "dinutvei.middleware.security_headers",
    "dinutvei.middleware.searches_not_stored",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Whole pages for visitors from the shared cache; a hit skips everything below.
    "core.page_cache.PageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): has this session passed the second factor?
    "django_otp.middleware.OTPMiddleware",
    # Ends a staff session STAFF_SESSION_MAX_HOURS after it began, however busy.
    "core.staff.StaffSessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # A locked-out login gets the lockout page (429) instead of the login form.
    "axes.middleware.AxesMiddleware",
    # Last, so that it sees a view's exception first: database or cache down → the 503 page.
    "dinutvei.middleware.ServiceUnavailableMiddleware",
]

ROOT_URLCONF = "dinutvei.urls"
WSGI_APPLICATION = "dinutvei.wsgi.application"

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
                "core.context_processors.portal",
            ],
        },
    },
]

# The web process (dinutvei/wsgi.py) says so before the settings load: only there are
# database statements cut short, so that a migration or an export may take its time.
WEB_PROCESS = env_bool("DINUTVEI_WEB_PROCESS", False)

# SQLite is the embedded default; DATABASE_URL names anything else (PostgreSQL in CI and
# production).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
# A database that is down or stalled must give the visitor the 503 page within seconds, not
# hold a worker until it is killed: libpq gives up connecting after DATABASE_CONNECT_TIMEOUT
# seconds, the server cancels a web request's statement after DATABASE_STATEMENT_TIMEOUT_MS,
# and dinutvei/database.py gives up waiting for a server that does not answer at all.
DATABASE_CONNECT_TIMEOUT = int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "3"))
DATABASE_STATEMENT_TIMEOUT_MS = int(os.environ.get("DATABASE_STATEMENT_TIMEOUT_MS", "3000"))
DATABASE_CLIENT_TIMEOUT = float(os.environ.get("DATABASE_CLIENT_TIMEOUT", "3.5"))
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options.setdefault("connect_timeout", DATABASE_CONNECT_TIMEOUT)
    if WEB_PROCESS and DATABASE_STATEMENT_TIMEOUT_MS:
        _options.setdefault("options", f"-c statement_timeout={DATABASE_STATEMENT_TIMEOUT_MS}")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis is the shared cache of every app server: rate limits, used form tokens and staff
# sessions must be the same whichever server answers. Without REDIS_URL each process has
# a memory cache of its own: fine for one development server, refused by production's
# deploy checks (dinutvei/checks.py). Short socket timeouts: a Redis that is down costs a
# request one second, not a hang.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "dinutvei",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "dinutvei",
        }
    }

# Pages that are the same for every visitor are kept in that cache for at most this many
# seconds (0: not at all); an editor's change ends them at once (core/page_cache.py).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# nginx in front may keep such a page this many seconds more (X-Accel-Expires, read and
# removed by nginx; deploy/nginx.conf): a rush on one page is answered there.
PROXY_CACHE_SECONDS = int(os.environ.get("PROXY_CACHE_SECONDS", "1"))

# The reverse proxies in front of the app servers (addresses or networks), whose
# X-Forwarded-For names the visitor; "none" when the app servers face the visitors
# directly. Production refuses to start while it is unset (dinutvei/checks.py): a wrong
# value either lets anyone choose their own address or puts every visitor behind one.
TRUSTED_PROXIES = (
    [item for item in env_list("TRUSTED_PROXIES") if item.lower() != "none"]
    if "TRUSTED_PROXIES" in os.environ
    else None
)

# --- Staff accounts (docs/decisions/0010-staff-login.md) ------------------------------------
# Axes counts failed logins first and refuses a locked-out one before the password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Staff log in with a password and a code from an authenticator app (TOTP), or one of their
# backup codes; the admin (core.staff.StaffAdminSite) lets in only sessions that did.
LOGIN_URL = "two_factor:login"
LOGIN_REDIRECT_URL = "admin:index"
# The staff admin site sends its login to LOGIN_URL itself; no patching of Django's AdminSite.
TWO_FACTOR_PATCH_ADMIN = False
# A QR code with a white background, readable in the admin's dark theme too.
TWO_FACTOR_QR_FACTORY = "qrcode.image.svg.SvgPathFillImage"
# No "remember this browser" cookie: every login asks for the second factor.
TWO_FACTOR_REMEMBER_COOKIE_AGE = None
OTP_TOTP_ISSUER = "Din utvei"
# Sessions exist only for staff (visitors get none). A session ends after
# STAFF_SESSION_IDLE_MINUTES without a request, STAFF_SESSION_MAX_HOURS after it began,
# or when the browser closes.
STAFF_SESSION_IDLE_MINUTES = int(os.environ.get("STAFF_SESSION_IDLE_MINUTES", "30"))
STAFF_SESSION_MAX_HOURS = int(os.environ.get("STAFF_SESSION_MAX_HOURS", "10"))
SESSION_COOKIE_AGE = STAFF_SESSION_IDLE_MINUTES * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# Login throttling: after STAFF_LOGIN_FAILURE_LIMIT failed passwords for one account, or from
# one address, that account or address is refused for STAFF_LOGIN_LOCKOUT_MINUTES. Attempts
# during a lockout do not extend it. Moderators see the lockouts in the admin and can lift them.
AXES_FAILURE_LIMIT = int(os.environ.get("STAFF_LOGIN_FAILURE_LIMIT", "5"))
STAFF_LOGIN_LOCKOUT_MINUTES = int(os.environ.get("STAFF_LOGIN_LOCKOUT_MINUTES", "15"))
AXES_COOLOFF_TIME = dt.timedelta(minutes=STAFF_LOGIN_LOCKOUT_MINUTES)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# The address as the rate limits see it: X-Forwarded-For only from TRUSTED_PROXIES.
AXES_CLIENT_IP_CALLABLE = "core.network.client_address"
AXES_LOCKOUT_CALLABLE = "core.login_attempts.lockout_response"
# What is stored about a failed login: the username typed, the address and the time, and only
# until the lockout time has passed. No user agent, no form data, no log of successful logins
# (core/login_attempts.py; the reasoning is in decision 10).
AXES_HANDLER = "core.login_attempts.LoginAttemptHandler"
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ACCESS_FAILURE_LOG = False
AXES_PASSWORD_FORM_FIELD = "auth-password"
AXES_SENSITIVE_PARAMETERS = ["auth-username", "auth-password", "username", "ip_address"]
# The lockouts' admin is core.login_attempts.LoginAttemptAdmin, without the columns that
# would stay empty.
AXES_ENABLE_ADMIN = False

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages -----------------------------------------------------------------------
# Norwegian bokmål first; then nynorsk, English, Northern Sami and the languages of
# Norway's largest immigrant groups. Django has no locale data for Northern Sami and
# Somali, so they are added to LANG_INFO (a compiled .mo file must exist too).
LANG_INFO.update(
    {
        "se": {
            "bidi": False,
            "code": "se",
            "name": "Northern Sami",
            "name_local": "davvisámegiella",
        },
        "so": {"bidi": False, "code": "so", "name": "Somali", "name_local": "Soomaali"},
    }
)
LANGUAGE_CODE = "nb"
LANGUAGES = [
    ("nb", _("Norwegian Bokmål")),
    ("nn", _("Norwegian Nynorsk")),
    ("en", _("English")),
    ("se", _("Northern Sami")),
    ("ar", _("Arabic")),
    ("ckb", _("Kurdish (Sorani)")),
    ("so", _("Somali")),
    ("th", _("Thai")),
    ("tr", _("Turkish")),
    ("ur", _("Urdu")),
    ("fa", _("Persian")),
    ("ru", _("Russian")),
    ("es", _("Spanish")),
    ("fr", _("French")),
    ("pl", _("Polish")),
]
LANGUAGES_BIDI = ["ar", "ckb", "fa", "ur"]
# The portal's own catalogs; then, for the staff's admin (in bokmål), what Django's and its
# libraries' bokmål catalogs lack (admin_locale/, kept apart from what makemessages writes).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "admin_locale"]
USE_I18N = True
TIME_ZONE = "Europe/Oslo"
USE_TZ = True

# django-modeltranslation: content falls back to bokmål where a translation is missing.
MODELTRANSLATION_DEFAULT_LANGUAGE = "nb"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("nb",)

# --- Static files ----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # Leaflet.markercluster, from its XStatic package (django-leaflet bundles only Leaflet).
    ("leaflet_markercluster", xstatic_markercluster.BASE_DIR),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "dinutvei.storage.StaticFilesStorage"},
}

# --- Uploaded files (films: video, posters, subtitles) ------------------------------------
# Served by nginx in production (`location /media/` in deploy/nginx.conf, from the volume
# compose mounts at DJANGO_MEDIA_ROOT), by Django itself in development and tests.
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
# Serve MEDIA_URL from Django (development and the tests' servers; never in production).
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", False)
# The largest files an editor may upload for a film.
FILMS_MAX_VIDEO_BYTES = int(os.environ.get("FILMS_MAX_VIDEO_MB", "200")) * 1024 * 1024
FILMS_MAX_POSTER_BYTES = 5 * 1024 * 1024
FILMS_MAX_SUBTITLE_BYTES = 512 * 1024
# Uploads larger than this go to a temporary file (/tmp, in memory in compose) on the way.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# --- Map -------------------------------------------------------------------------------
# No tile server by default: the map's base layer is the bundled county and municipality
# outline, so nothing is sent to a third party. MAP_TILE_URL adds raster tiles from a
# server the site trusts, e.g. https://tiles.example.no/{z}/{x}/{y}.png
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "")
MAP_TILE_ATTRIBUTION = os.environ.get("MAP_TILE_ATTRIBUTION", "")
LEAFLET_CONFIG = {
    "TILES": [(_("Map"), MAP_TILE_URL, MAP_TILE_ATTRIBUTION)] if MAP_TILE_URL else [],
    "DEFAULT_CENTER": (64.5, 12.0),
    "DEFAULT_ZOOM": 4,
    "PLUGINS": {
        "markercluster": {
            "css": [
                "leaflet_markercluster/MarkerCluster.css",
                "leaflet_markercluster/MarkerCluster.Default.css",
            ],
            "js": "leaflet_markercluster/leaflet.markercluster.js",
            "auto-include": False,
        },
    },
}

# --- Geocoding -------------------------------------------------------------------------
# What a visitor types is always resolved by the offline gazetteer. Editors' street
# addresses may use an online geopy geocoder ("nominatim") where the site allows it.
ADDRESS_GEOCODER = os.environ.get("ADDRESS_GEOCODER", "gazetteer")
ADDRESS_GEOCODER_USER_AGENT = os.environ.get("ADDRESS_GEOCODER_USER_AGENT", "dinutvei-admin")
ADDRESS_GEOCODER_DOMAIN = os.environ.get("ADDRESS_GEOCODER_DOMAIN", "")

# --- Portal ----------------------------------------------------------------------------
# Where the quick-exit button sends a visitor: a neutral site that draws no attention.
QUICK_EXIT_URL = os.environ.get("QUICK_EXIT_URL", "https://www.yr.no/")
SITE_NAME = "Din utvei"

# --- E-mail ----------------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Din utvei <ikke-svar@localhost>")

# --- Privacy and security ------------------------------------------------------------------
# No referrer leaves the site: a search URL names the place a person is looking in.
# ("no-referrer" would make browsers send "Origin: null" on forms, failing CSRF checks.)
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# The forms that need a CSRF cookie (reporting an error in a listing, the admin) get one that
# ends with the browser session, not one that stays on the device for a year.
CSRF_COOKIE_AGE = None
# The language is chosen by the URL, never stored in a cookie.
LANGUAGE_COOKIE_AGE = None
DATA_UPLOAD_MAX_MEMORY_SIZE = 512 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 200

# Logs never carry the visitor's address or query strings (see dinutvei/logging.py).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        # A database or cache that is down is one line in the log, not a traceback per request.
        "unavailable_in_one_line": {"()": "core.availability.OneLineWhenUnavailable"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["unavailable_in_one_line"],
        },
    },
    "loggers": {
        "django": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
        # Request logs name the full path with its query string: keep them out.
        "django.server": {"handlers": [], "level": "ERROR", "propagate": False},
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        # axes names the address and the username in each line: core/login_attempts.py logs
        # a lockout without them.
        "axes": {"handlers": ["console"], "level": "ERROR", "propagate": False},
    },
}

# --- Questions to the fagpanel -------------------------------------------------------------
# The address this site is reached at, for links in e-mail to staff (no request at hand).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# The answer the service promises: within this many days of receiving a question.
QUESTIONS_ANSWER_DAYS = int(os.environ.get("QUESTIONS_ANSWER_DAYS", "7"))
# A second reader (a moderator other than the writer) approves every answer before it is sent.
QUESTIONS_REQUIRE_SECOND_READER = env_bool("QUESTIONS_REQUIRE_SECOND_READER", True)
# Private questions are deleted this many days after the asker last read the answer, or after
# the answer or rejection if it was never read. Published questions stay.
QUESTIONS_RETENTION_DAYS = int(os.environ.get("QUESTIONS_RETENTION_DAYS", "90"))
# A question that was never answered (unscreened, or left in the panel's hands) is deleted
# this many days after its last step.
QUESTIONS_OPEN_RETENTION_DAYS = int(os.environ.get("QUESTIONS_OPEN_RETENTION_DAYS", "180"))
# A question sent sooner than this after the form was shown is taken for a robot's.
QUESTIONS_MIN_FILL_SECONDS = int(os.environ.get("QUESTIONS_MIN_FILL_SECONDS", "5"))
# Rate limits per visitor and hour, keyed on a hash of the address under a random daily key
# that lives only in the cache (core/ratelimit.py).
QUESTIONS_ASK_LIMIT_PER_HOUR = int(os.environ.get("QUESTIONS_ASK_LIMIT_PER_HOUR", "5"))
QUESTIONS_CODE_ATTEMPTS_PER_HOUR = int(os.environ.get("QUESTIONS_CODE_ATTEMPTS_PER_HOUR", "10"))
QUESTIONS_SEARCH_LIMIT_PER_HOUR = int(os.environ.get("QUESTIONS_SEARCH_LIMIT_PER_HOUR", "120"))
# Ceilings per hour for all visitors together (core/ratelimit.py): past one, the action is
# refused for everyone for the rest of the hour and the staff see an alert in the admin. A
# right answer code is read even then.
QUESTIONS_ASK_CEILING_PER_HOUR = int(os.environ.get("QUESTIONS_ASK_CEILING_PER_HOUR", "300"))
QUESTIONS_CODE_CEILING_PER_HOUR = int(os.environ.get("QUESTIONS_CODE_CEILING_PER_HOUR", "2000"))
QUESTIONS_SEARCH_CEILING_PER_HOUR = int(
    os.environ.get("QUESTIONS_SEARCH_CEILING_PER_HOUR", "20000")
)
# The two other public forms that write: page feedback and reports of errors in listings.
FEEDBACK_LIMIT_PER_HOUR = int(os.environ.get("FEEDBACK_LIMIT_PER_HOUR", "20"))
FEEDBACK_CEILING_PER_HOUR = int(os.environ.get("FEEDBACK_CEILING_PER_HOUR", "2000"))
LISTING_REPORT_LIMIT_PER_HOUR = int(os.environ.get("LISTING_REPORT_LIMIT_PER_HOUR", "5"))
LISTING_REPORT_CEILING_PER_HOUR = int(os.environ.get("LISTING_REPORT_CEILING_PER_HOUR", "200"))

# --- Information material (materials/) ----------------------------------------------------
# The orderer's name, e-mail, phone, address and note are deleted this many days after the
# order was sent or cancelled (manage.py purge_material_orders); the statistics stay.
MATERIAL_ORDER_RETENTION_DAYS = int(os.environ.get("MATERIAL_ORDER_RETENTION_DAYS", "90"))
# An order nobody sent or cancelled is cancelled, and its orderer's details deleted, this
# many days after it came in: they must not wait for ever on a forgotten order.
MATERIAL_ORDER_OPEN_RETENTION_DAYS = int(
    os.environ.get("MATERIAL_ORDER_OPEN_RETENTION_DAYS", "180")
)
# Orders per visitor and hour, and for everyone together (core/ratelimit.py).
MATERIAL_ORDER_LIMIT_PER_HOUR = int(os.environ.get("MATERIAL_ORDER_LIMIT_PER_HOUR", "5"))
MATERIAL_ORDER_CEILING_PER_HOUR = int(os.environ.get("MATERIAL_ORDER_CEILING_PER_HOUR", "100"))
