"""Writes of the self-tests (editors' content; a visitor's answers are never written)."""

from django.db import transaction

from .models import Outcome, SelfTest, Statement


@transaction.atomic
def selftest_save(*, selftest: SelfTest) -> SelfTest:
    selftest.full_clean()
    selftest.save()
    return selftest


@transaction.atomic
def statement_save(*, statement: Statement) -> Statement:
    statement.full_clean()
    statement.save()
    return statement


@transaction.atomic
def outcome_save(*, outcome: Outcome, articles=None, service_categories=None) -> Outcome:
    """Save the outcome and, when given, set its articles and kinds of help."""
    outcome.full_clean()
    outcome.save()
    if articles is not None:
        outcome.articles.set(articles)
    if service_categories is not None:
        outcome.service_categories.set(service_categories)
    return outcome
