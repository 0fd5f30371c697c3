"""The write functions: an order checked again against the stock, the staff's steps (stock
taken off once, when sent), the e-mails on commit and what they leave out."""

import pytest
from django.core import mail
from django.db import IntegrityError, transaction

from materials.models import Material, MaterialStock, Order, OrderLine
from materials.services import (
    OrderNotPossible,
    order_cancel,
    order_mark_packed,
    order_mark_sent,
)
from tests import factories

pytestmark = pytest.mark.django_db

PERSONAL = [
    "Kari Nordmann",
    "Helsestasjonen",
    "Hagegata",
    "0653",
    "22 00 00 00",
    "Levering på dagtid",
]


def shelf(material, language="nb"):
    return MaterialStock.objects.get(material=material, language=language).quantity


# --- Models --------------------------------------------------------------------------------


def test_a_material_lists_its_languages_in_the_sites_order_and_knows_if_in_stock():
    material = factories.material(title="Infokort", stock={"so": 0, "en": 5, "nb": 0})
    assert str(material) == "Infokort"
    assert [row.language for row in material.stock_by_language()] == ["nb", "en", "so"]
    assert material.in_stock
    assert not factories.material(stock={"nb": 0}).in_stock
    assert material.get_absolute_url() == f"/materiell/#{material.slug}"


def test_an_order_is_named_by_its_number():
    order = factories.material_order()
    assert order.number == f"M-{order.pk:05d}"
    assert str(order) == f"Bestilling {order.number}"
    assert order.is_open


def test_the_database_refuses_an_empty_line_and_a_second_row_per_language():
    order = factories.material_order()
    material = order.lines.get().material
    with pytest.raises(IntegrityError), transaction.atomic():
        OrderLine.objects.create(order=order, material=material, language="en", quantity=0)
    with pytest.raises(IntegrityError), transaction.atomic():
        MaterialStock.objects.create(material=material, language="nb", quantity=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Order.objects.filter(pk=order.pk).update(status=Order.Status.SENT)  # without sent_at


def test_a_material_with_orders_cannot_be_deleted_only_hidden():
    from django.db.models import ProtectedError

    order = factories.material_order()
    with pytest.raises(ProtectedError):
        order.lines.get().material.delete()


# --- Ordering ------------------------------------------------------------------------------


def test_the_order_is_checked_again_against_the_stock():
    card = factories.material(stock={"nb": 10}, max_per_order=50)
    factories.material_order(lines=[(card, "nb", 8)])
    with pytest.raises(OrderNotPossible, match="ikke lenger nok eksemplarer"):
        factories.material_order(lines=[(card, "nb", 3)])
    with pytest.raises(OrderNotPossible, match="kan ikke bestilles på"):
        factories.material_order(lines=[(card, "ar", 1)])
    with pytest.raises(OrderNotPossible, match="minst én ting"):
        factories.material_order(lines=[(card, "nb", 0)])
    Material.objects.filter(pk=card.pk).update(is_orderable=False)
    card.refresh_from_db()
    with pytest.raises(OrderNotPossible, match="kan ikke bestilles"):
        factories.material_order(lines=[(card, "nb", 1)])
    assert Order.objects.count() == 1


def test_an_unknown_postcode_is_kept_without_a_municipality():
    order = factories.material_order(postcode="0000")
    assert (order.postcode, order.municipality, order.county) == ("0000", "", "")


def test_a_bad_email_is_refused_by_the_write_function_too():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        factories.material_order(email="not an address")
    assert Order.objects.count() == 0


# --- E-mail --------------------------------------------------------------------------------


def test_the_orderer_and_the_active_material_staff_are_told_when_the_order_is_committed(
    django_capture_on_commit_callbacks,
):
    factories.materials_staff("lager1")
    factories.materials_staff("lager2")
    factories.materials_staff("borte", is_active=False)
    factories.materials_staff("uten-epost", email="")
    factories.editor("redaktor")  # not in the group
    card = factories.material(title="Infokort", stock={"nb": 100, "ar": 50})
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        order = factories.material_order(lines=[(card, "nb", 10), (card, "ar", 5)], language="en")
    assert mail.outbox == []  # nothing before the commit
    for callback in callbacks:
        callback()
    confirmation, notice = mail.outbox
    assert confirmation.to == ["kari@toyen.example.no"]
    assert notice.to == ["lager1@dinutvei.example.no", "lager2@dinutvei.example.no"]

    assert order.number in confirmation.subject and order.number in confirmation.body
    assert "10 × Infokort (Norwegian Bokmål)" in confirmation.body
    assert "5 × Infokort (Arabic)" in confirmation.body
    # What the orderer typed freely is not repeated; the staff's e-mail holds a link only.
    for text in PERSONAL:
        assert text not in confirmation.body, text
        assert text not in notice.body and text not in notice.subject, text
    assert "Infokort" not in notice.body and "kari@" not in notice.body
    assert f"/admin/materials/order/{order.pk}/change/" in notice.body
    assert "2 linjer, 15 eksemplarer" in notice.body  # the staff read bokmål


def test_a_failed_order_sends_nothing(django_capture_on_commit_callbacks):
    factories.materials_staff()
    card = factories.material(stock={"nb": 1})
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(OrderNotPossible):
            factories.material_order(lines=[(card, "nb", 2)])
    assert mail.outbox == []


def test_the_confirmation_is_in_the_language_of_the_order(django_capture_on_commit_callbacks):
    card = factories.material(title="Infokort", title_en="Info card", stock={"nb": 10})
    with django_capture_on_commit_callbacks(execute=True):
        factories.material_order(lines=[(card, "nb", 1)], language="en")
    assert "1 × Info card" in mail.outbox[0].body


def test_without_material_staff_only_the_orderer_is_told(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        factories.material_order()
    assert [message.to for message in mail.outbox] == [["kari@toyen.example.no"]]


def test_the_form_sends_both_emails(client, django_capture_on_commit_callbacks):
    from tests.materials.helpers import order_data

    factories.materials_staff()
    card = factories.material(stock={"nb": 10})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/materiell/bestill/", order_data({(card, "nb"): "2"}))
    assert response.status_code == 302
    assert len(mail.outbox) == 2


# --- The staff's steps ---------------------------------------------------------------------


def test_sending_takes_the_copies_off_the_shelf_once():
    staff = factories.materials_staff()
    card = factories.material(stock={"nb": 100, "en": 20})
    order = factories.material_order(lines=[(card, "nb", 30), (card, "en", 5)])
    assert (shelf(card), shelf(card, "en")) == (100, 20)  # ordering holds back, takes nothing

    sent = order_mark_sent(order=order, by=staff)
    assert (sent.status, sent.handled_by) == (Order.Status.SENT, staff)
    assert sent.sent_at is not None
    assert (shelf(card), shelf(card, "en")) == (70, 15)

    for step in (order_mark_sent, order_cancel, order_mark_packed):
        with pytest.raises(OrderNotPossible):
            step(order=order, by=staff)
    assert (shelf(card), shelf(card, "en")) == (70, 15)


def test_packed_then_sent():
    card = factories.material(stock={"nb": 10})
    order = factories.material_order(lines=[(card, "nb", 4)])
    packed = order_mark_packed(order=order, by=None)
    assert packed.status == Order.Status.PACKED and packed.packed_at
    with pytest.raises(OrderNotPossible):
        order_mark_packed(order=order, by=None)
    assert order_mark_sent(order=order, by=None).status == Order.Status.SENT
    assert shelf(card) == 6


def test_an_order_cannot_be_sent_when_the_shelf_has_fewer_than_it_needs():
    card = factories.material(stock={"nb": 10})
    order = factories.material_order(lines=[(card, "nb", 8)])
    MaterialStock.objects.filter(material=card).update(quantity=5)  # the staff counted again
    with pytest.raises(OrderNotPossible, match="Rett lagerbeholdningen først"):
        order_mark_sent(order=order, by=None)
    order.refresh_from_db()
    assert order.status == Order.Status.RECEIVED and shelf(card) == 5


def test_a_cancelled_order_gives_its_copies_back_to_the_offer():
    from materials.selectors import reserved_quantities

    card = factories.material(stock={"nb": 10})
    order = factories.material_order(lines=[(card, "nb", 10)])
    assert reserved_quantities() == {(card.pk, "nb"): 10}
    cancelled = order_cancel(order=order, by=None)
    assert cancelled.status == Order.Status.CANCELLED and cancelled.cancelled_at
    assert reserved_quantities() == {}
    assert shelf(card) == 10
    factories.material_order(lines=[(card, "nb", 10)])  # all ten may be ordered again


def test_sending_starts_a_new_generation_of_kept_pages(monkeypatch):
    """The catalogue shows what is on the shelf, and the stock is taken off with update()."""
    from core import page_cache

    card = factories.material(stock={"nb": 10})
    order = factories.material_order(lines=[(card, "nb", 1)])
    changes = []
    monkeypatch.setattr(page_cache, "content_changed", lambda: changes.append(1))
    order_mark_sent(order=order, by=None)
    assert changes
