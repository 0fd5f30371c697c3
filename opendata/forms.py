"""The API's query parameters, as HSDS 3.1's OpenAPI names them: every value checked, and a
400 that says which parameter is wrong rather than a guess or a 500."""

from django import forms
from django.core.exceptions import ValidationError

from services.selectors import MAX_RADIUS_KM

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 500


def _flag():
    return forms.TypedChoiceField(
        choices=[("true", "true"), ("false", "false")],
        coerce=lambda value: value == "true",
        empty_value=None,
        required=False,
    )


class ListQuery(forms.Form):
    page = forms.IntegerField(min_value=1, max_value=10_000_000, required=False)
    per_page = forms.IntegerField(min_value=1, max_value=MAX_PER_PAGE, required=False)
    search = forms.CharField(max_length=200, required=False, strip=True)
    format = forms.ChoiceField(choices=[("json", "json"), ("ndjson", "ndjson")], required=False)

    def clean_search(self):
        # A NUL byte is valid in a query string but not in a PostgreSQL text value.
        return self.cleaned_data["search"].replace("\x00", "")


class ServiceQuery(ListQuery):
    taxonomy_term_id = forms.UUIDField(required=False)
    taxonomy_id = forms.UUIDField(required=False)
    organization_id = forms.UUIDField(required=False)
    modified_after = forms.DateTimeField(required=False)
    minimal = _flag()
    full = _flag()


class ServiceAtLocationQuery(ServiceQuery):
    postcode = forms.RegexField(r"^\d{4}$", required=False)
    # Metres from the postcode's centre, as far as the portal's own search reaches.
    proximity = forms.IntegerField(min_value=0, max_value=MAX_RADIUS_KM * 1000, required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("proximity") is not None and not cleaned.get("postcode"):
            raise ValidationError("proximity needs a postcode")
        return cleaned


class OrganizationQuery(ListQuery):
    full = _flag()
    full_service = _flag()


class TaxonomyTermQuery(ListQuery):
    taxonomy_id = forms.UUIDField(required=False)
    top_only = _flag()
    parent_id = forms.UUIDField(required=False)


class DetailQuery(forms.Form):
    full_service = _flag()


def errors_of(form):
    """{parameter: [messages]} for a 400 answer."""
    return {
        ("query" if name == "__all__" else name): [str(message) for message in messages]
        for name, messages in form.errors.items()
    }
