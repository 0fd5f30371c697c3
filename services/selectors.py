"""Reads of the registry: the nearest services to a point, with filters.

Without PostGIS the nearest-neighbour search works on plain latitude/longitude columns:
the database narrows by a bounding box on the (latitude, longitude) index and orders by a
flat-earth distance, which is within about 1 % of the true distance at these ranges; the
exact geodesic distance is then computed in Python for the few candidates, and the search
proves that no service outside the candidates could be nearer. See
docs/decisions/0001-latitude-longitude-without-geodjango.md.
"""

import math
from dataclasses import dataclass, replace

from django.db.models import F, Prefetch, TextField
from django.db.models.functions import Cast
from django.utils import timezone
from geographiclib.geodesic import Geodesic

from core import page_cache
from core.search import (
    AllWordsFound,
    MatchScore,
    SearchField,
    SearchHit,
    Terms,
    excerpt,
    first_written,
    search_languages,
    translated_columns,
)

from .gazetteer import get_gazetteer
from .geocoding import locate
from .models import (
    SHELTER_CATEGORY,
    ClientGroup,
    Municipality,
    OpeningPeriod,
    Service,
    ServiceCategory,
    service_detail_url,
)
from .shelters import with_shelter_status

# The length of a degree of latitude is at least this many km in Norway (57–81° N), so a
# box measured with it always holds the whole circle.
KM_PER_DEGREE_LATITUDE = 111.32
# The flat-earth distance is within this share of the geodesic one for every radius the
# search allows (the worst case is 300 km north or south at 71° N).
FLAT_EARTH_TOLERANCE = 0.10
# The mean-radius great-circle distance is within 0.6 % of the WGS84 geodesic one.
EARTH_RADIUS_KM = 6371.0088
GREAT_CIRCLE_TOLERANCE = 0.01
WGS84 = Geodesic.WGS84
MAX_RADIUS_KM = 300
DEFAULT_RADIUS_KM = 50


@dataclass(frozen=True)
class ServiceFilters:
    category: object = None  # a ServiceCategory
    client_group: object = None  # a ClientGroup
    open_now: bool = False
    language: str = ""  # a code from SPOKEN_LANGUAGES
    wheelchair: bool = False
    free: bool = False
    no_referral: bool = False

    def apply(self, queryset, *, now=None):
        if self.category is not None:
            queryset = queryset.filter(category=self.category)
        if self.client_group is not None:
            queryset = queryset.filter(client_groups=self.client_group)
        if self.language:
            # The list of codes as text, the same on every database: '["nb", "ar"]'.
            queryset = queryset.alias(languages_text=Cast("languages", TextField())).filter(
                languages_text__contains=f'"{self.language}"'
            )
        if self.wheelchair:
            queryset = queryset.filter(wheelchair_accessible=True)
        if self.free:
            queryset = queryset.filter(is_free=True)
        if self.no_referral:
            queryset = queryset.filter(needs_referral=False)
        if self.open_now:
            if now is None:
                page_cache.do_not_keep()  # the answer is for this moment only
            queryset = queryset.open_at(now or timezone.now())
        return queryset


@dataclass(frozen=True)
class NearbyService:
    service: Service
    distance_km: float


# What a service's card in a list shows (services/includes/service_card.html) and the map
# needs: loading only these keeps long result lists cheap.
CARD_FIELDS = (
    "name",
    "slug",
    "category",
    "place",
    "postcode",
    "phone",
    "is_demo",
    "is_open_24_7",
    "is_national",
    "latitude",
    "longitude",
    "location_precision",
    "last_verified",
)


def listing_queryset():
    """Published services with what a detail page shows, in a fixed number of queries."""
    return with_shelter_status(
        Service.objects.published()
        .select_related("category", "municipality", "county")
        .prefetch_related(Prefetch("opening_periods", queryset=OpeningPeriod.objects.all()))
    )


def card_queryset():
    """Published services with only what their cards in a list show."""
    return with_shelter_status(
        Service.objects.published()
        .select_related("category")
        .prefetch_related(Prefetch("opening_periods", queryset=OpeningPeriod.objects.all()))
        .only(*CARD_FIELDS)
    )


def shelters_overview():
    """Every published shelter with its places, by county: the national overview."""
    shelters = listing_queryset().filter(category__slug=SHELTER_CATEGORY)
    return shelters.order_by("county__name", "name")


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


def _geodesic_km(origin, point):
    return WGS84.Inverse(*origin, *point, Geodesic.DISTANCE)["s12"] / 1000


def great_circle_km(origin, point):
    lat1, lon1 = map(math.radians, origin)
    lat2, lon2 = map(math.radians, point)
    a = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True)
class _Candidate:
    pk: int
    latitude: float
    longitude: float
    flat_distance: float = 0.0


def _rank(candidates, origin, limit):
    """The nearest `limit` as (geodesic km, candidate), nearest first. The great-circle
    distance is cheap and within GREAT_CIRCLE_TOLERANCE of the geodesic one, so only
    candidates that could still be among the nearest get the exact, slower geodesic
    (geographiclib's, which geopy's `geodesic` wraps, asked for the distance only)."""
    rough = sorted(
        ((great_circle_km(origin, (c.latitude, c.longitude)), c) for c in candidates),
        key=lambda pair: (pair[0], pair[1].pk),
    )
    if len(rough) > limit:
        stretch = (1 + GREAT_CIRCLE_TOLERANCE) / (1 - GREAT_CIRCLE_TOLERANCE)
        bound = rough[limit - 1][0] * stretch
        rough = [pair for pair in rough if pair[0] <= bound]
    exact = ((_geodesic_km(origin, (c.latitude, c.longitude)), c) for _km, c in rough)
    return sorted(exact, key=lambda pair: (pair[0], pair[1].pk))[:limit]


def services_near(
    *, latitude, longitude, radius_km=DEFAULT_RADIUS_KM, limit=20, filters=ServiceFilters()
):
    """The `limit` nearest local services within `radius_km` of the point, nearest first,
    each with its geodesic distance, loaded for their cards in a list."""
    nearest = nearest_service_ids(
        latitude=latitude, longitude=longitude, radius_km=radius_km, limit=limit, filters=filters
    )
    services = card_queryset().in_bulk([pk for pk, _km in nearest])
    return [NearbyService(services[pk], km) for pk, km in nearest]


def nearest_service_ids(
    *, latitude, longitude, radius_km=DEFAULT_RADIUS_KM, limit=20, filters=ServiceFilters()
):
    """The search itself: [(service id, geodesic km)] of the `limit` nearest, nearest first.

    The box grows in steps so that a dense city is answered from a small box: once
    `limit` services lie within a step's radius, nothing outside that step's box can be
    nearer than they are. Candidates are light rows (id and point), not model instances.
    """
    radius_km = min(max(float(radius_km), 0.1), MAX_RADIUS_KM)
    base = filters.apply(Service.objects.published()).local()
    origin = (latitude, longitude)
    batch = limit * 2 + 10
    nearest = []
    for step in [r for r in (10,) if r < radius_km] + [radius_km]:
        south, north, west, east = bounding_box(latitude, longitude, step)
        in_box = base.filter(latitude__range=(south, north), longitude__range=(west, east))
        candidates = [
            _Candidate(*row)
            for row in in_box.annotate(flat_distance=_flat_distance(latitude, longitude))
            .order_by("flat_distance", "pk")
            .values_list("pk", "latitude", "longitude", "flat_distance")[:batch]
        ]
        within = [pair for pair in _rank(candidates, origin, limit) if pair[0] <= step]
        if len(candidates) < batch:
            # Every service in the box was ranked.
            if len(within) >= limit or step == radius_km:
                nearest = within
                break
            continue
        # The batch was cut off: a service left out has a flat distance at least the last
        # candidate's, so a true distance no less than this bound.
        left_out_bound = _flat_km(candidates[-1].flat_distance) * (1 - FLAT_EARTH_TOLERANCE)
        if len(within) >= limit and within[limit - 1][0] < left_out_bound:
            nearest = within
            break
        if step == radius_km:
            everything = [
                _Candidate(*row) for row in in_box.values_list("pk", "latitude", "longitude")
            ]
            nearest = [pair for pair in _rank(everything, origin, limit) if pair[0] <= radius_km]
    return [(candidate.pk, km) for km, candidate in nearest]


def national_services(filters=ServiceFilters()):
    """The national lines for a search: of its kind, for its group, open now if asked;
    a phone line has no door or referral, so the access filters do not apply to it."""
    lines = ServiceFilters(filters.category, filters.client_group, filters.open_now)
    return lines.apply(listing_queryset()).national().order_by("category__order", "name")


# The kinds of help a search never leaves without an answer: when none is within the chosen
# distance, the nearest further away are shown (every municipality must offer a shelter).
ESSENTIAL_CATEGORIES = ("krisesenter", "overgrepsmottak", "legevakt")
# How many of a kind further away.
FURTHER_AWAY = 2


@dataclass(frozen=True)
class SearchOutcome:
    """What a search for services found: the point searched from and the nearby services,
    or, when the typed place did not resolve to one point, the gazetteer's answer. When the
    distance chosen holds none of a kind that must always be found, `further_away` holds
    the nearest of that kind beyond it."""

    origin: tuple | None = None
    origin_label: str = ""
    nearby: tuple = ()
    lookup: object = None  # a gazetteer Lookup that found no single place
    radius_km: float = DEFAULT_RADIUS_KM
    further_away: tuple = ()
    # Where a place or postcode was typed: the services that serve its municipality (the
    # editors' "serves these municipalities"), shown before the nearest.
    municipality: object = None
    served_by: tuple = ()

    @property
    def has_origin(self):
        return self.origin is not None


def search_services(
    *, text="", coordinates=None, radius_km=DEFAULT_RADIUS_KM, filters=ServiceFilters(), limit=20
):
    """Browser coordinates win over typed text; typed text goes through the offline
    gazetteer only, so a visitor's place never leaves the server."""
    municipality, served_by = None, ()
    if coordinates is None and text:
        lookup = locate(text)
        if not lookup.found:
            return SearchOutcome(lookup=lookup)
        place = lookup.place
        coordinates, label = (place.latitude, place.longitude), place.name
        municipality = Municipality.objects.filter(number=place.municipality_number).first()
        served_by = tuple(_serving(municipality, coordinates, filters)) if municipality else ()
    elif coordinates is not None:
        label = ""
    else:
        return SearchOutcome()
    nearby = services_near(
        latitude=coordinates[0],
        longitude=coordinates[1],
        radius_km=radius_km,
        limit=limit,
        filters=filters,
    )
    return SearchOutcome(
        origin=coordinates,
        origin_label=label,
        nearby=tuple(nearby),
        radius_km=radius_km,
        further_away=tuple(nearest_beyond(coordinates, nearby, filters)),
        municipality=municipality,
        served_by=served_by,
    )


def _serving(municipality, origin, filters):
    """The services that serve a municipality, of the kinds its page names, with their
    distance from the place searched for, in the order of the kinds."""
    serving = filters.apply(card_queryset()).filter(
        serves_municipalities=municipality, category__slug__in=MUNICIPALITY_KINDS
    )
    order = {slug: index for index, slug in enumerate(MUNICIPALITY_KINDS)}
    found = sorted(serving, key=lambda service: (order[service.category.slug], service.name))
    return [NearbyService(service, _distance_from(origin, service)) for service in found]


def nearest_beyond(origin, nearby, filters):
    """For each kind that must be found and is not among `nearby` (the chosen kind, or
    else the essential ones), its FURTHER_AWAY nearest services, however far. Each kind has
    at most a few hundred listings in the whole country: they are ranked in Python."""
    found = {item.service.category.slug for item in nearby}
    if filters.category is not None:
        wanted = [] if filters.category.slug in found else [filters.category.slug]
    else:
        wanted = [slug for slug in ESSENTIAL_CATEGORIES if slug not in found]
    if not wanted:
        return []
    base = replace(filters, category=None)
    rows = (
        base.apply(Service.objects.published().local())
        .filter(category__slug__in=wanted)
        .values_list("pk", "latitude", "longitude", "category__slug")
    )
    by_kind = {}
    for pk, latitude, longitude, slug in rows:
        by_kind.setdefault(slug, []).append(_Candidate(pk, latitude, longitude))
    chosen = [
        (candidate.pk, km)
        for slug in wanted
        for km, candidate in _rank(by_kind.get(slug, []), origin, FURTHER_AWAY)
    ]
    services = card_queryset().in_bulk([pk for pk, _km in chosen])
    return [NearbyService(services[pk], km) for pk, km in chosen]


# Where the site search looks for a service, and what finding a word there is worth.
SITE_SEARCH_FIELDS = (
    SearchField("name", 3),
    SearchField("category__name", 2, translated=True),
    SearchField("description", 1, translated=True),
)


def site_search(query, *, language, limit=5):
    """Published services for the site-wide search, as SearchHits: every word (its stem)
    in the name, the category or the description, in the reader's language or bokmål,
    ranked by where the words are (name first, then category, then description). The
    registry is small, so substring matching is fast on every database; typos are handled
    by the site search's "did you mean"."""
    languages = search_languages(language)
    terms = Terms.parse(query, languages)
    if not terms or limit <= 0:
        return []
    shown = ("description", "category__name")
    # Only the columns shown: a Service row has a column per language for several fields.
    found = (
        Service.objects.published()
        .filter(AllWordsFound(SITE_SEARCH_FIELDS, terms))
        .annotate(search_rank=MatchScore(SITE_SEARCH_FIELDS, terms))
        .order_by("-search_rank", "name")
        .values(
            "name",
            "slug",
            "place",
            "search_rank",
            *(column for name in shown for column in translated_columns(name, languages)),
        )[:limit]
    )
    hits = []
    for row in found:
        description, description_language = first_written(row, "description", languages)
        category, category_language = first_written(row, "category__name", languages)
        hits.append(
            SearchHit(
                kind="service",
                title=row["name"],
                url=service_detail_url(row["slug"]),
                snippet=_snippet(category, row["place"], description),
                rank=row["search_rank"],
                language=description_language if description else category_language,
            )
        )
    return hits


def _snippet(category, place, description):
    text = " · ".join(part for part in (category, place) if part)
    if description:
        description = excerpt(description)
        text = f"{text}: {description}" if text else description
    return text


def open_data_queryset():
    """Published services with everything the open data shows (opendata/), in a fixed
    number of queries, in an order that pages can rely on."""
    return with_shelter_status(
        Service.objects.published()
        .select_related("category", "municipality", "county")
        .prefetch_related(
            "client_groups",
            Prefetch(
                "serves_municipalities",
                queryset=Municipality.objects.select_related("county").order_by("name"),
            ),
            Prefetch(
                "opening_periods", queryset=OpeningPeriod.objects.order_by("weekday", "opens")
            ),
        )
        .order_by("name", "pk")
    )


def open_data_vocabularies():
    """(categories, client groups): the public vocabularies of the open data."""
    return list(ServiceCategory.objects.all()), list(ClientGroup.objects.all())


def published_public_ids():
    return list(Service.objects.published().values_list("public_id", flat=True))


# The kinds of help a municipality page names, in this order.
MUNICIPALITY_KINDS = (
    "krisesenter",
    "overgrepsmottak",
    "legevakt",
    "familievern",
    "statens-barnehus",
    "politi",
)


@dataclass(frozen=True)
class KindOfHelp:
    category: ServiceCategory
    served_by: list  # NearbyService: those the editors say serve it, with their distance
    nearest: NearbyService | None  # the nearest to its centre, when none of those


def municipality_help(municipality):
    """Who serves this municipality, kind by kind, and the nearest of each kind to its
    centre (which may lie in another municipality)."""
    centre = get_gazetteer().municipality(municipality.number)
    origin = (centre.latitude, centre.longitude) if centre is not None else None
    categories = ServiceCategory.objects.in_bulk(MUNICIPALITY_KINDS, field_name="slug")
    serving = list(card_queryset().filter(serves_municipalities=municipality).order_by("name"))
    kinds = []
    for slug in MUNICIPALITY_KINDS:
        if slug not in categories:
            continue
        category = categories[slug]
        nearest = None
        if origin is not None:
            found = services_near(
                latitude=origin[0],
                longitude=origin[1],
                radius_km=MAX_RADIUS_KM,
                limit=1,
                filters=ServiceFilters(category=category),
            )
            nearest = found[0] if found else None
        served_by = [
            NearbyService(service, _distance_from(origin, service))
            for service in serving
            if service.category_id == category.pk
        ]
        if nearest and nearest.service.pk in {item.service.pk for item in served_by}:
            nearest = None
        kinds.append(KindOfHelp(category, served_by, nearest))
    return kinds


def _distance_from(origin, service):
    """Geodesic km from a (latitude, longitude) to a service; None where either is unknown."""
    if origin is None or not service.has_point:
        return None
    return _geodesic_km(origin, (service.latitude, service.longitude))


def municipalities_by_county():
    return Municipality.objects.select_related("county").order_by("county__name", "name")
