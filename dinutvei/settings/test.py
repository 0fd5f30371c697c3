"""Tests: fast password hashing, plain static storage, in-memory e-mail, uploads in a
folder of the test run's own (removed at its end by tests/conftest.py)."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
QUICK_EXIT_URL = "https://www.yr.no/"
# Static files straight from the apps' folders, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
SERVE_MEDIA = True
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="dinutvei-test-media-"))
