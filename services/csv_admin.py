"""CSV upload and download in the admin: the editors' bulk tool (services/csv_io.py) with a
preview of every change before it is applied. Why not django-import-export:
docs/decisions/0020-csv-in-the-admin.md."""

import csv
import datetime as dt
import io
import secrets

from django import forms
from django.contrib import admin, messages
from django.core.cache import cache
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.availability import UNAVAILABLE_ERRORS

from .csv_io import CsvFileError, decode_csv, import_rows, preview_rows, read_csv, write_csv
from .models import Service

# The largest file taken: the whole registry with every language is well below this.
MAX_CSV_BYTES = 5 * 1024 * 1024
# How long an uploaded file waits in the cache for the editor to confirm its preview.
PREVIEW_SECONDS = 30 * 60
# Names in the preview for what the import compares that is not one model field.
COMPARED_NAMES = {
    "client_groups": gettext_lazy("client groups"),
    "serves": gettext_lazy("serves these municipalities"),
    "opening": gettext_lazy("opening hours"),
}


class CsvUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy(
            "In the format of “Download CSV” (UTF-8 or a spreadsheet's Windows encoding, "
            "separated by commas or semicolons). Nothing is changed before you confirm."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_CSV_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        try:
            text = decode_csv(upload.read())
            self.cleaned_data["rows"] = read_csv(text)
        except CsvFileError as error:
            raise forms.ValidationError(
                _("The file cannot be read: %(reason)s") % {"reason": error}
            ) from error
        except csv.Error as error:
            raise forms.ValidationError(
                _("The file cannot be read as CSV (%(error)s).") % {"error": error}
            ) from error
        self.cleaned_data["text"] = text
        return upload


class ConfirmForm(forms.Form):
    token = forms.CharField(max_length=64, widget=forms.HiddenInput)


def field_label(name):
    if name in COMPARED_NAMES:
        return str(COMPARED_NAMES[name])
    field_name = name.removesuffix("_id")
    try:
        return str(Service._meta.get_field(field_name).verbose_name)
    except FieldDoesNotExist:
        return name


def _cache_key(token):
    return f"services-csv-preview:{token}"


class CsvImportExportMixin:
    """For ServiceAdmin: "Upload CSV" (preview, then confirm), "Download CSV" (every service)
    and the action `download_csv` for the selected ones."""

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("csv/last-opp/", view(self.import_csv_view), name="services_service_import_csv"),
            path("csv/last-ned/", view(self.export_csv_view), name="services_service_export_csv"),
            *super().get_urls(),
        ]

    def _csv_response(self, services):
        stamp = timezone.localdate().isoformat()
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="tjenester-{stamp}.csv"'
        write_csv(response, services)
        return response

    def export_csv_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        return self._csv_response(Service.objects.all())

    def import_csv_view(self, request):
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied
        if request.method == "POST" and "token" in request.POST:
            return self._apply(request)
        form = (
            CsvUploadForm(request.POST, request.FILES)
            if request.method == "POST"
            else CsvUploadForm()
        )
        if form.is_bound and form.is_valid():
            token = secrets.token_urlsafe(24)
            try:
                cache.set(
                    _cache_key(token),
                    {"user": request.user.pk, "text": form.cleaned_data["text"]},
                    PREVIEW_SECONDS,
                )
            except UNAVAILABLE_ERRORS:
                form.add_error(None, _("The file could not be kept for the preview. Try again."))
            else:
                return self._preview(request, form.cleaned_data["rows"], token)
        return self._render(request, "admin/services/service/import_csv.html", {"form": form})

    def _preview(self, request, rows, token):
        result = preview_rows(rows)
        for row in result.rows:
            row.changed_labels = [field_label(name) for name in row.changed]
        return self._render(
            request,
            "admin/services/service/import_csv_preview.html",
            {
                "result": result,
                "confirm": ConfirmForm(initial={"token": token}),
                "expires": timezone.localtime() + dt.timedelta(seconds=PREVIEW_SECONDS),
            },
        )

    def _apply(self, request):
        form = ConfirmForm(request.POST)
        kept = None
        if form.is_valid():
            try:
                kept = cache.get(_cache_key(form.cleaned_data["token"]))
            except UNAVAILABLE_ERRORS:
                pass  # as if it had expired
        if not kept or kept["user"] != request.user.pk:
            self.message_user(
                request,
                _("The preview has expired or was not yours. Upload the file again."),
                messages.ERROR,
            )
            return HttpResponseRedirect(reverse("admin:services_service_import_csv"))
        try:
            cache.delete(_cache_key(form.cleaned_data["token"]))
        except UNAVAILABLE_ERRORS:
            pass  # left to expire; importing the same file again changes nothing
        result = import_rows(read_csv(io.StringIO(kept["text"])))
        self.message_user(
            request,
            _(
                "CSV imported: %(created)d created, %(updated)d updated, %(unchanged)d "
                "unchanged, %(rejected)d rejected."
            )
            % {
                "created": result.created,
                "updated": result.updated,
                "unchanged": result.unchanged,
                "rejected": len(result.errors),
            },
            messages.WARNING if result.errors else messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:services_service_changelist"))

    def _render(self, request, template, context):
        return TemplateResponse(
            request,
            template,
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": _("Upload services from CSV"),
                **context,
            },
        )

    @admin.action(description=gettext_lazy("Download as CSV"), permissions=["view"])
    def download_csv(self, request, queryset):
        return self._csv_response(queryset)
