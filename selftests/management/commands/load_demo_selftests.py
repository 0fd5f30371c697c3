from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from selftests.demo import load_demo_selftests

DEMO_SELFTESTS = Path(settings.BASE_DIR) / "selftests" / "data" / "demo_selftests.json"


class Command(BaseCommand):
    help = "Load the demo self-tests (safe to run again: keyed on slugs). Load the articles first."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", type=Path, default=DEMO_SELFTESTS)

    def handle(self, *args, path, **options):
        if not path.exists():
            raise CommandError(f"No such file: {path}")
        try:
            report = load_demo_selftests(path)
        except (ValueError, KeyError, ValidationError) as error:
            raise CommandError(f"{path} could not be loaded: {error}") from error
        for warning in report.warnings:
            self.stderr.write(warning)
        self.stdout.write(
            f"Self-tests: {report.created} created, {report.updated} updated, the rest unchanged."
        )
