"""Rate limits without tracking people.

A visitor is known only by a keyed hash of their address group (an IPv4 address, or the
/64 network of an IPv6 address, which one household or phone usually holds). The key is
random, made each day and kept only in the shared cache with a lifetime of two days: it is
never derived from SECRET_KEY, never written to disk or the database, and yesterday's
hashes cannot be matched with today's. The hash lives only inside cache keys that expire
within two hours. (Whoever holds a copy of the cache taken on the same day can still test
addresses against it; nothing outside the cache can.)

Each limit counts in a sliding window (the current hour's count plus the previous hour's,
weighted by how much of it is still inside the window), and decides on the count that its
own atomic increment returns: parallel requests cannot all slip under the limit. Every
action also has a ceiling for all visitors together; reaching it refuses further events
for everyone for the rest of the window, logs one line and leaves an alert for the staff
(`core.models.RateLimitAlert`).
"""

import hashlib
import hmac
import ipaddress
import logging
import secrets
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.utils import timezone

from .availability import UNAVAILABLE_ERRORS, describe
from .network import client_address

HOUR = 60 * 60
DAY = 24 * HOUR
logger = logging.getLogger(__name__)


def address_group(address):
    """The part of an address that stands for one visitor: the whole IPv4 address, or the
    /64 network of an IPv6 address (devices pick the rest of it at will)."""
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return "unknown"
    if parsed.version == 6:
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)


def _daily_key():
    # The site's day (Europe/Oslo), the same day the article reads are counted in.
    day = timezone.localdate().isoformat()
    name = f"ratelimit:key:{day}"
    cache.add(name, secrets.token_hex(32), 2 * DAY)
    return cache.get(name).encode()


def client_key(request):
    """Today's keyed hash of the visitor's address group."""
    group = address_group(client_address(request))
    return hmac.new(_daily_key(), group.encode(), hashlib.sha256).hexdigest()[:32]


def _increment(key, window):
    cache.add(key, 0, 2 * window)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, 2 * window)
        return 1


@dataclass(frozen=True)
class RateLimit:
    """At most `per_client` events per visitor, and `ceiling` for everyone together, in a
    sliding window of `window` seconds.

    With `fail_open`, a cache that cannot be reached lets the event through (and logs one
    line); otherwise the error reaches the view, which answers with the 503 page."""

    action: str
    per_client: int
    ceiling: int
    window: int = HOUR
    fail_open: bool = False

    def _buckets(self, now):
        current = int(now // self.window)
        weight = 1 - (now % self.window) / self.window  # of the previous window still inside
        return current, weight

    def _estimate(self, key_base, now, current_count=None):
        current, weight = self._buckets(now)
        if current_count is None:
            current_count = cache.get(f"{key_base}:{current}", 0)
        previous = cache.get(f"{key_base}:{current - 1}", 0)
        return current_count + previous * weight

    def _client_base(self, request):
        return f"ratelimit:{self.action}:client:{client_key(request)}"

    def _all_base(self):
        return f"ratelimit:{self.action}:all"

    def exceeded(self, request):
        """Whether the visitor, or everyone together, is over the limit now (counts
        nothing)."""
        now = time.time()
        try:
            return (
                self._estimate(self._client_base(request), now) >= self.per_client
                or self._estimate(self._all_base(), now) >= self.ceiling
            )
        except UNAVAILABLE_ERRORS as error:
            self._let_through(error)
            return False

    def hit(self, request):
        """Count one event; True while it is within both limits. The decision rests on the
        counts this call's own increments returned."""
        now = time.time()
        current, _weight = self._buckets(now)
        try:
            client_base = self._client_base(request)
            client_count = _increment(f"{client_base}:{current}", self.window)
            all_count = _increment(f"{self._all_base()}:{current}", self.window)
            over_ceiling = self._estimate(self._all_base(), now, all_count) > self.ceiling
            within = (
                self._estimate(client_base, now, client_count) <= self.per_client
                and not over_ceiling
            )
        except UNAVAILABLE_ERRORS as error:
            self._let_through(error)
            return True
        if over_ceiling:
            self._raise_alert(now)
        return within

    def _let_through(self, error):
        if not self.fail_open:
            raise error
        logger.warning(
            "Rate limit %s not applied, the cache is unavailable (%s)", self.action, describe(error)
        )

    def _raise_alert(self, now):
        """Once per window: a line in the log and an alert the staff see in the admin."""
        current, _weight = self._buckets(now)
        if not cache.add(f"ratelimit:{self.action}:alerted:{current}", True, 2 * self.window):
            return
        from .models import RateLimitAlert

        logger.warning(
            "Rate limit %s: the ceiling of %d per %d s for everyone was reached",
            self.action,
            self.ceiling,
            self.window,
        )
        RateLimitAlert.objects.create(action=self.action, ceiling=self.ceiling)
