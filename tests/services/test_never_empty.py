"""A search never comes back empty of the help every municipality must offer: when the
distance chosen holds no crisis centre, sexual assault centre or emergency clinic, the
nearest further away are shown, and say so."""

import io
import re

import pytest
from django.core.management import call_command

from services.selectors import ESSENTIAL_CATEGORIES
from tests import factories

pytestmark = pytest.mark.django_db

DEMO = "services/data/demo_services.csv"


@pytest.fixture
def demo_services():
    call_command("import_services", DEMO, stdout=io.StringIO())


def section(html, heading_id):
    return html.split(f'id="{heading_id}"', 1)[1].split("</section>", 1)[0]


def cards(html, heading_id):
    return re.findall(r'class="service-card__category">([^<]+)<', section(html, heading_id))


def names(html, heading_id):
    return re.findall(r'class="service-card__name"><a [^>]*>([^<]+)<', section(html, heading_id))


def test_a_search_in_tana_lists_a_crisis_centre_further_away(client, demo_services):
    html = client.get("/tjenester/", {"q": "9845"}).content.decode()
    assert "Lenger unna enn 50 km" in html
    further = cards(html, "further-heading")
    assert "Krisesenter" in further
    # The national lines still follow.
    assert 'id="national-heading"' in html


def test_the_nearest_of_each_missing_essential_kind_come_nearest_first(client):
    near = factories.service(name="Krisesenteret nær", latitude=69.0, longitude=25.0)
    factories.service(name="Krisesenteret langt unna", latitude=69.65, longitude=18.96)
    factories.service(
        name="Overgrepsmottaket",
        category=factories.category("overgrepsmottak"),
        latitude=69.65,
        longitude=18.96,
    )
    html = client.get("/en/tjenester/", {"q": "9845"}).content.decode()
    assert "Further away than 50 km" in html
    assert names(html, "further-heading") == [
        near.name,
        "Krisesenteret langt unna",
        "Overgrepsmottaket",
    ]


def test_a_chosen_kind_is_found_further_away_and_nothing_else(client):
    factories.service(
        name="Familievernkontoret i Tromsø",
        category=factories.category("familievern"),
        latitude=69.65,
        longitude=18.96,
    )
    factories.service(name="Krisesenteret langt unna", latitude=69.65, longitude=18.96)
    html = client.get("/tjenester/", {"q": "9845", "category": "familievern"}).content.decode()
    assert "Familievernkontoret i Tromsø" in html
    assert "Krisesenteret langt unna" not in html


def test_no_further_away_when_the_kinds_are_near(client):
    for slug in ESSENTIAL_CATEGORIES:
        factories.service(category=factories.category(slug), latitude=59.91, longitude=10.75)
    html = client.get("/tjenester/", {"q": "0150"}).content.decode()
    assert 'id="further-heading"' not in html


def test_the_map_shows_the_services_further_away_too(client, demo_services):
    import json
    from html import unescape

    html = client.get("/tjenester/", {"q": "9845"}).content.decode()
    markers = json.loads(unescape(re.search(r'data-geojson="([^"]*)"', html).group(1)))
    names = {feature["properties"]["name"] for feature in markers["features"]}
    assert any("risesenter" in name for name in names)
