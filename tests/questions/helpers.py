"""Helpers for the question tests: staff users, questions, form tokens and the admin's
change form as a browser would post it."""

import re
import secrets
import time

from django.contrib.auth.models import Group, User
from django.core import signing
from django.urls import reverse

from core.models import TargetGroup, Topic
from core.permissions import PANEL, PANEL_MODERATORS
from questions.forms import _STARTED_SALT
from questions.models import PanelMember
from questions.services import question_submit

PASSWORD = "correct horse battery"
QUESTION_TEXT = (
    "Kjæresten min leser meldingene mine og blir sint når jeg treffer venner. "
    "Er dette vold, og hva kan jeg gjøre?"
)


def topic(slug="vold-i-naere-relasjoner"):
    return Topic.objects.get(slug=slug)


def group(slug="utsatt"):
    """One of the site's target groups (core/migrations/0004 makes sure the four exist)."""
    return TargetGroup.objects.get(slug=slug)


def staff(username, *, moderator=False, role="psychologist", topics=(), email=None):
    user = User.objects.create_user(
        username,
        email=email or f"{username}@panel.example.no",
        password=PASSWORD,
        is_staff=True,
        first_name=username.split(".")[0].title() + "sen",
    )
    user.groups.add(Group.objects.get(name=PANEL))
    if moderator:
        user.groups.add(Group.objects.get(name=PANEL_MODERATORS))
    member = PanelMember.objects.create(user=user, role=role)
    if topics:
        member.topics.set(Topic.objects.filter(slug__in=topics))
    return user


def question(**fields):
    """A question as an asker would send it; returns (question, code)."""
    defaults = {
        "text": QUESTION_TEXT,
        "topic": topic(),
        "asker_group": group(),
        "consent_to_publish": True,
        "language": "nb",
    }
    defaults.update(fields)
    return question_submit(**defaults)


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


def published_question(
    *,
    title,
    question,
    answer="Et generelt svar fra panelet.",
    topic_slug="foreldretvist-og-samvaer",
    group_slug="utsatt",
    role="lawyer",
    **fields,
):
    """A question already answered and published, with its public version."""
    from django.utils import timezone

    from questions.models import Question

    created, _code = question_submit(
        text="Originalen: " + question,
        topic=globals()["topic"](topic_slug),
        asker_group=group(group_slug) if group_slug else None,
        consent_to_publish=True,
        language="nb",
    )
    now = timezone.now()
    values = {
        "status": Question.Status.PUBLISHED,
        "answer": answer,
        "answered_by_role": role,
        "answered_at": now,
        "public_title_nb": title,
        "public_question_nb": question,
        "public_answer_nb": answer,
        "public_slug": fields.pop("slug", None) or f"q-{created.pk}",
        "published_at": now,
    }
    values.update(fields)
    Question.objects.filter(pk=created.pk).update(**values)
    created.refresh_from_db()
    return created
