from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuestionsConfig(AppConfig):
    name = "questions"
    verbose_name = _("Questions")

    def ready(self):
        from core import page_cache

        from . import models

        def asked_not_published(question, created):
            # A visitor's new question is shown nowhere until the panel publishes it.
            return created and question.status != models.Question.Status.PUBLISHED

        page_cache.changes_shown_on_pages(
            models.Question, models.QuestionStatistics, unless=asked_not_published
        )
        page_cache.changes_shown_on_pages(models.PanelMember)
        page_cache.never_shown_on_pages(
            models.FollowUp,
            models.Feedback,
            models.StatusChange,
            models.InternalNote,
            models.AnswerSnippet,
            models.StatisticsRecord,
        )
