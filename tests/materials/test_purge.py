"""Retention: who ordered and where it went are deleted MATERIAL_ORDER_RETENTION_DAYS after
the order was sent or cancelled; an open order nobody handled is cancelled and purged after
MATERIAL_ORDER_OPEN_RETENTION_DAYS; the statistics stay."""

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from materials.models import Order
from materials.services import PERSONAL_FIELDS, order_cancel, order_mark_sent, orders_purge
from tests import factories

pytestmark = pytest.mark.django_db


def sent_days_ago(days, **fields):
    order = factories.material_order(**fields)
    order_mark_sent(order=order, by=None)
    Order.objects.filter(pk=order.pk).update(sent_at=timezone.now() - dt.timedelta(days=days))
    return order


def personal(order):
    order.refresh_from_db()
    return {name: getattr(order, name) for name in PERSONAL_FIELDS if getattr(order, name)}


def received_days_ago(days, **fields):
    order = factories.material_order(**fields)
    Order.objects.filter(pk=order.pk).update(received_at=timezone.now() - dt.timedelta(days=days))
    return order


def test_an_order_sent_91_days_ago_is_purged_89_days_ago_not_and_open_ones_wait(settings):
    settings.MATERIAL_ORDER_RETENTION_DAYS = 90
    settings.MATERIAL_ORDER_OPEN_RETENTION_DAYS = 180
    old = sent_days_ago(91)
    recent = sent_days_ago(89)
    waiting = received_days_ago(179)
    packed = factories.material_order()
    Order.objects.filter(pk=packed.pk).update(
        status=Order.Status.PACKED, packed_at=timezone.now() - dt.timedelta(days=100)
    )

    assert orders_purge() == {"sent orders": 1, "cancelled orders": 0, "forgotten open orders": 0}

    assert personal(old) == {}
    old.refresh_from_db()
    assert old.purged_at is not None
    # What stays: the lines, the municipality and county, the dates and the status.
    assert (old.municipality, old.county, old.status) == ("Oslo", "Oslo", Order.Status.SENT)
    assert old.lines.count() == 1 and old.received_at and old.sent_at
    assert personal(recent)["contact_name"] == "Kari Nordmann"
    assert personal(waiting)["email"] == "kari@toyen.example.no"
    assert personal(packed)["address"] == "Hagegata 1"


def test_an_open_order_nobody_handled_is_cancelled_and_purged(settings):
    settings.MATERIAL_ORDER_OPEN_RETENTION_DAYS = 180
    card = factories.material(stock={"nb": 20})
    forgotten = received_days_ago(181, lines=[(card, "nb", 5)])
    assert orders_purge()["forgotten open orders"] == 1
    forgotten.refresh_from_db()
    assert personal(forgotten) == {}
    assert forgotten.status == Order.Status.CANCELLED and forgotten.purged_at
    assert forgotten.lines.count() == 1  # the statistics stay
    assert orders_purge()["forgotten open orders"] == 0


def test_cancelled_orders_are_purged_after_the_same_time():
    old = factories.material_order()
    order_cancel(order=old, by=None)
    Order.objects.filter(pk=old.pk).update(cancelled_at=timezone.now() - dt.timedelta(days=91))
    recent = factories.material_order()
    order_cancel(order=recent, by=None)
    assert orders_purge(days=90) == {
        "sent orders": 0,
        "cancelled orders": 1,
        "forgotten open orders": 0,
    }
    assert personal(old) == {} and personal(recent)


def test_the_purge_is_safe_to_run_again():
    order = sent_days_ago(100)
    assert orders_purge()["sent orders"] == 1
    order.refresh_from_db()
    first = order.purged_at
    assert orders_purge() == {"sent orders": 0, "cancelled orders": 0, "forgotten open orders": 0}
    order.refresh_from_db()
    assert order.purged_at == first


def test_the_command_counts_with_dry_run_and_purges_without(settings):
    settings.MATERIAL_ORDER_RETENTION_DAYS = 30
    order = sent_days_ago(31)
    out = io.StringIO()
    call_command("purge_material_orders", "--dry-run", stdout=out)
    assert out.getvalue().strip() == (
        "Would purge: 1 sent orders, 0 cancelled orders, 0 forgotten open orders."
    )
    assert personal(order)
    call_command("purge_material_orders", stdout=out)
    assert personal(order) == {}


def test_the_command_takes_other_days_and_refuses_negative_ones():
    order = sent_days_ago(10)
    call_command("purge_material_orders", "--days", "20", stdout=io.StringIO())
    assert personal(order)
    call_command("purge_material_orders", "--days", "5", stdout=io.StringIO())
    assert personal(order) == {}
    with pytest.raises(CommandError):
        call_command("purge_material_orders", "--days", "-1", stdout=io.StringIO())
