"""A name or text shown in bokmål on a page in another language, because it has no
translation there, says so (lang="nb", and dir="ltr" on a right-to-left page): screen
readers read it with the right voice (WCAG 3.1.2). A translated one does not."""

import re

import pytest

from core.models import Topic
from services.models import ServiceCategory
from tests import factories

pytestmark = pytest.mark.django_db


def attributes(html, text):
    found = re.search(r"<(\w+)([^>]*)>\s*" + re.escape(text) + r"\s*<", html)
    assert found, text
    return found.group(2)


def test_an_untranslated_category_on_an_english_page_is_marked_bokmal(client):
    category = ServiceCategory.objects.get(slug="overgrepsmottak")
    category.name_en = ""
    category.save()
    service = factories.service(category=category, description_nb="Hjelp etter overgrep.")
    html = client.get(f"/en/tjenester/{service.slug}/").content.decode()
    assert 'lang="nb"' in attributes(html, category.name_nb)
    assert 'lang="nb"' in html.split('class="prose"', 1)[1][:40]  # the description too


def test_a_translated_category_is_not_marked(client):
    category = ServiceCategory.objects.get(slug="krisesenter")
    category.name_en = "Crisis centre"
    category.save()
    service = factories.service(category=category)
    html = client.get(f"/en/tjenester/{service.slug}/").content.decode()
    assert "lang=" not in attributes(html, "Crisis centre")


def test_bokmal_on_an_arabic_page_is_also_left_to_right(client):
    topic = Topic.objects.first()
    topic.name_ar = ""
    topic.save()
    factories.published_question(
        title="Samvær", question="Hva nå?", topic_slug=topic.slug, slug="samvaer"
    )
    html = client.get("/ar/sporsmal/samvaer/").content.decode()
    marks = attributes(html, topic.name_nb)
    assert 'lang="nb"' in marks and 'dir="ltr"' in marks


def test_on_bokmal_pages_nothing_is_marked(client):
    service = factories.service()
    html = client.get(f"/tjenester/{service.slug}/").content.decode()
    assert 'lang="nb"' not in html.split("<main", 1)[1].split("</main>", 1)[0]
