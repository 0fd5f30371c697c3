"""Demo shelter places: for each demo crisis shelter without any status yet, a status set a
few hours ago (some left unset, to show "unknown – call") and a history of the last 90 days
for the statistics. Safe to run again: a shelter that has statuses is left alone."""

import datetime as dt
import random

from django.core.management.base import BaseCommand
from django.utils import timezone

from services.models import SHELTER_CATEGORY, Service, ShelterPlaces, ShelterStatus

HISTORY_DAYS = 90


class Command(BaseCommand):
    help = "Give the demo crisis shelters places (safe to run again)."

    def handle(self, *args, **options):
        now = timezone.now()
        shelters = Service.objects.filter(
            category__slug=SHELTER_CATEGORY, is_demo=True, shelter_statuses__isnull=True
        )
        statuses = []
        for shelter in shelters:
            rng = random.Random(shelter.slug)  # the same demo on every machine
            choices = [ShelterPlaces.AVAILABLE, ShelterPlaces.FEW, ShelterPlaces.FULL]
            for day in range(HISTORY_DAYS, 1, -1):
                moment = now - dt.timedelta(days=day, hours=rng.randint(0, 12))
                statuses.append(
                    ShelterStatus(service=shelter, places=rng.choice(choices), set_at=moment)
                )
            if rng.random() < 0.8:  # the rest have said nothing today: "unknown – call"
                moment = now - dt.timedelta(hours=rng.randint(1, 20))
                statuses.append(
                    ShelterStatus(service=shelter, places=rng.choice(choices), set_at=moment)
                )
        ShelterStatus.objects.bulk_create(statuses)
        self.stdout.write(f"Shelter places: {len(statuses)} statuses for the demo shelters.")
