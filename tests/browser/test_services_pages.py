import pytest

from tests import factories

pytestmark = pytest.mark.browser


@pytest.fixture
def oslo_services():
    return [
        factories.service(name="Krisesenter Oslo", latitude=59.91, longitude=10.75),
        factories.service(
            name="Legevakt Oslo",
            category=factories.category("legevakt"),
            latitude=59.92,
            longitude=10.76,
        ),
        factories.service(
            name="Overgrepsmottak Oslo",
            category=factories.category("overgrepsmottak"),
            latitude=59.93,
            longitude=10.74,
        ),
    ]


def test_the_map_shows_a_marker_for_each_service_found(page, oslo_services):
    page.goto("/tjenester/?q=0150")
    map_element = page.locator("#service-map")
    map_element.wait_for(state="visible")
    page.wait_for_selector("#service-map[data-marker-count]")
    assert map_element.get_attribute("data-marker-count") == "3"
    # Markers near each other are clustered: a cluster or a marker icon is drawn.
    page.wait_for_selector(".leaflet-marker-icon")
    assert page.locator(".leaflet-overlay-pane svg path").count() > 0  # the offline outline
    assert page.outside_requests == []  # no tiles, fonts or scripts from elsewhere


def test_a_marker_popup_links_to_the_service(page, oslo_services):
    page.goto(f"/tjenester/{oslo_services[0].slug}/")
    page.wait_for_selector("#service-map[data-marker-count='1']")
    page.locator(".leaflet-marker-icon").first.wait_for()
    assert page.outside_requests == []


def test_the_map_fetches_outlines_for_its_zoom_only(page, oslo_services):
    """Country view (services from Oslo to Tromsø): the light county overview and no
    municipality. A service's page (zoomed in on Oslo): the county detail and the
    municipalities of the counties in view, not of all fifteen."""
    factories.service(name="Krisesenter Tromsø", latitude=69.65, longitude=18.96)
    fetched = []
    page.on(
        "request", lambda request: "/static/data/" in request.url and fetched.append(request.url)
    )
    page.goto("/tjenester/")
    page.wait_for_selector("#service-map[data-marker-count]")
    page.wait_for_load_state("networkidle")
    assert any("norway-counties-overview" in url for url in fetched)
    assert not any("/municipalities/" in url for url in fetched), fetched
    fetched.clear()
    page.goto(f"/tjenester/{oslo_services[0].slug}/")
    page.wait_for_selector("#service-map[data-marker-count='1']")
    page.wait_for_load_state("networkidle")
    municipalities = [url for url in fetched if "/municipalities/" in url]
    assert any("/municipalities/03" in url for url in municipalities)  # Oslo's county
    assert 1 <= len(municipalities) <= 4, municipalities
    assert any(url.endswith("norway-counties.geojson") for url in fetched)
    assert page.locator(".leaflet-overlay-pane svg path").count() > 1


@pytest.mark.parametrize("start", ["/", "/tjenester/"])
def test_use_my_location_searches_without_the_position_in_the_address(page, oslo_services, start):
    """From the home page too: the position, rounded, goes by POST, so neither the
    address nor the history holds it; the results are the nearest first."""
    posted = []
    page.on("request", lambda request: request.method == "POST" and posted.append(request))
    page.context.grant_permissions(["geolocation"])
    page.context.set_geolocation({"latitude": 59.914321, "longitude": 10.751234})
    page.goto(start)
    page.get_by_role("button", name="Bruk min posisjon").click()
    page.get_by_role("heading", name="Nærmeste hjelp til din posisjon").wait_for()
    assert page.url.endswith("/tjenester/")
    body = posted[0].post_data
    assert "lat=59.91&" in body and "lon=10.75" in body and "59.9143" not in body
    names = page.locator(".service-list .service-card__name").all_inner_texts()
    assert names[0] == "Krisesenter Oslo"  # 59.91, 10.75: the nearest
    assert page.evaluate("history.length") <= 3
    assert "lat=" not in page.evaluate("location.href")


def test_without_javascript_no_dead_location_button(browser, live_server, browser_db):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    for path in ("/", "/tjenester/"):
        page.goto(path)
        assert page.get_by_role("button", name="Bruk min posisjon").count() == 0
        assert not page.locator("[data-use-location]").is_visible()
    context.close()


def test_quick_exit_button_leaves_and_back_does_not_return(page):
    page.goto("/tjenester/")
    page.goto("/om-tjenesten/")
    page.get_by_role("link", name="Forlat siden raskt").click()
    page.wait_for_url("https://www.yr.no/")
    assert page.title() == "Været"
    page.go_back()
    assert "/om-tjenesten/" not in page.url


def test_pressing_shift_three_times_leaves_the_page(page):
    page.goto("/om-tjenesten/")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url("https://www.yr.no/")
    assert page.title() == "Været"


def test_shift_while_typing_capitals_does_not_leave(page):
    """Typing "NAV" in the question box holds Shift three times: that is typing, not
    leaving, and what was written stays."""
    page.goto("/sporsmal/still-et-sporsmal/")
    box = page.get_by_role("textbox").first
    box.click()
    for letter in "NAV":
        page.keyboard.down("Shift")
        page.keyboard.press(f"Key{letter}")
        page.keyboard.up("Shift")
    page.keyboard.press("Shift")  # and Shift alone once more: still not three in a row
    page.wait_for_timeout(300)
    assert "/sporsmal/still-et-sporsmal/" in page.url
    assert box.input_value() == "NAV"


def test_quick_exit_works_as_a_plain_link_without_javascript(browser, live_server, browser_db):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    context.route(
        lambda url: not url.startswith(live_server.url),
        lambda route: route.fulfill(
            status=200, body="<title>Været</title>", content_type="text/html; charset=utf-8"
        ),
    )
    page = context.new_page()
    page.goto("/om-tjenesten/")
    page.get_by_role("link", name="Forlat siden raskt").click()
    page.wait_for_url("https://www.yr.no/")
    context.close()


def test_a_report_sent_from_the_browser_passes_the_csrf_check(page, oslo_services):
    """Browsers send an Origin header with forms; the referrer policy must keep it real."""
    from services.models import ListingErrorReport

    page.goto(f"/tjenester/{oslo_services[0].slug}/")
    page.get_by_role("link", name="Meld fra om feil i denne oppføringen").click()
    page.get_by_label("Hva som er feil").fill("Telefonnummeret er feil")
    page.get_by_role("button", name="Send melding").click()
    page.wait_for_url("**/meld-feil/takk/")
    assert ListingErrorReport.objects.get().message == "Telefonnummeret er feil"
