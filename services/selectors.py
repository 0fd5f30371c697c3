"""Reads of the registry: the nearest services to a point, with filters.

Without PostGIS the nearest-neighbour search works on plain latitude/longitude columns:
the database narrows by a bounding box on the (latitude, longitude) index and orders by a
flat-earth distance, which is within about 1 % of the true distance at these ranges; the
exact geodesic distance is then computed in Python for the few candidates, and the search
proves that no service outside the candidates could be nearer. See
docs/decisions/0001-latitude-longitude-without-geodjango.md.
"""

import math
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, Prefetch, Q
from django.utils import timezone
from geopy.distance import geodesic
from modeltranslation.utils import build_localized_fieldname

from dinutvei.textsearch import search_config

from .geocoding import locate
from .models import OpeningPeriod, Service

# The length of a degree of latitude is at least this many km in Norway (57–81° N), so a
# box measured with it always holds the whole circle.
KM_PER_DEGREE_LATITUDE = 111.32
# The flat-earth distance is within this share of the geodesic one for every radius the
# search allows (the worst case is 300 km north or south at 71° N).
FLAT_EARTH_TOLERANCE = 0.10
MAX_RADIUS_KM = 300
DEFAULT_RADIUS_KM = 50


@dataclass(frozen=True)
class ServiceFilters:
    category: object = None  # a ServiceCategory
    target_group: object = None  # a TargetGroup
    open_now: bool = False

    def apply(self, queryset, *, now=None):
        if self.category is not None:
            queryset = queryset.filter(category=self.category)
        if self.target_group is not None:
            queryset = queryset.filter(target_groups=self.target_group)
        if self.open_now:
            queryset = queryset.open_at(now or timezone.now())
        return queryset


@dataclass(frozen=True)
class NearbyService:
    service: Service
    distance_km: float


def listing_queryset():
    """Published services with what a list or map shows, in a fixed number of queries."""
    return (
        Service.objects.published()
        .select_related("category", "municipality", "county")
        .prefetch_related(Prefetch("opening_periods", queryset=OpeningPeriod.objects.all()))
    )


def bounding_box(latitude, longitude, radius_km):
    dlat = radius_km / KM_PER_DEGREE_LATITUDE
    cos_lat = max(math.cos(math.radians(min(abs(latitude) + dlat, 89.9))), 0.01)
    dlon = radius_km / (KM_PER_DEGREE_LATITUDE * cos_lat)
    return latitude - dlat, latitude + dlat, longitude - dlon, longitude + dlon


def _flat_distance(latitude, longitude):
    """Squared flat-earth distance in degrees of latitude: no trigonometry in SQL, so it
    runs the same on SQLite and PostgreSQL."""
    scale = math.cos(math.radians(latitude)) ** 2
    dlat = F("latitude") - latitude
    dlon = F("longitude") - longitude
    return dlat * dlat + dlon * dlon * scale


def _flat_km(flat_distance):
    return math.sqrt(flat_distance) * KM_PER_DEGREE_LATITUDE


def _rank(services, origin):
    nearby = (
        NearbyService(service, geodesic(origin, (service.latitude, service.longitude)).km)
        for service in services
    )
    return sorted(nearby, key=lambda item: (item.distance_km, item.service.pk))


def services_near(*, latitude, longitude, radius_km=DEFAULT_RADIUS_KM, limit=20,
                  filters=ServiceFilters()):
    """The `limit` nearest local services within `radius_km` of the point, nearest first,
    each with its geodesic distance.

    The box grows in steps so that a dense city is answered from a small box: once
    `limit` services lie within a step's radius, nothing outside that step's box can be
    nearer than they are.
    """
    radius_km = min(max(float(radius_km), 0.1), MAX_RADIUS_KM)
    base = filters.apply(listing_queryset()).local()
    origin = (latitude, longitude)
    batch = limit * 2 + 10
    for step in [r for r in (5, 15) if r < radius_km] + [radius_km]:
        south, north, west, east = bounding_box(latitude, longitude, step)
        in_box = base.filter(
            latitude__range=(south, north), longitude__range=(west, east)
        )
        candidates = list(
            in_box.annotate(flat_distance=_flat_distance(latitude, longitude))
            .order_by("flat_distance", "pk")[:batch]
        )
        within = [item for item in _rank(candidates, origin) if item.distance_km <= step]
        if len(candidates) < batch:
            # Every service in the box was ranked.
            if len(within) >= limit or step == radius_km:
                return within[:limit]
            continue
        # The batch was cut off: a service left out has a flat distance at least the last
        # candidate's, so a true distance no less than this bound.
        left_out_bound = _flat_km(candidates[-1].flat_distance) * (1 - FLAT_EARTH_TOLERANCE)
        if len(within) >= limit and within[limit - 1].distance_km < left_out_bound:
            return within[:limit]
        if step == radius_km:
            ranked = _rank(in_box, origin)
            return [item for item in ranked if item.distance_km <= radius_km][:limit]
    return []


def national_services(filters=ServiceFilters()):
    return filters.apply(listing_queryset()).national().order_by("category__order", "name")


@dataclass(frozen=True)
class SearchOutcome:
    """What a search for services found: the point searched from and the nearby services,
    or, when the typed place did not resolve to one point, the gazetteer's answer."""

    origin: tuple | None = None
    origin_label: str = ""
    nearby: tuple = ()
    lookup: object = None  # a gazetteer Lookup that found no single place

    @property
    def has_origin(self):
        return self.origin is not None


def search_services(*, text="", coordinates=None, radius_km=DEFAULT_RADIUS_KM,
                    filters=ServiceFilters(), limit=20):
    """Browser coordinates win over typed text; typed text goes through the offline
    gazetteer only, so a visitor's place never leaves the server."""
    if coordinates is None and text:
        lookup = locate(text)
        if not lookup.found:
            return SearchOutcome(lookup=lookup)
        place = lookup.place
        coordinates, label = (place.latitude, place.longitude), place.name
    elif coordinates is not None:
        label = ""
    else:
        return SearchOutcome()
    nearby = services_near(
        latitude=coordinates[0], longitude=coordinates[1], radius_km=radius_km,
        limit=limit, filters=filters,
    )
    return SearchOutcome(origin=coordinates, origin_label=label, nearby=tuple(nearby))


SITE_SEARCH_SNIPPET_CHARS = 200


def site_search(query, *, language, limit=5):
    """Published services for the site-wide search: name, category or description match
    the query. On PostgreSQL full-text search with the language's configuration (and the
    name by substring), ranked; elsewhere substring matches ranked by where they hit.
    Returns dicts of title, url, snippet (plain text), kind and rank."""
    words = query.split()
    if not words or limit <= 0:
        return []
    description = build_localized_fieldname("description", language)
    category_name = "category__" + build_localized_fieldname("name", language)
    services = Service.objects.published().select_related("category")
    if connection.vendor == "postgresql":
        config = search_config(language)
        search_query = SearchQuery(query, config=config, search_type="websearch")
        vector = (
            SearchVector("name", weight="A", config=config)
            + SearchVector(category_name, weight="B", config=config)
            + SearchVector(description, "description_nb", weight="C", config=config)
        )
        found = (
            services.annotate(document=vector)
            .filter(Q(document=search_query) | Q(name__icontains=query))
            .annotate(rank=SearchRank(F("document"), search_query))
            .order_by("-rank", "name")[:limit]
        )
        ranked = [(service, service.rank) for service in found]
    else:
        matches = Q()
        for word in words[:8]:
            matches &= (Q(name__icontains=word) | Q(**{f"{category_name}__icontains": word})
                        | Q(**{f"{description}__icontains": word})
                        | Q(description_nb__icontains=word))
        found = services.filter(matches)[:200]
        lowered = [word.casefold() for word in words]
        ranked = sorted(
            ((service, sum(2 * (w in service.name.casefold()) + 1 for w in lowered)
              / (3 * len(lowered))) for service in found),
            key=lambda pair: (-pair[1], pair[0].name),
        )[:limit]
    return [
        {
            "title": service.name,
            "url": service.get_absolute_url(),
            "snippet": _snippet(service),
            "kind": "service",
            "rank": float(rank or 0),
        }
        for service, rank in ranked
    ]


def _snippet(service):
    text = " · ".join(part for part in (service.category.name, service.place) if part)
    description = service.description or ""
    if description:
        if len(description) > SITE_SEARCH_SNIPPET_CHARS:
            description = description[:SITE_SEARCH_SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"
        text = f"{text}: {description}" if text else description
    return text
