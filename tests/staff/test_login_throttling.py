"""Failed staff logins are throttled per account and per address (django-axes), the address
taken as the rate limits take it, and kept without the browser's details; moderators see
the lockouts and lift them (issue 10, finding 1)."""

import datetime as dt

import pytest
from axes.models import AccessAttempt, AccessLog
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from core.permissions import PANEL, PANEL_MODERATORS
from tests.staff import helpers

pytestmark = pytest.mark.django_db

LIMIT = 5


def wrong_passwords(client, username, count=LIMIT, **extra):
    return [
        helpers.post_password(client, username, "wrong password", **extra).status_code
        for _attempt in range(count)
    ]


def reaches_the_code_step(response):
    return response.status_code == 200 and 'name="token-otp_token"' in response.content.decode()


def test_an_account_is_locked_after_five_wrong_passwords(client):
    user = helpers.staff_user()
    helpers.second_factor(user)
    assert wrong_passwords(client, user.username) == [200] * (LIMIT - 1) + [429]
    response = helpers.post_password(client, user.username)  # the right one
    assert response.status_code == 429
    assert helpers.nb("Too many failed logins") in response.content.decode()
    # from another address too: the account is locked
    response = helpers.post_password(client, user.username, REMOTE_ADDR="192.0.2.77")
    assert response.status_code == 429


def test_an_address_is_locked_after_five_wrong_passwords_for_any_accounts(client):
    user = helpers.staff_user()
    helpers.second_factor(user)
    for number in range(LIMIT):
        helpers.post_password(client, f"guess{number}", "wrong password")
    assert helpers.post_password(client, user.username).status_code == 429
    assert reaches_the_code_step(
        helpers.post_password(client, user.username, REMOTE_ADDR="192.0.2.77")
    )


@override_settings(TRUSTED_PROXIES=["127.0.0.1"])
def test_the_address_is_the_one_the_trusted_proxy_names(client):
    user = helpers.staff_user()
    helpers.second_factor(user)
    for number in range(LIMIT):
        helpers.post_password(
            client, f"guess{number}", "wrong password", HTTP_X_FORWARDED_FOR="198.51.100.9"
        )
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.9"}
    assert (
        helpers.post_password(
            client, user.username, HTTP_X_FORWARDED_FOR="198.51.100.9"
        ).status_code
        == 429
    )
    assert reaches_the_code_step(
        helpers.post_password(client, user.username, HTTP_X_FORWARDED_FOR="198.51.100.10")
    )


def test_a_forwarded_for_from_an_untrusted_peer_is_ignored(client):
    for number in range(LIMIT):
        helpers.post_password(
            client, f"guess{number}", "wrong password", HTTP_X_FORWARDED_FOR=f"198.51.100.{number}"
        )
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"127.0.0.1"}


def test_a_lockout_ends_after_15_minutes(client):
    user = helpers.staff_user()
    helpers.second_factor(user)
    wrong_passwords(client, user.username)
    AccessAttempt.objects.update(attempt_time=timezone.now() - dt.timedelta(minutes=16))
    assert reaches_the_code_step(helpers.post_password(client, user.username))
    helpers.post_code(client, helpers.code(helpers.second_factor(user)))
    assert not AccessAttempt.objects.exists()  # the next login deletes what has expired


def test_trying_during_a_lockout_does_not_extend_it(client):
    user = helpers.staff_user()
    wrong_passwords(client, user.username)
    locked_at = AccessAttempt.objects.get().attempt_time
    wrong_passwords(client, user.username, count=3)
    attempt = AccessAttempt.objects.get()
    assert attempt.attempt_time == locked_at and attempt.failures_since_start == LIMIT


def test_what_is_kept_of_a_failed_login_is_the_name_the_address_and_the_time(client):
    user = helpers.staff_user()
    helpers.second_factor(user)
    helpers.post_password(
        client,
        user.username,
        "my-old-password?next=x",
        HTTP_USER_AGENT="Mozilla/5.0 (Linux; Android 14; SM-A546B)",
        HTTP_ACCEPT="text/html,application/xhtml+xml",
    )
    helpers.post_password(
        client,
        user.username,
        "second try",
        HTTP_USER_AGENT="Mozilla/5.0 (Linux; Android 14; SM-A546B)",
    )
    attempt = AccessAttempt.objects.get()
    assert (attempt.username, attempt.ip_address, attempt.failures_since_start) == (
        user.username,
        "127.0.0.1",
        2,
    )
    assert (attempt.user_agent, attempt.http_accept, attempt.get_data, attempt.post_data) == (
        "",
        "",
        "",
        "",
    )
    helpers.post_password(client, user.username)
    helpers.post_code(client, helpers.code(helpers.second_factor(user)))
    assert client.get(reverse("admin:index")).status_code == 200
    assert not AccessLog.objects.exists()  # no diary of successful logins


def test_moderators_see_the_lockouts_and_lift_them(client):
    user = helpers.staff_user("kari.n")
    helpers.second_factor(user)
    wrong_passwords(helpers.StaffClient(), user.username)
    attempt = AccessAttempt.objects.get()
    client.force_login(helpers.staff_user("mona.m", groups=[PANEL, PANEL_MODERATORS]))
    listing = client.get(reverse("admin:axes_accessattempt_changelist"))
    assert listing.status_code == 200 and "kari.n" in listing.content.decode()
    response = client.post(
        reverse("admin:axes_accessattempt_delete", args=[attempt.pk]), {"post": "yes"}
    )
    assert response.status_code == 302 and not AccessAttempt.objects.exists()
    assert reaches_the_code_step(helpers.post_password(helpers.StaffClient(), user.username))


def test_panel_members_and_editors_do_not_see_the_lockouts(client):
    from core.permissions import EDITORS

    client.force_login(helpers.staff_user("kari.n", groups=[PANEL]))
    assert client.get(reverse("admin:axes_accessattempt_changelist")).status_code == 403
    client.force_login(helpers.staff_user("rita.r", groups=[EDITORS]))
    assert client.get(reverse("admin:axes_accessattempt_changelist")).status_code == 403
