"""Helpers for the question tests: form tokens, the asker's form data and the admin's
change form as a browser would post it. The model factories live in tests/factories.py
(and are reachable from here under their old names)."""

import re
import secrets
import time

from django.core import signing
from django.urls import reverse

from questions.forms import _STARTED_SALT
from tests.factories import PASSWORD, QUESTION_TEXT, published_question, staff, topic  # noqa: F401
from tests.factories import question as question  # noqa: F401, F811 (helpers.question)
from tests.factories import target_group as group  # noqa: F401


def aged_token(seconds=60):
    """The ask form's hidden 'started' value, as if the form was shown `seconds` ago."""
    return signing.dumps([int(time.time()) - seconds, secrets.token_hex(8)], salt=_STARTED_SALT)


def ask_data(**overrides):
    data = {
        "text": QUESTION_TEXT,
        "topic": "vold-i-naere-relasjoner",
        "asker_group": "utsatt",
        "age_group": "",
        "consent_to_publish": "on",
        "website": "",
        "started": aged_token(),
        "action": "send",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


CODE_PATTERN = re.compile(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}")


def code_from(response):
    match = CODE_PATTERN.search(response.content.decode())
    assert match, "no answer code on the page"
    return match.group(0)


# --- The admin's change form ------------------------------------------------------------------


def change_url(question):
    return reverse("admin:questions_question_change", args=[question.pk])


def _form_values(form, data):
    for name in form.fields:
        value = form[name].value()
        key = form.add_prefix(name)
        if value is None or value is False:
            continue
        if value is True:
            data[key] = "on"
        elif isinstance(value, list | tuple):
            data[key] = [str(item) for item in value]
        else:
            data[key] = str(value)


def change_form_data(response):
    """What the admin's change form would post, unchanged, from its GET response."""
    data = {}
    _form_values(response.context["adminform"].form, data)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        _form_values(formset.management_form, data)
        for form in formset.forms:
            _form_values(form, data)
    return data


def admin_step(client, question, step=None, **changes):
    """Open the question in the admin, change fields, and press Save or a workflow button.
    Returns the response after the redirect."""
    page = client.get(change_url(question))
    assert page.status_code == 200, page.status_code
    data = change_form_data(page)
    data.update(changes)
    if step:
        data["_transition"] = step
    else:
        data["_continue"] = "1"
    return client.post(change_url(question), data, follow=True)


def nb(message, plural=None, count=None):
    """A message as the admin shows it: the admin is always in bokmål (the default
    language), whether or not the message has a bokmål translation yet."""
    from django.utils import translation

    with translation.override("nb"):
        if plural is None:
            return str(translation.gettext(message))
        return translation.ngettext(message, plural, count)


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def url(name, **kwargs):
    """A public URL in English (/en/…)."""
    from django.utils import translation

    with translation.override("en"):
        return reverse(name, kwargs=kwargs or None)


def public_url(question):
    from django.utils import translation

    with translation.override("en"):
        return question.get_absolute_url()
