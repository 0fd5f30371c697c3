"""Browsers send a textarea's lines ending in CRLF. A save through the admin that changes
nothing but line endings keeps every translation as it was (up to date, or outdated); a
real change to the bokmål text marks the translations outdated."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests import factories

pytestmark = pytest.mark.django_db

BODY = "<p>Første avsnitt.</p>\n<p>Andre avsnitt.</p>"


@pytest.fixture
def article():
    return factories.article(
        body=BODY,
        translations={
            "en": {"title": "Title", "summary": "Summary", "body": "<p>One.</p>\n<p>Two.</p>"}
        },
    )


def save_as_a_browser_would(editor_client, article, **changes):
    """Post the admin's change form with every field as it stands, lines ending in CRLF."""
    url = reverse("admin:articles_article_change", args=[article.pk])
    form = editor_client.get(url).context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is None:
            continue
        if isinstance(value, dt.datetime):  # the admin's split date and time
            local = timezone.localtime(value)
            data[f"{name}_0"], data[f"{name}_1"] = f"{local:%Y-%m-%d}", f"{local:%H:%M:%S}"
        elif hasattr(value, "all"):
            data[name] = [item.pk for item in value.all()]
        elif isinstance(value, list):
            data[name] = [getattr(item, "pk", item) for item in value]
        elif isinstance(value, str):
            data[name] = value.replace("\n", "\r\n")
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        else:
            data[name] = value
    data.update(changes)
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return Article.objects.get(pk=article.pk)


def test_crlf_only_keeps_an_up_to_date_translation_up_to_date(editor_client, article):
    assert not article.is_outdated_in("en")
    saved = save_as_a_browser_would(editor_client, article)
    assert saved.body_nb == BODY  # stored with LF
    assert saved.source_hash == article.source_hash
    assert not saved.is_outdated_in("en")


def test_crlf_only_keeps_an_outdated_translation_outdated(editor_client, article):
    from articles.services import article_save

    article.body_nb = BODY + "\n<p>Nytt avsnitt.</p>"
    article_save(article=article, changed_fields=["body_nb"])
    assert article.is_outdated_in("en")
    saved = save_as_a_browser_would(editor_client, Article.objects.get(pk=article.pk))
    assert saved.is_outdated_in("en")


def test_a_real_change_to_the_bokmal_text_marks_the_translations_outdated(editor_client, article):
    changed = (BODY + "\n<p>Et nytt avsnitt.</p>").replace("\n", "\r\n")
    saved = save_as_a_browser_would(editor_client, article, body_nb=changed)
    assert saved.is_outdated_in("en")
    # …and editing the English text then makes it up to date again.
    saved = save_as_a_browser_would(
        editor_client, saved, body_en="<p>One.</p>\r\n<p>Two, and three.</p>"
    )
    assert not saved.is_outdated_in("en")
