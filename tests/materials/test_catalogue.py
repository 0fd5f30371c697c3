"""The public catalogue: every material with its kind, languages and stock, kept in the
page cache until the staff change something it shows; links to it from the footer and the
professionals' section."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from materials.services import order_mark_sent
from tests import factories
from tests.portal.test_page_cache import kept

pytestmark = pytest.mark.django_db

URL = "/materiell/"


def test_the_catalogue_shows_kind_languages_and_stock(client):
    factories.material(
        "infokort",
        title="Infokort",
        title_en="Info card",
        kind="card",
        description_nb="Et lite kort.",
        stock={"nb": 10, "ar": 0},
    )
    factories.material("gammel", title="Gammel plakat", kind="poster", is_orderable=False)
    page = client.get("/en" + URL).content.decode()
    assert "Info card" in page and "Et lite kort." in page and 'id="infokort"' in page
    assert "in stock" in page and "out of stock" in page
    assert "cannot be ordered at the moment" in page
    assert "Infokort" in client.get(URL).content.decode()


def test_an_empty_catalogue_says_so(client):
    assert "no material to order yet" in client.get("/en" + URL).content.decode()


def test_the_catalogue_is_read_only(client):
    assert client.post(URL).status_code == 405


def test_the_catalogue_and_the_thanks_are_kept_and_an_order_keeps_them(client):
    card = factories.material(stock={"nb": 10})
    assert kept(client, URL)
    assert kept(client, "/materiell/bestill/takk/")
    assert not kept(client, "/materiell/bestill/")
    # A visitor's order is not a change of what the catalogue shows.
    order = factories.material_order(lines=[(card, "nb", 10)])
    assert kept(client, URL)
    # Sending it empties the shelf: the next request makes the page afresh.
    order_mark_sent(order=order, by=None)
    assert "out of stock" in client.get("/en" + URL).content.decode()


def test_the_catalogue_costs_two_queries_whatever_its_size(client, settings):
    settings.PAGE_CACHE_SECONDS = 0

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(URL).status_code == 200
        return len(captured)

    factories.material(stock={"nb": 1, "en": 2})
    count()  # warm
    few = count()
    for _n in range(6):
        factories.material(stock={"nb": 1, "en": 2, "ar": 3})
    assert few == count() == 2


def test_the_order_form_costs_a_fixed_number_of_queries(client, settings):
    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/materiell/bestill/").status_code == 200
        return len(captured)

    factories.material(stock={"nb": 1, "en": 2})
    count()
    few = count()
    for _n in range(6):
        card = factories.material(stock={"nb": 10, "en": 2, "ar": 3})
        factories.material_order(lines=[(card, "nb", 1)])
    assert few == count() == 3


def test_the_footer_and_the_professionals_section_link_to_the_catalogue(client):
    assert 'href="/materiell/"' in client.get("/om-tjenesten/").content.decode()
    factories.target_group("fagfolk")
    assert 'href="/materiell/"' in client.get("/artikler/for/fagfolk/").content.decode()
    factories.target_group("utsatt")
    section = client.get("/en/artikler/for/utsatt/").content.decode()
    assert "order information material" not in section
