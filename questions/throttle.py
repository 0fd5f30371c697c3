"""Rate limits without tracking people.

A visitor is known only by a keyed hash of their address, salted with the secret key and
today's date: it changes every day, cannot be turned back into the address, and lives only
as part of a cache key that expires within the hour. It is never written to the database
or to a log.
"""

import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.crypto import salted_hmac

from core.availability import UNAVAILABLE_ERRORS, describe
from core.network import client_address

HOUR = 60 * 60
logger = logging.getLogger(__name__)


def client_key(request):
    day = timezone.now().date().isoformat()
    return salted_hmac(
        f"questions.client.{day}", client_address(request), algorithm="sha256"
    ).hexdigest()[:32]


class RateLimit:
    """At most `limit` events per visitor in a fixed window of `window` seconds.

    With `fail_open`, a cache that cannot be reached lets the event through (and logs one
    line); otherwise the error reaches the view, which answers with the 503 page."""

    def __init__(self, scope, limit, window=HOUR, *, fail_open=False):
        self.scope, self.limit, self.window = scope, limit, window
        self.fail_open = fail_open

    def _key(self, request):
        bucket = int(time.time() // self.window)
        return f"questions:rl:{self.scope}:{bucket}:{client_key(request)}"

    def _let_through(self, error):
        if not self.fail_open:
            raise error
        logger.warning("Rate limit %s not applied, the cache is unavailable (%s)",
                       self.scope, describe(error))

    def count(self, request):
        try:
            return cache.get(self._key(request), 0)
        except UNAVAILABLE_ERRORS as error:
            self._let_through(error)
            return 0

    def exceeded(self, request):
        return self.count(request) >= self.limit

    def hit(self, request):
        """Count one event; True while the visitor is still within the limit."""
        key = self._key(request)
        try:
            cache.add(key, 0, self.window)
            try:
                count = cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.set(key, 1, self.window)
                count = 1
        except UNAVAILABLE_ERRORS as error:
            self._let_through(error)
            return True
        return count <= self.limit


def ask_limit():
    return RateLimit("ask", settings.QUESTIONS_ASK_LIMIT_PER_HOUR)


def code_limit():
    # Open when the cache is down: an answer code is one of 2^79, so an hour of unlimited
    # guessing finds nothing, and an asker must be able to read the answer (decision 0007).
    return RateLimit("code", settings.QUESTIONS_CODE_ATTEMPTS_PER_HOUR, fail_open=True)


def search_limit():
    return RateLimit("search", settings.QUESTIONS_SEARCH_LIMIT_PER_HOUR)
