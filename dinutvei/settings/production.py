"""Production: everything that `manage.py check --deploy` asks for. DJANGO_SECRET_KEY,
DJANGO_ALLOWED_HOSTS, DATABASE_URL, REDIS_URL and TRUSTED_PROXIES must be set in the
environment; the deploy checks (dinutvei/checks.py), which the web process also runs at
start, refuse a shared-nothing cache and an unset proxy setting."""

import os

from .base import *  # noqa: F403
from .base import REDIS_URL, env_bool

DEBUG = False
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
# nginx sets X-Forwarded-Proto itself (deploy/nginx.conf); a visitor's own value never
# reaches the app servers, which listen only on the internal network.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Staff sessions are read from Redis and kept in the database too: a login survives a
# restart of Redis, and every app server knows it.
if REDIS_URL:
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
