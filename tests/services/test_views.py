import json
import re
from html import unescape

import pytest
from django.urls import reverse

from services.models import ListingErrorReport
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def oslo():
    return factories.service(
        name="Krisesenteret i Oslo", latitude=59.91, longitude=10.75, is_open_24_7=True
    )


@pytest.fixture
def tromso():
    from services.models import Municipality

    return factories.service(
        name="Krisesenteret i Tromsø",
        latitude=69.65,
        longitude=18.96,
        postcode="9008",
        place="Tromsø",
        municipality=Municipality.objects.get(number="5501"),
    )


def test_search_by_postcode_lists_the_nearest_first_with_distance(client, oslo, tromso):
    response = client.get("/en/tjenester/", {"q": "9008"})
    assert response.status_code == 200
    nearby = response.context["outcome"].nearby
    assert [item.service for item in nearby] == [tromso]
    html = response.content.decode()
    assert "Nearest help to 9008 Tromsø" in html
    assert "km away" in html
    assert f'href="/en/tjenester/{tromso.slug}/"' in html


def test_without_a_place_every_service_is_listed_page_by_page(client, oslo, tromso):
    response = client.get("/en/tjenester/")
    assert response.status_code == 200
    assert set(response.context["page_obj"].object_list) == {oslo, tromso}


def test_the_list_page_costs_a_fixed_number_of_queries(
    client, oslo, tromso, django_assert_max_num_queries
):
    for _ in range(10):
        factories.service()
    with django_assert_max_num_queries(12):
        assert client.get("/tjenester/").status_code == 200


def test_unknown_place_says_so_with_suggestions(client, oslo):
    response = client.get("/en/tjenester/", {"q": "Tromsøø"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "We could not find the place" in html
    assert "q=Troms%C3%B8" in html  # a "did you mean" link


def test_ambiguous_place_offers_each_choice(client):
    response = client.get("/en/tjenester/", {"q": "Våler"})
    html = response.content.decode()
    assert "There is more than one" in html
    assert "Østfold" in html and "Innlandet" in html


def test_national_lines_are_always_shown(client, oslo):
    factories.service(
        name="Vold- og overgrepslinjen",
        is_national=True,
        latitude=None,
        longitude=None,
        postcode="",
        phone="116 006",
        category=factories.category("hjelpetelefon"),
    )
    for params in [{}, {"q": "0150"}, {"q": "nowhere at all"}]:
        html = client.get("/en/tjenester/", params).content.decode()
        assert "Vold- og overgrepslinjen" in html
        assert 'href="tel:116006"' in html


def test_detail_page_has_contact_hours_map_and_report_link(client, oslo):
    response = client.get(oslo.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="tel:09900000"' in html
    assert 'id="service-map"' in html and 'data-latitude="59.910000"' in html
    assert reverse("services:report-error", kwargs={"slug": oslo.slug}) in html
    assert "openstreetmap.org/directions?to=59.91000%2C10.75000" in html


def test_unpublished_and_unknown_services_are_not_found(client):
    hidden = factories.service(is_published=False)
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert client.get("/tjenester/finnes-ikke/").status_code == 404
    assert client.get("/tjenester/kategori/finnes-ikke/").status_code == 404
    assert client.get("/tjenester/finnes-ikke/meld-feil/").status_code == 404


def test_category_page_lists_only_that_category(client, oslo):
    factories.service(category=factories.category("legevakt"))
    response = client.get(reverse("services:category", kwargs={"slug": "krisesenter"}))
    assert response.status_code == 200
    assert list(response.context["page_obj"].object_list) == [oslo]
    assert response.context["category"].slug == "krisesenter"


def test_geojson_has_one_feature_per_service_with_a_link(client, oslo, tromso):
    response = client.get(reverse("services:geojson"))
    data = json.loads(response.content)
    assert response["Content-Type"] == "application/json"
    assert data["type"] == "FeatureCollection"
    by_name = {f["properties"]["name"]: f for f in data["features"]}
    assert set(by_name) == {oslo.name, tromso.name}
    assert by_name[oslo.name]["geometry"]["coordinates"] == [10.75, 59.91]
    assert by_name[oslo.name]["properties"]["url"] == oslo.get_absolute_url()


def test_geojson_follows_the_search_with_distances(client, oslo, tromso):
    data = json.loads(client.get(reverse("services:geojson"), {"q": "Tromsø"}).content)
    assert [f["properties"]["name"] for f in data["features"]] == [tromso.name]
    assert data["features"][0]["properties"]["distance_km"] < 5


def test_a_search_page_carries_its_markers_from_the_same_search(
    client, oslo, tromso, django_assert_num_queries
):
    """The map of a search reads its markers from the page: the same features the map's
    GeoJSON address gives, so the browser does not ask for the search a second time."""
    html = client.get("/tjenester/", {"q": "9008"}).content.decode()
    found = re.search(r'data-geojson="([^"]*)"', html)
    assert found and "data-geojson-url" not in html
    embedded = json.loads(unescape(found.group(1)))
    served = json.loads(client.get(reverse("services:geojson"), {"q": "9008"}).content)
    assert embedded == served
    assert [f["properties"]["name"] for f in embedded["features"]] == [tromso.name]
    # The list of every service still names the address of all markers.
    assert (
        'data-geojson-url="/tjenester/kart.geojson"' in client.get("/tjenester/").content.decode()
    )


def test_geojson_rejects_bad_parameters_with_400(client):
    response = client.get(reverse("services:geojson"), {"lat": "x", "lon": "10"})
    assert response.status_code == 400
    assert "lat" in json.loads(response.content)["errors"]


def test_report_an_error_stores_only_what_was_typed(client, oslo):
    url = reverse("services:report-error", kwargs={"slug": oslo.slug})
    response = client.post(
        url,
        {"message": "Feil telefonnummer", "contact": ""},
        REMOTE_ADDR="203.0.113.77",
        HTTP_USER_AGENT="UniqueAgent/9.9",
    )
    assert response.status_code == 302
    assert response["Location"].endswith("/meld-feil/takk/")
    report = ListingErrorReport.objects.get()
    assert report.service == oslo and report.message == "Feil telefonnummer"
    assert report.status == ListingErrorReport.Status.NEW
    values = " ".join(str(v) for v in ListingErrorReport.objects.values().get().values())
    assert "203.0.113.77" not in values and "UniqueAgent" not in values


def test_an_empty_report_is_refused_and_keeps_the_contact(client, oslo):
    url = reverse("services:report-error", kwargs={"slug": oslo.slug})
    response = client.post("/en" + url, {"message": "  ", "contact": "kommune@example.no"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tell us what is wrong in this listing." in html
    assert 'value="kommune@example.no"' in html
    assert not ListingErrorReport.objects.exists()


def test_plain_pages_set_no_cookies(client, oslo):
    for url in [
        "/",
        "/tjenester/",
        "/tjenester/?q=0150",
        oslo.get_absolute_url(),
        "/om-tjenesten/",
        "/skjul-sporene/",
        "/en/",
        reverse("services:geojson"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert not response.cookies, url


def test_about_page_credits_the_data_sources(client):
    html = client.get("/om-tjenesten/").content.decode()
    assert 'href="https://www.erikbolstad.no/postnummer/"' in html
    assert "Kartverket" in html and "Posten Norge AS" in html
    assert "creativecommons.org/licenses/by/3.0/" in html


def test_map_pages_name_leaflets_files_and_marker_images_through_static(client, oslo):
    """With hashed names in production, Leaflet cannot guess where its marker images are:
    the page names them. Only Leaflet and the cluster plugin are loaded."""
    for url in ["/tjenester/?q=0150", oslo.get_absolute_url()]:
        html = client.get(url).content.decode()
        assert 'data-icon-url="/static/leaflet/images/marker-icon.png"' in html
        assert 'data-icon-retina-url="/static/leaflet/images/marker-icon-2x.png"' in html
        assert 'data-icon-shadow-url="/static/leaflet/images/marker-shadow.png"' in html
        assert 'src="/static/leaflet/leaflet.js"' in html
        assert "leaflet.extras" not in html and "leaflet.draw" not in html


def test_a_position_comes_by_post_without_a_csrf_token_and_is_never_kept(oslo, tromso):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    data = {"lat": "69.65", "lon": "18.96"}
    for _ in range(2):
        response = client.post("/tjenester/", data)
        assert response.status_code == 200
        html = response.content.decode()
        assert tromso.name in html and oslo.name not in html  # within 50 km of Tromsø
        assert response["Cache-Control"] == "no-store"
        assert "X-Accel-Expires" not in response
        assert not response.cookies
    # The markers come with the page: no address of map data that would hold the position.
    assert "data-geojson=" in html and "data-geojson-url" not in html


def test_a_bad_position_by_post_is_a_clear_error(client):
    response = client.post("/tjenester/", {"lat": "x", "lon": "10.75"})
    assert response.status_code == 200
    assert "Vi klarte ikke å lese posisjonen fra nettleseren din." in response.content.decode()


def test_a_category_page_takes_a_position_by_post_too(client, oslo, tromso):
    html = client.post("/tjenester/kategori/krisesenter/", {"lat": "59.91", "lon": "10.75"})
    assert html.status_code == 200
    assert "Nærmeste hjelp til din posisjon" in html.content.decode()


def test_results_come_before_the_map_and_the_filters_fold_away(client, oslo):
    html = client.get("/tjenester/", {"q": "0150"}).content.decode()
    assert html.index('class="service-list"') < html.index('id="service-map"')
    assert '<details class="service-search__filters">' in html  # folded: nothing chosen
    chosen = client.get("/tjenester/", {"q": "0150", "free": "on"}).content.decode()
    assert '<details class="service-search__filters" open>' in chosen


def test_a_service_page_offers_the_call_at_the_top(client, oslo):
    html = client.get(oslo.get_absolute_url()).content.decode()
    header = html.split("<header>", 1)[1].split("</header>", 1)[0]
    assert f'href="tel:{oslo.phone.replace(" ", "")}"' in header
