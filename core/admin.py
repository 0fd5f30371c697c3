"""Admin pieces shared by the apps, the page feedback's admin, and the staff accounts'."""

import datetime as dt
from urllib.parse import urlencode

from axes.admin import AccessAttemptAdmin, IsLockedOutFilter
from axes.models import AccessAttempt
from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp import user_has_device
from modeltranslation.admin import TranslationAdmin
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from .models import PageFeedback, RateLimitAlert, TargetGroup, Topic
from .services import staff_second_factor_reset, staff_sessions_end


def bokmal_first_fieldsets(fields, *, other_fields=()):
    """Fieldsets: bokmål in place, the other languages in a collapsed fieldset."""
    source = settings.LANGUAGE_CODE
    others = [code for code, _name in settings.LANGUAGES if code != source]
    return [
        (
            None,
            {
                "fields": [build_localized_fieldname(field, source) for field in fields]
                + list(other_fields)
            },
        ),
        (
            _("Translations"),
            {
                "classes": ["collapse"],
                "fields": [
                    build_localized_fieldname(field, code) for code in others for field in fields
                ],
            },
        ),
    ]


class VocabularyForm(forms.ModelForm):
    translations_to_review = forms.MultipleChoiceField(
        choices=[(code, name) for code, name in settings.LANGUAGES if code != "nb"],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        model_field = self._meta.model._meta.get_field("translations_to_review")
        field = self.fields["translations_to_review"]
        field.label = capfirst(model_field.verbose_name)
        field.help_text = model_field.help_text


class TranslationReviewFilter(admin.SimpleListFilter):
    title = _("translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        return [("to-review", _("needs review")), ("reviewed", _("reviewed"))]

    def queryset(self, request, queryset):
        if self.value() == "to-review":
            return queryset.exclude(translations_to_review=[])
        if self.value() == "reviewed":
            return queryset.filter(translations_to_review=[])
        return queryset


class OrderedVocabularyAdmin(TranslationAdmin):
    """For the small translated vocabularies (categories, target groups, topics): name,
    slug and an order that editors set in the list, and which translations still need a
    person's reading."""

    form = VocabularyForm
    list_display = ["name", "slug", "order", "needs_review"]
    list_editable = ["order"]
    list_filter = [TranslationReviewFilter]
    prepopulated_fields = {"slug": ["name"]}

    def get_fieldsets(self, request, obj=None):
        translated = list(translator.get_options_for_model(self.model).fields)
        return bokmal_first_fieldsets(
            translated, other_fields=["slug", "order", "translations_to_review"]
        )

    @admin.display(description=_("translations to review"))
    def needs_review(self, vocabulary):
        return ", ".join(vocabulary.translations_to_review) or "–"


@admin.register(TargetGroup)
class TargetGroupAdmin(OrderedVocabularyAdmin):
    pass


@admin.register(Topic)
class TopicAdmin(OrderedVocabularyAdmin):
    pass


class ReadOnlyAdmin(admin.ModelAdmin):
    """For what staff may look at but never add, change or delete here: registers kept
    from elsewhere (counties, municipalities), figures computed by the service."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


SUMMARY_MONTHS = 6
MAX_SUMMARY_MONTHS = 24


@admin.register(PageFeedback)
class PageFeedbackAdmin(admin.ModelAdmin):
    """Read-only: what readers said, per page. The summary counts yes and no per page and
    month."""

    list_display = ["created_date", "path", "language", "helpful", "comment"]
    list_filter = ["helpful", "language", ("comment", admin.EmptyFieldListFilter)]
    search_fields = ["path", "comment"]
    date_hierarchy = "created_date"
    change_list_template = "admin/core/pagefeedback/change_list.html"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_urls(self):
        return [
            path(
                "summary/",
                self.admin_site.admin_view(self.summary_view),
                name="core_pagefeedback_summary",
            ),
            *super().get_urls(),
        ]

    def summary_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        try:
            months = int(request.GET.get("months", SUMMARY_MONTHS))
        except ValueError:
            months = SUMMARY_MONTHS
        months = min(max(months, 1), MAX_SUMMARY_MONTHS)
        month_starts = _month_starts(timezone.localdate(), months)
        rows = (
            PageFeedback.objects.filter(created_date__gte=month_starts[0])
            .annotate(month=TruncMonth("created_date"))
            .values("path", "month")
            .annotate(
                yes=Count("pk", filter=Q(helpful=True)), no=Count("pk", filter=Q(helpful=False))
            )
            .order_by("path", "month")
        )
        pages = {}
        for row in rows:
            month = row["month"]
            if isinstance(month, dt.datetime):
                month = month.date()
            counts = pages.setdefault(row["path"], {start: (0, 0) for start in month_starts})
            counts[month] = (row["yes"], row["no"])
        table = [
            {
                "path": page,
                "months": [counts[start] for start in month_starts],
                "yes": sum(yes for yes, _no in counts.values()),
                "no": sum(no for _yes, no in counts.values()),
                "changelist": reverse("admin:core_pagefeedback_changelist")
                + "?"
                + urlencode({"path": page}),
            }
            for page, counts in pages.items()
        ]
        table.sort(key=lambda row: (-(row["yes"] + row["no"]), row["path"]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Feedback per page"),
            "month_starts": month_starts,
            "months": months,
            "table": table,
        }
        return TemplateResponse(request, "admin/core/pagefeedback/summary.html", context)


def _month_starts(today, months):
    starts = []
    year, month = today.year, today.month
    for _index in range(months):
        starts.append(dt.date(year, month, 1))
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return starts[::-1]


@admin.register(RateLimitAlert)
class RateLimitAlertAdmin(ReadOnlyAdmin):
    """When a limit for everyone together was reached: for the staff to notice a flood."""

    list_display = ["created_at", "action", "ceiling"]
    list_filter = ["action"]
    date_hierarchy = "created_at"


# --- Staff accounts (decision 10) -------------------------------------------------------------

User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    """Django's user admin, with whether each account has its second factor, and the two
    things to do when a device or a session is lost: end the sessions, reset the second factor."""

    list_display = [*UserAdmin.list_display, "has_second_factor"]
    actions = ["end_sessions", "reset_second_factor"]

    @admin.display(description=_("second factor"), boolean=True)
    def has_second_factor(self, user):
        return user_has_device(user)

    @admin.action(description=_("Log the selected users out everywhere"), permissions=["change"])
    def end_sessions(self, request, queryset):
        ended = sum(staff_sessions_end(user=user) for user in queryset)
        self.message_user(
            request,
            ngettext("%(count)d session ended.", "%(count)d sessions ended.", ended)
            % {"count": ended},
        )

    @admin.action(
        description=_("Reset the second factor of the selected users (lost phone)"),
        permissions=["change"],
    )
    def reset_second_factor(self, request, queryset):
        for user in queryset:
            staff_second_factor_reset(user=user)
        self.message_user(
            request,
            ngettext(
                "The second factor of %(count)d user was removed and their sessions ended: they "
                "set up a new one at their next login.",
                "The second factors of %(count)d users were removed and their sessions ended: "
                "they set up new ones at their next login.",
                len(queryset),
            )
            % {"count": len(queryset)},
        )


@admin.register(AccessAttempt)
class LoginAttemptAdmin(AccessAttemptAdmin):
    """axes' list of failed logins and lockouts, without the columns it no longer fills
    (core/login_attempts.py). Moderators see it; deleting a row lifts that lockout."""

    list_display = ["attempt_time", "username", "ip_address", "failures_since_start", "status"]
    list_filter = ["attempt_time", IsLockedOutFilter]
    search_fields = ["username", "ip_address"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "username",
                    "ip_address",
                    "path_info",
                    "failures_since_start",
                    "attempt_time",
                ]
            },
        )
    ]
    readonly_fields = fieldsets[0][1]["fields"]
    # Not axes' "clean up expired attempts": it needs a request that went through a login.
    actions = []
