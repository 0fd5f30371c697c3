"""A page per municipality: who serves it, kind by kind (the editors' "serves these
municipalities"), the nearest of each kind with its distance, and its action plan."""

import io

import pytest
from django.core.management import call_command

from services.csv_io import import_rows, read_csv
from services.models import Municipality, Service
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_registry():
    call_command("import_services", "services/data/demo_services.csv", stdout=io.StringIO())
    call_command("load_demo_service_areas", stdout=io.StringIO())


def test_every_municipality_has_a_page_with_a_shelter_in_the_demo(client, demo_registry):
    municipalities = list(Municipality.objects.values_list("number", "name"))
    assert len(municipalities) == 357
    without = []
    for number, name in municipalities:
        response = client.get(f"/en/tjenester/kommune/{number}/")
        assert response.status_code == 200, number
        html = response.content.decode()
        shelters = html.split('id="kind-krisesenter"')[1].split("<section")[0]
        if 'class="service-card"' not in shelters or f"Serves {name}:" not in shelters:
            without.append(name)
    assert without == []
    index = client.get("/en/tjenester/kommuner/").content.decode()
    assert index.count('href="/en/tjenester/kommune/') == 357


def test_the_served_by_are_listed_and_else_the_nearest_with_its_distance(client):
    tana = Municipality.objects.get(number="5628")
    shelter = factories.service(
        name="Krisesenteret i Øst-Finnmark",
        municipality=Municipality.objects.get(number="5605"),  # Kirkenes
        latitude=69.7262,
        longitude=30.0486,
    )
    page = client.get("/en/tjenester/kommune/5628/").content.decode()
    shelters = page.split('id="kind-krisesenter"')[1].split("<section")[0]
    assert "Nearest to the municipality" in shelters and "Krisesenteret i Øst-Finnmark" in shelters
    assert "km away" in shelters

    shelter.serves_municipalities.add(tana)
    page = client.get("/en/tjenester/kommune/5628/").content.decode()
    shelters = page.split('id="kind-krisesenter"')[1].split("<section")[0]
    assert "Serves Tana:" in shelters and "Nearest to the municipality" not in shelters
    assert "km away" in shelters  # its distance from Tana still shown
    assert client.get("/tjenester/kommune/9999/").status_code == 404


def test_the_action_plan_is_linked_where_the_editors_have_one(client):
    Municipality.objects.filter(number="0301").update(
        action_plan_url="https://www.oslo.kommune.no/handlingsplan-vold/"
    )
    page = client.get("/tjenester/kommune/0301/").content.decode()
    assert 'href="https://www.oslo.kommune.no/handlingsplan-vold/"' in page
    assert "handlingsplan" not in client.get("/tjenester/kommune/5628/").content.decode()


def test_the_csv_carries_who_serves_whom():
    from tests.services.test_csv import export_text

    shelter = factories.service(name="Krisesenteret i Vest")
    shelter.serves_municipalities.set(Municipality.objects.filter(number__in=["4601", "4626"]))
    rows = list(read_csv(io.StringIO(export_text())))
    assert rows[0]["serves_municipalities"] == "4601|4626"
    Service.objects.all().delete()
    assert import_rows(rows).created == 1
    numbers = Service.objects.get().serves_municipalities.values_list("number", flat=True)
    assert sorted(numbers) == ["4601", "4626"]
    rows[0]["serves_municipalities"] = "4601|0000"
    assert import_rows(rows).errors == [(2, "unknown municipality 0000")]


@pytest.mark.parametrize("typed", ["9845", "Tana"])
def test_a_search_for_a_municipality_or_its_postcode_shows_who_serves_it_first(client, typed):
    tana = Municipality.objects.get(number="5628")
    kirkenes = Municipality.objects.get(number="5605")
    shelter = factories.service(
        name="Krisesenteret i Øst-Finnmark", municipality=kirkenes, latitude=69.73, longitude=30.05
    )
    shelter.serves_municipalities.add(tana)
    factories.service(
        name="Et annet krisesenter", municipality=kirkenes, latitude=69.8, longitude=30.1
    )
    html = client.get("/en/tjenester/", {"q": typed}).content.decode()
    served = html.index('id="served-by-heading"')
    assert served < html.index('id="results-heading"')
    section = html[served : html.index("</section>", served)]
    assert "Serves Tana" in section and "Krisesenteret i Øst-Finnmark" in section
    assert "Et annet krisesenter" not in section and "km away" in section
    assert 'href="/en/tjenester/kommune/5628/"' in section
    # A category chosen applies to them too.
    chosen = client.get("/en/tjenester/", {"q": typed, "category": "legevakt"}).content.decode()
    assert 'id="served-by-heading"' not in chosen


def test_an_editor_adds_an_action_plan_and_ties_services_in_the_admin(client):
    from django.urls import reverse

    from core.permissions import EDITORS
    from tests.staff import helpers

    client.force_login(helpers.staff_user("redaktor", groups=[EDITORS]))
    oslo = Municipality.objects.get(number="0301")
    url = reverse("admin:services_municipality_change", args=[oslo.pk])
    saved = client.post(url, {"action_plan_url": "https://www.oslo.kommune.no/plan/"})
    assert saved.status_code == 302
    oslo.refresh_from_db()
    assert (oslo.action_plan_url, oslo.name) == ("https://www.oslo.kommune.no/plan/", "Oslo")
    service = factories.service()
    form = client.get(reverse("admin:services_service_change", args=[service.pk]))
    assert "serves_municipalities" in form.context["adminform"].form.fields
