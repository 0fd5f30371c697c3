import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import translation

from services.models import OpeningPeriod, Service
from tests import factories

OSLO = ZoneInfo("Europe/Oslo")
pytestmark = pytest.mark.django_db


def at(year, month, day, hour, minute=0):
    return dt.datetime(year, month, day, hour, minute, tzinfo=OSLO)


# 2026-11-23 is a Monday.
MONDAY = dt.date(2026, 11, 23)


def test_office_hours_are_open_inside_and_closed_outside():
    service = factories.service(opening=[(0, dt.time(8), dt.time(15, 30))])
    assert service.is_open_at(at(2026, 11, 23, 8, 0))
    assert service.is_open_at(at(2026, 11, 23, 15, 29))
    assert not service.is_open_at(at(2026, 11, 23, 15, 30))
    assert not service.is_open_at(at(2026, 11, 24, 9, 0))  # Tuesday


def test_a_period_past_midnight_is_open_on_the_next_morning():
    service = factories.service(opening=[(4, dt.time(22), dt.time(6))])  # Friday night
    assert service.is_open_at(at(2026, 11, 27, 23, 0))
    assert service.is_open_at(at(2026, 11, 28, 5, 59))  # Saturday morning
    assert not service.is_open_at(at(2026, 11, 28, 6, 0))
    assert not service.is_open_at(at(2026, 11, 27, 21, 59))


def test_sunday_night_runs_into_monday():
    service = factories.service(opening=[(6, dt.time(20), dt.time(8))])
    assert service.is_open_at(at(2026, 11, 23, 7, 0))
    assert not service.is_open_at(at(2026, 11, 23, 9, 0))


def test_open_now_uses_norwegian_time_whatever_the_clock_zone():
    service = factories.service(opening=[(0, dt.time(8), dt.time(9))])
    utc_moment = dt.datetime(2026, 11, 23, 7, 30, tzinfo=dt.UTC)  # 08:30 in Oslo
    assert service.is_open_at(utc_moment)


def test_open_at_queryset_agrees_with_the_model_method():
    day = factories.service(opening=[(0, dt.time(8), dt.time(16))])
    night = factories.service(opening=[(6, dt.time(20), dt.time(8))])
    always = factories.service(is_open_24_7=True)
    closed = factories.service(opening=[(2, dt.time(8), dt.time(16))])
    unknown = factories.service()
    services = [day, night, always, closed, unknown]
    for moment in [
        at(2026, 11, 23, 7),
        at(2026, 11, 23, 12),
        at(2026, 11, 22, 21),
        at(2026, 11, 25, 12),
        at(2026, 11, 23, 23),
    ]:
        expected = {s.pk for s in services if s.is_open_at(moment)}
        assert set(Service.objects.open_at(moment).values_list("pk", flat=True)) == expected


def test_stale_means_never_verified_or_more_than_a_year_ago():
    fresh = factories.service(last_verified=dt.date.today())
    old = factories.service(last_verified=dt.date.today() - dt.timedelta(days=400))
    never = factories.service(last_verified=None)
    assert set(Service.objects.stale()) == {old, never}
    assert old.is_stale and never.is_stale and not fresh.is_stale


def test_a_point_needs_both_coordinates_in_the_database():
    with pytest.raises(IntegrityError):
        factories.service(latitude=59.9, longitude=None)


def test_a_point_outside_norway_is_refused_by_the_database():
    with pytest.raises(IntegrityError):
        factories.service(latitude=48.85, longitude=2.35)


def test_a_local_service_needs_a_postcode_or_a_point():
    service = Service(name="X", slug="x", category=factories.category(), is_national=False)
    with pytest.raises(ValidationError):
        service.full_clean()


def test_a_postcode_has_four_digits():
    service = factories.service()
    service.postcode = "15O"
    with pytest.raises(ValidationError) as error:
        service.full_clean()
    assert "postcode" in error.value.message_dict


def test_opening_period_string_and_weekday_names():
    period = OpeningPeriod(weekday=0, opens=dt.time(8), closes=dt.time(15, 30))
    assert str(period) == "mandag 08:00–15:30"


def test_language_names_are_readable():
    service = factories.service(languages=["nb", "ar", "xx"])
    with translation.override("en"):
        assert service.language_names() == ["Norwegian Bokmål", "Arabic", "xx"]


def test_directions_link_names_only_the_service():
    service = factories.service(latitude=69.6513, longitude=18.9567)
    assert service.directions_url() == (
        "https://www.openstreetmap.org/directions?to=69.65130%2C18.95670"
    )


def test_migrations_load_every_county_and_municipality():
    from services.models import County, Municipality

    assert County.objects.count() == 15
    assert Municipality.objects.count() == 357
    assert Municipality.objects.get(number="4601").county.name == "Vestland"
