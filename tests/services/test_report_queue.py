"""The editors' queue: a new report is e-mailed to the editors as a link (never its text),
and "fixed" can mark the listing verified in the same step."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse

from core.permissions import EDITORS, PANEL
from services.models import ListingErrorReport
from tests import factories
from tests.staff import helpers

pytestmark = pytest.mark.django_db


def test_a_new_report_tells_the_editors_by_link_only(client, django_capture_on_commit_callbacks):
    helpers.staff_user("redaktor", groups=[EDITORS], email="redaksjon@example.no")
    helpers.staff_user("uten.epost", groups=[EDITORS])
    helpers.staff_user("fagperson", groups=[PANEL], email="panel@example.no")
    service = factories.service()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/tjenester/{service.slug}/meld-feil/",
            {"message": "Telefonnummeret er feil, det er 22 33 44 55.", "contact": ""},
        )
    (message,) = mail.outbox
    assert message.to == ["redaksjon@example.no"]
    report = ListingErrorReport.objects.get()
    assert reverse("admin:services_listingerrorreport_change", args=[report.pk]) in message.body
    assert "22 33 44 55" not in message.body and "22 33 44 55" not in message.subject


def test_fixed_can_mark_the_listing_verified_in_the_same_step(client):
    old = dt.date.today() - dt.timedelta(days=500)
    service = factories.service(last_verified=old)
    other = factories.service(last_verified=old)
    report = ListingErrorReport.objects.create(service=service, message="Feil adresse")
    client.force_login(helpers.staff_user("redaktor", groups=[EDITORS]))
    response = client.post(
        reverse("admin:services_listingerrorreport_changelist"),
        {"action": "mark_fixed_and_verified", "_selected_action": [report.pk]},
    )
    assert response.status_code == 302
    report.refresh_from_db()
    service.refresh_from_db()
    other.refresh_from_db()
    assert report.status == "fixed" and report.handled_by.username == "redaktor"
    assert service.last_verified == dt.date.today()
    assert other.last_verified == old
