import pytest

from tests import factories
from tests.staff.helpers import log_in

pytestmark = pytest.mark.browser


def test_editor_places_a_service_by_clicking_the_admin_map(page, live_server):
    editor = factories.editor()
    service = factories.service(latitude=None, longitude=None, postcode="9008", place="Tromsø")
    log_in(page, username=editor.username)
    page.goto(f"/admin/services/service/{service.pk}/change/")
    page.wait_for_selector(".admin-map-point.leaflet-container")
    page.locator(".admin-map-point").scroll_into_view_if_needed()
    map_box = page.locator(".admin-map-point").bounding_box()
    page.mouse.click(map_box["x"] + map_box["width"] / 2, map_box["y"] + map_box["height"] / 2)
    latitude = float(page.input_value("#id_latitude"))
    longitude = float(page.input_value("#id_longitude"))
    assert 57 < latitude < 72 and 4 < longitude < 32
    assert page.input_value("#id_location_precision") == "exact"
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/services/service/")
    service.refresh_from_db()
    assert (service.latitude, service.longitude) == pytest.approx((latitude, longitude))
    assert service.location_precision == "exact"
    assert page.outside_requests == []
