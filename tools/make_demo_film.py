"""Make the demo film's files in films/data/demo/: six seconds of a generated test pattern
with "DEMO" written over it (VP9 in WebM, 320×180, no sound), its poster (PNG) and
subtitles in bokmål, English and Arabic (WebVTT).

Run once, by hand, where Debian's ffmpeg is installed (apt-get install ffmpeg); the output
is committed, so `make run` and the tests need no ffmpeg:

    python tools/make_demo_film.py

Each subtitle cue lasts two seconds and says which part of the film it is, so a test can
tell the languages and the cues apart (tests/browser/test_films.py).
"""

import shutil
import subprocess
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "films" / "data" / "demo"
SECONDS = 6
SIZE = "320x180"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

CUES = {
    "nb": ["Dette er en demofilm.", "Her snakker en som hjelper.", "Du kan få hjelp."],
    "en": ["This is a demo film.", "Here someone who helps speaks.", "You can get help."],
    "ar": ["هذا فيلم تجريبي.", "هنا يتحدث شخص يساعد.", "يمكنك الحصول على المساعدة."],
}


def webvtt(lines):
    blocks = ["WEBVTT", ""]
    for number, text in enumerate(lines):
        start, end = number * 2, number * 2 + 2
        blocks += [f"00:00:0{start}.000 --> 00:00:0{end}.000", text, ""]
    return "\n".join(blocks)


def run(*arguments):
    subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", *arguments], check=True)


def main():
    if not shutil.which("ffmpeg"):
        sys.exit("ffmpeg is not installed: apt-get install ffmpeg")
    OUT.mkdir(parents=True, exist_ok=True)
    text = (
        f"drawtext=fontfile={FONT}:text=DEMO:fontsize=48:fontcolor=white"
        ":box=1:boxcolor=black@0.6:boxborderw=8:x=(w-tw)/2:y=(h-th)/2"
    )
    source = f"testsrc2=size={SIZE}:rate=24:duration={SECONDS}"
    film = OUT / "demo-film.webm"
    # Two-pass-free constant quality, keyframe every second so that seeking is quick.
    run(
        "-f", "lavfi", "-i", source,
        "-vf", text,
        "-c:v", "libvpx-vp9", "-b:v", "0", "-crf", "40", "-g", "24",
        "-pix_fmt", "yuv420p", "-an", str(film),
    )  # fmt: skip
    run(
        "-f", "lavfi", "-i", source, "-vf", text, "-frames:v", "1",
        str(OUT / "demo-poster.png"),
    )  # fmt: skip
    for language, lines in CUES.items():
        (OUT / f"demo-film.{language}.vtt").write_text(webvtt(lines), encoding="utf-8")
    for path in sorted(OUT.iterdir()):
        print(f"{path.name}: {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
