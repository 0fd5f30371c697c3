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


def set_places(service, places, hours_ago):
    import datetime as dt

    from django.utils import timezone

    return ShelterStatus.objects.create(
        service=service, places=places, set_at=timezone.now() - dt.timedelta(hours=hours_ago)
    )


def test_the_status_shows_on_the_listing_results_map_and_overview(client, shelters):
    own, other, _worker = shelters
    set_places(own, "few", hours_ago=3)
    set_places(own, "full", hours_ago=30)  # older, and superseded anyway

    detail = client.get(f"/tjenester/{own.slug}/").content.decode()
    assert "Places tonight: Few places left" in detail or "Få plasser igjen" in detail
    assert "3\xa0hours ago" in detail or "3\xa0timer" in detail
    results = client.get("/en/tjenester/", {"q": "0150"}).content.decode()
    assert "Few places left" in results and "unknown – call" in results  # the other shelter
    features = client.get("/en/tjenester/kart.geojson", {"q": "0150"}).json()["features"]
    places = {f["properties"]["name"]: f["properties"]["places"] for f in features}
    assert places == {
        "Krisesenteret i Bergen": "Places tonight: Few places left (updated 3\xa0hours ago)",
        "Krisesenteret i Oslo": "Places tonight: unknown – call",
    }
    overview = client.get("/en/tjenester/krisesentre/plasser/").content.decode()
    assert overview.count('class="service-card"') == 2
    assert "Few places left" in overview and "Places tonight: unknown – call" in overview


def test_after_24_hours_without_an_update_the_status_is_unknown(client, shelters):
    own, _other, _worker = shelters
    set_places(own, "available", hours_ago=24.1)
    page = client.get(f"/en/tjenester/{own.slug}/").content.decode()
    assert "Places tonight: unknown – call" in page and "Places available" not in page


def test_a_new_status_shows_at_once_and_a_kept_page_ends_when_it_goes_stale(
    client, shelters, monkeypatch
):
    from core import page_cache

    own, _other, _worker = shelters
    url = f"/en/tjenester/{own.slug}/"
    assert "unknown – call" in client.get(url).content.decode()  # and kept
    status = set_places(own, "available", hours_ago=23.5)
    moments = []
    original = page_cache.holds_until
    monkeypatch.setattr(
        page_cache, "holds_until", lambda moment: moments.append(moment) or original(moment)
    )
    assert "Places available" in client.get(url).content.decode()
    assert status.fresh_until in moments  # the page is kept no longer than that


def test_a_service_that_is_not_a_shelter_shows_no_places(client):
    line = factories.service(category=factories.category("legevakt"))
    assert "Places tonight" not in client.get(f"/en/tjenester/{line.slug}/").content.decode()


def test_the_statistics_count_each_status_per_county_and_month(client, shelters):
    import datetime as dt

    from services.models import OSLO, Municipality
    from services.shelters import shelter_statistics

    own, other, _worker = shelters  # both in Oslo
    tromso = factories.service(
        name="Krisesenteret i Tromsø", municipality=Municipality.objects.get(number="5501")
    )
    november = dt.datetime(2026, 11, 30, 23, 30, tzinfo=OSLO)  # still November in Norway
    december = dt.datetime(2026, 12, 2, 12, tzinfo=OSLO)
    for service, places, moment in [
        (own, "full", november),
        (own, "available", november),
        (other, "full", november),
        (own, "full", december),
        (tromso, "few", december),
    ]:
        ShelterStatus.objects.create(service=service, places=places, set_at=moment)

    months = {(m.county, m.month): m for m in shelter_statistics()}
    assert set(months) == {
        ("Oslo", dt.date(2026, 11, 1)),
        ("Oslo", dt.date(2026, 12, 1)),
        ("Troms", dt.date(2026, 12, 1)),
    }
    oslo_november = months[("Oslo", dt.date(2026, 11, 1))]
    assert (oslo_november.counts["full"], oslo_november.counts["available"]) == (2, 1)
    assert oslo_november.total == 3 and oslo_november.full_share == pytest.approx(2 / 3)
    assert months[("Troms", dt.date(2026, 12, 1))].counts["few"] == 1

    url = reverse("admin:services_shelterstatus_statistics")
    client.force_login(helpers.staff_user("redaktor", groups=[EDITORS]))
    page = client.get(url)
    assert page.status_code == 200 and "67 %" in page.content.decode()
    client.force_login(helpers.staff_user("ane.s", groups=[SHELTER_STAFF]))
    assert client.get(url).status_code == 403


def test_the_demo_gives_the_demo_shelters_places_once(client):
    import io

    from django.core.management import call_command

    call_command("import_services", "services/data/demo_services.csv", stdout=io.StringIO())
    call_command("load_demo_shelter_places", stdout=io.StringIO())
    count = ShelterStatus.objects.count()
    call_command("load_demo_shelter_places", stdout=io.StringIO())
    assert ShelterStatus.objects.count() == count > 0
    overview = client.get("/en/tjenester/krisesentre/plasser/").content.decode()
    assert "Places tonight: unknown – call" in overview and "updated" in overview
    category = client.get("/en/tjenester/kategori/krisesenter/").content.decode()
    assert 'href="/en/tjenester/krisesentre/plasser/"' in category
