from django import forms
from django.utils.translation import gettext_lazy as _

from core.validators import reject_control_characters

MAX_PLACE_LENGTH = 100


class NearbyServicesForm(forms.Form):
    """ "Find <kind of help> near you" on an article about that kind of help."""

    place = forms.CharField(
        label=_("Postcode, place or municipality"),
        max_length=MAX_PLACE_LENGTH,
        strip=True,
        validators=[reject_control_characters],
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "placeholder": _("e.g. 0150, Tromsø or Bærum")}
        ),
        error_messages={
            "required": _("Write a postcode, a place or a municipality."),
            "max_length": _("Write at most %(limit_value)d characters."),
        },
    )
    category = forms.ModelChoiceField(
        queryset=None,
        to_field_name="slug",
        label=_("Kind of help"),
        required=False,
        empty_label=None,
        error_messages={"invalid_choice": _("Choose a kind of help from the list.")},
    )

    def __init__(self, *args, categories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = categories
        if len(categories) == 1:
            self.fields["category"].widget = forms.HiddenInput()
            self.fields["category"].initial = categories[0].slug
        self.single_category = categories[0] if len(categories) == 1 else None

    def clean_category(self):
        return self.cleaned_data["category"] or self.fields["category"].queryset.first()
