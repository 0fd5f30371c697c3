"""Every write to the material orders and the catalogue goes through these: the order form,
the admin and the commands. All take keyword arguments, validate before they save and run
in a transaction; e-mail leaves only when the transaction commits."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import page_cache
from core.mail import send_after_commit
from services.gazetteer import get_gazetteer

from .models import Material, MaterialStock, Order, OrderLine, language_name
from .permissions import MATERIALS_STAFF
from .selectors import reserved_quantities

S = Order.Status


class OrderNotPossible(Exception):
    """The order or the step cannot be done as asked; `message` says why, for people."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class LineRequest:
    material: Material
    language: str
    quantity: int


# --- The orderer ----------------------------------------------------------------------------


@transaction.atomic
def order_submit(
    *,
    organisation: str,
    contact_name: str,
    email: str,
    address: str,
    postcode: str,
    place: str,
    lines: Iterable[LineRequest],
    phone: str = "",
    note: str = "",
    language: str = "",
) -> Order:
    """Store an order from the form, checked again against the stock under a lock (two
    orderers may ask for the last copies at once), and send the confirmation to the
    orderer and a notice to the material staff when it is committed."""
    lines = [line for line in lines if line.quantity > 0]
    if not lines:
        raise OrderNotPossible(_("Choose at least one material: write how many you want."))
    materials = {line.material.pk for line in lines}
    stock = {
        (row.material_id, row.language): row
        for row in MaterialStock.objects.select_for_update()
        .filter(material__in=materials)
        .select_related("material")
    }
    reserved = reserved_quantities(materials=materials)
    for line in lines:
        row = stock.get((line.material.pk, line.language))
        if row is None or not row.material.is_orderable:
            raise OrderNotPossible(
                _("%(material)s cannot be ordered in %(language)s.")
                % {"material": line.material.title, "language": language_name(line.language)}
            )
        available = row.quantity - reserved.get((line.material.pk, line.language), 0)
        if line.quantity > min(available, row.material.max_per_order):
            raise OrderNotPossible(
                _(
                    "There are not enough copies of %(material)s in %(language)s any more. "
                    "Check the numbers and send the order again."
                )
                % {"material": row.material.title, "language": language_name(line.language)}
            )

    place_found = get_gazetteer().postcode(postcode)
    order = Order(
        organisation=organisation,
        contact_name=contact_name,
        email=email,
        phone=phone,
        address=address,
        postcode=postcode,
        place=place,
        note=note,
        language=language[:10],
        municipality_number=place_found.municipality_number if place_found else "",
        municipality=place_found.municipality if place_found else "",
        county=place_found.county if place_found else "",
    )
    order.full_clean()
    order.save()
    created = []
    for line in lines:
        order_line = OrderLine(
            order=order, material=line.material, language=line.language, quantity=line.quantity
        )
        order_line.full_clean()
        created.append(order_line)
    OrderLine.objects.bulk_create(created)
    _confirm_to_orderer(order, created)
    _notify_staff(order, created)
    return order


def _line_text(line):
    return f"{line.quantity} × {line.material.title} ({language_name(line.language)})"


def _confirm_to_orderer(order, lines):
    """What was ordered and its number, in the language of the page it was ordered on.
    Nothing the orderer typed freely is repeated (name, organisation, address, note): the
    form takes any e-mail address, so the confirmation must not carry a message of a
    stranger's choosing to someone else, and it passes through other hands."""
    language = order.language if order.language in dict(settings.LANGUAGES) else None
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = _("[Din utvei] Your order %(number)s of information material") % {
            "number": order.number
        }
        body = "\n\n".join(
            [
                _("Thank you for your order. We have received it and will send it by post.")
                + " "
                + _("Your order number is %(number)s.") % {"number": order.number},
                _("You ordered:") + "\n" + "\n".join(f"- {_line_text(line)}" for line in lines),
                _(
                    "We send it to the address you gave in the form. We delete your name, "
                    "e-mail, phone number, address and note %(days)s days after the order "
                    "has been sent."
                )
                % {"days": settings.MATERIAL_ORDER_RETENTION_DAYS},
                _("If you did not order this, you can ignore this e-mail."),
            ]
        )
    send_after_commit(subject, body, [order.email], about=f"material order {order.pk}")


def material_staff_emails():
    """The e-mail addresses of the active staff in the material group."""
    users = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=MATERIALS_STAFF)
        .exclude(email="")
    )
    return sorted(set(users.values_list("email", flat=True)))


def _notify_staff(order, lines):
    """A link to the order in the admin and its size: who ordered and where it goes stay
    in the admin, since e-mail passes through other hands."""
    recipients = material_staff_emails()
    if not recipients:
        return
    copies = sum(line.quantity for line in lines)
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("[Din utvei] New order of information material %(number)s") % {
            "number": order.number
        }
        url = settings.SITE_URL + reverse("admin:materials_order_change", args=[order.pk])
        body = "\n\n".join(
            [
                ngettext(
                    "A new order has come in: %(lines)d line, %(copies)d copies in all.",
                    "A new order has come in: %(lines)d lines, %(copies)d copies in all.",
                    len(lines),
                )
                % {"lines": len(lines), "copies": copies},
                _("Open it in the admin (log in first):"),
                url,
            ]
        )
    send_after_commit(subject, body, recipients, about=f"material order {order.pk}")


# --- The staff ------------------------------------------------------------------------------


def _locked(order):
    return Order.objects.select_for_update().get(pk=order.pk)


def _require(order, allowed, message):
    if order.status not in allowed:
        raise OrderNotPossible(
            message % {"number": order.number, "status": order.get_status_display()}
        )


@transaction.atomic
def order_mark_packed(*, order: Order, by: AbstractBaseUser | None) -> Order:
    order = _locked(order)
    _require(order, {S.RECEIVED}, _("Order %(number)s is %(status)s and cannot be packed."))
    order.status, order.packed_at, order.handled_by = S.PACKED, timezone.now(), by
    order.save(update_fields=["status", "packed_at", "handled_by"])
    return order


@transaction.atomic
def order_mark_sent(*, order: Order, by: AbstractBaseUser | None) -> Order:
    """Sent: its copies leave the shelf (once; a sent order cannot be sent again)."""
    order = _locked(order)
    _require(order, {S.RECEIVED, S.PACKED}, _("Order %(number)s is %(status)s and cannot be sent."))
    lines = list(order.lines.select_related("material"))
    stock = {
        (row.material_id, row.language): row
        for row in MaterialStock.objects.select_for_update().filter(
            material__in={line.material_id for line in lines}
        )
    }
    for line in lines:
        row = stock.get((line.material_id, line.language))
        if row is None or row.quantity < line.quantity:
            raise OrderNotPossible(
                _(
                    "Order %(number)s cannot be sent: there are fewer than %(quantity)d copies "
                    "of %(material)s in %(language)s on the shelf. Correct the stock first."
                )
                % {
                    "number": order.number,
                    "quantity": line.quantity,
                    "material": line.material.title,
                    "language": language_name(line.language),
                }
            )
    for line in lines:
        MaterialStock.objects.filter(pk=stock[(line.material_id, line.language)].pk).update(
            quantity=F("quantity") - line.quantity
        )
    order.status, order.sent_at, order.handled_by = S.SENT, timezone.now(), by
    order.save(update_fields=["status", "sent_at", "handled_by"])
    # The catalogue shows what is on the shelf; update() sends no signal.
    page_cache.content_changed()
    return order


@transaction.atomic
def order_cancel(*, order: Order, by: AbstractBaseUser | None) -> Order:
    """Cancelled: its copies are no longer held back. A sent order cannot be cancelled."""
    order = _locked(order)
    _require(
        order, {S.RECEIVED, S.PACKED}, _("Order %(number)s is %(status)s and cannot be cancelled.")
    )
    order.status, order.cancelled_at, order.handled_by = S.CANCELLED, timezone.now(), by
    order.save(update_fields=["status", "cancelled_at", "handled_by"])
    return order


# --- Retention ------------------------------------------------------------------------------

PERSONAL_FIELDS = Order.PERSONAL_FIELDS


def orders_purge(*, now=None, days=None, open_days=None, dry_run=False) -> dict[str, int]:
    """Delete who ordered and where it went from the orders sent or cancelled at least
    `days` (MATERIAL_ORDER_RETENTION_DAYS) ago, and from the open orders nobody handled in
    `open_days` (MATERIAL_ORDER_OPEN_RETENTION_DAYS), which are cancelled (their copies go
    back to the offer). What stays is the statistics: the lines, the municipality and
    county, the dates. Safe to run again: returns the counts."""
    now = now or timezone.now()
    due = Order.objects.purge_due(now=now, days=days)
    forgotten = Order.objects.forgotten(now=now, days=open_days)
    counts = {
        "sent orders": due.filter(status=S.SENT).count(),
        "cancelled orders": due.filter(status=S.CANCELLED).count(),
        "forgotten open orders": forgotten.count(),
    }
    if not dry_run:
        with transaction.atomic():
            forgotten.update(
                status=S.CANCELLED,
                cancelled_at=now,
                handled_by=None,
                purged_at=now,
                **dict.fromkeys(PERSONAL_FIELDS, ""),
            )
            due.update(purged_at=now, **dict.fromkeys(PERSONAL_FIELDS, ""))
    return counts


# --- The catalogue --------------------------------------------------------------------------


@transaction.atomic
def material_demo_add(
    *,
    slug: str,
    kind: str,
    titles: dict[str, str],
    descriptions: dict[str, str],
    stock: dict[str, int],
    max_per_order: int = 50,
    position: int = 0,
) -> Material:
    """A demo material, keyed on its slug: its texts are set again, its stock only when a
    language is new (a second run keeps what the staff changed)."""
    material = Material.objects.filter(slug=slug).first() or Material(slug=slug)
    material.kind, material.max_per_order, material.position = kind, max_per_order, position
    for code, text in titles.items():
        setattr(material, f"title_{code}", text)
    for code, text in descriptions.items():
        setattr(material, f"description_{code}", text)
    material.full_clean()
    material.save()
    for language, quantity in stock.items():
        MaterialStock.objects.get_or_create(
            material=material, language=language, defaults={"quantity": quantity}
        )
    return material
