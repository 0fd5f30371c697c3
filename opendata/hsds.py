"""The registry as Open Referral's Human Services Data Specification 3.1 (HSDS) records.

Only published services, and only what their public pages show: no staff notes, no error
reports, no one who changed what. The text is the registry's own language, bokmål.

Ids: a service's is its public id (services.models.Service.public_id, kept through renaming
and re-import). What the registry holds no id for (a service's organization, location,
phones, schedules, …) gets a UUID made from the service's id and what it is, so it is the
same in every export as long as the service is; the categories' and client groups' terms
are made from their slugs, the public vocabulary's codes."""

import uuid

from django.conf import settings
from django.urls import reverse

HSDS_VERSION = "3.1"
NAMESPACE = uuid.UUID("1c5d8a56-4f0e-4f59-8d6b-7d1b9a3e2f10")
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# The public vocabularies: (key, name, description). Their terms' codes are the slugs.
TAXONOMIES = (
    (
        "service-categories",
        "Din utvei: tjenestekategorier",
        "Hva slags hjelp en tjeneste gir: krisesenter, overgrepsmottak, legevakt, politi, …",
    ),
    (
        "client-groups",
        "Din utvei: hvem tjenesten er for",
        "Hvem en tjeneste er for: kvinner, menn, barn og unge, pårørende, …",
    ),
    (
        "shelter-places",
        "Din utvei: plasser på krisesenteret",
        "Hva krisesenterets egne ansatte sist sa om plassene, i 24 timer; deretter «ukjent». "
        "Attributtets verdi er når det ble satt.",
    ),
)
# The registry's yes/no facts as HSDS text, in the registry's language; the importer
# (opendata/importer.py) reads them back by these same words.
PHONE_MAIN, PHONE_24H = "Telefon", "Telefon, hele døgnet"
FREE, NOT_FREE = "Gratis.", "Kan koste penger."
REFERRAL, NO_REFERRAL = "Trenger henvisning.", "Du trenger ikke henvisning."
WHEELCHAIR, NO_WHEELCHAIR = "Tilgjengelig med rullestol", "Ikke tilgjengelig med rullestol"
# The shelter-places terms, in the registry's language (services.models.ShelterPlaces).
SHELTER_PLACES = (
    ("available", "Ledige plasser"),
    ("few", "Få plasser igjen"),
    ("full", "Fullt – ring likevel"),
    ("call-first", "Ring først"),
    ("unknown", "Ukjent – ring"),
)


def made_id(*parts):
    """A stable UUID for something the registry holds no id for."""
    return str(uuid.uuid5(NAMESPACE, "/".join(str(part) for part in parts)))


def taxonomy_id(key):
    return made_id("taxonomy", key)


def term_id(taxonomy_key, slug):
    return made_id("taxonomy", taxonomy_key, slug)


def site_url(path):
    return f"{settings.SITE_URL}{path}"


def _compact(record):
    """HSDS leaves out what is unknown rather than sending null or an empty string."""
    return {key: value for key, value in record.items() if value not in (None, "")}


def taxonomy_records():
    return [
        {
            "id": taxonomy_id(key),
            "name": name,
            "description": description,
            "uri": site_url(reverse("open-data")) + f"#{key}",
            "version": HSDS_VERSION,
        }
        for key, name, description in TAXONOMIES
    ]


def _term(taxonomy_key, code, name, description, uri=None):
    return _compact(
        {
            "id": term_id(taxonomy_key, code),
            "code": code,
            "name": name,
            "description": description or name,
            "taxonomy": taxonomy_key,
            "taxonomy_id": taxonomy_id(taxonomy_key),
            "language": "nb",
            "term_uri": uri,
        }
    )


def term_record(taxonomy_key, vocabulary):
    """A category or a client group as a taxonomy term."""
    uri = getattr(vocabulary, "get_absolute_url", None)
    return _term(
        taxonomy_key,
        vocabulary.slug,
        vocabulary.name_nb,
        getattr(vocabulary, "description_nb", ""),
        site_url(uri()) if uri else None,
    )


def shelter_places_term(code):
    name = dict(SHELTER_PLACES)[code]
    return _term("shelter-places", code, name, name)


def term_records(categories, client_groups):
    return (
        [term_record("service-categories", category) for category in categories]
        + [term_record("client-groups", group) for group in client_groups]
        + [shelter_places_term(code) for code, _name in SHELTER_PLACES]
    )


def organization_id(public_id):
    """Each service is listed as run by an organization of its own name: the registry does
    not (yet) record who runs a service."""
    return made_id(public_id, "organization")


def organization_record(service, *, services=None):
    record = _compact(
        {
            "id": organization_id(service.public_id),
            "name": service.name,
            "description": service.description_nb or service.name,
            "email": service.email,
            "website": service.website,
            "uri": site_url(service.get_absolute_url()),
        }
    )
    if services is not None:
        record["services"] = services
    return record


def _phones(service):
    phones = []
    for kind, number, description in (
        ("main", service.phone, PHONE_MAIN),
        ("24h", service.phone_24h, PHONE_24H),
    ):
        if number:
            phones.append(
                {
                    "id": made_id(service.public_id, "phone", kind),
                    "service_id": str(service.public_id),
                    "number": number,
                    "type": "voice",
                    "description": description,
                }
            )
    return phones


def _schedules(service):
    if service.is_open_24_7:
        return [
            _compact(
                {
                    "id": made_id(service.public_id, "schedule", "24/7"),
                    "service_id": str(service.public_id),
                    "freq": "WEEKLY",
                    "wkst": "MO",
                    "byday": ",".join(WEEKDAYS),
                    "opens_at": "00:00",
                    "closes_at": "23:59",
                    "description": "Åpent hele døgnet, alle dager.",
                    "notes": service.opening_hours_note_nb or None,
                }
            )
        ]
    schedules = []
    for period in service.opening_periods.all():
        opens, closes = period.opens.strftime("%H:%M"), period.closes.strftime("%H:%M")
        schedules.append(
            _compact(
                {
                    "id": made_id(service.public_id, "schedule", period.weekday, opens, closes),
                    "service_id": str(service.public_id),
                    "freq": "WEEKLY",
                    "wkst": "MO",
                    "byday": WEEKDAYS[period.weekday],
                    "opens_at": opens,
                    "closes_at": closes,
                    "notes": service.opening_hours_note_nb,
                }
            )
        )
    return schedules


def _service_areas(service):
    """The whole country for a national line; else the municipalities the editors say it
    serves, or, where they have said none, its own."""
    if service.is_national:
        return [_area(service, "Norge", "Hele landet", "country", "NO")]
    served = list(service.serves_municipalities.all())
    # Where the editors have said nothing, the municipality it stands in ("location", so
    # that a re-import does not take it for the editors' word).
    extent = "municipality" if served else "location"
    if not served and service.municipality:
        served = [service.municipality]
    return [
        _area(
            service,
            municipality.name,
            f"{municipality.name} kommune, {municipality.county.name}",
            extent,
            municipality.number,
        )
        for municipality in served
    ]


def _area(service, name, description, extent_type, code):
    return _compact(
        {
            "id": made_id(service.public_id, "service_area", code),
            "service_id": str(service.public_id),
            "name": name,
            "description": description,
            "extent_type": extent_type,
            "uri": site_url(reverse("services:municipality", kwargs={"number": code}))
            if extent_type == "municipality"
            else None,
        }
    )


def _languages(service):
    names = dict(zip(service.languages, service.language_names(), strict=True))
    return [
        {
            "id": made_id(service.public_id, "language", code),
            "service_id": str(service.public_id),
            "code": code,
            "name": names[code],
        }
        for code in service.languages
    ]


def _attribute(service, term, value=None):
    return _compact(
        {
            "id": made_id(service.public_id, "attribute", term["taxonomy"], term["code"]),
            "link_id": str(service.public_id),
            "link_type": "service",
            "link_entity": "service",
            "taxonomy_term_id": term["id"],
            "taxonomy_term": term,
            "value": value,
        }
    )


def _attributes(service):
    terms = [term_record("service-categories", service.category)] + [
        term_record("client-groups", group) for group in service.client_groups.all()
    ]
    attributes = [_attribute(service, term) for term in terms]
    if service.is_shelter:
        # What its staff last said of its places while fresh, with when; else "unknown".
        status = service.shelter_places_now
        code, when = (status.places, status.set_at.isoformat()) if status else ("unknown", None)
        attributes.append(_attribute(service, shelter_places_term(code), when))
    return attributes


def location_id(service):
    return made_id(service.public_id, "location")


def location_record(service):
    location = _compact(
        {
            "id": location_id(service),
            "location_type": "physical",
            "organization_id": organization_id(service.public_id),
            "name": service.name,
            "latitude": service.latitude,
            "longitude": service.longitude,
            "url": site_url(service.get_absolute_url()),
        }
    )
    if service.postcode and service.county_id:
        location["addresses"] = [
            _compact(
                {
                    "id": made_id(service.public_id, "address"),
                    "location_id": location["id"],
                    "address_1": service.street_address or service.place,
                    "city": service.place,
                    "region": service.municipality.name if service.municipality_id else None,
                    "state_province": service.county.name,
                    "postal_code": service.postcode,
                    "country": "NO",
                    "address_type": "physical",
                }
            )
        ]
    if service.wheelchair_accessible is not None:
        location["accessibility"] = [
            {
                "id": made_id(service.public_id, "accessibility"),
                "location_id": location["id"],
                "description": WHEELCHAIR if service.wheelchair_accessible else NO_WHEELCHAIR,
            }
        ]
    return location


def has_location(service):
    """A national line is reached by phone, from anywhere: it has no location."""
    return not service.is_national and service.has_point


def service_at_location_id(public_id):
    return made_id(public_id, "service_at_location")


def service_at_location_record(service, *, full=False):
    record = {
        "id": service_at_location_id(service.public_id),
        "service_id": str(service.public_id),
        "location_id": location_id(service),
    }
    if full:
        record["location"] = location_record(service)
        record["service"] = service_record(service, nested=False)
    return record


def service_record(service, *, full=True, nested=True):
    """The service with its one-to-one fields, and with `full` all that belongs to it."""
    record = _compact(
        {
            "id": str(service.public_id),
            "organization_id": organization_id(service.public_id),
            "name": service.name,
            "description": service.description_nb,
            "url": service.website or site_url(service.get_absolute_url()),
            "email": service.email,
            "status": "active",
            "fees_description": FREE if service.is_free else NOT_FREE,
            "application_process": REFERRAL if service.needs_referral else NO_REFERRAL,
            "eligibility_description": ", ".join(
                group.name_nb for group in service.client_groups.all()
            ),
            "assured_date": service.last_verified.isoformat() if service.last_verified else None,
            "alert": "Demo: denne tjenesten er oppdiktet, og telefonnummeret er ikke ekte."
            if service.is_demo
            else None,
            "last_modified": service.updated_at.isoformat(),
        }
    )
    if not full:
        return record
    record.update(
        {
            "phones": _phones(service),
            "schedules": _schedules(service),
            "service_areas": _service_areas(service),
            "languages": _languages(service),
            "attributes": _attributes(service),
        }
    )
    if nested:
        record["organization"] = organization_record(service)
        record["service_at_locations"] = (
            [service_at_location_record(service) | {"location": location_record(service)}]
            if has_location(service)
            else []
        )
    return record


def minimal_service_record(service):
    """HSDS's `minimal`: the id and when it changed, and the name and status that its schema
    requires of every service."""
    return {
        "id": str(service.public_id),
        "name": service.name,
        "status": "active",
        "last_modified": service.updated_at.isoformat(),
    }
