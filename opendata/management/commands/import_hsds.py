from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from opendata.importer import import_package


class Command(BaseCommand):
    help = "Import a data package in this portal's HSDS form (a zip or a folder)."

    def add_arguments(self, parser):
        parser.add_argument("package", type=Path)

    def handle(self, *args, package, **options):
        if not package.exists():
            raise CommandError(f"{package} does not exist")
        result = import_package(package)
        self.stdout.write(
            f"{result.created} created, {result.updated} updated, {result.unchanged} unchanged"
        )
        for line, message in result.errors:
            self.stderr.write(f"services.csv row {line}: {message}")
        if result.errors:
            raise CommandError(f"{len(result.errors)} rows were not imported")
