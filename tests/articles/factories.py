"""Factories for the articles tests: real model instances saved through the services."""

import datetime as dt
import itertools

from django.utils import timezone

from articles.models import Article, NewsItem
from articles.services import article_save, news_item_save
from core.models import TargetGroup, Topic

_numbers = itertools.count(1)


def target_group(slug="utsatt", **names):
    group, _created = TargetGroup.objects.get_or_create(
        slug=slug,
        defaults={
            "name_nb": names.get("nb", f"Gruppe {slug}"),
            "name_en": names.get("en", f"Group {slug}"),
            "name_ar": names.get("ar", ""),
        },
    )
    return group


def topic(slug="tema", **names):
    found, _created = Topic.objects.get_or_create(
        slug=slug,
        defaults={
            "name_nb": names.get("nb", f"Tema {slug}"),
            "name_en": names.get("en", f"Topic {slug}"),
        },
    )
    return found


def article(*, translations=None, target_groups=(), topics=(), service_categories=(), **fields):
    """An article with bokmål text, and the other languages given as
    translations={"en": {"title": …, "summary": …, "body": …}}."""
    number = next(_numbers)
    new = Article(
        slug=fields.pop("slug", f"artikkel-{number}"),
        title_nb=fields.pop("title", f"Artikkel {number}"),
        summary_nb=fields.pop("summary", "Et kort sammendrag."),
        body_nb=fields.pop("body", "<p>Tekst om vold og hjelp.</p>"),
        published_at=fields.pop("published_at", timezone.now() - dt.timedelta(days=1)),
        **fields,
    )
    for language, values in (translations or {}).items():
        for name, value in values.items():
            setattr(new, f"{name}_{language}", value)
    article_save(article=new)
    new.target_groups.set(target_groups)
    new.topics.set(topics)
    new.service_categories.set(service_categories)
    return new


def news_item(**fields):
    number = next(_numbers)
    item = NewsItem(
        slug=fields.pop("slug", f"nyhet-{number}"),
        title_nb=fields.pop("title", f"Nyhet {number}"),
        summary_nb=fields.pop("summary", "Kort om nyheten."),
        body_nb=fields.pop("body", "<p>Nyhetstekst.</p>"),
        published_at=fields.pop("published_at", timezone.now() - dt.timedelta(hours=1)),
        **fields,
    )
    return news_item_save(news_item=item)


ENGLISH = {
    "title": "What is violence?",
    "summary": "A short summary.",
    "body": "<p>Text about violence and help.</p>",
}
ARABIC = {"title": "ما هو العنف؟", "summary": "ملخص قصير.", "body": "<p>نص عن العنف والمساعدة.</p>"}
