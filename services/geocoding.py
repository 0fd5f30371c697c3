"""Turning text into points: visitors' places offline, editors' addresses as configured.

A visitor's typed place always goes through the offline gazetteer, so it never leaves the
server. Editors' street addresses of help services (public information) may go to an online
geopy geocoder when ``settings.ADDRESS_GEOCODER`` says so; the gazetteer is the fallback.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from geopy.exc import GeopyError
from geopy.geocoders import Nominatim
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from .gazetteer import Lookup, Place, get_gazetteer


class GazetteerGeocoder(Geocoder):
    """The offline gazetteer behind geopy's interface; it never makes a network call."""

    def geocode(
        self, query: str, exactly_one: bool = True, **kwargs: Any
    ) -> Location | list[Location] | None:
        """Like geopy's geocoders: None when nothing matched, else the best match or, with
        ``exactly_one=False``, every match of an ambiguous name. Other geopy options are
        accepted and ignored."""
        matches = get_gazetteer().lookup(query).matches
        if not matches:
            return None
        if exactly_one:
            return _location(matches[0])
        return [_location(place) for place in matches]

    def reverse(self, query: Any, *, exactly_one: bool = True, **kwargs: Any) -> Any:
        raise NotImplementedError("The offline gazetteer cannot reverse-geocode.")


def _location(place: Place) -> Location:
    return Location(place.name, (place.latitude, place.longitude), dataclasses.asdict(place))


def address_geocoder() -> Geocoder:
    """The geocoder for editors' street addresses, chosen by ``settings.ADDRESS_GEOCODER``."""
    choice = str(getattr(settings, "ADDRESS_GEOCODER", "") or "gazetteer").strip().lower()
    if choice == "gazetteer":
        return GazetteerGeocoder()
    if choice == "nominatim":
        user_agent = getattr(settings, "ADDRESS_GEOCODER_USER_AGENT", "")
        if not user_agent:
            raise ImproperlyConfigured(
                "ADDRESS_GEOCODER_USER_AGENT must name this site: Nominatim's usage policy "
                "requires an identifying User-Agent."
            )
        domain = getattr(settings, "ADDRESS_GEOCODER_DOMAIN", "")
        return Nominatim(user_agent=user_agent, **({"domain": domain} if domain else {}))
    raise ImproperlyConfigured(
        f"ADDRESS_GEOCODER must be 'gazetteer' or 'nominatim', not {choice!r}."
    )


def municipality_number_for_postcode(postcode: str) -> str:
    """The municipality a postcode lies in, offline; "" for an unknown code."""
    area = get_gazetteer().postcode(postcode) if postcode else None
    return area.municipality_number if area else ""


def locate(text: str) -> Lookup:
    """Resolve what a visitor typed, always offline, whatever the settings say."""
    return get_gazetteer().lookup(text)


@dataclass(frozen=True)
class GeocodedAddress:
    """A point for a service's address; "approximate" when only the postcode or place was
    usable, which is an area centre, not the door."""

    latitude: float
    longitude: float
    precision: str  # "exact" | "approximate"
    municipality_number: str


def geocode_address(
    *, street_address: str = "", postcode: str = "", place: str = ""
) -> GeocodedAddress | None:
    """A point for an editor's address: the configured online geocoder for the street
    address when there is one, else the postcode's centre, else the postal place or
    municipality named. None when nothing is usable or the place name is ambiguous."""
    street_address, postcode, place = (
        (part or "").strip() for part in (street_address, postcode, place)
    )
    area = get_gazetteer().postcode(postcode) if postcode else None
    if area is None and place:
        area = locate(place).place
    municipality_number = area.municipality_number if area else ""

    geocoder = address_geocoder()
    if street_address and not isinstance(geocoder, GazetteerGeocoder):
        hit = _geocode_street(geocoder, street_address, postcode, place)
        if hit is not None:
            return GeocodedAddress(hit.latitude, hit.longitude, "exact", municipality_number)
    if area is None:
        return None
    return GeocodedAddress(area.latitude, area.longitude, "approximate", municipality_number)


def _geocode_street(
    geocoder: Geocoder, street_address: str, postcode: str, place: str
) -> Location | None:
    """One online attempt; a timeout or an unavailable service falls back to the gazetteer."""
    area = " ".join(part for part in (postcode, place) if part)
    query = ", ".join(part for part in (street_address, area, "Norway") if part)
    options = {"country_codes": "no"} if isinstance(geocoder, Nominatim) else {}
    try:
        return geocoder.geocode(query, exactly_one=True, **options)
    except GeopyError:
        return None
