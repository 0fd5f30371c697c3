"""Staff log in with a password and a second factor; the admin lets in no session that has
not passed it, and a staff member without a device is led to set one up (issue 10, 1)."""

import pytest
from django.urls import reverse

from tests.staff import helpers

pytestmark = pytest.mark.django_db

LOGIN = "/admin/konto/logg-inn/"


def is_in_the_admin(client):
    return client.get(reverse("admin:index")).status_code == 200


def test_the_admin_sends_everyone_to_the_two_factor_login(client):
    response = client.get("/admin/questions/question/", follow=True)
    assert response.redirect_chain[-1][0].startswith(f"{LOGIN}?next=")
    assert "auth-username" in response.content.decode()


def test_a_password_alone_does_not_open_the_admin(client):
    user = helpers.staff_user()
    helpers.second_factor(user)
    response = helpers.post_password(client, user.username)
    assert response.status_code == 200
    assert 'name="token-otp_token"' in response.content.decode()
    assert not is_in_the_admin(client)


def test_a_wrong_code_is_refused_and_the_right_one_lets_in(client):
    user = helpers.staff_user()
    device = helpers.second_factor(user)
    helpers.post_password(client, user.username)
    wrong = f"{(int(helpers.code(device)) + 1) % 1_000_000:06d}"
    response = helpers.post_code(client, wrong)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not is_in_the_admin(client)

    device.refresh_from_db()
    device.throttling_failure_count = 0  # django-otp makes the next try wait a second
    device.save()
    response = helpers.post_code(client, helpers.code(device))
    assert response.status_code == 302 and response["Location"] == reverse("admin:index")
    assert is_in_the_admin(client)


def test_a_backup_code_lets_in_once(client):
    user = helpers.staff_user()
    helpers.second_factor(user)
    backup = helpers.backup_codes(user, count=1)[0]
    helpers.post_password(client, user.username)
    response = client.post(
        LOGIN, {"login_view-current_step": "token", "wizard_goto_step": "backup"}
    )
    assert 'name="backup-otp_token"' in response.content.decode()
    response = helpers.post_code(client, backup, step="backup")
    assert response.status_code == 302
    assert is_in_the_admin(client)
    assert not user.staticdevice_set.get().token_set.exists()


def test_a_session_that_skipped_the_second_factor_does_not_open_the_admin(client):
    user = helpers.staff_user()
    helpers.second_factor(user)
    client.force_login_without_second_factor(user)
    response = client.get(reverse("admin:index"), follow=True)
    assert response.redirect_chain[-1][0].startswith(LOGIN)


def test_a_non_staff_account_cannot_log_in(client):
    from django.contrib.auth.models import User

    User.objects.create_user("someone", password=helpers.PASSWORD)
    response = helpers.post_password(client, "someone")
    assert response.context["form"].non_field_errors()
    assert "_auth_user_id" not in client.session


def test_staff_without_a_device_are_led_to_set_one_up_then_to_backup_codes(client):
    user = helpers.staff_user()
    response = helpers.post_password(client, user.username)
    response = client.get(response["Location"], follow=True)
    assert response.redirect_chain[-1][0] == reverse("two_factor:setup")
    assert not is_in_the_admin(client)  # logged in, but not into the admin

    setup = reverse("two_factor:setup")
    response = client.post(setup, {"setup_view-current_step": "welcome"})
    page = response.content.decode()
    assert 'name="generator-token"' in page and reverse("two_factor:qr") in page
    qr = client.get(reverse("two_factor:qr"))
    assert qr["Content-Type"].startswith("image/svg+xml") and b"<svg" in qr.content
    key = client.session["django_two_factor-qr_secret_key"]
    assert key in page  # to type in by hand

    response = client.post(
        setup,
        {"setup_view-current_step": "generator", "generator-token": helpers.code_for_key(key)},
    )
    assert response["Location"] == reverse("two_factor:setup_complete")
    assert user.totpdevice_set.filter(confirmed=True).exists()
    assert is_in_the_admin(client)
    page = client.get(response["Location"]).content.decode()
    assert reverse("two_factor:backup_tokens") in page

    response = client.post(reverse("two_factor:backup_tokens"), follow=True)
    codes = list(user.staticdevice_set.get().token_set.values_list("token", flat=True))
    assert len(codes) == 10 and all(code in response.content.decode() for code in codes)


def test_the_set_up_needs_a_login(client):
    response = client.get(reverse("two_factor:setup"))
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)


def test_the_two_factor_pages_are_never_cached(client):
    response = client.get(LOGIN)
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_staff_see_their_second_factor_page_from_the_admin(client):
    user = helpers.staff_user()
    client.force_login(user)
    helpers.backup_codes(user, count=2)
    assert reverse("two_factor:profile") in client.get(reverse("admin:index")).content.decode()
    page = client.get(reverse("two_factor:profile")).content.decode()
    assert reverse("log-out-everywhere") in page


def test_a_session_cannot_add_a_second_device(client):
    user = helpers.staff_user()
    client.force_login(user)  # passed the second factor, with one device
    setup = reverse("two_factor:setup")
    assert client.get(setup)["Location"] == reverse("two_factor:setup_complete")
    response = client.post(setup, {"setup_view-current_step": "welcome"})
    assert response.status_code == 302
    assert user.totpdevice_set.count() == 1
