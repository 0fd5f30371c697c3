"""The material staff's workplace: the catalogue with its stock, and the queue of orders,
handled with the list's actions (which call materials/services.py)."""

import re

from django.contrib import admin, messages
from django.db.models import Count, Sum
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin

from core.admin import bokmal_first_fieldsets

from .models import Material, MaterialStock, Order, OrderLine
from .services import OrderNotPossible, order_cancel, order_mark_packed, order_mark_sent


class MaterialStockInline(admin.TabularInline):
    model = MaterialStock
    fields = ["language", "quantity"]
    extra = 1


@admin.register(Material)
class MaterialAdmin(TranslationAdmin):
    list_display = ["title", "kind", "is_orderable", "max_per_order", "position", "on_shelf"]
    list_filter = ["kind", "is_orderable"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title_nb"]}
    inlines = [MaterialStockInline]
    fieldsets = bokmal_first_fieldsets(
        ["title", "description"],
        other_fields=["slug", "kind", "max_per_order", "is_orderable", "position"],
    )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(shelf_total=Sum("stock__quantity"))

    @admin.display(description=_("on the shelf, all languages"), ordering="shelf_total")
    def on_shelf(self, material):
        return material.shelf_total or 0


class OrderLineInline(admin.TabularInline):
    """What was ordered: fixed once the order is in."""

    model = OrderLine
    fields = ["material", "language", "quantity"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Order)
class OrderAdmin(admin.ModelAdmin):
    list_display = [
        "number",
        "status",
        "organisation",
        "municipality",
        "copies",
        "received_at",
        "sent_at",
    ]
    list_display_links = ["number"]
    list_filter = ["status", "received_at", "sent_at", "county"]
    search_fields = ["organisation", "contact_name", "email", "municipality"]
    date_hierarchy = "received_at"
    list_per_page = 50
    inlines = [OrderLineInline]
    readonly_fields = [
        "number",
        "status",
        "language",
        "municipality",
        "county",
        "received_at",
        "packed_at",
        "sent_at",
        "cancelled_at",
        "purged_at",
        "handled_by",
    ]
    fieldsets = [
        (None, {"fields": ["number", "status", "language"]}),
        (
            _("Orderer and delivery"),
            {
                "description": _(
                    "Deleted automatically a set time after the order was sent or cancelled."
                ),
                "fields": Order.PERSONAL_FIELDS,
            },
        ),
        (
            _("Statistics and history"),
            {
                "fields": [
                    "municipality",
                    "county",
                    "received_at",
                    "packed_at",
                    "sent_at",
                    "cancelled_at",
                    "purged_at",
                    "handled_by",
                ]
            },
        ),
    ]
    actions = ["mark_packed", "mark_sent", "cancel"]

    def has_add_permission(self, request):
        return False  # orders come from the form

    def has_delete_permission(self, request, obj=None):
        return False  # the purge removes what must go; the rest is the statistics

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("handled_by")
            .annotate(copy_count=Sum("lines__quantity"), line_count=Count("lines"))
        )

    def get_search_results(self, request, queryset, search_term):
        """An order's number (M-00012, or 12) finds it."""
        found = re.fullmatch(r"\s*(?:[Mm]-?)?0*(\d{1,9})\s*", search_term or "")
        if found:
            return queryset.filter(pk=int(found.group(1))), False
        return super().get_search_results(request, queryset, search_term)

    @admin.display(description=_("number"), ordering="pk")
    def number(self, order):
        return order.number

    @admin.display(description=_("copies"), ordering="copy_count")
    def copies(self, order):
        return order.copy_count or 0

    def _take(self, request, queryset, step, done_message):
        done, problems = 0, []
        for order in queryset.order_by("pk"):
            try:
                step(order=order, by=request.user)
            except OrderNotPossible as error:
                problems.append(error.message)
            else:
                done += 1
        if done:
            self.message_user(request, done_message(done), messages.SUCCESS)
        for problem in problems:
            self.message_user(request, problem, messages.ERROR)

    @admin.action(description=_("Mark as packed"), permissions=["change"])
    def mark_packed(self, request, queryset):
        self._take(
            request,
            queryset,
            order_mark_packed,
            lambda count: (
                ngettext(
                    "%(count)d order marked as packed.", "%(count)d orders marked as packed.", count
                )
                % {"count": count}
            ),
        )

    @admin.action(
        description=_("Mark as sent (takes the copies off the stock)"), permissions=["change"]
    )
    def mark_sent(self, request, queryset):
        self._take(
            request,
            queryset,
            order_mark_sent,
            lambda count: (
                ngettext(
                    "%(count)d order marked as sent.", "%(count)d orders marked as sent.", count
                )
                % {"count": count}
            ),
        )

    @admin.action(description=_("Cancel"), permissions=["change"])
    def cancel(self, request, queryset):
        self._take(
            request,
            queryset,
            order_cancel,
            lambda count: (
                ngettext("%(count)d order cancelled.", "%(count)d orders cancelled.", count)
                % {"count": count}
            ),
        )
