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
    page.set_viewport_size({"width": 1366, "height": 900})
    page.locator(".admin-map-point").scroll_into_view_if_needed()
    map_box = page.locator(".admin-map-point").bounding_box()
    page.screenshot(path="/tmp/admin-map.png", full_page=False)
    # Wide enough to aim at a town, with the coordinate boxes their usual size beside it.
    assert map_box["width"] >= 400 and map_box["height"] >= 300
    assert page.locator("#id_latitude").bounding_box()["width"] < 250
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
