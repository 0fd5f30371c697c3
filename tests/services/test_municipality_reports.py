"""From a municipality's page, "Is something wrong here?" and a proposed new listing reach
the editors' queue; bad input keeps what was typed and explains itself."""

import pytest
from django.urls import reverse

from core.permissions import EDITORS
from services.models import ListingErrorReport
from tests.staff import helpers

pytestmark = pytest.mark.django_db


def test_a_report_about_a_municipality_reaches_the_editors(client):
    page = client.get("/en/tjenester/kommune/5628/").content.decode()
    assert 'href="/en/tjenester/kommune/5628/meld-feil/"' in page
    response = client.post(
        "/en/tjenester/kommune/5628/meld-feil/",
        {"message": "Krisesenteret i Alta betjener også Tana.", "contact": ""},
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/tjenester/kommune/5628/takk/"
    report = ListingErrorReport.objects.get()
    assert (report.kind, report.municipality.number, report.service) == (
        "municipality",
        "5628",
        None,
    )

    client.force_login(helpers.staff_user("redaktor", groups=[EDITORS]))
    queue = client.get(reverse("admin:services_listingerrorreport_changelist")).content.decode()
    assert "Tana" in queue and "betjener også Tana" in queue


def test_a_municipality_proposes_a_new_listing(client):
    form = client.get("/en/tjenester/kommune/0301/foresla-tjeneste/")
    assert form.status_code == 200
    sent = client.post(
        "/en/tjenester/kommune/0301/foresla-tjeneste/",
        {
            "name": "Oslo krisesenter for menn",
            "category": form.context["form"].fields["category"].queryset.get(slug="krisesenter").pk,
            "address": "Storgata 1, 0155 Oslo",
            "phone": "22 00 00 00",
            "website": "oslo.example.no",
            "about": "Et krisesenter for menn og barn.",
            "contact": "post@oslo.kommune.no",
        },
    )
    assert sent.status_code == 302
    proposal = ListingErrorReport.objects.get()
    assert proposal.kind == "proposal" and proposal.municipality.number == "0301"
    assert "Oslo krisesenter for menn" in proposal.message
    assert "https://oslo.example.no" in proposal.message
    assert proposal.contact == "post@oslo.kommune.no"


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"name": "X", "category": "999", "about": "Y"},
        {"name": "X" * 201, "category": "", "about": "Y"},
        {"name": "X", "about": "Y", "website": "not a url at all"},
        {"name": "X\x00", "about": "Y"},
    ],
)
def test_a_bad_proposal_is_refused_with_a_message_and_keeps_what_was_typed(client, data):
    response = client.post("/en/tjenester/kommune/0301/foresla-tjeneste/", data)
    assert response.status_code == 200
    assert response.context["form"].errors
    html = response.content.decode()
    assert 'class="form-errors' in html or "field__error" in html
    if data.get("about"):
        assert data["about"] in html
    assert not ListingErrorReport.objects.exists()


def test_an_unknown_municipality_is_a_404(client):
    assert client.get("/tjenester/kommune/0000/meld-feil/").status_code == 404
    assert client.post("/tjenester/kommune/abcd/foresla-tjeneste/", {}).status_code == 404
