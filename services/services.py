"""Writes to the registry. Views, the admin and commands all go through these."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core import page_cache
from core.mail import send_after_commit
from core.permissions import EDITORS

from .geocoding import geocode_address, municipality_number_for_postcode
from .models import ListingErrorReport, LocationPrecision, Municipality, Service


@transaction.atomic
def listing_error_report_submit(
    *, message, contact="", service=None, municipality=None, kind=ListingErrorReport.Kind.LISTING
):
    """A report into the editors' queue: about a listing, or about a municipality's page,
    or a service proposed for it (`kind`)."""
    report = ListingErrorReport(
        kind=kind, service=service, municipality=municipality, message=message, contact=contact
    )
    report.full_clean()
    report.save()
    _notify_editors(report)
    return report


def _notify_editors(report):
    """E-mail the editors a link to a new report: not its text, which a visitor typed and
    which e-mail would carry through other hands."""
    recipients = list(
        get_user_model()
        .objects.filter(groups__name=EDITORS, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    if not recipients:
        return
    url = settings.SITE_URL + reverse("admin:services_listingerrorreport_change", args=[report.pk])
    subject = _("New in the editors' queue: %(kind)s") % {"kind": report.get_kind_display()}
    body = "\n\n".join([str(subject), _("Open it in the admin (log in first):"), url])
    send_after_commit(subject, body, recipients, about=f"listing report {report.pk}")


@transaction.atomic
def listing_error_reports_handle(*, reports, status, by, verify_listings=False):
    """Mark reports handled; with `verify_listings`, the listings they are about are marked
    verified today in the same step (the editor has just checked them)."""
    if verify_listings:
        services_mark_verified(
            services=Service.objects.filter(
                pk__in=reports.exclude(service=None).values("service_id")
            )
        )
    return reports.update(status=status, handled_by=by, handled_at=timezone.now())


def services_mark_verified(*, services, on=None):
    marked = services.update(last_verified=on or timezone.localdate())
    page_cache.content_changed()  # an update() sends no signal
    return marked


def services_publish(*, services, published):
    changed = services.update(is_published=published)
    page_cache.content_changed()
    return changed


def service_fill_location(*, service, address_changed=False):
    """Fill in what an editor left out: the point from the address (approximate when only
    the postcode or place is known) and the municipality and county from the postcode.
    A point that was only approximate follows a changed address."""
    if service.is_national:
        return
    if address_changed and service.location_precision == LocationPrecision.APPROXIMATE:
        service.latitude = service.longitude = None
        service.municipality = None
    found = None
    if not service.has_point:
        found = geocode_address(
            street_address=service.street_address,
            postcode=service.postcode,
            place=service.place,
        )
        if found is not None:
            service.latitude, service.longitude = found.latitude, found.longitude
            service.location_precision = (
                LocationPrecision.EXACT
                if found.precision == "exact"
                else LocationPrecision.APPROXIMATE
            )
    if not service.municipality_id:
        number = (
            found.municipality_number
            if found
            else municipality_number_for_postcode(service.postcode)
        )
        service.municipality = Municipality.objects.filter(number=number).first()
    if service.municipality_id:
        service.county_id = service.municipality.county_id


@transaction.atomic
def service_save(*, service, address_changed=False):
    """Save a service an editor or an import wrote, with its location completed."""
    service_fill_location(service=service, address_changed=address_changed)
    service.full_clean()
    service.save()
    return service
