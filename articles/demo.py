"""Loading the demo articles (articles/data/demo_articles.json), keyed on slugs: loading
the same file again changes nothing."""

import datetime as dt
import json

from django.db import transaction
from django.utils import timezone
from modeltranslation.utils import build_localized_fieldname

from core.demo import LoadReport, find_named, set_translations
from core.i18n import localized_names
from core.models import TargetGroup, Topic
from services.models import ServiceCategory

from .models import EASY_READ_FIELDS, Article, NewsItem, language_codes
from .services import article_save, news_item_save, sanitize_bodies


def _set_named(instance, data):
    """name/description as {"nb": "...", "en": "..."} (target groups and topics). Only the
    languages the file has: a translation the site already holds (the migrations give the
    target groups nynorsk and more) is kept."""
    for name in ("name", "description"):
        for language, value in (data.get(name) or {}).items():
            if language in language_codes():
                setattr(instance, build_localized_fieldname(name, language), value)
    if "translations_to_review" in data:
        instance.translations_to_review = data["translations_to_review"]


def _moment(value):
    if not value:
        return None
    day = dt.date.fromisoformat(value)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(9)))


@transaction.atomic
def load_demo_articles(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    report = LoadReport()
    groups = {}
    for order, item in enumerate(data.get("target_groups", [])):
        group = TargetGroup.objects.filter(slug=item["slug"]).first() or TargetGroup(
            slug=item["slug"]
        )
        _set_named(group, item)
        group.order = order
        group.full_clean()
        group.save()
        groups[group.slug] = group
    topics = {}
    for order, item in enumerate(data.get("topics", [])):
        topic = Topic.objects.filter(slug=item["slug"]).first() or Topic(slug=item["slug"])
        _set_named(topic, item)
        topic.order = order
        topic.full_clean()
        topic.save()
        topics[topic.slug] = topic
    categories = {category.slug: category for category in ServiceCategory.objects.all()}

    articles = {}
    for item in data.get("articles", []):
        article = Article.objects.filter(slug=item["slug"]).first()
        is_new = article is None
        article = article or Article(slug=item["slug"])
        before = _snapshot(article)
        set_translations(article, ("title", "summary", "body"), item["translations"])
        easy_read = {
            language: {"easy_read_title": text.get("title", ""), "easy_read_body": text["body"]}
            for language, text in item.get("easy_read", {}).items()
        }
        set_translations(article, EASY_READ_FIELDS, easy_read)
        article.published_at = _moment(item.get("published")) or timezone.now()
        qa = item.get("quality_assured")
        article.quality_assured_on = dt.date.fromisoformat(qa) if qa else None
        article.is_published = True
        sanitize_bodies(article)  # as saving would, so that an unchanged file compares equal
        if is_new or _snapshot(article) != before:
            # The demo translations are made from the demo bokmål text: all up to date.
            article_save(article=article, translations_current=language_codes())
            report.created += is_new
            report.updated += not is_new
        article.target_groups.set(
            find_named(item.get("target_groups", []), groups, report, "target group")
        )
        article.topics.set(find_named(item.get("topics", []), topics, report, "topic"))
        article.service_categories.set(
            find_named(item.get("service_categories", []), categories, report, "service category")
        )
        articles[article.slug] = (article, item)
    for article, item in articles.values():
        known = {slug: pair[0] for slug, pair in articles.items()}
        known.update({a.slug: a for a in Article.objects.filter(slug__in=item.get("related", []))})
        article.related.set(find_named(item.get("related", []), known, report, "related article"))

    for item in data.get("news", []):
        news = NewsItem.objects.filter(slug=item["slug"]).first() or NewsItem(slug=item["slug"])
        before = _snapshot(news)
        set_translations(news, ("title", "summary", "body"), item["translations"])
        news.published_at = _moment(item.get("published")) or timezone.now()
        sanitize_bodies(news)
        if news.pk is None or _snapshot(news) != before:
            news_item_save(news_item=news)
    return report


def _snapshot(instance):
    """The values the file sets, to save only what changed (and keep "updated" honest)."""
    names = ["published_at", "quality_assured_on", "is_published"]
    translated = ("title", "summary", "body", *EASY_READ_FIELDS)
    names += localized_names([name for name in translated if hasattr(instance, name)])
    return {name: getattr(instance, name, None) for name in names}
