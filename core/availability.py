"""What "the database or the cache is unavailable" looks like from inside a request.

Such a failure is not a bug in a page: the visitor gets the 503 page with the emergency
numbers (dinutvei/middleware.py, dinutvei/errors.py), and the log gets one line instead of
a traceback per request."""

import logging

from django.db import InterfaceError, OperationalError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

UNAVAILABLE_ERRORS = (OperationalError, InterfaceError, RedisConnectionError, RedisTimeoutError)


def is_unavailable(error):
    return isinstance(error, UNAVAILABLE_ERRORS)


def describe(error):
    """The error's kind and the first line of its message (no traceback, no request data)."""
    first_line = (str(error).strip().splitlines() or [""])[0][:200]
    return f"{type(error).__name__}: {first_line}"


class OneLineWhenUnavailable(logging.Filter):
    """Turns a logged traceback of an unavailability error into one line, and drops
    Django's "Service Unavailable: <path>" for the 503 page, which has logged its own line
    (dinutvei/middleware.py) without naming the page."""

    def filter(self, record):
        if record.name == "django.request" and getattr(record, "status_code", None) == 503:
            return False
        error = record.exc_info[1] if record.exc_info else None
        if error is not None and is_unavailable(error):
            record.msg = f"{record.getMessage()} ({describe(error)})"
            record.args = ()
            record.exc_info = record.exc_text = None
        return True
