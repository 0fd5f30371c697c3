"""A data package in this portal's HSDS form, back into the registry: the tables are turned
into the editors' CSV rows and go through the same import (services/csv_io.py), so the same
checks apply and ids are kept. What HSDS does not carry stays as it is: the translations
beyond bokmål and how exact a position is."""

import csv
import datetime as dt
import io
import zipfile
from collections import defaultdict
from pathlib import Path

from services.csv_io import import_rows
from services.opening_hours import format_periods

from . import hsds


def read_tables(source):
    """{table file name: [row dicts]} from a zip (path or bytes) or a folder."""
    if isinstance(source, bytes):
        source = io.BytesIO(source)
    if isinstance(source, Path) and source.is_dir():
        return {
            path.name: list(csv.DictReader(path.open(encoding="utf-8", newline="")))
            for path in source.glob("*.csv")
        }
    with zipfile.ZipFile(source) as archive:
        return {
            name: list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8"))))
            for name in archive.namelist()
            if name.endswith(".csv")
        }


def _by(rows, key):
    grouped = defaultdict(list)
    for row in rows:
        grouped[row[key]].append(row)
    return grouped


def editors_rows(tables):
    """The editors' CSV rows (services/csv_io.columns) for the services in the tables."""
    phones = _by(tables.get("phones.csv", []), "service_id")
    schedules = _by(tables.get("schedules.csv", []), "service_id")
    areas = _by(tables.get("service_areas.csv", []), "service_id")
    languages = _by(tables.get("languages.csv", []), "service_id")
    attributes = _by(tables.get("attributes.csv", []), "link_id")
    terms = {row["id"]: row for row in tables.get("taxonomy_terms.csv", [])}
    organizations = {row["id"]: row for row in tables.get("organizations.csv", [])}
    located = {
        row["service_id"]: row["location_id"] for row in tables.get("service_at_location.csv", [])
    }
    locations = {row["id"]: row for row in tables.get("locations.csv", [])}
    addresses = {row["location_id"]: row for row in tables.get("addresses.csv", [])}
    access = {row["location_id"]: row for row in tables.get("accessibility.csv", [])}

    rows = []
    for service in tables.get("services.csv", []):
        sid = service["id"]
        organization = organizations.get(service["organization_id"], {})
        coded = defaultdict(list)
        for attribute in attributes[sid]:
            term = terms.get(attribute["taxonomy_term_id"])
            if term:
                coded[term["taxonomy"]].append(term["code"])
        phone = {row["description"]: row["number"] for row in phones[sid]}
        location = locations.get(located.get(sid), {})
        address = addresses.get(location.get("id"), {})
        wheelchair = access.get(location.get("id"), {}).get("description", "")
        around_the_clock = any(row["byday"].count(",") == 6 for row in schedules[sid])
        periods = [
            (hsds.WEEKDAYS.index(row["byday"]), _time(row["opens_at"]), _time(row["closes_at"]))
            for row in schedules[sid]
            if not around_the_clock
        ]
        page = organization.get("uri", "")
        rows.append(
            {
                "id": sid,
                "slug": page.rstrip("/").rsplit("/", 1)[-1],
                "name": service["name"],
                "category": (coded["service-categories"] or [""])[0],
                "is_national": _flag(any(a["extent_type"] == "country" for a in areas[sid])),
                "description_nb": service.get("description", ""),
                "street_address": address.get("address_1", "")
                if address.get("address_1") != address.get("city")
                else "",
                "postcode": address.get("postal_code", ""),
                "place": address.get("city", ""),
                "latitude": location.get("latitude", ""),
                "longitude": location.get("longitude", ""),
                "phone": phone.get(hsds.PHONE_MAIN, ""),
                "phone_24h": phone.get(hsds.PHONE_24H, ""),
                "email": service.get("email", ""),
                "website": organization.get("website", ""),
                "is_open_24_7": _flag(around_the_clock),
                "opening_hours": format_periods(periods),
                "opening_hours_note_nb": next(
                    (row["notes"] for row in schedules[sid] if row.get("notes")), ""
                ),
                "client_groups": "|".join(sorted(coded["client-groups"])),
                "serves_municipalities": "|".join(
                    sorted(
                        a["uri"].rstrip("/").rsplit("/", 1)[-1]
                        for a in areas[sid]
                        if a["extent_type"] == "municipality"
                    )
                ),
                "languages": "|".join(row["code"] for row in languages[sid]),
                "is_free": _flag(service.get("fees_description") == hsds.FREE),
                "needs_referral": _flag(service.get("application_process") == hsds.REFERRAL),
                "wheelchair_accessible": ""
                if not wheelchair
                else _flag(wheelchair == hsds.WHEELCHAIR),
                "is_published": "true",
                "is_demo": _flag(bool(service.get("alert"))),
                "last_verified": service.get("assured_date", ""),
            }
        )
    return rows


def _flag(value):
    return "true" if value else "false"


def _time(text):
    return dt.time.fromisoformat(text)


def import_package(source):
    """Import a data package (zip or folder); the editors' import result."""
    return import_rows(editors_rows(read_tables(source)))
