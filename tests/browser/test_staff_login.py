"""In headless Chromium: the staff login asks for the second factor and refuses a wrong one,
refuses a locked-out account even with the right password, and leads a staff member without
a device through setting one up and making backup codes. The page fixture fails a test on
any console error, so these pages also prove the site's Content-Security-Policy holds."""

import os
import re

import pytest

from tests.staff import helpers

pytestmark = pytest.mark.browser

LOGIN = re.compile(r".*/admin/konto/logg-inn/.*")
SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")


def shot(page, name):
    if SCREENSHOTS:
        page.screenshot(path=os.path.join(SCREENSHOTS, f"{name}.png"), full_page=True)


def admin_status(page):
    """What the admin answers this browser's cookies now (a redirect: not let in)."""
    return page.request.get("/admin/", max_redirects=0).status


def type_password(page, username, password=helpers.PASSWORD):
    page.fill("#id_auth-username", username)
    page.fill("#id_auth-password", password)
    page.click("#login-form input[type=submit]")


def test_a_wrong_second_factor_is_refused(page):
    user = helpers.staff_user("kari.n")
    device = helpers.second_factor(user)
    page.goto("/admin/")
    page.wait_for_url(LOGIN)
    type_password(page, "kari.n")
    page.locator("#id_token-otp_token").wait_for()
    shot(page, "staff-login-code")
    assert admin_status(page) == 302  # the password alone does not open the admin

    wrong = f"{(int(helpers.code(device)) + 1) % 1_000_000:06d}"
    page.fill("#id_token-otp_token", wrong)
    page.click("#login-form input[type=submit]")
    page.locator(".errornote").wait_for()
    shot(page, "staff-login-wrong-code")
    assert LOGIN.match(page.url)
    assert page.locator("#id_token-otp_token").is_visible()
    assert admin_status(page) == 302

    page.wait_for_timeout(1100)  # django-otp lets the next code through after a second
    page.fill("#id_token-otp_token", helpers.code(device))
    page.click("#login-form input[type=submit]")
    page.wait_for_url("**/admin/")
    assert admin_status(page) == 200


def test_a_locked_out_account_is_refused_even_with_the_right_password(page):
    helpers.second_factor(helpers.staff_user("kari.n"))
    page.goto("/admin/konto/logg-inn/")
    for _attempt in range(4):
        type_password(page, "kari.n", "not the password")
        page.locator(".errornote").wait_for()
    with page.expect_response(lambda response: response.request.method == "POST") as fifth:
        type_password(page, "kari.n", "not the password")
    assert fifth.value.status == 429
    heading = page.get_by_role("heading", name=helpers.nb("Too many failed logins"))
    heading.wait_for()
    shot(page, "staff-login-locked-out")

    page.goto("/admin/konto/logg-inn/")
    with page.expect_response(lambda response: response.request.method == "POST") as right:
        type_password(page, "kari.n")
    assert right.value.status == 429
    heading.wait_for()
    assert page.locator("#id_token-otp_token").count() == 0
    assert admin_status(page) == 302
    # Chromium reports each 429 on the console; those two are the point of this test.
    refused = [error for error in page.console_errors if "status of 429" in error]
    assert len(refused) == 2
    page.console_errors[:] = [error for error in page.console_errors if error not in refused]


def test_a_first_login_sets_up_the_second_factor_and_backup_codes(page):
    user = helpers.staff_user("kari.n")
    page.goto("/admin/")
    type_password(page, "kari.n")
    page.wait_for_url("**/admin/konto/totrinn/oppsett/")
    shot(page, "staff-setup-welcome")
    assert admin_status(page) == 302  # logged in, but not into the admin

    page.click("#login-form input[type=submit]")  # past the introduction
    qr = page.locator("img.staff-account__qr")
    qr.wait_for()
    assert qr.evaluate("async image => { await image.decode(); return image.naturalWidth; }") > 0
    shot(page, "staff-setup-qr")
    key = page.locator(".staff-account__key").inner_text().strip()
    page.fill("#id_generator-token", helpers.code_for_key(key))
    page.click("#login-form input[type=submit]")
    page.wait_for_url("**/admin/konto/totrinn/oppsett/ferdig/")
    assert user.totpdevice_set.filter(confirmed=True).count() == 1

    page.click("a[href='/admin/konto/totrinn/reservekoder/']")
    page.click("#content-main input[type=submit]")
    page.locator(".staff-account__codes li").nth(9).wait_for()
    shot(page, "staff-backup-codes")
    shown = set(page.locator(".staff-account__codes code").all_inner_texts())
    assert shown == set(user.staticdevice_set.get().token_set.values_list("token", flat=True))

    page.goto("/admin/")
    assert admin_status(page) == 200
    assert page.locator("#user-tools a[href='/admin/konto/totrinn/']").is_visible()
    page.click("#user-tools a[href='/admin/konto/totrinn/']")
    page.locator("form[action='/admin/konto/logg-ut-overalt/']").wait_for()
    shot(page, "staff-profile")
