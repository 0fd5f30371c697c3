"""Editors upload a film, its poster and subtitles in the admin; a broken file is refused
there with the message of the check, and nothing is saved."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from films.demo import DEMO_FOLDER
from films.models import Film, FilmSubtitle
from tests import factories

pytestmark = pytest.mark.django_db

ADD = "admin:films_film_add"
WEBM = (DEMO_FOLDER / "demo-film.webm").read_bytes()
PNG = (DEMO_FOLDER / "demo-poster.png").read_bytes()
GOOD_VTT = (DEMO_FOLDER / "demo-film.nb.vtt").read_bytes()


def add_form(client, *, video=("film.webm", WEBM), subtitles=(), poster=("poster.png", PNG)):
    """The add form as a browser posts it: every field of the page's form, the files, and
    the subtitles inline (language, file) with its management form."""
    form = client.get(reverse(ADD)).context["adminform"].form
    data = {name: "" for name in form.fields}
    data.update(
        {
            "title_nb": "Politiet forklarer",
            "slug": "politiet-forklarer",
            "summary_nb": "En politibetjent forteller.",
            "transcript_nb": "Hei.",
            "is_published": "on",
            "order": "0",
            "duration": "0:01:30",
            "target_groups": [],
            "video": SimpleUploadedFile(*video),
            "poster": SimpleUploadedFile(*poster),
            "subtitles-TOTAL_FORMS": str(len(subtitles)),
            "subtitles-INITIAL_FORMS": "0",
            "subtitles-MIN_NUM_FORMS": "0",
            "subtitles-MAX_NUM_FORMS": "1000",
        }
    )
    for index, (language, name, content) in enumerate(subtitles):
        data[f"subtitles-{index}-language"] = language
        data[f"subtitles-{index}-file"] = SimpleUploadedFile(name, content)
    return data


def post(client, data):
    return client.post(reverse(ADD), data)


def inline_errors(response):
    """(code, message) of each error of the subtitles inline (the messages are in bokmål,
    translated or not; the codes and the line numbers are the same in every language)."""
    return [
        (error.code, " ".join(error.messages))
        for formset in response.context["inline_admin_formsets"]
        for form in formset.formset.forms
        for errors in form.errors.as_data().values()
        for error in errors
    ]


def test_an_editor_uploads_a_film_with_subtitles(editor_client):
    data = add_form(
        editor_client,
        subtitles=[("nb", "nb.vtt", GOOD_VTT), ("en", "en.vtt", GOOD_VTT)],
    )
    response = post(editor_client, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    film = Film.objects.get(slug="politiet-forklarer")
    assert film.video.name.startswith("films/video/") and film.video_type == "video/webm"
    assert sorted(film.subtitles.values_list("language", flat=True)) == ["en", "nb"]
    assert film.duration.total_seconds() == 90


@pytest.mark.parametrize(
    ("content", "code", "words"),
    [
        # (an empty upload is refused by Django's own file field first)
        (b"", "empty", ""),
        (b"WEBVTT\n\n", "no_cues", ""),
        (b"00:01.000 --> 00:02.000\nHei\n", "header", "1"),
        (b"WEBVTT\n\n00:05.000 --> 00:02.000\nHei\n", "end_before_start", "3"),
        (b"WEBVTT\n\n00:01.000 --> 00:02.000\n<script>alert(1)</script>\n", "tag", "<script>"),
        ("WEBVTT\n\n00:01.000 --> 00:02.000\nPå norsk\n".encode("latin-1"), "encoding", "4"),
    ],
)
def test_a_broken_subtitle_file_is_refused_in_the_admin_with_its_line(
    editor_client, content, code, words
):
    data = add_form(editor_client, subtitles=[("nb", "nb.vtt", content)])
    response = post(editor_client, data)
    assert response.status_code == 200
    errors = inline_errors(response)
    assert any(found == code and words in message for found, message in errors), errors
    assert not Film.objects.exists() and not FilmSubtitle.objects.exists()


def test_the_admin_refuses_a_second_file_for_the_same_language(editor_client):
    data = add_form(editor_client, subtitles=[("nb", "a.vtt", GOOD_VTT), ("nb", "b.vtt", GOOD_VTT)])
    response = post(editor_client, data)
    assert response.status_code == 200
    assert not Film.objects.exists()


@pytest.mark.parametrize(
    "video",
    [
        ("film.mov", WEBM),
        ("film.webm", PNG),
        ("film.mp4", WEBM),
        ("film.webm", b"<html><script>alert(1)</script></html>"),
    ],
)
def test_the_admin_refuses_anything_but_a_webm_or_mp4_video(editor_client, video):
    response = post(editor_client, add_form(editor_client, video=video))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["video"]
    assert not Film.objects.exists()


def test_the_admin_refuses_a_poster_that_is_not_a_picture(editor_client):
    data = add_form(editor_client, poster=("poster.png", b"<svg onload='x'></svg>"))
    response = post(editor_client, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["poster"]


def test_film_admin_pages_render(editor_client):
    film = factories.film(subtitles=["nb", "ar"])
    for url in [
        reverse("admin:films_film_changelist"),
        reverse(ADD),
        reverse("admin:films_film_change", args=[film.pk]),
    ]:
        assert editor_client.get(url).status_code == 200, url
