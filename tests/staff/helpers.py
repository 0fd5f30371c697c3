"""Staff logins in tests: a test client whose force_login passes the second factor too, and
the authenticator app's codes."""

from django.test import Client

PASSWORD = "correct horse battery"


def nb(message):
    """A message as the admin shows it: in bokmål, translated yet or not."""
    from django.utils import translation

    with translation.override("nb"):
        return translation.gettext(message)


def second_factor(user):
    """The user's authenticator app, as the set-up leaves it: a confirmed TOTP device."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device, _created = TOTPDevice.objects.get_or_create(
        user=user, name="default", defaults={"confirmed": True}
    )
    return device


def code(device, *, offset=0):
    """The code the app shows now (offset: that many 30-second steps later)."""
    import time

    from django_otp.oath import TOTP

    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + offset * device.step
    return f"{totp.token():0{device.digits}d}"


def backup_codes(user, count=3):
    from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

    device, _created = StaticDevice.objects.get_or_create(user=user, name="backup")
    return [
        device.token_set.create(token=StaticToken.random_token()).token for _index in range(count)
    ]


def mark_verified(session, device):
    """What django_otp.login() does after a right code: the session remembers the device."""
    from django_otp import DEVICE_ID_SESSION_KEY

    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


class StaffClient(Client):
    """Django's test client. Its force_login logs in as the two-factor login page would: the
    user gets a device and the session has passed it. The settings are production's: the
    admin lets in no session that has not passed the second factor."""

    def force_login(self, user, backend=None):
        super().force_login(user, backend)
        mark_verified(self.session, second_factor(user))

    def force_login_without_second_factor(self, user, backend=None):
        super().force_login(user, backend)


def log_in(page, *, username, password=PASSWORD, device=None, base_url=""):
    """Log in through the login page in a Playwright page: the password, then the code from
    the app (the user's device made if missing). Ends on the admin's index."""
    from django.contrib.auth import get_user_model

    if device is None:
        device = second_factor(get_user_model().objects.get(username=username))
    page.goto(f"{base_url}/admin/")
    page.fill("#id_auth-username", username)
    page.fill("#id_auth-password", password)
    page.click("#login-form input[type=submit]")
    page.fill("#id_token-otp_token", code(device))
    page.click("#login-form input[type=submit]")
    page.wait_for_url("**/admin/")


# --- The login and set-up pages as the test client posts them ----------------------------------


def staff_user(username="kari.n", *, groups=(), **fields):
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user(username, password=PASSWORD, is_staff=True, **fields)
    user.groups.add(*Group.objects.filter(name__in=groups))
    return user


def post_password(client, username, password=PASSWORD, **extra):
    from django.urls import reverse

    return client.post(
        reverse("two_factor:login"),
        {
            "login_view-current_step": "auth",
            "auth-username": username,
            "auth-password": password,
        },
        **extra,
    )


def post_code(client, token, *, step="token", **extra):
    from django.urls import reverse

    return client.post(
        reverse("two_factor:login"),
        {
            "login_view-current_step": step,
            f"{step}-otp_token": token,
        },
        **extra,
    )


def code_for_key(b32key):
    """The code an app shows for a key typed in (or scanned) at the set-up."""
    import base64

    from django_otp.oath import totp

    return f"{totp(base64.b32decode(b32key)):06d}"
