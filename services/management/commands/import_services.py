from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from services.csv_io import CsvFileError, decode_csv, import_rows, read_csv


class Command(BaseCommand):
    help = "Create or update services from a CSV file (keyed on slug; safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, *args, path, **options):
        try:
            rows = read_csv(decode_csv(path.read_bytes()))
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error}") from error
        except CsvFileError as error:
            raise CommandError(f"Cannot import {path}: {error}") from error
        result = import_rows(rows)
        for line, message in result.errors:
            self.stderr.write(f"line {line}: {message}")
        self.stdout.write(
            f"{result.created} created, {result.updated} updated, "
            f"{result.unchanged} unchanged, {len(result.errors)} rejected"
        )
        if result.errors:
            raise CommandError(f"{len(result.errors)} rows were rejected.")
