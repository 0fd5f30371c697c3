"""Whole pages kept for visitors (core/page_cache.py, decision 11): a hit makes no query,
an editor's change shows at once in every language, and nothing per-visitor is kept."""

import datetime as dt
import re
from html import unescape
from unittest import mock

import pytest
from django.apps import apps
from django.core.cache.backends.redis import RedisCache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from articles.services import article_save
from core import page_cache
from questions.services import public_version_save
from services.models import OSLO, ServiceCategory
from services.services import service_save, services_mark_verified, services_publish
from tests import factories
from tests.test_layout import APPS, BASE

pytestmark = pytest.mark.django_db


def query_count(client, url, **extra):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **extra)
    assert response.status_code == 200, url
    return len(captured), response


def kept(client, url, **extra):
    """Whether a second request for `url` is answered from the page cache (with no query)."""
    query_count(client, url, **extra)
    replay = page_cache.PageCacheMiddleware._replay
    with mock.patch.object(
        page_cache.PageCacheMiddleware, "_replay", autospec=True, side_effect=replay
    ) as replayed:
        count, _response = query_count(client, url, **extra)
    assert count == 0 or not replayed.called, url  # a hit makes no query
    return replayed.called


@pytest.fixture
def content():
    group = factories.target_group("utsatt")
    topic = factories.topic("vold-i-naere-relasjoner")
    article = factories.article(
        slug="hva-er-vold",
        title="Hva er vold?",
        target_groups=[group],
        topics=[topic],
        translations={"en": factories.ENGLISH},
    )
    service = factories.service(
        name="Krisesenteret i Oslo",
        slug="krisesenteret-i-oslo",
        opening=[(0, dt.time(8), dt.time(16))],
    )
    question = factories.published_question(
        title="Samvær etter vold", question="Må barna ha samvær?", slug="samvaer-etter-vold"
    )
    factories.news_item(slug="ny-brosjyre", title="Ny brosjyre")
    return {"article": article, "service": service, "question": question}


SHARED_PAGES = [
    "/",
    "/en/",
    "/ar/",
    "/om-tjenesten/",
    "/skjul-sporene/",
    "/artikler/",
    "/artikler/hva-er-vold/",
    "/en/artikler/hva-er-vold/",
    "/artikler/for/utsatt/",
    "/artikler/tema/vold-i-naere-relasjoner/",
    "/artikler/aktuelt/",
    "/artikler/aktuelt/ny-brosjyre/",
    "/artikler/aktuelt/rss/",
    "/tjenester/",
    "/tjenester/?page=2",
    "/tjenester/?q=0150",
    "/tjenester/?q=Troms%C3%B8&category=krisesenter&radius=100",
    "/en/tjenester/?q=0150",
    "/tjenester/kategori/krisesenter/",
    "/tjenester/krisesenteret-i-oslo/",
    "/en/tjenester/krisesenteret-i-oslo/",
    "/tjenester/kart.geojson",
    "/tjenester/kart.geojson?q=0150",
    "/sporsmal/",
    "/sporsmal/?topic=foreldretvist-og-samvaer",
    "/sporsmal/samvaer-etter-vold/",
]


@pytest.mark.parametrize("url", SHARED_PAGES)
def test_a_shared_page_is_kept_and_a_hit_makes_no_query(client, content, url):
    _count, made = query_count(client, url)
    assert kept(client, url)
    count, served = query_count(client, url)
    assert count == 0
    assert served.content == made.content
    assert served["Content-Type"] == made["Content-Type"]
    assert served["Content-Language"] == made["Content-Language"]


NOT_KEPT = [
    # A position is the visitor's: never a key, never kept.
    "/tjenester/?lat=59.91&lon=10.75",
    "/tjenester/kart.geojson?lat=59.91&lon=10.75",
    # A place the gazetteer does not know may be anything a person typed.
    "/tjenester/?q=Storgata+5+hos+Kari",
    # Open now is true for this moment only.
    "/tjenester/?q=0150&open_now=on",
    # The site search and the question search: free text.
    "/sok/?q=vold",
    "/sporsmal/?q=samv%C3%A6r",
    # A parameter the page does not know.
    "/artikler/hva-er-vold/?utm_source=tv",
    # Forms with per-visitor tokens.
    "/tjenester/krisesenteret-i-oslo/meld-feil/",
    "/sporsmal/still-et-sporsmal/",
]


@pytest.mark.parametrize("url", NOT_KEPT)
def test_pages_for_one_visitor_or_one_moment_are_not_kept(client, content, url):
    assert not kept(client, url)


def test_a_visitor_with_a_session_gets_fresh_pages(client, content):
    client.force_login(factories.editor())
    assert not kept(client, "/artikler/hva-er-vold/")


def test_no_kept_page_holds_a_csrf_token_or_sets_a_cookie(client, content):
    client.get("/tjenester/krisesenteret-i-oslo/meld-feil/")  # a page that sets the cookie
    for url in SHARED_PAGES:
        response = client.get(url)
        assert not response.cookies, url
        assert b"csrfmiddlewaretoken" not in response.content, url
    # A visitor who has the CSRF cookie still gets the kept pages.
    assert client.cookies.get("csrftoken")
    assert kept(client, "/artikler/hva-er-vold/")


def test_the_key_holds_nothing_about_the_visitor(client, content, django_assert_num_queries):
    client.get("/artikler/hva-er-vold/", HTTP_USER_AGENT="Phone A", REMOTE_ADDR="10.0.0.1")
    with django_assert_num_queries(0):
        response = client.get(
            "/artikler/hva-er-vold/",
            HTTP_USER_AGENT="Phone B",
            REMOTE_ADDR="10.0.0.2",
            HTTP_ACCEPT_LANGUAGE="ar",
        )
    assert b"10.0.0.1" not in response.content and b"Phone A" not in response.content


def test_an_edited_article_shows_at_once_in_every_language(client, content):
    urls = ["/artikler/hva-er-vold/", "/en/artikler/hva-er-vold/", "/artikler/", "/en/"]
    for url in urls:
        assert kept(client, url)
    article = Article.objects.get(slug="hva-er-vold")
    article.title_nb = "Hva er vold i nære relasjoner?"
    article.title_en = "What is domestic violence?"
    article_save(article=article)
    assert "Hva er vold i nære relasjoner?" in client.get(urls[0]).content.decode()
    assert "What is domestic violence?" in client.get(urls[1]).content.decode()
    assert "Hva er vold i nære relasjoner?" in client.get(urls[2]).content.decode()


def test_an_edited_service_shows_at_once_in_every_language(client, content):
    urls = [
        "/tjenester/krisesenteret-i-oslo/",
        "/en/tjenester/krisesenteret-i-oslo/",
        "/tjenester/?q=0150",
        "/en/tjenester/?q=0150",
        "/tjenester/kart.geojson",
    ]
    for url in urls:
        assert kept(client, url)
    service = content["service"]
    service.phone = "22 22 22 22"
    service.name = "Krisesenteret i Oslo sentrum"
    service_save(service=service)
    for url in urls:
        assert "Krisesenteret i Oslo sentrum" in client.get(url).content.decode(), url
    assert "22 22 22 22" in client.get(urls[1]).content.decode()


def test_bulk_changes_to_services_end_the_kept_pages(client, content):
    url = "/tjenester/krisesenteret-i-oslo/"
    assert kept(client, url)
    services_publish(services=type(content["service"]).objects.all(), published=False)
    assert client.get(url).status_code == 404
    services_publish(services=type(content["service"]).objects.all(), published=True)
    assert kept(client, url)
    services_mark_verified(services=type(content["service"]).objects.all())
    made, _response = query_count(client, url)
    assert made > 0  # a new generation: this request made the page again


def test_an_edited_published_question_shows_at_once_in_every_language(client, content):
    moderator = factories.staff("mona.moderator", moderator=True)
    question = content["question"]
    urls = ["/sporsmal/samvaer-etter-vold/", "/en/sporsmal/samvaer-etter-vold/", "/sporsmal/"]
    for url in urls:
        assert kept(client, url)
    public_version_save(
        question=question,
        language="nb",
        title="Samvær etter vold i familien",
        question_text="Må barna ha samvær med en voldelig forelder?",
        answer="Et oppdatert svar.",
        by=moderator,
    )
    for url in urls:
        assert "Samvær etter vold i familien" in client.get(url).content.decode(), url


def test_a_visitors_new_question_keeps_the_pages(client, content):
    assert kept(client, "/sporsmal/")
    factories.question()
    count, _response = query_count(client, "/sporsmal/")
    assert count == 0


def test_every_model_is_declared_shown_or_not_shown_on_pages():
    shown, never = page_cache.shown_models(), page_cache.never_shown_models()
    for label in (BASE, *APPS):  # every app of the floor plan (tests/test_layout.py)
        for model in apps.get_app_config(label).get_models():
            assert (model in shown) != (model in never), model


def test_open_status_holds_until_the_next_opening_or_closing(content):
    service = content["service"]  # Monday 08–16
    monday_noon = dt.datetime(2026, 11, 30, 12, 0, tzinfo=OSLO)
    assert service.open_status_holds_until(monday_noon) == monday_noon.replace(hour=16)
    monday_evening = monday_noon.replace(hour=20)
    assert service.open_status_holds_until(monday_evening) == dt.datetime(
        2026, 12, 1, 8, 0, tzinfo=OSLO
    )
    always = factories.service(is_open_24_7=True)
    assert always.open_status_holds_until(monday_noon) is None


@pytest.mark.parametrize(
    ("now", "is_kept"),
    [
        (dt.datetime(2026, 11, 30, 15, 59, 59, 500000, tzinfo=OSLO), False),  # closes in 0.5 s
        (dt.datetime(2026, 11, 30, 12, 0, tzinfo=OSLO), True),
    ],
)
def test_a_page_showing_open_now_is_kept_only_until_that_changes(client, content, now, is_kept):
    with mock.patch.object(timezone, "now", return_value=now.astimezone(dt.UTC)):
        html = client.get("/tjenester/krisesenteret-i-oslo/").content.decode()
        assert "Åpent nå" in html
        assert kept(client, "/tjenester/krisesenteret-i-oslo/") is is_kept


def test_without_the_cache_pages_are_still_served(client, content):
    nowhere = RedisCache(  # nothing listens there
        "redis://127.0.0.1:1/0", {"OPTIONS": {"socket_connect_timeout": 0.2}}
    )
    try:
        with mock.patch("core.page_cache.cache", nowhere):
            for _ in range(2):
                response = client.get("/artikler/hva-er-vold/")
                assert response.status_code == 200
                assert "Hva er vold?" in response.content.decode()
            assert page_cache._paused_until[0] > 0  # the second request did not wait for it
    finally:
        page_cache._paused_until[0] = 0.0


def test_the_national_lines_are_made_once_per_generation(client, content):
    helpline = factories.service(
        name="Hjelpetelefonen", is_national=True, latitude=None, longitude=None
    )
    first, page = query_count(client, "/tjenester/?q=0150")
    again, page_again = query_count(client, "/tjenester/?q=9008")  # another place
    assert "Hjelpetelefonen" in page.content.decode()
    assert "Hjelpetelefonen" in page_again.content.decode()
    assert again < first
    helpline.name = "Hjelpetelefonen for alle"
    service_save(service=helpline)
    assert "Hjelpetelefonen for alle" in client.get("/tjenester/?q=1337").content.decode()


def test_nginx_may_keep_a_kept_page_for_a_second_but_not_an_article(client, content):
    for _ in range(2):  # made, then from the cache
        assert client.get("/tjenester/krisesenteret-i-oslo/")["X-Accel-Expires"] == "1"
        # An article counts its reads in the app: nginx must not answer for it.
        assert "X-Accel-Expires" not in client.get("/artikler/hva-er-vold/")
    for url in ("/tjenester/?lat=59.91&lon=10.75", "/sok/?q=vold", "/sporsmal/still-et-sporsmal/"):
        assert "X-Accel-Expires" not in client.get(url), url


def test_shared_selects_show_each_visitors_choice_and_an_editors_change(client, content):
    def selected(html):
        return re.findall(r'<option value="([\w-]*)"[^>]*selected', html)

    html = client.get("/tjenester/?q=0150&category=krisesenter&radius=100").content.decode()
    assert selected(html) == ["krisesenter", "", "100", ""]
    html = client.get("/tjenester/?q=0150&category=legevakt").content.decode()
    assert selected(html) == ["legevakt", "", "50", ""]
    category = ServiceCategory.objects.get(slug="legevakt")
    category.name_nb = "Legevakt (akutt)"
    category.save()
    assert "Legevakt (akutt)" in client.get("/tjenester/?q=1337").content.decode()


def test_the_feedback_form_names_each_page_it_is_on(client, content):
    for path in ("/om-tjenesten/", "/tjenester/?q=0150&category=krisesenter", "/en/"):
        html = client.get(path).content.decode()
        found = re.search(r'<input type="hidden" name="page" value="([^"]*)"', html)
        assert found and unescape(found.group(1)) == path, path
