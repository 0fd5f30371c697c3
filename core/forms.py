from django import forms
from django.urls import Resolver404, resolve
from django.utils.translation import gettext_lazy as _

from .validators import reject_control_characters

MAX_COMMENT_LENGTH = 1000
MAX_PATH_LENGTH = 300
# After an answer the reader is sent back to the page with ?feedback=thanks.
FEEDBACK_PARAMETER = "feedback"
FEEDBACK_THANKS_VALUE = "thanks"


class PageFeedbackForm(forms.Form):
    """ "Did you find what you were looking for?" Anonymous; the comment is optional and
    is never answered."""

    HELPFUL_CHOICES = [("ja", _("Yes")), ("nei", _("No"))]

    helpful = forms.ChoiceField(
        label=_("Did you find what you were looking for?"),
        choices=HELPFUL_CHOICES,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose yes or no."),
            "invalid_choice": _("Choose yes or no."),
        },
    )
    comment = forms.CharField(
        label=_("What could be better?"),
        required=False,
        strip=True,
        max_length=MAX_COMMENT_LENGTH,
        validators=[reject_control_characters],
        help_text=_(
            "Comments are not answered. Do not write your name, phone number or "
            "anything else about yourself or others here."
        ),
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": MAX_COMMENT_LENGTH}),
        error_messages={"max_length": _("Write at most %(limit_value)d characters.")},
    )
    page = forms.CharField(
        widget=forms.HiddenInput,
        max_length=MAX_PATH_LENGTH + 200,
        validators=[reject_control_characters],
    )
    # A trap for robots: hidden from people, filled in only by programs.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def __init__(self, *args, **kwargs):
        # Its own ids: the form is on every page, next to other forms.
        kwargs.setdefault("auto_id", "feedback_%s")
        super().__init__(*args, **kwargs)

    def clean_page(self):
        page = self.cleaned_data["page"]
        path = page.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith("/") or path.startswith("//") or "\\" in path:
            raise forms.ValidationError(_("The page could not be identified."))
        if len(path) > MAX_PATH_LENGTH:
            raise forms.ValidationError(_("The page could not be identified."))
        try:
            resolve(path)
        except Resolver404:
            raise forms.ValidationError(_("The page could not be identified.")) from None
        return page

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError(_("Leave this field empty."))
        return ""

    @property
    def page_path(self):
        return self.cleaned_data["page"].split("?", 1)[0].split("#", 1)[0]

    @property
    def is_helpful(self):
        return self.cleaned_data["helpful"] == "ja"
