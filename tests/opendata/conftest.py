"""A small published registry for the open-data tests: a shelter with all a listing can
have, a national line, and a listing that is not published."""

import datetime as dt

import pytest

from services.models import ClientGroup
from tests import factories


@pytest.fixture
def registry():
    shelter = factories.service(
        name="Krisesenteret i Bergen",
        category=factories.category("krisesenter"),
        email="post@example.no",
        website="https://example.no/",
        phone_24h="55 00 00 00",
        languages=["nb", "en", "ar"],
        wheelchair_accessible=True,
        description_nb="Et trygt sted å bo.",
        opening=[(0, dt.time(8), dt.time(16)), (4, dt.time(8), dt.time(15))],
        client_groups=list(ClientGroup.objects.filter(slug__in=["kvinner", "barn-og-unge"])),
    )
    line = factories.service(
        name="Vold- og overgrepslinjen",
        category=factories.category("hjelpetelefon"),
        is_national=True,
        is_open_24_7=True,
        latitude=None,
        longitude=None,
        postcode="",
        place="",
        municipality=None,
        county=None,
        phone="116 006",
    )
    hidden = factories.service(name="Ikke publisert", is_published=False)
    return shelter, line, hidden
