"""In headless Chromium: an order of information material from the form to the admin to
"sent": a professional fills in the form, a member of the material staff finds the order
in the admin's queue and marks it as sent, and the stock goes down."""

import pytest
from django.core import mail
from django.utils import translation

from materials.models import MaterialStock, Order
from tests import factories
from tests.staff.helpers import PASSWORD, log_in

pytestmark = pytest.mark.browser


def nb_status(status):
    with translation.override("nb"):
        return str(status.label)


def test_an_order_from_the_form_to_the_admin_to_sent(browser, live_server, browser_db):
    card = factories.material(
        "infokort", title="Infokort", title_en="Info card", stock={"nb": 100, "ar": 40}
    )
    factories.materials_staff("lager")

    orderer = browser.new_context(base_url=live_server.url, locale="en-GB")
    page = orderer.new_page()
    page.goto("/en/materiell/")
    page.get_by_role("link", name="Order material").click()
    page.wait_for_url("**/en/materiell/bestill/")
    material = page.get_by_role("group", name="Info card")
    material.get_by_label("Arabic").fill("15")
    # A mistake first: the form comes back with the error and everything typed.
    page.get_by_label("Organisation or municipality").fill("Helsestasjonen på Tøyen")
    page.get_by_label("Contact person").fill("Kari Nordmann")
    page.get_by_label("E-mail").fill("kari@toyen.example.no")
    page.get_by_label("Delivery address").fill("Hagegata 1")
    page.get_by_label("Postcode").fill("653")
    page.get_by_label("Postal place").fill("Oslo")
    page.get_by_role("button", name="Send the order").click()
    page.get_by_text("A postcode has four digits.").wait_for()
    assert page.get_by_label("Organisation or municipality").input_value() == (
        "Helsestasjonen på Tøyen"
    )
    assert page.get_by_role("group", name="Info card").get_by_label("Arabic").input_value() == "15"
    page.get_by_label("Postcode").fill("0653")
    page.get_by_role("button", name="Send the order").click()
    page.get_by_role("heading", name="Thank you for your order").wait_for()
    assert page.url.endswith("/en/materiell/bestill/takk/")
    assert orderer.cookies() == []
    orderer.close()

    order = Order.objects.get()
    assert order.status == Order.Status.RECEIVED
    assert sorted(mail_to for message in mail.outbox for mail_to in message.to) == [
        "kari@toyen.example.no",
        "lager@dinutvei.example.no",
    ]

    # The material staff: the queue, the order, the action "mark as sent".
    staff = browser.new_context(base_url=live_server.url, locale="nb-NO")
    admin = staff.new_page()
    log_in(admin, username="lager", password=PASSWORD, base_url=live_server.url)
    admin.goto("/admin/materials/order/?status__exact=received")
    row = admin.locator("#result_list tbody tr", has_text=order.number)
    assert row.count() == 1
    row.locator("input[name=_selected_action]").check()
    admin.locator("select[name=action]").select_option("mark_sent")
    admin.locator("button[name=index], .actions button[type=submit]").first.click()
    admin.wait_for_load_state("load")
    admin.goto("/admin/materials/order/")
    row = admin.locator("#result_list tbody tr", has_text=order.number)
    assert nb_status(Order.Status.SENT) in row.inner_text()
    staff.close()

    order.refresh_from_db()
    assert order.status == Order.Status.SENT and order.sent_at is not None
    assert MaterialStock.objects.get(material=card, language="ar").quantity == 25
    assert MaterialStock.objects.get(material=card, language="nb").quantity == 100
