"""What every page carries: quick exit, emergency numbers, language, and a strict CSP."""

import re
from pathlib import Path

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
PAGES = ["/", "/tjenester/", "/om-tjenesten/", "/skjul-sporene/", "/tjenester/?q=0150"]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_has_quick_exit_emergency_numbers_and_a_skip_link(client, url):
    html = client.get(url).content.decode()
    assert re.search(
        r'<a class="quick-exit__button" href="https://www.yr.no/"[^>]*data-quick-exit', html
    )
    assert 'href="tel:112"' in html and 'href="tel:116006"' in html
    assert 'href="tel:116111"' in html
    assert '<a class="skip-link" href="#main">' in html and '<main id="main"' in html
    assert 'href="/skjul-sporene/"' in html


@override_settings(QUICK_EXIT_URL="https://www.example.org/weather")
def test_quick_exit_goes_where_the_site_configures(client):
    assert 'href="https://www.example.org/weather"' in client.get("/").content.decode()


@pytest.mark.parametrize(
    ("prefix", "lang", "direction"),
    [
        ("", "nb", "ltr"),
        ("/nn", "nn", "ltr"),
        ("/en", "en", "ltr"),
        ("/ar", "ar", "rtl"),
        ("/ckb", "ckb", "rtl"),
        ("/fa", "fa", "rtl"),
        ("/ur", "ur", "rtl"),
        ("/se", "se", "ltr"),
        ("/so", "so", "ltr"),
        ("/pl", "pl", "ltr"),
    ],
)
def test_lang_and_dir_follow_the_url(client, prefix, lang, direction):
    response = client.get(f"{prefix}/tjenester/")
    assert response.status_code == 200
    assert f'<html lang="{lang}" dir="{direction}">' in response.content.decode()


def test_hreflang_alternates_and_switcher_lead_to_the_same_page(client):
    html = client.get("/tjenester/?q=0150").content.decode()
    alternate = '<link rel="alternate" hreflang="{}" href="http://testserver{}">'
    assert alternate.format("en", "/en/tjenester/?q=0150") in html
    assert alternate.format("nb", "/tjenester/?q=0150") in html
    assert 'hreflang="x-default"' in html
    assert '<a href="/ar/tjenester/?q=0150" hreflang="ar" lang="ar" dir="rtl">' in html


def test_responses_carry_a_strict_content_security_policy(client):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


@override_settings(MAP_TILE_URL="https://{s}.tiles.example.no/{z}/{x}/{y}.png")
def test_a_configured_tile_server_is_allowed_for_images_only():
    from dinutvei.middleware import content_security_policy

    policy = content_security_policy()
    assert "img-src 'self' data: https://*.tiles.example.no" in policy
    assert "tiles.example.no" not in policy.split("img-src")[0]


def test_no_template_has_inline_script_style_or_handlers():
    templates = [p for p in ROOT.glob("**/templates/**/*.html") if ".venv" not in p.parts]
    assert templates
    for path in templates:
        text = path.read_text()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), path
        assert not re.search(r"\sstyle=", text), path
        assert not re.search(r"\son[a-z]+=", text), path


def test_no_asset_is_loaded_from_another_site(client):
    html = client.get("/tjenester/?q=0150").content.decode()
    for match in re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html):
        assert match.startswith(("/", "http://testserver/")), match


def test_robots_keeps_crawlers_out_of_the_admin(client):
    assert "Disallow: /admin/" in client.get("/robots.txt").content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/en/",
        "/ar/sok/?q=vold",
        "/tjenester/?q=0150&radius=50",
        "/en/tjenester/kategori/krisesenter/",
        "/artikler/hva-er-vold/",
        "/se/sporsmal/?topic=x&page=2",
        "/ckb/om-tjenesten/",
    ],
)
def test_a_page_in_another_language_is_what_django_would_reverse(path):
    """core.i18n swaps the prefix instead of resolving and reversing (no URL pattern is
    translated): the same answer as Django's translate_url, for every language."""
    from django.conf import settings
    from django.urls import translate_url
    from django.utils import translation

    from core.i18n import path_in_language

    # As in a request for the page: its own language is the active one.
    with translation.override(translation.get_language_from_path(path) or "nb"):
        for code, _name in settings.LANGUAGES:
            assert path_in_language(path, code) == translate_url(path, code), (path, code)


def test_the_lines_say_what_they_are_in_english(client):
    html = client.get("/en/").content.decode()
    assert "Helpline for violence and abuse, free and open around the clock" in html
    assert "Out-of-hours doctor (legevakt)" in html
