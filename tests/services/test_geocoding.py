"""Geocoding: visitors always offline, editors' addresses through the configured geocoder.

No test may reach the network: sockets are blocked, and Nominatim's ``geocode`` (the outside
service) is replaced where a test needs an answer from it.
"""

import dataclasses
import socket

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from geopy.exc import GeocoderTimedOut, GeocoderUnavailable
from geopy.geocoders import Nominatim
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from services.gazetteer import get_gazetteer
from services.geocoding import (
    GazetteerGeocoder,
    GeocodedAddress,
    address_geocoder,
    geocode_address,
    locate,
)

NOMINATIM = {
    "ADDRESS_GEOCODER": "nominatim",
    "ADDRESS_GEOCODER_USER_AGENT": "dinutvei-test",
    "ADDRESS_GEOCODER_DOMAIN": "",
}


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a test tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture
def nominatim_answers(monkeypatch):
    """Replace the online service: record each query and answer with the given outcome."""
    calls = []

    def install(outcome):
        def geocode(self, query, **kwargs):
            calls.append((query, kwargs))
            if isinstance(outcome, Exception):
                raise outcome
            return outcome

        monkeypatch.setattr(Nominatim, "geocode", geocode)
        return calls

    return install


# GazetteerGeocoder


def test_gazetteer_geocoder_returns_a_geopy_location_for_a_postcode():
    location = GazetteerGeocoder().geocode("9008 Tromsø")
    assert isinstance(location, Location)
    assert location.address == "9008 Tromsø"
    assert (location.latitude, location.longitude) == pytest.approx((69.6513, 18.9567))
    assert location.raw == dataclasses.asdict(get_gazetteer().postcode("9008"))
    assert location.raw["kind"] == "postcode"


def test_gazetteer_geocoder_is_a_geopy_geocoder_that_ignores_online_options():
    geocoder = GazetteerGeocoder()
    assert isinstance(geocoder, Geocoder)
    location = geocoder.geocode("Bergen", timeout=5, country_codes="no")
    assert location.raw["municipality_number"] == "4601"


def test_gazetteer_geocoder_gives_every_match_of_an_ambiguous_name_when_asked():
    geocoder = GazetteerGeocoder()
    locations = geocoder.geocode("Våler", exactly_one=False)
    assert [location.address for location in locations] == ["Våler (Østfold)", "Våler (Innlandet)"]
    assert geocoder.geocode("Våler").address == "Våler (Østfold)"


@pytest.mark.parametrize("exactly_one", [True, False])
def test_gazetteer_geocoder_returns_none_when_nothing_matches(exactly_one):
    assert GazetteerGeocoder().geocode("Bergn", exactly_one=exactly_one) is None


def test_gazetteer_geocoder_cannot_reverse_geocode():
    with pytest.raises(NotImplementedError):
        GazetteerGeocoder().reverse((59.91, 10.75))


# address_geocoder


@pytest.mark.parametrize("choice", ["gazetteer", "", " Gazetteer "])
def test_address_geocoder_defaults_to_the_offline_gazetteer(choice):
    with override_settings(ADDRESS_GEOCODER=choice):
        assert isinstance(address_geocoder(), GazetteerGeocoder)


def test_address_geocoder_builds_nominatim_from_the_settings():
    with override_settings(**{**NOMINATIM, "ADDRESS_GEOCODER_DOMAIN": "nominatim.example.no"}):
        geocoder = address_geocoder()
    assert isinstance(geocoder, Nominatim)
    assert geocoder.headers["User-Agent"] == "dinutvei-test"
    assert geocoder.domain == "nominatim.example.no"
    assert geocoder.api.startswith("https://nominatim.example.no/")


def test_address_geocoder_uses_the_public_nominatim_when_no_domain_is_set():
    with override_settings(**NOMINATIM):
        assert address_geocoder().domain == "nominatim.openstreetmap.org"


@pytest.mark.parametrize(
    "overrides",
    [
        {"ADDRESS_GEOCODER": "google"},
        {"ADDRESS_GEOCODER": "nominatim", "ADDRESS_GEOCODER_USER_AGENT": ""},
    ],
)
def test_address_geocoder_refuses_an_unknown_or_incomplete_configuration(overrides):
    with override_settings(**overrides), pytest.raises(ImproperlyConfigured):
        address_geocoder()


# locate


def test_locate_stays_offline_even_when_addresses_go_to_nominatim(nominatim_answers):
    calls = nominatim_answers(AssertionError("Nominatim must not see a visitor's place"))
    with override_settings(**NOMINATIM):
        result = locate("Tromsø")
    assert result.place.municipality_number == "5501"
    assert calls == []


# geocode_address


def test_geocode_address_uses_the_postcode_centre_with_the_gazetteer():
    with override_settings(ADDRESS_GEOCODER="gazetteer"):
        found = geocode_address(street_address="Storgata 1", postcode="9008", place="Tromsø")
    assert found == GeocodedAddress(69.6513, 18.9567, "approximate", "5501")


def test_geocode_address_falls_back_to_the_place_name_without_a_known_postcode():
    found = geocode_address(postcode="0000", place="Bærum")
    assert found == GeocodedAddress(59.89209, 10.5238, "approximate", "3201")


def test_geocode_address_gives_nothing_for_an_ambiguous_or_unknown_place():
    assert geocode_address(place="Våler") is None
    assert geocode_address(street_address="Storgata 1", place="Bergn") is None
    assert geocode_address() is None


def test_geocode_address_takes_nominatims_point_as_exact(nominatim_answers):
    calls = nominatim_answers(Location("Storgata 1, Oslo", (59.9151, 10.7510), {}))
    with override_settings(**NOMINATIM):
        found = geocode_address(street_address="Storgata 1", postcode="0150", place="Oslo")
    assert found == GeocodedAddress(59.9151, 10.7510, "exact", "0301")
    assert calls == [
        ("Storgata 1, 0150 Oslo, Norway", {"exactly_one": True, "country_codes": "no"})
    ]


@pytest.mark.parametrize(
    "outcome",
    [GeocoderUnavailable("down"), GeocoderTimedOut("slow"), None],
    ids=["unavailable", "timed-out", "not-found"],
)
def test_geocode_address_falls_back_to_the_postcode_when_nominatim_fails(
    nominatim_answers, outcome
):
    calls = nominatim_answers(outcome)
    with override_settings(**NOMINATIM):
        found = geocode_address(street_address="Strandkaien 2", postcode="5003", place="Bergen")
    assert found == GeocodedAddress(60.3986, 5.3256, "approximate", "4601")
    assert len(calls) == 1


def test_geocode_address_does_not_ask_nominatim_without_a_street_address(nominatim_answers):
    calls = nominatim_answers(AssertionError("no street, no online lookup"))
    with override_settings(**NOMINATIM):
        found = geocode_address(postcode="5003", place="Bergen")
    assert found.precision == "approximate"
    assert calls == []
