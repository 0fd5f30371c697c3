"""What a search leaves on the visitor's device: nothing in the browser's cache, and no
long-lived cookie from the one public form that needs a CSRF token."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db
SEARCHES = [
    "/tjenester/?q=Tromsø",
    "/tjenester/?lat=59.91&lon=10.75",
    "/tjenester/kart.geojson?q=0150",
    "/tjenester/kart.geojson?lat=59.91&lon=10.75",
    "/sok/?q=voldtekt",
    "/en/sok/?q=rape",
    "/sporsmal/?q=samvær",
    "/artikler/?q=vold",
]


@pytest.mark.parametrize("url", SEARCHES)
def test_search_and_location_responses_are_not_stored(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Cache-Control"] == "no-store"


def test_a_page_without_a_search_may_be_cached(client):
    assert "no-store" not in client.get("/tjenester/").get("Cache-Control", "")


def test_the_report_form_sets_a_csrf_cookie_that_ends_with_the_browser_session(client):
    service = factories.service()
    response = client.get(f"/tjenester/{service.slug}/meld-feil/")
    cookie = response.cookies["csrftoken"]
    assert cookie["max-age"] == "" and cookie["expires"] == ""


def test_an_articles_nearby_search_is_not_stored(client):
    from tests import factories as article_factories

    article = article_factories.article(slug="krisesenter")
    response = client.get(f"/artikler/{article.slug}/", {"place": "0150"})
    assert response["Cache-Control"] == "no-store"
