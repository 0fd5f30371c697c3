"""The staff's admin is in bokmål: every string of Django's admin, its forms and the
libraries the admin shows has a bokmål translation, in the library's own catalog or in
ours (admin_locale/nb). A library upgrade that brings new strings fails here, listing them."""

import importlib
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

from tests import factories

OUR_CATALOGS = Path(settings.BASE_DIR) / "admin_locale" / "nb" / "LC_MESSAGES"
# (package, domain): the catalogs whose strings staff meet in the admin.
ADMIN_CATALOGS = [
    ("django.contrib.admin", "django"),
    ("django.contrib.admin", "djangojs"),
    ("django.contrib.auth", "django"),
    ("django.contrib.contenttypes", "django"),
    ("django.contrib.postgres", "django"),
    ("django.conf", "django"),
    ("two_factor", "django"),
    ("axes", "django"),
    ("django_otp", "django"),
    # The article editor's dialogs (window.gettext from the admin's JavaScript catalog).
    ("django_prose_editor", "djangojs"),
]


def translated(path):
    if not path.exists():
        return set()
    return {
        (entry.msgctxt, entry.msgid)
        for entry in polib.pofile(str(path))
        if entry.translated() and not entry.obsolete
    }


def source_entries(locale_dir, domain):
    """The package's strings: its English catalog, or (where it has none) any other."""
    candidates = [locale_dir / "en" / "LC_MESSAGES" / f"{domain}.po"]
    candidates += sorted(locale_dir.glob(f"*/LC_MESSAGES/{domain}.po"))
    path = next(path for path in candidates if path.exists())
    return [entry for entry in polib.pofile(str(path)) if not entry.obsolete]


@pytest.mark.parametrize(("package", "domain"), ADMIN_CATALOGS)
def test_every_admin_string_has_bokmal(package, domain):
    locale_dir = Path(importlib.import_module(package).__file__).parent / "locale"
    done = translated(locale_dir / "nb" / "LC_MESSAGES" / f"{domain}.po")
    done |= translated(OUR_CATALOGS / f"{domain}.po")
    missing = [
        entry.msgid
        for entry in source_entries(locale_dir, domain)
        if (entry.msgctxt, entry.msgid) not in done
    ]
    assert missing == []


def test_our_catalog_takes_effect_in_bokmal():
    with translation.override("nb"):
        assert translation.gettext("Show counts") != "Show counts"
        assert translation.gettext("Start typing to filter…") != "Start typing to filter…"


@pytest.mark.django_db
def test_the_admins_javascript_speaks_bokmal(client):
    """The admin's JavaScript catalog (the selector widgets' "Choose …") merges ours."""
    client.force_login(factories.editor())
    response = client.get("/admin/jsi18n/")
    assert response.status_code == 200
    catalog = response.content.decode()
    assert '"Velg %s ved ' in catalog  # (non-ASCII letters are escaped)
    assert '"Edit Link": "Rediger lenke"' in catalog  # the article editor's link dialog
    # …and the article form loads that catalog before the editor's module.
    page = client.get("/admin/articles/article/add/").content.decode()
    assert page.index("/admin/jsi18n/") < page.index("js/article-editor.js")
