"""The portal's own 404, 500 and 503 pages: translated by the URL's prefix, with the
emergency numbers, quick exit and viewport, and without touching the database or cache."""

import re

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import OperationalError, connection
from django.test import Client, override_settings
from django.urls import path

from dinutvei import errors
from dinutvei.urls import urlpatterns as portal_urls

pytestmark = pytest.mark.django_db
BROKEN_CACHE = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:9/0",
        "OPTIONS": {"socket_connect_timeout": 0.5},
    }
}
LANGUAGES = [
    ("", "nb", "Vi fant ikke den siden"),
    ("/en", "en", "We could not find that page"),
    ("/ar", "ar", None),
]


def assert_is_a_portal_page(html, language):
    assert f'<html lang="{language}"' in html
    assert ('dir="rtl"' in html) == (language in settings.LANGUAGES_BIDI)
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert 'href="tel:112"' in html and 'href="tel:116006"' in html
    assert re.search(r'<a class="quick-exit__button" href="[^"]+"[^>]*data-quick-exit', html)
    assert "<script>" not in html and " style=" not in html


@pytest.mark.parametrize("prefix,language,heading", LANGUAGES)
def test_404_is_the_portals_page_in_the_urls_language(
    client, prefix, language, heading, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = client.get(f"{prefix}/finnes-ikke/")
    html = response.content.decode()
    assert response.status_code == 404
    assert_is_a_portal_page(html, language)
    if heading:
        assert heading in html


@override_settings(CACHES=BROKEN_CACHE)
def test_404_needs_no_cache(client):
    assert client.get("/en/finnes-ikke/").status_code == 404


def failing_view(request):
    raise RuntimeError("a bug")


def database_down_view(request):
    raise OperationalError("connection refused")


urlpatterns = [path("feil/", failing_view), path("database/", database_down_view), *portal_urls]
handler500 = "dinutvei.errors.server_error"


@override_settings(ROOT_URLCONF=__name__)
def test_500_is_the_portals_page():
    client = Client(raise_request_exception=False)
    response = client.get("/feil/")
    assert response.status_code == 500
    assert_is_a_portal_page(response.content.decode(), "nb")
    assert response["Cache-Control"] == "no-store"


@override_settings(ROOT_URLCONF=__name__)
def test_an_unavailable_database_is_a_503_not_a_500(caplog):
    client = Client(raise_request_exception=False)
    response = client.get("/database/")
    assert response.status_code == 503
    assert response["Retry-After"]
    assert_is_a_portal_page(response.content.decode(), "nb")
    assert "Traceback" not in caplog.text


@pytest.mark.parametrize("prefix,language", [("", "nb"), ("/en", "en"), ("/ar", "ar")])
def test_a_failing_database_gives_the_503_page_on_real_pages(client, prefix, language, caplog):
    def refuse(execute, sql, params, many, context):
        raise OperationalError("could not connect to server: Connection refused")

    for url in ["/", "/tjenester/?q=0150", "/artikler/", "/sok/?q=vold", "/sporsmal/"]:
        with connection.execute_wrapper(refuse):
            response = client.get(prefix + url)
        assert response.status_code == 503, url
        assert_is_a_portal_page(response.content.decode(), language)
    assert "Traceback" not in caplog.text
    assert all(record.exc_info is None for record in caplog.records)


def test_the_503_page_gives_back_what_the_person_wrote(rf):
    request = rf.post(
        "/sporsmal/still-et-sporsmal/",
        {"text": "Hva gjør jeg <nå>?", "started": "token", "code": "ABCD"},
    )
    html = errors.service_unavailable(request).content.decode()
    assert "Hva gjør jeg &lt;nå&gt;?" in html
    assert "token" not in html and "ABCD" not in html


def test_build_error_pages_writes_every_language(tmp_path, settings):
    call_command("build_error_pages", output=str(tmp_path), verbosity=0)
    for code, _name in settings.LANGUAGES:
        for page in ("404", "500", "503"):
            html = (tmp_path / code / f"{page}.html").read_text(encoding="utf-8")
            assert_is_a_portal_page(html, code)
    assert "Din utvei is temporarily unavailable" in (tmp_path / "en" / "503.html").read_text()
