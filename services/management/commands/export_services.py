import sys
from pathlib import Path

from django.core.management.base import BaseCommand

from services.csv_io import write_csv
from services.models import Service


class Command(BaseCommand):
    help = "Write every service to a CSV file (or standard output) in the import format."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, nargs="?", help="default: standard output")

    def handle(self, *args, path=None, **options):
        if path is None:
            count = write_csv(sys.stdout, Service.objects.all())
        else:
            with path.open("w", encoding="utf-8", newline="") as file:
                count = write_csv(file, Service.objects.all())
        self.stderr.write(f"{count} services exported")
