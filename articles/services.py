"""Writes to articles and news. The admin, the demo loader and the views
all go through these."""

from django.db import transaction
from modeltranslation.utils import build_localized_fieldname

from core import page_cache
from core.i18n import localized_names

from . import reads
from .models import (
    EASY_READ_FIELDS,
    TRANSLATED_FIELDS,
    language_codes,
    translation_languages,
)
from .sanitize import clean_html
from .search import index_article


def sanitize_bodies(instance):
    """Clean the body (and an article's easy-read text) in every language: a translator's
    HTML is no more trusted than an editor's."""
    bodies = [name for name in ("body", "easy_read_body") if hasattr(instance, name)]
    for language in language_codes():
        for body in bodies:
            field = build_localized_fieldname(body, language)
            value = getattr(instance, field)
            if value:
                setattr(instance, field, clean_html(value))


def _translation_fields(language):
    return set(localized_names(TRANSLATED_FIELDS, [language]))


def _one_kind_of_line_ending(text):
    """Browsers send a textarea's lines ending in CRLF; what is stored and hashed ends them
    in LF, so that a save that changes nothing changes nothing."""
    if not isinstance(text, str):
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _all_translation_fields():
    return set(localized_names(TRANSLATED_FIELDS))


def _normalize_line_endings(article, fields):
    for name in fields:
        setattr(article, name, _one_kind_of_line_ending(getattr(article, name)))


def _really_changed(article, changed):
    """Of the fields a form says changed, those whose text differs from what is stored
    once line endings are alike (a form compares them as sent: CRLF against LF)."""
    if changed is None or article.pk is None:
        return changed
    stored = type(article).objects.filter(pk=article.pk).values(*changed).first()
    if stored is None:
        return changed
    return {
        name for name in changed if _one_kind_of_line_ending(stored[name]) != getattr(article, name)
    }


@transaction.atomic
def article_save(*, article, changed_fields=None, translations_current=()):
    """Save an article an editor or the demo loader wrote: bodies sanitised, the source
    hash updated, and the translations that were edited in this save (or named in
    `translations_current`) recorded as made from the current bokmål text. Then the search
    index follows. `changed_fields` None means every field changed (a new article)."""
    translated = _all_translation_fields()
    _normalize_line_endings(article, translated | set(localized_names(EASY_READ_FIELDS)))
    sanitize_bodies(article)
    article.full_clean()
    article.source_hash = article.compute_source_hash()
    changed = (
        _really_changed(article, set(changed_fields) & translated)
        if changed_fields is not None
        else None
    )
    for language in translation_languages():
        if not article.has_translation(language):
            article.translated_from.pop(language, None)
            continue
        edited = changed is None or bool(changed & _translation_fields(language))
        if edited or language in translations_current:
            article.translated_from[language] = article.source_hash
    article.save()
    index_article(article)
    return article


@transaction.atomic
def article_reindex(*, articles):
    count = 0
    for article in articles:
        index_article(article)
        count += 1
    return count


@transaction.atomic
def articles_mark_translations_current(*, articles, language):
    """An editor checked the translation against the new bokmål text: it is current."""
    marked = 0
    for article in articles.select_for_update():
        if article.has_translation(language):
            article.translated_from[language] = article.source_hash
            article.save(update_fields=["translated_from"])
            marked += 1
    return marked


def article_count_read(*, article, request):
    """One more reader today, unless this one read it earlier today (articles/reads.py);
    and so again on every read of the page from the page cache."""
    reads.count_read(request, article.pk)
    page_cache.repeat_on_hit(reads.HIT_ACTION, article.pk)


@transaction.atomic
def news_item_save(*, news_item):
    sanitize_bodies(news_item)
    news_item.full_clean()
    news_item.save()
    return news_item


# Whatever looks like a phone number or an e-mail address is taken out of a comment before
# it is stored: the form asks for nothing personal, and this catches the obvious slips.
