"""The material staff's queue in the admin: the orders with their lines, the actions that
take the steps, the catalogue with its stock; and no one else's way in."""

import pytest
from django.contrib import messages
from django.contrib.auth.models import Group
from django.urls import reverse

from materials.models import Material, MaterialStock, Order
from materials.permissions import MATERIALS_STAFF
from tests import factories

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/materials/order/"


def said(response, singular, plural, count):
    """Whether the admin (in bokmål) said this, translated yet or not."""
    from django.utils import translation

    with translation.override("nb"):
        message = translation.ngettext(singular, plural, count) % {"count": count}
    return message in response.content.decode()


@pytest.fixture
def staff_client(client):
    client.force_login(factories.materials_staff())
    return client


def act(client, action, orders, **extra):
    return client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [order.pk for order in orders], **extra},
        follow=True,
    )


def test_the_group_exists_with_its_permissions():
    group = Group.objects.get(name=MATERIALS_STAFF)
    held = set(group.permissions.values_list("codename", flat=True))
    assert {"view_order", "change_order", "change_materialstock", "add_material"} <= held
    assert "delete_order" not in held and "add_order" not in held


def test_the_queue_lists_the_orders_and_filters_by_status(staff_client):
    received = factories.material_order(organisation="Skolen")
    sent = factories.material_order(organisation="NAV Gamle Oslo")
    from materials.services import order_mark_sent

    order_mark_sent(order=sent, by=None)
    page = staff_client.get(CHANGELIST).content.decode()
    assert received.number in page and sent.number in page
    filtered = staff_client.get(CHANGELIST + "?status__exact=received").content.decode()
    assert "Skolen" in filtered and "NAV Gamle Oslo" not in filtered
    for term in (sent.number, str(sent.pk), sent.number.lower()):
        found = staff_client.get(CHANGELIST, {"q": term}).content.decode()
        assert "NAV Gamle Oslo" in found and "Skolen" not in found, term
    assert "Skolen" in staff_client.get(CHANGELIST, {"q": "skol"}).content.decode()


def test_an_order_shows_its_lines_and_cannot_be_added_or_deleted_here(staff_client):
    card = factories.material(title="Infokort", stock={"nb": 50})
    order = factories.material_order(lines=[(card, "nb", 12)])
    page = staff_client.get(reverse("admin:materials_order_change", args=[order.pk]))
    assert page.status_code == 200
    assert "Infokort" in page.content.decode() and "12" in page.content.decode()
    assert staff_client.get("/admin/materials/order/add/").status_code == 403
    delete = reverse("admin:materials_order_delete", args=[order.pk])
    assert staff_client.get(delete).status_code == 403


def test_mark_sent_takes_the_copies_off_once_and_says_what_it_could_not(staff_client):
    card = factories.material(stock={"nb": 50})
    first = factories.material_order(lines=[(card, "nb", 10)])
    second = factories.material_order(lines=[(card, "nb", 5)])
    response = act(staff_client, "mark_sent", [first, second])
    assert said(response, "%(count)d order marked as sent.", "%(count)d orders marked as sent.", 2)
    assert MaterialStock.objects.get(material=card).quantity == 35
    response = act(staff_client, "mark_sent", [first])
    errors = [m for m in response.context["messages"] if m.level == messages.ERROR]
    assert len(errors) == 1 and first.number in str(errors[0])
    assert MaterialStock.objects.get(material=card).quantity == 35
    first.refresh_from_db()
    assert first.status == Order.Status.SENT and first.sent_at


def test_pack_and_cancel(staff_client):
    packed, cancelled = factories.material_order(), factories.material_order()
    response = act(staff_client, "mark_packed", [packed])
    assert said(
        response, "%(count)d order marked as packed.", "%(count)d orders marked as packed.", 1
    )
    response = act(staff_client, "cancel", [cancelled])
    assert said(response, "%(count)d order cancelled.", "%(count)d orders cancelled.", 1)
    packed.refresh_from_db()
    cancelled.refresh_from_db()
    assert (packed.status, cancelled.status) == (Order.Status.PACKED, Order.Status.CANCELLED)


def test_the_staff_set_the_stock_of_a_material(staff_client):
    card = factories.material("infokort", title="Infokort", stock={"nb": 10})
    row = card.stock.get()
    url = reverse("admin:materials_material_change", args=[card.pk])
    assert staff_client.get(url).status_code == 200
    data = {
        "title_nb": "Infokort",
        "description_nb": "",
        "slug": "infokort",
        "kind": "card",
        "max_per_order": "100",
        "is_orderable": "on",
        "position": "0",
        "stock-TOTAL_FORMS": "2",
        "stock-INITIAL_FORMS": "1",
        "stock-MIN_NUM_FORMS": "0",
        "stock-MAX_NUM_FORMS": "1000",
        "stock-0-id": str(row.pk),
        "stock-0-material": str(card.pk),
        "stock-0-language": "nb",
        "stock-0-quantity": "250",
        "stock-1-material": str(card.pk),
        "stock-1-language": "ar",
        "stock-1-quantity": "40",
    }
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert dict(card.stock.values_list("language", "quantity")) == {"nb": 250, "ar": 40}
    assert Material.objects.get(pk=card.pk).max_per_order == 100
    assert "290" in staff_client.get("/admin/materials/material/").content.decode()  # in all


def test_an_editor_or_panel_member_has_no_way_into_the_orders(client):
    factories.material_order()
    client.force_login(factories.editor())
    assert client.get(CHANGELIST).status_code == 403
