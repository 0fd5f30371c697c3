"""Staff sessions end after 30 idle minutes, 10 hours in any case, or when the staff member
(or an administrator) logs them out everywhere (issue 10, finding 1). Visitors still get no
session at all."""

import datetime as dt
import time

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from core.staff import SESSION_STARTED_KEY
from tests.staff import helpers
from tests.staff.helpers import StaffClient

pytestmark = pytest.mark.django_db


def is_in_the_admin(client):
    return client.get(reverse("admin:index")).status_code == 200


def test_a_session_lasts_30_idle_minutes_renewed_by_each_request():
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST and settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert settings.STAFF_SESSION_MAX_HOURS == 10


def test_each_request_pushes_the_end_of_an_idle_session(client):
    client.force_login(helpers.staff_user())
    Session.objects.update(expire_date=timezone.now() + dt.timedelta(minutes=1))
    assert is_in_the_admin(client)
    expires = Session.objects.get().expire_date
    assert expires > timezone.now() + dt.timedelta(minutes=29)


def test_an_idle_session_has_ended(client):
    client.force_login(helpers.staff_user())
    assert is_in_the_admin(client)
    Session.objects.update(expire_date=timezone.now() - dt.timedelta(seconds=1))
    assert not is_in_the_admin(client)


def test_a_session_ends_10_hours_after_it_began_however_busy(client):
    client.force_login(helpers.staff_user())
    assert is_in_the_admin(client)
    session = client.session
    assert time.time() - session[SESSION_STARTED_KEY] < 60
    session[SESSION_STARTED_KEY] = int(time.time()) - 10 * 3600 + 60
    session.save()
    assert is_in_the_admin(client)
    session = client.session
    session[SESSION_STARTED_KEY] = int(time.time()) - 10 * 3600 - 1
    session.save()
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_visitors_still_get_no_session_and_no_cookie(client):
    response = client.get("/")
    assert response.status_code == 200 and response.cookies == {}
    assert "Cookie" not in response.get("Vary", "")
    assert not Session.objects.exists()


def test_log_out_everywhere_ends_every_session_of_that_person_only():
    kari, ola = helpers.staff_user("kari.n"), helpers.staff_user("ola.p")
    laptop, phone, colleague = StaffClient(), StaffClient(), StaffClient()
    laptop.force_login(kari)
    phone.force_login(kari)
    colleague.force_login(ola)
    assert laptop.get(reverse("log-out-everywhere")).status_code == 405  # nothing on GET
    response = phone.post(reverse("log-out-everywhere"), follow=True)
    assert response.redirect_chain[0][0] == reverse("two_factor:login")
    assert not is_in_the_admin(laptop) and not is_in_the_admin(phone)
    assert is_in_the_admin(colleague)


def test_an_administrator_logs_someone_out_everywhere(client):
    kari = helpers.staff_user("kari.n")
    lost = StaffClient()
    lost.force_login(kari)
    client.force_login(helpers.staff_user("admin", is_superuser=True))
    response = client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "end_sessions", "_selected_action": [kari.pk]},
        follow=True,
    )
    assert response.status_code == 200
    assert not is_in_the_admin(lost)
    assert is_in_the_admin(client)


def test_an_administrator_resets_a_lost_second_factor(client):
    kari = helpers.staff_user("kari.n")
    lost = StaffClient()
    lost.force_login(kari)
    helpers.backup_codes(kari)
    client.force_login(helpers.staff_user("admin", is_superuser=True))
    client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "reset_second_factor", "_selected_action": [kari.pk]},
    )
    assert not kari.totpdevice_set.exists() and not kari.staticdevice_set.exists()
    assert not is_in_the_admin(lost)


def test_a_moderator_cannot_reset_anyone(client):
    from core.permissions import PANEL, PANEL_MODERATORS

    kari = helpers.staff_user("kari.n")
    helpers.second_factor(kari)
    client.force_login(helpers.staff_user("mona.m", groups=[PANEL, PANEL_MODERATORS]))
    response = client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "reset_second_factor", "_selected_action": [kari.pk]},
    )
    assert response.status_code == 403
    assert kari.totpdevice_set.exists()


def test_the_reset_command(capsys):
    kari = helpers.staff_user("kari.n")
    helpers.second_factor(kari)
    helpers.backup_codes(kari)
    lost = StaffClient()
    lost.force_login(kari)
    call_command("reset_second_factor", "kari.n")
    assert "2 device(s) removed" in capsys.readouterr().out
    assert not kari.totpdevice_set.exists() and not is_in_the_admin(lost)
