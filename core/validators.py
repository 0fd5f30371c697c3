"""Checks of text that people type, shared by every form of the portal."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def reject_control_characters(value):
    """Text a person typed has no control characters (tabs and line breaks apart)."""
    if _CONTROL.search(value or ""):
        raise forms.ValidationError(_("Remove the invisible control characters from the text."))
