"""The asker pages' rate limits (core/ratelimit.py says how they keep no trace)."""

from django.conf import settings

from core.ratelimit import RateLimit


def ask_limit():
    return RateLimit(
        "ask", settings.QUESTIONS_ASK_LIMIT_PER_HOUR, settings.QUESTIONS_ASK_CEILING_PER_HOUR
    )


def code_limit():
    # Open when the cache is down: an answer code is one of 2^79, so an hour of unlimited
    # guessing finds nothing, and an asker must be able to read the answer (decision 0007).
    return RateLimit(
        "code",
        settings.QUESTIONS_CODE_ATTEMPTS_PER_HOUR,
        settings.QUESTIONS_CODE_CEILING_PER_HOUR,
        fail_open=True,
    )


def search_limit():
    return RateLimit(
        "search",
        settings.QUESTIONS_SEARCH_LIMIT_PER_HOUR,
        settings.QUESTIONS_SEARCH_CEILING_PER_HOUR,
    )
