"""Write the 404, 500 and 503 pages as static HTML, one folder per language, for nginx to
show when no app server answers (deploy/nginx.conf). Run after collectstatic, so that the
pages name the hashed static files."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

PAGES = ("404", "500", "503")


class Command(BaseCommand):
    help = "Render the error pages into STATIC_ROOT/errors/<language>/ (or --output)."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="folder to write into")

    def handle(self, *args, output=None, **options):
        root = Path(output) if output else Path(settings.STATIC_ROOT) / "errors"
        factory = RequestFactory()
        for code, _name in settings.LANGUAGES:
            folder = root / code
            folder.mkdir(parents=True, exist_ok=True)
            with translation.override(code):
                request = factory.get("/" if code == settings.LANGUAGE_CODE else f"/{code}/")
                for page in PAGES:
                    html = render_to_string(f"errors/{page}.html", request=request)
                    (folder / f"{page}.html").write_text(html, encoding="utf-8")
        self.stdout.write(
            f"Wrote {len(PAGES)} error pages in {len(settings.LANGUAGES)} languages to {root}"
        )
