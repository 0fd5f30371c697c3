"""The page cache as deployed (decision 11): kept pages shared by both app servers through
Redis, ended by an editor's save; nginx keeping for a second exactly the pages the app
marks, and nothing a visitor typed or a form."""

import re
import time

import pytest

pytestmark = pytest.mark.production

KEY_LINE = re.compile(rb"\nKEY: ([^\n]+)\n")


def cache_files(stack):
    folder = stack.workdir / "cache"
    return {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def kept_keys(files):
    return {KEY_LINE.search(body).group(1).decode() for body in files.values()}


def test_a_kept_page_is_shared_by_the_app_servers_and_ends_with_a_save(stack, sample_paths):
    path = sample_paths["service"]
    slug = path.strip("/").split("/")[-1]
    # As nginx sends them: the same Host from both servers (the host is part of the key).
    host = {"Host": "localhost"}
    assert stack.fetch(path, via="a", headers=host).status == 200
    # Behind the app's back (an update() sends no signal): the kept page still shows the
    # old number, from either server, so it came from the shared cache.
    stack.shell(
        "from services.models import Service\n"
        f"Service.objects.filter(slug={slug!r}).update(phone='11 22 33 44')\n"
    )
    assert "11 22 33 44" not in stack.fetch(path, via="b", headers=host).text
    # An editor's save starts a new generation: both servers show it at once.
    stack.shell(
        "from services.models import Service\n"
        "from services.services import service_save\n"
        f"service = Service.objects.get(slug={slug!r})\n"
        "service.name = 'Omdøpt tjeneste'\n"
        "service_save(service=service)\n"
    )
    for via in ("a", "b"):
        page = stack.fetch(path, via=via, headers=host).text
        assert "Omdøpt tjeneste" in page and "11 22 33 44" in page, via
    # nginx may have kept the old page for a second, no longer.
    time.sleep(1.5)
    assert "Omdøpt tjeneste" in stack.fetch(path).text


def test_nginx_keeps_only_the_pages_the_app_marks(stack, sample_paths):
    not_kept = [
        "/tjenester/?lat=59.91&lon=10.75",
        "/tjenester/?q=Storgata+5+hos+Kari",
        "/sok/?q=vold",
        "/sporsmal/still-et-sporsmal/",
        "/sporsmal/?q=samv%C3%A6r",
        f"{sample_paths['service']}meld-feil/",
        f"{sample_paths['article']}?utm_source=tv",
        # An article counts its reads in the app: nginx must not answer for it.
        sample_paths["article"],
    ]
    kept = ["/", "/en/tjenester/?q=0150", "/tjenester/kart.geojson?q=0150"]
    for path in not_kept + kept:
        for _ in range(2):
            assert stack.fetch(path).status == 200, path
    files = cache_files(stack)
    keys = kept_keys(files)
    for path in kept:
        assert any(key.endswith(f"localhost{path}") for key in keys), (path, keys)
    for path in not_kept:
        assert not any(key.endswith(f"localhost{path}") for key in keys), path
    for body in files.values():
        assert b"csrfmiddlewaretoken" not in body
        assert b"Set-Cookie" not in body.split(b"\r\n\r\n", 1)[0]


def test_a_visitor_with_a_cookie_gets_a_fresh_page(stack, sample_paths):
    path = sample_paths["service"]
    slug = path.strip("/").split("/")[-1]
    stack.fetch(path)
    stack.fetch(path)  # kept by the app and, for a second, by nginx
    stack.shell(
        "from services.models import Service\n"
        f"Service.objects.filter(slug={slug!r}).update(phone='99 88 77 66')\n"
    )
    # No save, so no new generation: only a request that skips both caches sees it.
    response = stack.fetch(path, headers={"Cookie": "sessionid=someone"})
    assert "99 88 77 66" in response.text
    assert "X-Accel-Expires" not in response.headers  # nginx removes it in any case
    assert "99 88 77 66" not in stack.fetch(path).text
