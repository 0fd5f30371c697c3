"""The asker's forms. Every bad value is a form error in the visitor's language, with what
they typed kept; nothing here can raise a server error."""

import re
import secrets
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.forms.models import ModelChoiceIterator
from django.utils.crypto import salted_hmac
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from modeltranslation.utils import build_localized_fieldname, get_language

from core.models import TargetGroup, Topic
from core.validators import reject_control_characters

from . import codes
from .models import (
    FEEDBACK_MAX_LENGTH,
    FOLLOWUP_MAX_LENGTH,
    OTHER_ASKERS,
    TEXT_MAX_LENGTH,
    TEXT_MIN_LENGTH,
    AgeGroup,
)

# Something that looks like an HTML tag or comment: "<b>", "</script >", "<!--", "<img …>".
_MARKUP = re.compile(r"<\s*(/\s*)?[a-zA-Z][^<>]*>|<!--")
FORM_MAX_AGE = 24 * 60 * 60
SEARCH_MAX_LENGTH = 100


def validate_plain_text(value):
    reject_control_characters(value)
    if _MARKUP.search(value):
        raise ValidationError(
            _("Write plain text, without HTML code such as <b> or <script>."), code="markup"
        )


def _length_messages(what_required):
    return {
        "required": what_required,
        "max_length": ngettext_lazy(
            "Write at most %(limit_value)d character (you wrote %(show_value)d).",
            "Write at most %(limit_value)d characters (you wrote %(show_value)d).",
            "limit_value",
        ),
        "min_length": ngettext_lazy(
            "Write at least %(limit_value)d character (you wrote %(show_value)d).",
            "Write at least %(limit_value)d characters (you wrote %(show_value)d).",
            "limit_value",
        ),
        "null_characters_not_allowed": _(
            "The text contains invisible control characters. Remove them, or write the text "
            "again instead of pasting it."
        ),
    }


class PlainTextField(forms.CharField):
    """Text a visitor writes: no control characters, no markup, limits shown."""

    default_validators = [validate_plain_text]

    def __init__(self, *, required_message, rows=None, **kwargs):
        kwargs.setdefault("error_messages", _length_messages(required_message))
        if rows:
            kwargs.setdefault("widget", forms.Textarea(attrs={"rows": rows}))
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if self.max_length is not None:
            attrs["data-max-length"] = str(self.max_length)
        return attrs


# --- Spam protection without tracking -------------------------------------------------------
# The hidden field `started` carries a signed "form shown at" time with a nonce: AskForm
# holds back a form sent too soon after it was shown, and a sent form's token is remembered
# (a keyed hash of it, in the cache, for as long as a token is valid) so that it is not
# stored twice. Nothing else about the visitor is kept.

_STARTED_SALT = "questions.ask-form.started"


def new_form_token():
    """A signed 'form shown at' time with a nonce, for the hidden field `started`."""
    return signing.dumps([int(time.time()), secrets.token_hex(8)], salt=_STARTED_SALT)


def form_token_age(token):
    """Seconds since the token was made, or None if it is not one of ours or too old."""
    try:
        started, _nonce = signing.loads(token, salt=_STARTED_SALT, max_age=FORM_MAX_AGE)
        return time.time() - int(started)
    except (signing.BadSignature, ValueError, TypeError):
        return None


def valid_or_new_form_token(token):
    """The token to send back with the form again: the same one while it is valid (so the
    time since the form was first shown still counts), else a new one."""
    return token if form_token_age(token) is not None else new_form_token()


def _used_token_key(token):
    digest = salted_hmac("questions.used-form", token, algorithm="sha256").hexdigest()
    return f"questions:used-form:{digest[:32]}"


def use_form_token(token):
    """Mark the token as used. True the first time, False if a form with it was sent before."""
    return cache.add(_used_token_key(token), True, FORM_MAX_AGE)


class _GroupsAndOthers(ModelChoiceIterator):
    """The target groups, then the choice for everyone else."""

    def __iter__(self):
        yield from super().__iter__()
        yield (OTHER_ASKERS, self.field.others_label)

    def __len__(self):
        return super().__len__() + 1


class AskerGroupField(forms.ModelChoiceField):
    """Who asks: one of the site's target groups, by slug, or everyone else ("other",
    OTHER_ASKERS), which cleans to `others_value`."""

    iterator = _GroupsAndOthers
    others_value = None

    def __init__(self, *, others_label, **kwargs):
        self.others_label = others_label
        super().__init__(TargetGroup.objects.all(), to_field_name="slug", **kwargs)

    def clean(self, value):
        if value == OTHER_ASKERS:
            return self.others_value
        return super().clean(value)


class AskerChoiceField(AskerGroupField):
    """The ask form's choice: each group as its members would say it ("I am a relative or
    worried about someone"), or "Other", which is stored as no group."""

    def label_from_instance(self, group):
        """In the page's language the group's own words, else its name; where that
        language has neither, the same in bokmål (modeltranslation's fallback)."""
        language = get_language()
        for field in ("self_description", "name"):
            value = getattr(group, build_localized_fieldname(field, language))
            if value:
                return value
        return group.self_description or group.name


class AskerFilterField(AskerGroupField):
    """The published list's filter: a group by its name, or "Others" (OTHER_ASKERS, the
    questions with no group); empty is everyone."""

    others_value = OTHER_ASKERS


class AskForm(forms.Form):
    text = PlainTextField(
        label=_("Your question"),
        rows=10,
        min_length=TEXT_MIN_LENGTH,
        max_length=TEXT_MAX_LENGTH,
        required_message=_("Write your question."),
        help_text=format_lazy(
            _(
                "Between {min} and {max} characters. Do not write names, addresses, phone "
                "numbers or other details that can tell who you or others are."
            ),
            min=TEXT_MIN_LENGTH,
            max=TEXT_MAX_LENGTH,
        ),
    )
    topic = forms.ModelChoiceField(
        Topic.objects.all(),
        label=_("What is the question about?"),
        to_field_name="slug",
        empty_label=_("Choose a topic"),
        error_messages={
            "required": _("Choose a topic."),
            "invalid_choice": _("Choose a topic from the list."),
        },
    )
    asker_group = AskerChoiceField(
        label=_("I am asking as"),
        others_label=_("Other"),
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose who you are asking as."),
            "invalid_choice": _("Choose one of the options."),
        },
    )
    age_group = forms.ChoiceField(
        label=_("Your age"),
        required=False,
        choices=[("", _("I would rather not say"))] + list(AgeGroup.choices),
        error_messages={"invalid_choice": _("Choose an age group from the list.")},
    )
    consent_to_publish = forms.BooleanField(
        label=_(
            "The panel may publish my question and the answer on this site, rewritten so "
            "that no one can recognise me or others."
        ),
        required=False,
        help_text=_(
            "Your own wording is never published. Answers help others in the same situation."
        ),
    )
    # For robots only: hidden from people and screen readers. A value means a robot.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(widget=forms.HiddenInput, required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.token_is_stale = False

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise ValidationError(
                _("Your question could not be sent. Please try again."), code="honeypot"
            )
        age = form_token_age(self.data.get("started", ""))
        if age is None:
            self.token_is_stale = True
            raise ValidationError(
                _(
                    "The page was open for a long time or could not be checked. Your text is "
                    "kept: please send it again."
                ),
                code="stale",
            )
        # A form with a field left empty or wrong says that, not "that was quick": it
        # will be sent again anyway, later.
        if age < settings.QUESTIONS_MIN_FILL_SECONDS and not self.errors:
            raise ValidationError(
                _("That was quick! Please read through your question once more and send it again."),
                code="too_fast",
            )
        return cleaned


class SimilarForm(forms.Form):
    """The draft question, for the search of similar published ones (never stored)."""

    text = PlainTextField(
        max_length=TEXT_MAX_LENGTH,
        required_message=_("Write your question first."),
    )


BAD_CODE_MESSAGE = _(
    "An answer code has 16 letters and digits, like ABCD-EFGH-JKMN-PQRS. Check what you wrote."
)


class CodeField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Your answer code"))
        kwargs.setdefault("max_length", 64)
        kwargs.setdefault(
            "error_messages",
            {
                "required": _("Write your answer code."),
                "max_length": BAD_CODE_MESSAGE,
                "null_characters_not_allowed": BAD_CODE_MESSAGE,
            },
        )
        super().__init__(**kwargs)

    def clean(self, value):
        """The code as the asker typed it (kept in the form), cleaned to its written form:
        ``K7QM-XW3D-P9TR-2HNB``."""
        raw = codes.normalize_code(super().clean(value))
        if raw is None:
            raise ValidationError(BAD_CODE_MESSAGE, code="format")
        return codes.format_code(raw)


class ReadForm(forms.Form):
    code = CodeField(
        help_text=_(
            "The code you got when you sent the question. Upper or lower case and "
            "dashes do not matter."
        ),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
                "class": "answer-code-input",
            }
        ),
    )


class FeedbackForm(forms.Form):
    code = CodeField(widget=forms.HiddenInput)
    helpful = forms.TypedChoiceField(
        label=_("Did the answer help you?"),
        widget=forms.RadioSelect,
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        error_messages={
            "required": _("Choose yes or no."),
            "invalid_choice": _("Choose yes or no."),
        },
    )
    comment = PlainTextField(
        label=_("Anything you want to add?"),
        rows=4,
        required=False,
        max_length=FEEDBACK_MAX_LENGTH,
        required_message="",
        help_text=format_lazy(
            _("At most {max} characters. The panel reads this, but does not answer it."),
            max=FEEDBACK_MAX_LENGTH,
        ),
    )


class FollowUpForm(forms.Form):
    code = CodeField(widget=forms.HiddenInput)
    text = PlainTextField(
        label=_("Your follow-up question"),
        rows=6,
        max_length=FOLLOWUP_MAX_LENGTH,
        required_message=_("Write your follow-up question."),
        help_text=format_lazy(
            _("You can ask one follow-up question, at most {max} characters."),
            max=FOLLOWUP_MAX_LENGTH,
        ),
    )


class _ChoicesReadOnce(ModelChoiceIterator):
    """The choices from the field's own queryset as it is, so that it is read once however
    often it is iterated (Django's reads it anew each time)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset:
            yield self.choice(obj)


class TopicFilterField(forms.ModelChoiceField):
    """The topic filter, whose queryset the page also lists as links: one query for both."""

    iterator = _ChoicesReadOnce


class PublishedFilterForm(forms.Form):
    """The published questions' filters, from the query string."""

    q = PlainTextField(
        label=_("Search the questions"),
        required=False,
        max_length=SEARCH_MAX_LENGTH,
        required_message="",
        widget=forms.TextInput(attrs={"inputmode": "search", "type": "search"}),
    )
    topic = TopicFilterField(
        Topic.objects.all(),
        label=_("Topic"),
        to_field_name="slug",
        required=False,
        empty_label=_("All topics"),
        error_messages={"invalid_choice": _("Choose a topic from the list.")},
    )
    group = AskerFilterField(
        label=_("Asked by"),
        required=False,
        others_label=_("Others"),
        empty_label=_("Everyone"),
        error_messages={"invalid_choice": _("Choose a group from the list.")},
    )
