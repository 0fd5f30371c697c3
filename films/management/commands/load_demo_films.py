from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from films.demo import DEMO_FOLDER, load_demo_films


class Command(BaseCommand):
    help = (
        "Load the demo film and its subtitles into the database and the media storage "
        "(safe to run again: keyed on slugs, files copied once)."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", type=Path, default=DEMO_FOLDER / "demo_films.json")

    def handle(self, *args, path, **options):
        if not path.exists():
            raise CommandError(f"No such file: {path}")
        try:
            report = load_demo_films(path)
        except (ValueError, KeyError, OSError) as error:
            raise CommandError(f"{path} could not be loaded: {error}") from error
        for warning in report.warnings:
            self.stderr.write(warning)
        self.stdout.write(
            f"Films: {report.created} created, {report.updated} updated, the rest unchanged."
        )
