"""Checks of text that people type, shared by every form of the portal."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# C0 controls and DEL, except tab and line breaks.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Invisible characters that change how a text is shown, not what it says: the bidirectional
# embeddings, overrides and isolates (a right-to-left override can make a text read
# differently for the panel than it was written), the zero-width space, the word joiner and
# the byte-order mark. Not the zero-width (non-)joiners U+200C/U+200D, which Persian,
# Kurdish and Indic scripts need, nor the direction marks U+200E/U+200F that right-to-left
# keyboards type.
_FORMAT = re.compile("[\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff]")


def reject_control_characters(value):
    """Text a person typed has no control characters (tabs and line breaks apart) and no
    invisible formatting characters."""
    if _CONTROL.search(value or ""):
        raise ValidationError(
            _(
                "The text contains invisible control characters. Remove them, or write the "
                "text again instead of pasting it."
            ),
            code="control_characters",
        )
    if _FORMAT.search(value or ""):
        raise ValidationError(
            _(
                "The text contains invisible characters that change its direction or hide "
                "spaces. Remove them, or write the text again instead of pasting it."
            ),
            code="format_characters",
        )
