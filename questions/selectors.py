"""Reads: the question an answer code opens, the published questions and their search, the
site search's hook, and the figures the service reports to its funder."""

import datetime as dt
import statistics
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.models import TargetGroup, Topic
from core.search import (
    MatchScore,
    SearchField,
    SearchHit,
    Terms,
    excerpt,
    first_written,
    search_languages,
    translated_columns,
)

from .codes import candidate_hashes
from .models import Question, StatisticsRecord

# Where a search looks in a published question, and what finding a word there is worth.
SEARCH_FIELDS = (
    SearchField("public_title", 3, translated=True),
    SearchField("public_question", 2, translated=True),
    SearchField("public_answer", 1, translated=True),
)


def question_for_code(code):
    """The question an answer code opens (under the current or a previous secret key), with
    what the answer page shows of it (topic, follow-up, feedback), or None."""
    hashes = candidate_hashes(code)
    if not hashes:
        return None
    return (
        Question.objects.filter(code_hash__in=hashes)
        .select_related("topic", "followup", "feedback")
        .first()
    )


def published_questions():
    return Question.objects.published().select_related("topic").order_by("-published_at")


def search_published_questions(text, *, language=None, limit=5, queryset=None):
    """Published questions that share words with `text` (its most telling words, when it
    is long), best first. Looks in the public title, question and answer in the page's
    language and in bokmål. Portable: the published set is small, a few hundred a year."""
    terms = Terms.parse(text, search_languages(language))
    if not terms:
        return []
    queryset = published_questions() if queryset is None else queryset
    return list(
        queryset.annotate(search_rank=MatchScore(SEARCH_FIELDS, terms))
        .filter(search_rank__gt=0)
        .order_by("-search_rank", "-published_at")[:limit]
    )


def site_search(query, *, language=None, limit=10):
    """The published questions for the portal's site search, as SearchHits."""
    languages = search_languages(language)
    # Only the columns shown (a Question row has a column per language for several fields),
    # and only questions with a public address to link to.
    shown = (
        Question.objects.published()
        .exclude(Q(public_slug__isnull=True) | Q(public_slug=""))
        .values(
            "public_slug",
            *translated_columns("public_title", languages),
            *translated_columns("public_question", languages),
        )
    )
    hits = []
    for row in search_published_questions(query, language=language, limit=limit, queryset=shown):
        title, title_language = first_written(row, "public_title", languages)
        question, _language = first_written(row, "public_question", languages)
        hits.append(
            SearchHit(
                kind="question",
                title=title,
                url=reverse("questions:detail", kwargs={"slug": row["public_slug"]}),
                snippet=excerpt(question),
                rank=row["search_rank"],
                language=title_language,
            )
        )
    return hits


# --- Statistics -----------------------------------------------------------------------------


@dataclass
class Figures:
    """The year's figures, from live questions and from the text-free records that
    retention leaves behind."""

    year: int
    received: int = 0
    answered: int = 0
    rejected: int = 0
    open: int = 0
    per_month: list = field(default_factory=list)  # [(date, count)]
    per_topic: list = field(default_factory=list)  # [(name, count)], most first
    per_group: list = field(default_factory=list)  # [(name, count)], most first
    median_days_to_answer: float | None = None
    answered_in_time: int = 0
    feedback_count: int = 0
    helpful_count: int = 0

    @property
    def helpful_share(self):
        return self.helpful_count / self.feedback_count if self.feedback_count else None

    @property
    def in_time_share(self):
        return self.answered_in_time / self.answered if self.answered else None


@dataclass(frozen=True)
class _Row:
    month: dt.date
    topic_id: int | None
    asker_group_id: int | None  # None: other, or did not say
    outcome: str  # answered, rejected, open
    hours: float | None
    helpful: bool | None


def _rows(year):
    start = timezone.make_aware(dt.datetime(year, 1, 1))
    end = timezone.make_aware(dt.datetime(year + 1, 1, 1))
    live = Question.objects.filter(received_at__gte=start, received_at__lt=end).values_list(
        "received_at",
        "answered_at",
        "topic_id",
        "asker_group_id",
        "status",
        "feedback__helpful",
    )
    for received_at, answered_at, topic_id, group_id, status, helpful in live:
        if status in (Question.Status.ANSWERED, Question.Status.PUBLISHED):
            outcome = "answered"
        elif status == Question.Status.REJECTED:
            outcome = "rejected"
        else:
            outcome = "open"
        hours = (answered_at - received_at).total_seconds() / 3600 if answered_at else None
        month = timezone.localtime(received_at).date().replace(day=1)
        yield _Row(month, topic_id, group_id, outcome, hours, helpful)
    archived = StatisticsRecord.objects.filter(received_month__year=year).values_list(
        "received_month", "topic_id", "asker_group_id", "outcome", "hours_to_answer", "helpful"
    )
    for month, topic_id, group_id, outcome, hours, helpful in archived:
        yield _Row(month, topic_id, group_id, outcome, hours, helpful)


def question_statistics(year):
    """Questions per month, topic and target group of the asker ("Other" for none),
    median time to answer, share answered in time and share of helpful feedback, for one
    calendar year (Norwegian time). Computed in Python: a few hundred rows a year, and the
    same on every database."""
    rows = list(_rows(year))
    figures = Figures(year=year, received=len(rows))
    counts = Counter(row.outcome for row in rows)
    figures.answered, figures.rejected, figures.open = (
        counts["answered"],
        counts["rejected"],
        counts["open"],
    )
    months = Counter(row.month for row in rows)
    figures.per_month = [
        (dt.date(year, month, 1), months[dt.date(year, month, 1)]) for month in range(1, 13)
    ]
    topics = {topic.pk: topic.name for topic in Topic.objects.all()}
    topic_counts = Counter(row.topic_id for row in rows)
    figures.per_topic = sorted(
        ((topics.get(pk, "–"), count) for pk, count in topic_counts.items()),
        key=lambda item: (-item[1], str(item[0])),
    )
    groups = {group.pk: group.name for group in TargetGroup.objects.all()}
    groups[None] = _("Other")
    group_counts = Counter(row.asker_group_id for row in rows)
    figures.per_group = sorted(
        ((groups.get(pk, "–"), count) for pk, count in group_counts.items()),
        key=lambda item: (-item[1], str(item[0])),
    )
    hours = [row.hours for row in rows if row.outcome == "answered" and row.hours is not None]
    if hours:
        figures.median_days_to_answer = statistics.median(hours) / 24
    limit = settings.QUESTIONS_ANSWER_DAYS * 24
    figures.answered_in_time = sum(1 for value in hours if value <= limit)
    feedback = [row.helpful for row in rows if row.helpful is not None]
    figures.feedback_count = len(feedback)
    figures.helpful_count = sum(1 for value in feedback if value)
    return figures
