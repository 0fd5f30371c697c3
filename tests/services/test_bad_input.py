"""No input makes a 500: bad values are form errors, 400s or 404s."""

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db

HOSTILE = [
    "",
    " ",
    "x" * 10_000,
    "\x00",
    "a\x00b",
    "\x1b[31m",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "😀",
    "مرحبا",
    "../../etc/passwd",
    "%00",
    "NaN",
    "inf",
    "-1e309",
    "1e309",
    "0x1F",
    "١٢٣",
    "\u202e",
    "null",
]
PARAMETERS = ["q", "lat", "lon", "category", "target", "open_now", "radius", "page"]


@pytest.fixture
def service():
    return factories.service()


@pytest.mark.parametrize("parameter", PARAMETERS)
@pytest.mark.parametrize("value", HOSTILE)
def test_search_page_never_fails(client, service, parameter, value):
    response = client.get(reverse("services:search"), {parameter: value})
    assert response.status_code == 200


@pytest.mark.parametrize("parameter", PARAMETERS)
@pytest.mark.parametrize("value", HOSTILE)
def test_geojson_never_fails(client, service, parameter, value):
    response = client.get(reverse("services:geojson"), {parameter: value})
    assert response.status_code in (200, 400)


@pytest.mark.parametrize(
    "params",
    [
        {"lat": "91", "lon": "10"},
        {"lat": "59.9", "lon": "200"},
        {"lat": "59.9"},
        {"lat": "48.85", "lon": "2.35"},
        {"lat": "59.9", "lon": "abc"},
    ],
)
def test_out_of_range_coordinates_get_a_translated_error(client, params):
    response = client.get("/en/tjenester/", params)
    html = response.content.decode()
    assert response.status_code == 200
    assert ("outside Norway" in html) or ("could not be read" in html)
    assert "outcome" not in response.context


def test_a_too_long_place_is_an_error_that_keeps_the_text(client):
    text = "Oslo" * 30
    response = client.get("/en/tjenester/", {"q": text})
    html = response.content.decode()
    assert "Write at most 100 characters." in html
    assert f'value="{text}"' in html


def test_unknown_category_is_an_error_not_a_crash(client):
    response = client.get("/en/tjenester/", {"category": "nope"})
    assert "Choose a kind of help from the list." in response.content.decode()


def test_garbage_page_numbers_show_a_page(client, service):
    for page in ["0", "-1", "999999", "abc", "1.5"]:
        assert client.get("/tjenester/", {"page": page}).status_code == 200


@pytest.mark.parametrize("message", ["x" * 2001, "\x00", ""])
def test_report_form_refuses_bad_messages_without_crashing(client, service, message):
    url = reverse("services:report-error", kwargs={"slug": service.slug})
    response = client.post(url, {"message": message, "contact": "y" * 500})
    assert response.status_code == 200
    assert response.context["form"].errors


def test_report_form_refuses_an_oversized_post(client, service):
    url = reverse("services:report-error", kwargs={"slug": service.slug})
    response = client.post(url, {"message": "z" * 600_000})
    assert response.status_code == 400


def test_wrong_methods_are_refused(client, service):
    # The search takes a position by POST (decision 12), nothing else that changes things.
    assert client.put(reverse("services:search")).status_code == 405
    assert client.delete(reverse("services:search")).status_code == 405
    assert client.post(reverse("services:search")).status_code == 200  # an empty search
    assert (
        client.put(reverse("services:report-error", kwargs={"slug": service.slug})).status_code
        == 405
    )
    assert client.delete(service.get_absolute_url()).status_code == 405
