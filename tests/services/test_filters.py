"""Filters a person may need: the language spoken, wheelchair access, free of charge, no
referral. Plain form fields: they work without JavaScript."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def services():
    return {
        "arabic": factories.service(name="Arabisktalende", languages=["nb", "ar"]),
        "wheelchair": factories.service(name="Trinnfri", wheelchair_accessible=True),
        "paid": factories.service(name="Koster penger", is_free=False),
        "referral": factories.service(name="Trenger henvisning", needs_referral=True),
        "line": factories.service(
            name="Hjelpelinjen", is_national=True, latitude=None, longitude=None
        ),
    }


def names(client, **query):
    html = client.get("/tjenester/", {"q": "0150", **query}).content.decode()
    found = html.split('id="results-heading"', 1)[1].split("</section>", 1)[0]
    return {
        name
        for name in ("Arabisktalende", "Trinnfri", "Koster penger", "Trenger henvisning")
        if name in found
    }, html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, {"Arabisktalende", "Trinnfri", "Koster penger", "Trenger henvisning"}),
        ({"language": "ar"}, {"Arabisktalende"}),
        ({"wheelchair": "on"}, {"Trinnfri"}),
        ({"free": "on"}, {"Arabisktalende", "Trinnfri", "Trenger henvisning"}),
        ({"no_referral": "on"}, {"Arabisktalende", "Trinnfri", "Koster penger"}),
        ({"language": "ar", "wheelchair": "on"}, set()),
    ],
)
def test_each_filter_keeps_only_what_it_says(client, services, query, expected):
    found, html = names(client, **query)
    assert found == expected
    assert "Hjelpelinjen" in html  # the national lines always follow


def test_the_filters_apply_to_the_list_of_every_service_too(client, services):
    html = client.get("/tjenester/", {"language": "ar"}).content.decode()
    assert "Arabisktalende" in html and "Trinnfri" not in html


def test_an_unknown_language_is_a_clear_error_that_keeps_the_place(client, services):
    response = client.get("/tjenester/", {"q": "0150", "language": "xx"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Velg et språk fra listen." in html
    assert 'value="0150"' in html


def test_the_chosen_filters_stay_ticked(client, services):
    _found, html = names(client, wheelchair="on", language="ar")
    assert 'name="wheelchair" id="id_wheelchair" checked' in html
    assert '<option value="ar" selected>' in html
