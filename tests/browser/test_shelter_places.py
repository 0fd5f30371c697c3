"""A shelter's staff member on a phone: logs in, finds the places page from the admin's
header, and sets the places in one tap; the public page shows it."""

import pytest

from core.permissions import SHELTER_STAFF
from tests import factories
from tests.staff import helpers

pytestmark = pytest.mark.browser


def test_one_tap_on_a_phone_sets_the_places(page, live_server):
    shelter = factories.service(name="Krisesenteret i Bergen", category=factories.category())
    worker = helpers.staff_user("ane.k", groups=[SHELTER_STAFF])
    shelter.shelter_staff.add(worker)
    page.set_viewport_size({"width": 390, "height": 844})
    helpers.log_in(page, username="ane.k")
    page.get_by_role("link", name="Plasser i natt").click()
    # Measured once the page and its stylesheets have loaded (a busy machine may lay the
    # page out before its CSS has come).
    page.wait_for_url("**/admin/plasser/")
    page.wait_for_load_state("load")
    full = page.get_by_role("button", name="Fullt – ring likevel")
    box = full.bounding_box()
    assert box["height"] >= 44 and box["y"] + box["height"] <= 844  # in the first screen
    full.click()
    page.wait_for_load_state("load")
    assert page.get_by_role("button", name="Fullt – ring likevel").get_attribute("aria-current")
    assert "Krisesenteret i Bergen" in page.locator(".messagelist").inner_text()
    page.goto(f"/en/tjenester/{shelter.slug}/")
    assert "Full – call anyway" in page.locator(".shelter-status").inner_text()
