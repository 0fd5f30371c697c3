"""A listing no one has checked for a year, and an answer older than a year, say so."""

import datetime as dt

import pytest
from django.utils import timezone

from questions.models import Question
from tests import factories

pytestmark = pytest.mark.django_db

STALE = "Vi har ikke sjekket denne informasjonen det siste året."
STALE_CARD = "Ikke sjekket det siste året"


def test_a_listing_checked_13_months_ago_warns_on_its_page_and_card(client):
    old = factories.service(
        name="Gammel oppføring", last_verified=dt.date.today() - dt.timedelta(days=400)
    )
    fresh = factories.service(name="Ny oppføring", last_verified=dt.date.today())
    assert STALE in client.get(old.get_absolute_url()).content.decode()
    assert STALE not in client.get(fresh.get_absolute_url()).content.decode()
    html = client.get("/tjenester/", {"q": "0150"}).content.decode()
    old_card = html.split("Gammel oppføring", 1)[1].split("</article>", 1)[0]
    fresh_card = html.split("Ny oppføring", 1)[1].split("</article>", 1)[0]
    assert STALE_CARD in old_card and STALE_CARD not in fresh_card


def test_a_listing_never_checked_warns_too(client):
    service = factories.service(last_verified=None)
    assert STALE in client.get(service.get_absolute_url()).content.decode()


def test_an_answer_older_than_a_year_says_so(client):
    from tests.questions import helpers

    old = helpers.published_question(title="Gammelt svar", question="Hva gjelder?", slug="gammel")
    new = helpers.published_question(title="Nytt svar", question="Hva nå?", slug="ny")
    Question.objects.filter(pk=old.pk).update(published_at=timezone.now() - dt.timedelta(days=400))
    warning = "Dette svaret ble publisert for mer enn ett år siden."
    assert warning in client.get("/sporsmal/gammel/").content.decode()
    assert warning not in client.get(f"/sporsmal/{new.public_slug}/").content.decode()
