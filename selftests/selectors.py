"""Reads for the self-test pages: the published tests, one test with its statements, and
the next steps of a result (the outcome, its articles and kinds of help)."""

from dataclasses import dataclass

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from articles.selectors import article_list_queryset
from services.models import ServiceCategory

from .models import Level, Outcome, SelfTest

ARTICLE_LIMIT = 6

# What a result says when an editor has not written (or has deleted) the outcome of a level:
# a result must never be missing.
DEFAULT_OUTCOMES = {
    Level.SAFETY: (
        _("Your safety comes first"),
        _(
            "What you describe can be dangerous. If you or someone else is in danger now, "
            "call 112. You can talk to Vold- og overgrepslinjen on 116 006 around the "
            "clock, free and anonymously."
        ),
    ),
    Level.SIGNS: (
        _("What you describe can be violence"),
        _(
            "Several of the things you recognise are signs of violence. You are not to "
            "blame, and you do not have to handle it alone."
        ),
    ),
    Level.UNSURE: (
        _("It is fine to be unsure"),
        _(
            "Many are unsure whether what happens is violence. Talking to someone can help "
            "you sort it out."
        ),
    ),
    Level.NONE: (
        _("You recognised none of the signs"),
        _("That is good to hear. If something changes, or you want to talk, help is here."),
    ),
}


def published_selftests():
    return SelfTest.objects.published().select_related("target_group")


def selftest_with_statements(slug):
    """The published test, with its statements."""
    return get_object_or_404(
        SelfTest.objects.published().prefetch_related("statements"),
        slug=slug,
    )


@dataclass(frozen=True)
class NextSteps:
    title: str
    text: str
    articles: tuple
    service_categories: tuple
    ask_panel: bool


def next_steps(*, selftest, result):
    """The outcome of the result's level with its published articles, then the articles
    linked from the statements answered yes (what the person recognised, first)."""
    outcome = (
        Outcome.objects.filter(selftest=selftest, level=result.level)
        .prefetch_related(
            Prefetch("articles", queryset=article_list_queryset()),
            Prefetch("service_categories", queryset=ServiceCategory.objects.order_by("order")),
        )
        .first()
    )
    sign_article_ids = [s.article_id for s in result.signs if s.article_id]
    articles = []
    if sign_article_ids:
        found = {a.pk: a for a in article_list_queryset().filter(pk__in=sign_article_ids)}
        articles = [found[pk] for pk in dict.fromkeys(sign_article_ids) if pk in found]
    if outcome is None:
        title, text = DEFAULT_OUTCOMES[result.level]
        return NextSteps(str(title), str(text), tuple(articles[:ARTICLE_LIMIT]), (), True)
    for article in outcome.articles.all():
        if article not in articles:
            articles.append(article)
    return NextSteps(
        title=outcome.title,
        text=outcome.text,
        articles=tuple(articles[:ARTICLE_LIMIT]),
        service_categories=tuple(outcome.service_categories.all()),
        ask_panel=outcome.ask_panel,
    )
