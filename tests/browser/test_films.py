"""A film plays in the browser with its subtitles, switchable between bokmål, English and
Arabic: the demo film (films/data/demo/), served from the site's media like an upload."""

import io

import pytest

pytestmark = pytest.mark.browser

DEMO = "/filmer/demofilm-slik-far-du-hjelp/"
# The first cue (0–2 s) and the second (2–4 s) of each demo subtitle file.
CUES = {
    "nb": ("Dette er en demofilm.", "Her snakker en som hjelper."),
    "en": ("This is a demo film.", "Here someone who helps speaks."),
    "ar": ("هذا فيلم تجريبي.", "هنا يتحدث شخص يساعد."),
}

SHOW_ONLY = """([language, seek]) => {
    const video = document.querySelector("video");
    for (const track of video.textTracks) {
        track.mode = track.language === language ? "showing" : "disabled";
    }
    // A paused video updates its active cues when its time is set, as after a seek.
    if (seek) video.currentTime = video.currentTime;
}"""

ACTIVE_CUE = """([language]) => {
    const video = document.querySelector("video");
    const track = [...video.textTracks].find((track) => track.language === language);
    const cues = track && track.activeCues;
    return cues && cues.length ? cues[0].text : null;
}"""

# A frame drawn on a canvas: many different colours (the test pattern), not one blank one.
FRAME_COLOURS = """() => {
    const video = document.querySelector("video");
    const canvas = document.createElement("canvas");
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    const context = canvas.getContext("2d");
    context.drawImage(video, 0, 0);
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
    const colours = new Set();
    for (let index = 0; index < pixels.length; index += 4 * 97) {
        colours.add(`${pixels[index] >> 5},${pixels[index + 1] >> 5},${pixels[index + 2] >> 5}`);
    }
    return colours.size;
}"""


@pytest.fixture
def demo_film(browser_db):
    from django.core.management import call_command

    call_command("load_demo_films", stdout=io.StringIO(), stderr=io.StringIO())


def wait_for_cue(page, language, expected):
    page.wait_for_function(
        f"([language, expected]) => ({ACTIVE_CUE})([language]) === expected",
        arg=[language, expected],
        timeout=10_000,
    )


def test_a_film_plays_with_subtitles_switchable_between_languages(page, demo_film):
    page.goto(DEMO)
    video = page.locator("video")
    assert video.get_attribute("autoplay") is None
    page.wait_for_function("() => document.querySelector('video').readyState >= 1", timeout=10_000)
    tracks = page.evaluate(
        "[...document.querySelector('video').textTracks]"
        ".map((track) => [track.language, track.label, track.kind, track.mode])"
    )
    # Each language named in its own; bokmål, the page's language, on by default.
    assert tracks == [
        ["nb", "norsk (bokmål)", "subtitles", "showing"],
        ["en", "English", "subtitles", "disabled"],
        ["ar", "العربيّة", "subtitles", "disabled"],
    ]
    # Paused at the start: the first cue, in whichever language is shown.
    for language, (first, _second) in CUES.items():
        page.evaluate(SHOW_ONLY, [language, True])
        wait_for_cue(page, language, first)
        showing = page.evaluate(
            "[...document.querySelector('video').textTracks]"
            ".filter((track) => track.mode === 'showing').map((track) => track.language)"
        )
        assert showing == [language]

    # It plays: time goes on into the second cue, and the subtitles follow the language
    # chosen while it plays (slowly now, so that the switches happen within the cue). It
    # plays from the start rather than seek: the tests' server, like Django's, answers no
    # range requests, and without them Chromium cannot seek (nginx answers them).
    page.evaluate(
        "() => { const video = document.querySelector('video'); video.muted = true; "
        "return video.play(); }"
    )
    page.wait_for_function(
        "() => document.querySelector('video').currentTime > 2.05", polling=20, timeout=10_000
    )
    page.evaluate("() => { document.querySelector('video').playbackRate = 0.2; }")
    assert page.evaluate("() => document.querySelector('video').paused") is False
    for language, (_first, second) in CUES.items():
        page.evaluate(SHOW_ONLY, [language, False])
        wait_for_cue(page, language, second)
    page.evaluate("() => document.querySelector('video').pause()")
    assert 2 < page.evaluate("() => document.querySelector('video').currentTime") < 4

    # A frame of the film is there to see, not a blank box.
    size = page.evaluate(
        "(() => { const v = document.querySelector('video'); "
        "return [v.videoWidth, v.videoHeight, v.readyState]; })()"
    )
    assert size[0] == 320 and size[1] == 180 and size[2] >= 2
    assert page.evaluate(FRAME_COLOURS) > 8
    assert page.outside_requests == []


def test_the_english_page_turns_the_english_subtitles_on(page, demo_film):
    page.goto("/en" + DEMO)
    page.wait_for_function("() => document.querySelector('video').textTracks.length === 3")
    modes = page.evaluate(
        "[...document.querySelector('video').textTracks].map((track) => track.mode)"
    )
    assert modes == ["disabled", "showing", "disabled"]
    assert page.locator("#film-transcript-heading").is_visible()
    assert "This is a demo film." in page.locator(".film__transcript").inner_text()
