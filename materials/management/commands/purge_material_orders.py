from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from materials.services import orders_purge


class Command(BaseCommand):
    help = (
        "Delete the orderer's name, organisation, e-mail, phone, address, postcode and note "
        "from material orders sent or cancelled at least MATERIAL_ORDER_RETENTION_DAYS ago. "
        "The lines, the municipality and county and the dates stay for the statistics. "
        "Open orders nobody handled in MATERIAL_ORDER_OPEN_RETENTION_DAYS are cancelled and "
        "purged too. Safe to run from cron, as often as you like."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help=f"Retention in days (default MATERIAL_ORDER_RETENTION_DAYS, now "
            f"{settings.MATERIAL_ORDER_RETENTION_DAYS}).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be purged; change nothing."
        )

    def handle(self, *args, days=None, dry_run=False, **options):
        if days is not None and days < 0:
            raise CommandError("--days cannot be negative.")
        counts = orders_purge(days=days, dry_run=dry_run)
        verb = "Would purge" if dry_run else "Purged"
        summary = ", ".join(f"{count} {name}" for name, count in counts.items())
        self.stdout.write(f"{verb}: {summary}.")
