import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests import factories

pytestmark = pytest.mark.django_db


def changelist(client, **params):
    response = client.get(reverse("admin:articles_article_changelist"), params)
    assert response.status_code == 200
    return list(response.context["cl"].result_list)


def test_editors_filter_articles_missing_in_a_language(editor_client):
    english = factories.article(title="Har engelsk", translations={"en": factories.ENGLISH})
    norwegian = factories.article(title="Bare norsk")
    assert changelist(editor_client, translation="missing:en") == [norwegian]
    assert set(changelist(editor_client, translation="missing:ar")) == {english, norwegian}


def test_editors_filter_articles_outdated_in_a_language(editor_client):
    article = factories.article(translations={"en": factories.ENGLISH})
    factories.article(translations={"en": factories.ENGLISH})
    assert changelist(editor_client, translation="outdated:en") == []
    article.body_nb = "<p>Endret kilde.</p>"
    from articles.services import article_save

    article_save(article=article, changed_fields=["body_nb"])
    assert changelist(editor_client, translation="outdated:en") == [article]


def test_a_nonsense_filter_value_lists_everything(editor_client):
    factories.article()
    response = editor_client.get(
        reverse("admin:articles_article_changelist"), {"translation": "nonsense:xx"}
    )
    assert response.status_code == 200


def test_saving_a_translation_in_the_admin_marks_it_current(editor_client):
    article = factories.article(translations={"en": factories.ENGLISH})
    Article.objects.filter(pk=article.pk).update(translated_from={"en": "old"})
    url = reverse("admin:articles_article_change", args=[article.pk])
    form = editor_client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(
        {
            "body_en": "<p>Updated English text.</p><script>alert(1)</script>",
            "target_groups": [],
            "topics": [],
            "service_categories": [],
            "related": [],
            "published_at_0": timezone.localtime(article.published_at).strftime("%Y-%m-%d"),
            "published_at_1": timezone.localtime(article.published_at).strftime("%H:%M:%S"),
            "quality_assured_on": "",
        }
    )
    data = {key: value for key, value in data.items() if not isinstance(value, dt.datetime)}
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    article.refresh_from_db()
    assert article.body_en == "<p>Updated English text.</p>"
    assert not article.is_outdated_in("en")


def test_article_admin_pages_render(editor_client):
    article = factories.article(translations={"ar": factories.ARABIC})
    for url in [
        reverse("admin:articles_article_add"),
        reverse("admin:articles_article_change", args=[article.pk]),
        reverse("admin:articles_newsitem_add"),
        reverse("admin:core_topic_add"),
        reverse("admin:core_targetgroup_add"),
    ]:
        assert editor_client.get(url).status_code == 200, url


def test_the_change_page_names_each_translations_state(editor_client):
    from articles.services import article_save

    article = factories.article(translations={"en": factories.ENGLISH, "ar": factories.ARABIC})
    article.title_nb = "Ny tittel"
    article_save(article=article, changed_fields=["title_nb"])
    article.title_ar = "عنوان جديد"
    article_save(article=article, changed_fields=["title_ar"])
    html = editor_client.get(
        reverse("admin:articles_article_change", args=[article.pk])
    ).content.decode()
    from django.conf import settings
    from django.utils import translation
    from django.utils.translation import gettext, pgettext

    names = dict(settings.LANGUAGES)
    with translation.override("nb"):  # the admin speaks the site's default language
        english, polish, arabic = str(names["en"]), str(names["pl"]), str(names["ar"])
        outdated = gettext("outdated")
        missing = pgettext("state of a translation", "missing")
    assert f"{english} ({outdated})" in html
    assert f"{polish} ({missing})" in html
    assert f"{arabic} (" not in html
