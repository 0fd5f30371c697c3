from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.page_cache import SharedSelect
from core.validators import reject_control_characters

from .models import (
    LATITUDE_RANGE,
    LONGITUDE_RANGE,
    SPOKEN_LANGUAGES,
    ClientGroup,
    ListingErrorReport,
    ServiceCategory,
)
from .selectors import DEFAULT_RADIUS_KM, SearchOutcome, ServiceFilters, search_services

# Translators: search radii in kilometres: write the numbers and the unit as your language does.
RADIUS_CHOICES = [
    (10, _("10 km")),
    (25, _("25 km")),
    (50, _("50 km")),
    (100, _("100 km")),
    (200, _("200 km")),
]
MAX_QUERY_LENGTH = 100


class SlugChoiceField(forms.ModelChoiceField):
    """A choice of category or target group by slug, so URLs stay readable."""

    def __init__(self, queryset, **kwargs):
        super().__init__(queryset, to_field_name="slug", required=False, **kwargs)


def coordinate_field(value_range):
    """A latitude or longitude from the browser, inside Norway's bounding box."""
    return forms.FloatField(
        required=False,
        widget=forms.HiddenInput,
        min_value=value_range[0],
        max_value=value_range[1],
        error_messages={
            "invalid": _("The location from your browser could not be read."),
            "min_value": _("Your location seems to be outside Norway."),
            "max_value": _("Your location seems to be outside Norway."),
        },
    )


class ServiceSearchForm(forms.Form):
    """Where to look and what for. Every field is optional; a bad value is a form error,
    never a server error."""

    q = forms.CharField(
        label=_("Postcode, place or municipality"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        strip=True,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "inputmode": "search",
                "placeholder": _("e.g. 0150, Tromsø or Bærum"),
            }
        ),
        error_messages={"max_length": _("Write at most %(limit_value)d characters.")},
    )
    # Filled in by "Use my location" (rounded in the browser; never stored or logged).
    lat = coordinate_field(LATITUDE_RANGE)
    lon = coordinate_field(LONGITUDE_RANGE)
    category = SlugChoiceField(
        ServiceCategory.objects.all(),
        label=_("Kind of help"),
        widget=SharedSelect(shared_as="service-categories"),
        empty_label=_("All kinds"),
        error_messages={"invalid_choice": _("Choose a kind of help from the list.")},
    )
    target = SlugChoiceField(
        ClientGroup.objects.all(),
        label=pgettext_lazy("who a service is for", "For"),
        widget=SharedSelect(shared_as="service-client-groups"),
        empty_label=_("Everyone"),
        error_messages={"invalid_choice": _("Choose a group from the list.")},
    )
    open_now = forms.BooleanField(label=_("Open now"), required=False)
    radius = forms.TypedChoiceField(
        label=_("Distance"),
        choices=RADIUS_CHOICES,
        widget=SharedSelect(shared_as="service-search-radius"),
        coerce=int,
        required=False,
        empty_value=DEFAULT_RADIUS_KM,
        initial=DEFAULT_RADIUS_KM,
        error_messages={"invalid_choice": _("Choose a distance from the list.")},
    )

    language = forms.ChoiceField(
        label=_("Language spoken"),
        choices=[("", _("Any language")), *SPOKEN_LANGUAGES],
        required=False,
        widget=SharedSelect(shared_as="service-languages"),
        error_messages={"invalid_choice": _("Choose a language from the list.")},
    )
    wheelchair = forms.BooleanField(label=_("Wheelchair access"), required=False)
    free = forms.BooleanField(label=_("Free of charge"), required=False)
    no_referral = forms.BooleanField(label=_("No referral needed"), required=False)

    def __init__(self, data=None, **kwargs):
        if data is not None and not data.get("radius"):
            # Show the distance actually used when none was chosen.
            data = data.copy()
            data["radius"] = str(DEFAULT_RADIUS_KM)
        super().__init__(data, **kwargs)

    def clean(self):
        cleaned = super().clean()
        lat, lon = cleaned.get("lat"), cleaned.get("lon")
        if (
            (lat is None) != (lon is None)
            and not self.errors.get("lat")
            and not self.errors.get("lon")
        ):
            raise forms.ValidationError(_("The location from your browser could not be read."))
        return cleaned

    FILTER_FIELDS = (
        "category",
        "target",
        "open_now",
        "language",
        "wheelchair",
        "free",
        "no_referral",
    )

    @property
    def checkboxes(self):
        """The yes-or-no filters, in the order the form shows them."""
        return [self[name] for name in ("open_now", "wheelchair", "free", "no_referral")]

    @property
    def filters_chosen(self):
        """Whether the visitor chose any filter (the form shows them folded away if not)."""
        if not self.is_bound:
            return False
        data = self.data
        radius = str(data.get("radius") or DEFAULT_RADIUS_KM)
        return radius != str(DEFAULT_RADIUS_KM) or any(data.get(f) for f in self.FILTER_FIELDS)

    @property
    def coordinates(self):
        lat, lon = self.cleaned_data.get("lat"), self.cleaned_data.get("lon")
        return (lat, lon) if lat is not None and lon is not None else None

    @property
    def filters(self):
        """The filters of a valid form; none for an empty one."""
        data = getattr(self, "cleaned_data", {})
        return ServiceFilters(
            category=data.get("category"),
            client_group=data.get("target"),
            open_now=bool(data.get("open_now")),
            language=data.get("language") or "",
            wheelchair=bool(data.get("wheelchair")),
            free=bool(data.get("free")),
            no_referral=bool(data.get("no_referral")),
        )

    def search(self):
        """The search this (valid or empty) form describes."""
        if not self.is_bound:
            return SearchOutcome()
        return search_services(
            text=self.cleaned_data.get("q", ""),
            coordinates=self.coordinates,
            radius_km=self.cleaned_data.get("radius") or DEFAULT_RADIUS_KM,
            filters=self.filters,
        )


class ListingErrorReportForm(forms.ModelForm):
    class Meta:
        model = ListingErrorReport
        fields = ["message", "contact"]
        widgets = {"message": forms.Textarea(attrs={"rows": 6, "maxlength": 2000})}
        error_messages = {
            "message": {
                "required": _("Tell us what is wrong in this listing."),
                "max_length": _("Write at most %(limit_value)d characters."),
            },
            "contact": {"max_length": _("Write at most %(limit_value)d characters.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.Meta.fields:
            self.fields[name].validators.append(reject_control_characters)


class ListingProposalForm(forms.Form):
    """A service proposed for listing, e.g. by a municipality: what the editors need to
    check it. Goes into the same queue as the error reports, as one text."""

    name = forms.CharField(label=_("Name of the service"), max_length=200)
    category = forms.ModelChoiceField(
        label=_("Kind of help"), queryset=ServiceCategory.objects.all(), empty_label=None
    )
    address = forms.CharField(label=_("Address"), max_length=200, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    website = forms.URLField(
        label=_("Website"), max_length=200, required=False, assume_scheme="https"
    )
    about = forms.CharField(
        label=_("What the service does, and for whom"),
        max_length=1500,
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": 1500}),
    )
    contact = ListingErrorReport._meta.get_field("contact").formfield()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField):
                field.validators.append(reject_control_characters)
        self.fields["name"].error_messages["required"] = _("Write the service's name.")
        self.fields["about"].error_messages["required"] = _(
            "Tell us what the service does, and for whom."
        )

    def as_message(self):
        """One text for the queue: each field under its label, then what it does."""
        lines = [
            f"{self.fields[name].label}: {self.cleaned_data[name]}"
            for name in ("name", "category", "address", "phone", "website")
        ]
        return "\n".join([*lines, "", self.cleaned_data["about"]])
