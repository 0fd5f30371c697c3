"""For a staff member who lost their phone and their backup codes (README, "Run in
production"): remove their second factor and end their sessions; at their next login they
set up a new one."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from core.services import staff_second_factor_reset


class Command(BaseCommand):
    help = (
        "Remove a staff member's authenticator and backup codes and log them out "
        "everywhere; they set up a new second factor at their next login."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user_model = get_user_model()
        try:
            user = user_model.objects.get(**{user_model.USERNAME_FIELD: username})
        except user_model.DoesNotExist as error:
            raise CommandError(f"No user {username!r}.") from error
        removed = staff_second_factor_reset(user=user)
        self.stdout.write(
            f"{username}: {removed} device(s) removed, sessions ended. They set "
            "up a new second factor at their next login."
        )
