"""Shelter places: a shelter's own staff say, in one tap, whether it has places tonight.
Object-level: a member of the "Krisesenter" group may set the status of the shelters they
are tied to (Service.shelter_staff) and of no other."""

from django.db.models import OuterRef, Subquery

from .models import SHELTER_CATEGORY, Service, ShelterStatus


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
