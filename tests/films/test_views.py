"""The films' pages: the list, and a film with its video, a subtitle track per language (the
page's language on by default), the transcript, a download link and a fallback text."""

import io
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from films.models import Film, FilmSubtitle
from tests import factories

pytestmark = pytest.mark.django_db


def tracks(html):
    return re.findall(r"<track ([^>]*)>", html)


def test_the_film_page_has_the_video_the_tracks_and_the_transcript(client):
    film = factories.film(
        subtitles=["ar", "nb", "en"],
        transcript="Første avsnitt.\n\nAndre avsnitt.",
        translations={"en": {"title": "The police explain", "transcript": "In English."}},
    )
    path = film.get_absolute_url()  # (in bokmål: a request leaves its language active)
    html = client.get(path).content.decode()
    video = re.search(r"<video ([^>]*)>", html).group(1)
    assert 'controls preload="metadata"' in video
    assert 'poster="/media/films/posters/' in video
    assert "autoplay" not in html and "style=" not in html
    assert re.search(r'<source src="/media/films/video/[^"]+\.webm" type="video/webm">', html)
    # In the order of the site's languages, each named in its own language; bokmål on.
    assert [re.search(r'srclang="(\w+)"', track).group(1) for track in tracks(html)] == [
        "nb",
        "en",
        "ar",
    ]
    assert 'label="English"' in tracks(html)[1] and 'label="العربيّة"' in tracks(html)[2]
    assert [track.endswith(" default") for track in tracks(html)] == [True, False, False]
    assert 'kind="subtitles"' in tracks(html)[0]
    assert "<p>Første avsnitt.</p><p>Andre avsnitt.</p>" in html
    assert re.search(r'<a href="/media/films/video/[^"]+" download>', html)
    # English page: the English track is on, the English text shown.
    english = client.get("/en" + path).content.decode()
    assert [track.endswith(" default") for track in tracks(english)] == [False, True, False]
    assert "The police explain" in english and "In English." in english
    # A page in a language with no subtitles turns none on; its text falls back to bokmål,
    # marked as such.
    turkish = client.get("/tr" + path).content.decode()
    assert not any(track.endswith(" default") for track in tracks(turkish))
    assert f'<h1 lang="nb">{film.title_nb}</h1>' in turkish


def test_the_files_are_served_from_media_with_their_types(client):
    film = factories.film(subtitles=["nb"])
    video = client.get(film.video.url)
    assert video.status_code == 200 and video["Content-Type"] == "video/webm"
    subtitle = client.get(film.subtitles.get().file.url)
    assert subtitle["Content-Type"].startswith("text/vtt")
    assert b"".join(subtitle.streaming_content).startswith(b"WEBVTT")


def test_the_policy_lets_the_page_play_media_from_the_site_only(client):
    film = factories.film()
    policy = client.get(film.get_absolute_url())["Content-Security-Policy"]
    assert "media-src 'self';" in policy


def test_the_list_shows_published_films_in_order(client):
    second = factories.film(title="Krisesenteret", order=2)
    first = factories.film(title="Politiet", order=1)
    factories.film(title="Ikke publisert", is_published=False)
    html = client.get("/filmer/").content.decode()
    assert html.index(first.title) < html.index(second.title)
    assert "Ikke publisert" not in html


def test_an_unpublished_or_unknown_film_is_not_found(client):
    hidden = factories.film(is_published=False)
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert client.get("/filmer/finnes-ikke/").status_code == 404


@pytest.mark.parametrize(
    "query",
    ["?page=abc", "?page=-1", "?page=99999", "?page=1%00", "?utm_source=x&page[]=2", "?q=<script>"],
)
def test_junk_query_parameters_never_give_an_error(client, query):
    film = factories.film()
    assert client.get("/filmer/" + query).status_code == 200
    assert client.get(film.get_absolute_url() + query).status_code == 200


def test_a_missing_video_file_does_not_break_the_page(client):
    film = factories.film()
    film.video.storage.delete(film.video.name)
    response = client.get(film.get_absolute_url())
    assert response.status_code == 200


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_pages_cost_a_fixed_number_of_queries(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    film = factories.film(subtitles=["nb"])
    factories.film()
    few = queries(client, "/filmer/"), queries(client, film.get_absolute_url())
    for _number in range(5):
        factories.film(subtitles=["nb", "en"])
    nb_file = film.subtitles.get().file
    for language in ("en", "ar"):
        FilmSubtitle.objects.create(film=film, language=language, file=nb_file)
    many = queries(client, "/filmer/"), queries(client, film.get_absolute_url())
    # The list: its films and their count. The film: itself, its subtitles, its groups.
    assert few == many == (2, 3)


def test_the_pages_are_kept_for_every_visitor(client):
    film = factories.film()
    client.get(film.get_absolute_url())
    assert queries(client, film.get_absolute_url()) == 0
    film.title_nb = "Ny tittel"
    film.save()
    assert "Ny tittel" in client.get(film.get_absolute_url()).content.decode()


def test_the_demo_film_loads_once_and_again_changes_nothing():
    call_command("load_demo_films", stdout=io.StringIO())
    film = Film.objects.get()
    names = (film.video.name, film.poster.name, film.updated_at)
    assert "DEMO" in film.title_nb and "DEMO" in film.title_en
    assert "demo" in film.summary_nb.lower() and "demo" in film.summary_en.lower()
    assert sorted(film.subtitles.values_list("language", flat=True)) == ["ar", "en", "nb"]
    assert film.video.storage.exists(film.video.name)
    out = io.StringIO()
    call_command("load_demo_films", stdout=out)
    assert "0 created, 0 updated" in out.getvalue()
    film.refresh_from_db()
    assert (film.video.name, film.poster.name, film.updated_at) == names
    assert FilmSubtitle.objects.count() == 3


def test_the_home_page_and_the_footer_link_to_the_films(client):
    html = client.get("/en/").content.decode()
    assert html.count('href="/en/filmer/"') == 2
