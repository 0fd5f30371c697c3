"""The registry's admin as an editor (group "Redaktør") sees and uses it."""

import datetime as dt

import pytest
from django.urls import reverse

from services.models import ListingErrorReport, Service
from tests import factories

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    data = {
        "name": "Nytt krisesenter",
        "slug": "nytt-krisesenter",
        "category": factories.category().pk,
        "description_nb": "Hjelp hele døgnet.",
        "postcode": "9008",
        "place": "Tromsø",
        "street_address": "",
        "location_precision": "approximate",
        "latitude": "",
        "longitude": "",
        "phone": "099 00 999",
        "is_free": "on",
        "is_published": "on",
        "opening_periods-TOTAL_FORMS": "1",
        "opening_periods-INITIAL_FORMS": "0",
        "opening_periods-MIN_NUM_FORMS": "0",
        "opening_periods-MAX_NUM_FORMS": "1000",
        "opening_periods-0-weekday": "0",
        "opening_periods-0-opens": "08:00",
        "opening_periods-0-closes": "15:30",
    }
    data.update(overrides)
    return data


def test_editor_adds_a_service_placed_from_its_postcode(editor_client):
    response = editor_client.post(reverse("admin:services_service_add"), form_data())
    assert response.status_code == 302, response.context["adminform"].form.errors
    service = Service.objects.get(slug="nytt-krisesenter")
    assert (service.latitude, service.longitude) == pytest.approx((69.6513, 18.9567), abs=1e-3)
    assert service.location_precision == "approximate"
    assert service.municipality.name == "Tromsø" and service.county.name == "Troms"
    assert service.opening_periods.get().closes == dt.time(15, 30)


def test_a_point_placed_on_the_map_is_kept_as_exact(editor_client):
    data = form_data(latitude="69.680000", longitude="18.930000", location_precision="exact")
    editor_client.post(reverse("admin:services_service_add"), data)
    service = Service.objects.get(slug="nytt-krisesenter")
    assert (service.latitude, service.longitude) == (69.68, 18.93)
    assert service.location_precision == "exact"
    assert service.municipality.number == "5501"


def test_changing_the_postcode_moves_an_approximate_point(editor_client):
    editor_client.post(reverse("admin:services_service_add"), form_data())
    service = Service.objects.get()
    data = form_data(
        postcode="5003",
        place="Bergen",
        latitude=str(service.latitude),
        longitude=str(service.longitude),
    )
    editor_client.post(reverse("admin:services_service_change", args=[service.pk]), data)
    service.refresh_from_db()
    assert service.latitude == pytest.approx(60.3986, abs=1e-3)
    assert service.municipality.name == "Bergen"


def test_the_add_form_has_the_map_widget(editor_client):
    html = editor_client.get(reverse("admin:services_service_add")).content.decode()
    assert 'class="admin-map-point"' in html
    assert "js/admin-map-point.js" in html
    assert 'data-longitude-input="id_longitude"' in html


def test_changelist_filters_by_county_and_staleness(editor_client):
    fresh = factories.service(name="Fersk")
    stale = factories.service(name="Gammel", last_verified=dt.date(2020, 1, 1))
    url = reverse("admin:services_service_changelist")
    response = editor_client.get(url, {"verification": "stale"})
    assert list(response.context["cl"].result_list) == [stale]
    response = editor_client.get(url, {"county__id__exact": fresh.county_id})
    assert set(response.context["cl"].result_list) == {fresh, stale}
    response = editor_client.get(url, {"q": "Fersk"})
    assert list(response.context["cl"].result_list) == [fresh]


def test_bulk_mark_verified(editor_client):
    old = factories.service(last_verified=dt.date(2020, 1, 1))
    editor_client.post(
        reverse("admin:services_service_changelist"),
        {"action": "mark_verified", "_selected_action": [old.pk]},
    )
    old.refresh_from_db()
    assert old.last_verified == dt.date.today()


def test_the_report_queue_shows_new_reports_and_marks_them_fixed(editor_client):
    service = factories.service()
    report = ListingErrorReport.objects.create(service=service, message="Feil adresse")
    url = reverse("admin:services_listingerrorreport_changelist")
    response = editor_client.get(url, {"status__exact": "new"})
    assert list(response.context["cl"].result_list) == [report]
    editor_client.post(url, {"action": "mark_fixed", "_selected_action": [report.pk]})
    report.refresh_from_db()
    assert report.status == "fixed" and report.handled_by.username == "redaktor"


def test_counties_and_municipalities_are_read_only_for_editors(editor_client):
    assert editor_client.get(reverse("admin:services_municipality_changelist")).status_code == 200
    assert editor_client.get(reverse("admin:services_municipality_add")).status_code == 403


def test_a_panel_member_cannot_edit_services(client):
    from django.contrib.auth.models import Group, User

    from core.permissions import PANEL

    member = User.objects.create_user("panel", password="x" * 12, is_staff=True)
    member.groups.add(Group.objects.get(name=PANEL))
    client.force_login(member)
    service = factories.service()
    assert client.get(reverse("admin:services_service_changelist")).status_code == 200
    response = client.post(
        reverse("admin:services_service_change", args=[service.pk]), form_data(name="Endret")
    )
    assert response.status_code == 403
