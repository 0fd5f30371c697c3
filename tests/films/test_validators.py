"""The checks of the files editors upload for a film: a broken WebVTT file is refused with
what is wrong and on which line; a video or picture must be what its name says."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from films.demo import DEMO_FOLDER
from films.validators import (
    parse_webvtt,
    sniff_image,
    sniff_video,
    validate_image_file,
    validate_video_file,
    validate_webvtt_file,
)

GOOD = """WEBVTT - the demo film

NOTE Written by hand.
Two lines of note.

1
00:00.000 --> 00:02.000
Dette er en <i>demofilm</i>.

intro-2
00:00:02.000 --> 00:00:04.500 align:start line:90%
<v Politibetjent>Her snakker en som hjelper.</v>
Andre linje <00:00:03.000><b>her</b>.

00:04.500 --> 01:00:06.000
<c.yellow>Du</c> kan få <lang en>help</lang> &amp; støtte.
"""


def problem(text, language="en"):
    """The message a file is refused with, as an editor reads it (in English here, so the
    tests read the source text; the admin shows it in bokmål)."""
    data = text if isinstance(text, bytes) else text.encode()
    with pytest.raises(ValidationError) as caught:
        parse_webvtt(data)
    with translation.override(language):
        return caught.value.messages[0], caught.value.code


def test_a_good_file_gives_its_cues_in_order():
    cues = parse_webvtt(GOOD.encode())
    assert [(cue.start, cue.end) for cue in cues] == [(0, 2), (2, 4.5), (4.5, 3606)]
    assert cues[1].text.startswith("<v Politibetjent>")
    assert cues[1].line == 11


def test_windows_line_endings_a_byte_order_mark_and_a_header_comment_are_fine():
    parse_webvtt(("\ufeff" + GOOD).replace("\n", "\r\n").encode())
    parse_webvtt(b"WEBVTT\tcomment\n\n00:01.000 --> 00:02.000\nHei\n")


def test_the_demo_subtitles_are_valid():
    for language in ("nb", "en", "ar"):
        assert len(parse_webvtt((DEMO_FOLDER / f"demo-film.{language}.vtt").read_bytes())) == 3


@pytest.mark.parametrize(
    ("text", "code", "words"),
    [
        ("", "empty", "empty"),
        ("   \n\n", "empty", "empty"),
        ("00:01.000 --> 00:02.000\nHei\n", "header", "Line 1"),
        ("WEBVTTX\n\n00:01.000 --> 00:02.000\nHei\n", "header", "WEBVTT"),
        ("WEBVTT\n\nNOTE only a note\n", "no_cues", "no subtitles"),
        ("WEBVTT\n\n00:01.000 -> 00:02.000\nHei\n", "timing", "Line 3"),
        ("WEBVTT\n\n1\n00:01,000 --> 00:02.000\nHei\n", "timestamp", "Line 4"),
        ("WEBVTT\n\n00:01.0 --> 00:02.000\nHei\n", "timestamp", "00:01.0"),
        ("WEBVTT\n\n00:61.000 --> 01:02.000\nHei\n", "timestamp", "Line 3"),
        ("WEBVTT\n\n00:05.000 --> 00:02.000\nHei\n", "end_before_start", "Line 3"),
        ("WEBVTT\n\n00:02.000 --> 00:02.000\nHei\n", "end_before_start", "00:02.000"),
        (
            "WEBVTT\n\n00:05.000 --> 00:06.000\nA\n\n00:01.000 --> 00:02.000\nB\n",
            "order",
            "Line 6",
        ),
        ("WEBVTT\n\n00:01.000 --> 00:02.000 colour:red\nHei\n", "cue_setting", "colour:red"),
        ("WEBVTT\n\n00:01.000 --> 00:02.000\n<script>alert(1)</script>\n", "tag", "<script>"),
        ("WEBVTT\n\n00:01.000 --> 00:02.000\nHei\n<img src=x onerror=y>\n", "tag", "Line 5"),
        ("WEBVTT\n\n00:01.000 --> 00:02.000\n<a href='x'>lenke</a>\n", "tag", "<a>"),
        ("WEBVTT\n\n00:01.000 --> 00:02.000\nHei <b\n", "open_tag", "Line 4"),
        (
            "WEBVTT\n\n00:01.000 --> 00:02.000\nHei\n00:02.000 --> 00:03.000\nB\n",
            "arrow_in_text",
            "Line 5",
        ),
        ("WEBVTT\n\nSTYLE\n::cue { color: red }\n\n00:01.000 --> 00:02.000\nA\n", "style", "3"),
        ("WEBVTT\n\nfirst-cue\n", "no_timing", "Line 3"),
        ("WEBVTT\n\n00:01.000 --> 00:02.000\nHei\x00\n", "control", "Line 4"),
    ],
)
def test_a_broken_file_is_refused_with_what_and_where(text, code, words):
    message, found = problem(text)
    assert found == code
    assert words in message


def test_a_file_not_in_utf8_is_refused_naming_the_line():
    data = "WEBVTT\n\n00:01.000 --> 00:02.000\nPå norsk\n".encode("latin-1")
    message, code = problem(data)
    assert code == "encoding"
    assert message.startswith("Line 4:") and "UTF-8" in message


def test_the_editor_reads_the_message_in_bokmal():
    message, _code = problem("WEBVTT\n\n00:05.000 --> 00:02.000\nHei\n", language="nb")
    assert message.startswith("Linje 3:")


def upload(name, data):
    return SimpleUploadedFile(name, data)


def test_the_subtitle_validator_wants_a_vtt_file_of_limited_size(settings):
    validate_webvtt_file(upload("a.vtt", GOOD.encode()))
    with pytest.raises(ValidationError, match=r"\.vtt"):
        validate_webvtt_file(upload("a.srt", GOOD.encode()))
    settings.FILMS_MAX_SUBTITLE_BYTES = 100
    with pytest.raises(ValidationError) as caught:
        validate_webvtt_file(upload("a.vtt", GOOD.encode()))
    assert caught.value.code == "too_large"


WEBM = (DEMO_FOLDER / "demo-film.webm").read_bytes()
PNG = (DEMO_FOLDER / "demo-poster.png").read_bytes()
MP4 = b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isomiso2avc1mp41" + b"\x00" * 64
QUICKTIME = b"\x00\x00\x00\x14ftypqt  \x00\x00\x02\x00qt  " + b"\x00" * 64
MATROSKA = WEBM[:40].replace(b"webm", b"matr") + b"\x00" * 40


def test_videos_are_known_by_their_first_bytes():
    assert sniff_video(WEBM[:64]) == "webm"
    assert sniff_video(MP4[:64]) == "mp4"
    assert sniff_video(QUICKTIME[:64]) is None
    assert sniff_video(MATROSKA[:64]) is None
    assert sniff_video(PNG[:64]) is None
    assert sniff_video(b"") is None


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("film.webm", WEBM, None),
        ("FILM.MP4", MP4, None),
        ("film.mov", QUICKTIME, "video_extension"),
        ("film.avi", WEBM, "video_extension"),
        ("film", WEBM, "video_extension"),
        ("film.webm", PNG, "not_a_video"),
        ("film.webm", b"<script>alert(1)</script>", "not_a_video"),
        ("film.mp4", QUICKTIME, "not_a_video"),
        ("film.mp4", WEBM, "video_mismatch"),
        ("film.webm", b"", "not_a_video"),
    ],
)
def test_a_video_must_be_webm_or_mp4_by_name_and_content(name, data, code):
    if code is None:
        validate_video_file(upload(name, data))
        return
    with pytest.raises(ValidationError) as caught:
        validate_video_file(upload(name, data))
    assert caught.value.code == code


def test_a_video_too_large_is_refused(settings):
    settings.FILMS_MAX_VIDEO_BYTES = 1000
    with pytest.raises(ValidationError) as caught:
        validate_video_file(upload("film.webm", WEBM))
    assert caught.value.code == "too_large"


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("poster.png", PNG, None),
        ("poster.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 60, None),
        ("poster.webp", b"RIFF\x00\x00\x00\x00WEBPVP8 " + b"\x00" * 60, None),
        ("poster.gif", b"GIF89a" + b"\x00" * 60, "image_extension"),
        ("poster.svg", b"<svg><script/></svg>", "image_extension"),
        ("poster.png", b"<html>" + b"\x00" * 60, "not_an_image"),
        ("poster.png", b"\xff\xd8\xff\xe0" + b"\x00" * 60, "image_mismatch"),
    ],
)
def test_a_poster_must_be_png_jpeg_or_webp_by_name_and_content(name, data, code):
    assert sniff_image(PNG) == "png"
    if code is None:
        validate_image_file(upload(name, data))
        return
    with pytest.raises(ValidationError) as caught:
        validate_image_file(upload(name, data))
    assert caught.value.code == code
