"""The information material that professionals and municipalities order (brochures,
posters, cards), its stock per language, and the orders, whose orderer's details are purged
a set time after sending (docs/decisions/0017-information-material.md)."""

import datetime as dt

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

LANGUAGE_CHOICES = settings.LANGUAGES
LANGUAGE_POSITION = {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}


LANGUAGE_NAMES = dict(settings.LANGUAGES)


def language_name(code):
    """The language's name in the page's language ("Arabisk" on a bokmål page): the
    orderer reads the page in their own language and looks for the material's."""
    return LANGUAGE_NAMES.get(code, code)


class MaterialQuerySet(models.QuerySet):
    def orderable(self):
        return self.filter(is_orderable=True)

    def with_stock(self):
        return self.prefetch_related("stock")


class Material(models.Model):
    """One item of the catalogue. The languages it exists in are its stock rows: one per
    language, with what is on the shelf."""

    class Kind(models.TextChoices):
        BROCHURE = "brochure", _("Brochure")
        POSTER = "poster", _("Poster")
        CARD = "card", pgettext_lazy("information material", "Card")
        OTHER = "other", pgettext_lazy("kind of information material", "Other")

    slug = models.SlugField(_("slug"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.BROCHURE)
    max_per_order = models.PositiveIntegerField(
        _("most per order"),
        default=50,
        validators=[MinValueValidator(1)],
        help_text=_("The most copies of one language anyone can order at a time."),
    )
    is_orderable = models.BooleanField(
        _("can be ordered"),
        default=True,
        help_text=_("Untick to show the material in the catalogue without an order field."),
    )
    position = models.PositiveSmallIntegerField(
        _("position in the catalogue"), default=0, help_text=_("Lower numbers come first.")
    )

    objects = MaterialQuerySet.as_manager()

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        constraints = [
            models.CheckConstraint(
                condition=Q(max_per_order__gte=1), name="material_max_per_order_positive"
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("materials:catalogue") + f"#{self.slug}"

    def stock_by_language(self):
        """The stock rows in the site's order of languages (from a prefetch if there is
        one)."""
        return sorted(self.stock.all(), key=lambda row: LANGUAGE_POSITION.get(row.language, 99))

    @property
    def in_stock(self):
        return any(row.quantity > 0 for row in self.stock.all())


class MaterialStock(models.Model):
    """How many copies of one material in one language are on the shelf."""

    material = models.ForeignKey(
        Material, on_delete=models.CASCADE, related_name="stock", verbose_name=_("material")
    )
    language = models.CharField(_("language"), max_length=10, choices=LANGUAGE_CHOICES)
    quantity = models.PositiveIntegerField(_("on the shelf"), default=0)

    class Meta:
        ordering = ["material", "language"]
        verbose_name = _("stock in one language")
        verbose_name_plural = _("stock per language")
        constraints = [
            models.UniqueConstraint(
                fields=["material", "language"], name="one_stock_row_per_material_and_language"
            )
        ]

    def __str__(self):
        return f"{self.material} ({self.language}): {self.quantity}"

    @property
    def language_name(self):
        return language_name(self.language)


class OrderQuerySet(models.QuerySet):
    def open(self):
        """Received or packed: waiting for the staff, and holding their copies back."""
        return self.filter(status__in=[Order.Status.RECEIVED, Order.Status.PACKED])

    def forgotten(self, *, now=None, days=None):
        """Open orders received at least `days` (MATERIAL_ORDER_OPEN_RETENTION_DAYS) ago:
        nobody sent or cancelled them, and the orderer's details must not wait for ever."""
        now = now or timezone.now()
        days = settings.MATERIAL_ORDER_OPEN_RETENTION_DAYS if days is None else days
        return self.open().filter(received_at__lte=now - dt.timedelta(days=days))

    def purge_due(self, *, now=None, days=None):
        """Orders whose orderer's details are kept no longer: sent or cancelled at least
        `days` (MATERIAL_ORDER_RETENTION_DAYS) ago, and not purged yet."""
        now = now or timezone.now()
        days = settings.MATERIAL_ORDER_RETENTION_DAYS if days is None else days
        cutoff = now - dt.timedelta(days=days)
        return self.filter(
            Q(status=Order.Status.SENT, sent_at__lte=cutoff)
            | Q(status=Order.Status.CANCELLED, cancelled_at__lte=cutoff),
            purged_at__isnull=True,
        )


class Order(models.Model):
    """An order from the form. Who ordered and where it goes are kept until
    MATERIAL_ORDER_RETENTION_DAYS after sending (or cancelling); what remains then is the
    statistics: the lines, the municipality and county of the postcode, the dates."""

    # What the orderer typed about themselves and the delivery: the form's fields, and
    # what the purge empties.
    PERSONAL_FIELDS = (
        "organisation",
        "contact_name",
        "email",
        "phone",
        "address",
        "postcode",
        "place",
        "note",
    )

    class Status(models.TextChoices):
        RECEIVED = "received", pgettext_lazy("status of an order", "Received")
        PACKED = "packed", pgettext_lazy("status of an order", "Packed")
        SENT = "sent", pgettext_lazy("status of an order", "Sent")
        CANCELLED = "cancelled", pgettext_lazy("status of an order", "Cancelled")

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.RECEIVED
    )
    language = models.CharField(
        _("language of the order"),
        max_length=10,
        blank=True,
        help_text=_("The page's language: the confirmation is written in it."),
    )
    # The orderer's details: emptied by the purge.
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), max_length=254, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    address = models.CharField(_("delivery address"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=4, blank=True)
    place = models.CharField(_("place"), max_length=100, blank=True)
    note = models.TextField(_("note"), max_length=1000, blank=True)
    # Kept for the statistics (from the postcode, by the offline gazetteer).
    municipality_number = models.CharField(_("municipality number"), max_length=4, blank=True)
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)
    county = models.CharField(_("county"), max_length=100, blank=True)

    received_at = models.DateTimeField(_("received"), default=timezone.now)
    packed_at = models.DateTimeField(_("packed"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    purged_at = models.DateTimeField(
        _("orderer's details deleted"), null=True, blank=True, editable=False
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last handled by"),
    )

    objects = OrderQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = pgettext_lazy("an order of material", "order")
        verbose_name_plural = pgettext_lazy("orders of material", "orders")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="sent") | Q(sent_at__isnull=False),
                name="sent_order_has_sent_at",
            ),
            models.CheckConstraint(
                condition=~Q(status="cancelled") | Q(cancelled_at__isnull=False),
                name="cancelled_order_has_cancelled_at",
            ),
        ]

    def __str__(self):
        return str(_("Order %(number)s") % {"number": self.number})

    @property
    def number(self):
        return f"M-{self.pk:05d}" if self.pk else "M-?"

    @property
    def is_open(self):
        return self.status in (self.Status.RECEIVED, self.Status.PACKED)


class OrderLine(models.Model):
    """So many copies of one material in one language."""

    order = models.ForeignKey(
        Order,
        on_delete=models.CASCADE,
        related_name="lines",
        verbose_name=pgettext_lazy("an order of material", "order"),
    )
    material = models.ForeignKey(
        Material, on_delete=models.PROTECT, related_name="order_lines", verbose_name=_("material")
    )
    language = models.CharField(_("language"), max_length=10, choices=LANGUAGE_CHOICES)
    quantity = models.PositiveIntegerField(_("quantity"))

    class Meta:
        ordering = ["order", "material__position", "material__slug", "language"]
        verbose_name = _("order line")
        verbose_name_plural = _("order lines")
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity__gte=1), name="order_line_quantity_positive"
            ),
            models.UniqueConstraint(
                fields=["order", "material", "language"], name="one_line_per_material_and_language"
            ),
        ]

    def __str__(self):
        return f"{self.quantity} × {self.material} ({self.language})"
