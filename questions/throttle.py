"""Rate limits without tracking people.

A visitor is known only by a keyed hash of their address, salted with the secret key and
today's date: it changes every day, cannot be turned back into the address, and lives only
as part of a cache key that expires within the hour. It is never written to the database
or to a log.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.crypto import salted_hmac

HOUR = 60 * 60


def client_address(request):
    """The visitor's address: REMOTE_ADDR, or behind N trusted proxies the Nth entry from
    the end of X-Forwarded-For (the entries before it are the visitor's own claims)."""
    proxies = settings.QUESTIONS_TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [part.strip() for part in
                     request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def client_key(request):
    day = timezone.now().date().isoformat()
    return salted_hmac(
        f"questions.client.{day}", client_address(request), algorithm="sha256"
    ).hexdigest()[:32]


class RateLimit:
    """At most `limit` events per visitor in a fixed window of `window` seconds."""

    def __init__(self, scope, limit, window=HOUR):
        self.scope, self.limit, self.window = scope, limit, window

    def _key(self, request):
        bucket = int(time.time() // self.window)
        return f"questions:rl:{self.scope}:{bucket}:{client_key(request)}"

    def count(self, request):
        return cache.get(self._key(request), 0)

    def exceeded(self, request):
        return self.count(request) >= self.limit

    def hit(self, request):
        """Count one event; True while the visitor is still within the limit."""
        key = self._key(request)
        cache.add(key, 0, self.window)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, self.window)
            count = 1
        return count <= self.limit


def ask_limit():
    return RateLimit("ask", settings.QUESTIONS_ASK_LIMIT_PER_HOUR)


def code_limit():
    return RateLimit("code", settings.QUESTIONS_CODE_ATTEMPTS_PER_HOUR)


def search_limit():
    return RateLimit("search", settings.QUESTIONS_SEARCH_LIMIT_PER_HOUR)
