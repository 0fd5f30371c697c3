"""The site search: one query over articles, help services and published questions, in the
reader's language.

Each app answers with its own `site_search(query, *, language, limit)`, built on
core.search and returning core.search.SearchHit. Results are shown per kind, each kind in
its own order: ranks from different searches are not comparable. When no article is
found, the query is corrected against the articles' vocabulary ("did you mean") and, if
the correction finds more, its results are shown instead, saying so.
"""

import logging
from dataclasses import dataclass, field

from django import forms
from django.utils.translation import gettext_lazy as _

from articles.forms import reject_control_characters
from articles.search import suggest
from articles.selectors import site_search as article_search
from core.search import Terms, search_languages
from questions.selectors import site_search as question_search
from services.selectors import site_search as service_search

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
LIMITS = {"article": 10, "service": 5, "question": 5}
# Articles come page by page (services and questions only on the first): at most this many.
MAX_PAGES = 10


class SiteSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search the site"),
        max_length=MAX_QUERY_LENGTH,
        strip=True,
        required=False,
        validators=[reject_control_characters],
        widget=forms.TextInput(
            attrs={"type": "search", "autocomplete": "off", "enterkeyhint": "search"}
        ),
        error_messages={"max_length": _("Write at most %(limit_value)d characters.")},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "search_%s")
        super().__init__(*args, **kwargs)


@dataclass
class SiteSearchResults:
    query: str
    language: str
    articles: list = field(default_factory=list)
    services: list = field(default_factory=list)
    questions: list = field(default_factory=list)
    corrected_from: str = ""  # the typed query, when these are the results of a correction
    suggestion: str = ""  # a correction offered when something was found anyway
    page: int = 1
    has_next: bool = False

    @property
    def total(self):
        return len(self.articles) + len(self.services) + len(self.questions)

    @property
    def has_words(self):
        return bool(Terms.parse(self.query, search_languages(self.language)))

    @property
    def previous_page(self):
        return self.page - 1 if self.page > 1 else None

    @property
    def next_page(self):
        return self.page + 1 if self.has_next else None


def _article_results(query, language, page=1):
    results = SiteSearchResults(query=query, language=language, page=page)
    size = LIMITS["article"]
    # One more than the page holds, to know whether there is a next page.
    articles = article_search(query, language=language, limit=size * page + 1)
    results.articles = articles[size * (page - 1) : size * page]
    results.has_next = len(articles) > size * page and page < MAX_PAGES
    return results


def _add_services_and_questions(results, language):
    """The first page also shows the help services and the published questions."""
    if results.page > 1:
        return results
    query = results.query
    results.services = service_search(query, language=language, limit=LIMITS["service"])
    try:
        results.questions = question_search(query, language=language, limit=LIMITS["question"])
    except Exception:  # the questions' failure must not break the rest of the site search
        logger.exception("questions.selectors.site_search failed")
    return results


def site_search(query, *, language, page=1):
    """Everything the search page shows for a query (articles page by page). The other
    kinds are searched only for the results that will be shown."""
    page = min(max(int(page), 1), MAX_PAGES)
    results = _article_results(query, language, page)
    if page > 1 and not results.articles:
        # Past the last page (an old link, a typed number): the first page instead.
        results = _article_results(query, language, 1)
    if not results.has_words or results.articles or results.page > 1:
        return _add_services_and_questions(results, language)
    # No article matched: perhaps a misspelt word (services may still match a prefix).
    correction = suggest(query, language=language)
    if not correction:
        return _add_services_and_questions(results, language)
    corrected = _article_results(correction, language)
    if corrected.articles:
        corrected.corrected_from = query
        return _add_services_and_questions(corrected, language)
    _add_services_and_questions(results, language)
    if not results.total and _add_services_and_questions(corrected, language).total:
        corrected.corrected_from = query
        return corrected
    results.suggestion = correction
    return results
