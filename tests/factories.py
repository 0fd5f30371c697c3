"""Small factories for tests: real model instances with sensible defaults."""

import datetime as dt
import itertools

from django.contrib.auth.models import Group, User

from core.permissions import EDITORS
from services.models import Municipality, OpeningPeriod, Service, ServiceCategory

_numbers = itertools.count(1)


def category(slug="krisesenter"):
    return ServiceCategory.objects.get(slug=slug)


def service(**fields):
    number = next(_numbers)
    municipality = fields.pop("municipality", None) or Municipality.objects.get(number="0301")
    defaults = {
        "name": f"Testtjeneste {number}",
        "slug": f"testtjeneste-{number}",
        "category": category(),
        "postcode": "0150",
        "place": "Oslo",
        "municipality": municipality,
        "county": municipality.county,
        "latitude": 59.9139,
        "longitude": 10.7522,
        "phone": "099 00 000",
        "last_verified": dt.date.today(),
    }
    defaults.update(fields)
    opening = defaults.pop("opening", [])
    client_groups = defaults.pop("client_groups", [])
    created = Service.objects.create(**defaults)
    for weekday, opens, closes in opening:
        OpeningPeriod.objects.create(service=created, weekday=weekday, opens=opens, closes=closes)
    if client_groups:
        created.client_groups.set(client_groups)
    return created


def editor(username="redaktor"):
    user = User.objects.create_user(username, password="correct horse battery", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS))
    return user
