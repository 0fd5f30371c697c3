"""Shelter places: a shelter's own staff say, in one tap, whether it has places tonight.
Object-level: a member of the "Krisesenter" group may set the status of the shelters they
are tied to (Service.shelter_staff) and of no other."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import TruncMonth

from .models import OSLO, SHELTER_CATEGORY, Service, ShelterPlaces, ShelterStatus


def shelters_kept_by(user):
    """The shelters this staff member may set the places of."""
    if not user.is_active or not user.has_perm("services.set_shelter_status"):
        return Service.objects.none()
    shelters = Service.objects.filter(category__slug=SHELTER_CATEGORY)
    if not user.is_superuser:
        shelters = shelters.filter(shelter_staff=user)
    return shelters.order_by("name")


def with_shelter_status(services):
    """Each service with its latest status, if any, as `latest_places` and
    `latest_places_set_at` (one subquery each, not a query per service)."""
    latest = ShelterStatus.objects.filter(service=OuterRef("pk")).order_by("-set_at")
    return services.annotate(
        latest_places=Subquery(latest.values("places")[:1]),
        latest_places_set_at=Subquery(latest.values("set_at")[:1]),
    )


def shelter_status_set(*, user, service, places):
    """Record a shelter's places, if this user keeps this shelter."""
    if not shelters_kept_by(user).filter(pk=service.pk).exists():
        raise PermissionError(f"{user} does not keep {service}")
    return ShelterStatus.objects.create(service=service, places=places)


@dataclass(frozen=True)
class ShelterMonth:
    county: str
    month: dt.date
    counts: dict  # places value → how many times it was set

    @property
    def total(self):
        return sum(self.counts.values())

    @property
    def full_share(self):
        """The share of the settings that said "full" (0–1)."""
        return self.counts[ShelterPlaces.FULL] / self.total if self.total else 0.0


def shelter_statistics():
    """For the funder: per county and month (Norwegian time), how many times the shelters
    set each status, and the share that said "full"."""
    rows = (
        ShelterStatus.objects.annotate(month=TruncMonth("set_at", tzinfo=OSLO))
        .values("service__county__name", "month", "places")
        .annotate(count=Count("pk"))
    )
    table = {}
    for row in rows:
        month = row["month"]
        month = month.date() if isinstance(month, dt.datetime) else month
        key = (row["service__county__name"] or "–", month)
        counts = table.setdefault(key, dict.fromkeys(ShelterPlaces.values, 0))
        counts[row["places"]] += row["count"]
    return [
        ShelterMonth(county, month, counts) for (county, month), counts in sorted(table.items())
    ]
