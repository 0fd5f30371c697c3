from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles.demo import load_demo_articles

DEMO_ARTICLES = Path(settings.BASE_DIR) / "articles" / "data" / "demo_articles.json"


class Command(BaseCommand):
    help = "Load the demo articles, sections and news (safe to run again: keyed on slugs)."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", type=Path, default=DEMO_ARTICLES)

    def handle(self, *args, path, **options):
        if not path.exists():
            raise CommandError(f"No such file: {path}")
        try:
            report = load_demo_articles(path)
        except (ValueError, KeyError) as error:
            raise CommandError(f"{path} could not be loaded: {error}") from error
        for warning in report.warnings:
            self.stderr.write(warning)
        self.stdout.write(
            f"Articles: {report.created} created, {report.updated} updated, the rest unchanged."
        )
