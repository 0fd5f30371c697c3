from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

DEMO_SERVICES = Path(settings.BASE_DIR) / "services" / "data" / "demo_services.csv"


class Command(BaseCommand):
    help = "Load the demo data of every part of the portal (safe to run again)."

    def handle(self, *args, **options):
        call_command("import_services", DEMO_SERVICES, stdout=self.stdout, stderr=self.stderr)
        call_command("load_demo_shelter_places", stdout=self.stdout, stderr=self.stderr)
        call_command("load_demo_service_areas", stdout=self.stdout, stderr=self.stderr)
        call_command("load_demo_articles", stdout=self.stdout, stderr=self.stderr)
        call_command("load_demo_questions", stdout=self.stdout, stderr=self.stderr)
        call_command("load_demo_materials", stdout=self.stdout, stderr=self.stderr)
        # After the articles and the services' categories, which the self-tests link to.
        call_command("load_demo_selftests", stdout=self.stdout, stderr=self.stderr)
        call_command("load_demo_films", stdout=self.stdout, stderr=self.stderr)
