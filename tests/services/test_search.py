"""The nearest-services search, checked against geopy's geodesic distance."""

import datetime as dt
import random

import pytest
from geopy.distance import geodesic

from services.models import Service
from services.selectors import ServiceFilters, bounding_box, search_services, services_near
from tests import factories

pytestmark = pytest.mark.django_db

OSLO = (59.9139, 10.7522)


@pytest.fixture
def scattered_services():
    """60 services at random points within about 80 km of Oslo (fixed seed)."""
    rng = random.Random(20261123)
    return [
        factories.service(
            latitude=OSLO[0] + rng.uniform(-0.7, 0.7), longitude=OSLO[1] + rng.uniform(-1.4, 1.4)
        )
        for _ in range(60)
    ]


def test_results_are_the_true_nearest_in_geodesic_order(scattered_services):
    found = services_near(latitude=OSLO[0], longitude=OSLO[1], radius_km=50, limit=20)
    expected = sorted(
        ((geodesic(OSLO, (s.latitude, s.longitude)).km, s.pk) for s in scattered_services),
    )
    expected = [pk for distance, pk in expected if distance <= 50][:20]
    assert [item.service.pk for item in found] == expected
    for item in found:
        true_km = geodesic(OSLO, (item.service.latitude, item.service.longitude)).km
        assert item.distance_km == pytest.approx(true_km, abs=1e-6)


def test_nothing_beyond_the_radius_is_returned(scattered_services):
    found = services_near(latitude=OSLO[0], longitude=OSLO[1], radius_km=10, limit=100)
    assert all(item.distance_km <= 10 for item in found)
    within = [s for s in scattered_services if geodesic(OSLO, (s.latitude, s.longitude)).km <= 10]
    assert len(found) == len(within)


def test_a_small_batch_still_finds_the_true_nearest():
    """Dense points force the cut-off path: the answer must not change."""
    rng = random.Random(7)
    services = [
        factories.service(
            latitude=OSLO[0] + rng.uniform(-0.02, 0.02),
            longitude=OSLO[1] + rng.uniform(-0.04, 0.04),
        )
        for _ in range(80)
    ]
    found = services_near(latitude=OSLO[0], longitude=OSLO[1], radius_km=50, limit=5)
    expected = sorted(services, key=lambda s: (geodesic(OSLO, (s.latitude, s.longitude)).km, s.pk))[
        :5
    ]
    assert [item.service for item in found] == expected


def test_the_bounding_box_holds_the_whole_circle_in_the_far_north():
    south, north, west, east = bounding_box(70.0, 25.0, 50)
    for bearing in range(0, 360, 15):
        point = geodesic(kilometers=49.9).destination((70.0, 25.0), bearing)
        assert south <= point.latitude <= north
        assert west <= point.longitude <= east


def test_unpublished_national_and_pointless_services_are_left_out():
    factories.service(is_published=False)
    factories.service(is_national=True, latitude=None, longitude=None, postcode="")
    shown = factories.service()
    found = services_near(latitude=OSLO[0], longitude=OSLO[1])
    assert [item.service for item in found] == [shown]


def test_filters_by_category_client_group_and_open_now():
    from services.models import ClientGroup

    children = ClientGroup.objects.get(slug="barn-og-unge")
    shelter = factories.service(is_open_24_7=True, client_groups=[children])
    factories.service(category=factories.category("legevakt"), is_open_24_7=True)
    closed = factories.service(opening=[(2, dt.time(8), dt.time(9))], client_groups=[children])

    def names(filters):
        return {
            item.service
            for item in services_near(latitude=OSLO[0], longitude=OSLO[1], filters=filters)
        }

    assert names(ServiceFilters(category=factories.category("krisesenter"))) == {shelter, closed}
    assert names(ServiceFilters(client_group=children)) == {shelter, closed}
    now_open = {s for s in Service.objects.all() if s.is_open_now()}
    assert names(ServiceFilters(open_now=True)) == now_open


def test_search_by_postcode_place_or_municipality(scattered_services):
    for text in ["0150", "Oslo", "oslo sentrum", "OSLO"]:
        outcome = search_services(text=text)
        assert outcome.has_origin, text
        assert outcome.nearby
    assert search_services(text="0150").origin_label == "0150 Oslo"


def test_an_unknown_place_gives_suggestions_and_no_results():
    outcome = search_services(text="Tromsøø")
    assert not outcome.has_origin
    assert outcome.lookup.suggestions[0].name == "Tromsø"


def test_an_ambiguous_place_asks_which_one():
    outcome = search_services(text="Våler")
    assert not outcome.has_origin
    assert outcome.lookup.ambiguous
    assert {place.county for place in outcome.lookup.matches} == {"Østfold", "Innlandet"}


def test_browser_coordinates_win_over_typed_text(scattered_services):
    outcome = search_services(text="Tromsø", coordinates=OSLO)
    assert outcome.origin == OSLO
    assert outcome.origin_label == ""


def test_nearest_search_uses_a_bounded_number_of_queries(
    scattered_services, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        found = services_near(latitude=OSLO[0], longitude=OSLO[1], radius_km=50, limit=20)
        for item in found:
            item.service.is_open_now()
            str(item.service.category)
