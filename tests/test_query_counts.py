"""Every list and search page costs a fixed number of queries, whatever the number of rows
it shows: each page is measured with a few rows and with several times as many, and both
counts must equal the pinned one. A new query per row (an N+1) fails here first."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from selftests.models import SelfTest
from tests import factories
from tests.questions import helpers as question_helpers

pytestmark = pytest.mark.django_db

# page → queries (with a warm cache of the reference data: counties, categories …)
PAGES = {
    "/": 2,
    "/tjenester/": 6,
    # One more: the nearest of the essential kinds not within the distance (further away);
    # two more: the postcode's municipality and the services that serve it ("served by").
    "/tjenester/?q=0150": 10,
    "/tjenester/?q=0150&category=krisesenter&open_now=1": 9,
    "/tjenester/kategori/krisesenter/": 8,
    "/tjenester/kart.geojson": 2,
    "/artikler/": 4,
    "/artikler/for/utsatt/": 3,
    "/artikler/tema/vold-i-naere-relasjoner/": 3,
    "/artikler/aktuelt/": 2,
    "/artikler/lettlest/": 1,
    # The questions, their count, the topics and the target groups (the two filters).
    "/sporsmal/": 4,
    "/sporsmal/?q=samvær": 3,
    "/sporsmal/?topic=foreldretvist-og-samvaer": 5,
    # The materials and their stock rows (one prefetch).
    "/materiell/": 2,
    # The films and their count.
    "/filmer/": 2,
    # The site search asks PostgreSQL more: a vocabulary lookup for "did you mean".
    "/sok/?q=vold": {"sqlite": 3, "postgresql": 5},
    "/en/sok/?q=violence": {"sqlite": 3, "postgresql": 5},
    # The published tests with their target groups; a test and its statements.
    "/selvtester/": 1,
    "/selvtester/trygt/": 2,
}


def add_rows(count, start):
    group = factories.target_group("utsatt")
    topic = factories.topic("vold-i-naere-relasjoner")
    for number in range(start, start + count):
        factories.service(name=f"Krisesenter for vold {number}")
        factories.article(
            title=f"Om vold {number}",
            target_groups=[group],
            topics=[topic],
            translations={"en": factories.ENGLISH},
            easy_read_body_nb=f"<p>Lett å lese {number}.</p>",
        )
        factories.news_item(title=f"Nyhet om vold {number}")
        factories.film(title=f"Film om vold {number}", target_groups=[group])
        question_helpers.published_question(
            title=f"Samvær og vold {number}", question=f"Hva med samvær og vold {number}?"
        )
        factories.material(stock={"nb": number, "en": 1, "ar": 0})
        factories.selftest(title=f"Selvtest {number}")
        factories.statement(safe_test(), "digital", f"Utsagn {number}", order=number)


def safe_test():
    """The self-test whose page is measured, more statements on it with every row."""
    found = SelfTest.objects.filter(slug="trygt").first()
    return found or factories.selftest(slug="trygt")


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def test_list_and_search_pages_cost_a_fixed_number_of_queries(client, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the cost of making each page (kept pages cost none)
    add_rows(2, 0)
    for url in PAGES:  # warm: reference data read once per process is not the page's cost
        queries(client, url)
    few = {url: queries(client, url) for url in PAGES}
    add_rows(6, 2)
    many = {url: queries(client, url) for url in PAGES}
    assert few == many
    assert many == {
        url: count[connection.vendor] if isinstance(count, dict) else count
        for url, count in PAGES.items()
    }
