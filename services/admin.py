from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from modeltranslation.admin import TranslationAdmin

from core.admin import OrderedVocabularyAdmin, ReadOnlyAdmin
from core.permissions import SHELTER_STAFF

from .csv_admin import CsvImportExportMixin
from .models import (
    SPOKEN_LANGUAGES,
    ClientGroup,
    County,
    ListingErrorReport,
    Municipality,
    OpeningPeriod,
    Service,
    ServiceCategory,
    ShelterPlaces,
    ShelterStatus,
)
from .services import (
    listing_error_reports_handle,
    service_save,
    services_mark_verified,
    services_publish,
)
from .shelters import shelter_statistics
from .widgets import MapPointWidget


class StaleFilter(admin.SimpleListFilter):
    title = _("verification")
    parameter_name = "verification"

    def lookups(self, request, model_admin):
        return [("stale", _("Not verified in 12 months")), ("fresh", _("Verified recently"))]

    def queryset(self, request, queryset):
        if self.value() == "stale":
            return queryset.stale()
        if self.value() == "fresh":
            return queryset.exclude(pk__in=queryset.stale().values("pk"))
        return queryset


class ServiceAdminForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("languages spoken"),
        choices=SPOKEN_LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Service
        fields = "__all__"  # noqa: DJ007 - the admin's fieldsets choose what is shown
        widgets = {
            "latitude": MapPointWidget(precision_input_id="id_location_precision"),
            "longitude": forms.NumberInput(attrs={"step": "any"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "shelter_staff" in self.fields:
            # Only members of the shelter staff's group can be tied to a shelter.
            self.fields["shelter_staff"].queryset = get_user_model().objects.filter(
                groups__name=SHELTER_STAFF, is_active=True
            )


class OpeningPeriodInline(admin.TabularInline):
    model = OpeningPeriod
    extra = 0


@admin.register(Service)
class ServiceAdmin(CsvImportExportMixin, TranslationAdmin):
    form = ServiceAdminForm
    list_display = [
        "name",
        "category",
        "municipality",
        "county",
        "is_published",
        "verified_display",
        "open_reports",
    ]
    list_filter = [
        "category",
        "county",
        ("municipality", admin.RelatedOnlyFieldListFilter),
        StaleFilter,
        "is_published",
        "is_national",
        "is_demo",
        "client_groups",
    ]
    search_fields = ["name", "slug", "place", "postcode", "municipality__name", "phone"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["municipality"]
    filter_horizontal = ["client_groups", "serves_municipalities", "shelter_staff"]
    inlines = [OpeningPeriodInline]
    readonly_fields = ["county", "created_at", "updated_at"]
    actions = ["mark_verified", "publish", "unpublish", "download_csv"]
    list_select_related = ["category", "municipality", "county"]
    date_hierarchy = "last_verified"
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "slug",
                    "category",
                    "description_nb",
                    "client_groups",
                    "languages",
                    "is_published",
                    "is_demo",
                    "last_verified",
                ]
            },
        ),
        (
            pgettext_lazy("where a service is", "Where"),
            {
                "fields": [
                    "is_national",
                    "street_address",
                    "postcode",
                    "place",
                    "municipality",
                    "county",
                    "latitude",
                    "longitude",
                    "location_precision",
                    "serves_municipalities",
                ]
            },
        ),
        (_("Contact"), {"fields": ["phone", "phone_24h", "email", "website"]}),
        (
            _("Opening hours and access"),
            {
                "fields": [
                    "is_open_24_7",
                    "opening_hours_note_nb",
                    "is_free",
                    "needs_referral",
                    "wheelchair_accessible",
                ]
            },
        ),
        # Bokmål above; the other languages out of the way until an editor opens them.
        (
            _("Translations"),
            {
                "classes": ["collapse"],
                "fields": [
                    f"{field}_{code}"
                    for field in ("description", "opening_hours_note")
                    for code, _name in settings.LANGUAGES
                    if code != settings.LANGUAGE_CODE
                ],
            },
        ),
        (
            _("Shelter staff"),
            {
                "fields": ["shelter_staff"],
                "classes": ["collapse"],
                "description": _(
                    "Crisis shelters only: the staff who set the shelter's places tonight."
                ),
            },
        ),
        (_("History"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                open_report_count=Count(
                    "error_reports", filter=Q(error_reports__status=ListingErrorReport.Status.NEW)
                )
            )
        )

    @admin.display(description=_("last verified"), ordering="last_verified")
    def verified_display(self, service):
        if service.last_verified is None:
            return format_html(
                '<span class="stale">{}</span>', pgettext_lazy("a listing was verified", "never")
            )
        if service.is_stale:
            return format_html(
                '<span class="stale">{} ({})</span>', service.last_verified.isoformat(), _("stale")
            )
        return service.last_verified.isoformat()

    @admin.display(description=_("open reports"), ordering="open_report_count")
    def open_reports(self, service):
        if not service.open_report_count:
            return "0"
        url = reverse("admin:services_listingerrorreport_changelist")
        return format_html(
            '<a href="{}?service__id__exact={}&status__exact=new">{}</a>',
            url,
            service.pk,
            service.open_report_count,
        )

    def save_model(self, request, obj, form, change):
        address_fields = {"street_address", "postcode", "place"}
        point_fields = {"latitude", "longitude"}
        changed = set(form.changed_data)
        service_save(
            service=obj,
            address_changed=change
            and bool(changed & address_fields)
            and not changed & point_fields,
        )

    @admin.action(description=_("Mark as verified today"), permissions=["change"])
    def mark_verified(self, request, queryset):
        count = services_mark_verified(services=queryset)
        self.message_user(
            request,
            ngettext(
                "%(count)d service marked as verified.",
                "%(count)d services marked as verified.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(
        description=pgettext_lazy("admin action on listings", "Publish"), permissions=["change"]
    )
    def publish(self, request, queryset):
        services_publish(services=queryset, published=True)

    @admin.action(description=_("Unpublish"), permissions=["change"])
    def unpublish(self, request, queryset):
        services_publish(services=queryset, published=False)


@admin.register(ServiceCategory)
class ServiceCategoryAdmin(OrderedVocabularyAdmin):
    pass


@admin.register(ClientGroup)
class ClientGroupAdmin(OrderedVocabularyAdmin):
    pass


@admin.register(County)
class CountyAdmin(ReadOnlyAdmin):
    """Counties and municipalities come from Kartverket's register, not from editors."""

    list_display = ["number", "name"]
    search_fields = ["name", "number"]


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    """Kartverket's register, as it is; the editors add only the link to the municipality's
    action plan, which its public page shows."""

    list_display = ["number", "name", "county", "action_plan_url"]
    list_filter = ["county"]
    search_fields = ["name", "number"]
    fields = ["number", "name", "county", "action_plan_url"]
    readonly_fields = ["number", "name", "county"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ListingErrorReport)
class ListingErrorReportAdmin(admin.ModelAdmin):
    list_display = [
        "created_at",
        "kind",
        "about_link",
        "short_message",
        "status",
        "handled_by",
    ]
    list_filter = ["status", "kind", "service__category", "service__county"]
    search_fields = ["message", "service__name", "municipality__name"]
    list_select_related = ["service", "municipality", "handled_by"]
    readonly_fields = [
        "kind",
        "service",
        "municipality",
        "message",
        "contact",
        "created_at",
        "handled_at",
        "handled_by",
    ]
    fields = [
        "kind",
        "service",
        "municipality",
        "message",
        "contact",
        "status",
        "created_at",
        "handled_at",
        "handled_by",
    ]
    actions = ["mark_fixed", "mark_fixed_and_verified", "mark_dismissed"]

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("about"), ordering="service__name")
    def about_link(self, report):
        """The listing reported, or the municipality's public page (reports and proposals
        about a municipality)."""
        if report.service_id:
            url = reverse("admin:services_service_change", args=[report.service_id])
            return format_html('<a href="{}">{}</a>', url, report.service.name)
        return format_html(
            '<a href="{}">{}</a>', report.municipality.get_absolute_url(), report.municipality.name
        )

    @admin.display(description=_("what is wrong"))
    def short_message(self, report):
        return report.message if len(report.message) <= 80 else report.message[:79] + "…"

    def save_model(self, request, obj, form, change):
        if "status" in form.changed_data:
            obj.handled_by = request.user
            obj.handled_at = timezone.now()
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Mark as fixed"), permissions=["change"])
    def mark_fixed(self, request, queryset):
        listing_error_reports_handle(
            reports=queryset, status=ListingErrorReport.Status.FIXED, by=request.user
        )

    @admin.action(
        description=_("Mark as fixed, and the listing as verified today"), permissions=["change"]
    )
    def mark_fixed_and_verified(self, request, queryset):
        listing_error_reports_handle(
            reports=queryset,
            status=ListingErrorReport.Status.FIXED,
            by=request.user,
            verify_listings=True,
        )

    @admin.action(description=_("Dismiss"), permissions=["change"])
    def mark_dismissed(self, request, queryset):
        listing_error_reports_handle(
            reports=queryset, status=ListingErrorReport.Status.DISMISSED, by=request.user
        )


@admin.register(ShelterStatus)
class ShelterStatusAdmin(ReadOnlyAdmin):
    """The shelters' history of places, and its statistics per county and month (for the
    funder). Set by the shelters themselves on their own page, never here."""

    list_display = ["service", "places", "set_at"]
    list_filter = ["places", "service__county"]
    list_select_related = ["service"]
    date_hierarchy = "set_at"
    search_fields = ["service__name"]

    def get_urls(self):
        statistics = self.admin_site.admin_view(self.statistics_view)
        return [
            path("statistikk/", statistics, name="services_shelterstatus_statistics"),
            *super().get_urls(),
        ]

    def statistics_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": _("Shelter places per county and month"),
            "opts": self.model._meta,
            "places": ShelterPlaces.choices,
            "months": shelter_statistics(),
        }
        return TemplateResponse(request, "services/admin/shelter_statistics.html", context)
