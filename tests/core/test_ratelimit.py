"""The rate limits: atomic counts, a sliding window, IPv6 by /64, ceilings for everyone
with an alert for the staff, and a random daily key that SECRET_KEY does not give away."""

import os
import socket
import threading
import time
from unittest import mock

import pytest
from django.core.cache import cache
from django.test import RequestFactory, override_settings

from core import ratelimit
from core.models import RateLimitAlert
from core.ratelimit import HOUR, RateLimit, address_group, client_key

pytestmark = pytest.mark.django_db
REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/15",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
    }
}


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def request_from(address):
    return RequestFactory().post("/", REMOTE_ADDR=address)


@pytest.mark.parametrize(
    "address,group",
    [
        ("192.0.2.7", "192.0.2.7"),
        ("2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"),
        ("2001:db8:1:2:ffff:1:2:3", "2001:db8:1:2::/64"),
        ("::ffff:192.0.2.7", "192.0.2.7"),
        ("nonsense", "unknown"),
    ],
)
def test_address_groups(address, group):
    assert address_group(address) == group


def test_one_ipv6_network_shares_one_limit():
    limit = RateLimit("test", per_client=2, ceiling=1000)
    assert limit.hit(request_from("2001:db8:1:2::1"))
    assert limit.hit(request_from("2001:db8:1:2::2"))
    assert not limit.hit(request_from("2001:db8:1:2:abcd::3"))
    assert limit.hit(request_from("2001:db8:1:3::1"))  # another household


def test_the_window_slides_instead_of_resetting_on_the_hour():
    limit = RateLimit("test", per_client=10, ceiling=1000)
    start = (time.time() // HOUR + 1) * HOUR - 60  # a minute before the hour turns
    with mock.patch("core.ratelimit.time.time", return_value=start):
        assert all(limit.hit(request_from("192.0.2.1")) for _ in range(10))
    # Two minutes later, in the next clock hour: the last hour's tries still count.
    with mock.patch("core.ratelimit.time.time", return_value=start + 120):
        assert not limit.hit(request_from("192.0.2.1"))
    # Once the whole window has passed, they no longer do.
    with mock.patch("core.ratelimit.time.time", return_value=start + HOUR + 120):
        assert limit.hit(request_from("192.0.2.1"))


def test_the_ceiling_for_everyone_refuses_and_alerts_the_staff_once(caplog):
    limit = RateLimit("test", per_client=5, ceiling=20)
    results = [limit.hit(request_from(f"198.51.100.{number}")) for number in range(30)]
    assert results == [True] * 20 + [False] * 10
    assert RateLimitAlert.objects.filter(action="test", ceiling=20).count() == 1
    assert "ceiling of 20" in caplog.text
    assert "198.51.100" not in caplog.text


def test_the_key_is_random_per_day_and_not_derived_from_the_secret_key():
    request = request_from("192.0.2.7")
    first = client_key(request)
    with override_settings(SECRET_KEY="another secret key, which changes nothing here"):
        assert client_key(request) == first
    cache.clear()  # a new day's key (or a restarted cache) makes other hashes
    assert client_key(request) != first
    # The key itself is only in the cache, with a lifetime.
    day_key = [key for key in cache._cache if "ratelimit:key:" in key]  # LocMem internals
    assert len(day_key) == 1


def count_allowed_in_parallel(limit, attempts):
    barrier = threading.Barrier(attempts)
    allowed = []

    def attempt():
        barrier.wait()
        allowed.append(limit.hit(request_from("192.0.2.50")))

    threads = [threading.Thread(target=attempt) for _ in range(attempts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(allowed)


def test_parallel_tries_cannot_slip_past_the_limit():
    assert count_allowed_in_parallel(RateLimit("test", per_client=10, ceiling=1000), 40) == 10


def redis_answers():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
        return True
    except OSError:
        return False


@pytest.mark.skipif(
    not redis_answers() and not os.environ.get("CI"), reason="needs Redis on 127.0.0.1:6379"
)
def test_parallel_tries_cannot_slip_past_the_limit_on_redis():
    with override_settings(CACHES=REDIS):
        cache.clear()
        try:
            limit = RateLimit("test", per_client=10, ceiling=1000)
            assert count_allowed_in_parallel(limit, 40) == 10
        finally:
            cache.clear()


def test_listing_reports_and_page_feedback_are_limited(client, settings):
    from tests import factories

    settings.LISTING_REPORT_LIMIT_PER_HOUR = 2
    settings.FEEDBACK_LIMIT_PER_HOUR = 2
    service = factories.service()
    report_url = f"/en/tjenester/{service.slug}/meld-feil/"
    statuses = [
        client.post(report_url, {"message": f"Feil nummer {n}", "contact": ""}).status_code
        for n in range(3)
    ]
    assert statuses == [302, 302, 429]
    assert service.error_reports.count() == 2
    feedback = [
        client.post(
            "/en/tilbakemelding/",
            {"helpful": "ja", "comment": f"Takk {n}", "page": "/en/", "website": ""},
        ).status_code
        for n in range(3)
    ]
    assert feedback == [302, 302, 429]


def test_the_module_keeps_no_address():
    """Nothing in the module's names or cache keys holds the address itself."""
    limit = RateLimit("test", per_client=5, ceiling=100)
    limit.hit(request_from("203.0.113.77"))
    keys = " ".join(str(key) for key in cache._cache)
    assert "203.0.113" not in keys
    assert ratelimit.address_group("203.0.113.77") not in keys
