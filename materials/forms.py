from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from core.validators import reject_control_characters

from .models import Order, language_name
from .selectors import Offer
from .services import LineRequest

MAX_TEXT = {"organisation": 200, "contact_name": 200, "address": 200, "place": 100}
MAX_NOTE = 1000
TOO_LONG = _("Write at most %(limit_value)d characters.")
QUANTITY_PREFIX = "quantity"


def quantity_field_name(offer: Offer) -> str:
    return f"{QUANTITY_PREFIX}_{offer.material.pk}_{offer.language}"


class QuantityField(forms.IntegerField):
    """How many copies of one material in one language: empty or 0 is none. The most is
    what is on the shelf less what open orders hold, and the material's most per order."""

    def __init__(self, offer: Offer, **kwargs):
        self.offer = offer
        limit = offer.limit
        if offer.available < offer.material.max_per_order:
            too_many = _("Only %(limit_value)s are available in this language.")
        else:
            too_many = _("You can order at most %(limit_value)s of this at a time.")
        super().__init__(
            label=language_name(offer.language),
            required=False,
            min_value=0,
            max_value=limit,
            widget=forms.NumberInput(
                attrs={"min": 0, "max": limit, "inputmode": "numeric", "class": "quantity"}
            ),
            error_messages={
                "invalid": _("Write a whole number, such as 10, or 0 for none."),
                "min_value": _("The number cannot be less than 0."),
                "max_value": too_many,
            },
            **kwargs,
        )

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip()
            if len(value) > 12:  # no shelf holds that many; and int() of a huge text is slow
                raise ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)


class OrderForm(forms.Form):
    """The order: how many of each material in each language, and where it goes."""

    organisation = forms.CharField(
        label=_("Organisation or municipality"), max_length=MAX_TEXT["organisation"]
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=MAX_TEXT["contact_name"])
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        help_text=_("We send the confirmation of the order here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Phone"),
        required=False,
        max_length=30,
        validators=[
            RegexValidator(
                r"^\+?[0-9][0-9 ()\-]*$",
                _("Write the phone number with digits only, such as 22 00 00 00."),
                code="phone",
            )
        ],
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    address = forms.CharField(
        label=_("Delivery address"),
        max_length=MAX_TEXT["address"],
        help_text=_("Street address or post office box."),
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
    )
    postcode = forms.CharField(
        label=_("Postcode"),
        max_length=10,
        widget=forms.TextInput(
            attrs={"autocomplete": "postal-code", "inputmode": "numeric", "class": "postcode"}
        ),
    )
    place = forms.CharField(label=_("Postal place"), max_length=MAX_TEXT["place"])
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=MAX_NOTE,
        help_text=_(
            "For example when the parcel can be received. Do not write about anyone's "
            "situation here."
        ),
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": MAX_NOTE}),
    )
    # For robots only: hidden from people and screen readers. A value means a robot.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    CONTACT_FIELDS = Order.PERSONAL_FIELDS

    def __init__(self, *args, offer=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.offer = list(offer)
        for name in self.CONTACT_FIELDS:
            field = self.fields[name]
            field.validators.append(reject_control_characters)
            field.error_messages["max_length"] = TOO_LONG
        self.fields["organisation"].error_messages["required"] = _(
            "Write the name of your organisation or municipality."
        )
        self.fields["contact_name"].error_messages["required"] = _(
            "Write the contact person's name."
        )
        self.fields["email"].error_messages.update(
            required=_("Write your e-mail address."),
            invalid=_("Write a whole e-mail address, such as name@example.no."),
        )
        self.fields["address"].error_messages["required"] = _("Write the delivery address.")
        self.fields["postcode"].error_messages.update(
            required=_("Write the postcode."), max_length=_("A postcode has four digits.")
        )
        self.fields["place"].error_messages["required"] = _("Write the postal place.")
        for _material, offers in self.offer:
            for offer in offers:
                if offer.limit > 0:
                    self.fields[quantity_field_name(offer)] = QuantityField(offer)

    # --- What the template shows ---

    def material_groups(self):
        """[(material, [(offer, bound field or None when none are available)]), …]"""
        return [
            (
                material,
                [
                    (offer, self[quantity_field_name(offer)] if offer.limit > 0 else None)
                    for offer in offers
                ],
            )
            for material, offers in self.offer
        ]

    def contact_fields(self):
        return [self[name] for name in self.CONTACT_FIELDS]

    # --- Checks ---

    def clean_postcode(self):
        postcode = self.cleaned_data["postcode"].replace(" ", "")
        if len(postcode) != 4 or not (postcode.isascii() and postcode.isdigit()):
            raise ValidationError(_("A postcode has four digits."), code="postcode")
        return postcode

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise ValidationError(
                _("Your order could not be sent. Please try again."), code="honeypot"
            )
        quantity_errors = any(name.startswith(QUANTITY_PREFIX + "_") for name in self.errors)
        if not quantity_errors and not self.lines():
            raise ValidationError(
                _("Choose at least one material: write how many you want."), code="no_lines"
            )
        return cleaned

    def lines(self):
        """The lines asked for (a quantity above 0), from the cleaned data."""
        found = []
        for _material, offers in self.offer:
            for offer in offers:
                quantity = (
                    self.cleaned_data.get(quantity_field_name(offer)) if offer.limit else None
                )
                if quantity:
                    found.append(
                        LineRequest(
                            material=offer.material, language=offer.language, quantity=quantity
                        )
                    )
        return found
