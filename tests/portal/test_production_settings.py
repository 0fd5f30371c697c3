"""Production settings refuse to run without a shared cache or a proxy setting, and the
visitor's address is believed from X-Forwarded-For only when a trusted proxy sent it."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings

from core.network import client_address

ROOT = Path(__file__).resolve().parents[2]
BASE_ENV = {
    "DJANGO_SETTINGS_MODULE": "dinutvei.settings.production",
    "DJANGO_SECRET_KEY": "a" * 20 + "B" * 20 + "c-d_e" * 6,
    "DJANGO_ALLOWED_HOSTS": "dinutvei.example.no",
    "PATH": "/usr/bin:/bin",
}
COMPLETE_ENV = {
    **BASE_ENV,
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "TRUSTED_PROXIES": "172.28.0.0/24",
}


def deploy_check(env):
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_is_clean_with_production_settings():
    result = deploy_check(COMPLETE_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_deploy_check_fails_without_a_shared_cache_or_a_proxy_setting():
    result = deploy_check(BASE_ENV)
    assert result.returncode != 0
    assert "dinutvei.E001" in result.stderr and "dinutvei.E002" in result.stderr


def test_deploy_check_fails_on_a_proxy_setting_that_is_not_an_address():
    result = deploy_check({**COMPLETE_ENV, "TRUSTED_PROXIES": "nginx"})
    assert result.returncode != 0 and "dinutvei.E003" in result.stderr


def test_the_web_process_refuses_to_start_without_a_shared_cache():
    result = subprocess.run(
        [sys.executable, "-c", "import dinutvei.wsgi"],
        cwd=ROOT,
        env={**BASE_ENV, "TRUSTED_PROXIES": "127.0.0.1"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "will not start" in result.stderr and "dinutvei.E001" in result.stderr


@pytest.mark.parametrize(
    "trusted,remote,forwarded,expected",
    [
        (None, "192.0.2.1", "198.51.100.9", "192.0.2.1"),  # no proxy: header ignored
        (["127.0.0.1"], "192.0.2.1", "198.51.100.9", "192.0.2.1"),  # not from the proxy
        (["127.0.0.1"], "127.0.0.1", "198.51.100.9", "198.51.100.9"),
        (["127.0.0.1"], "127.0.0.1", "6.6.6.6, 198.51.100.9", "198.51.100.9"),  # claim ignored
        (["10.0.0.0/8"], "10.0.0.2", "198.51.100.9, 10.0.0.5", "198.51.100.9"),  # two proxies
        (["127.0.0.1"], "127.0.0.1", "not-an-address", "127.0.0.1"),
        (["::1"], "::1", "2001:db8::7", "2001:db8::7"),
    ],
)
def test_client_address(rf, trusted, remote, forwarded, expected):
    request = rf.get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    with override_settings(TRUSTED_PROXIES=trusted):
        assert client_address(request) == expected
