from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from questions.services import questions_purge


class Command(BaseCommand):
    help = (
        "Delete private questions, with their answers, follow-ups, feedback, notes and status "
        "log, QUESTIONS_RETENTION_DAYS after their last step (the asker reading the answer, a "
        "follow-up, the answer or rejection), and questions never answered "
        "QUESTIONS_OPEN_RETENTION_DAYS after their last step. Published questions keep their "
        "public version and lose the private part. A text-free record of each deleted "
        "question is kept for the statistics. Safe to run from cron, as often as you like."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help=f"Retention in days (default QUESTIONS_RETENTION_DAYS, now "
            f"{settings.QUESTIONS_RETENTION_DAYS}).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be deleted; delete nothing."
        )

    def handle(self, *args, days=None, dry_run=False, **options):
        if days is not None and days < 0:
            raise CommandError("--days cannot be negative.")
        counts = questions_purge(days=days, dry_run=dry_run)
        verb = "Would delete" if dry_run else "Deleted"
        summary = ", ".join(f"{count} {name}" for name, count in counts.items())
        self.stdout.write(f"{verb}: {summary}.")
