"""The healthy production stack as visitors meet it: every public page through nginx in three
languages with everything it loads, compression, caching, the access log, and the map in
Chromium."""

import gzip
import json
import os
import re
import secrets
import xml.etree.ElementTree as ET
from urllib.parse import urljoin, urlsplit

import pytest

from tests.chromium import CHROMIUM, CHROMIUM_ARGS

from .stack import HELPLINE, find_link, parse_page

pytestmark = pytest.mark.production

LANGUAGES = {"nb": "", "en": "/en", "ar": "/ar"}
# Pages at a fixed address (without the language prefix).
PAGES = [
    "/",
    "/tjenester/",
    "/tjenester/?q=0150",
    "/tjenester/kart.geojson",
    "/artikler/",
    "/artikler/aktuelt/",
    "/artikler/aktuelt/rss/",
    "/artikler/aktuelt/atom/",
    "/sporsmal/",
    "/sporsmal/still-et-sporsmal/",
    "/sporsmal/les-svar/",
    "/om-tjenesten/",
    "/skjul-sporene/",
    "/sok/?q=vold",
]
# Pages the demo data decides: (what, the page that links to it, the link's path).
LINKED_PAGES = [
    ("a service", "/tjenester/?q=0150", r"^/tjenester/(?!kart\.geojson|kategori/)[\w-]+/$"),
    ("an article", "/artikler/", r"^/artikler/(?!aktuelt/|for/|tema/)[\w-]+/$"),
    ("a target group", "/artikler/", r"^/artikler/for/[\w-]+/$"),
    ("a topic", "/artikler/", r"^/artikler/tema/[\w-]+/$"),
    ("a news item", "/artikler/aktuelt/", r"^/artikler/aktuelt/(?!rss/|atom/)[\w-]+/$"),
    (
        "a published question",
        "/sporsmal/",
        r"^/sporsmal/(?!still-et-sporsmal/|les-svar/|lignende/)[\w-]+/$",
    ),
]
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+?)['"]?\s*\)""")
HASHED_NAME = re.compile(r"\.[0-9a-f]{12}\.\w+$")


class Crawl:
    """Fetches pages and everything they load, once each, and collects what is wrong."""

    def __init__(self, stack):
        self.stack = stack
        self.failures = []
        self.checked = set()

    def page(self, path, *, status=200):
        response = self.stack.fetch(path)
        if response.status != status:
            self.failures.append(f"{path}: status {response.status}, expected {status}")
        content_type = response.header("Content-Type")
        if "html" in content_type:
            page_url = self.stack.url(path)
            for reference in parse_page(response.text).resources:
                self.resource(urljoin(page_url, reference), found_on=path)
        elif "xml" in content_type:
            try:
                ET.fromstring(response.body)
            except ET.ParseError as error:
                self.failures.append(f"{path}: not well-formed XML ({error})")
        elif "json" in content_type:
            try:
                json.loads(response.body)["features"]
            except (ValueError, KeyError, TypeError) as error:
                self.failures.append(f"{path}: not a GeoJSON feature collection ({error!r})")
        return response

    def resource(self, url, *, found_on):
        if url in self.checked:
            return
        self.checked.add(url)
        parts = urlsplit(url)
        # Absolute links (canonical) name the host nginx passes on, $host, which has no port:
        # in production the site is on 443, here it is on a port of its own.
        site = f"{parts.scheme}://{parts.netloc}"
        if site not in (self.stack.base_url, "https://localhost"):
            self.failures.append(f"{found_on}: refers to another site: {url}")
            return
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        response = self.stack.fetch(path)
        if response.status == 405 and "POST" in response.header("Allow"):
            # An endpoint the page's script posts to (the ask form's similar questions).
            response = self.stack.fetch(path, method="POST", data={"text": "vold"})
        if response.status >= 400:
            self.failures.append(f"{found_on}: {path} answers {response.status}")
        elif "text/css" in response.header("Content-Type"):
            for reference in CSS_URL.findall(response.text):
                if not reference.startswith(("data:", "#")):
                    self.resource(urljoin(url, reference), found_on=parts.path)


def test_every_public_page_and_what_it_loads(stack):
    crawl = Crawl(stack)
    for language, prefix in LANGUAGES.items():
        for path in PAGES:
            crawl.page(prefix + path)
        for what, page, pattern in LINKED_PAGES:
            html = stack.fetch(prefix + page).text
            target = find_link(html, pattern, prefix)
            if target:
                crawl.page(target)
            else:
                crawl.failures.append(f"{language}: no link to {what} on {prefix + page}")
        missing = f"{prefix}/finnes-ikke-{secrets.token_hex(4)}/"
        response = crawl.page(missing, status=404)
        if HELPLINE not in response.text:
            crawl.failures.append(f"{missing}: the 404 page is not the portal's ({HELPLINE})")
    assert not crawl.failures, "\n".join(crawl.failures)


def test_the_map_data_has_services(stack):
    response = stack.fetch("/tjenester/kart.geojson?q=0150")
    assert response.status == 200
    assert "geo+json" in response.header("Content-Type") or "json" in response.header(
        "Content-Type"
    )
    assert json.loads(response.body)["features"], "no services near 0150 on the map"


def stylesheet(stack):
    """The portal's stylesheet, as the home page names it."""
    for reference in parse_page(stack.fetch("/").text).resources:
        if "/css/portal." in reference:
            return urlsplit(reference).path
    raise AssertionError("the home page names no css/portal.*.css")


def test_compression_of_pages_and_static_files(stack):
    css = stylesheet(stack)
    failures = []
    for path in ["/", "/en/tjenester/", css]:
        for encoding in ("gzip", "br"):
            response = stack.fetch(path, headers={"Accept-Encoding": encoding})
            if response.header("Content-Encoding") != encoding:
                failures.append(
                    f"{path} with Accept-Encoding {encoding}: Content-Encoding "
                    f"{response.header('Content-Encoding')!r}"
                )
            if "Accept-Encoding" not in ", ".join(response.headers.get_all("Vary") or []):
                failures.append(f"{path} ({encoding}): no Vary: Accept-Encoding")
            if encoding == "gzip" and response.header("Content-Encoding") == "gzip":
                gzip.decompress(response.body)
    assert not failures, "\n".join(failures)


def test_hashed_static_files_are_cached_for_a_year(stack):
    css = stylesheet(stack)
    assert HASHED_NAME.search(css), f"{css} has no content hash"
    response = stack.fetch(css)
    cache_control = ", ".join(response.headers.get_all("Cache-Control") or [])
    assert response.status == 200
    assert "max-age=31536000" in cache_control and "immutable" in cache_control, cache_control
    # A name without a hash can change: it must not be kept for a year.
    unhashed = stack.fetch(re.sub(r"\.[0-9a-f]{12}(\.\w+)$", r"\1", css))
    assert unhashed.status == 200
    assert "immutable" not in ", ".join(unhashed.headers.get_all("Cache-Control") or [])


def test_plain_http_moves_to_https_and_nginx_keeps_its_version(stack):
    response = stack.fetch("/tjenester/?q=0150", via="http")
    assert response.status == 301
    assert response.header("Location").startswith("https://")
    assert response.header("Location").endswith("/tjenester/?q=0150")
    assert stack.fetch("/").header("Server") == "nginx"


def test_nginx_refuses_oversized_requests_before_the_app_sees_them(stack):
    body = stack.fetch("/sporsmal/les-svar/", method="POST", data={"code": "x" * (1536 * 1024)})
    assert body.status == 413
    assert stack.fetch("/?" + "a" * 9000).status == 414


def test_the_access_log_names_no_page_address_or_search(stack):
    stack.fetch(
        "/tjenester/?q=0150",
        headers={"User-Agent": "smoke-agent", "Referer": "https://smoke-referrer.example/"},
    )
    log = stack.nginx_access_log()
    assert log.strip(), "nginx wrote no access log"
    for secret in ("0150", "tjenester", "sporsmal", "smoke-agent", "smoke-referrer", "?"):
        assert secret not in log, f"the access log names {secret!r}"


# Violations of the Content-Security-Policy, as the page itself sees them.
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""
MARKER_ICONS = """() => Array.from(document.querySelectorAll(".leaflet-marker-icon")).map(
  (icon) => ({image: icon.tagName === "IMG", src: icon.currentSrc || icon.className,
              loaded: icon.tagName !== "IMG" || (icon.complete && icon.naturalWidth > 0)}))"""


def test_the_services_map_in_chromium(stack, sample_paths):
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail("needs Debian's chromium (CI is set, so this fails instead of skipping)")
        pytest.skip("needs Debian's chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    problems, images = [], 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(ignore_https_errors=True, locale="nb-NO")
            context.add_init_script(CSP_LISTENER)

            def outside(route):
                problems.append(f"request to another site: {route.request.url}")
                route.abort()

            context.route(lambda url: not url.startswith(stack.base_url), outside)
            page = context.new_page()
            page.on(
                "requestfailed",
                lambda request: problems.append(
                    f"request failed: {request.url} ({request.failure})"
                ),
            )

            def answered(response):
                stack.responses.append(
                    ("chromium", response.request.method, response.url, response.status)
                )
                if response.status >= 400:
                    problems.append(f"{response.status}: {response.url}")

            page.on("response", answered)
            page.on(
                "console",
                lambda message: (
                    message.type == "error" and problems.append(f"console error: {message.text}")
                ),
            )
            page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
            for path in ["/tjenester/", "/tjenester/?q=0150", sample_paths["service"]]:
                page.goto(stack.base_url + path, wait_until="load")
                page.wait_for_selector(
                    "#service-map[data-marker-count]", state="attached", timeout=10_000
                )
                page.wait_for_load_state("networkidle")
                icons = page.evaluate(MARKER_ICONS)
                if not icons:
                    problems.append(f"{path}: no marker or cluster icon on the map")
                problems.extend(
                    f"{path}: marker image not loaded: {icon['src']}"
                    for icon in icons
                    if not icon["loaded"]
                )
                problems.extend(
                    f"{path}: CSP violation: {violation}"
                    for violation in page.evaluate("window.__cspViolations")
                )
                images += sum(icon["image"] for icon in icons)
        finally:
            browser.close()
    if not images:
        problems.append("no map showed a single marker image (only clusters?)")
    assert not problems, "\n".join(dict.fromkeys(problems))
