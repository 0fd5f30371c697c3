"""Checks of the files editors upload for a film: the video (WebM or MP4), the poster (PNG,
JPEG or WebP) and the subtitles (WebVTT).

A file's name is what the editor's computer called it; its first bytes say what it is. Both
must agree, so that a page never offers a browser a file of another kind than its `type`
says, and nothing but a video, an image or subtitles is served from the site's media.

The WebVTT check is written here (docs/decisions/0018-films.md): the parsers on PyPI read
leniently and skip what they do not understand, while an editor needs to hear which line
of a file a browser would stumble on. It follows the W3C WebVTT syntax for what a file
*should* be, a little stricter than a browser's parser, which drops bad cues silently.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

# --- What kind of file ------------------------------------------------------------------

VIDEO_TYPES = {"webm": "video/webm", "mp4": "video/mp4"}
IMAGE_TYPES = {"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "webp": "image/webp"}
# ISO base media brands of a plain MP4 video (not QuickTime's "qt  " nor audio-only "M4A ").
MP4_BRANDS = {
    b"isom",
    b"iso2",
    b"iso4",
    b"iso5",
    b"iso6",
    b"mp41",
    b"mp42",
    b"avc1",
    b"dash",
    b"M4V ",
    b"mmp4",
}
HEADER_BYTES = 64


def file_extension(name):
    return name.rpartition(".")[2].lower() if "." in (name or "") else ""


def _read(upload, size=-1):
    """The file's first `size` bytes (all of it by default), leaving an open upload where
    it was and a stored file closed."""
    if upload.closed:
        with upload.open("rb") as opened:
            return opened.read(size)
    position = upload.tell()
    upload.seek(0)
    data = upload.read(size)
    upload.seek(position)
    return data


def sniff_video(head):
    """'webm' or 'mp4' from a file's first bytes, or None."""
    # EBML header, then the DocType element (0x4282) naming "webm" (Matroska says "matroska").
    if head.startswith(b"\x1a\x45\xdf\xa3") and b"\x42\x82" in head:
        doctype = head[head.index(b"\x42\x82") + 2 :]
        if doctype[1:5] == b"webm":
            return "webm"
    if head[4:8] == b"ftyp" and head[8:12] in MP4_BRANDS:
        return "mp4"
    return None


def sniff_image(head):
    """'png', 'jpeg' or 'webp' from a file's first bytes, or None."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    return None


def _check_size(upload, limit):
    if upload.size > limit:
        raise ValidationError(
            _("The file is %(size)s; the largest allowed is %(limit)s."),
            code="too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
        )


def validate_video_file(upload):
    """A WebM or MP4 video whose name and first bytes agree."""
    extension = file_extension(upload.name)
    if extension not in VIDEO_TYPES:
        raise ValidationError(
            _("Upload the video as a WebM (.webm) or MP4 (.mp4) file."), code="video_extension"
        )
    _check_size(upload, settings.FILMS_MAX_VIDEO_BYTES)
    found = sniff_video(_read(upload, HEADER_BYTES))
    if found is None:
        raise ValidationError(
            _("This file is not a WebM or MP4 video, whatever its name says."),
            code="not_a_video",
        )
    if found != extension:
        raise ValidationError(
            _("The file is named .%(extension)s but is a %(kind)s video. Rename it .%(kind)s."),
            code="video_mismatch",
            params={"extension": extension, "kind": found},
        )


def validate_image_file(upload):
    """A PNG, JPEG or WebP picture whose name and first bytes agree."""
    extension = file_extension(upload.name)
    if extension not in IMAGE_TYPES:
        raise ValidationError(
            _("Upload the picture as a PNG, JPEG or WebP file."), code="image_extension"
        )
    _check_size(upload, settings.FILMS_MAX_POSTER_BYTES)
    found = sniff_image(_read(upload, HEADER_BYTES))
    expected = "jpeg" if extension == "jpg" else extension
    if found is None:
        raise ValidationError(
            _("This file is not a PNG, JPEG or WebP picture, whatever its name says."),
            code="not_an_image",
        )
    if found != expected:
        raise ValidationError(
            _("The file is named .%(extension)s but is a %(kind)s picture."),
            code="image_mismatch",
            params={"extension": extension, "kind": found.upper()},
        )


# --- WebVTT -----------------------------------------------------------------------------

# hh:mm:ss.ttt (hours of two or more digits) or mm:ss.ttt
TIMESTAMP = re.compile(r"(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})")
TIMING = re.compile(r"^(\S+)[ \t]+-->[ \t]+(\S+)(?:[ \t]+(.*))?$")
SETTING_NAMES = {"vertical", "line", "position", "size", "align", "region"}
# The markup WebVTT defines for cue text: classes, italics, bold, underline, ruby, voice,
# language, and timestamps inside a cue. Nothing else (no HTML, no script).
CUE_TAGS = {"c", "i", "b", "u", "ruby", "rt", "v", "lang"}
TAG = re.compile(r"<([^>]*)(>|$)")
TAG_NAME = re.compile(r"/?([A-Za-z][A-Za-z0-9]*)")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Cue:
    start: float
    end: float
    text: str
    line: int


def _seconds(text):
    match = TIMESTAMP.fullmatch(text)
    if not match:
        return None
    hours, minutes, seconds, millis = match.groups()
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(millis) / 1000


def _problem(line, message, code, **params):
    params["line"] = line
    return ValidationError(message, code=code, params=params)


def _check_cue_text(text, line):
    if "-->" in text:
        raise _problem(
            line,
            _("Line %(line)d: “-->” belongs on a timing line. Is a blank line missing before it?"),
            "arrow_in_text",
        )
    for match in TAG.finditer(text):
        inside, closed = match.groups()
        if not closed:
            raise _problem(line, _("Line %(line)d: a “<” is never closed with “>”."), "open_tag")
        if TIMESTAMP.fullmatch(inside):
            continue
        name = TAG_NAME.match(inside)
        tag = name.group(1).lower() if name else inside
        if tag not in CUE_TAGS:
            raise _problem(
                line,
                _(
                    "Line %(line)d: the tag <%(tag)s> is not allowed in subtitles. Only "
                    "WebVTT's <b>, <i>, <u>, <c>, <v>, <lang>, <ruby> and <rt> are."
                ),
                "tag",
                tag=tag[:20],
            )


def _parse_timing(text, line):
    match = TIMING.match(text)
    if not match:
        raise _problem(
            line,
            _(
                "Line %(line)d: this should be a cue's timing, like "
                "“00:01.000 --> 00:04.000” or “00:00:01.000 --> 00:00:04.000”."
            ),
            "timing",
        )
    start_text, end_text, cue_settings = match.groups()
    start, end = _seconds(start_text), _seconds(end_text)
    for value, raw in ((start, start_text), (end, end_text)):
        if value is None:
            raise _problem(
                line,
                _(
                    "Line %(line)d: “%(time)s” is not a time. Write mm:ss.ttt or "
                    "hh:mm:ss.ttt, with a full stop and three digits for the milliseconds."
                ),
                "timestamp",
                time=raw[:30],
            )
    if end <= start:
        raise _problem(
            line,
            _("Line %(line)d: the cue ends (%(end)s) before or when it starts (%(start)s)."),
            "end_before_start",
            start=start_text,
            end=end_text,
        )
    for setting in (cue_settings or "").split():
        name, colon, value = setting.partition(":")
        if name not in SETTING_NAMES or not colon or not value:
            raise _problem(
                line,
                _("Line %(line)d: “%(setting)s” is not a WebVTT cue setting."),
                "cue_setting",
                setting=setting[:30],
            )
    return start, end


def _decode(data):
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise _problem(
            line,
            _(
                "Line %(line)d: the file is not UTF-8 text. Save it as UTF-8 (in most "
                "editors: “Save as”, encoding UTF-8) and upload it again."
            ),
            "encoding",
        ) from None
    return text.removeprefix("\ufeff")


def _blocks(lines):
    """(first line number, [lines]) of each block between blank lines."""
    block, first = [], 0
    for number, line in enumerate(lines, start=1):
        if line.strip():
            if not block:
                first = number
            block.append(line)
        elif block:
            yield first, block
            block = []
    if block:
        yield first, block


def parse_webvtt(data):
    """The cues of a WebVTT file given as bytes, or a ValidationError naming the first
    problem and its line."""
    if not data.strip():
        raise ValidationError(_("The file is empty."), code="empty")
    text = _decode(data)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, line in enumerate(lines, start=1):
        if CONTROL.search(line):
            raise _problem(
                number, _("Line %(line)d: the text holds invisible control characters."), "control"
            )
    header = lines[0]
    if not (header == "WEBVTT" or header.startswith(("WEBVTT ", "WEBVTT\t"))):
        raise _problem(
            1,
            _("Line %(line)d: a WebVTT file must begin with the word WEBVTT on its first line."),
            "header",
        )
    cues, previous_start = [], 0.0
    blocks = _blocks(lines)
    next(blocks)  # the header block: WEBVTT and any lines right under it
    for first, block in blocks:
        keyword = block[0].split(maxsplit=1)[0] if block[0].split() else ""
        if keyword == "NOTE" and "-->" not in block[0]:
            continue
        if keyword == "STYLE" and "-->" not in block[0]:
            raise _problem(
                first,
                _(
                    "Line %(line)d: STYLE blocks are not allowed: the site shows subtitles "
                    "in its own style."
                ),
                "style",
            )
        if keyword == "REGION" and "-->" not in block[0] and not cues:
            continue
        timing_at = 0 if "-->" in block[0] else 1
        if timing_at and TIMESTAMP.match(block[0].strip()):
            if len(block) == 1 or "-->" not in block[1]:
                _parse_timing(block[0].strip(), first)  # a timing written wrong: say so here
        if timing_at and (len(block) == 1 or "-->" not in block[1]):
            raise _problem(
                first,
                _(
                    "Line %(line)d: a cue identifier with no timing under it. Each cue is an "
                    "optional name, a timing line and its text, with a blank line after it."
                ),
                "no_timing",
            )
        line_number = first + timing_at
        start, end = _parse_timing(block[timing_at].strip(), line_number)
        if start < previous_start:
            raise _problem(
                line_number,
                _("Line %(line)d: this cue starts before the one above it. Put cues in order."),
                "order",
            )
        payload = block[timing_at + 1 :]
        for offset, cue_line in enumerate(payload, start=line_number + 1):
            _check_cue_text(cue_line, offset)
        cues.append(Cue(start=start, end=end, text="\n".join(payload), line=line_number))
        previous_start = start
    if not cues:
        raise ValidationError(
            _("The file holds no subtitles: no line with a timing like “00:01.000 --> 00:04.000”."),
            code="no_cues",
        )
    return cues


def validate_webvtt_file(upload):
    """A model/form validator for a subtitle file: a .vtt file of valid WebVTT."""
    if file_extension(upload.name) != "vtt":
        raise ValidationError(_("Upload the subtitles as a WebVTT (.vtt) file."), code="extension")
    _check_size(upload, settings.FILMS_MAX_SUBTITLE_BYTES)
    parse_webvtt(_read(upload))
