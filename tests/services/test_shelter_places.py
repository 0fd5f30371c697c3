"""Shelter places kept by the shelters: a member of the "Krisesenter" group sets the status
of the shelters they are tied to, and of no other; everyone else is refused."""

import pytest
from django.urls import reverse

from core.permissions import EDITORS, SHELTER_STAFF
from services.models import ShelterStatus
from tests import factories
from tests.staff import helpers

pytestmark = pytest.mark.django_db
PAGE = "/admin/plasser/"


@pytest.fixture
def shelters():
    own = factories.service(name="Krisesenteret i Bergen", category=factories.category())
    other = factories.service(name="Krisesenteret i Oslo", category=factories.category())
    worker = helpers.staff_user("ane.k", groups=[SHELTER_STAFF])
    own.shelter_staff.add(worker)
    return own, other, worker


def test_shelter_staff_see_and_set_only_their_own_shelter(client, shelters):
    own, other, worker = shelters
    client.force_login(worker)
    page = client.get(PAGE)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Krisesenteret i Bergen" in html and "Krisesenteret i Oslo" not in html

    saved = client.post(PAGE, {"shelter": own.pk, "places": "few"}, follow=True)
    assert saved.redirect_chain[-1][0] == PAGE
    status = ShelterStatus.objects.get()
    assert (status.service, status.places) == (own, "few")
    assert "Lagret" in saved.content.decode() or "Saved" in saved.content.decode()

    refused = client.post(PAGE, {"shelter": other.pk, "places": "available"})
    assert refused.status_code == 403
    assert ShelterStatus.objects.filter(service=other).count() == 0


@pytest.mark.parametrize("places", ["", "plenty", "available'; --"])
def test_a_status_that_is_not_one_of_the_four_is_refused(client, shelters, places):
    own, _other, worker = shelters
    client.force_login(worker)
    assert client.post(PAGE, {"shelter": own.pk, "places": places}).status_code == 403
    assert client.post(PAGE, {"shelter": "x", "places": "few"}).status_code == 403
    assert not ShelterStatus.objects.exists()


def test_others_cannot_set_places(client, shelters):
    own, _other, _worker = shelters
    assert client.get(PAGE).status_code == 302  # to the login
    assert client.post(PAGE, {"shelter": own.pk, "places": "full"}).status_code == 302
    client.force_login(helpers.staff_user("redaktor", groups=[EDITORS]))
    assert client.get(PAGE).status_code == 403
    assert client.post(PAGE, {"shelter": own.pk, "places": "full"}).status_code == 403
    assert not ShelterStatus.objects.exists()


def test_an_editor_ties_only_shelter_staff_to_a_shelter(client, shelters):
    own, _other, worker = shelters
    helpers.staff_user("kari.n", groups=[EDITORS])
    editor = helpers.staff_user("ola.r", groups=[EDITORS], is_superuser=True)
    client.force_login(editor)
    form = client.get(reverse("admin:services_service_change", args=[own.pk]))
    choices = form.context["adminform"].form.fields["shelter_staff"].queryset
    assert list(choices) == [worker]
